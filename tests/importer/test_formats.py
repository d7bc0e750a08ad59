"""The input formats: PDF, Word and saved web pages import like the report's text.

PDFs are written in the test with reportlab (its built-in CJK font STSong-Light), with running
headers, footers and page numbers; Word files with python-docx and raw numbering XML; web pages
by wrapping a corpus text into a portal page. Each must give the same report as its text
(everything but the source line numbers and the file name).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.sax.saxutils import escape

import pytest

import rol_model as rm
from rol_model.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = FIXTURES / "corpus"
REALISTIC = FIXTURES / "realistic"
TEXTS = [
    CORPUS / "01-baichuan-county-government-2023.txt",
    CORPUS / "06-lingxi-market-regulation-province-2024.txt",
    CORPUS / "08-meilin-natural-resources-traditional-2022.txt",
    CORPUS / "wusu-education-2023.txt",
    REALISTIC / "01-shimen-county-header-block-2022.txt",
    REALISTIC / "24-nanjiang-city-three-levels-2023.txt",
]


def _need(module: str) -> ModuleType:
    """The module, or skip locally; under CI (which installs the dev extra) its absence fails."""
    if os.environ.get("CI") == "true":
        __import__(module)
        return sys.modules[module]
    return pytest.importorskip(module)


def _plain(report: rm.Report) -> Any:
    """The report as JSON without where it came from (source file, source line numbers)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("lines", "source")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(json.loads(rm.dumps(report)))


def _lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig", errors="strict")
    return [line.strip(" \u3000\ufeff") for line in text.splitlines() if line.strip(" \u3000")]


# --- PDF -----------------------------------------------------------------------------------------

FOOTERS: dict[str, Callable[[int, int], str]] = {
    "dash": lambda n, total: f"- {n} -",
    "em-dash": lambda n, total: f"— {n} —",
    "chinese": lambda n, total: f"第{n}页 共{total}页",
    "slash": lambda n, total: f"{n}/{total}",
}


def _pdf(
    path: Path,
    lines: list[str],
    *,
    footer: str = "dash",
    header: str | None = "某某市人民政府办公室文件",
    indent: bool = True,
) -> Path:
    """Lay the paragraphs out on A4 pages with a running header and a page number footer."""
    _need("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body",
        fontName="STSong-Light",
        fontSize=12,
        leading=18,
        wordWrap="CJK",
        firstLineIndent=24 if indent else 0,
    )
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=1)
    total = {"pages": 0}

    def decorate(canvas: Any, document: Any) -> None:
        number = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, FOOTERS[footer](number, total["pages"] or 9))
        canvas.restoreState()

    def story() -> list[Any]:
        flow = [Paragraph(escape(lines[0]), title)]
        flow.extend(Paragraph(escape(line), body) for line in lines[1:])
        return flow

    # twice: the second run knows the number of pages for 第n页 共m页
    for _ in range(2):
        document = SimpleDocTemplate(str(path), pagesize=A4)
        document.build(story(), onFirstPage=decorate, onLaterPages=decorate)
        total["pages"] = document.page
    return path


@pytest.mark.parametrize("footer", sorted(FOOTERS))
@pytest.mark.parametrize("source", TEXTS, ids=lambda p: p.stem)
def test_a_pdf_imports_like_its_text(tmp_path: Path, source: Path, footer: str) -> None:
    _need("pypdfium2")
    path = _pdf(tmp_path / "report.pdf", _lines(source), footer=footer)
    result = rm.import_file(path)
    assert _plain(result.report) == _plain(rm.import_file(source).report)
    assert result.report.source == rm.Source(file="report.pdf")
    dropped = [w for w in result.warnings if w.code == "import.pdf-page-chrome"]
    pages = {w.message.split(":")[0] for w in dropped}
    pdfium = _need("pypdfium2")
    assert len(pages) == len(pdfium.PdfDocument(str(path)))  # every page's, warned with its page
    assert any("header" in w.message for w in dropped)
    assert any("page number" in w.message for w in dropped)
    assert all(w.line is not None for w in dropped)


def test_import_pdf_and_the_cli_read_a_pdf(tmp_path: Path) -> None:
    _need("pypdfium2")
    source = TEXTS[0]
    path = _pdf(tmp_path / "report.pdf", _lines(source), footer="chinese", header=None)
    expected = _plain(rm.import_file(source).report)
    assert _plain(rm.import_pdf(path).report) == expected
    assert _plain(rm.importer.import_bytes(path.read_bytes(), name="x.pdf").report) == expected
    out, err = io.StringIO(), io.StringIO()
    code = main(["import", str(path), "-o", str(tmp_path / "out.json")], stdout=out, stderr=err)
    assert code in (0, 1), err.getvalue()
    assert _plain(rm.load(tmp_path / "out.json")) == expected


def test_a_page_number_alone_on_a_page_edge_is_dropped_but_body_numbers_are_kept() -> None:
    from rol_model.importer._pdf import _PAGE_NUMBER

    for number in ("- 3 -", "— 3 —", "第3页 共12页", "第 3 页", "3/12", "3", "Page 3 of 12", "·3·"):
        assert _PAGE_NUMBER.match(number), number
    for content in ("3.加强组织领导", "（3）严格执法", "全年办理3件", "2023年"):
        assert not _PAGE_NUMBER.match(content), content


def _image_only_pdf(path: Path) -> Path:
    pdfium = _need("pypdfium2")
    from pypdfium2 import raw

    document = pdfium.PdfDocument.new()
    for _ in range(2):
        page = document.new_page(595, 842)
        bitmap = pdfium.PdfBitmap.new_native(200, 100, raw.FPDFBitmap_BGR)
        bitmap.fill_rect((40, 40, 40, 255), 0, 0, 200, 100)
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(100, 500))
        page.insert_obj(image)
        page.gen_content()
    document.save(str(path))
    return path


def test_a_scanned_pdf_without_a_text_layer_is_refused_saying_ocr_is_needed(
    tmp_path: Path,
) -> None:
    path = _image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(rm.ReadError, match=r"no text layer.*OCR"):
        rm.import_file(path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path)], stdout=out, stderr=err) == 2
    assert "OCR" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_broken_pdf_is_a_read_error(tmp_path: Path) -> None:
    _need("pypdfium2")
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n this is not a PDF body")
    with pytest.raises(rm.ReadError, match=r"broken\.pdf"):
        rm.import_file(path)
    path.write_bytes(b"plain text named .pdf")
    with pytest.raises(rm.ReadError, match="not a PDF"):
        rm.import_pdf(path)


def test_without_the_pdf_extra_a_pdf_import_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(rm.MissingExtraError, match=r"pdf"):
        rm.import_file(path)


# --- saved web pages -----------------------------------------------------------------------------

PORTAL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_某某市人民政府门户网站</title>
<script>var nav = "一、不是正文";</script><style>.x{{color:red}}</style></head>
<body>
<div class="header"><div class="logo">某某市人民政府门户网站</div>
<div class="topbar">今天是2024年3月28日 星期四 | 无障碍 | 长者模式 | 登录</div></div>
<ul class="nav-menu"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li><li>走进某某</li></ul>
<div class="breadcrumb">您当前所在位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt;
<a>法治政府建设</a></div>
<div class="wrapper"><div class="article">
<table class="xxgk-meta"><tr><td>索引号：</td><td>11330000MB1234567X/2024-00012</td>
<td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>{organization}</td><td>发文日期：</td><td>2024-03-28</td></tr>
<tr><td>名称：</td><td colspan="3">{title}</td></tr></table>
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：2024-03-28 10:12 来源：{organization} 浏览次数：1234
字号：[大 中 小]</div>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<div id="zoom" class="article-content">
{paragraphs}
</div>
<div class="article-tools">【打印本页】【关闭窗口】</div>
</div>
<div class="sidebar"><h3>相关阅读</h3><ul>
<li><a href="/1">关于2022年度法治政府建设情况的报告</a></li>
<li><a href="/2">一、主要举措和成效（2021年）</a></li></ul>
<p>热点专题：营商环境 政务服务</p></div></div>
<div class="footer"><p>主办单位：某某市人民政府办公室　承办：某某市大数据中心</p>
<p>联系电话：0000-12345678　地址：某某市人民路1号</p><p>网站标识码：1234000000　ICP备00000000号</p>
</div></body></html>
"""


def _portal_page(source: Path, organization: str = "某某市人民政府") -> str:
    lines = _lines(source)
    paragraphs = "\n".join(f"<p>　　{escape(line)}</p>" for line in lines[1:])
    return PORTAL.format(title=escape(lines[0]), organization=organization, paragraphs=paragraphs)


@pytest.mark.parametrize("source", TEXTS, ids=lambda p: p.stem)
def test_a_saved_portal_page_imports_like_its_text(tmp_path: Path, source: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(_portal_page(source), encoding="utf-8")
    result = rm.import_file(path)
    page = _plain(result.report)
    assert page.pop("published_on") == "2024-03-28"  # from the page's metadata rows
    expected = _plain(rm.import_file(source).report)
    expected.pop("published_on", None)
    assert page == expected
    note = next(w for w in result.warnings if w.code == "import.html")
    assert "main article" in note.message


def test_a_saved_page_keeps_its_metadata_rows_as_page_metadata(tmp_path: Path) -> None:
    from rol_model.importer._webpage import webpage_text

    text, _ = webpage_text(_portal_page(TEXTS[0], organization="柏川县司法局"))
    lines = text.splitlines()
    assert "发布机构：柏川县司法局" in lines
    assert "发文日期：2024-03-28" in lines
    assert not any("相关阅读" in line or "联系电话" in line or "首页" in line for line in lines)
    assert not any("不是正文" in line for line in lines)
    report = rm.import_text(text).report
    assert report.published_on is not None
    assert report.published_on.isoformat() == "2024-03-28"


def test_a_page_saved_as_mhtml_imports_like_its_text(tmp_path: Path) -> None:
    from email.message import EmailMessage

    source = TEXTS[0]
    message = EmailMessage()
    message["Subject"] = "saved page"
    message["Snapshot-Content-Location"] = "https://www.example.gov.cn/art/2024/3/28/1.html"
    message.set_content(
        _portal_page(source), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    path = tmp_path / "report.mhtml"
    path.write_bytes(message.as_bytes())
    page = _plain(rm.import_file(path).report)
    assert page.pop("published_on") == "2024-03-28"
    assert page == _plain(rm.import_file(source).report)
    (tmp_path / "empty.mhtml").write_bytes(b"Subject: x\n\nno html here\n")
    with pytest.raises(rm.ReadError, match="no text/html part"):
        rm.import_file(tmp_path / "empty.mhtml")


def test_a_saved_fragment_named_html_is_read_as_a_page(tmp_path: Path) -> None:
    lines = _lines(TEXTS[0])
    fragment = (
        "<div class='nav'><a href='/'>首页</a></div><div id='zoom'>"
        + "".join(f"<p>{escape(line)}</p>" for line in lines)
        + "</div>"
    )
    path = tmp_path / "fragment.htm"
    path.write_text(fragment, encoding="gb18030")
    report = rm.import_file(path).report
    assert _plain(report) == _plain(rm.import_file(TEXTS[0]).report)
    assert report.source == rm.Source(file="fragment.htm", encoding="gb18030")


def test_a_page_without_a_main_article_keeps_its_paragraphs() -> None:
    from rol_model.importer._webpage import webpage_text

    page = (
        "<html><body><div>甲</div><div>乙</div><div>丙</div>"
        "<div class='footer'>页脚</div></body></html>"
    )
    text, notes = webpage_text(page)
    assert text.splitlines() == ["甲", "乙", "丙"]
    assert "no main article" in notes[0].message


# --- Word ----------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# the abstract list a Chinese report's outline uses: 一、 / （一） / 1. / （1）
OUTLINE_LIST = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""
NUMBERED = {
    0: r"^([一二三四五六七八九十]+)、",
    1: r"^（([一二三四五六七八九十]+)）",
    2: r"^(\d+)\.",
    3: r"^（(\d+)）",
}


def _add_list(document: Any, abstract_xml: str, num_id: str, abstract_id: str) -> None:
    """Add an abstract list and a list instance of it to the document's numbering part."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    abstract = parse_xml(abstract_xml)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )


def _number(paragraph: Any, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _is_row(line: str) -> bool:
    fields = line.split(" ")
    return len(fields) >= 2 and all(fields) and not any(mark in line for mark in "。，；")


def _word_report(path: Path, lines: list[str]) -> tuple[Path, int, int]:
    """The report as Word writes it: outline markers from the list feature (not in the text),
    runs of table-like lines as tables, a page header and footer. Returns the path and how many
    paragraphs were numbered and table rows written."""
    import re

    docx = _need("docx")
    from rol_model.text import chinese_value

    document = docx.Document()
    _add_list(document, OUTLINE_LIST, "90", "90")
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某县人民政府办公室"
    section.footer.paragraphs[0].text = "第 1 页"
    counters = [0, 0, 0, 0]
    numbered = rows = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        run = 0
        while index + run < len(lines) and _is_row(lines[index + run]):
            run += 1
        if run >= 2:  # a table
            cells = [row.split(" ") for row in lines[index : index + run]]
            table = document.add_table(rows=run, cols=max(len(c) for c in cells))
            for r, row in enumerate(cells):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            rows += run
            index += run
            continue
        for level, pattern in NUMBERED.items():
            match = re.match(pattern, line)
            if match is None or (level == 0 and index == 0):
                continue
            shown = match.group(1)
            value = int(shown) if shown.isdigit() else chinese_value(shown)
            if value == counters[level] + 1:  # what the list would show next: Word numbers it
                counters[level] = value
                counters[level + 1 :] = [0] * (3 - level)
                paragraph = document.add_paragraph(line[match.end() :])
                _number(paragraph, "90", level)
                numbered += 1
                break
        else:
            document.add_paragraph(line)
        index += 1
    document.save(str(path))
    return path, numbered, rows


WORD_TEXTS = [
    *TEXTS[:4],
    REALISTIC / "28-xilin-emergency-flattened-table-2023.txt",
    REALISTIC / "33-songxi-transport-attachment-table-2023.txt",
]


@pytest.mark.parametrize("source", WORD_TEXTS, ids=lambda p: p.stem)
def test_a_word_file_with_list_numbering_and_tables_imports_like_its_text(
    tmp_path: Path, source: Path
) -> None:
    path, numbered, _ = _word_report(tmp_path / "report.docx", _lines(source))
    assert numbered >= 5  # the markers are in numbering.xml, not in the text
    result = rm.import_file(path)
    assert _plain(result.report) == _plain(rm.import_file(source).report)
    assert result.report.source == rm.Source(file="report.docx")
    chrome = [w.message for w in result.warnings if w.code == "import.docx-page-chrome"]
    assert any("header" in m and "某某县人民政府办公室" in m for m in chrome)
    assert any("footer" in m for m in chrome)


def test_a_word_table_is_read_row_by_row_never_lost(tmp_path: Path) -> None:
    source = REALISTIC / "28-xilin-emergency-flattened-table-2023.txt"
    path, _, rows = _word_report(tmp_path / "report.docx", _lines(source))
    assert rows >= 3
    result = rm.import_docx(path)
    assert "罚款金额（万元） 86.4 103.5" in rm.dumps(result.report)  # a row, cells in order
    values = [i.value for _, i in rm.iter_indicators(result.report)]
    assert values == [i.value for _, i in rm.iter_indicators(rm.import_file(source).report)]
    assert any(w.code == "import.docx" and "table" in w.message for w in result.warnings)


def test_the_same_report_as_text_word_pdf_and_saved_page_is_the_same_report(
    tmp_path: Path,
) -> None:
    _need("pypdfium2")
    source = REALISTIC / "28-xilin-emergency-flattened-table-2023.txt"
    lines = _lines(source)
    expected = _plain(rm.import_file(source).report)
    word, numbered, rows = _word_report(tmp_path / "report.docx", lines)
    assert numbered
    assert rows
    pdf = _pdf(tmp_path / "report.pdf", lines, footer="chinese")
    page = tmp_path / "report.html"
    page.write_text(_portal_page(source), encoding="utf-8")
    from_page = _plain(rm.import_file(page).report)
    from_page.pop("published_on")
    assert _plain(rm.import_file(word).report) == expected
    assert _plain(rm.import_file(pdf).report) == expected
    assert from_page == expected


@pytest.mark.parametrize(
    ("fmt", "numbers", "shown"),
    [
        ("chineseCounting", [1, 10, 11, 20, 21], ["一", "十", "十一", "二十", "二十一"]),
        ("decimal", [1, 12], ["1", "12"]),
        ("decimalEnclosedCircle", [1, 20], ["①", "⑳"]),
        ("decimalEnclosedParen", [3], ["⑶"]),
        ("ideographTraditional", [1, 3], ["甲", "丙"]),
        ("lowerLetter", [1, 27], ["a", "aa"]),
        ("upperRoman", [4, 9], ["IV", "IX"]),
        ("decimalFullWidth", [7], ["７"]),
    ],
)
def test_word_number_formats_show_as_word_shows_them(
    fmt: str, numbers: list[int], shown: list[str]
) -> None:
    from rol_model.importer._docx import format_number

    assert [format_number(n, fmt) for n in numbers] == shown


def test_word_lists_restart_lower_levels_continue_across_instances_and_honour_overrides() -> None:
    from docx.oxml import parse_xml

    _need("docx")
    from rol_model.importer._docx import _Numbering

    outline = OUTLINE_LIST.replace(f' xmlns:w="{W}"', "")
    numbering = parse_xml(
        f'<w:numbering xmlns:w="{W}">{outline}'
        '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="90"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="90"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    lists = _Numbering(numbering)
    shown = [
        lists.marker("1", 0),
        lists.marker("1", 1),
        lists.marker("1", 1),
        lists.marker("1", 2),
        lists.marker("1", 0),
        lists.marker("1", 1),  # restarts under the new part
        lists.marker("2", 0),  # another instance of the same list continues it
        lists.marker("3", 0),  # an instance overriding the start restarts it
        lists.marker("4", 0),  # a bullet shows no marker
        lists.marker("99", 0),  # an unknown list neither
    ]
    assert shown == ["一、", "（一）", "（二）", "1.", "二、", "（一）", "三、", "一、", None, None]


def test_word_text_boxes_are_read_and_footnotes_are_warned(tmp_path: Path) -> None:
    docx = _need("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    lines = _lines(TEXTS[0])
    document = docx.Document()
    for line in lines[:3]:
        document.add_paragraph(line)
    anchor = document.add_paragraph("")
    box = (
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        f"<w:p><w:r><w:t>{escape(lines[3])}</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        f"<w:p><w:r><w:t>{escape(lines[3])}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor._p.append(parse_xml(box))
    for line in lines[4:]:
        document.add_paragraph(line)
    footnotes = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        '<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        "<w:t>数据来源：县统计局。</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        footnotes.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    result = rm.import_docx(path)
    assert _plain(result.report) == _plain(rm.import_file(TEXTS[0]).report)  # read once
    notes = [w for w in result.warnings if w.code == "import.docx-footnote"]
    assert len(notes) == 1
    assert "数据来源：县统计局" in notes[0].message


def test_deeply_nested_pages_are_read_without_blowing_up() -> None:
    """Nested tables and headings thousands deep (hostile pages): read once each, no recursion
    error; reading a table's cells never reads its nested tables again (that was exponential)."""
    _need("selectolax")
    from rol_model.importer._webpage import webpage_text

    cell = "<table><tr><td>索引号</td><td>1</td><td>发布机构</td><td>某局"
    text, _ = webpage_text("<html><body>" + cell * 3000 + "</body></html>")
    assert "某局" in text
    nested = "<div class='title'>标题" * 5000 + "<p>正文</p>"
    text, _ = webpage_text("<html><body>" + nested + "</body></html>")
    assert "正文" in text


TABLE_ROWS = (("项目", "数量（件）"), ("受理行政复议案件", "45"), ("行政应诉案件", "23"))
TABLE_OPENING = (
    "青山县司法局2023年度法治政府建设情况报告",
    "2023年，青山县司法局坚持依法行政，现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）行政复议和应诉。全年主要数据如下表。",
)
TABLE_CLOSING = ("二、存在的不足", "一是学法用法还不够深入。")


def _table_figures(report: rm.Report) -> set[tuple[Decimal, str, str]]:
    return {(i.value, i.unit, i.source) for _, i in rm.iter_indicators(report)}


def test_a_figures_table_in_the_body_gives_one_figure_per_cell_and_keeps_its_text() -> None:
    rows = [" ".join(row) for row in TABLE_ROWS]
    result = rm.import_text("\n".join([*TABLE_OPENING, *rows, *TABLE_CLOSING]))
    figures = _table_figures(result.report)
    assert (Decimal(45), "件", "受理行政复议案件 45") in figures
    assert (Decimal(23), "件", "行政应诉案件 23") in figures
    measure = result.report.measures[0]
    assert "受理行政复议案件 45" in (measure.text or "")  # the text stays as printed


def test_a_word_figures_table_becomes_the_same_figures(tmp_path: Path) -> None:
    _need("docx")
    from docx import Document

    document = Document()
    for line in TABLE_OPENING:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, TABLE_ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    for line in TABLE_CLOSING:
        document.add_paragraph(line)
    path = tmp_path / "table.docx"
    document.save(str(path))
    rows = [" ".join(row) for row in TABLE_ROWS]
    text = rm.import_text("\n".join([*TABLE_OPENING, *rows, *TABLE_CLOSING])).report
    word = _table_figures(rm.import_file(path).report)
    assert word == _table_figures(text)
    assert (Decimal(45), "件", "受理行政复议案件 45") in word
