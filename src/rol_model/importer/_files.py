"""Import a report from a file or bytes of any supported format, told apart by name and content.

:func:`import_file` sends a ``.pdf`` to :func:`~rol_model.importer.import_pdf`, a ``.docx`` to
:func:`~rol_model.import_docx`, a saved web page archive (``.mhtml``, ``.mht``) to its HTML
part, and everything else (text in any supported encoding, ``.html``, ``.htm``) to the text
reader, which finds a saved page's main article. :func:`import_bytes` does the same for bytes
(standard input), recognising a PDF by its ``%PDF-`` header.
"""

from __future__ import annotations

from pathlib import Path

from rol_model.importer import _pipeline
from rol_model.importer._docx import import_docx
from rol_model.importer._html import looks_like_html
from rol_model.importer._pdf import import_pdf, pdf_bytes_to_text
from rol_model.importer._pipeline import MAX_IMPORT_BYTES, ImportResult, PathLike, _import
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
    :class:`~rol_model.ReadError` when the file cannot be read, is too large, is binary, or is
    not text in a supported encoding.
    """
    file_path = Path(path)
    suffix = file_path.suffix.lower()
    if suffix == ".pdf":
        return import_pdf(file_path, organization=organization, year=year)
    if suffix == ".docx":
        return import_docx(file_path, organization=organization, year=year)
    if suffix in (".mhtml", ".mht"):
        html = mhtml_to_html(_read(file_path), name=file_path.name)
        return _pipeline.import_bytes(
            html.encode("utf-8"), name=file_path.name, organization=organization, year=year
        )
    if suffix in (".html", ".htm"):
        return _import_page(file_path, organization=organization, year=year)
    return _pipeline.import_file(file_path, organization=organization, year=year)


def _read(file_path: Path) -> bytes:
    """The file's bytes through the one bounded reader (FIFOs and /dev/zero stop at the limit)."""
    from rol_model.serialize import read_bounded

    return read_bounded(file_path, MAX_IMPORT_BYTES, what="report")


def _import_page(file_path: Path, *, organization: str | None, year: int | None) -> ImportResult:
    """A file named as a web page is read as one even when it lacks <html> (a saved fragment)."""
    data = _read(file_path)
    text, encoding = decode_bytes(data, name=file_path.name)
    if looks_like_html(text) or "<" not in text[:2000]:
        return _pipeline.import_bytes(
            data, name=file_path.name, organization=organization, year=year
        )
    page, notes = webpage_text(text)
    return _import(
        page,
        organization=organization,
        year=year,
        source=Source(file=file_path.name, encoding=encoding),
        notes=notes,
    )


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
    bytes.
    """
    if data[:5] == b"%PDF-":
        text, notes = pdf_bytes_to_text(data, name=name or "<bytes>")
        return _import(
            text, organization=organization, year=year, source=Source(file=name), notes=notes
        )
    return _pipeline.import_bytes(data, name=name, organization=organization, year=year)
