"""Many reports at once: file discovery, a process pool, corpus checks, table export."""

from __future__ import annotations

from rol_model.corpus._corpus import (
    FileResult,
    check_file,
    check_many,
    expand_arguments,
    issue_record,
    iter_load,
    ordered_map,
    warm_up,
    write_many,
)
from rol_model.corpus._export import (
    COLUMNS,
    ExportSummary,
    export_tables,
    table_rows,
)

__all__ = [
    "COLUMNS",
    "ExportSummary",
    "FileResult",
    "check_file",
    "check_many",
    "expand_arguments",
    "export_tables",
    "issue_record",
    "iter_load",
    "ordered_map",
    "table_rows",
    "warm_up",
    "write_many",
]
