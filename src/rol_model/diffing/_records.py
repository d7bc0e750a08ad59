"""The records a diff is made of: :class:`ReportDiff` and the changes it lists."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from rol_model.diffing._indicators import IndicatorChange

__all__ = ["ChangeKind", "FieldChange", "ItemChange", "PartChange", "ReportDiff"]

ChangeKind = Literal["added", "removed", "modified", "moved"]
"""added / removed; modified (fields changed, perhaps moved too); moved (only its place changed)."""


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field whose value changed: ``old`` and ``new`` are JSON-shaped (``None`` = absent)."""

    field: str
    pointer: str
    old: Any = None
    new: Any = None


@attrs.frozen(kw_only=True)
class ItemChange:
    """An item (measure, shortcoming, cause, plan, item) added, removed, modified or moved.

    ``old_text``/``new_text`` are heading and text joined, for display. ``size`` counts the
    item with its descendants (an added group of five measures is one change of size 6).
    ``similarity`` is the text similarity of a paired item (1.0 when equal); ``parent_id`` the
    id of the item it sits in (in the new report; ``None`` at the top of a part).
    """

    kind: ChangeKind
    item: str
    depth: int
    parent_id: str | None = None
    old_id: str | None = None
    new_id: str | None = None
    old_pointer: str | None = None
    new_pointer: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    fields: tuple[FieldChange, ...] = ()
    moved: bool = False
    similarity: float | None = None
    size: int = 1


@attrs.frozen(kw_only=True)
class PartChange:
    """A part added, removed, moved, or changed in its own fields or in its items."""

    kind: ChangeKind
    part: str
    old_index: int | None = None
    new_index: int | None = None
    heading: str | None = None
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    moved: bool = False


@attrs.frozen(kw_only=True)
class ReportDiff:
    """The changes from an old to a new report; ``bool(diff)`` is true when there are any.

    ``identical`` is true only when both reports are equal as data; a diff can be empty of
    changes and still not identical when only line numbers or positional ids differ.
    """

    old_title: str
    new_title: str
    old_year: int
    new_year: int
    identical: bool
    metadata: tuple[FieldChange, ...] = ()
    preamble: tuple[FieldChange, ...] = ()
    parts: tuple[PartChange, ...] = ()
    indicators: tuple[IndicatorChange, ...] = ()
    renumbered: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.metadata or self.preamble or self.parts or self.indicators)

    @property
    def items(self) -> tuple[ItemChange, ...]:
        """Every item change of every part, in order."""
        return tuple(change for part in self.parts for change in part.items)

    def counts(self) -> dict[str, int]:
        """How many items were added, removed, modified and moved, and figures changed."""
        result = dict.fromkeys(("added", "removed", "modified", "moved"), 0)
        for change in self.items:
            result[change.kind] += 1
        for name in ("added", "removed", "changed"):
            result[f"indicators_{name}"] = sum(1 for i in self.indicators if i.kind == name)
        return result
