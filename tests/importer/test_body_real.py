"""Rules of the report body learnt from real published reports (issue 11): figures in words,
compound units, structural counts, inline items, masked markers, run-together paragraphs, cause
sentences and attachments carrying the year's data."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import rol_model as rm
from rol_model.model._classes import iter_indicators

HEAD = "某某县司法局2023年度法治政府建设情况报告\n2023年，我局扎实推进法治政府建设，现报告如下。\n"
TAIL = "二、存在的不足和原因\n执法力量仍显薄弱。\n三、2024年工作打算\n（一）加强学习培训。\n"


def _report(measures: str, tail: str = TAIL) -> Any:
    return rm.import_text(HEAD + "一、主要举措和成效\n" + measures + "\n" + tail).report


def _figures(sentence: str) -> list[tuple[Decimal, str, str, str]]:
    report = _report("（一）加强学习。" + sentence)
    return [(i.value, i.unit, i.qualifier, i.source) for _, i in iter_indicators(report)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("办案结案率达百分之九十七点五。", [(Decimal("97.5"), "%", "exact")]),
        ("群众满意率百分之百。", [(Decimal(100), "%", "exact")]),
        ("复议纠错率百分之三点零五。", [(Decimal("3.05"), "%", "exact")]),
        ("覆盖率达百分之九十九点〇两。", [(Decimal("99.02"), "%", "exact")]),
        ("经过两轮审议，方案出台。", [(Decimal(2), "轮", "exact")]),
        ("分七期对机关干部进行轮训。", [(Decimal(7), "期", "exact")]),
        ("召开专题会议三次。", [(Decimal(3), "次", "exact")]),
        ("覆盖十二个村。", [(Decimal(12), "个", "exact")]),
        ("覆盖群众两万余人。", [(Decimal(20000), "人", "at_least")]),
        ("办理1.2万余件。", [(Decimal(12000), "件", "at_least")]),
        ("成立五个专项小组。", [(Decimal(5), "个", "exact")]),
        ("宣讲8100余场(次)。", [(Decimal(8100), "场(次)", "at_least")]),
        ("培训2.4万人次。", [(Decimal(24000), "人次", "exact")]),
        ("走访企业320户次。", [(Decimal(320), "户次", "exact")]),
        ("投入资金15万元。", [(Decimal(150000), "元", "exact")]),
        ("建成调解室500平方米。", [(Decimal(500), "平方米", "exact")]),
        ("出水浓度0.5毫克/升。", [(Decimal("0.5"), "毫克/升", "exact")]),
        ("发现问题12个：均已整改。", [(Decimal(12), "个", "exact")]),
        ("备案从填报到提交不超过10分钟。", [(Decimal(10), "分钟", "at_most")]),
        ("连续5年获评优秀等次。", [(Decimal(5), "年", "exact")]),
    ],
)
def test_figures_in_words_mixed_forms_and_compound_units(
    sentence: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert [found[:3] for found in _figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "从三个方面推进依法行政。",
        "按照三个“一号工程”决策部署推进。",
        "坚决做到两个维护。",
        "落实三项制度：公示、记录、审核。",
        "编制“十四五”法治规划。",
        "第一，加强领导。",
        "实施二次供水改造。",
        "推动三次分配。",
        "连续三年度考核。",
        "落实3项制度：公示、记录、审核。",
        "明确两类事项：许可事项、备案事项。",
    ],
)
def test_structural_counts_slogans_and_ordinals_are_not_figures(sentence: str) -> None:
    assert _figures(sentence) == []


def test_a_figure_after_a_joining_word_keeps_the_noun_it_counts() -> None:
    found = _figures("设立调解中心和9个村级调解室，建成12个法律服务站。")
    assert found[0][3] == "9个村级调解室"
    found = _figures("建成9个村级调解室和12个法律服务站。")
    assert found[0][3] == "建成9个村级调解室"


def _items(report: Any) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []

    def walk(nodes: Any) -> None:
        for node in nodes:
            out.append((node.marker, (node.heading or "") + (node.text or "")))
            walk(node.children)

    walk(report.parts[0].measures)
    return out


def test_inline_numbered_points_split_into_items() -> None:
    report = _report("（一）强化监督：（1）自觉接受监督。（2）加强内部监督。（3）强化审计监督。")
    markers = [marker for marker, _ in _items(report)]
    assert markers == ["（一）", "（1）", "（2）", "（3）"]
    report = _report("（一）强化监督：1、自觉接受监督；2、加强内部监督。")
    assert [marker for marker, _ in _items(report)] == ["（一）", "1、", "2、"]


def test_inline_numbers_that_do_not_enumerate_stay_text() -> None:
    report = _report("（一）强化监督。全年办理1、2月份积压案件，比例为1.5%。")
    assert [marker for marker, _ in _items(report)] == ["（一）"]


def test_a_point_written_without_a_full_stop_before_it_continues_its_run() -> None:
    report = _report(
        "（一）加强领导。一是深入学习。组织学习。二是压实责任。定期听取汇报三是健全机制。出台意见。"
    )
    assert [marker for marker, _ in _items(report)] == ["（一）", "一是", "二是", "三是"]


def test_a_lone_first_point_at_a_text_cut_is_an_item() -> None:
    report = _report("（一）推进依法决策\n一是强化依法决策。", tail="")
    assert [marker for marker, _ in _items(report)] == ["（一）", "一是"]


def test_a_masked_marker_is_numbered_after_its_elder_sibling() -> None:
    result = rm.import_text(
        HEAD + "一、主要举措和成效\n（一）强化组织领导\n*.加强组织领导。调整领导小组。\n"
        "*.深化理论武装。组织专题学习。\n" + TAIL
    )
    items = _items(result.report)
    assert [marker for marker, _ in items] == ["（一）", "*.", "*."]
    assert [w.code for w in result.warnings].count("import.marker-masked") == 2
    assert result.report.measures[0].children[1].id == "m1.2"


def test_paragraphs_run_together_with_spaces_are_split_at_their_markers() -> None:
    intro = "现就2021年我局法治建设工作报告如下:"
    text = (
        "某某县教育局2021年度法治政府建设工作报告\n"
        + "2021年度，我局深化推动教育依法行政，努力提升依法治教能力和依法行政水平，"
        + "为全县教育事业健康发展提供良好的法治环境，取得了一定成效。"
        + intro
        + " 一、工作情况 (一)强化组织领导,确保法治教育顺利推进 我局高度重视法治建设工作，"
        + "将其纳入教育整体工作中，建立健全奖惩制度。\n"
    )
    report = rm.import_text(text).report
    assert report.parts[0].heading == "工作情况"
    assert report.measures[0].marker == "(一)"


def test_a_cause_sentence_is_one_cause_with_its_lead_in() -> None:
    tail = (
        "二、存在的不足和原因\n（一）执法力量不足。执法人员仅有5名。\n"
        "究其原因，主要是部分单位对法治建设重视不够，存在重业务、轻法治的现象。\n"
        "三、2024年工作打算\n（一）加强队伍建设。\n"
    )
    report = _report("（一）加强学习。", tail=tail)
    assert [c.text for c in report.causes] == [
        "究其原因，主要是部分单位对法治建设重视不够，存在重业务、轻法治的现象。"
    ]


def test_causes_listed_with_commas_stay_one_each() -> None:
    tail = (
        "二、存在的不足和原因\n（一）执法力量不足。执法人员仅有5名。\n"
        "究其原因，主要是执法培训组织得不够经常，执法人员补充渠道较窄，普法投入不足。\n"
        "三、2024年工作打算\n（一）加强队伍建设。\n"
    )
    report = _report("（一）加强学习。", tail=tail)
    assert len(report.causes) == 3


def test_an_attachment_list_without_figures_stays_cut() -> None:
    text = HEAD + "一、主要举措和成效\n（一）加强学习。\n" + TAIL
    text += "某某县司法局\n2024年3月8日\n附件：1.重大行政决策目录\n2.规范性文件目录\n"
    result = rm.import_text(text)
    assert [p.kind for p in result.report.parts] == ["measures", "shortcomings", "plans"]
    assert "import.attachment-data" not in [w.code for w in result.warnings]


def test_a_body_that_holds_the_leaders_duty_by_name_only_is_measures() -> None:
    report = rm.import_text(
        HEAD + "一、深入贯彻习近平法治思想，切实履行推进法治政府建设职责\n（一）加强学习。\n" + TAIL
    ).report
    assert report.parts[0].kind == "measures"
    report = rm.import_text(
        HEAD + "一、主要举措和成效\n（一）加强学习。\n"
        "二、主要负责人履行推进法治建设职责情况\n局长带头学法。\n"
        + TAIL.replace("二、", "三、").replace("三、2024", "四、2024")
    ).report
    assert report.parts[1].kind == "leadership"


def test_an_intro_and_one_lead_paragraph_give_one_unnumbered_item() -> None:
    report = rm.import_text(
        HEAD + "一、加强党的领导，确保正确方向\n"
        "局党组坚持和加强党对法治政府建设的领导，切实履行职责，推动各项工作落实落地。\n"
        "深入学习宣传贯彻习近平法治思想。局党组把学习贯彻作为重大政治任务，多次专题学习。\n"
    ).report
    assert [(node.marker, node.heading) for node in report.measures] == [
        (None, "深入学习宣传贯彻习近平法治思想")
    ]
    narrative = rm.import_text(
        HEAD + "一、加强党的领导，确保正确方向\n"
        "局党组坚持和加强党对法治政府建设的领导，切实履行职责，推动各项工作落实落地。\n"
        "全年召开党组会议12次，研究法治工作事项。\n"
    ).report
    assert narrative.measures == ()


def test_a_cause_lead_alone_on_its_line_is_no_cause() -> None:
    tail = (
        "二、存在的不足和原因\n（一）执法力量不足。执法人员仅有5名。\n产生上述问题的原因：\n"
        "一是培训不够经常；\n二是投入不足。\n三、2024年工作打算\n（一）加强队伍建设。\n"
    )
    report = _report("（一）加强学习。", tail=tail)
    assert [c.text for c in report.causes] == ["培训不够经常；", "投入不足。"]
