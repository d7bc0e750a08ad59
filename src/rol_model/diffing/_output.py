"""A :class:`ReportDiff` as JSON data, as a unified-diff-like outline, and as Markdown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs

from rol_model.diffing._indicators import IndicatorChange
from rol_model.diffing._records import FieldChange, ItemChange, PartChange, ReportDiff
from rol_model.text import markdown_text, signed_percent, terminal_text

__all__ = ["DIFF_SCHEMA_ID", "diff_to_dict", "format_diff"]

#: The ``$id`` of ``schemas/diff.schema.json``, which :func:`diff_to_dict` output follows.
DIFF_SCHEMA_ID = "urn:rol-model:schema:diff:1.0"

_COLOURS = {"-": "31", "+": "32", "~": "33", ">": "35", "@": "36", "=": "2"}
_CONTEXT = 12
_SHORT = 60


def diff_to_dict(changes: ReportDiff) -> dict[str, Any]:
    """The diff as JSON-shaped data following ``schemas/diff.schema.json``.

    Every key is always present (``null`` when a value is absent); figures are
    :class:`~decimal.Decimal`, so write it with an encoder that keeps them exact.
    """

    def plain(value: Any) -> Any:
        if attrs.has(type(value)):
            return {
                field.name: plain(getattr(value, field.name)) for field in attrs.fields(type(value))
            }
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    return {
        "$schema": DIFF_SCHEMA_ID,
        "old": {"title": changes.old_title, "year": changes.old_year},
        "new": {"title": changes.new_title, "year": changes.new_year},
        "identical": changes.identical,
        "counts": changes.counts(),
        "metadata": plain(changes.metadata),
        "preamble": plain(changes.preamble),
        "parts": plain(changes.parts),
        "indicators": plain(changes.indicators),
        "renumbered": [{"old_id": a, "new_id": b} for a, b in changes.renumbered],
    }


def _shown(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, (list, tuple)):
        return "、".join(_shown(v) for v in value) or "∅"
    return str(value)


def _clip(text: str, size: int = _SHORT) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _window(old: str, new: str) -> tuple[str, str]:
    """The part of two texts that differs, with a little context: linear, like a word diff."""
    if len(old) <= _SHORT and len(new) <= _SHORT:
        return old, new
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    left = max(0, start - _CONTEXT)
    cut_old, cut_new = len(old) - end, len(new) - end

    def piece(text: str, stop: int) -> str:
        right = min(len(text), stop + _CONTEXT)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return piece(old, cut_old), piece(new, cut_new)


def _number(value: Decimal | None, unit: str | None = "") -> str:
    return "∅" if value is None else f"{value}{unit or ''}"


_MARKS = {"exact": "", "at_least": "≥", "approximately": "≈", "at_most": "≤"}


def _qualified(value: Decimal | None, unit: str | None, qualifier: str | None) -> str:
    """A figure as shown: its qualifier kept (≥40次 for 40余次, ≈3万人, ≤5天)."""
    return _MARKS.get(qualifier or "exact", "") + _number(value, unit)


def _bounded(change: IndicatorChange) -> str:
    """The change between two figures of which one or both are bounds or approximations."""
    old, new = change.old_value, change.new_value
    assert old is not None
    assert new is not None
    before, after = change.old_qualifier or "exact", change.new_qualifier or "exact"
    if "approximately" in (before, after):
        return f"about {new - old:+}"
    old_low = old if before != "at_most" else None
    old_high = old if before != "at_least" else None
    new_low = new if after != "at_most" else None
    new_high = new if after != "at_least" else None
    low = None if new_low is None or old_high is None else new_low - old_high
    high = None if new_high is None or old_low is None else new_high - old_low
    if low is not None and high is not None:
        return f"between {low:+} and {high:+}"
    if high is not None:
        return f"at most {high:+}"
    if low is not None:
        return f"at least {low:+}"
    return "direction unknown"


def _figure_change(change: IndicatorChange) -> str:
    if change.comparison == "incomparable":
        return "units differ"
    if change.old_value == change.new_value and change.old_qualifier == change.new_qualifier:
        return "value unchanged; label or period changed"
    if change.comparison == "inexact":
        return _bounded(change)
    parts = []
    if change.absolute_change is not None:
        parts.append(f"{change.absolute_change:+}")
    if change.relative_change is not None:
        parts.append(f"{signed_percent(change.relative_change)}%")
    return ", ".join(parts)


def _field_lines(field: FieldChange) -> Iterator[tuple[str, str]]:
    if field.field == "indicators":
        yield "~", "~ indicators (see figures)"
    elif isinstance(field.old, str) and isinstance(field.new, str):
        old, new = _window(field.old, field.new)
        yield "~", f"~ {field.field}:"
        yield "-", f"    - {old}"
        yield "+", f"    + {new}"
    else:
        yield "~", f"~ {field.field}: {_clip(_shown(field.old))} → {_clip(_shown(field.new))}"


def _item_lines(change: ItemChange) -> Iterator[tuple[str, str]]:
    indent = "  " * (change.depth - 1)
    name = (change.new_id or change.old_id or "") + (
        f" (in {change.parent_id})" if change.parent_id else ""
    )
    if change.kind in ("added", "removed"):
        sign = "+" if change.kind == "added" else "-"
        text = change.new_text if change.kind == "added" else change.old_text
        below = f"  (+{change.size - 1} below)" if change.size > 1 else ""
        yield sign, f"{sign} {indent}{change.item} {name} {_clip(text or '')}{below}"
        return
    where = f" (was {change.old_id})" if change.old_id != change.new_id else ""
    if change.kind == "moved":
        yield ">", f"> {indent}{change.item} {name} moved{where}: {_clip(change.new_text or '')}"
        return
    moved = ", moved" if change.moved else ""
    fields = ", ".join(f.field for f in change.fields)
    yield (
        "~",
        f"~ {indent}{change.item} {name}{where} [{fields}{moved}]: {_clip(change.new_text or '')}",
    )
    for field in change.fields:
        for sign, line in _field_lines(field):
            yield sign, f"  {indent}{line}"


def _part_title(part: PartChange) -> str:
    index = part.new_index if part.new_index is not None else part.old_index
    return f"part {(index or 0) + 1} {part.part}: {part.heading or ''}".rstrip(": ")


def _text_lines(changes: ReportDiff) -> Iterator[tuple[str, str]]:
    yield "-", f"--- {changes.old_title} ({changes.old_year})"
    yield "+", f"+++ {changes.new_title} ({changes.new_year})"
    if changes.metadata:
        yield "@", "@@ report @@"
        for field in changes.metadata:
            yield from _field_lines(field)
    if changes.preamble:
        yield "@", "@@ preamble @@"
        for field in changes.preamble:
            yield from _field_lines(field)
    for part in changes.parts:
        if part.kind in ("added", "removed"):
            sign = "+" if part.kind == "added" else "-"
            yield sign, f"{sign} {_part_title(part)} ({part.kind})"
            continue
        yield "@", f"@@ {_part_title(part)}{' (moved)' if part.moved else ''} @@"
        for field in part.fields:
            yield from _field_lines(field)
        for item in part.items:
            yield from _item_lines(item)
    if changes.indicators:
        yield "@", "@@ figures @@"
    for figure in changes.indicators:
        name = figure.new_id or figure.old_id
        if figure.kind == "changed":
            old = _qualified(figure.old_value, figure.old_unit, figure.old_qualifier)
            new = _qualified(figure.new_value, figure.unit, figure.new_qualifier)
            if old == new:  # the label or period changed, not the value
                yield "~", f"~ {name} {figure.label}: {new} ({_figure_change(figure)})"
            else:
                yield "~", f"~ {name} {figure.label}: {old} → {new} ({_figure_change(figure)})"
            if figure.note:
                yield "=", f"    {figure.note}"
        else:
            sign = "+" if figure.kind == "added" else "-"
            if figure.kind == "added":
                shown = _qualified(figure.new_value, figure.unit, figure.new_qualifier)
            else:
                shown = _qualified(figure.old_value, figure.unit, figure.old_qualifier)
            yield sign, f"{sign} {name} {figure.label}: {shown}"
    if changes.renumbered:
        yield (
            "=",
            f"= {len(changes.renumbered)} ids renumbered by position (not counted as changes)",
        )
    if not changes:
        yield "=", "no changes" if changes.identical else "no changes in content (layout only)"


def _markdown_cell(value: Any) -> str:
    return markdown_text(_clip(_shown(value), 120)).replace("|", "\\|").replace("\n", " ")


def _markdown_lines(changes: ReportDiff) -> Iterator[str]:
    counts = changes.counts()
    old = f"{markdown_text(changes.old_title)} ({changes.old_year})"
    new = f"{markdown_text(changes.new_title)} ({changes.new_year})"
    yield f"# Changes / 变更：{old} → {new}"
    yield ""
    yield (
        f"**Items / 条目**: {counts['added']} added 新增, {counts['removed']} removed 删除, "
        f"{counts['modified']} modified 修改, {counts['moved']} moved 移动. "
        f"**Figures / 数据**: {counts['indicators_changed']} changed 变化, "
        f"{counts['indicators_added']} added 新增, {counts['indicators_removed']} removed 删除."
    )
    for title, fields in (
        ("Report / 报告信息", changes.metadata),
        ("Preamble / 导语", changes.preamble),
    ):
        if fields:
            yield from ("", f"## {title}", "", "| Field 字段 | Old 原 | New 新 |", "|---|---|---|")
            yield from (
                f"| {f.field} | {_markdown_cell(f.old)} | {_markdown_cell(f.new)} |" for f in fields
            )
    for part in changes.parts:
        yield from ("", f"## {markdown_text(_part_title(part))} ({part.kind})", "")
        for field in part.fields:
            yield f"- **{field.field}**: {_markdown_cell(field.old)} → {_markdown_cell(field.new)}"
        for item in part.items:
            indent = "  " * (item.depth - 1)
            name = item.new_id or item.old_id
            text = item.new_text if item.kind != "removed" else item.old_text
            yield f"{indent}- **{item.kind}** `{name}` {_markdown_cell(text)}"
            for field in item.fields:
                before, after = field.old, field.new
                if isinstance(before, str) and isinstance(after, str):
                    before, after = _window(before, after)
                before, after = _markdown_cell(before), _markdown_cell(after)
                yield f"{indent}  - {field.field}: ~~{before}~~ → {after}"
    if changes.indicators:
        yield from ("", "## Figures / 数据", "")
        yield "| Figure 指标 | Old 原 | New 新 | Change 变化 | Note 说明 |"
        yield "|---|---|---|---|---|"
        for f in changes.indicators:
            yield (
                f"| {_markdown_cell(f.label)} | "
                f"{_qualified(f.old_value, f.old_unit or f.unit, f.old_qualifier)} | "
                f"{_qualified(f.new_value, f.unit, f.new_qualifier)} | {_figure_change(f)} | "
                f"{_markdown_cell(f.note or '')} |"
            )
    if not changes:
        yield from ("", "No changes. 无变化。")


def format_diff(
    changes: ReportDiff, format: Literal["text", "markdown"] = "text", *, color: bool = False
) -> str:
    """The diff as text: ``"text"`` is a unified-diff-like outline (ANSI colours only when
    ``color`` is true, e.g. on a terminal), ``"markdown"`` is for pasting into a review memo."""
    if format == "markdown":
        return "\n".join(terminal_text(line) for line in _markdown_lines(changes)) + "\n"
    paint: Callable[[str, str], str] = (
        (lambda sign, line: f"\x1b[{_COLOURS[sign]}m{line}\x1b[0m")
        if color
        else (lambda _, line: line)
    )
    lines = _text_lines(changes)
    return "\n".join(paint(sign, terminal_text(line)) for sign, line in lines) + "\n"
