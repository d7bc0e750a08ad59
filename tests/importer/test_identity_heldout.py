"""Three rules of a report's identity, added after the held-out real set (tests/fixtures/real 91-99,
33) showed them; tested here on texts written for the rule, not on those fixtures."""

from __future__ import annotations

import rol_model as rm

BODY = (
    "\n一、主要举措和成效\n（一）加强组织领导。全年召开专题会议4次。\n"
    "二、存在的不足\n一是学法用法还不够深入。\n"
)


def test_a_lead_clause_before_the_year_does_not_hide_the_subject() -> None:
    text = (
        "根据上级关于法治建设年度报告制度的部署，2024年，南湖街道以学习贯彻习近平法治思想为主线，"
        "全面推进法治政府建设。现将有关情况报告如下：" + BODY
    )
    result = rm.import_text(text)
    assert result.report.organization.name == "南湖街道办事处"
    assert result.report.year == 2024
    assert any(i.code == "import.title-missing" for i in result.warnings)


def test_a_category_tag_before_the_title_is_removed_with_a_warning() -> None:
    text = "【2024年】区农业农村局2024年度法治政府建设情况报告\n2024年，我局坚持依法行政。" + BODY
    result = rm.import_text(text)
    assert result.report.title == "区农业农村局2024年度法治政府建设情况报告"
    assert result.report.organization.name == "区农业农村局"
    assert any("category tag" in i.message for i in result.warnings)


def test_a_party_committee_glued_to_the_government_gives_the_government() -> None:
    text = "中共北山县委北山县人民政府关于2024年度法治政府建设情况的报告\n市委、市政府：\n" + BODY
    result = rm.import_text(text)
    assert result.report.organization.name == "北山县人民政府"


def test_a_means_phrase_with_a_plans_word_does_not_make_a_plans_part() -> None:
    from rol_model.importer._parts import classify_part

    assert classify_part("以群众满意为目标，依法行政水平持续提升", 2024)[0] == "measures"
    assert classify_part("2025年工作目标", 2024)[0] == "plans"
    assert classify_part("下一步工作计划", 2024)[0] == "plans"
