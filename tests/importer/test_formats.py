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


def test_a_page_without_a_main_article_keeps_its_paragraphs() -> None:
    from rol_model.importer._webpage import webpage_text

    page = (
        "<html><body><div>甲</div><div>乙</div><div>丙</div>"
        "<div class='footer'>页脚</div></body></html>"
    )
    text, notes = webpage_text(page)
    assert text.splitlines() == ["甲", "乙", "丙"]
    assert "no main article" in notes[0].message
