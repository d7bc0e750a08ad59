"""Write a report back as text in the official layout, ready to paste into a Word template.

:func:`render` puts the parts in the regulation's order (measures, shortcomings and causes,
leadership, plans, other), numbers them 一、 二、 …, and numbers the outline by depth: （一）,
1., （1）, ① (GB/T 9704-2012). In text, every paragraph and heading but the title and the
signature starts with the two-character indent 　　; part headings and （一） headings stand on
their own line, and a deeper heading runs into its first paragraph with its 。 kept
(1.积极构建法治建设网络。正文……), as published documents print it, when the importer can read
it back (a short heading without 。 or ：, a paragraph ending a sentence). Causes of
shortcomings follow the shortcomings, after a line 产生上述问题的原因：, one paragraph each
(一是……); a cause that explains one shortcoming (主要原因是……) stays in that shortcoming's
text. The text imports back with :func:`~rol_model.import_text` into the same outline, texts
and indicators (``docs/import.md`` lists the few cases where that cannot hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from rol_model.exceptions import UnsupportedFormatError
from rol_model.model import Cause, Part, Report, ShortcomingsPart, part_items
from rol_model.text import chinese_number, markdown_text, terminal_text
from rol_model.views._layout import DEFAULT_HEADINGS, ORDER
from rol_model.views._layout import marker as item_marker
from rol_model.views._layout import paragraphs as split_paragraphs

if TYPE_CHECKING:
    from rol_model.checker import Finding

__all__ = ["RenderFormat", "render"]

RenderFormat = Literal["text", "markdown", "html"]
"""Output of :func:`render`: plain text (one paragraph a line), Markdown, or an HTML page."""

_RUN_IN_CAUSE = re.compile(r"^(?:主要|根本|深层次)?原因(?:是|在于|主要是)")


class _Writer:
    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        # report text is data: inert on a terminal, no raw HTML or links in Markdown
        if self.markdown:
            self.blocks.append(f"{'#' * min(level, 6)} {markdown_text(terminal_text(text))}")
        else:  # the title stands alone; every other heading is indented like a paragraph
            shown = terminal_text(text)
            self.blocks.append(shown if level == 1 else INDENT + shown)

    def paragraph(self, text: str, *, indent: bool = True) -> None:
        shown = markdown_text(terminal_text(text)) if self.markdown else terminal_text(text)
        self.blocks.append(INDENT + shown if indent and not self.markdown else shown)

    def run_in(self, lead: str, text: str) -> None:
        """A paragraph opened by a run-in heading (``lead`` ends with its 。)."""
        self.paragraph(lead + text)

    def signature(self, text: str) -> None:
        """A line of the signature (organization, date): not indented."""
        self.paragraph(text, indent=False)

    def result(self) -> str:
        separator = "\n\n" if self.markdown else "\n"
        return separator.join(self.blocks) + "\n"


#: The first-line indent of the official layout (GB/T 9704-2012: two characters).
INDENT = "\u3000\u3000"
_LEAD_MAX = 40  # the importer's limit for a run-in heading (importer._outline._LEAD_MAX)
_ENDS = "。！？!?；;"


def _runs_in(heading: str, text: str) -> bool:
    """Whether a heading can run into its first paragraph and still read back as a heading."""
    return (
        len(heading) <= _LEAD_MAX
        and not any(mark in heading for mark in "：:。")
        and text[-1] in _ENDS
    )


def _stop(heading: str) -> str:
    return "" if heading[-1] in "！？!?" else "。"


def _node(
    writer: _Writer, node: Any, depth: int, number: int, linked: dict[str, list[str]]
) -> None:
    marker = item_marker(depth, number)
    paragraphs = split_paragraphs(node.text)
    if paragraphs and node.id in linked:
        paragraphs[-1] += "".join(linked[node.id])
    if (
        node.heading
        and paragraphs
        and depth >= 2
        and not writer.markdown
        and _runs_in(node.heading, paragraphs[0])
    ):
        # 1.积极构建法治建设网络。正文……: the official layout keeps it in its paragraph
        writer.run_in(f"{marker}{node.heading}{_stop(node.heading)}", paragraphs.pop(0))
    elif node.heading:
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
    for index, node in enumerate(part_items(part), start=1):
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
    the items they concern. A Word file is not text: :func:`~rol_model.write_docx` writes it.
    Raises :class:`~rol_model.UnsupportedFormatError` for an unknown format, or for
    ``findings`` with a format other than ``"html"``.
    """
    if format == "html":
        from rol_model.views._html import html_report

        return html_report(report, findings)
    if format not in ("text", "markdown"):
        raise UnsupportedFormatError("render", format, ("text", "markdown", "html"))
    if findings is not None:
        raise UnsupportedFormatError("render-with-findings", format, ("html",))
    writer = _Writer(markdown=format == "markdown")
    write_report(writer, report)
    return writer.result()


def write_report(writer: _Writer, report: Report) -> None:
    """Send the report to ``writer`` in the official order: title, preamble, parts, signature.

    The text and Markdown outputs and the Word writer (``rol_model.views._docx``) share it.
    """
    writer.heading(1, report.title)
    if report.preamble is not None:
        for paragraph in split_paragraphs(report.preamble.text):
            writer.paragraph(paragraph)
    parts = sorted(report.parts, key=lambda part: ORDER[part.kind])
    for number, part in enumerate(parts, start=1):
        _part(writer, part, number)
    if report.issued_on is not None:
        writer.signature(report.organization.name)
        date = report.issued_on
        writer.signature(f"{date.year}年{date.month}月{date.day}日")
