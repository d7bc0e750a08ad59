"""Import a report from a PDF file (optional extra ``rol-model[pdf]``, pypdfium2).

PDF has no paragraphs, only characters placed on pages. The text layer is read with pypdfium2
(Google's PDFium: fast, exact positions, Apache-2.0/BSD-3-Clause), one character and its box at
a time, and rebuilt into the lines a reader sees, top to bottom on each page. Then the page
layout is undone:

- a *running header or footer* (a line at the top or bottom of most pages, at the same height,
  its digits ignored: ``XX县人民政府文件``, ``第3页 共12页``) is dropped;
- a *page number* alone on the top or bottom line (``- 3 -``, ``— 3 —``, ``第3页``,
  ``第3页 共12页``, ``3/12``, ``Page 3``, ``3``) is dropped;
- a line that runs to the right margin is joined with the next when the next is not indented
  and does not open with an outline marker, also across a page break: the paragraph the layout
  broke into lines is one line again, as in the text the report was written in.

Every dropped line is a warning (severity ``info``) naming its page. A PDF without any text
(scanned pages, images only) is refused with a :class:`~rol_model.ReadError` saying OCR is
needed; pages without text in an otherwise readable PDF are warned about. The rebuilt text goes
through the same importer as plain text.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from rol_model.exceptions import Issue, ReadError, require_extra
from rol_model.importer._outline import marker_style, part_heading
from rol_model.importer._pipeline import MAX_IMPORT_BYTES, ImportResult, PathLike, _import
from rol_model.importer._problems import info, warning
from rol_model.model import Source
from rol_model.text import fold

__all__ = ["MAX_PDF_BYTES", "MAX_PDF_PAGES", "import_pdf", "pdf_bytes_to_text", "pdf_to_text"]

#: Largest PDF :func:`import_pdf` reads (PDFs carry fonts and images: four times the text limit).
MAX_PDF_BYTES = 4 * MAX_IMPORT_BYTES
#: Most pages a PDF may have (annual reports run to tens of pages).
MAX_PDF_PAGES = 2000

_PAGE_NUMBER = re.compile(
    r"^(?:"
    r"[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*"  # 3, - 3 -, — 3 —, ·3·
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"  # 第3页, 第3页 共12页
    r"|共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页"  # 共12页 第3页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/12
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 3, Page 3 of 12
    r")$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = "。！？!?：:；;"
_SPACE_CHARS = frozenset(" \t\u3000\u00a0\r\n\ufffe\uffff")


@attrs.define
class _Line:
    """One line as laid out on a page: its text and its box (PDF points, y upwards)."""

    page: int
    text: str
    left: float
    right: float
    base: float  # baseline height
    size: float  # character height


def _page_lines(page: Any, textpage: Any, raw: Any, number: int) -> list[_Line]:
    """The lines of one page, top to bottom, from its characters and their positions."""
    count = raw.FPDFText_CountChars(textpage.raw)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    lines: list[_Line] = []
    chars: list[str] = []
    box: list[float] = []  # left, right, base, size of the current line's visible characters

    def end_line() -> None:
        text = "".join(chars).strip()
        if text and box:
            lines.append(
                _Line(page=number, text=text, left=box[0], right=box[1], base=box[2], size=box[3])
            )
        chars.clear()
        box.clear()

    for index in range(count):
        code = raw.FPDFText_GetUnicode(textpage.raw, index)
        char = chr(code) if 0 < code < 0x110000 else ""
        if char in ("\r", "\n"):
            if char == "\n" or not chars:
                end_line()
            continue
        if not char:
            continue
        chars.append(char)
        if char in _SPACE_CHARS or not raw.FPDFText_GetCharBox(
            textpage.raw,
            index,
            ctypes.byref(left),
            ctypes.byref(right),
            ctypes.byref(bottom),
            ctypes.byref(top),
        ):
            continue
        if box:
            box[0] = min(box[0], left.value)
            box[1] = max(box[1], right.value)
        else:  # the baseline and type size of a line are its first visible character's
            raw.FPDFText_GetCharOrigin(
                textpage.raw, index, ctypes.byref(origin_x), ctypes.byref(origin_y)
            )
            size = raw.FPDFText_GetFontSize(textpage.raw, index) or (top.value - bottom.value)
            box.extend((left.value, right.value, origin_y.value, size))
    end_line()
    # content streams need not draw top to bottom (headers and footers are often drawn first)
    lines.sort(key=lambda line: -round(line.base, 1))
    return lines


def _key(text: str) -> str:
    """A running header's identity: its text without spaces, its numbers ignored."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _drop_chrome(pages: list[list[_Line]], issues: list[Issue]) -> list[tuple[_Line, str]]:
    """Page numbers and running headers and footers out; the dropped lines with their kind."""
    dropped: list[tuple[_Line, str]] = []
    edge = 2  # lines at each end of a page that may be a header or footer
    seen: Counter[str] = Counter()
    heights: dict[str, list[float]] = {}
    for lines in pages:
        keys = set()
        for line in lines[:edge] + lines[-edge:]:
            key = _key(line.text)
            if key not in keys:
                keys.add(key)
                heights.setdefault(key, []).append(line.base)
        seen.update(keys)
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, (with_text + 1) // 2)
    running = {key for key, count in seen.items() if count >= needed and with_text >= 2}
    sizes = Counter(round(line.size, 1) for lines in pages for line in lines)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    usual_height = {
        key: Counter(round(h) for h in heights[key]).most_common(1)[0][0] for key in running
    }
    for lines in pages:
        ends = {id(line) for line in lines[:edge] + lines[-edge:]}
        kept: list[_Line] = []
        for position, line in enumerate(lines):
            kind = None
            if id(line) in ends:
                key = _key(line.text)
                at_top = position < edge
                if _PAGE_NUMBER.match(fold(line.text).strip()):
                    kind = "page number"
                elif key in running and abs(line.base - usual_height[key]) <= line.size:
                    kind = "running header" if at_top else "running footer"
                elif _in_margin(lines, position, body_size):
                    kind = "page header" if at_top else "page footer"
            if kind is None:
                kept.append(line)
            else:
                dropped.append((line, kind))
        lines[:] = kept
    return dropped


def _in_margin(lines: list[_Line], position: int, body_size: float) -> bool:
    """A first or last line in smaller type, set apart from the text by a wide gap: the page's
    header or footer even on a page of its own."""
    line = lines[position]
    if not body_size or line.size >= 0.85 * body_size:
        return False
    neighbour = position + 1 if position == 0 else position - 1
    if position not in (0, len(lines) - 1) or not 0 <= neighbour < len(lines):
        return False
    return abs(line.base - lines[neighbour].base) > 2.5 * body_size


def _margins(lines: list[_Line]) -> tuple[float, float, float]:
    """The body's left and right margins and its usual character size."""
    sizes = Counter(round(line.size, 1) for line in lines)
    size = sizes.most_common(1)[0][0] if sizes else 12.0
    lefts = Counter(round(line.left) for line in lines if len(line.text) >= 4)
    left = min(
        (value for value, count in lefts.items() if count >= max(2, len(lines) // 10)),
        default=min((line.left for line in lines), default=0.0),
    )
    widest = max((line.right for line in lines), default=0.0)
    near = sorted(line.right for line in lines if line.right >= widest - 3 * size)
    right = near[len(near) // 2] if near else widest
    return float(left), right, size


def _opens_item(text: str) -> bool:
    folded = fold(text[:8])
    return part_heading(folded) is not None or marker_style(folded) is not None


def _join(lines: list[_Line]) -> tuple[list[str], list[int]]:
    """Paragraphs from laid-out lines; also how many lines each paragraph was made of."""
    if not lines:
        return [], []
    left, right, size = _margins(lines)
    indented_starts = sum(1 for line in lines if line.left >= left + 1.5 * line.size)
    uses_indent = indented_starts >= max(2, len(lines) // 20)
    paragraphs: list[str] = []
    counts: list[int] = []
    previous: _Line | None = None
    for line in lines:
        joins = (
            previous is not None
            and previous.right >= right - 1.5 * max(previous.size, size)
            and previous.left < right - 10 * size  # not a short line far right
            and line.left < left + 1.0 * line.size  # the next line is not indented
            and not _opens_item(line.text)
            and (uses_indent or paragraphs[-1][-1:] not in _SENTENCE_END)
        )
        if joins:
            glue = (
                " "
                if paragraphs[-1][-1:].isascii()
                and line.text[:1].isascii()
                and (paragraphs[-1][-1:].isalpha() and line.text[:1].isalpha())
                else ""
            )
            paragraphs[-1] += glue + line.text
            counts[-1] += 1
        else:
            paragraphs.append(line.text)
            counts.append(1)
        previous = line
    return paragraphs, counts


def _open(path: Path, data: bytes | None) -> tuple[Any, Any]:
    """pypdfium2 and the opened document, from a file or from bytes."""
    pdfium = require_extra("pypdfium2", extra="pdf", feature="importing PDF files")
    if data is None:  # the one bounded reader: FIFOs and /dev/zero stop at the limit
        from rol_model.serialize import read_bounded

        data = read_bounded(path, MAX_PDF_BYTES, what="PDF file")
    if len(data) > MAX_PDF_BYTES:
        raise ReadError(f"{path}: more than {MAX_PDF_BYTES} bytes")
    if b"%PDF" not in data[:1024]:
        raise ReadError(f"{path}: not a PDF file (no %PDF header)")
    try:
        return pdfium, pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise ReadError(
                f"{path}: the PDF is encrypted with a password; save an unlocked copy first"
            ) from None
        raise ReadError(f"{path}: cannot read the PDF: {message}") from None


def pdf_bytes_to_text(data: bytes, *, name: str) -> tuple[str, tuple[Issue, ...]]:
    """:func:`pdf_to_text` of a PDF given as bytes; ``name`` names it in errors."""
    return pdf_to_text(name, data=data)


def pdf_to_text(path: PathLike, *, data: bytes | None = None) -> tuple[str, tuple[Issue, ...]]:
    """The text of a PDF report with its page layout undone, and the warnings about it.

    Returns the paragraphs one per line, and one warning for every page number, running header
    or footer dropped and every page without text; warning lines count the returned text's
    lines. ``data``, when given, is the PDF itself and ``path`` only names it. Raises
    :class:`~rol_model.ReadError` for unreadable, encrypted or oversized PDFs and
    for PDFs without a text layer (scanned), and
    :class:`~rol_model.exceptions.MissingExtraError` (extra ``pdf``) without pypdfium2.
    """
    file_path = Path(path)
    pdfium, document = _open(file_path, data)
    raw = require_extra("pypdfium2.raw", extra="pdf", feature="importing PDF files")
    issues: list[Issue] = []
    pages: list[list[_Line]] = []
    try:
        if len(document) > MAX_PDF_PAGES:
            raise ReadError(f"{file_path}: {len(document)} pages, more than {MAX_PDF_PAGES}")
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_page_lines(page, textpage, raw, number))
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as error:
        raise ReadError(f"{file_path}: cannot read the PDF text: {error}") from None
    finally:
        document.close()
    if not any(pages):
        raise ReadError(
            f"{file_path}: the PDF has no text layer ({len(pages)} page(s) of images only: a "
            "scanned document?); it needs OCR (text recognition, e.g. ocrmypdf) before it can "
            "be imported"
        )
    dropped = _drop_chrome(pages, issues)
    lines = [line for page_lines in pages for line in page_lines]
    paragraphs, counts = _join(lines)
    # where each page starts in the rebuilt text, for the warnings' line numbers
    first_line: dict[int, int] = {}
    consumed = 0
    for number, count in enumerate(counts, start=1):
        for line in lines[consumed : consumed + count]:
            first_line.setdefault(line.page, number)
        consumed += count
    for page_number, page_lines in enumerate(pages, start=1):
        if not page_lines:
            issues.append(
                warning(
                    "import.pdf-no-text",
                    f"page {page_number} has no text (a scanned image?); its content, "
                    "if any, is missing: it needs OCR",
                    line=_nearest(first_line, page_number),
                )
            )
    for line, kind in dropped:
        issues.append(
            info(
                "import.pdf-page-chrome",
                f"page {line.page}: dropped {kind}: {line.text[:40]}",
                line=_nearest(first_line, line.page),
            )
        )
    joined = sum(count - 1 for count in counts)
    if joined:
        issues.append(
            info(
                "import.pdf-lines-joined",
                f"{joined} line break(s) of the page layout joined into "
                f"{sum(1 for count in counts if count > 1)} paragraph(s)",
            )
        )
    issues.sort(key=lambda issue: issue.line or 0)
    return "\n".join(paragraphs), tuple(issues)


def _nearest(first_line: dict[int, int], page: int) -> int | None:
    """The first rebuilt line of a page, or of the next page that has text."""
    for candidate in range(page, page + 10000):
        if candidate in first_line:
            return first_line[candidate]
        if candidate > max(first_line, default=0):
            break
    return max(first_line.values(), default=None)


def import_pdf(
    path: PathLike, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import a report from a PDF file (needs the ``pdf`` extra: pypdfium2).

    Page numbers, running headers and footers are dropped and the lines the page layout broke
    are joined (see :func:`pdf_to_text`); the text is then imported like :func:`import_text`.
    Warnings give the line of the rebuilt text (one line per paragraph) and name the page.
    Raises :class:`~rol_model.ReadError` for scanned PDFs without a text layer (OCR is needed),
    encrypted, broken or oversized files, and :class:`~rol_model.exceptions.MissingExtraError`
    without pypdfium2.
    """
    file_path = Path(path)
    text, notes = pdf_to_text(file_path)
    return _import(
        text,
        organization=organization,
        year=year,
        source=Source(file=file_path.name),
        notes=notes,
    )
