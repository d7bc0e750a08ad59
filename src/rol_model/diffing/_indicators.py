"""Figures compared across two versions: :class:`IndicatorChange` and how it is computed.

A change is new minus old, and relative to old. When a qualifier (余, 约, 近 …) makes one of the
figures a bound rather than a value, the change is bounded instead and a note says so: 40余
against 45 is "at most +5".
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from rol_model.diffing._patch import same
from rol_model.text import arithmetic

__all__ = ["Comparability", "IndicatorChange", "indicator_change", "lone_indicator"]

Comparability = Literal["exact", "inexact", "incomparable"]
"""How far two figures compare: both exact; a qualifier (余, 约, 近) blurs it; units differ."""


@attrs.frozen(kw_only=True)
class IndicatorChange:
    """A figure added, removed or changed, with the change when it can be computed.

    ``absolute_change`` is new minus old and ``relative_change`` that over old (``None`` when
    old is zero or the units differ). ``comparison`` says whether the figures compare exactly;
    ``note`` explains an inexact or impossible comparison in English and Chinese.
    """

    kind: Literal["added", "removed", "changed"]
    label: str
    unit: str
    old_id: str | None = None
    new_id: str | None = None
    old_pointer: str | None = None
    new_pointer: str | None = None
    old_value: Decimal | None = None
    new_value: Decimal | None = None
    old_unit: str | None = None
    old_qualifier: str | None = None
    new_qualifier: str | None = None
    old_source: str | None = None
    new_source: str | None = None
    absolute_change: Decimal | None = None
    relative_change: Decimal | None = None
    comparison: Comparability | None = None
    note: str | None = None


def _bounds(value: Decimal, qualifier: str) -> tuple[Decimal | None, Decimal | None]:
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    return value, value


def _signed(value: Decimal) -> str:
    return f"{value:+}"


def _qualifier_note(old: Mapping[str, Any], new: Mapping[str, Any], change: Decimal) -> str:
    before, after = old.get("qualifier", "exact"), new.get("qualifier", "exact")
    what = f"{old['source']} → {new['source']}"
    if "approximately" in (before, after):
        return f"approximate figures ({what}): change about {_signed(change)} / " + (
            f"含约数（{what}）：变化约{_signed(change)}"
        )
    old_low, old_high = _bounds(old["value"], before)
    new_low, new_high = _bounds(new["value"], after)
    low = None if new_low is None or old_high is None else new_low - old_high
    high = None if new_high is None or old_low is None else new_high - old_low
    if low is not None and high is not None:
        return (
            f"inexact ({what}): change between {_signed(low)} and {_signed(high)} / "
            f"非精确比较（{what}）：变化在{_signed(low)}与{_signed(high)}之间"
        )
    if high is not None:
        return (
            f"inexact ({what}): change at most {_signed(high)} / "
            f"非精确比较（{what}）：变化至多{_signed(high)}"
        )
    if low is not None:
        return (
            f"inexact ({what}): change at least {_signed(low)} / "
            f"非精确比较（{what}）：变化至少{_signed(low)}"
        )
    return (
        f"bounds only ({what}): the direction of change is unknown / "
        f"均为范围值（{what}）：变化方向无法确定"
    )


def indicator_change(
    old: Mapping[str, Any], new: Mapping[str, Any], old_pointer: str, new_pointer: str
) -> IndicatorChange | None:
    keys = ("label", "value", "unit", "qualifier", "period")
    if (
        all(same(old.get(k), new.get(k)) for k in keys if k != "value")
        and old["value"] == new["value"]
    ):
        return None
    common = {
        "kind": "changed",
        "label": new["label"],
        "unit": new["unit"],
        "old_id": old["id"],
        "new_id": new["id"],
        "old_pointer": old_pointer,
        "new_pointer": new_pointer,
        "old_value": old["value"],
        "new_value": new["value"],
        "old_unit": old["unit"],
        "old_qualifier": old.get("qualifier", "exact"),
        "new_qualifier": new.get("qualifier", "exact"),
        "old_source": old["source"],
        "new_source": new["source"],
    }
    if old["unit"] != new["unit"]:
        units = f"{old['unit']} → {new['unit']}"
        note = f"units differ ({units}) / 单位不同（{units}）"
        return IndicatorChange(**common, comparison="incomparable", note=note)
    with decimal.localcontext(arithmetic()) as context:  # no trap: any two values compare
        change = new["value"] - old["value"]
        relative = None
        if old["value"] != 0:
            context.prec = 6
            relative = context.create_decimal(change / old["value"])
    inexact = common["old_qualifier"] != "exact" or common["new_qualifier"] != "exact"
    return IndicatorChange(
        **common,
        absolute_change=change,
        relative_change=relative,
        comparison="inexact" if inexact else "exact",
        note=_qualifier_note(old, new, change) if inexact else None,
    )


def lone_indicator(
    kind: Literal["added", "removed"], ind: Mapping[str, Any], where: str
) -> IndicatorChange:
    side = "new" if kind == "added" else "old"
    return IndicatorChange(
        kind=kind,
        label=ind["label"],
        unit=ind["unit"],
        **{
            f"{side}_id": ind["id"],
            f"{side}_pointer": where,
            f"{side}_value": ind["value"],
            f"{side}_qualifier": ind.get("qualifier", "exact"),
            f"{side}_source": ind["source"],
        },
    )
