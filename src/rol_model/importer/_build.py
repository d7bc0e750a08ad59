"""From the raw outline to model objects: ids, texts, figures, references, links and bounds."""

from __future__ import annotations

import re
from collections.abc import Callable, Sized
from typing import Any

import attrs

from rol_model.exceptions import InvalidReportError, Issue
from rol_model.importer._attachment import table_figures
from rol_model.importer._figures import Figure, find_figures, find_references
from rol_model.importer._outline import Paragraph, RawCause, RawNode, RawPart, split_heading
from rol_model.importer._problems import error
from rol_model.importer._source import SourceLine
from rol_model.model import (
    PART_CLASSES,
    Cause,
    Indicator,
    Item,
    LineRange,
    Measure,
    Part,
    Plan,
    PlansPart,
    Preamble,
    Report,
    Shortcoming,
    ShortcomingsPart,
)
from rol_model.text import fold

__all__ = ["Builder", "link_plans", "preamble", "validated"]


_NODE_CLASS: dict[str, Callable[..., Any]] = {
    "measures": Measure,
    "shortcomings": Shortcoming,
    "plans": Plan,
    "leadership": Item,
    "other": Item,
}


_ID_PREFIX = {"measures": "m", "shortcomings": "s", "plans": "p", "leadership": "l", "other": "o"}


def _text_figures(text: str) -> list[Figure]:
    """The figures of a text; a table in it whose header names each column's unit (项目
    数量（件） / 受理行政复议案件 45) gives one figure per cell, as an attachment's table does."""
    if "\n" not in text or not _UNIT_HEADING.search(text):
        return list(find_figures(text))
    lines = [SourceLine(number=index, text=line) for index, line in enumerate(text.split("\n"))]
    cells, table = table_figures(lines)
    if not table:
        return list(find_figures(text))
    found: list[Figure] = []
    for line in lines:
        if line.number not in table:
            found += find_figures(line.text)
    return found + cells


#: a column heading that names its unit (数量（件）): the only texts the table reading looks at
_UNIT_HEADING = re.compile(r"[(（][^()（）\d\n]{1,6}[)）](?:[ \t\u3000|｜]|$)", re.MULTILINE)


def _indicators(
    owner: str, *texts: str | None, table: list[Figure] | None = None
) -> tuple[Indicator, ...]:
    found: list[Figure] = []
    for text in texts:
        if text:  # an attachment part brings its table's figures already (``table``)
            found += find_figures(text) if table is not None else _text_figures(text)
    found += table or []
    if not found:
        return ()
    return tuple(
        Indicator(
            id=f"{owner}-i{index}",
            label=figure.label,
            value=figure.value,
            unit=figure.unit,
            source=figure.source,
            qualifier=figure.qualifier,
        )
        for index, figure in enumerate(found, start=1)
    )


def _references(*texts: str | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in texts:
        if text and "《" in text:
            for title in find_references(text):
                seen.setdefault(title, None)
    return tuple(seen)


def _node_heading_text(node: RawNode) -> tuple[str | None, str | None]:
    paragraphs = [p for p in node.paragraphs if p.text]
    if not paragraphs:
        return None, None
    more = len(paragraphs) > 1 or bool(node.children)
    heading, body = split_heading(
        paragraphs[0].text, more_text=more, whole_line=node.style != "enum"
    )
    if node.cause_heading:
        return heading or paragraphs[0].text, None
    texts = ([body] if body else []) + [p.text for p in paragraphs[1:]]
    return heading, "\n".join(texts) or None


@attrs.define
class Builder:
    counters: dict[str, int] = attrs.Factory(dict)
    ids: dict[int, str] = attrs.Factory(dict)

    def node(self, raw: RawNode, kind: str, node_id: str) -> Any:
        self.ids[id(raw)] = node_id
        heading, text = _node_heading_text(raw)
        children = (
            tuple(
                [
                    self.node(child, kind, f"{node_id}.{index}")
                    for index, child in enumerate(raw.children, start=1)
                ]
            )
            if raw.children
            else ()
        )
        return _NODE_CLASS[kind](
            id=node_id,
            marker=raw.marker or None,
            heading=heading or None,
            text=text or None,
            indicators=_indicators(node_id, heading, text),
            references=_references(heading, text),
            lines=LineRange(start=raw.start, end=raw.end),
            children=children,
        )

    def top_nodes(self, raw_part: RawPart) -> tuple[Any, ...]:
        prefix = _ID_PREFIX[raw_part.kind]
        nodes = []
        for raw in raw_part.children:
            self.counters[prefix] = self.counters.get(prefix, 0) + 1
            nodes.append(self.node(raw, raw_part.kind, f"{prefix}{self.counters[prefix]}"))
        return tuple(nodes)

    def cause(self, raw: RawCause) -> Cause:
        self.counters["c"] = self.counters.get("c", 0) + 1
        cause_id = f"c{self.counters['c']}"
        linked = self.ids.get(id(raw.node)) if raw.node is not None else None
        return Cause(
            id=cause_id,
            text=raw.text,
            marker=raw.marker,
            shortcoming_ids=(linked,) if linked else (),
            indicators=_indicators(cause_id, raw.text),
            references=_references(raw.text),
            lines=LineRange(start=raw.start, end=raw.end),
        )

    def part(self, raw: RawPart, index: int) -> Part:
        text = "\n".join(p.text for p in raw.paragraphs if p.text) or None
        common: dict[str, Any] = {
            "marker": raw.marker or None,
            "heading": raw.heading or None,
            "text": text,
            "indicators": _indicators(f"part{index}", text, table=raw.figures),
            "references": _references(raw.heading, text),
            "lines": LineRange(start=raw.start, end=raw.end),
        }
        part_class = PART_CLASSES[raw.kind]
        common[part_class.items_field] = self.top_nodes(raw)
        if part_class is ShortcomingsPart:
            # a cause with no words ("原因：" and nothing after it) is no cause
            common["causes"] = tuple(self.cause(c) for c in raw.causes if c.text.strip())
        return part_class(**common)


_REMEDIES = re.compile(r"^针对(.{2,40}?)(?:等)?(?:的)?(?:问题|不足|短板|情况)")


def _shortcoming_texts(parts: tuple[Part, ...]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def walk(nodes: tuple[Shortcoming, ...]) -> None:
        for node in nodes:
            own = fold(node.heading or (node.text or "")[:60])
            found.append((node.id, own))
            walk(node.children)

    for part in parts:
        if isinstance(part, ShortcomingsPart):
            walk(part.shortcomings)
    return found


def _remedied(plan: Plan, shortcomings: list[tuple[str, str]]) -> tuple[str, ...]:
    """The shortcoming a plan says it addresses (针对……的问题), when exactly one matches."""
    match = _REMEDIES.match(fold(plan.heading or plan.text or ""))
    if match is None:
        return ()
    named = match.group(1)
    hits = [sid for sid, own in shortcomings if own and (named in own or own in named)]
    if not hits:  # the plan may shorten the wording: compare the first characters
        hits = [sid for sid, own in shortcomings if own[:6] and own[:6] == named[:6]]
    return tuple(hits) if len(hits) == 1 else ()


def link_plans(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Fill ``Plan.shortcoming_ids`` from plans worded 针对……的问题."""
    shortcomings = _shortcoming_texts(parts)
    if not shortcomings:
        return parts

    def link(plan: Plan) -> Plan:
        children = tuple(link(child) for child in plan.children)
        ids = plan.shortcoming_ids or _remedied(plan, shortcomings)
        return attrs.evolve(plan, shortcoming_ids=ids, children=children)

    return tuple(
        attrs.evolve(part, plans=tuple(link(plan) for plan in part.plans))
        if isinstance(part, PlansPart)
        else part
        for part in parts
    )


def preamble(paragraphs: list[Paragraph]) -> Preamble | None:
    text = "\n".join(p.text for p in paragraphs)
    if not text:
        return None
    return Preamble(
        text=text,
        indicators=_indicators("pre", text),
        references=_references(text),
        lines=LineRange(start=paragraphs[0].start, end=paragraphs[-1].end),
    )


# The schema bounds that imported text can break (everything else the importer builds is valid by
# construction); checked directly, since full JSON Schema validation of a large report is slow.
_TEXT_LIMIT = 100_000


_HEADING_LIMIT = 1000


_ARRAY_LIMIT = 10_000
_TITLE_LIMIT = 500
_NAME_LIMIT = 200
_LINE_LIMIT = 10_000_000


# the item lists of each kind of part, in the order :func:`iter_nodes` walks them


def _pointer(path: tuple[str | int, ...], field: str) -> str:
    return "".join(f"/{step}" for step in (*path, field))


def _limit_issues(report: Report) -> list[Issue]:
    issues: list[Issue] = []

    def too_long(pointer: str, value: str, limit: int, line: int | None) -> None:
        issues.append(
            error(
                "import.too-long",
                f"{len(value)} characters, more than the {limit} a report allows",
                line=line,
                pointer=pointer,
            )
        )

    def too_many(pointer: str, values: Sized, line: int | None) -> None:
        issues.append(
            error(
                "import.too-many",
                f"{len(values)} entries, more than the {_ARRAY_LIMIT} a report allows",
                line=line,
                pointer=pointer,
            )
        )

    if len(report.title) > _TITLE_LIMIT:
        too_long("/title", report.title, _TITLE_LIMIT, None)
    if len(report.organization.name) > _NAME_LIMIT:
        too_long("/organization/name", report.organization.name, _NAME_LIMIT, None)
    if not 2000 <= report.year <= 2100:
        issues.append(error("import.year", f"year {report.year} is not 2000-2100", pointer="/year"))
    if len(report.parts) > _ARRAY_LIMIT:
        too_many("/parts", report.parts, None)

    def check(path: tuple[str | int, ...], owner: Any) -> None:
        # the pointer is only formatted for an owner over a limit: most owners are not
        lines = owner.lines
        line = lines.start if lines is not None else None
        if lines is not None and lines.end > _LINE_LIMIT:
            issues.append(
                error(
                    "import.too-long",
                    f"line {lines.end} is past the {_LINE_LIMIT} lines a report allows",
                    pointer=_pointer(path, "lines"),
                )
            )
        text = owner.text
        if text is not None and len(text) > _TEXT_LIMIT:
            too_long(_pointer(path, "text"), text, _TEXT_LIMIT, line)
        heading = getattr(owner, "heading", None)
        if heading is not None and len(heading) > _HEADING_LIMIT:
            too_long(_pointer(path, "heading"), heading, _HEADING_LIMIT, line)
        for field in ("indicators", "references", "children"):
            values = getattr(owner, field, ())
            if len(values) > _ARRAY_LIMIT:
                too_many(_pointer(path, field), values, line)

    def walk(path: tuple[str | int, ...], nodes: tuple[Any, ...]) -> None:
        # the order and pointers of :func:`iter_nodes`
        for index, node in enumerate(nodes):
            check((*path, index), node)
            children = getattr(node, "children", ())
            if children:
                walk((*path, index, "children"), children)

    if report.preamble is not None:
        check(("preamble",), report.preamble)
    for index, part in enumerate(report.parts):
        check(("parts", index), part)
    for index, part in enumerate(report.parts):
        for field in part.item_fields:
            walk(("parts", index, field), getattr(part, field))
    for index, part in enumerate(report.parts):
        for field in part.item_fields:
            values = getattr(part, field)
            if len(values) > _ARRAY_LIMIT:
                too_many(f"/parts/{index}/{field}", values, None)
    return issues


def validated(report: Report) -> Report:
    """``report`` when it is valid; the importer never returns a report ``dumps`` would refuse.

    Limits first (with their own messages), then the schema's verdict, then text JSON cannot
    carry (a lone surrogate from a ``str`` given to :func:`import_text`).
    """
    issues = _limit_issues(report)
    if issues:
        raise InvalidReportError(issues, source="import")
    from rol_model.serialize import dumps

    try:
        dumps(report)
    except InvalidReportError as invalid:
        raise InvalidReportError(invalid.issues, source="import") from None
    return report
