"""Optional extras: import a library that an extra brings, or say which extra to install.

Every import of an optional dependency goes through :func:`require`, so a missing extra is one
:class:`~rol_model.exceptions.MissingExtraError` (one line, the extra and the pip command; the
CLI prints it and exits 2), never a traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType

from rol_model.exceptions import MissingExtraError

__all__ = ["EXTRAS", "require"]

#: Top-level module → (extra, the package as pip names it).
EXTRAS: Mapping[str, tuple[str, str]] = {
    "docx": ("docx", "python-docx"),
    "jinja2": ("html", "Jinja2"),
    "markupsafe": ("html", "Jinja2"),
    "jsonschema_rs": ("fast", "jsonschema-rs"),
    "duckdb": ("bench", "duckdb"),
}


def missing_extra(error: ModuleNotFoundError, feature: str) -> MissingExtraError | None:
    """The :class:`MissingExtraError` for ``error`` when it is a missing extra, else ``None``."""
    top = (error.name or "").split(".")[0]
    if top not in EXTRAS:
        return None
    extra, package = EXTRAS[top]
    return MissingExtraError(feature, extra=extra, package=package)


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` (a library of an extra, see :data:`EXTRAS`) for ``feature``.

    Raises :class:`~rol_model.exceptions.MissingExtraError` naming the extra when the library
    is not installed.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        problem = missing_extra(error, feature)
        if problem is None:
            raise
        raise problem from None
