"""An attachment that carries the year's data (a table of figures): kept as an 其他 part.

The header stage cuts attachments from the end of a report (their numbered titles would
otherwise be read as items of the last part). An attachment that states figures, such as a
statistics table after the signature (附件 / 2023年度行政执法数据统计表 / 执法类别 案件数（件）
罚款（万元） / 路政 98 41.6), is the year's data all the same: :func:`attachment_parts` makes it a
part of kind ``other`` whose text is the attachment's lines, verbatim, and whose figures are the
figures of its sentences and the cells of its table (each cell a figure: the row's label and the
column's name, the value, the unit the column heading states in brackets, 万 folded into the
value; ``source`` is the row as printed). A list of attachment titles without figures stays cut.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rol_model.exceptions import Issue
from rol_model.importer._figures import Figure, find_figures
from rol_model.importer._outline import Paragraph, RawPart
from rol_model.importer._problems import warning
from rol_model.importer._source import SourceLine
from rol_model.text import fold

__all__ = ["attachment_parts", "table_figures"]

_ATTACHMENT_WORD = re.compile(r"^附件 ?(?:\d{1,2}|[一二三四五六七八九十])? ?[:：]? ?")
# a column heading naming its unit: 案件数（件）, 罚款(万元)
_COLUMN_UNIT = re.compile(r"^(?P<name>[^()（）\d]{1,20})[(（](?P<unit>[^()（）\d]{1,6})[)）]$")
_CELL_SPLIT = re.compile(r"[ \t\u3000|｜]+")
_NUMBER = re.compile(r"^\d{1,12}(?:\.\d{1,6})?$")
_MULTIPLIER = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


def _cells(text: str) -> list[str]:
    return [cell for cell in _CELL_SPLIT.split(text.strip(" \t\u3000|｜")) if cell]


def table_figures(lines: list[SourceLine]) -> tuple[list[Figure], set[int]]:
    """Figures of a table whose header names each column's unit; and the table's line numbers."""
    figures: list[Figure] = []
    table: set[int] = set()
    columns: list[tuple[str, str] | None] | None = None
    for line in lines:
        cells = _cells(fold(line.text))
        heads = [_COLUMN_UNIT.match(cell) for cell in cells]
        if len(cells) >= 2 and sum(head is not None for head in heads) >= 1 and heads[0] is None:
            columns = [
                (head.group("name"), head.group("unit")) if head is not None else None
                for head in heads
            ]
            table.add(line.number)
            continue
        if columns is None or len(cells) != len(columns) or _NUMBER.match(cells[0]):
            columns = None if columns is not None and not cells else columns
            continue
        original = _cells(line.text)
        row_label = original[0] if len(original) == len(cells) else cells[0]
        read = False
        for cell, column in zip(cells[1:], columns[1:], strict=True):
            if column is None or not _NUMBER.match(cell):
                continue
            name, unit = column
            try:
                value = Decimal(cell)
            except InvalidOperation:  # pragma: no cover - the pattern only lets numbers in
                continue
            for word, factor in _MULTIPLIER.items():
                if unit.startswith(word) and len(unit) > 1:
                    value, unit = value * factor, unit[len(word) :]
            value = Decimal(int(value)) if value == value.to_integral_value() else value
            figures.append(
                Figure(
                    label=f"{row_label}{name}",
                    value=value,
                    unit=unit,
                    qualifier="exact",
                    source=line.text.strip(),
                    start=0,
                    end=len(line.text),
                )
            )
            read = True
        if read:
            table.add(line.number)
    return figures, table


def attachment_part(cut: list[SourceLine], issues: list[Issue]) -> RawPart | None:
    """The attachment lines the header stage cut, as an ``other`` part when they state figures.

    ``None`` when they state none (a list of attachment titles). The part's heading is the
    attachment's title (the line after a bare 附件, or the words after 附件：); an
    ``import.attachment-data`` warning names it.
    """
    if not cut:
        return None
    figures, table = table_figures(cut)
    sentences = [line for line in cut if line.number not in table]
    text_figures = [figure for line in sentences for figure in find_figures(line.text)]
    if not figures and not text_figures:
        return None
    lines = list(cut)
    first = _ATTACHMENT_WORD.match(fold(lines[0].text))
    heading: str | None = None
    marker: str | None = None
    if first is not None:
        marker = lines[0].text[: first.end()].strip(" \u3000：:") or None
        rest = lines[0].text[first.end() :].strip(" \u3000")
        if rest:
            heading = rest
            lines = lines[1:]
        elif len(lines) > 1 and lines[1].number not in table:
            heading = lines[1].text.strip(" \u3000")
            lines = lines[2:]
        else:
            lines = lines[1:]
    part = RawPart(
        marker=marker,
        heading=heading,
        start=cut[0].number,
        end=cut[-1].number,
        paragraphs=[
            Paragraph(text=line.text, start=line.number, end=line.number) for line in lines
        ],
        kind="other",
    )
    part.figures = figures
    issues.append(
        warning(
            "import.attachment-data",
            f"the attachment {heading or marker or ''} states figures "
            f"({len(figures) + len(text_figures)}); kept as an other part",
            line=cut[0].number,
        )
    )
    return part


def attachment_parts(
    lines: list[SourceLine], kept: list[SourceLine], issues: list[Issue]
) -> list[RawPart]:
    """The part made of the attachment lines cut from ``lines`` (those not ``kept``), if any."""
    numbers = {line.number for line in kept}
    part = attachment_part([line for line in lines if line.number not in numbers], issues)
    return [part] if part is not None else []
