"""The JSON Schema of a report and the verdict against it.

:func:`schema` returns the packaged schema; :func:`validate` lists every :class:`~rol_model.Issue`
of a JSON document (compiled verdict first, jsonschema to explain).
"""

from __future__ import annotations

from rol_model.validation._schema import (
    is_valid,
    iter_schema_issues,
    schema,
    validate,
)

__all__ = [
    "is_valid",
    "iter_schema_issues",
    "schema",
    "validate",
]
