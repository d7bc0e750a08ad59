"""A portal's metadata rows written as a list or with letter-spaced keys are page metadata.

Portal pages justify the keys of their metadata table to a cell's width (``索 引 号:``,
``发 布 机 构:``) and list the rows with a dash or another bullet (``- 索引号: …``); such a row is
recognised as ``索引号: …`` is, and the values read from it are the same.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rol_model.importer import ImportResult, import_text
from rol_model.importer._source import chrome_kind, metadata_row_text
from rol_model.text import fold

TITLE = "某某区2024年法治政府建设年度报告"
BODY = (
    "一、主要工作\n（一）加强学习。组织学习3次。\n（二）规范执法。开展执法检查5次。\n"
    "二、存在的问题\n学习还不够深入。\n"
)
# a title and body that name no reporting body: only the page's 发布机构 row does
UNNAMED_TITLE = "2024年度法治政府建设情况报告"


def residue_lines(result: ImportResult) -> set[int]:
    return {w.line for w in result.warnings if w.code == "import.residue" and w.line is not None}


@pytest.mark.parametrize(
    "line",
    [
        "索 引 号: 11420200/2025-00012",
        "索 引 号：11420200/2025-00012",
        "名 称: 某某区2024年法治政府建设年度报告",
        "名    称：某某区2024年法治政府建设年度报告",
        "标 题：某某区2024年法治政府建设年度报告",
        "发 布 机 构: 某某区司法局",
        "发　布　机　构：某某区司法局",
        "主 题 分 类:",
        "成 文 日 期 : 2025-02-20",
        "统 一 登 记 号：ABCD01-2025-0003",
        "- 索 引 号: 000014348/2025-00031",
        "- 索引号: 000014348/2025-00031",
        "* 发布机构: 某某区司法局",
        "– 成文日期: 2025-02-20",
        "— 发文日期：2025年2月20日",
        "• 名 称: 某某区2024年法治政府建设年度报告",
        "· 主 题 分 类: 司法",
        "● 有 效 性: 有效",
        "▪ 公开方式: 主动公开",
        "◆ 文 号: 某司发〔2025〕3号",
        "－ 发布机构：某某区司法局",
    ],
)
def test_listed_and_letter_spaced_rows_are_page_metadata(line: str) -> None:
    assert chrome_kind(fold(line)) == "page metadata"


@pytest.mark.parametrize(
    "line",
    [
        "- 加强组织领导,压实工作责任。",
        "- 加强组织领导",
        "—— 加强组织领导,压实工作责任",
        "* 全年办理行政复议案件12件",
        "- 时间:2024年全年,共开展培训12次。",
        "- 一是: 加强学习",
        "一 是: 加强学习",
        "名称:某某区2024年法治政府建设年度报告",
        "工作 要点: 加强学习",
        "——发布机构:某某区司法局",
    ],
)
def test_text_led_by_a_dash_or_spaced_words_stays_content(line: str) -> None:
    assert chrome_kind(fold(line)) is None


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("发 布 机 构: 某某区司法局", "发布机构: 某某区司法局"),
        ("- 发 布 机 构：某某区司法局", "发布机构：某某区司法局"),
        ("* 成文日期: 2025-02-20", "成文日期: 2025-02-20"),
        ("索 引 号: 1 发 布 机 构: 某某局", "索引号: 1 发布机构: 某某局"),
        ("发　布　机　构：某某区司法局", "发布机构：某某区司法局"),
        ("- 加强组织领导,压实责任。", "- 加强组织领导,压实责任。"),
        ("一 是: 加强学习", "一 是: 加强学习"),
    ],
)
def test_a_row_is_read_as_its_plain_form(line: str, plain: str) -> None:
    assert metadata_row_text(line) == plain


def test_a_letter_spaced_name_row_before_the_title_is_no_title() -> None:
    text = (
        "索 引 号: 11420200/2025-00012\n"
        "名 称: 某某区2024年法治政府建设年度报告(某某区人民政府)\n"
        "发 布 机 构: 某某区人民政府\n"
        "主 题 分 类:\n" + TITLE + "\n" + BODY
    )
    result = import_text(text)
    assert result.report.title == TITLE
    assert result.report.year == 2024
    assert "名" not in result.report.organization.name
    assert len(result.report.parts) == 2
    assert {1, 2, 3, 4} <= residue_lines(result)


def test_dash_bulleted_rows_are_set_aside_and_reported() -> None:
    text = (
        "- 索 引 号: 000014348/2025-00031\n"
        "- 名 称: " + TITLE + "\n"
        "- 发布机构: 某某区司法局\n"
        "- 成文日期: 2025-02-20\n" + TITLE + "\n" + BODY
    )
    result = import_text(text)
    assert result.report.title == TITLE
    assert result.report.published_on == dt.date(2025, 2, 20)
    assert {1, 2, 3, 4} <= residue_lines(result)
    messages = [w.message for w in result.warnings if w.code == "import.residue"]
    assert any("- 名 称:" in message for message in messages)


def _identity(key: str, date_key: str) -> tuple[object, ...]:
    text = (
        "索引号：11420200/2025-00012\n"
        f"{key}某某区司法局\n"
        f"{date_key}2025-02-20\n"
        f"{UNNAMED_TITLE}\n" + BODY
    )
    result = import_text(text)
    source = next(w for w in result.warnings if w.code == "import.organization-source")
    return (
        result.report.title,
        result.report.organization,
        result.report.year,
        result.report.published_on,
        source.message,
        source.line,
    )


@pytest.mark.parametrize(
    ("key", "date_key"),
    [
        ("发 布 机 构：", "成 文 日 期："),
        ("发   布   机   构 ：", "发 文 日 期: "),
        ("- 发 布 机 构: ", "- 成文日期: "),
        ("* 发布机构:", "– 发布日期:"),
        ("• 发 布 机 构：", "— 成 文 日 期："),
    ],
)
def test_a_spaced_or_listed_organization_row_gives_the_plain_rows_result(
    key: str, date_key: str
) -> None:
    plain = _identity("发布机构：", "成文日期：")
    assert plain[1] is not None
    assert getattr(plain[1], "name", None) == "某某区司法局"
    assert plain[3] == dt.date(2025, 2, 20)
    assert _identity(key, date_key) == plain


def test_a_dash_led_sentence_stays_in_the_report() -> None:
    text = (
        TITLE + "\n一、主要工作\n"
        "- 加强组织领导,压实工作责任,全年召开专题会议4次。\n"
        "- 时间:2024年全年,共开展法治培训12次。\n"
        "二、存在的问题\n学习还不够深入。\n"
    )
    result = import_text(text)
    report_text = str(result.report)
    assert "加强组织领导" in report_text
    assert "开展法治培训12次" in report_text
    assert not residue_lines(result)


# A metadata list also holds rows whose key we do not know (备注/文号, 公文生成日期): beside a
# known row listed with the same bullet, such a row is page metadata too.
LISTED_PAGE = (
    "- 索引号: 000123/2024-00007\n"
    "- 文号/备注: 某政办〔2024〕12号\n"
    "- 发布机构: 某某县人民政府\n"
    "- 生成日期: 2024-03-05\n"
    "县人大常委会：\n"
    "2023年，我县持续推进法治政府建设，现将有关情况报告如下。\n" + BODY
)


def test_unknown_keys_inside_a_metadata_list_are_page_metadata_too() -> None:
    result = import_text(LISTED_PAGE)
    assert residue_lines(result) >= {1, 2, 3, 4}
    assert result.report.organization.name == "某某县人民政府"
    assert result.report.year == 2023
    assert any(w.code == "import.title-missing" for w in result.warnings)
    assert "〔2024〕" not in result.report.title


@pytest.mark.parametrize(
    "text",
    [
        # a listed key-value row of the report itself, with no metadata row beside it
        TITLE + "\n- 目标: 全面提升依法行政水平\n2024年，我区持续推进法治政府建设。\n" + BODY,
        # beside a metadata row, but listed with another bullet
        TITLE + "\n- 索引号: 000123/2024-00007\n* 目标: 全面提升依法行政水平\n"
        "2024年，我区持续推进法治政府建设。\n" + BODY,
        # beside a metadata row, but a sentence
        TITLE + "\n- 索引号: 000123/2024-00007\n- 目标: 全面提升依法行政水平，完成全年任务。\n"
        "2024年，我区持续推进法治政府建设。\n" + BODY,
    ],
)
def test_a_listed_row_stays_content_without_a_metadata_row_of_its_list(text: str) -> None:
    result = import_text(text)
    lines = text.split("\n")
    target = next(n for n, line in enumerate(lines, start=1) if "目标" in line)
    assert target not in residue_lines(result)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a breadcrumb however it starts: three or more short pieces joined by arrows
        ("7首页 > 政务公开 > 年度法治政府建设情况报告", "breadcrumb"),
        ("当前栏目 › 信息公开 › 法治政府建设年度报告", "breadcrumb"),
        ("您的位置：首页>通知公告>正文", "breadcrumb"),
        ("首页 > 政务公开", "breadcrumb"),
        # text with an arrow or a greater-than sign stays content
        ("群众满意度>90%，较上年提高2个百分点。", None),
        ("立案 > 审查 > 决定，形成闭环管理", None),
        ("某某区 > 某某街道", None),
    ],
)
def test_a_breadcrumb_is_recognised_by_its_arrows(line: str, kind: str | None) -> None:
    assert chrome_kind(fold(line)) == kind


def test_a_breadcrumb_above_the_title_leaves_the_title_to_the_title_line() -> None:
    text = (
        "2首页 > 政务公开 > 年度法治政府建设情况报告\n"
        + TITLE
        + "\n2024年，我区持续推进。\n"
        + BODY
    )
    result = import_text(text)
    assert result.report.title == TITLE
    # skipped as page chrome, not merely as text above the title (which it was before the rule)
    residue = [w for w in result.warnings if w.code == "import.residue" and w.line == 1]
    assert [w.message.split(":")[0] for w in residue] == ["skipped web page residue (breadcrumb)"]
    assert residue[0].severity == "info"
