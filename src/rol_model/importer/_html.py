"""Text of a saved web page: the paragraphs a browser would show, one per line.

Reports are mostly published as web pages; a page saved as ``.html`` is turned into text with
the standard library's HTML parser (no network, no entity expansion beyond HTML's own), then
imported like any text. Block elements (p, div, br, h1-h6, li, tr …) end lines; script, style
and the document head are dropped; page chrome is removed later like in any text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_BLOCK_TAGS = (
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_SKIPPED = frozenset({"script", "style", "noscript", "head", "template", "svg"})
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I)
_SPACES = re.compile(r"[ \t\r\n\f]+")


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML document rather than report text."""
    return bool(_HTML_START.match(text[:2000]))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def end_line(self) -> None:
        line = "".join(self.current).strip(" ")
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(_SPACES.sub(" ", data))


def html_to_text(text: str) -> str:
    """The visible paragraphs of an HTML document, one per line."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    parser.end_line()
    return "\n".join(parser.lines)
