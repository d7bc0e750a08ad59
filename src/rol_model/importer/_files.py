"""Import a report from a file or bytes of any supported format, told apart by name and content.

:func:`import_file` sends a ``.pdf`` to :func:`~rol_model.importer.import_pdf`, a ``.docx`` to
:func:`~rol_model.import_docx`, a saved web page archive (``.mhtml``, ``.mht``) to its HTML
part, and everything else (text in any supported encoding, ``.html``, ``.htm``) to the text
reader, which finds a saved page's main article. :func:`import_bytes` does the same for bytes
(standard input), recognising a PDF by its ``%PDF-`` header.
"""

from __future__ import annotations

from pathlib import Path

from rol_model.exceptions import Issue, NotAReportError, ReadError
from rol_model.importer._docx import import_docx
from rol_model.importer._html import looks_like_html
from rol_model.importer._pdf import import_pdf, pdf_bytes_to_text
from rol_model.importer._pipeline import MAX_IMPORT_BYTES, ImportResult, PathLike, _import
from rol_model.importer._refuse import refuse_non_report
from rol_model.importer._source import decode_bytes
from rol_model.importer._webpage import mhtml_to_html, webpage_text
from rol_model.model import Source

__all__ = ["import_bytes", "import_file"]


def import_file(
    path: PathLike, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import a report from a file: text, a saved web page, Word ``.docx`` or PDF.

    Text is decoded with its encoding detected (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
    GB18030/GBK) and recorded in ``report.source.encoding``; the file name is recorded in
    ``report.source.file``. A saved web page (``.html``, ``.htm``, ``.mhtml``) has its main
    article read and its metadata rows kept as evidence; a ``.docx`` is read by
    :func:`~rol_model.import_docx` (extra ``docx``), a ``.pdf`` by
    :func:`~rol_model.importer.import_pdf` (extra ``pdf``). Raises
    :class:`~rol_model.ReadError` when the file cannot be read, is too large (more than
    :data:`MAX_IMPORT_BYTES`), is binary, or is not text in a supported encoding, and
    :class:`~rol_model.exceptions.NotAReportError` (an
    :class:`~rol_model.UnsupportedFormatError`) for a JSON or XML document.
    """
    file_path = Path(path)
    suffix = file_path.suffix.lower()
    if suffix == ".pdf":
        return import_pdf(file_path, organization=organization, year=year)
    if suffix == ".docx":
        return import_docx(file_path, organization=organization, year=year)
    if suffix in (".mhtml", ".mht"):
        html = mhtml_to_html(_read(file_path), name=file_path.name)
        text, source, notes = _text_of(html.encode("utf-8"), file_path.name)
    elif suffix in (".html", ".htm"):
        text, source, notes = _page_text(_read(file_path), file_path.name)
    else:
        try:
            text, source, notes = _text_of(_read(path), file_path.name)
        except NotAReportError as error:  # name the file as the caller gave it
            if str(file_path) == file_path.name:
                raise
            message = str(error).replace(file_path.name, str(file_path))
            raise NotAReportError(message, format=error.format) from None
    return _import(text, organization=organization, year=year, source=source, notes=notes)


def _read(path: PathLike) -> bytes:
    """The file's bytes through the one bounded reader (FIFOs and /dev/zero stop at the limit)."""
    from rol_model.serialize import read_bounded

    return read_bounded(path, MAX_IMPORT_BYTES, what="report")


_Text = tuple[str, Source, tuple[Issue, ...]]


def _text_of(data: bytes, name: str | None) -> _Text:
    """``(text, source, notes)`` of text bytes: decoded with the encoding detected, refused when
    they are JSON or XML, a web page's main article (its metadata rows in the notes)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ReadError(f"{name or '<bytes>'}: more than {MAX_IMPORT_BYTES} bytes")
    text, encoding = decode_bytes(data, name=name or "<bytes>")
    refuse_non_report(text, name)
    notes: tuple[Issue, ...] = ()
    if looks_like_html(text):
        text, notes = webpage_text(text)  # the main article; metadata rows as page metadata
    return text, Source(file=name, encoding=encoding), notes


def _page_text(data: bytes, name: str) -> _Text:
    """A file named as a web page is read as one even when it lacks <html> (a saved fragment)."""
    text, encoding = decode_bytes(data, name=name)
    if looks_like_html(text) or "<" not in text[:2000]:
        return _text_of(data, name)
    page, notes = webpage_text(text)
    return page, Source(file=name, encoding=encoding), notes


def import_bytes(
    data: bytes,
    *,
    name: str | None = None,
    organization: str | None = None,
    year: int | None = None,
) -> ImportResult:
    """Import a report given as bytes (a file's or standard input's): text, a web page or a PDF.

    ``name`` is recorded as ``report.source.file``. A PDF (``%PDF-`` header) is read as
    :func:`~rol_model.importer.import_pdf` reads a file; anything else is decoded as text as
    :func:`import_file` does. Raises :class:`~rol_model.ReadError` for binary or undecodable
    bytes (or more than :data:`MAX_IMPORT_BYTES` of them), and
    :class:`~rol_model.exceptions.NotAReportError` for a JSON or XML document (a report JSON file
    needs no import).
    """
    if data[:5] == b"%PDF-":
        text, notes = pdf_bytes_to_text(data, name=name or "<bytes>")
        source = Source(file=name)
    else:
        text, source, notes = _text_of(data, name)
    return _import(text, organization=organization, year=year, source=source, notes=notes)
