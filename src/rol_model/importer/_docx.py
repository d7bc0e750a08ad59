"""Import a report from a Word ``.docx`` file (optional extra ``rol-model[docx]``, python-docx).

The archive is checked before python-docx opens it: size, number of members, total unpacked
size and compression ratio (zip bombs), and no XML part may declare a DOCTYPE (external and
recursive entities). Paragraph text then goes through the same importer as plain text; Word's
automatic numbering and heading styles, which are not part of the paragraph text, are turned
into the markers they display (一、 （一） 1. （1）). Warnings name paragraphs by number. Text is
read the way Word shows it (see ``_importer_wordtext``): tracked insertions, content controls,
fields and smart tags kept, deletions dropped, with a warning when tracked changes are present.
A corrupt, encrypted or unsupported archive is a :class:`~rol_model.ReadError`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

import attrs

from rol_model.exceptions import Issue, ReadError, require_extra
from rol_model.importer._outline import part_heading
from rol_model.importer._pipeline import MAX_IMPORT_BYTES, ImportResult, PathLike, _import
from rol_model.importer._problems import info, warning
from rol_model.importer._wordtext import has_tracked_changes
from rol_model.model import Source
from rol_model.serialize import read_bounded
from rol_model.text import chinese_number, fold

__all__ = ["MAX_DOCX_MEMBERS", "MAX_DOCX_RATIO", "MAX_DOCX_UNPACKED", "import_docx"]

#: Most members a .docx archive may hold.
MAX_DOCX_MEMBERS = 2000
#: Largest total unpacked size of a .docx archive.
MAX_DOCX_UNPACKED = 128 * 1024 * 1024
#: Largest compression ratio of one member bigger than 1 MiB (zip bombs reach thousands).
MAX_DOCX_RATIO = 200

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_MARKER_START = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[①-⑳])")


#: What a corrupt, encrypted or unsupported archive raises from :mod:`zipfile` and :mod:`zlib`.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    RuntimeError,  # an encrypted member
    NotImplementedError,  # an unsupported compression method
    OSError,
    EOFError,
    ValueError,
    KeyError,
    UnicodeDecodeError,
)


def _has_doctype(stream: IO[bytes]) -> bool:
    """Whether a member declares a DOCTYPE or entity anywhere (read in chunks, overlapping)."""
    tail = b""
    while chunk := stream.read(1024 * 1024):
        if _DOCTYPE.search(tail + chunk):
            return True
        tail = chunk[-16:]
    return False


def _check_archive(path: Path, data: bytes) -> None:
    """Refuse archives that are corrupt, too large, zip bombs, or XML with DOCTYPE declarations."""
    try:
        _check_members(path, data)
    except ReadError:
        raise
    except _ARCHIVE_ERRORS as error:
        raise ReadError(
            f"{path}: not a readable Word .docx file ({type(error).__name__}: {error})"
        ) from None


def _check_members(path: Path, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise ReadError(f"{path}: not a Word .docx file (not a ZIP archive: {error})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_MEMBERS:
            raise ReadError(f"{path}: refused: {len(members)} archive members (a zip bomb?)")
        total = sum(member.file_size for member in members)
        if total > MAX_DOCX_UNPACKED:
            raise ReadError(
                f"{path}: refused: unpacks to {total} bytes, more than {MAX_DOCX_UNPACKED} "
                "(a zip bomb?)"
            )
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_DOCX_RATIO * max(
                member.compress_size, 1
            ):
                raise ReadError(
                    f"{path}: refused: member {member.filename} is compressed "
                    f"{member.file_size // max(member.compress_size, 1)} to 1 (a zip bomb?)"
                )
        if "word/document.xml" not in archive.namelist():
            raise ReadError(f"{path}: not a Word .docx file (no word/document.xml)")
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                with archive.open(member) as stream:
                    found = _has_doctype(stream)
                if found:
                    raise ReadError(
                        f"{path}: refused: {member.filename} declares a DOCTYPE or entities "
                        "(external entity attack?)"
                    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# subtrees whose text is not the paragraph's own: text boxes (read on their own), the fallback
# copy of a text box, deleted and moved-away revisions
_NOT_OWN = frozenset({f"{_W}txbxContent", _MC_FALLBACK, f"{_W}del", f"{_W}moveFrom"})
# block-level elements whose paragraphs are not read: properties, deletions, fallback copies
_NOT_BLOCK = frozenset(
    {f"{_W}sectPr", f"{_W}del", f"{_W}moveFrom", f"{_W}sdtPr", f"{_W}sdtEndPr", _MC_FALLBACK}
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _from(table: str, number: int) -> str:
    return table[number - 1] if 1 <= number <= len(table) else str(number)


def format_number(number: int, fmt: str) -> str:
    """A list number as Word displays it in the numbering format ``fmt`` (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographDigital"):  # fmt: skip
        return chinese_number(number) if number > 0 else "〇"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _from(_CIRCLED, number)
    if fmt == "decimalEnclosedParen":
        return _from(_PAREN, number)
    if fmt == "decimalEnclosedFullstop":
        return _from(_STOP, number)
    if fmt in ("ideographTraditional",):
        return _from(_HEAVENLY, number)
    if fmt == "ideographZodiac":
        return _from(_BRANCHES, number)
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)  # decimal, and formats without a Chinese report use


@attrs.define
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False


def _val(element: Any, child: str) -> str | None:
    found = element.find(f"{_W}{child}")
    return None if found is None else found.get(f"{_W}val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class _Numbering:
    """Word's list numbering (word/numbering.xml): the marker each numbered paragraph shows.

    Counters are kept per abstract list, as Word does: two list instances (w:num) of one
    abstract list continue each other unless one overrides a level's start; using a level
    restarts the levels below it (unless their w:lvlRestart says otherwise).
    """

    def __init__(self, element: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if element is None:
            return
        for abstract in element.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                restart = _val(lvl, "lvlRestart")
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = _Level(
                    start=_int(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    restart=None if restart is None else _int(restart, 0),
                    legal=lvl.find(f"{_W}isLgl") is not None,
                )
            self.abstract[abstract.get(f"{_W}abstractNumId") or ""] = levels
        for num in element.iter(f"{_W}num"):
            overrides: dict[int, int] = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{_W}ilvl"), 0)] = _int(start.get(f"{_W}val"), 1)
            self.nums[num.get(f"{_W}numId") or ""] = (_val(num, "abstractNumId") or "", overrides)

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """The marker the next paragraph of list ``num_id`` at level ``ilvl`` shows, or
        ``None`` for a bullet, an unknown list or numbering switched off (numId 0)."""
        if num_id not in self.nums or not 0 <= ilvl <= 8:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if overrides and num_id not in self.started:
            self.started.add(num_id)
            for overridden in overrides:
                counters[overridden] = None
        level = levels[ilvl]
        start = overrides.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None
        if level.fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if not 0 <= index <= 8 or index not in levels:
                return ""
            value = counters[index]
            if value is None:
                value = overrides.get(index, levels[index].start)
            fmt = "decimal" if level.legal and index < ilvl else levels[index].fmt
            return format_number(value, fmt)

        return re.sub(r"%(\d)", number, level.text)


def _numbering(document: Any) -> _Numbering:
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return _Numbering(None)
    return _Numbering(part.element)


def _style_num(style: Any) -> tuple[str | None, int | None]:
    """numId and ilvl a paragraph style (or a style it is based on) gives its paragraphs."""
    depth = 0
    try:
        while style is not None and depth < 20:
            ppr = style.element.pPr
            if ppr is not None and ppr.numPr is not None:
                num = ppr.numPr.numId
                ilvl = ppr.numPr.ilvl
                return (
                    None if num is None else str(num.val),
                    None if ilvl is None else int(ilvl.val),
                )
            style = style.base_style
            depth += 1
    except (ValueError, TypeError, AttributeError, KeyError):  # a broken style or value
        return None, None
    return None, None


def _heading_level(style: Any) -> int | None:
    name = getattr(style, "name", "") or ""
    match = _HEADING_STYLE.match(name.strip())
    return int(match.group(1)) - 1 if match is not None else None


def _marker(level: int, number: int) -> str:
    if level <= 0:
        return f"{chinese_number(number)}、"
    if level == 1:
        return f"（{chinese_number(number)}）"
    if level == 2:
        return f"{number}."
    return f"（{number}）"


def _own_text(element: Any) -> str:
    """A paragraph's text, without its text boxes' and deleted revisions' text."""
    parts: list[str] = []
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in _NOT_OWN:
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        stack.extend(reversed(node))
    return "".join(parts)


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes anchored in a paragraph (once each: not their fallback copies)."""
    boxes: list[Any] = []
    for box in element.iter(f"{_W}txbxContent"):
        parent = box.getparent()
        fallback = False
        while parent is not None and parent is not element:
            if parent.tag == _MC_FALLBACK:
                fallback = True
                break
            parent = parent.getparent()
        # a text box inside another text box is read with the outer one
        if not fallback and not any(b is not box and box in b.iter() for b in boxes):
            boxes.append(box)
    return boxes


class _Reader:
    """Walks the document body in order: paragraphs, tables and text boxes become lines."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = _numbering(document)
        self.styles: dict[str, Any] = {}
        try:
            for style in document.styles:
                if style.style_id is not None:
                    self.styles[style.style_id] = style
        except (KeyError, ValueError):  # a package without a styles part
            pass
        self.texts: list[str] = []
        self.counters = [0] * 9
        self.notes: list[tuple[int, str]] = []  # (paragraph number, what was read specially)

    def block(self, root: Any) -> None:
        """Paragraphs and tables in reading order, also inside content controls, custom XML
        and tracked insertions; a paragraph's text boxes right after it. Iterative: no nesting
        depth raises RecursionError."""
        stack: list[Any] = list(reversed(list(root)))
        while stack:
            element = stack.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag in _NOT_BLOCK:
                continue  # comments, processing instructions, properties, deletions
            if tag == f"{_W}p":
                self.paragraph(element)
                for box in reversed(_text_boxes(element)):
                    self.notes.append(
                        (len(self.texts), "a text box's text read after its paragraph")
                    )
                    stack.extend(reversed(list(box)))
            elif tag == f"{_W}tbl":
                self.table(element)
            else:  # w:sdt, w:sdtContent, w:customXml, w:ins, mc:AlternateContent …
                stack.extend(reversed(list(element)))

    def paragraph(self, element: Any) -> None:
        text = _own_text(element).replace("\n", " ").replace("\r", " ")
        stripped = text.strip(" \u3000\t")
        style = None
        ppr = element.find(f"{_W}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            style_id = _val(ppr, "pStyle")
            style = self.styles.get(style_id) if style_id else None
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                ilvl = _int(_val(num_pr, "ilvl"), 0) if _val(num_pr, "ilvl") else None
        if style is None:
            style = self.styles.get("Normal") if self.styles else None
        if style is not None and (num_id is None or ilvl is None):
            style_num, style_ilvl = _style_num(style)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if stripped:
            already = _MARKER_START.match(fold(stripped)) or part_heading(fold(stripped))
            marker: str | None = None
            if num_id is not None and num_id != "0":
                marker = self.numbering.marker(num_id, ilvl or 0)
                if marker is None and num_id not in self.numbering.nums:
                    marker = self.synthesized(ilvl or 0)
            else:
                level = _heading_level(style) if style is not None else None
                if level is not None:
                    marker = self.synthesized(level)
                    if level == 0 and not self.texts:
                        marker = None  # the title in 标题 1
            if marker and not already:
                text = marker + stripped
        self.texts.append(text)

    def synthesized(self, level: int) -> str | None:
        """The marker a heading level shows when Word's numbering cannot tell (一、 （一） …)."""
        if not 0 <= level < len(self.counters):
            return None
        self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        return _marker(level, self.counters[level])

    def table(self, element: Any) -> None:
        """Each row a line of its cells' text, separated by spaces: the importer reads rows
        of figures (项目 数量) as it reads a table copied into text."""
        for row in element.iter(f"{_W}tr"):
            owner = row.getparent()
            while owner is not None and owner.tag != f"{_W}tbl":
                owner = owner.getparent()
            if owner is not element:
                continue  # rows of a nested table are read with their cell
            cells = []
            for cell in row.findall(f"{_W}tc"):
                paragraphs = [_own_text(p).strip(" \u3000\t") for p in cell.iter(f"{_W}p")]
                text = " ".join(p for p in paragraphs if p)
                if text:
                    cells.append(text)
            if cells:
                self.texts.append(" ".join(cells))
        self.notes.append((len(self.texts), "a table read as one line per row"))


def _part_texts(document: Any, reltype_end: str) -> list[str]:
    """The non-empty paragraph texts of the package parts of one kind (header, footnotes …)."""
    from docx.oxml import parse_xml

    texts: list[str] = []
    seen: set[str] = set()
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + reltype_end):
            continue
        part = rel.target_part
        if str(part.partname) in seen:
            continue
        seen.add(str(part.partname))
        try:
            element = parse_xml(part.blob)
        except SyntaxError:  # lxml's XMLSyntaxError: a broken part is left out
            continue
        for paragraph in element.iter(f"{_W}p"):
            text = _own_text(paragraph).strip(" \u3000\t")
            if text:
                texts.append(text)
    return texts


def _footnotes(document: Any) -> list[str]:
    """Footnote texts, numbered as the document shows them (separators left out)."""
    from docx.oxml import parse_xml

    notes: list[str] = []
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        try:
            element = parse_xml(rel.target_part.blob)
        except SyntaxError:
            continue
        for note in list(element.iter(f"{_W}footnote")) + list(element.iter(f"{_W}endnote")):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator",
                                          "continuationNotice"):  # fmt: skip
                continue
            text = " ".join(t for t in (_own_text(p).strip() for p in note.iter(f"{_W}p")) if t)
            if text:
                notes.append(text)
    return notes


def _read(document: Any) -> tuple[list[str], list[Issue]]:
    reader = _Reader(document)
    reader.block(document.element.body)
    issues = [info("import.docx", message, line=number) for number, message in reader.notes]
    for kind in ("header", "footer"):
        for text in dict.fromkeys(_part_texts(document, kind)):
            issues.append(
                info(
                    "import.docx-page-chrome",
                    f"Word page {kind} left out (not report content): {text[:40]}",
                    line=1,
                )
            )
    for index, text in enumerate(_footnotes(document), start=1):
        issues.append(
            warning(
                "import.docx-footnote",
                f"footnote {index} not imported (the model has no notes): {text[:60]}",
                line=len(reader.texts) or None,
            )
        )
    return reader.texts, issues


def import_docx(
    path: PathLike, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import a report from a Word ``.docx`` file (needs the ``docx`` extra: python-docx).

    Paragraph styles (标题 1 / Heading 1 …) and Word's automatic numbering become the markers
    they display. Warnings give paragraph numbers as ``line``. Raises
    :class:`~rol_model.ReadError` for missing, oversized or malformed files, zip bombs and XML
    with DOCTYPE or entity declarations, and :class:`~rol_model.exceptions.MissingExtraError`
    (extra ``docx``) when python-docx is missing.
    """
    file_path = Path(path)
    data = read_bounded(path, MAX_IMPORT_BYTES, what="Word file")
    _check_archive(file_path, data)
    docx = require_extra("docx", extra="docx", feature="importing Word files")
    try:
        document = docx.Document(io.BytesIO(data))
        texts, notes = _read(document)
        tracked = has_tracked_changes(document.element.body)
    except Exception as error:  # python-docx and lxml raise many kinds for broken packages
        raise ReadError(f"{file_path}: cannot read the Word file: {error}") from None
    if tracked:
        notes.insert(
            0,
            warning(
                "import.tracked-changes",
                "the Word file holds tracked changes: read as Word shows them with "
                "changes accepted (insertions kept, deletions left out); accept or reject them "
                "in Word to be sure",
            ),
        )
    return _import(
        "\n".join(texts),
        organization=organization,
        year=year,
        source=Source(file=file_path.name),
        notes=tuple(notes),
    )
