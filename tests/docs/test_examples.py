"""The bundled example report: valid, canonical, and faithful to the seed report it models."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

import rol_model
from rol_model import Measure, Plan, Shortcoming
from rol_model.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"
SEED = ROOT.parent / "shared" / "seeds" / "wusu-education-2023.txt"
BUILDER = ROOT / "tools" / "build_wusu_example.py"

# (id, value, unit, qualifier, source): the nine figures of the seed report, as annotated in
# shared/corpus/wusu-education-2023.expected.json.
EXPECTED_INDICATORS = [
    ("m3.3-i1", Decimal(100), "%", "exact", "聘请率达到100％"),
    ("m4.2-i1", Decimal(40), "次", "exact", "违规变形培训专项检查40次"),
    ("m4.2-i2", Decimal(12), "份", "exact", "下发各类整改通知书12份"),
    ("m4.3-i1", Decimal(11), "件", "exact", "共办结网上信访11件"),
    ("m4.3-i2", Decimal(40), "件", "at_least", "智慧服务平台反映40余件"),
    ("m4.3-i3", Decimal(11), "人次", "exact", "接待来局咨询相关事宜11人次"),
    ("m4.3-i4", Decimal(20), "人次", "at_least", "投诉反映情况20余人次"),
    ("m5.3-i1", Decimal(300), "次", "at_least", "专题活动达300余次"),
    ("m5.3-i2", Decimal(30000), "人", "at_least", "受教育学生达3万余人"),
]


@pytest.fixture(scope="module")
def report() -> rol_model.Report:
    return rol_model.load(EXAMPLE)


def _seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("shared/ corpus not found beside the repository")
    return SEED.read_text(encoding="utf-8")


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_wusu_example", BUILDER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_validates_with_the_cli() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(EXAMPLE)], out, err) == 0, out.getvalue() + err.getvalue()


def test_example_has_no_schema_issue() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"), parse_float=Decimal)
    assert rol_model.validate(document) == []


def test_example_dumps_back_byte_for_byte(report: rol_model.Report) -> None:
    assert rol_model.dumps(report).encode("utf-8") == EXAMPLE.read_bytes()


def test_example_metadata(report: rol_model.Report) -> None:
    assert report.title == "乌苏市教育和科学技术局2023年法治政府建设情况报告"
    assert report.organization == rol_model.Organization(
        name="乌苏市教育和科学技术局",
        region="新疆维吾尔自治区塔城地区乌苏市",
        level="county",
        kind="department",
    )
    assert report.year == 2023
    assert report.source == rol_model.Source(file="wusu-education-2023.txt", encoding="utf-8")
    assert report.preamble is not None
    assert report.preamble.text.startswith("2023年，在市委、市政府的坚强领导下")
    assert report.extensions == {}


def test_example_outline_has_the_reports_parts_and_items(report: rol_model.Report) -> None:
    assert [(p.kind, p.marker, p.heading) for p in report.parts] == [
        ("measures", "一、", "本年度推进法治政府建设的主要举措和成效"),
        ("shortcomings", "二、", "存在的不足"),
        ("plans", "三、", "2024年推进法治政府建设的主要安排"),
    ]
    assert [m.marker for m in report.measures] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    for measure in report.measures:
        assert [c.marker for c in measure.children] == ["1.", "2.", "3."]
        assert all(not c.children for c in measure.children)
    assert [s.marker for s in report.shortcomings] == ["一是", "二是", "三是", "四是"]
    assert [p.marker for p in report.plans] == ["（一）", "（二）", "（三）"]
    assert report.leadership is None
    assert report.causes == ()
    assert report.other_matters == ()


def test_example_ids_follow_the_outline(report: rol_model.Report) -> None:
    ids = [node.id for _, node in rol_model.iter_nodes(report)]
    measures = [f"m{i}{suffix}" for i in range(1, 6) for suffix in ("", ".1", ".2", ".3")]
    assert ids == [*measures, "s1", "s2", "s3", "s4", "p1", "p2", "p3"]


def test_example_headings_are_lead_sentences_without_their_stop(report: rol_model.Report) -> None:
    first = report.measures[0]
    assert first.heading == "强化组织领导，确保法治教育顺利推进"
    assert first.text is None
    assert first.children[0].heading == "积极构建法治建设网络，全面提高教育系统普法效能"
    assert first.children[0].text is not None
    assert first.children[0].text.startswith("市教科局高度重视法治建设工作")
    assert [s.heading for s in report.shortcomings] == [
        "工作人员法治意识和能力有待提高",
        "教育行政执法体系有待完善",
        "法治建设举措有待创新",
        None,
    ]
    assert [p.heading for p in report.plans] == ["强化依法决策", "抓好法治培训", "强化部门协同"]
    for _, node in rol_model.iter_nodes(report):
        assert isinstance(node, (Measure, Shortcoming, Plan))
        assert node.marker is not None
        assert node.marker not in (node.heading or "")
        assert not (node.heading or "").endswith("。")


def test_example_has_exactly_the_nine_figures(report: rol_model.Report) -> None:
    found = [
        (i.id, i.value, i.unit, i.qualifier, i.source) for _, i in rol_model.iter_indicators(report)
    ]
    assert found == EXPECTED_INDICATORS
    assert all(i.period is None and i.label for _, i in rol_model.iter_indicators(report))


def test_example_figures_sit_on_the_item_that_states_them(report: rol_model.Report) -> None:
    for _, node in rol_model.iter_nodes(report):
        for indicator in node.indicators:
            assert indicator.id.startswith(f"{node.id}-i")
            assert node.text is not None
            assert indicator.source in node.text


def test_example_references_list_every_citation_in_order(report: rol_model.Report) -> None:
    cited = 0
    for _, node in rol_model.iter_nodes(report):
        assert list(node.references) == re.findall(r"《([^《》]+)》", node.text or "")
        cited += len(node.references)
    assert cited == 11
    assert report.measures[2].children[2].references == ("中小学法治副校长聘任与管理办法",)


def test_example_line_ranges_point_into_the_seed(report: rol_model.Report) -> None:
    lines = _seed_text().split("\n")
    for _, node in rol_model.iter_nodes(report):
        assert isinstance(node, (Measure, Shortcoming, Plan))
        assert node.lines is not None
        source = "".join(lines[node.lines.start - 1 : node.lines.end])
        for piece in (node.marker, node.heading, node.text):
            assert piece is None or piece in source, (node.id, piece)


def test_example_keeps_every_character_of_the_seed(report: rol_model.Report) -> None:
    """All seed text but layout residue is in the example, in order; only run-in 。 go."""
    seed = re.sub(r"\[bookmark: [^\]]*\]", "", _seed_text())
    seed = re.sub(r"\s", "", seed)  # indentation, line breaks, the title's leading space
    assert report.preamble is not None
    pieces = [report.title, report.preamble.text]
    nodes = list(rol_model.iter_nodes(report))
    run_ins = 0
    for index, part in enumerate(report.parts):
        pieces += [part.marker or "", part.heading or "", part.text or ""]
        for where, node in nodes:
            if not where.startswith(f"/parts/{index}/"):
                continue
            assert isinstance(node, (Measure, Shortcoming, Plan))
            assert node.lines is not None
            # A heading with text on the same line is a run-in lead sentence that ended in 。
            run_in = bool(node.heading and node.text and node.lines.start == node.lines.end)
            run_ins += run_in
            pieces += [node.marker or "", node.heading or "", "。" * run_in, node.text or ""]
    assert "".join(pieces) == seed
    assert run_ins == 15 + 3


def test_builder_reproduces_the_committed_example() -> None:
    builder = _builder()
    built = builder.build(_seed_text())
    assert rol_model.dumps(built).encode("utf-8") == EXAMPLE.read_bytes(), (
        "run: python tools/build_wusu_example.py"
    )
