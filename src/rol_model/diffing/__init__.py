"""What changed between two versions of a report: :func:`diff`, its outputs, JSON Patch."""

from __future__ import annotations

from rol_model.diffing._diff import (
    diff,
    diff_documents,
)
from rol_model.diffing._indicators import (
    IndicatorChange,
)
from rol_model.diffing._output import (
    diff_to_dict,
    format_diff,
)
from rol_model.diffing._patch import (
    document_patch,
    json_patch,
    same,
)
from rol_model.diffing._records import (
    FieldChange,
    ItemChange,
    PartChange,
    ReportDiff,
)

__all__ = [
    "FieldChange",
    "IndicatorChange",
    "ItemChange",
    "PartChange",
    "ReportDiff",
    "diff",
    "diff_documents",
    "diff_to_dict",
    "document_patch",
    "format_diff",
    "json_patch",
    "same",
]
