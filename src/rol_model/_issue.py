"""The one record for every problem rol-model reports: schema, parsing, rules, import."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Issue", "Severity"]

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
