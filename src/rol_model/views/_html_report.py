"""The report and check views: the outline with figures, the five parts, findings in place.

A finding's JSON Pointer is resolved to the nearest item that holds it (a figure's finding goes
to its item); findings on a part stand at the top of the part, findings on the whole report at
the top of the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.model import Cause, Report, ShortcomingsPart, iter_nodes
from rol_model.text import chinese_number
from rol_model.views._html_base import Figure, Paragraph, anchor, locate
from rol_model.views._layout import DEFAULT_HEADINGS, ORDER
from rol_model.views._layout import marker as item_marker
from rol_model.views._layout import paragraphs as split_paragraphs

if TYPE_CHECKING:
    from rol_model.checker import Finding

__all__ = ["FindingView", "NodeView", "PartStatus", "PartView", "report_context"]

_SEVERITIES = {
    "error": ("✖", "错误"),
    "warning": ("▲", "警告"),
    "info": ("ℹ", "提示"),
}
_PART_NAMES_EN = {
    "measures": "Main measures and results",
    "shortcomings": "Shortcomings and their causes",
    "leadership": "The principal leaders' duty as first responsible persons",
    "plans": "Arrangements for the next year",
    "other": "Other matters",
}
_SHORT_NAMES = {
    "measures": "举措和成效",
    "shortcomings": "不足和原因",
    "leadership": "第一责任人职责",
    "plans": "下一年度安排",
    "other": "其他情况",
}

# Findings -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FindingView:
    """A check finding as shown, with where it is attached (``target``) and a link to it."""

    code: str
    name: str
    severity: str
    symbol: str
    severity_zh: str
    message: str
    message_zh: str
    excerpt: str | None
    pointer: str
    target: str
    href: str
    where: str


def _finding_views(report: Report, findings: Iterable[Finding]) -> list[FindingView]:
    places = {"/preamble": "导语 preamble"}
    for index, part in enumerate(report.parts):
        places[f"/parts/{index}"] = part.heading or DEFAULT_HEADINGS[part.kind]
    for pointer, node in iter_nodes(report):
        places[pointer] = node.id
    views = []
    for finding in findings:
        tokens = finding.pointer.split("/")
        target = ""
        while len(tokens) > 1:
            candidate = "/".join(tokens)
            if candidate in places:
                target = candidate
                break
            tokens.pop()
        symbol, severity_zh = _SEVERITIES.get(finding.severity, ("•", finding.severity))
        views.append(
            FindingView(
                code=finding.code,
                name=finding.name,
                severity=finding.severity,
                symbol=symbol,
                severity_zh=severity_zh,
                message=finding.message,
                message_zh=finding.message_zh,
                excerpt=finding.excerpt,
                pointer=finding.pointer or "/",
                target=target,
                href="#" + anchor(target) if target else "#findings",
                where=places.get(target, "全文 whole report"),
            )
        )
    return views


# The outline --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NodeView:
    """An outline item as shown: official marker, heading level, text with figures, findings."""

    anchor: str
    id: str
    marker: str
    level: int
    heading: Paragraph | None
    paragraphs: tuple[Paragraph, ...]
    loose: tuple[Figure, ...]
    references: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    link_label: str
    findings: tuple[FindingView, ...]
    children: tuple[NodeView, ...]


@attrs.frozen(kw_only=True)
class PartView:
    """A part as shown, or a placeholder for a part the report lacks (``missing``)."""

    kind: str
    name_en: str
    missing: bool
    anchor: str = ""
    number: str = ""
    heading: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    loose: tuple[Figure, ...] = ()
    nodes: tuple[NodeView, ...] = ()
    causes: tuple[NodeView, ...] = ()
    findings: tuple[FindingView, ...] = ()


@attrs.frozen(kw_only=True)
class PartStatus:
    """One of the five parts in the completeness bar."""

    kind: str
    number: str
    name: str
    name_en: str
    status: str
    items: int
    figures: int
    target: str


class _Outline:
    def __init__(self, report: Report, findings: Sequence[FindingView]) -> None:
        self.findings: dict[str, list[FindingView]] = {}
        for view in findings:
            self.findings.setdefault(view.target, []).append(view)
        self.anchors = {node.id: anchor(pointer) for pointer, node in iter_nodes(report)}

    def node(self, node: Any, pointer: str, depth: int, number: int, level: int) -> NodeView:
        marker = item_marker(depth, number)
        texts = [node.heading] if node.heading else []
        texts += split_paragraphs(node.text)
        paragraphs, loose = locate(texts, node.indicators)
        heading = paragraphs.pop(0) if node.heading else None
        own = min(level + 1, 6) if heading else level
        children = tuple(
            self.node(child, f"{pointer}/children/{i}", depth + 1, i + 1, own)
            for i, child in enumerate(node.children)
        )
        return self._view(
            node,
            pointer,
            marker=marker,
            level=own if heading else 0,
            heading=heading,
            paragraphs=tuple(paragraphs),
            loose=loose,
            children=children,
        )

    def cause(self, cause: Cause, pointer: str, number: int) -> NodeView:
        paragraphs, loose = locate(split_paragraphs(cause.text), cause.indicators)
        return self._view(
            cause,
            pointer,
            marker=f"{chinese_number(number)}是",
            level=0,
            heading=None,
            paragraphs=tuple(paragraphs),
            loose=loose,
            children=(),
        )

    def _view(self, node: Any, pointer: str, **shown: Any) -> NodeView:
        """The view of a node; ``shown`` holds marker, level, heading, texts and children."""
        ids = getattr(node, "shortcoming_ids", ())
        return NodeView(
            anchor=anchor(pointer),
            id=node.id,
            references=node.references,
            links=tuple((i, "#" + self.anchors[i] if i in self.anchors else "") for i in ids),
            link_label="对应不足 explains" if isinstance(node, Cause) else "针对不足 addresses",
            findings=tuple(self.findings.get(pointer, ())),
            **shown,
        )

    def part(self, report: Report, index: int, number: int) -> PartView:
        part = report.parts[index]
        pointer = f"/parts/{index}"
        paragraphs, loose = locate(split_paragraphs(part.text), part.indicators)
        field = part.items_field
        nodes = tuple(
            self.node(node, f"{pointer}/{field}/{i}", 1, i + 1, 2)
            for i, node in enumerate(getattr(part, field))
        )
        causes: tuple[NodeView, ...] = ()
        if isinstance(part, ShortcomingsPart):
            causes = tuple(
                self.cause(cause, f"{pointer}/causes/{i}", i + 1)
                for i, cause in enumerate(part.causes)
            )
        return PartView(
            kind=part.kind,
            name_en=_PART_NAMES_EN[part.kind],
            missing=False,
            anchor=anchor(pointer),
            number=chinese_number(number),
            heading=part.heading or DEFAULT_HEADINGS[part.kind],
            paragraphs=tuple(paragraphs),
            loose=loose,
            nodes=nodes,
            causes=causes,
            findings=tuple(self.findings.get(pointer, ())),
        )


def _completeness(
    report: Report, required: Sequence[str], numbers: Mapping[str, str]
) -> list[PartStatus]:
    result = []
    for kind in ORDER:
        indices = [i for i, part in enumerate(report.parts) if part.kind == kind]
        prefixes = tuple(f"/parts/{i}/" for i in indices)
        items = sum(1 for pointer, _ in iter_nodes(report) if pointer.startswith(prefixes))
        figures = sum(len(report.parts[i].indicators) for i in indices) + sum(
            len(n.indicators) for p, n in iter_nodes(report) if p.startswith(prefixes)
        )
        has_text = any(report.parts[i].text for i in indices)
        absent = "missing" if kind in required else "optional"
        status = absent if not indices else "present" if items or has_text else "empty"
        result.append(
            PartStatus(
                kind=kind,
                number=numbers.get(kind, ""),
                name=_SHORT_NAMES[kind],
                name_en=_PART_NAMES_EN[kind],
                status=status,
                items=items,
                figures=figures,
                target=(
                    "#" + anchor(f"/parts/{indices[0]}")
                    if indices
                    else f"#missing-{kind}"
                    if kind in required
                    else "#h-parts"
                ),
            )
        )
    return result


def _metadata(report: Report) -> list[tuple[str, str]]:
    org = report.organization
    rows = [("报告机关 Organization", org.name)]
    levels = {
        "national": "国家级",
        "provincial": "省级",
        "prefectural": "地市级",
        "county": "县级",
        "township": "乡镇级",
    }
    kinds = {"government": "人民政府", "department": "政府工作部门", "other": "其他"}
    if org.region:
        rows.append(("地区 Region", org.region))
    if org.level:
        rows.append(("层级 Level", f"{levels[org.level]} {org.level}"))
    if org.kind:
        rows.append(("类型 Kind", f"{kinds[org.kind]} {org.kind}"))
    rows.append(("年度 Year", str(report.year)))
    if report.issued_on:
        rows.append(("印发日期 Issued", report.issued_on.isoformat()))
    if report.published_on:
        rows.append(("发布日期 Published", report.published_on.isoformat()))
    source = report.source
    if source is not None:
        for name, value in (("网址 URL", source.url), ("文件 File", source.file)):
            if value:
                rows.append((f"来源{name}", value))
    return rows


def _extensions(extensions: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [
        (key, json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))
        for key, value in sorted(extensions.items())
    ]


def report_context(
    report: Report, findings: Sequence[Finding] | None, required: Sequence[str] | None = None
) -> dict[str, Any]:
    """The template context of the report and check views.

    ``required`` lists the part kinds the profile requires (default: the national profile's,
    see :func:`rol_model.checker._required.required_parts`); a part outside it that the report
    lacks is shown as not required rather than missing.
    """
    if required is None:
        from rol_model.checker import required_parts

        required = required_parts()
    views = _finding_views(report, findings or ())
    outline = _Outline(report, views)
    order = sorted(range(len(report.parts)), key=lambda i: ORDER[report.parts[i].kind])
    body: list[PartView] = []
    present = {report.parts[i].kind for i in order}
    number = 0
    numbers: dict[str, str] = {}
    for kind in ORDER:
        if kind not in present:
            if kind not in required:
                continue
            body.append(
                PartView(
                    kind=kind,
                    name_en=_PART_NAMES_EN[kind],
                    missing=True,
                    heading=DEFAULT_HEADINGS[kind],
                )
            )
            continue
        for index in order:
            if report.parts[index].kind == kind:
                number += 1
                numbers.setdefault(kind, chinese_number(number))
                body.append(outline.part(report, index, number))
    preamble_paragraphs: list[Paragraph] = []
    preamble_loose: tuple[Figure, ...] = ()
    if report.preamble is not None:
        preamble_paragraphs, preamble_loose = locate(
            split_paragraphs(report.preamble.text), report.preamble.indicators
        )
    parts = _completeness(report, required, numbers)
    return {
        "report": report,
        "metadata": _metadata(report),
        "extensions": _extensions(report.extensions),
        "parts": parts,
        "present": sum(
            p.status not in ("missing", "optional") for p in parts if p.kind in required
        ),
        "required": len(required),
        "missing": [p for p in parts if p.status == "missing"],
        "preamble": preamble_paragraphs,
        "preamble_loose": preamble_loose,
        "preamble_findings": outline.findings.get("/preamble", []),
        "top_findings": outline.findings.get("", []),
        "body": body,
        "findings": views if findings is not None else None,
        "counts": {s: sum(v.severity == s for v in views) for s in _SEVERITIES},
        "severities": _SEVERITIES,
    }
