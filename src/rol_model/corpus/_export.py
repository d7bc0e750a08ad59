"""Reports flattened into three tables for analysis at scale: reports, items, indicators.

The tables are written as CSV (UTF-8, a header row, optionally with a byte order mark for Excel)
or JSON Lines, which pandas, DuckDB, Polars and Spark read directly. ``report_id`` joins them.
The columns are listed in :data:`COLUMNS` and documented in ``docs/scale.md``; a test keeps the
two in step.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

import attrs

from rol_model.exceptions import RolModelError, WriteError
from rol_model.model import (
    Cause,
    Indicator,
    Item,
    LeadershipPart,
    Measure,
    MeasuresPart,
    Node,
    OtherPart,
    Part,
    Plan,
    PlansPart,
    Report,
    Shortcoming,
    ShortcomingsPart,
)
from rol_model.serialize import AtomicGroup
from rol_model.text import csv_cell, plain

if TYPE_CHECKING:
    from rol_model.corpus._corpus import FileResult

__all__ = ["COLUMNS", "ExportSummary", "export_tables", "table_rows"]

ExportFormat = Literal["csv", "jsonl"]
Value = str | int | None
Row = tuple[Value, ...]

#: Table name → column names, in file order.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "reports": (
        "report_id",
        "file",
        "title",
        "organization",
        "region",
        "level",
        "organization_kind",
        "year",
        "issued_on",
        "published_on",
        "source_url",
        "parts",
        "part_kinds",
        "missing_parts",
        "measures",
        "shortcomings",
        "causes",
        "plans",
        "leadership_items",
        "other_items",
        "indicators",
        "characters",
    ),
    "items": (
        "report_id",
        "pointer",
        "part_index",
        "part_kind",
        "type",
        "id",
        "parent_id",
        "depth",
        "marker",
        "heading",
        "text_length",
        "indicators",
        "references",
        "shortcoming_ids",
        "line_start",
        "line_end",
    ),
    "indicators": (
        "report_id",
        "pointer",
        "part_index",
        "part_kind",
        "item_id",
        "id",
        "label",
        "value",
        "unit",
        "qualifier",
        "source",
        "period_start",
        "period_end",
    ),
}

_TYPES: Mapping[type, str] = {
    Measure: "measure",
    Shortcoming: "shortcoming",
    Cause: "cause",
    Plan: "plan",
    Item: "item",
}


@attrs.frozen(kw_only=True)
class ExportSummary:
    """What :func:`export_tables` wrote: row counts, the files, and the files it skipped."""

    reports: int
    items: int
    indicators: int
    files: tuple[str, ...]
    skipped: tuple[FileResult, ...] = ()


@attrs.frozen
class _Rows:
    """The rows of one report, without its ``report_id`` (given in input order)."""

    report: Row
    items: tuple[Row, ...]
    indicators: tuple[Row, ...]


def _decimal_text(indicator: Indicator) -> str:
    return plain(indicator.value)  # plain notation: 30000, never 3E+4 (unless it would explode)


def _indicator_rows(
    pointer: str, indicators: Iterable[Indicator], where: tuple[Value, Value, Value]
) -> Iterator[Row]:
    for index, indicator in enumerate(indicators):
        period = indicator.period
        yield (
            f"{pointer}/indicators/{index}",
            *where,
            indicator.id,
            indicator.label,
            _decimal_text(indicator),
            indicator.unit,
            indicator.qualifier,
            indicator.source,
            period.start.isoformat() if period else None,
            period.end.isoformat() if period else None,
        )


def _nodes(part: Part) -> Iterator[tuple[str, tuple[Node, ...]]]:
    if isinstance(part, MeasuresPart):
        yield "measures", part.measures
    elif isinstance(part, ShortcomingsPart):
        yield "shortcomings", part.shortcomings
        yield "causes", part.causes
    elif isinstance(part, PlansPart):
        yield "plans", part.plans
    elif isinstance(part, (LeadershipPart, OtherPart)):
        yield "items", part.items


def _walk(
    pointer: str, nodes: tuple[Node, ...], parent: str | None, depth: int
) -> Iterator[tuple[str, Node, str | None, int]]:
    for index, node in enumerate(nodes):
        here = f"{pointer}/{index}"
        yield here, node, parent, depth
        if not isinstance(node, Cause):
            yield from _walk(f"{here}/children", node.children, node.id, depth + 1)


def _text_length(*texts: str | None) -> int:
    return sum(len(text) for text in texts if text)


def table_rows(report: Report, file: str | None = None) -> tuple[Row, list[Row], list[Row]]:
    """The report's row, item rows and indicator rows, each without the leading ``report_id``."""
    # here, not at import: the checker (every rule, the profiles) would load with `rol validate`
    from rol_model.checker import missing_parts

    items: list[Row] = []
    indicators: list[Row] = []
    counts = dict.fromkeys(_TYPES.values(), 0)
    leadership_items = other_items = 0
    characters = 0
    if report.preamble is not None:
        characters += len(report.preamble.text)
        indicators.extend(
            _indicator_rows("/preamble", report.preamble.indicators, (None, None, None))
        )
    for part_index, part in enumerate(report.parts):
        part_pointer = f"/parts/{part_index}"
        characters += _text_length(part.heading, part.text)
        indicators.extend(
            _indicator_rows(part_pointer, part.indicators, (part_index, part.kind, None))
        )
        for field, nodes in _nodes(part):
            for pointer, node, parent, depth in _walk(f"{part_pointer}/{field}", nodes, None, 1):
                kind = _TYPES[type(node)]
                counts[kind] += 1
                if kind == "item":
                    if part.kind == "leadership":
                        leadership_items += 1
                    else:
                        other_items += 1
                heading = None if isinstance(node, Cause) else node.heading
                text_length = _text_length(node.text)
                characters += text_length + _text_length(heading)
                shortcoming_ids = node.shortcoming_ids if isinstance(node, (Cause, Plan)) else ()
                items.append(
                    (
                        pointer,
                        part_index,
                        part.kind,
                        kind,
                        node.id,
                        parent,
                        depth,
                        node.marker,
                        heading,
                        text_length,
                        len(node.indicators),
                        len(node.references),
                        " ".join(shortcoming_ids) or None,
                        node.lines.start if node.lines else None,
                        node.lines.end if node.lines else None,
                    )
                )
                indicators.extend(
                    _indicator_rows(pointer, node.indicators, (part_index, part.kind, node.id))
                )
    kinds = [part.kind for part in report.parts]
    organization = report.organization
    report_row: Row = (
        file,
        report.title,
        organization.name,
        organization.region,
        organization.level,
        organization.kind,
        report.year,
        report.issued_on.isoformat() if report.issued_on else None,
        report.published_on.isoformat() if report.published_on else None,
        report.source.url if report.source else None,
        len(report.parts),
        " ".join(kinds) or None,
        " ".join(missing_parts(report)) or None,
        counts["measure"],
        counts["shortcoming"],
        counts["cause"],
        counts["plan"],
        leadership_items,
        other_items,
        len(indicators),
        characters,
    )
    return report_row, items, indicators


def _rows_of(source: Report | str) -> _Rows | FileResult:
    from rol_model.corpus._corpus import load_file

    if isinstance(source, Report):
        report, file = source, None
    else:
        result = load_file(source)
        if result.report is None:
            return result
        report, file = result.report, source
    row, items, indicators = table_rows(report, file)
    return _Rows(row, tuple(items), tuple(indicators))


def _sources(sources: Iterable[Report | str | os.PathLike[str]]) -> Iterator[Report | str]:
    from rol_model.corpus._corpus import expand_paths

    for source in sources:
        if isinstance(source, Report):
            yield source
        else:
            yield from expand_paths([source])


class _Table:
    """One table being written to a temporary file of an :class:`AtomicGroup`."""

    def __init__(
        self,
        group: AtomicGroup,
        directory: Path,
        name: str,
        output_format: ExportFormat,
        *,
        bom: bool,
        raw: bool = False,
    ) -> None:
        self.raw = raw
        self.columns = COLUMNS[name]
        self.target = directory / f"{name}.{output_format}"
        self.format = output_format
        self.rows = 0
        encoding = "utf-8-sig" if bom and output_format == "csv" else "utf-8"
        self.stream: IO[str] = group.open_text(self.target, encoding=encoding, newline="")
        self.writer = csv.writer(self.stream) if output_format == "csv" else None
        if self.writer is not None:
            self.writer.writerow(self.columns)

    def write(self, row: Row) -> None:
        self.rows += 1
        if self.writer is not None:
            cells = ["" if value is None else value for value in row]
            self.writer.writerow(cells if self.raw else [csv_cell(cell) for cell in cells])
        else:
            record = dict(zip(self.columns, row, strict=True))
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def export_tables(
    sources: Iterable[Report | str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    format: ExportFormat = "csv",
    *,
    bom: bool = False,
    raw: bool = False,
    jobs: int = 1,
    skip_invalid: bool = False,
) -> ExportSummary:
    """Flatten reports into ``reports``, ``items`` and ``indicators`` tables in ``out_dir``.

    ``sources`` are :class:`Report` objects or paths of report files (a directory stands for
    every ``*.json`` below it). ``format`` is ``"csv"`` (UTF-8 with a header row; ``bom=True``
    adds a byte order mark so Excel reads the Chinese text right; text a spreadsheet would run as
    a formula, starting with ``=``, ``+``, ``-`` or ``@``, gets a leading apostrophe unless
    ``raw=True``, see docs/security.md) or ``"jsonl"`` (always exact). Rows stream
    to the files as reports are read, ``jobs`` processes reading them, so memory stays flat;
    ``report_id`` numbers the reports in input order. The three files appear together at the
    end, all or none (atomic replace): a failure leaves every earlier table untouched and no
    partial or temporary file; an existing table keeps its file mode.

    Raises :class:`~rol_model.InvalidReportError` or :class:`~rol_model.ReadError` for a file
    that is not a valid report, unless ``skip_invalid`` is true: then it is left out and listed
    in :attr:`ExportSummary.skipped`. Raises :class:`~rol_model.WriteError` when the tables
    cannot be written.
    """
    from rol_model.corpus._corpus import ordered_map, warm_up
    from rol_model.exceptions import UnsupportedFormatError

    if format not in ("csv", "jsonl"):
        raise UnsupportedFormatError("export", format, ("csv", "jsonl"))
    directory = Path(out_dir)
    tables: dict[str, _Table] = {}
    skipped: list[FileResult] = []
    group = AtomicGroup()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in COLUMNS:
            tables[name] = _Table(group, directory, name, format, bom=bom, raw=raw)
        if jobs > 1:
            warm_up()
        report_id = 0
        for rows in ordered_map(_rows_of, _sources(sources), jobs=jobs):
            if not isinstance(rows, _Rows):
                if not skip_invalid:
                    raise rows.exception()
                skipped.append(rows)
                continue
            report_id += 1
            tables["reports"].write((report_id, *rows.report))
            for item in rows.items:
                tables["items"].write((report_id, *item))
            for indicator in rows.indicators:
                tables["indicators"].write((report_id, *indicator))
        group.commit()
    except (OSError, ValueError) as error:
        group.discard()
        if isinstance(error, RolModelError):
            raise
        reason = getattr(error, "strerror", None) or error
        raise WriteError(f"{directory}: cannot write: {reason}") from None
    except BaseException:
        group.discard()
        raise
    return ExportSummary(
        reports=tables["reports"].rows,
        items=tables["items"].rows,
        indicators=tables["indicators"].rows,
        files=tuple(str(table.target) for table in tables.values()),
        skipped=tuple(skipped),
    )
