"""Exceptions raised by rol-model. Every one derives from :class:`RolModelError`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

__all__ = [
    "ComparisonError",
    "InvalidProfileError",
    "InvalidReportError",
    "Issue",
    "ReadError",
    "RolModelError",
    "Severity",
    "WriteError",
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
