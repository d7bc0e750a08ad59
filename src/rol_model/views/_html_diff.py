"""The diff view: changed words marked inside each changed item, figure changes in a table.

Texts are compared as tokens: each CJK character is a token (Chinese has no spaces between
words), a run of Latin letters or digits is one (so 40 → 46 is one change, not one digit), and
so is each space run or punctuation mark. :class:`difflib.SequenceMatcher` pairs the tokens
after the common beginning and end are set aside; when the rest is still too long to compare
cheaply, it is shown as removed and added whole. Short equal runs of one or two characters
between two changes are folded into the change, so a rewritten phrase reads as one
replacement rather than confetti.
"""

from __future__ import annotations

import difflib
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.text import chinese_number, signed_percent
from rol_model.views._html_base import number
from rol_model.views._layout import DEFAULT_HEADINGS
from rol_model.views._layout import marker as item_marker

if TYPE_CHECKING:
    from rol_model.diffing import FieldChange, IndicatorChange, ItemChange, PartChange, ReportDiff
    from rol_model.model import Report

__all__ = ["diff_context", "word_diff"]

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*|\s+|.", re.DOTALL)
#: At most this many token pairs (old × new, after the common ends) go to SequenceMatcher.
COMPARE_LIMIT = 2_000_000
_FOLD = 2
_KINDS = {
    "added": "新增",
    "removed": "删除",
    "modified": "修改",
    "moved": "移动",
    "changed": "变化",
}
_ITEMS = {"measure": "举措", "shortcoming": "不足", "cause": "原因", "plan": "安排", "item": "事项"}
_FIELDS = {
    "heading": "标题",
    "text": "正文",
    "marker": "序号",
    "id": "编号",
    "references": "依据",
    "shortcoming_ids": "对应不足",
    "indicators": "数据",
}
_SIGNS = {"exact": "", "at_least": "≥", "approximately": "≈", "at_most": "≤"}
_MOVED_CLIP = 160

Segment = tuple[str, str]
"""``(kind, text)`` with kind ``"equal"``, ``"del"`` or ``"ins"``."""


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The two texts as equal, deleted and inserted runs, in reading order (see the module)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    limit = min(len(a), len(b))
    start = 0
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    chunks: list[list[str]] = [["equal", "".join(a[:start]), ""]]
    if len(middle_a) * len(middle_b) > COMPARE_LIMIT:
        chunks.append(["change", "".join(middle_a), "".join(middle_b)])
    else:
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            kind = "equal" if tag == "equal" else "change"
            chunks.append([kind, "".join(middle_a[i1:i2]), "".join(middle_b[j1:j2])])
    chunks.append(["equal", "".join(a[len(a) - end :]), ""])
    return _segments(_fold(chunks))


def _fold(chunks: list[list[str]]) -> list[list[str]]:
    result: list[list[str]] = []
    for chunk in chunks:
        if chunk[0] == "equal" and not chunk[1]:
            continue
        if result and chunk[0] == "change" == result[-1][0]:
            result[-1][1] += chunk[1]
            result[-1][2] += chunk[2]
        elif (
            chunk[0] == "change"
            and len(result) >= 2
            and result[-2][0] == "change"
            and len(result[-1][1].strip()) <= _FOLD
        ):
            equal = result.pop()[1]
            result[-1][1] += equal + chunk[1]
            result[-1][2] += equal + chunk[2]
        else:
            result.append(chunk)
    return result


def _segments(chunks: list[list[str]]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for kind, first, second in chunks:
        if kind == "equal":
            segments.append(("equal", first))
            continue
        if first:
            segments.append(("del", first))
        if second:
            segments.append(("ins", second))
    return tuple(segments)


@attrs.frozen(kw_only=True)
class FieldView:
    """A changed field: its name, and old against new as segments."""

    name: str
    segments: tuple[Segment, ...]


@attrs.frozen(kw_only=True)
class ItemView:
    """One changed item of the outline."""

    kind: str
    kind_zh: str
    item_zh: str
    depth: int
    marker: str
    ids: str
    segments: tuple[Segment, ...]
    fields: tuple[FieldView, ...]
    notes: tuple[str, ...]


@attrs.frozen(kw_only=True)
class PartView:
    """A changed part: its heading, its own changed fields and its changed items."""

    kind: str
    kind_zh: str
    heading: str
    fields: tuple[FieldView, ...]
    items: tuple[ItemView, ...]
    moved: bool


@attrs.frozen(kw_only=True)
class FigureRow:
    """A row of the figure table."""

    label: str
    kind: str
    kind_zh: str
    old: str
    new: str
    old_source: str
    new_source: str
    arrow: str
    direction: str
    change: str
    note: str
    where: str


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "；".join(value)
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _field(change: FieldChange) -> FieldView:
    name = change.field
    head = name.split(".")[0]
    label = f"{_FIELDS[head]} {name}" if head in _FIELDS else name
    return FieldView(name=label, segments=word_diff(_shown(change.old), _shown(change.new)))


def marker_path(pointer: str | None) -> str:
    """The official numbering of an item from its pointer: ``/parts/0/measures/4/children/1``
    → ``（五）2.``; a cause → ``原因一是``."""
    if not pointer:
        return ""
    tokens = pointer.split("/")[3:]
    if tokens[:1] == ["causes"] and len(tokens) > 1:
        return f"原因{chinese_number(int(tokens[1]) + 1)}是"
    numbers = [int(token) + 1 for token in tokens[1::2]]
    return "".join(item_marker(depth, n) for depth, n in enumerate(numbers, start=1))


def _clip(text: str) -> str:
    return text if len(text) <= _MOVED_CLIP else text[: _MOVED_CLIP - 1] + "…"


def _item(change: ItemChange) -> ItemView:
    old_text, new_text = change.old_text or "", change.new_text or ""
    notes: list[str] = []
    fields: list[FieldView] = []
    if change.kind == "added":
        segments: tuple[Segment, ...] = (("ins", new_text),)
    elif change.kind == "removed":
        segments = (("del", old_text),)
    elif change.kind == "moved":
        segments = (("equal", _clip(new_text)),)
    else:
        segments = word_diff(old_text, new_text)
        for field in change.fields:
            if field.field == "indicators":
                notes.append("数据有变化，见“数据变化”表 figures changed: see the figure table")
            elif field.field not in ("heading", "text"):
                fields.append(_field(field))
    if change.moved:
        notes.append(
            f"位置移动 moved: {marker_path(change.old_pointer)} → {marker_path(change.new_pointer)}"
        )
    if change.size > 1:
        notes.append(
            f"连同 {change.size - 1} 个下级条目 with {change.size - 1} "
            f"sub-item{'' if change.size == 2 else 's'}"
        )
    ids = change.new_id or change.old_id or ""
    if change.old_id and change.new_id and change.old_id != change.new_id:
        ids = f"{change.old_id} → {change.new_id}"
    pointer = change.old_pointer if change.kind == "removed" else change.new_pointer
    return ItemView(
        kind=change.kind,
        kind_zh=_KINDS[change.kind],
        item_zh=_ITEMS.get(change.item, change.item),
        depth=min(change.depth, 4),
        marker=marker_path(pointer),
        ids=ids,
        segments=segments,
        fields=tuple(fields),
        notes=tuple(notes),
    )


def _part(change: PartChange) -> PartView:
    return PartView(
        kind=change.kind,
        kind_zh=_KINDS[change.kind],
        heading=change.heading or DEFAULT_HEADINGS[change.part],  # type: ignore[index]
        fields=tuple(_field(f) for f in change.fields if f.field != "indicators"),
        items=tuple(_item(item) for item in change.items),
        moved=change.moved,
    )


def _value(value: Decimal | None, qualifier: str | None, unit: str | None) -> str:
    if value is None:
        return "—"
    return f"{_SIGNS.get(qualifier or 'exact', '')}{number(value)} {unit or ''}".strip()


def _percent(relative: Decimal | None) -> str:
    if relative is None:
        return ""
    return f"（{signed_percent(relative)}%）".replace(".0%", "%")


def _signed(value: Decimal) -> str:
    return number(value) if value < 0 else "+" + number(value)


def _bounds(value: Decimal, qualifier: str | None) -> tuple[Decimal | None, Decimal | None]:
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    return value, value


def _bounded(change: IndicatorChange) -> tuple[str, str, str]:
    """Arrow, direction and change text when a qualifier makes a figure a bound (余, 近 …)."""
    assert change.old_value is not None
    assert change.new_value is not None
    old_low, old_high = _bounds(change.old_value, change.old_qualifier)
    new_low, new_high = _bounds(change.new_value, change.new_qualifier)
    low = None if new_low is None or old_high is None else new_low - old_high
    high = None if new_high is None or old_low is None else new_high - old_low
    if low is not None and high is not None:
        text = f"{_signed(low)} … {_signed(high)}"
    elif high is not None:
        text = f"≤{_signed(high)}"
    elif low is not None:
        text = f"≥{_signed(low)}"
    else:
        text = ""
    if low is not None and low > 0:
        return "↑", "up", text
    if high is not None and high < 0:
        return "↓", "down", text
    return "?", "flat", f"{text} 方向不定 direction unknown".strip()


def _change(change: IndicatorChange) -> tuple[str, str, str]:
    if change.kind == "added":
        return "+", "up", "新增 added"
    if change.kind == "removed":
        return "−", "down", "删除 removed"
    delta = change.absolute_change
    if change.comparison == "incomparable" or delta is None:
        return "≠", "flat", "不可比 not comparable"
    approximate = "approximately" in (change.old_qualifier, change.new_qualifier)
    if change.comparison == "inexact" and not approximate:
        return _bounded(change)
    arrow, direction = ("↑", "up") if delta > 0 else ("↓", "down") if delta < 0 else ("→", "flat")
    sign = "≈" if approximate else ""
    return arrow, direction, sign + _signed(delta) + _percent(change.relative_change)


def _figure(change: IndicatorChange) -> FigureRow:
    arrow, direction, text = _change(change)
    return FigureRow(
        label=change.label,
        kind=change.kind,
        kind_zh=_KINDS[change.kind],
        old=_value(change.old_value, change.old_qualifier, change.old_unit or change.unit),
        new=_value(change.new_value, change.new_qualifier, change.unit),
        old_source=change.old_source or "",
        new_source=change.new_source or "",
        arrow=arrow,
        direction=direction,
        change=text,
        note=change.note or "",
        where=" → ".join(i for i in (change.old_id, change.new_id) if i),
    )


def diff_context(old: Report, new: Report, report_diff: ReportDiff | None) -> dict[str, Any]:
    """What ``diff.html.j2`` shows."""
    from rol_model.diffing import diff

    changes = report_diff if report_diff is not None else diff(old, new)
    counts = changes.counts()
    return {
        "old": old,
        "new": new,
        "changes": changes,
        "counts": counts,
        "metadata": [_field(f) for f in changes.metadata],
        "preamble": [_field(f) for f in changes.preamble if f.field != "indicators"],
        "parts": [_part(p) for p in changes.parts],
        "figures": [_figure(i) for i in changes.indicators],
        "renumbered": changes.renumbered,
    }
