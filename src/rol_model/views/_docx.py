"""Write a report as a Word ``.docx`` file in the official document layout (GB/T 9704-2012).

The layout of Party and government documents (《党政机关公文格式》GB/T 9704-2012), as bureaus
file their annual reports:

- A4 paper; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines a page (exact
  line spacing 28.95 pt);
- the title in 2号 (22 pt) 方正小标宋简体, centred, followed by an empty line;
- the body in 3号 (16 pt) 仿宋_GB2312 with a two-character first-line indent;
- level-one headings (一、) in 黑体, level-two headings (（一）) in 楷体_GB2312, deeper headings
  in bold 仿宋 and, as published documents print them, run into their paragraph
  (1.积极构建法治建设网络。正文……) when they can be read back so;
- the signature (organization, date) right-aligned, four characters from the margin;
- page numbers ``— 1 —`` in 4号 (14 pt) 宋体 in the footer, odd pages right and even pages left,
  one character from the margin.

The Chinese font names are set as East Asian fonts (``w:eastAsia``), and the font table tells
Word and WPS what to substitute where a font is not installed (方正小标宋简体 → 宋体,
仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), with the GB2312 character set, so every machine shows a
close face rather than a Latin default. The paragraphs use the built-in styles Title, Normal and
Heading 1 to 3 (restyled), so Word's navigation pane shows the outline, and
:func:`~rol_model.import_docx` reads the file back into the same report.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from rol_model.exceptions import require_extra
from rol_model.views._render import _Writer, write_report

if TYPE_CHECKING:
    from rol_model.model._classes import Report

__all__ = ["FONTS", "write_docx"]

#: Role → (East Asian font, the font Word and WPS substitute when it is missing).
FONTS: dict[str, tuple[str, str]] = {
    "title": ("方正小标宋简体", "宋体"),
    "body": ("仿宋_GB2312", "仿宋"),
    "heading1": ("黑体", "SimHei"),
    "heading2": ("楷体_GB2312", "楷体"),
    "page": ("宋体", "SimSun"),
}
_LATIN = "Times New Roman"
_BODY_PT = 16  # 3号
_TITLE_PT = 22  # 2号
_PAGE_PT = 14  # 4号
_LINE_PT = 28.95  # (297 - 37 - 35) mm over 22 lines
_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}


def _fonts(element: Any, east_asian: str) -> None:
    """Set the run fonts of a style or run element: Latin Times New Roman, East Asian ``name``."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute, value in (
        ("w:ascii", _LATIN),
        ("w:hAnsi", _LATIN),
        ("w:cs", _LATIN),
        ("w:eastAsia", east_asian),
    ):
        fonts.set(qn(attribute), value)


def _style(document: Any, name: str, font: str, size: float, *, bold: bool = False) -> Any:
    from docx.shared import Pt, RGBColor

    style = document.styles[name]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(style.element, font)
    layout = style.paragraph_format
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    layout.line_spacing = Pt(_LINE_PT)
    from docx.enum.text import WD_LINE_SPACING

    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.first_line_indent = Pt(2 * _BODY_PT)
    layout.keep_with_next = name.startswith("Heading")
    return style


def _font_table(document: Any) -> None:
    """Declare the Chinese fonts with the face to substitute (``w:altName``) and GB2312."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    table = parse_xml(part.blob)
    known = {font.get(qn("w:name")) for font in table}
    for name, substitute in FONTS.values():
        if name in known:
            continue
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{substitute}"/>'
                '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>'
                "</w:font>"
            )
        )
    import importlib

    etree: Any = importlib.import_module("lxml.etree")  # python-docx's XML library (no stubs)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(paragraph: Any, *, odd: bool) -> None:
    """``— N —`` with a PAGE field: odd pages right, even pages left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    if odd:
        layout.right_indent = Pt(_PAGE_PT)
    else:
        layout.left_indent = Pt(_PAGE_PT)

    def run(text: str) -> None:
        piece = paragraph.add_run(text)
        piece.font.size = Pt(_PAGE_PT)
        _fonts(piece._r, FONTS["page"][0])

    run("— ")
    field = paragraph.add_run()
    field.font.size = Pt(_PAGE_PT)
    _fonts(field._r, FONTS["page"][0])
    for xml in (
        f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
        f"<w:t {nsdecls('w')}>1</w:t>",
        f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>',
    ):
        field._r.append(parse_xml(xml))
    run(" —")


class _DocxWriter(_Writer):
    """Receives the report from :func:`write_report` and lays it out in a python-docx document."""

    def __init__(self, document: Any) -> None:
        super().__init__(markdown=False)
        self.document = document

    def heading(self, level: int, text: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        if level == 1:
            title = self.document.add_paragraph(text, style="Title")
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            title.paragraph_format.first_line_indent = Pt(0)
            self.document.add_paragraph("", style="Normal")  # the empty line below the title
            return
        self.document.add_paragraph(text, style=_STYLES.get(level, "Heading 3"))

    def paragraph(self, text: str, *, indent: bool = True) -> None:
        self.document.add_paragraph(text, style="Normal")

    def run_in(self, lead: str, text: str) -> None:
        paragraph = self.document.add_paragraph(style="Normal")
        paragraph.add_run(lead).bold = True
        paragraph.add_run(text)

    def signature(self, text: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(text, style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = Pt(4 * _BODY_PT)


def docx_document(report: Report) -> Any:
    """The report as a python-docx ``Document`` in the GB/T 9704-2012 layout (see module doc).

    Raises :class:`~rol_model.MissingExtraError` when python-docx (extra ``docx``) is missing.
    """
    docx = require_extra("docx", extra="docx", feature="Word output")
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Mm(7)  # the page number 7 mm below the text block
    _style(document, "Normal", FONTS["body"][0], _BODY_PT)
    _style(document, "Title", FONTS["title"][0], _TITLE_PT)
    _style(document, "Heading 1", FONTS["heading1"][0], _BODY_PT)
    _style(document, "Heading 2", FONTS["heading2"][0], _BODY_PT)
    _style(document, "Heading 3", FONTS["body"][0], _BODY_PT, bold=True)
    _remove_title_border(document)
    _font_table(document)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    core = document.core_properties
    core.title = report.title
    core.author = report.organization.name
    core.comments = "Written by rol-model (GB/T 9704-2012 layout)"
    write_report(_DocxWriter(document), report)
    return document


def _remove_title_border(document: Any) -> None:
    """python-docx's template gives Title a bottom border and spacing the official layout lacks."""
    from docx.oxml.ns import qn

    ppr = document.styles["Title"].element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    rpr = document.styles["Title"].element.rPr
    if rpr is not None:
        for name in ("w:spacing", "w:kern"):
            for child in rpr.findall(qn(name)):
                rpr.remove(child)


def write_docx(report: Report, path: str | os.PathLike[str]) -> None:
    """Write ``report`` to ``path`` as a Word file in the official layout (GB/T 9704-2012).

    The file is written atomically: a failure leaves an existing ``path`` as it was. Raises
    :class:`~rol_model.MissingExtraError` when python-docx (extra ``docx``) is missing and
    :class:`~rol_model.WriteError` when the file cannot be written.
    """
    import io

    from rol_model.serialize import write_file

    document = docx_document(report)
    buffer = io.BytesIO()
    document.save(buffer)
    write_file(path, buffer.getvalue())  # the one atomic writer: mode, links, long names
