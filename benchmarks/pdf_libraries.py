"""Time PDF text extraction: rol-model's PDF reader and the libraries it was chosen among.

Lays every corpus text out as one PDF with reportlab (running header, page numbers), then
extracts its text with each library that is installed, best of three runs:

    python benchmarks/pdf_libraries.py

rol-model reads PDFs with pypdfium2 (extra ``pdf``); pypdf and pdfminer.six are measured only
when installed (``pip install pypdf pdfminer.six``). Needs reportlab (extra ``test``).
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


def _make_pdf(path: Path) -> tuple[int, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK",
        firstLineIndent=24,
    )  # fmt: skip
    flow: list[object] = []
    characters = 0
    for source in sorted(CORPUS.glob("*.txt")):
        text = source.read_bytes().decode("utf-8-sig", errors="replace")
        for line in text.splitlines():
            if line.strip():
                flow.append(Paragraph(escape(line.strip()), style))
                characters += len(line.strip())
        flow.append(PageBreak())

    def decorate(canvas: object, document: object) -> None:
        canvas.setFont("STSong-Light", 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, "某某市人民政府文件")  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 30, f"- {canvas.getPageNumber()} -")  # type: ignore[attr-defined]

    document = SimpleDocTemplate(str(path), pagesize=A4)
    document.build(flow, onFirstPage=decorate, onLaterPages=decorate)
    return document.page, characters


def _readers(path: Path) -> dict[str, Callable[[], str]]:
    readers: dict[str, Callable[[], str]] = {}
    if importlib.util.find_spec("pypdfium2"):
        import pypdfium2

        from rol_model.importer._pdf import pdf_to_text

        def pdfium_plain() -> str:
            document = pypdfium2.PdfDocument(str(path))
            return "".join(page.get_textpage().get_text_range() for page in document)

        readers["rol-model pdf_to_text (pypdfium2, with layout undone)"] = lambda: pdf_to_text(
            path
        )[0]
        readers["pypdfium2 get_text_range"] = pdfium_plain
    if importlib.util.find_spec("pypdf"):
        import pypdf

        readers["pypdf extract_text"] = lambda: "".join(
            page.extract_text() for page in pypdf.PdfReader(str(path)).pages
        )
    if importlib.util.find_spec("pdfminer"):
        from pdfminer.high_level import extract_text

        readers["pdfminer.six extract_text"] = lambda: extract_text(str(path))
    return readers


def main() -> None:
    """Print seconds per page and per megabyte of text for each installed reader."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.pdf"
        pages, characters = _make_pdf(path)
        megabytes = characters * 3 / 1e6  # UTF-8 bytes of the CJK text
        print(f"{pages} pages, {characters} characters ({megabytes:.2f} MB as UTF-8 text)")
        for name, read in _readers(path).items():
            best = min(_timed(read) for _ in range(3))
            print(f"{name}: {best:.3f} s, {best / pages * 1000:.1f} ms/page, "
                  f"{best / megabytes:.2f} s/MB")  # fmt: skip


def _timed(read: Callable[[], str]) -> float:
    start = time.perf_counter()
    read()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
