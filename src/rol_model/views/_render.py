"""Write a report back as text in the official layout, ready to paste into a Word template.

:func:`render` puts the parts in the regulation's order (measures, shortcomings and causes,
leadership, plans, other), numbers them 一、 二、 …, and numbers the outline by depth: （一）,
1., （1）, ①. Headings stand on their own line; texts follow as paragraphs. Causes of
shortcomings follow the shortcomings, after a line 产生上述问题的原因：, one paragraph each
(一是……); a cause that explains one shortcoming (主要原因是……) stays in that shortcoming's
text. The text imports back with :func:`~rol_model.import_text` into the same outline, texts
and indicators (``docs/import.md`` lists the few cases where that cannot hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from rol_model.model._classes import (
    Cause,
    LeadershipPart,
    MeasuresPart,
    OtherPart,
    Part,
    PlansPart,
    Report,
    ShortcomingsPart,
)
from rol_model.text import chinese_number
from rol_model.views._layout import DEFAULT_HEADINGS, ORDER
from rol_model.views._layout import marker as item_marker
from rol_model.views._layout import paragraphs as split_paragraphs

if TYPE_CHECKING:
    from rol_model.checker._registry import Finding

__all__ = ["RenderFormat", "render"]

RenderFormat = Literal["text", "markdown", "html"]
"""Output of :func:`render`: plain text (one paragraph a line), Markdown, or an HTML page."""

_RUN_IN_CAUSE = re.compile(r"^(?:主要|根本|深层次)?原因(?:是|在于|主要是)")


def _part_nodes(part: Part) -> tuple[Any, ...]:
    if isinstance(part, MeasuresPart):
        return part.measures
    if isinstance(part, ShortcomingsPart):
        return part.shortcomings
    if isinstance(part, PlansPart):
        return part.plans
    if isinstance(part, (LeadershipPart, OtherPart)):
        return part.items
    return ()  # pragma: no cover - every part kind is handled above


class _Writer:
    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(f"{'#' * min(level, 6)} {text}" if self.markdown else text)

    def paragraph(self, text: str) -> None:
        self.blocks.append(text)

    def result(self) -> str:
        separator = "\n\n" if self.markdown else "\n"
        return separator.join(self.blocks) + "\n"


def _node(
    writer: _Writer, node: Any, depth: int, number: int, linked: dict[str, list[str]]
) -> None:
    marker = item_marker(depth, number)
    paragraphs = split_paragraphs(node.text)
    if paragraphs and node.id in linked:
        paragraphs[-1] += "".join(linked[node.id])
    if node.heading:
        writer.heading(depth + 2, marker + node.heading)
    elif paragraphs:
        writer.paragraph(marker + paragraphs.pop(0))
    else:
        writer.paragraph(marker)
    for paragraph in paragraphs:
        writer.paragraph(paragraph)
    for index, child in enumerate(node.children, start=1):
        _node(writer, child, depth + 1, index, linked)


def _linked_causes(part: ShortcomingsPart) -> tuple[dict[str, list[str]], tuple[Cause, ...]]:
    """Causes written inside the one shortcoming they explain (主要原因是……), and the rest."""
    texts: dict[str, str | None] = {}

    def walk(nodes: tuple[Any, ...]) -> None:
        for node in nodes:
            texts[node.id] = node.text
            walk(node.children)

    walk(part.shortcomings)
    linked: dict[str, list[str]] = {}
    rest: list[Cause] = []
    for cause in part.causes:
        target = cause.shortcoming_ids[0] if len(cause.shortcoming_ids) == 1 else None
        text = texts.get(target) if target else None
        if target is not None and text and text[-1] in "。；;" and _RUN_IN_CAUSE.match(cause.text):
            linked.setdefault(target, []).append(cause.text)
        else:
            rest.append(cause)
    return linked, tuple(rest)


def _causes(causes: tuple[Cause, ...]) -> Iterator[str]:
    if not causes:
        return
    yield "产生上述问题的原因："
    for index, cause in enumerate(causes, start=1):
        yield f"{chinese_number(index)}是{cause.text}"


def _part(writer: _Writer, part: Part, number: int) -> None:
    heading = part.heading or DEFAULT_HEADINGS[part.kind]
    writer.heading(2, f"{chinese_number(number)}、{heading}")
    for paragraph in split_paragraphs(part.text):
        writer.paragraph(paragraph)
    linked: dict[str, list[str]] = {}
    causes: tuple[Cause, ...] = ()
    if isinstance(part, ShortcomingsPart):
        linked, causes = _linked_causes(part)
    for index, node in enumerate(_part_nodes(part), start=1):
        _node(writer, node, 1, index, linked)
    for paragraph in _causes(causes):
        writer.paragraph(paragraph)


def render(
    report: Report, format: RenderFormat = "text", *, findings: Sequence[Finding] | None = None
) -> str:
    """The report in the official layout; ``format`` is ``"text"``, ``"markdown"`` or ``"html"``.

    Parts come in the regulation's order whatever order the report keeps, numbered 一、 二、 …;
    outline items are numbered by depth （一） 1. （1） ①, whatever markers they had. A part
    without a heading gets the regulation's wording for its kind. When the report has an
    ``issued_on`` date, the organization and the date close the text as a signature.
    ``"html"`` is a self-contained page (:func:`~rol_model.html_report`, extra
    ``rol-model[html]``); ``findings`` from :func:`~rol_model.check` are shown in it next to
    the items they concern. Raises :class:`ValueError` for an unknown format, or for
    ``findings`` with a format other than ``"html"``.
    """
    if format == "html":
        from rol_model.views._html import html_report

        return html_report(report, findings)
    if format not in ("text", "markdown"):
        raise ValueError(f"unknown render format {format!r}: use 'text', 'markdown' or 'html'")
    if findings is not None:
        raise ValueError("findings are shown only in the 'html' format")
    writer = _Writer(markdown=format == "markdown")
    writer.heading(1, report.title)
    if report.preamble is not None:
        for paragraph in split_paragraphs(report.preamble.text):
            writer.paragraph(paragraph)
    parts = sorted(report.parts, key=lambda part: ORDER[part.kind])
    for number, part in enumerate(parts, start=1):
        _part(writer, part, number)
    if report.issued_on is not None:
        writer.paragraph(report.organization.name)
        date = report.issued_on
        writer.paragraph(f"{date.year}年{date.month}月{date.day}日")
    return writer.result()
