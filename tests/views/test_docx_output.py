"""Word output (``rol render --format docx``, ``rol_model.write_docx``): the GB/T 9704-2012 layout
read back with python-docx, and the round trip through ``import_docx``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import rol_model as rm
from rol_model.cli import main

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402 - after the importorskip
from docx.shared import Pt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "examples" / "reports" / "wusu-education-2023.json"
CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))


def _east_asian(element: object) -> str | None:
    fonts = element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    out, err = io.StringIO(), io.StringIO()
    assert main(["render", str(OLD), "--format", "docx", "-o", str(path)], out, err) == 0, err
    return path


def test_the_page_is_a4_with_the_official_margins(written: Path) -> None:
    section = docx.Document(str(written)).sections[0]
    sizes = [section.page_width, section.page_height]
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    # Word stores twips: compare to the tenth of a millimetre
    assert [round(x.mm, 1) for x in sizes] == [210, 297]
    assert [round(x.mm, 1) for x in margins] == [37, 35, 28, 26]


def test_styles_and_fonts_follow_gb_t_9704(written: Path) -> None:
    document = docx.Document(str(written))
    styles = document.styles
    title, body = styles["Title"], styles["Normal"]
    assert title.font.size == Pt(22)  # 2号
    assert _east_asian(title.element) == "方正小标宋简体"
    assert body.font.size == Pt(16)  # 3号
    assert _east_asian(body.element) == "仿宋_GB2312"
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters
    assert _east_asian(styles["Heading 1"].element) == "黑体"
    assert _east_asian(styles["Heading 2"].element) == "楷体_GB2312"
    assert styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0, 0, 0)
    # the font table says what Word and WPS substitute for the official fonts
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    table = part.blob.decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in table
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in table


def test_paragraphs_numbering_and_page_numbers(written: Path) -> None:
    document = docx.Document(str(written))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    report = rm.load(OLD)
    assert paragraphs[0] == ("Title", report.title)
    assert ("Heading 1", "一、本年度推进法治政府建设的主要举措和成效") in paragraphs
    assert ("Heading 2", "（一）强化组织领导，确保法治教育顺利推进") in paragraphs
    (run_in,) = [p for p in document.paragraphs if p.text.startswith("1.积极构建法治建设网络")]
    assert run_in.style.name == "Normal"
    assert run_in.runs[0].bold is True
    assert run_in.runs[0].text == "1.积极构建法治建设网络，全面提高教育系统普法效能。"
    assert paragraphs[-2:] != []  # the 2023 example has no issue date: no signature
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer is True
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml
        assert footer.paragraphs[0].text.startswith("— ")
        assert footer.paragraphs[0].text.endswith(" —")
        assert footer.paragraphs[0].alignment.name.lower() == alignment


def test_a_signature_closes_right_aligned(tmp_path: Path) -> None:
    import datetime as dt

    import attrs

    report = attrs.evolve(rm.load(OLD), issued_on=dt.date(2024, 1, 20))
    rm.write_docx(report, tmp_path / "signed.docx")
    document = docx.Document(str(tmp_path / "signed.docx"))
    last = [p for p in document.paragraphs if p.text][-2:]
    assert [p.text for p in last] == [report.organization.name, "2024年1月20日"]
    assert all(p.alignment.name == "RIGHT" for p in last)


def _content(report: rm.Report) -> object:
    """What the text round trip keeps (``tests/test_render.py``): the Word one keeps the same."""
    from test_render import _content as content

    return content(report)


def test_importing_the_word_file_gives_the_same_report(written: Path) -> None:
    report = rm.load(OLD)
    again = rm.import_docx(written).report
    assert _content(again) == _content(rm.import_text(rm.render(report)).report)
    assert [getattr(n, "heading", None) for _, n in rm.iter_nodes(again)] == [
        getattr(n, "heading", None) for _, n in rm.iter_nodes(report)
    ]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_report_survives_word_output_and_import(path: Path, tmp_path: Path) -> None:
    report = rm.import_file(path).report
    rm.write_docx(report, tmp_path / "r.docx")
    assert _content(rm.import_docx(tmp_path / "r.docx").report) == _content(report)


def test_docx_needs_an_output_file_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["render", str(OLD), "--format", "docx"], out, err) == 2
    assert "-o report.docx" in err.getvalue()
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    err = io.StringIO()
    assert main(["render", str(OLD), "--format", "docx", "-o", "x.docx"], out, err) == 2
    assert err.getvalue().strip() == (
        "rol render: Word output needs the 'docx' extra (docx is not installed): "
        "pip install 'rol-model[docx]'"
    )
