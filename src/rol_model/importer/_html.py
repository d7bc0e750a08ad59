"""Text of a saved web page: the paragraphs a browser would show, one per line.

Reports are mostly published as web pages; a page saved as ``.html`` is turned into text with
an HTML5 parser (selectolax's Lexbor engine, extra ``html``: linear time on any markup, no
network, no entity expansion beyond HTML's own), then imported like any text. Block elements
(p, div, br, h1-h6, li, tr …) end lines; script, style and the document head are dropped; page
chrome is removed later like in any text.
"""

from __future__ import annotations

import re
from typing import Any

from rol_model.exceptions import ReadError, require_extra

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


def _parser() -> Any:
    lexbor = require_extra(
        "selectolax.lexbor", extra="html", feature="importing an HTML page (a linear HTML5 parser)"
    )
    return lexbor.LexborHTMLParser


def html_to_text(text: str) -> str:
    """The visible paragraphs of an HTML document, one per line.

    Parsed by an HTML5 parser (selectolax's Lexbor, extra ``html``) in time linear in the
    page's size, whatever the markup: unclosed comments, thousands of open tags and broken
    declarations are parsed as a browser would, never with an error. The tree is walked
    without recursion.
    """
    parse = _parser()
    try:
        root = parse(text.encode("utf-8", "replace").decode("utf-8")).root
    except Exception as error:  # the parser refuses nothing we know of; say so if it does
        raise ReadError(f"cannot parse the HTML page: {error}") from None
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = "".join(current).strip(" ")
        if line:
            lines.append(line)
        current.clear()

    stack: list[tuple[Any, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in _BLOCKS:
                end_line()
            continue
        if tag == "-text":
            current.append(_SPACES.sub(" ", node.text_content or ""))
            continue
        if not tag or tag.startswith("-") or tag in _SKIPPED:
            continue  # comments, doctype, script, style, head …
        if tag in _BLOCKS:
            end_line()
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((child, False) for child in reversed(children))
    end_line()
    return "\n".join(lines)
