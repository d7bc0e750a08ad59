"""HTML views: structure, accessibility, escaping of hostile text, figures, findings, diffs."""

from __future__ import annotations

import copy
import io
import itertools
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.views import _html, _html_base
from rol_model.views._html_diff import COMPARE_LIMIT, marker_path, word_diff

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"
OLD = EXAMPLES / "wusu-education-2023.json"
NEW = EXAMPLES / "wusu-education-2024-fictional.json"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
SCRIPT = "<script>alert(1)</script>"
BREAKER = '"><img src=x onerror=alert(1)>'


# A small DOM from html.parser ----------------------------------------------------------------


@attrs.define
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = attrs.field(factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.declarations: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    assert builder.declarations == ["DOCTYPE html"]
    return builder.root


def assert_well_formed(page: str) -> Element:
    """The checks every view must pass; returns the parsed document."""
    doc = parse(page)
    (html,) = doc.find_all("html")
    assert html.attrs.get("lang") == "zh-CN"
    assert [m.attrs.get("charset") for m in doc.find_all("meta") if "charset" in m.attrs] == [
        "utf-8"
    ]
    assert len(doc.find_all("h1")) == 1
    levels = [int(e.tag[1]) for e in doc.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading h{before} followed by h{after}"
    for table in doc.find_all("table"):
        first = next(c for c in table.children if isinstance(c, Element))
        assert first.tag == "caption"
        assert first.text().strip()
        for th in table.find_all("th"):
            assert th.attrs.get("scope") in ("col", "row")
    for mark in doc.find_all("mark"):
        assert mark.attrs.get("title"), "a figure without its value on hover"
        assert mark.attrs.get("tabindex") == "0"
        assert mark.attrs.get("data-fig")
    for element in doc.iter():
        assert element.tag not in ("script", "iframe", "object", "embed", "img", "link", "base")
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{element.tag}>"
            assert name not in ("src", "srcset", "xlink:href", "action", "formaction")
            if name == "href":
                assert (value or "").startswith("#"), f"external link {value!r}"
            if name == "style":
                assert "url(" not in (value or "")
    css = "".join(style.text() for style in doc.find_all("style"))
    assert "url(" not in css
    assert "@import" not in css
    assert "@font-face" not in css
    assert not any(char in page for char in BIDI), "a bidi control character was written as is"
    return doc


# Fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def old() -> rm.Report:
    return rm.load(OLD)


@pytest.fixture(scope="module")
def new() -> rm.Report:
    return rm.load(NEW)


def hostile() -> rm.Report:
    """The Wusu report with script tags, attribute breakers and bidi controls everywhere."""
    data: dict[str, Any] = copy.deepcopy(rm.to_dict(rm.load(OLD)))
    data["title"] = f"{SCRIPT}报告\u202e{BREAKER}"
    data["organization"]["name"] = "乌苏</title><script>x()</script>"
    data["source"]["url"] = 'https://example.org/a?b=<c>&d="e"'
    data["preamble"]["text"] = f"导语\u2066{SCRIPT}\u2069结束"
    measure = data["parts"][0]["measures"][0]
    measure["heading"] = f"强化{BREAKER}组织领导\u202d"
    child = measure["children"][0]
    child["text"] = f"开展专项检查40次{SCRIPT}。\u200f末尾\u061c"
    child["indicators"] = [
        {
            "id": "m1.1-i1",
            "label": f'专项检查"{BREAKER}\u202e',
            "value": Decimal(40),
            "unit": "次<b>",
            "qualifier": "exact",
            "source": "专项检查40次",
        },
        {
            "id": "m1.1-i2",
            "label": "不在文中",
            "value": Decimal(7),
            "unit": "件",
            "qualifier": "at_least",
            "source": f"7余件{SCRIPT}\u202e",
        },
    ]
    child["references"] = [f"《法规》{SCRIPT}\u2067"]
    data["extensions"] = {"x:note": {"html": SCRIPT, "rtl": "\u202eabc", "q": BREAKER}}
    return rm.from_dict(data)


def finding(pointer: str, code: str = "ROL999", severity: str = "warning") -> rm.Finding:
    return rm.Finding(
        code=code,
        name="test-rule",
        severity=severity,  # type: ignore[arg-type]
        pointer=pointer,
        message=f"english {SCRIPT}",
        message_zh=f"中文\u202e{BREAKER}",
        excerpt=f"摘{SCRIPT}",
    )


def container_of(doc: Element, target: Element) -> str | None:
    """The id of the innermost element with an id that contains ``target``."""

    def walk(element: Element, owner: str | None) -> str | None:
        here = element.attrs.get("id") or owner
        for child in element.children:
            if child is target:
                return here
            if isinstance(child, Element):
                found = walk(child, here)
                if found is not None:
                    return found
        return None

    return walk(doc, None)


# The report view ------------------------------------------------------------------------------


def test_report_view_is_well_formed_and_follows_the_official_outline(old: rm.Report) -> None:
    page = rm.html_report(old)
    doc = assert_well_formed(page)
    h2 = [e.text() for e in doc.find_all("h2")]
    assert "一、本年度推进法治政府建设的主要举措和成效" in h2
    parts = [t for t in h2 if re.match("[一二三四五]、", t)]
    assert [t[0] for t in parts] == ["一", "二", "三"]
    assert parts[2].startswith("三、2024年")  # plans come third: leadership is missing
    h3 = [e.text() for e in doc.find_all("h3")]
    assert h3[0].startswith("（一）强化组织领导")
    assert any(e.text().startswith("1.积极构建法治建设网络") for e in doc.find_all("h4"))
    assert doc.find_all("title")[0].text() == old.title


def test_report_view_names_the_missing_parts_in_the_bar_and_in_place(old: rm.Report) -> None:
    doc = parse(rm.html_report(old))
    (bar,) = [e for e in doc.find_all("ol") if "bar" in e.classes()]
    states = [li.classes()[0] for li in bar.find_all("li")]
    assert states == ["present", "present", "missing", "present", "optional"]
    notes = [e for e in doc.find_all("p") if "missing-note" in e.classes()]
    assert [n.attrs["id"] for n in notes] == ["missing-leadership"]
    assert "党政主要负责人履行推进法治建设第一责任人职责情况" in notes[0].text()


def test_every_figure_is_highlighted_with_value_unit_and_qualifier(new: rm.Report) -> None:
    doc = parse(rm.html_report(new))
    marks = doc.find_all("mark")
    figures = [indicator for _, indicator in rm.iter_indicators(new)]
    assert len(marks) == len(figures)
    by_id = {m.attrs["title"].rsplit("[", 1)[1].rstrip("]"): m for m in marks}  # type: ignore[union-attr]
    for indicator in figures:
        mark = by_id[indicator.id]
        assert mark.text() == indicator.source  # the phrase itself is what is marked
        assert indicator.label in (mark.attrs["title"] or "")
        assert indicator.unit in (mark.attrs["data-fig"] or "")
    qualified = next(i for i in figures if i.qualifier == "at_least")
    assert by_id[qualified.id].attrs["data-fig"].startswith("≥")  # type: ignore[union-attr]
    assert "以上" in (by_id[qualified.id].attrs["title"] or "")


def test_render_html_is_the_report_view_and_findings_need_html(old: rm.Report) -> None:
    assert rm.render(old, "html") == rm.html_report(old)
    with pytest.raises(ValueError, match="html"):
        rm.render(old, "text", findings=[])


def test_hostile_text_renders_as_text_everywhere() -> None:
    report = hostile()
    findings = [finding("/parts/0/measures/0"), finding("/title", severity="error")]
    page = rm.html_check(report, findings, profile=f"p{SCRIPT}")
    doc = assert_well_formed(page)
    text = doc.text()
    assert SCRIPT in text  # shown, not run
    assert BREAKER in text
    assert "乌苏</title><script>x()</script>" in text
    assert "⟦U+202E⟧" in text
    assert "⟦U+2066⟧" in text
    assert "⟦U+061C⟧" in text
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>" not in page
    # the marker is a span in text, plain characters inside attributes
    assert any("ctl" in s.classes() and s.text() == "⟦U+202D⟧" for s in doc.find_all("span"))
    titles = [m.attrs["title"] or "" for m in doc.find_all("mark")]
    assert any("⟦U+202E⟧" in t and BREAKER in t for t in titles)
    assert not any("https://" in (e.attrs.get("href") or "") for e in doc.iter())
    assert 'https://example.org/a?b=<c>&d="e"' in text  # the source URL is text, not a link


def test_control_characters_are_replaced_by_a_visible_marker() -> None:
    assert _html.inert("a\u202eb\x00c\td\ne") == "a⟦U+202E⟧b⟦U+0000⟧c\td\ne"
    for char in BIDI:
        assert _html.CONTROL_CHARACTERS.fullmatch(char)


def test_check_view_puts_findings_next_to_their_items(old: rm.Report) -> None:
    findings = [
        finding("/parts/0/measures/0/children/1/indicators/0", code="ROL901"),
        finding("/parts/1", code="ROL902"),
        finding("/parts", code="ROL903", severity="error"),
        finding("/parts/9/measures/0", code="ROL904"),
        finding("/preamble/text", code="ROL905", severity="info"),
    ]
    doc = assert_well_formed(rm.html_check(old, findings))
    asides = {a.find_all("code")[0].text(): a for a in doc.find_all("aside")}
    assert container_of(doc, asides["ROL901"]) == "at-parts-0-measures-0-children-1"
    assert container_of(doc, asides["ROL902"]) == "at-parts-1"
    assert container_of(doc, asides["ROL903"]) == "findings"  # whole report: at the top
    assert container_of(doc, asides["ROL904"]) == "findings"  # a pointer that leads nowhere
    assert container_of(doc, asides["ROL905"]) == "at-preamble"
    (table,) = doc.find_all("table")
    links = [a.attrs["href"] for a in table.find_all("a")]
    assert links == [
        "#at-parts-0-measures-0-children-1",
        "#at-parts-1",
        "#findings",
        "#findings",
        "#at-preamble",
    ]
    assert all(doc_has_id(doc, link[1:]) for link in links)


def doc_has_id(doc: Element, ident: str) -> bool:
    return any(e.attrs.get("id") == ident for e in doc.iter())


def test_check_view_of_the_real_findings_shows_codes_in_both_languages(old: rm.Report) -> None:
    findings = rm.check(old)
    doc = assert_well_formed(rm.html_check(old, findings, profile="national"))
    asides = doc.find_all("aside")
    assert len(asides) == len(findings)
    texts = [a.text() for a in asides]
    for item in findings:
        assert any(item.code in t and item.message_zh in t and item.message in t for t in texts)
    assert len(doc.find_all("table")[0].find_all("tr")) == len(findings) + 1


def test_report_without_findings_has_no_findings_section(old: rm.Report) -> None:
    doc = parse(rm.html_report(old))
    assert not doc_has_id(doc, "findings")
    assert not doc.find_all("aside")
    doc = parse(rm.html_report(old, findings=[]))
    assert doc_has_id(doc, "findings")
    assert "No findings" in doc.text()


def test_every_internal_link_points_at_an_element_of_the_page(old: rm.Report) -> None:
    for page in (rm.html_check(old, rm.check(old)), rm.html_report(hostile())):
        doc = parse(page)
        for element in doc.iter():
            href = element.attrs.get("href")
            if href:
                assert doc_has_id(doc, href[1:]), href


CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_report_gives_a_sound_check_view(source: Path) -> None:
    report = rm.import_file(source).report
    findings = rm.check(report)
    doc = assert_well_formed(rm.html_check(report, findings))
    marks = doc.find_all("mark")
    figures = [indicator for _, indicator in rm.iter_indicators(report)]
    assert sorted(m.text() for m in marks) == sorted(i.source for i in figures)
    assert not [p for p in doc.find_all("p") if "loose" in p.classes()]  # all found in place
    assert len(doc.find_all("aside")) == len(findings)
    h2 = [e.text() for e in doc.find_all("h2") if re.match("[一二三四五]、", e.text())]
    assert len(h2) == len(report.parts)


# The diff view --------------------------------------------------------------------------------


def test_word_diff_marks_the_changed_number_not_the_whole_phrase() -> None:
    assert word_diff("专项检查40次", "专项检查46次") == (
        ("equal", "专项检查"),
        ("del", "40"),
        ("ins", "46"),
        ("equal", "次"),
    )


def test_word_diff_folds_tiny_equal_runs_into_one_replacement() -> None:
    # 的 alone is common to both; folded in, the rewrite reads as one replacement
    assert word_diff("加强领导干部的法治教育", "完善教师队伍的培训机制") == (
        ("del", "加强领导干部的法治教育"),
        ("ins", "完善教师队伍的培训机制"),
    )
    assert word_diff("推进领导班子集体学法，把", "坚持领导班子集体学法制度，把") == (
        ("del", "推进"),
        ("ins", "坚持"),
        ("equal", "领导班子集体学法"),
        ("ins", "制度"),
        ("equal", "，把"),
    )


@given(
    st.text(alphabet="法治政府建设ab 1。，", max_size=40),
    st.text(alphabet="法治政府建设ab 1。，", max_size=40),
)
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(t for k, t in segments if k != "ins") == old
    assert "".join(t for k, t in segments if k != "del") == new
    assert all(t for _, t in segments)


def test_word_diff_of_long_texts_replaces_the_middle_whole() -> None:
    size = int(COMPARE_LIMIT**0.5) + 10
    old = "甲" + "法治" * size + "乙"
    new = "甲" + "政府" * size + "乙"
    assert word_diff(old, new) == (
        ("equal", "甲"),
        ("del", "法治" * size),
        ("ins", "政府" * size),
        ("equal", "乙"),
    )


def test_marker_path_gives_the_official_numbering() -> None:
    assert marker_path("/parts/0/measures/4/children/1") == "（五）2."
    assert marker_path("/parts/1/causes/0") == "原因一是"
    assert marker_path("/parts/0/measures/0/children/0/children/2/children/0") == "（一）1.（3）①"


def test_diff_view_marks_words_and_tabulates_figures(old: rm.Report, new: rm.Report) -> None:
    changes = rm.diff(old, new)
    page = rm.html_diff(old, new, changes)
    assert page == rm.html_diff(old, new)
    doc = assert_well_formed(page)
    assert doc.find_all("ins")
    assert doc.find_all("del")
    items = [li for ol in doc.find_all("ol") for li in ol.children if isinstance(li, Element)]
    assert len(items) == len(changes.items)
    table = doc.find_all("table")[-1]
    rows = {tr.find_all("th")[0].text().split("m")[0]: tr for tr in table.find_all("tr")[1:]}
    assert len(rows) == len(changes.indicators)
    assert "↑ +6（+15%）" in rows["违规变形培训专项检查"].text()
    assert "↓ -3（-25%）" in rows["下发各类整改通知书"].text()
    inexact = next(t for t in rows if t.startswith("12345"))
    assert "? ≤+12 方向不定" in rows[inexact].text()  # 40余 → 52: at most +12, maybe down
    assert "非精确比较" in rows[inexact].text()
    assert "? 方向不定" in rows["受教育学生"].text()  # 3万余 → 3.2万余: both are bounds


def test_figure_changes_say_only_what_bounds_allow() -> None:
    from rol_model.diffing._indicators import IndicatorChange
    from rol_model.views._html_diff import _change

    def change(old: str, oq: str, new: str, nq: str) -> tuple[str, str, str]:
        a, b = Decimal(old), Decimal(new)
        return _change(
            IndicatorChange(
                kind="changed",
                label="x",
                unit="次",
                old_value=a,
                new_value=b,
                old_qualifier=oq,
                new_qualifier=nq,
                absolute_change=b - a,
                relative_change=(b - a) / a,
                comparison="exact" if oq == nq == "exact" else "inexact",
            )
        )

    assert change("40", "exact", "52", "at_least") == ("↑", "up", "≥+12")
    assert change("40", "at_most", "30", "exact") == (
        "?",
        "flat",
        "≥-10 方向不定 direction unknown",
    )
    assert change("40", "at_least", "30", "exact") == ("↓", "down", "≤-10")
    assert change("40", "at_least", "30", "at_most") == ("↓", "down", "≤-10")
    assert change("40", "approximately", "50", "exact") == ("↑", "up", "≈+10（+25%）")
    assert change("40", "exact", "40", "exact") == ("→", "flat", "+0（+0%）")


def test_diff_of_a_report_with_itself_says_identical(old: rm.Report) -> None:
    doc = assert_well_formed(rm.html_diff(old, old))
    assert "两份报告内容相同" in doc.text()
    assert not doc.find_all("table")


def test_diff_view_escapes_hostile_text(old: rm.Report) -> None:
    doc = assert_well_formed(rm.html_diff(old, hostile()))
    assert SCRIPT in doc.text()
    assert "⟦U+202E⟧" in doc.text()


# The trend view -------------------------------------------------------------------------------


def test_trend_view_draws_one_chart_per_figure_with_gaps(old: rm.Report, new: rm.Report) -> None:
    comparison = rm.compare([new, old])
    doc = assert_well_formed(rm.html_trend(comparison))
    charts = doc.find_all("svg")
    assert len(charts) == len(comparison.indicators)
    for svg, trend in zip(charts, comparison.indicators, strict=True):
        assert svg.attrs["role"] == "img"
        assert trend.label in svg.find_all("title")[0].text()
        gaps = [c for c in svg.find_all("circle") if "gap" in c.classes()]
        assert len(gaps) == len(trend.gaps)
        dots = [c for c in svg.find_all("circle") if "dot" in c.classes()]
        assert len(dots) == len(trend.points) - len(trend.gaps)
    assert any(trend.gaps for trend in comparison.indicators)
    captions = [t.find_all("caption")[0].text() for t in doc.find_all("table")]
    assert any("数据一览" in c for c in captions)
    assert any("安排" in c for c in captions)
    assert any("不足" in c for c in captions)


def test_trend_chart_breaks_the_line_at_a_gap(old: rm.Report) -> None:
    from rol_model.trends._compare import IndicatorTrend, TrendPoint
    from rol_model.views._html_trend import chart

    trend = IndicatorTrend(
        label="检查",
        unit="次",
        points=(
            TrendPoint(year=2021, value=Decimal(3)),
            TrendPoint(year=2022, value=Decimal(5)),
            TrendPoint(year=2023),
            TrendPoint(year=2024, value=Decimal(4)),
            TrendPoint(year=2025, value=Decimal(8), qualifier="at_least"),
        ),
    )
    drawn = chart(trend)
    assert len(drawn.lines) == 2
    assert drawn.gaps[0][1] == 2023
    assert [d.label for d in drawn.dots] == ["3", "5", "4", "≥8"]
    assert min(d.y for d in drawn.dots) == drawn.dots[-1].y  # the largest value is highest
    assert drawn.baseline > max(d.y for d in drawn.dots)


def test_trend_view_escapes_hostile_text(old: rm.Report) -> None:
    evil = attrs.evolve(hostile(), year=2024)
    doc = assert_well_formed(rm.html_trend(rm.compare([old, evil], mixed_bodies=True)))
    assert "⟦U+202E⟧" in doc.text()


# Command line, packaging, missing extra -------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_rol_render_writes_an_html_file(tmp_path: Path, old: rm.Report) -> None:
    target = tmp_path / "report.html"
    assert run("render", str(OLD), "--format", "html", "-o", str(target))[0] == 0
    assert target.read_text("utf-8") == rm.html_report(old)


def test_rol_diff_and_trend_write_html(tmp_path: Path) -> None:
    code, out, _ = run("diff", str(OLD), str(NEW), "--format", "html")
    assert code == 1
    assert out.startswith("<!DOCTYPE html>")
    assert_well_formed(out)
    target = tmp_path / "trend.html"
    code, out, _ = run("trend", str(OLD), str(NEW), "--format", "html", "-o", str(target))
    assert code == 0
    assert out == ""
    assert_well_formed(target.read_text("utf-8"))


def test_rol_diff_html_to_an_unwritable_place_is_an_error(tmp_path: Path) -> None:
    code, _, err = run("diff", str(OLD), str(NEW), "--format", "html", "-o", str(tmp_path))
    assert code == 2
    assert str(tmp_path) in err


def test_templates_are_package_data() -> None:
    from importlib.resources import files

    names = {p.name for p in files("rol_model.views").joinpath("templates").iterdir()}
    assert {"base.html.j2", "report.html.j2", "diff.html.j2", "trend.html.j2"} <= names


def test_missing_jinja2_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, old: rm.Report) -> None:
    _html_base.environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        with pytest.raises(rm.RolModelError, match=r"rol-model\[html\]"):
            rm.html_report(old)
    finally:
        _html_base.environment.cache_clear()


def test_rol_check_writes_the_check_view(tmp_path: Path, old: rm.Report) -> None:
    target = tmp_path / "check.html"
    code, out, _ = run("check", str(OLD), "--format", "html", "-o", str(target))
    assert code == 1  # the Wusu report has error-level findings
    assert out == ""
    page = target.read_text("utf-8")
    assert page == rm.html_check(old, rm.check(old), profile="national")
    code, out, _ = run("check", str(OLD), "--format", "html")
    assert out == page
