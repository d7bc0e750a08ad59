"""The supervisor's desk: a whole jurisdiction's reports at once (``rol survey``).

:func:`survey` gives one :class:`BodySummary` per reporting body and year (parts present,
findings, dates against the deadlines, figures, last year's plans followed up, recurring
shortcomings, share copied), the copied paragraphs (:class:`Copy`, MinHash/LSH over character
shingles, boilerplate recognised), and the shortcomings most bodies report
(:class:`ShortcomingCluster`). :func:`survey_to_dict`, :func:`survey_csv`,
:func:`write_survey_xlsx` and :func:`html_survey` write it out. Copy detection needs the extra
``rol-model[survey]`` (datasketch); the workbook needs it too (openpyxl), the page the extra
``html``. See ``docs/survey.md``.
"""

from __future__ import annotations

from rol_model.survey._copies import THRESHOLD
from rol_model.survey._output import (
    TABLES,
    html_survey,
    survey_csv,
    survey_to_dict,
    table_rows,
    write_survey_xlsx,
)
from rol_model.survey._parquet import PARQUET_TABLES, ParquetSummary, export_parquet, report_id
from rol_model.survey._survey import (
    BodySummary,
    Boilerplate,
    Copy,
    CopySide,
    FindingRow,
    ShortcomingCluster,
    Survey,
    TopFinding,
    publication_deadline,
    submission_deadline,
    survey,
)

__all__ = [
    "PARQUET_TABLES",
    "TABLES",
    "THRESHOLD",
    "BodySummary",
    "Boilerplate",
    "Copy",
    "CopySide",
    "FindingRow",
    "ParquetSummary",
    "ShortcomingCluster",
    "Survey",
    "TopFinding",
    "export_parquet",
    "html_survey",
    "publication_deadline",
    "report_id",
    "submission_deadline",
    "survey",
    "survey_csv",
    "survey_to_dict",
    "table_rows",
    "write_survey_xlsx",
]
