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
from rol_model.importer._pipeline import MAX_IMPORT_BYTES, ImportResult, PathLike, import_lines
from rol_model.importer._wordtext import body_paragraphs, has_tracked_changes, visible_text
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


def _level(paragraph: Any) -> int | None:
    """Outline level (0 = part) from Word's numbering or heading style, if the text lacks it."""
    try:
        style = getattr(paragraph.style, "name", "") or ""
    except (ValueError, KeyError, TypeError, AttributeError):  # a broken style reference
        style = ""
    match = _HEADING_STYLE.match(style.strip())
    if match is not None:
        return int(match.group(1)) - 1
    ppr = paragraph._p.pPr  # python-docx exposes numbering only through oxml
    try:
        if ppr is not None and ppr.numPr is not None and ppr.numPr.ilvl is not None:
            return int(ppr.numPr.ilvl.val)
    except (ValueError, TypeError, AttributeError):  # <w:ilvl w:val="abc"/>: no level
        return None
    return None


def _marker(level: int, number: int) -> str:
    if level <= 0:
        return f"{chinese_number(number)}、"
    if level == 1:
        return f"（{chinese_number(number)}）"
    if level == 2:
        return f"{number}."
    return f"（{number}）"


def _paragraph_texts(document: Any) -> list[str]:
    texts: list[str] = []
    counters = [0] * 9
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for element in body_paragraphs(body):
        paragraph = Paragraph(element, document._body)
        text = visible_text(element).replace("\n", " ").replace("\r", " ")
        level = _level(paragraph) if text.strip() else None
        stripped = text.strip(" \u3000")
        if level is not None and 0 <= level < len(counters):
            counters[level] += 1
            for deeper in range(level + 1, len(counters)):
                counters[deeper] = 0
            already = _MARKER_START.match(fold(stripped)) or part_heading(fold(stripped))
            if not already and not (level == 0 and not texts):
                text = _marker(level, counters[level]) + stripped
        texts.append(text)
    return texts


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
        texts = _paragraph_texts(document)
        tracked = has_tracked_changes(document.element.body)
    except Exception as error:  # python-docx and lxml raise many kinds for broken packages
        raise ReadError(f"{file_path}: cannot read the Word file: {error}") from None
    result = import_lines(
        texts,
        organization=organization,
        year=year,
        source=Source(file=file_path.name),
    )
    if not tracked:
        return result
    note = Issue(
        code="import.tracked-changes",
        message="the Word file holds tracked changes: read as Word shows them with changes "
        "accepted (insertions kept, deletions left out); accept or reject them in Word to be sure",
        severity="warning",
    )
    return attrs.evolve(result, warnings=(note, *result.warnings))
