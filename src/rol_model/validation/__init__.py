"""The JSON Schema of a report and the verdict against it.

:func:`schema` returns the packaged schema; :func:`validate` lists every :class:`~rol_model.Issue`
of a JSON document (compiled verdict first, jsonschema to explain).
"""

from __future__ import annotations

from rol_model.validation import _hostile, _schema
from rol_model.validation._hostile import *  # noqa: F403
from rol_model.validation._schema import *  # noqa: F403

__all__: list[str] = []
__all__ += _schema.__all__
__all__ += _hostile.__all__
