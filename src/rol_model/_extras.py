"""Which extra brings a library: so a missing one is a one-line error wherever it is imported.

Library code imports an optional dependency with
:func:`rol_model.exceptions.require_extra`; :func:`missing_extra` is the CLI's safety net for an
import of such a library that did not go through it (a ``ModuleNotFoundError`` deep inside a
command): it becomes the same :class:`~rol_model.exceptions.MissingExtraError`, one line naming
the extra and the pip command, exit 2, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

from rol_model.exceptions import MissingExtraError

__all__ = ["EXTRAS", "missing_extra"]

#: Top-level module → the extra that installs it.
EXTRAS: Mapping[str, str] = {
    "docx": "docx",
    "lxml": "docx",
    "jinja2": "html",
    "markupsafe": "html",
    "jsonschema_rs": "fast",
    "duckdb": "bench",
}


def missing_extra(error: ModuleNotFoundError, feature: str) -> MissingExtraError | None:
    """The :class:`MissingExtraError` for ``error`` when it is a missing extra, else ``None``."""
    module = (error.name or "").split(".")[0]
    if module not in EXTRAS:
        return None
    return MissingExtraError(feature, EXTRAS[module], module)
