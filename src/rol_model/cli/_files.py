"""Helpers shared by commands that read report files."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, TextIO

from rol_model.serialize import DEFAULT_LIMITS, read_document

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rol_model.corpus import FileResult
    from rol_model.model._classes import Report


def read_input(name: str) -> bytes:
    """The bytes of a file, or of standard input when ``name`` is ``-``."""
    if name == "-":
        stream: IO[bytes] = sys.stdin.buffer
        return read_document(stream, DEFAULT_LIMITS)
    return read_document(name, DEFAULT_LIMITS)


def load_input(name: str) -> Report:
    """The report in ``name`` (``-``: standard input); errors name the file or ``<stdin>``."""
    from rol_model.exceptions import InvalidReportError
    from rol_model.serialize import load, loads

    if name != "-":
        return load(name)
    try:
        return loads(read_input(name))
    except InvalidReportError as error:
        raise InvalidReportError(error.issues, source="<stdin>") from None


def emit(text: str, path: str | None, out: TextIO) -> None:
    """Write a command's output to ``path`` atomically (UTF-8), or to ``out`` when ``None``."""
    if path is None:
        out.write(text)
        return
    from rol_model.serialize import write_file

    write_file(path, text)


def report_skipped(command: str, skipped: Sequence[FileResult], err: TextIO) -> int:
    """Name each file a corpus command left out, and why; return the command's exit code.

    ``2`` when a file could not be read, ``1`` when one was not a valid report, else ``0``.
    """
    for result in skipped:
        reason = result.error or f"not a valid report: {result.issues[0]}"
        if result.error is None and len(result.issues) > 1:
            reason += f" (and {len(result.issues) - 1} more)"
        print(f"rol {command}: skipped {result.path}: {reason}", file=err)
    if any(result.error is not None for result in skipped):
        return 2
    return 1 if skipped else 0
