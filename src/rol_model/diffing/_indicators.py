"""Figures compared across two versions: :class:`IndicatorChange` and how it is computed.

A change is new minus old, and relative to old. When a qualifier (余, 约, 近 …) makes one of the
figures a bound rather than a value, the change is bounded instead and a note says so: 40余
against 45 is "at most +5".
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any, Literal

import attrs

from rol_model.diffing._view import get, same
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


def _qualifier(indicator: Any) -> str:
    return get(indicator, "qualifier") or "exact"


def _qualifier_note(old: Any, new: Any, change: Decimal) -> str:
    before, after = _qualifier(old), _qualifier(new)
    what = f"{get(old, 'source')} → {get(new, 'source')}"
    if "approximately" in (before, after):
        return f"approximate figures ({what}): change about {_signed(change)} / " + (
            f"含约数（{what}）：变化约{_signed(change)}"
        )
    old_low, old_high = _bounds(get(old, "value"), before)
    new_low, new_high = _bounds(get(new, "value"), after)
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
    old: Any, new: Any, old_pointer: str, new_pointer: str
) -> IndicatorChange | None:
    """How a paired figure (a model :class:`~rol_model.Indicator` or its JSON form) changed."""
    old_value, new_value = get(old, "value"), get(new, "value")
    keys = ("label", "unit", "qualifier", "period")
    if all(same(get(old, k), get(new, k)) for k in keys) and old_value == new_value:
        return None
    old_unit, new_unit = get(old, "unit"), get(new, "unit")
    common = {
        "kind": "changed",
        "label": get(new, "label"),
        "unit": new_unit,
        "old_id": get(old, "id"),
        "new_id": get(new, "id"),
        "old_pointer": old_pointer,
        "new_pointer": new_pointer,
        "old_value": old_value,
        "new_value": new_value,
        "old_unit": old_unit,
        "old_qualifier": _qualifier(old),
        "new_qualifier": _qualifier(new),
        "old_source": get(old, "source"),
        "new_source": get(new, "source"),
    }
    if old_unit != new_unit:
        units = f"{old_unit} → {new_unit}"
        note = f"units differ ({units}) / 单位不同（{units}）"
        return IndicatorChange(**common, comparison="incomparable", note=note)
    with decimal.localcontext(arithmetic()) as context:  # no trap: any two values compare
        change = new_value - old_value
        relative = None
        if old_value != 0:
            context.prec = 6
            relative = context.create_decimal(change / old_value)
    inexact = common["old_qualifier"] != "exact" or common["new_qualifier"] != "exact"
    return IndicatorChange(
        **common,
        absolute_change=change,
        relative_change=relative,
        comparison="inexact" if inexact else "exact",
        note=_qualifier_note(old, new, change) if inexact else None,
    )


def lone_indicator(kind: Literal["added", "removed"], ind: Any, where: str) -> IndicatorChange:
    """A figure with no partner on the other side: added or removed."""
    side = "new" if kind == "added" else "old"
    return IndicatorChange(
        kind=kind,
        label=get(ind, "label"),
        unit=get(ind, "unit"),
        **{
            f"{side}_id": get(ind, "id"),
            f"{side}_pointer": where,
            f"{side}_value": get(ind, "value"),
            f"{side}_qualifier": _qualifier(ind),
            f"{side}_source": get(ind, "source"),
        },
    )
