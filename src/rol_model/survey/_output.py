"""A :class:`~rol_model.survey.Survey` written out: JSON, CSV (with BOM), an xlsx workbook, HTML.

Every output is built from the same tables (:data:`TABLES`, :func:`table_rows`): ``bodies``,
``copies``, ``shortcomings``, ``findings`` and ``boilerplate``, each with English column keys
(JSON, CSV) and Chinese headers (workbook, page). Files are written atomically: a temporary file
beside the target, renamed over it at the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.exceptions import require_extra
from rol_model.serialize import write_file

if TYPE_CHECKING:
    from rol_model.survey._survey import BodySummary, Copy, Survey

__all__ = [
    "PART_NAMES_ZH",
    "TABLES",
    "html_survey",
    "survey_csv",
    "survey_to_dict",
    "table_rows",
    "write_survey_xlsx",
]

Cell = str | int | float | None

PART_NAMES_ZH: Mapping[str, str] = {
    "measures": "举措成效",
    "shortcomings": "不足原因",
    "leadership": "第一责任人",
    "plans": "下年安排",
    "other": "其他事项",
}
_STATUS_ZH = {"on_time": "按时", "late": "逾期", "missing": "未注明"}
_KIND_ZH = {"same_year": "同年他单位", "previous_year": "本单位上年"}
_LEVEL_ZH = {
    "national": "国家级",
    "provincial": "省级",
    "prefectural": "地市级",
    "county": "县级",
    "township": "乡镇级",
}

#: Table name → (sheet / section title, ((column key, Chinese header, width), …)).
TABLES: Mapping[str, tuple[str, tuple[tuple[str, str, int], ...]]] = {
    "bodies": (
        "单位概况",
        (
            ("body", "报告单位", 28),
            ("year", "年度", 7),
            ("level", "层级", 8),
            ("kind", "类型", 8),
            ("region", "地区", 12),
            ("parts", "具备部分", 30),
            ("missing", "缺少部分", 20),
            ("errors", "错误", 7),
            ("warnings", "警告", 7),
            ("top_findings", "主要问题", 50),
            ("issued_on", "成文日期", 12),
            ("submission_deadline", "报送截止", 12),
            ("issued_status", "报送情况", 9),
            ("published_on", "公开日期", 12),
            ("publication_deadline", "公开截止", 12),
            ("published_status", "公开情况", 9),
            ("figures", "数据数", 8),
            ("plans_previous", "上年安排数", 10),
            ("plans_followed", "已落实", 8),
            ("recurring", "连年问题", 8),
            ("copies", "雷同段落", 9),
            ("copied_share", "抄他单位比例", 12),
            ("previous_share", "沿用上年比例", 12),
            ("file", "文件", 40),
        ),
    ),
    "copies": (
        "雷同段落",
        (
            ("kind", "类型", 12),
            ("similarity", "相似度", 8),
            ("first_body", "单位一", 24),
            ("first_year", "年度一", 8),
            ("first_pointer", "位置一", 24),
            ("first_text", "段落一", 60),
            ("second_body", "单位二", 24),
            ("second_year", "年度二", 8),
            ("second_pointer", "位置二", 24),
            ("second_text", "段落二", 60),
            ("first_file", "文件一", 30),
            ("second_file", "文件二", 30),
        ),
    ),
    "shortcomings": (
        "共性问题",
        (
            ("label", "问题", 60),
            ("bodies", "单位数", 8),
            ("items", "条数", 8),
            ("body_names", "单位", 50),
        ),
    ),
    "findings": (
        "检查问题",
        (
            ("body", "报告单位", 28),
            ("year", "年度", 7),
            ("code", "规则", 9),
            ("severity", "严重程度", 9),
            ("pointer", "位置", 28),
            ("message_zh", "说明", 70),
            ("file", "文件", 40),
        ),
    ),
    "boilerplate": (
        "套话",
        (
            ("text", "段落", 80),
            ("bodies", "单位数", 8),
            ("paragraphs", "段落数", 8),
        ),
    ),
}


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _body_row(body: BodySummary) -> dict[str, Cell]:
    return {
        "body": body.body,
        "year": body.year,
        "level": body.level,
        "kind": body.kind,
        "region": body.region,
        "parts": " ".join(body.parts),
        "missing": " ".join(body.missing),
        "errors": body.errors,
        "warnings": body.warnings,
        "top_findings": "; ".join(f"{f.code}×{f.count} {f.message_zh}" for f in body.top_findings),
        "issued_on": _date(body.issued_on),
        "submission_deadline": _date(body.submission_deadline),
        "issued_status": body.issued_status,
        "published_on": _date(body.published_on),
        "publication_deadline": _date(body.publication_deadline),
        "published_status": body.published_status,
        "figures": body.figures,
        "plans_previous": body.plans_previous,
        "plans_followed": body.plans_followed,
        "recurring": len(body.recurring),
        "copies": body.copies,
        "copied_share": body.copied_share,
        "previous_share": body.previous_share,
        "file": body.file,
    }


def _copy_row(copy: Copy) -> dict[str, Cell]:
    row: dict[str, Cell] = {"kind": copy.kind, "similarity": copy.similarity}
    for name, side in (("first", copy.first), ("second", copy.second)):
        row.update(
            {
                f"{name}_body": side.body,
                f"{name}_year": side.year,
                f"{name}_pointer": side.pointer,
                f"{name}_text": side.text,
                f"{name}_file": side.file,
            }
        )
    return row


def _records(result: Survey, table: str) -> list[dict[str, Cell]]:
    if table == "bodies":
        return [_body_row(body) for body in result.bodies]
    if table == "copies":
        return [_copy_row(copy) for copy in result.copies]
    if table == "shortcomings":
        return [
            {
                "label": c.label,
                "bodies": c.bodies,
                "items": c.items,
                "body_names": "、".join(c.body_names),
            }
            for c in result.shortcomings
        ]
    if table == "findings":
        return [attrs.asdict(f) for f in result.findings]
    if table == "boilerplate":
        return [attrs.asdict(b) for b in result.boilerplate]
    raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")


def table_rows(result: Survey, table: str) -> tuple[tuple[str, ...], list[tuple[Cell, ...]]]:
    """The column keys and the rows of one table (``bodies``, ``copies``, ``shortcomings`` …)."""
    columns = tuple(key for key, _, _ in TABLES[table][1]) if table in TABLES else ()
    records = _records(result, table)
    return columns, [tuple(record[key] for key in columns) for record in records]


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def survey_to_dict(result: Survey) -> dict[str, Any]:
    """The survey as JSON-shaped data; the copied paragraphs are the top-level list ``copies``.

    Each copy names both reports (``file``, ``body``, ``year``), both JSON Pointers, both texts
    and the ``similarity``.
    """
    from rol_model.survey._copies import BANDS, MIN_CHARACTERS, NUM_PERM, ROWS, SHINGLE

    return {
        "year": result.year,
        "profile": result.profile,
        "method": {
            "shingle": SHINGLE,
            "min_characters": MIN_CHARACTERS,
            "num_perm": NUM_PERM,
            "bands": BANDS,
            "rows": ROWS,
            "threshold": result.threshold,
            "boilerplate_bodies": result.boilerplate_bodies,
        },
        "bodies": [_json_value(attrs.asdict(body)) for body in result.bodies],
        "copies": [_json_value(attrs.asdict(copy)) for copy in result.copies],
        "shortcomings": [_json_value(attrs.asdict(c)) for c in result.shortcomings],
        "boilerplate": [attrs.asdict(b) for b in result.boilerplate],
        "findings": [attrs.asdict(f) for f in result.findings],
        "skipped": [
            {"file": r.path, "error": r.error, "issues": [str(i) for i in r.issues]}
            for r in result.skipped
        ],
    }


def survey_csv(result: Survey, table: str = "bodies") -> str:
    """One table as CSV text with a byte order mark, so Excel and WPS read the Chinese right."""
    columns, rows = table_rows(result, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def _xlsx_value(key: str, value: Cell) -> Cell:
    if key in ("issued_status", "published_status") and isinstance(value, str):
        return _STATUS_ZH.get(value, value)
    if key == "kind" and isinstance(value, str) and value in _KIND_ZH:
        return _KIND_ZH[value]
    if key == "level" and isinstance(value, str):
        return _LEVEL_ZH.get(value, value)
    if key in ("parts", "missing") and isinstance(value, str):
        return "、".join(PART_NAMES_ZH.get(k, k) for k in value.split())
    return value


def write_survey_xlsx(result: Survey, path: str | os.PathLike[str]) -> None:
    """Write the survey as an ``.xlsx`` workbook: one sheet per table, Chinese headers.

    Each sheet has a frozen, bold header row, an autofilter and set column widths; shares are
    formatted as percentages. Written with openpyxl (extra ``rol-model[survey]``); raises
    :class:`~rol_model.RolModelError` when it is missing and :class:`~rol_model.WriteError`
    when the file cannot be written.
    """
    openpyxl = require_extra("openpyxl", extra="survey", feature="the survey workbook")
    styles = require_extra("openpyxl.styles", extra="survey", feature="the survey workbook")
    utils = require_extra("openpyxl.utils", extra="survey", feature="the survey workbook")
    Workbook, Alignment, Font = openpyxl.Workbook, styles.Alignment, styles.Font  # noqa: N806
    get_column_letter = utils.get_column_letter
    book = Workbook()
    book.remove(book.active)
    for table, (title, columns) in TABLES.items():
        sheet = book.create_sheet(title)
        sheet.append([header for _, header, _ in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        keys, rows = table_rows(result, table)
        for row in rows:
            sheet.append([_xlsx_value(k, v) for k, v in zip(keys, row, strict=True)])
        for number, (key, _, width) in enumerate(columns, start=1):
            letter = get_column_letter(number)
            sheet.column_dimensions[letter].width = width
            if key.endswith("_share"):
                for cell in sheet[letter][1:]:
                    cell.number_format = "0.0%"
            if key.endswith("_text") or key in ("label", "text", "message_zh", "top_findings"):
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    write_file(path, buffer.getvalue())


def html_survey(result: Survey) -> str:
    """The survey as one self-contained HTML page (inline CSS and script, nothing fetched).

    Tables of bodies, copies (both paragraphs side by side), shared shortcomings and findings;
    click a column header to sort, and filter the rows by administrative level and by severity.
    Raises :class:`~rol_model.RolModelError` when Jinja2 (extra ``rol-model[html]``) is missing.
    """
    from rol_model.survey._html import render_survey

    return render_survey(result, _LEVEL_ZH, _STATUS_ZH, _KIND_ZH, PART_NAMES_ZH)
