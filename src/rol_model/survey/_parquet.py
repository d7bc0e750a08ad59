"""``rol export --to parquet``: typed tables for analysts, DuckDB and Spark.

Six Parquet files, one row per entity, joined on stable ids:

- ``reports`` — one row per report (the columns of the CSV export, typed, plus the checker's
  counts); ``report_id`` is the first 16 hex digits of the SHA-256 of the report's canonical JSON,
  so the same report has the same id in every export, whatever the file order;
- ``items``, ``indicators`` — as in the CSV export, typed; ``item_key`` / ``indicator_key`` is
  ``report_id`` + ``:`` + JSON Pointer; indicator values are exact ``decimal128(38, 18)``;
- ``paragraphs`` — every text the copy detection compares (``report_id``, ``pointer``, ``text``);
- ``findings`` — every checker finding; ``finding_id`` is ``report_id:code:pointer:n``;
- ``copies`` — the copied paragraph pairs of :func:`rol_model.survey.survey`, both sides' report
  ids, pointers, bodies, years and texts; ``copy_id`` is a digest of both sides.

Dates are ``date32``; the files are written to temporary names and renamed together at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.corpus import COLUMNS
from rol_model.exceptions import WriteError, require_extra
from rol_model.survey._copies import THRESHOLD, paragraphs

if TYPE_CHECKING:
    from rol_model import FileResult, Profile, Report
    from rol_model.survey._survey import Survey

__all__ = ["DECIMAL_SCALE", "PARQUET_TABLES", "ParquetSummary", "export_parquet", "report_id"]

#: Digits after the decimal point of indicator values (``decimal128(38, 18)``).
DECIMAL_SCALE = 18
PARQUET_TABLES = ("reports", "items", "indicators", "paragraphs", "findings", "copies")


@attrs.frozen(kw_only=True)
class ParquetSummary:
    """What :func:`export_parquet` wrote: rows per table, the files, the files it skipped."""

    rows: dict[str, int]
    files: tuple[str, ...]
    skipped: tuple[FileResult, ...] = ()


def report_id(report: Report) -> str:
    """A stable id of a report: 16 hex digits of the SHA-256 of its canonical JSON."""
    from rol_model.serialize import dumps

    return hashlib.sha256(dumps(report).encode("utf-8")).hexdigest()[:16]


def _pa() -> Any:
    pa = require_extra("pyarrow", extra="parquet", feature="Parquet export")
    require_extra("pyarrow.parquet", extra="parquet", feature="Parquet export")  # pa.parquet
    return pa


#: The counts of the export's reports table (from ``parts`` on, lists of kinds left out), which
#: the Parquet reports table keeps as they are.
_COUNTS = tuple(
    name
    for name in COLUMNS["reports"][COLUMNS["reports"].index("parts") :]
    if name not in ("part_kinds", "missing_parts")
)


def _schemas(pa: Any) -> dict[str, Any]:
    string, int32, date = pa.string(), pa.int32(), pa.date32()
    counts = [*_COUNTS, "errors", "warnings", "infos"]
    side = []
    for name in ("first", "second"):
        side += [
            (f"{name}_report_id", string),
            (f"{name}_file", string),
            (f"{name}_body", string),
            (f"{name}_year", int32),
            (f"{name}_pointer", string),
            (f"{name}_text", string),
        ]
    return {
        "reports": pa.schema(
            [
                ("report_id", string),
                ("file", string),
                ("title", string),
                ("organization", string),
                ("region", string),
                ("level", string),
                ("organization_kind", string),
                ("year", int32),
                ("issued_on", date),
                ("submitted_on", date),
                ("published_on", date),
                ("source_url", string),
                ("part_kinds", pa.list_(string)),
                ("missing_parts", pa.list_(string)),
                *[(name, int32) for name in counts],
            ]
        ),
        "items": pa.schema(
            [
                ("item_key", string),
                ("report_id", string),
                ("pointer", string),
                ("part_index", int32),
                ("part_kind", string),
                ("type", string),
                ("id", string),
                ("parent_id", string),
                ("depth", int32),
                ("marker", string),
                ("heading", string),
                ("text_length", int32),
                ("indicators", int32),
                ("references", int32),
                ("shortcoming_ids", pa.list_(string)),
                ("line_start", int32),
                ("line_end", int32),
            ]
        ),
        "indicators": pa.schema(
            [
                ("indicator_key", string),
                ("report_id", string),
                ("pointer", string),
                ("part_index", int32),
                ("part_kind", string),
                ("item_id", string),
                ("id", string),
                ("label", string),
                ("value", pa.decimal128(38, DECIMAL_SCALE)),
                ("unit", string),
                ("qualifier", string),
                ("source", string),
                ("period_start", date),
                ("period_end", date),
            ]
        ),
        "paragraphs": pa.schema(
            [
                ("report_id", string),
                ("pointer", string),
                ("year", int32),
                ("body", string),
                ("text", string),
            ]
        ),
        "findings": pa.schema(
            [
                ("finding_id", string),
                ("report_id", string),
                ("code", string),
                ("name", string),
                ("severity", string),
                ("pointer", string),
                ("message", string),
                ("message_zh", string),
                ("excerpt", string),
            ]
        ),
        "copies": pa.schema(
            [("copy_id", string), ("kind", string), ("similarity", pa.float64()), *side]
        ),
    }


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _value(text: str, where: str) -> Decimal:
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > DECIMAL_SCALE:
        raise WriteError(
            f"{where}: the value {text} has more than {DECIMAL_SCALE} decimal places, which "
            f"decimal128(38, {DECIMAL_SCALE}) cannot hold exactly"
        )
    return value


def _report_rows(
    rid: str, file: str, report: Report, result: FileResult | None
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    from rol_model.corpus import COLUMNS, table_rows

    row, items, indicators = table_rows(report, file)
    base = dict(zip(COLUMNS["reports"][1:], row, strict=True))
    severities = [f.severity for f in result.findings] if result else []
    report_row = {
        "report_id": rid,
        "file": file,
        "title": base["title"],
        "organization": base["organization"],
        "region": base["region"],
        "level": base["level"],
        "organization_kind": base["organization_kind"],
        "year": base["year"],
        "issued_on": report.issued_on,
        "submitted_on": report.submitted_on,
        "published_on": report.published_on,
        "source_url": base["source_url"],
        "part_kinds": str(base["part_kinds"] or "").split(),
        "missing_parts": str(base["missing_parts"] or "").split(),
        **{name: base[name] for name in _COUNTS},
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
    }
    item_rows = []
    for item in items:
        record: dict[str, Any] = dict(zip(COLUMNS["items"][1:], item, strict=True))
        record["item_key"] = f"{rid}:{record['pointer']}"
        record["report_id"] = rid
        record["shortcoming_ids"] = str(record["shortcoming_ids"] or "").split()
        item_rows.append(record)
    indicator_rows = []
    for indicator in indicators:
        values: dict[str, Any] = dict(zip(COLUMNS["indicators"][1:], indicator, strict=True))
        record = values
        where = f"{file}#{record['pointer']}"
        record["indicator_key"] = f"{rid}:{record['pointer']}"
        record["report_id"] = rid
        record["value"] = _value(str(record["value"]), where)
        record["period_start"] = _date(record["period_start"])
        record["period_end"] = _date(record["period_end"])
        indicator_rows.append(record)
    return report_row, item_rows, indicator_rows


def _copy_rows(result: Survey, ids: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for copy in result.copies:
        row: dict[str, Any] = {"kind": copy.kind, "similarity": copy.similarity}
        for name, side in (("first", copy.first), ("second", copy.second)):
            row.update(
                {
                    f"{name}_report_id": ids[side.file],
                    f"{name}_file": side.file,
                    f"{name}_body": side.body,
                    f"{name}_year": side.year,
                    f"{name}_pointer": side.pointer,
                    f"{name}_text": side.text,
                }
            )
        key = "\n".join(
            (
                row["first_report_id"],
                row["first_pointer"],
                row["second_report_id"],
                row["second_pointer"],
            )
        )
        row["copy_id"] = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        rows.append(row)
    return rows


def export_parquet(
    sources: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    profile: Profile | str | None = None,
    previous: Sequence[str | os.PathLike[str]] = (),
    year: int | None = None,
    jobs: int = 1,
    threshold: float = THRESHOLD,
    skip_invalid: bool = False,
) -> ParquetSummary:
    """Write the reports, items, indicators, paragraphs, findings and copies as Parquet files.

    ``sources`` are report files or directories; they are checked with ``profile`` and surveyed
    for copies (:func:`rol_model.survey.survey`; ``previous``, ``year`` and ``threshold`` as
    there). Invalid files raise :class:`~rol_model.InvalidReportError` or
    :class:`~rol_model.ReadError` unless ``skip_invalid``; then they are listed in
    :attr:`ParquetSummary.skipped`. Needs pyarrow (extra ``rol-model[parquet]``) and datasketch
    (extra ``survey``); raises :class:`~rol_model.WriteError` when the files cannot be written.
    """
    from rol_model.survey._survey import build_survey, load_entries

    pa = _pa()
    checked, loaded, skipped = load_entries(sources, previous, profile, jobs)
    if skipped and not skip_invalid:
        raise skipped[0].exception()
    result = build_survey(checked, loaded, skipped, year=year, profile=profile, threshold=threshold)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in PARQUET_TABLES}
    ids: dict[str, str] = {}
    for entry in [*checked, *loaded]:
        rid = report_id(entry.report)
        ids[entry.file] = rid
        report_row, items, indicators = _report_rows(rid, entry.file, entry.report, entry.result)
        tables["reports"].append(report_row)
        tables["items"].extend(items)
        tables["indicators"].extend(indicators)
        tables["paragraphs"].extend(
            {
                "report_id": rid,
                "pointer": pointer,
                "year": entry.report.year,
                "body": entry.report.organization.name,
                "text": text,
            }
            for pointer, text in paragraphs(entry.report)
        )
        counter: dict[tuple[str, str], int] = {}
        for finding in entry.result.findings if entry.result else ():
            n = counter.get((finding.code, finding.pointer), 0)
            counter[(finding.code, finding.pointer)] = n + 1
            tables["findings"].append(
                {
                    "finding_id": f"{rid}:{finding.code}:{finding.pointer}:{n}",
                    "report_id": rid,
                    **{
                        key: getattr(finding, key)
                        for key in (
                            "code",
                            "name",
                            "severity",
                            "pointer",
                            "message",
                            "message_zh",
                            "excerpt",
                        )
                    },
                }
            )
    tables["copies"] = _copy_rows(result, ids)
    schemas = _schemas(pa)
    directory = Path(out_dir)
    written: list[tuple[Path, Path]] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in PARQUET_TABLES:
            target = directory / f"{name}.parquet"
            temporary = directory / f".{name}.parquet.tmp"
            table = pa.Table.from_pylist(tables[name], schema=schemas[name])
            pa.parquet.write_table(table, temporary)
            written.append((temporary, target))
        for temporary, target in written:
            temporary.replace(target)
    except OSError as error:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise WriteError(f"{directory}: cannot write: {error.strerror or error}") from None
    return ParquetSummary(
        rows={name: len(rows) for name, rows in tables.items()},
        files=tuple(str(directory / f"{name}.parquet") for name in PARQUET_TABLES),
        skipped=tuple(skipped),
    )
