"""The text of a Word body the way Word shows it, read from its XML elements.

python-docx's ``paragraph.text`` reads only runs that sit directly in a paragraph, and
``document.paragraphs`` only paragraphs that sit directly in the body, so text inside tracked
insertions (``w:ins``, ``w:moveTo``), content controls (``w:sdt``), simple fields
(``w:fldSimple``), smart tags (``w:smartTag``), custom XML and hyperlinks was lost without a
word. This walk reads every element and keeps what Word displays:

- kept: ``w:t`` text (also inside insertions, fields, controls, tags, links), tabs, breaks,
  non-breaking hyphens; paragraphs inside block-level content controls, custom XML and tables
  (one line per cell paragraph);
- dropped: deletions (``w:del``, ``w:moveFrom``, ``w:delText``), field instructions
  (``w:instrText``), property elements, and the fallback copy of alternate content
  (``mc:Fallback``), which repeats the chosen content.

The walk is iterative, so no nesting depth raises :class:`RecursionError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["TRACKED", "body_paragraphs", "has_tracked_changes", "visible_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: Elements whose content Word does not show in the final view, or that only describe format.
_HIDDEN = frozenset(
    f"{_W}{name}"
    for name in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "sectPr",
        "tblPr",
        "trPr",
        "tcPr",
        "sdtPr",
        "sdtEndPr",
        "fldData",
        "customXmlPr",
        "smartTagPr",
    )
) | {f"{_MC}Fallback"}

#: Elements that record tracked changes.
TRACKED = frozenset(f"{_W}{name}" for name in ("ins", "del", "moveFrom", "moveTo"))

_CHARACTERS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}


def visible_text(paragraph: Any) -> str:
    """The text Word shows for one ``w:p`` element: insertions kept, deletions dropped."""
    parts: list[str] = []
    stack: list[Any] = list(reversed(list(paragraph)))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue  # comments, processing instructions, hidden content
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        else:
            stack.extend(reversed(list(element)))
    return "".join(parts)


def body_paragraphs(body: Any) -> Iterator[Any]:
    """Every ``w:p`` of a body in reading order, also inside controls, custom XML and tables."""
    stack: list[Any] = list(reversed(list(body)))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue
        if tag == f"{_W}p":
            yield element
        else:  # w:sdt, w:sdtContent, w:customXml, w:tbl, w:tr, w:tc, w:ins, mc:AlternateContent …
            stack.extend(reversed(list(element)))


def has_tracked_changes(body: Any) -> bool:
    """Whether a body holds tracked insertions, deletions or moves."""
    return any(isinstance(e.tag, str) and e.tag in TRACKED for e in body.iter())
