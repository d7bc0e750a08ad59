"""Exceptions raised by rol-model. Every one derives from :class:`RolModelError`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol

import attrs

__all__ = [
    "ComparisonError",
    "InvalidProfileError",
    "InvalidReportError",
    "Issue",
    "MissingExtraError",
    "NotAReportError",
    "Problem",
    "ReadError",
    "RolModelError",
    "Severity",
    "UnsupportedFormatError",
    "WriteError",
    "require_extra",
]

Severity = Literal["error", "warning", "info"]
"""How serious an issue is; only errors make a document invalid."""


class Problem(Protocol):
    """What every problem record of rol-model has: :class:`Issue` (schema, parsing, import) and
    :class:`~rol_model.Finding` (the checker) alike. Code that lists problems of either kind can
    rely on these four fields; ``Finding.to_issue()`` turns a finding into an :class:`Issue`."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def pointer(self) -> str: ...
    @property
    def severity(self) -> Severity: ...


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

    The message shows the most relevant issue (a misspelt field before the required field it
    leaves missing; see :meth:`ranked`) and how many more there are.
    ``source`` names the file (or ``"<string>"``) the document came from, when known.
    """

    def __init__(self, issues: Iterable[Issue], *, source: str | None = None) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        if not self.issues:
            raise ValueError("InvalidReportError needs at least one issue")
        self.source = source
        headline = str(self.ranked()[0])
        more = len(self.issues) - 1
        if more:
            headline += f" (and {more} more issue{'s' if more > 1 else ''})"
        super().__init__(f"{source}: {headline}" if source else headline)

    def ranked(self) -> tuple[Issue, ...]:
        """The issues, most relevant first (jsonschema's ``best_match`` idea).

        A syntax or encoding error first, then an unknown field that is a near miss of a known
        one ("did you mean 'qualifier'?"), then the rest in document order, with a
        ``required`` issue that such a near miss explains last.
        """
        return _by_relevance(self.issues)


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


class NotAReportError(UnsupportedFormatError):
    """An input given to import is no published report: a report JSON file, other JSON, XML.

    ``format`` names what the input is (``"report JSON"``, ``"JSON"``, ``"XML"``); the message
    says what to run instead.
    """

    def __init__(self, message: str, *, format: str) -> None:
        self.format = format
        self.supported = ("text", "html", "docx")
        Exception.__init__(self, message)


def require_extra(module: str, *, extra: str, feature: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, module) from None


# The most relevant issue first ----------------------------------------------------------------

_MEANT = re.compile(r"did you mean '([^']+)'\?")
_REQUIRED = re.compile(r"^'([^']+)' is a required property")


def _parent_pointer(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0] if "/" in pointer else ""


def _by_relevance(issues: Sequence[Issue]) -> tuple[Issue, ...]:
    """``issues`` reordered most relevant first; ties keep their (document) order."""
    explained: set[tuple[str, str]] = set()  # (object pointer, field) a near miss explains
    for issue in issues:
        meant = _MEANT.search(issue.message)
        if issue.code == "schema.unknown-field" and meant:
            explained.add((_parent_pointer(issue.pointer), meant.group(1)))

    def rank(issue: Issue) -> int:
        if not issue.code.startswith("schema."):
            return 0  # syntax, encoding, limits: nothing else can be read before they are fixed
        if issue.code == "schema.unknown-field" and _MEANT.search(issue.message):
            return 1
        required = _REQUIRED.match(issue.message)
        if required and (issue.pointer, required.group(1)) in explained:
            return 4
        if issue.code in ("schema.anyOf", "schema.oneOf"):
            return 3  # weak: several alternatives failed, a deeper issue says more
        return 2

    order = sorted(range(len(issues)), key=lambda i: (rank(issues[i]), i))
    return tuple(issues[i] for i in order)
