"""render(report): the official layout, and import_text(render(r)) giving back r's content."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.text import chinese_number
from rol_model.views._layout import DEFAULT_HEADINGS as _DEFAULT_HEADINGS
from strategies import examples

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ORDER = {"measures": 0, "shortcomings": 1, "leadership": 2, "plans": 3, "other": 4}


def _nodes(part: Any) -> tuple[Any, ...]:
    for field in ("measures", "shortcomings", "plans", "items"):
        if hasattr(part, field):
            return tuple(getattr(part, field))
    return ()  # pragma: no cover


def _outline(nodes: tuple[Any, ...]) -> list[Any]:
    return [
        (
            node.heading,
            node.text,
            [(i.value, i.unit, i.qualifier) for i in node.indicators],
            node.references,
            _outline(node.children),
        )
        for node in nodes
    ]


def _content(report: rm.Report) -> Any:
    """What a round trip must keep: part kinds in the regulation's order, headings, texts,
    outline, figures (value, unit, qualifier), references and causes; not markers, ids, lines."""
    parts = sorted(report.parts, key=lambda part: ORDER[part.kind])
    return (
        report.title,
        report.organization.name,
        report.year,
        report.preamble.text if report.preamble else None,
        [
            (
                part.kind,
                part.heading or _DEFAULT_HEADINGS[part.kind],  # rendered under the default
                part.text,
                [(i.value, i.unit, i.qualifier) for i in part.indicators],
                _outline(_nodes(part)),
                [c.text for c in getattr(part, "causes", ())],
            )
            for part in parts
        ],
    )


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
@pytest.mark.parametrize("format", ["text", "markdown"])
def test_every_corpus_report_survives_render_and_import(path: Path, format: str) -> None:
    report = rm.import_file(path).report
    again = rm.import_text(rm.render(report, format)).report  # type: ignore[arg-type]
    assert _content(again) == _content(report)
    assert [c.shortcoming_ids for c in again.causes] == [c.shortcoming_ids for c in report.causes]


def test_parts_come_in_the_regulations_order_and_outline_markers_by_depth() -> None:
    report = rm.import_file(CORPUS / "02-zeyang-ecology-leader-first-2023.txt").report
    assert report.parts[0].kind == "leadership"
    text = rm.render(report)
    assert all(line.startswith("\u3000\u3000") for line in text.splitlines()[1:])
    lines = [line.removeprefix("\u3000\u3000") for line in text.splitlines()]
    assert lines[0] == report.title
    headings = [line for line in lines if line[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert headings == [
        "一、2023年度推进法治政府建设的主要举措和成效",
        "二、存在的不足及原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2024年度工作计划",
    ]
    assert "（三）严格规范生态环境执法" in lines
    # 一是 becomes the depth-2 marker; the heading runs into its paragraph, its 。 kept
    assert any(line.startswith("1.规范执法程序。") for line in lines)


def test_markdown_marks_headings_by_depth() -> None:
    report = rm.import_file(CORPUS / "06-lingxi-market-regulation-province-2024.txt").report
    text = rm.render(report, "markdown")
    assert text.startswith(f"# {report.title}\n\n")
    assert "\n## 一、2024年推进法治政府建设的主要举措和成效\n" in text
    assert "\n### （一）坚持党的全面领导，法治建设责任体系更加健全\n" in text
    assert "\n#### 1.完善法治建设领导体制\n" in text
    assert "\n##### （1）健全领导机构\n" in text


def test_a_part_without_heading_gets_the_regulations_wording_and_a_signature_closes() -> None:
    report = rm.Report(
        title="某某县司法局2023年度法治政府建设情况报告",
        organization=rm.Organization(name="某某县司法局"),
        year=2023,
        issued_on=dt.date(2024, 2, 1),
        parts=(rm.OtherPart(text="无。"),),
    )
    text = rm.render(report)
    assert text.splitlines() == [
        "某某县司法局2023年度法治政府建设情况报告",
        "\u3000\u3000一、其他需要报告的情况",
        "\u3000\u3000无。",
        "某某县司法局",
        "2024年2月1日",
    ]
    again = rm.import_text(text).report
    assert again.issued_on == dt.date(2024, 2, 1)
    assert again.parts[0].kind == "other"


def test_an_unknown_format_is_a_value_error() -> None:
    report = rm.import_file(CORPUS / "wusu-education-2023.txt").report
    with pytest.raises(rm.UnsupportedFormatError, match="unknown render format"):
        rm.render(report, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "words"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九")]
)
def test_chinese_numbers_for_markers(number: int, words: str) -> None:
    assert chinese_number(number) == words


def test_rol_render_prints_or_writes_the_text(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    rm.dump(rm.import_file(CORPUS / "wusu-education-2023.txt").report, source)
    out, err = io.StringIO(), io.StringIO()
    assert main(["render", str(source)], out, err) == 0
    assert out.getvalue().startswith("乌苏市教育和科学技术局2023年法治政府建设情况报告\n")
    target = tmp_path / "r.md"
    assert main(["render", str(source), "--format", "markdown", "-o", str(target)], out, err) == 0
    assert target.read_text(encoding="utf-8").startswith("# 乌苏市")
    assert main(["render", str(tmp_path / "missing.json")], out, err) == 2


# --- round trip of generated reports ------------------------------------------------------------
#
# The generated reports keep to what the text layout can carry (docs/import.md, "Round trip"):
# headings are one line without closing punctuation; a text's first sentence is longer than a
# run-in heading (40 characters); texts hold no outline markers, no 一是 enumerations and no
# cause wording; every figure is written in a clause of its own, so its phrase is its source.

FILLER = (
    "法治政府建设依法行政执法监督普法教育学校市县镇人民举措成效工作推进落实完善健全强"
    "化规范服务管理机制制度培训宣传队伍能力水平质量效率群众企业社会环境公共安全保障权"
    "益纠纷化解调解复议诉讼审查备案清理公开透明决策程序合法科学民主"
)
fillers = st.text(st.sampled_from(FILLER), min_size=20, max_size=30)
headings = st.text(st.sampled_from(FILLER), min_size=4, max_size=20)
labels = st.text(st.sampled_from(FILLER), min_size=2, max_size=5)
UNITS = ("次", "件", "项", "人次", "个", "名", "场", "%", "个百分点")


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, Decimal, str, rm.Qualifier]:
    """A figure phrase and what it states: (phrase, value, unit, qualifier)."""
    label = draw(labels)
    unit = draw(st.sampled_from((*UNITS, "万元")))
    if draw(st.booleans()):
        number = str(draw(st.integers(2, 99999)))
    else:
        number = f"{draw(st.integers(1, 999))}.{draw(st.integers(1, 9))}"
    qualifier: rm.Qualifier = draw(
        st.sampled_from(("exact", "at_least", "approximately", "at_most"))
    )
    value = Decimal(number)
    shown_unit = unit
    if unit == "万元":
        value *= 10000
        shown_unit = "元"
    if value == value.to_integral_value():
        value = Decimal(int(value))
    middle = unit
    prefix = suffix = ""
    if qualifier == "at_least":
        suffix = "以上"
    elif qualifier == "approximately":
        prefix = "约"
    elif qualifier == "at_most":
        prefix = "近"
    return f"{label}{prefix}{number}{middle}{suffix}", value, shown_unit, qualifier


@st.composite
def paragraphs(draw: st.DrawFn, owner: str, indicators: list[rm.Indicator]) -> str:
    """One to two paragraphs of sentences, each sentence maybe stating a figure."""
    out = []
    for _ in range(draw(st.integers(1, 2))):
        sentences = []
        for _ in range(draw(st.integers(1, 2))):
            figure = draw(st.none() | figures())
            middle = ""
            if figure is not None:
                phrase, value, unit, qualifier = figure
                middle = f"，{phrase}"
                indicators.append(
                    rm.Indicator(
                        id=f"{owner}-i{len(indicators) + 1}",
                        label=phrase[:2],
                        value=value,
                        unit=unit,
                        source=phrase,
                        qualifier=qualifier,
                    )
                )
            sentences.append(f"{draw(fillers)}，{draw(fillers)}{middle}，{draw(fillers)}。")
        out.append("".join(sentences))
    return "\n".join(out)


NODE_CLASSES: dict[str, Any] = {
    "measures": rm.Measure,
    "shortcomings": rm.Shortcoming,
    "plans": rm.Plan,
    "leadership": rm.Item,
    "other": rm.Item,
}


@st.composite
def nodes(draw: st.DrawFn, kind: str, node_id: str, depth: int) -> Any:
    indicators: list[rm.Indicator] = []
    heading = draw(st.none() | headings)
    has_text = heading is None or draw(st.booleans())
    text = draw(paragraphs(node_id, indicators)) if has_text else None
    count = draw(st.integers(0, 3 if depth < 2 else 1)) if depth < 4 else 0
    children = tuple(
        draw(nodes(kind, f"{node_id}.{index}", depth + 1)) for index in range(1, count + 1)
    )
    return NODE_CLASSES[kind](
        id=node_id, heading=heading, text=text, indicators=tuple(indicators), children=children
    )


PART_HEADINGS = {
    "measures": ["主要举措和成效", "工作开展情况", "推进法治政府建设的主要举措和成效"],
    "shortcomings": ["存在的不足和原因", "存在的问题"],
    "leadership": ["党政主要负责人履行推进法治建设第一责任人职责情况"],
    "plans": ["下一步工作打算", "主要安排", "工作思路", "下一年度工作计划"],
    "other": ["其他需要报告的情况"],
}
PREFIX = {"measures": "m", "shortcomings": "s", "plans": "p", "leadership": "l", "other": "o"}


@st.composite
def reports(draw: st.DrawFn) -> rm.Report:
    kinds = draw(st.lists(st.sampled_from(list(ORDER)), min_size=1, max_size=5))
    parts: list[rm.Part] = []
    counters: dict[str, int] = {}
    causes_count = 0
    for index, kind in enumerate(kinds, start=1):
        indicators: list[rm.Indicator] = []
        text = draw(st.none() | paragraphs(f"part{index}", indicators))
        items = []
        for _ in range(draw(st.integers(0, 3))):
            counters[kind] = counters.get(kind, 0) + 1
            items.append(draw(nodes(kind, f"{PREFIX[kind]}{counters[kind]}", 1)))
        common: dict[str, Any] = {
            "heading": draw(st.sampled_from(PART_HEADINGS[kind])),
            "text": text,
            "indicators": tuple(indicators),
        }
        if kind == "measures":
            parts.append(rm.MeasuresPart(measures=tuple(items), **common))
        elif kind == "shortcomings":
            causes = []
            for _ in range(draw(st.integers(0, 3))):
                causes_count += 1
                cause_indicators: list[rm.Indicator] = []
                cause_id = f"c{causes_count}"
                cause_text = draw(paragraphs(cause_id, cause_indicators)).replace("\n", "")
                causes.append(
                    rm.Cause(id=cause_id, text=cause_text, indicators=tuple(cause_indicators))
                )
            parts.append(
                rm.ShortcomingsPart(shortcomings=tuple(items), causes=tuple(causes), **common)
            )
        elif kind == "plans":
            parts.append(rm.PlansPart(plans=tuple(items), **common))
        elif kind == "leadership":
            parts.append(rm.LeadershipPart(items=tuple(items), **common))
        else:
            parts.append(rm.OtherPart(items=tuple(items), **common))
    preamble_indicators: list[rm.Indicator] = []
    preamble_text = draw(st.none() | paragraphs("pre", preamble_indicators))
    organization = draw(st.sampled_from(["某某县司法局", "云山区卫生健康委员会", "柳溪镇人民政府"]))
    year = draw(st.integers(2015, 2030))
    return rm.Report(
        title=f"{organization}{year}年度法治政府建设情况报告",
        organization=rm.Organization(name=organization),
        year=year,
        issued_on=draw(st.none() | st.dates(dt.date(2016, 1, 1), dt.date(2031, 12, 31))),
        preamble=rm.Preamble(text=preamble_text, indicators=tuple(preamble_indicators))
        if preamble_text
        else None,
        parts=tuple(parts),
    )


def _sources(report: rm.Report) -> list[str]:
    return [indicator.source for _, indicator in rm.iter_indicators(report)]


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_a_generated_report_comes_back_from_its_rendered_text(report: rm.Report) -> None:
    rm.dumps(report)  # the generator makes valid reports
    for format in ("text", "markdown"):
        again = rm.import_text(rm.render(report, format)).report  # type: ignore[arg-type]
        assert _content(again) == _content(report)
        assert sorted(_sources(again)) == sorted(_sources(report))
        assert again.issued_on == report.issued_on


@settings(max_examples=examples(50), deadline=None)
@given(reports())
def test_rendering_an_imported_rendering_changes_nothing(report: rm.Report) -> None:
    text = rm.render(report)
    assert rm.render(rm.import_text(text).report) == text
