"""Exceptions raised by rol-model. Every one derives from :class:`RolModelError`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = [
    "ComparisonError",
    "InvalidProfileError",
    "InvalidReportError",
    "Issue",
    "MissingExtraError",
    "ReadError",
    "RolModelError",
    "Severity",
    "UnsupportedFormatError",
    "WriteError",
    "require_extra",
]

Severity = Literal["error", "warning", "info"]
"""How serious an issue is; only errors make a document invalid."""


@attrs.frozen(kw_only=True)
class Issue:
    """A problem found in a document.

    ``pointer`` is an RFC 6901 JSON Pointer into the document (``""`` is the whole document);
    ``line`` and ``column`` (1-based) are given when the problem is in the text itself, before
    any JSON could be read. ``code`` is stable and machine-readable (``json.syntax``,
    ``schema.required``, ``ROL101`` …); ``message`` is for people.
    """

    code: str
    message: str
    pointer: str = ""
    severity: Severity = "error"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.pointer or "/"
        if self.line is not None:
            where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message} [{self.code}]"


class RolModelError(Exception):
    """Root of every exception rol-model raises on purpose."""


class InvalidReportError(RolModelError, ValueError):
    """A document is not a valid report; ``issues`` lists every problem, in document order.

    ``source`` names the file (or ``"<string>"``) the document came from, when known.
    """

    def __init__(self, issues: Iterable[Issue], *, source: str | None = None) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        if not self.issues:
            raise ValueError("InvalidReportError needs at least one issue")
        self.source = source
        headline = str(self.issues[0])
        more = len(self.issues) - 1
        if more:
            headline += f" (and {more} more issue{'s' if more > 1 else ''})"
        super().__init__(f"{source}: {headline}" if source else headline)


class InvalidProfileError(RolModelError, ValueError):
    """A checker profile is malformed; ``issues`` lists every problem with its JSON Pointer.

    ``source`` names the profile file (or built-in profile) when known.
    """

    def __init__(self, issues: Iterable[Issue], *, source: str | None = None) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        if not self.issues:
            raise ValueError("InvalidProfileError needs at least one issue")
        self.source = source
        headline = f"invalid profile: {self.issues[0]}"
        more = len(self.issues) - 1
        if more:
            headline += f" (and {more} more issue{'s' if more > 1 else ''})"
        super().__init__(f"{source}: {headline}" if source else headline)


class ComparisonError(RolModelError, ValueError):
    """Reports cannot be compared as a series: none were given, or two cover the same year."""


class ReadError(RolModelError, OSError):
    """A file could not be read (missing, a directory, no permission, too large)."""


class WriteError(RolModelError, OSError):
    """A report could not be written; the target file is left as it was."""


class MissingExtraError(RolModelError, ImportError):
    """A feature needs an optional extra that is not installed.

    ``extra`` names it (``"docx"``, ``"html"`` …) and the message gives the pip command.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.feature = feature
        self.extra = extra
        self.module = module
        super().__init__(
            f"{feature} needs the '{extra}' extra ({module} is not installed): "
            f"pip install 'rol-model[{extra}]'",
            name=module,
        )


class UnsupportedFormatError(RolModelError, ValueError):
    """A format rol-model does not offer; ``supported`` lists those it does."""

    def __init__(self, what: str, format: str, supported: tuple[str, ...]) -> None:
        self.format = format
        self.supported = supported
        choices = ", ".join(repr(name) for name in supported)
        super().__init__(f"unknown {what} format {format!r}: use {choices}")


def require_extra(module: str, *, extra: str, feature: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, module) from None
