"""Report text made inert for the place it is written to: terminals, Markdown, spreadsheets.

Report text is data from whoever wrote (or forged) the report; it must never act in the place
it lands. Each output has its own active characters:

- terminals: control characters (ESC starts a control sequence that can rewrite the screen or
  the window title, BEL rings, CR overwrites a line, a newline in a file name forges an output
  line) and Unicode bidirectional controls (they reorder what is shown):
  :func:`terminal_text` writes them as visible escapes (``\\x1b``, ``\\u202e``);
- Markdown: raw HTML (``<script>``, ``<img onerror>``) and links (``[x](javascript:…)``,
  ``<javascript:…>``): :func:`markdown_text` backslash-escapes ``\\ < > & [ ]``, which
  CommonMark then shows as themselves;
- spreadsheets: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
  formula to Excel, LibreOffice and Google Sheets (CSV injection): :func:`csv_cell` prefixes
  such text with an apostrophe, as OWASP recommends; numbers are left alone.
"""

from __future__ import annotations

import re

__all__ = ["csv_cell", "markdown_text", "terminal_text"]

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) + _BIDI


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TERMINAL = {ord(c): _escape(c) for c in _CONTROLS if c not in "\n\t"}
_TERMINAL_LINE = {ord(c): _escape(c) for c in _CONTROLS}
_ACTIVE = re.compile("[" + re.escape(_CONTROLS) + "]")


def terminal_text(text: str, *, one_line: bool = False) -> str:
    """``text`` with control and bidi characters written as visible escapes.

    Newlines and tabs are kept unless ``one_line`` is true (for names that must stay on their
    line, such as a file name in ``rol validate``'s output).
    """
    if not _ACTIVE.search(text):
        return text
    return text.translate(_TERMINAL_LINE if one_line else _TERMINAL)


_MARKDOWN = {ord(c): "\\" + c for c in "\\<>&[]"}


def markdown_text(text: str) -> str:
    """``text`` for Markdown: no raw HTML, no link, shown as written (CommonMark escapes)."""
    return text.translate(_MARKDOWN)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a leading
    apostrophe (``'=1+1``); numbers, and text that is a plain number (``-5``), stay as they are.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
