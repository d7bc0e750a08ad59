"""Many reports at once: file discovery, a process pool, corpus checks, table export.

The export (``export_tables`` and its columns) loads on first use: ``rol validate`` needs only
file discovery and the pool, and should not pay for the model and the table writers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from rol_model.corpus._export import COLUMNS, ExportSummary, export_tables, table_rows

_LAZY = ("COLUMNS", "ExportSummary", "export_tables", "table_rows")


def __getattr__(name: str) -> Any:
    """Load the export's names on first use (PEP 562)."""
    if name in _LAZY:
        from rol_model.corpus import _export

        value = getattr(_export, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rol_model.corpus' has no attribute {name!r}")


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
