"""One way to state a problem the importer meets: an :class:`Issue` of each severity.

``warning("import.numbering", f"numbering jumps from {a} to {b}", line=n)`` reads as the
sentence it reports; the severity is the function's name, so no call spells it out.
"""

from __future__ import annotations

from rol_model.exceptions import Issue

__all__ = ["error", "info", "warning"]


def error(code: str, message: str, *, line: int | None = None, pointer: str = "") -> Issue:
    """An error: the text cannot be imported as it stands, or the result breaks a report's limit.

    ``line`` is the 1-based source line the problem is on, when known; ``pointer`` the JSON
    Pointer of the imported field it concerns (``""``, the whole report, when none).
    """
    return Issue(code=code, message=message, pointer=pointer, severity="error", line=line)


def warning(code: str, message: str, *, line: int | None = None, pointer: str = "") -> Issue:
    """A warning: the importer guessed, repaired or left something out that a reader should check.

    ``line`` and ``pointer`` as for :func:`error`.
    """
    return Issue(code=code, message=message, pointer=pointer, severity="warning", line=line)


def info(code: str, message: str, *, line: int | None = None, pointer: str = "") -> Issue:
    """A note: the importer dropped residue or read the text in a way worth knowing, no more.

    ``line`` and ``pointer`` as for :func:`error`.
    """
    return Issue(code=code, message=message, pointer=pointer, severity="info", line=line)
