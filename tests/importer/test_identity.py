"""A report's identity and its page chrome: title, reporting body, year, genre (issue 11)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from rol_model import InvalidReportError
from rol_model.cli import main
from rol_model.importer import ImportResult, import_text

BODY = "一、主要工作\n（一）加强学习。组织学习3次。\n二、存在的问题\n学习还不够深入。\n"


def codes(result: ImportResult) -> list[str]:
    return [warning.code for warning in result.warnings]


def warning(result: ImportResult, code: str) -> str:
    return next(str(w) for w in result.warnings if w.code == code)


# --- the reporting body ---------------------------------------------------------------------


def test_the_subject_of_the_opening_sentence_is_the_body_with_its_line() -> None:
    result = import_text(
        "2022年，国家林业和草原局坚持以习近平法治思想为指导，推进法治建设。\n" + BODY
    )
    assert result.report.organization.name == "国家林业和草原局"
    assert result.report.year == 2022
    source = next(w for w in result.warnings if w.code == "import.organization-source")
    assert source.line == 1
    assert source.severity == "warning"
    assert "opening sentence" in source.message
    assert "import.title-missing" in codes(result)


@pytest.mark.parametrize(
    ("opening", "body"),
    [
        ("2019年，在省委、省政府的正确领导下，南昌县全面贯彻党的精神。", "南昌县人民政府"),
        ("2025年，大中街道在区委、区政府的坚强领导下，扎实推进依法行政。", "大中街道办事处"),
        ("2022年，管城回族区法治政府建设工作在市委领导下扎实推进。", "管城回族区人民政府"),
        ("2017年，原环境保护部深入学习宣传贯彻党的十九大精神。", "原环境保护部"),
        ("2022年，應(yīng)急管理部堅持以習近平法治思想為指導。", "應急管理部"),
    ],
)
def test_a_region_or_a_department_opening_the_text_is_its_body(opening: str, body: str) -> None:
    assert import_text(opening + "\n" + BODY).report.organization.name == body


def test_a_group_or_we_is_no_body() -> None:
    with pytest.raises(InvalidReportError) as raised:
        import_text("2023年，我局坚持依法行政。\n" + BODY)
    assert raised.value.issues[0].code == "import.organization-missing"


def test_a_body_named_by_its_level_gets_the_province_the_text_states() -> None:
    text = (
        "根据有关规定，现将省政府2022年度法治政府建设情况报告如下。\n一、主要工作\n"
        "（一）完善制度。出台《湖南省重大行政决策事项目录管理办法》，推进法治湖南建设。\n"
    )
    result = import_text(text)
    assert result.report.organization.name == "湖南省人民政府"
    assert "import.organization-guessed" in codes(result)


def test_a_body_named_by_its_level_is_never_given_a_region_the_text_does_not_state() -> None:
    text = "根据有关规定，现将市政府2022年度法治政府建设情况报告如下。\n" + BODY
    result = import_text(text)
    assert result.report.organization.name == "市人民政府"
    assert "states no region" in warning(result, "import.organization-guessed")


def test_the_title_is_trusted_before_the_signature() -> None:
    text = "某某县2023年法治政府建设情况报告\n" + BODY + "某某县司法局\n2024年1月5日\n"
    result = import_text(text)
    assert result.report.organization.name == "某某县人民政府"
    assert "某某县司法局" in warning(result, "import.organization-source")


def test_a_joint_title_gives_the_government() -> None:
    text = "中共某某县委 某某县人民政府关于2024年法治政府建设情况的报告\n" + BODY
    assert import_text(text).report.organization.name == "某某县人民政府"


def test_a_title_naming_a_system_defers_to_the_page_metadata_row() -> None:
    text = (
        "皮山县人民政府\n政府信息公开\n  • 索引号: 010435649/2023-00025\n"
        "  • 发布机构: 皮山县教育局\n  • 题: 皮山县教育系统2022年度法治政府建设工作报告\n"
        "皮山县教育系统2022年度法治政府建设工作报告\n" + BODY
    )
    result = import_text(text)
    assert result.report.title == "皮山县教育系统2022年度法治政府建设工作报告"
    assert result.report.organization.name == "皮山县教育局"
    source = next(w for w in result.warnings if w.code == "import.organization-source")
    assert "发布机构" in source.message
    assert source.line == 4


# --- page chrome ----------------------------------------------------------------------------


def test_page_chrome_is_metadata_or_dropped_never_the_title() -> None:
    text = (
        "您当前所在位置：首页 > 政务公开 > 法治政府建设\n"
        "政府信息公开\n"
        "某某市司法局2023年法治政府建设情况报告 - 某某市人民政府网\n"
        "发文日期：2024-03-01  浏览次数：12\n"
        "字号：大 中 小  打印本页  分享到\n" + BODY
    )
    result = import_text(text)
    report = result.report
    assert report.title == "某某市司法局2023年法治政府建设情况报告"
    assert report.organization.name == "某某市司法局"
    assert report.year == 2023
    assert report.published_on == dt.date(2024, 3, 1)
    dropped = {w.line for w in result.warnings if w.code == "import.residue"}
    assert {1, 2, 4, 5} <= dropped
    assert "a site name" in warning(result, "import.title-cleaned")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "上海市司法局2023年法治政府建设情况报告 (2024-02-26)",
            "上海市司法局2023年法治政府建设情况报告",
        ),
        ("XX县教育局2021年度法治政府建设工作报告.docx", "XX县教育局2021年度法治政府建设工作报告"),
        (
            "浙卫〔2024〕3号《浙江省卫生健康委关于2023年度法治政府建设情况的报告》",
            "浙江省卫生健康委关于2023年度法治政府建设情况的报告",
        ),
        (
            "湘潭县自然资源局2025年度法治政府建设工作报告(潭县自然资字〔2025〕79号)",
            "湘潭县自然资源局2025年度法治政府建设工作报告",
        ),
        # a space left between the body and 关于
        (
            "某某县司法局 关于2024年度法治政府建设情况的报告",
            "某某县司法局关于2024年度法治政府建设情况的报告",
        ),
        # a page title's site part after the closing 报告 or 总结, whatever the site is called
        (
            "某某市教育局关于2023年度法治政府建设工作情况的报告-某某资讯",
            "某某市教育局关于2023年度法治政府建设工作情况的报告",
        ),
        ("某某镇2024年法治政府建设工作总结 | 某某在线", "某某镇2024年法治政府建设工作总结"),
    ],
)
def test_residue_around_a_title_is_removed_with_a_warning(line: str, title: str) -> None:
    result = import_text(line + "\n" + BODY)
    assert result.report.title == title
    assert warning(result, "import.title-cleaned").startswith("line 1:")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("某某自治区党委和政府", "某某自治区人民政府"),
        ("某某县党委和政府", "某某县人民政府"),
        ("某某省党委与人民政府", "某某省人民政府"),
    ],
)
def test_a_committee_and_government_named_together_give_the_government(
    subject: str, body: str
) -> None:
    result = import_text(f"2023年，{subject}坚持以习近平法治思想为指导，推进法治建设。\n" + BODY)
    assert result.report.organization.name == body
    assert "import.organization-source" in codes(result)


def test_a_joint_title_keeps_the_space_between_its_two_bodies() -> None:
    title = "中共某某县委 某某县人民政府关于2024年法治政府建设情况的报告"
    result = import_text(title + "\n" + BODY)
    assert result.report.title == title
    assert "import.title-cleaned" not in codes(result)


def test_a_letter_spaced_title_split_over_two_lines() -> None:
    result = import_text("青 海 省 卫 生 健 康 委\n2023年法治政府建设工作总结\n" + BODY)
    assert result.report.title == "青海省卫生健康委2023年法治政府建设工作总结"
    assert result.report.organization.name == "青海省卫生健康委"


def test_a_title_printed_again_with_its_issuer_gives_the_full_title() -> None:
    text = (
        "关于2022年度法治政府部门建设工作情况的报告\n发布日期:2023-03-01 08:11\n"
        "湖南省交通运输厅\n关于2022年度法治政府部门建设\n工作情况的报告\n" + BODY
    )
    report = import_text(text).report
    assert report.title == "湖南省交通运输厅关于2022年度法治政府部门建设工作情况的报告"
    assert report.organization.name == "湖南省交通运输厅"
    assert report.preamble is None or "关于2022" not in str(report.preamble)


def test_a_watermark_and_a_title_glued_to_the_text() -> None:
    mark = "秘书之家—全网资源每日更新www.mishuzj.com"
    text = (
        f"{mark}湖北省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持依法行政，"
        f"推动法治政府建设取得新成效，为现代化建设提供了有力{mark}法治保障。\n" + BODY
    )
    result = import_text(text)
    assert result.report.title == "湖北省人民政府关于2023年度法治政府建设情况的报告"
    assert "mishuzj" not in str(result.report)
    assert {"import.title-glued", "import.residue"} <= set(codes(result))


# --- traditional mirrors --------------------------------------------------------------------


def test_machine_added_readings_are_removed_with_one_warning() -> None:
    text = (
        "越秀區(qū)2022年法治政府建設(shè)情況報告\n一、主要工作\n"
        "（一）加強學習。關(guān)于建設(shè)法治政府，組織學習。\n"
    )
    result = import_text(text)
    assert result.report.title == "越秀區2022年法治政府建設情況報告"
    assert result.report.organization.name == "越秀區人民政府"
    assert result.report.parts[0].measures[0].text == "關于建設法治政府，組織學習。"
    readings = [w for w in result.warnings if w.code == "import.readings"]
    assert len(readings) == 1
    assert readings[0].line == 1
    assert "4" in readings[0].message


def test_a_bracketed_word_of_the_text_is_not_a_reading() -> None:
    text = "某某县2022年法治政府建设情况报告\n一、主要工作\n（一）加强学习(培训)。组织学习。\n"
    result = import_text(text)
    assert "import.readings" not in codes(result)
    assert "(培训)" in str(result.report.parts[0])


def test_a_made_up_title_is_in_the_script_of_the_text() -> None:
    text = (
        "2022年，在區委、區政府的正確領導下，三張鎮堅持依法行政。\n"
        "一、主要舉措\n（一）加強學習。組織學習。\n"
    )
    result = import_text(text)
    assert result.report.title == "三張鎮人民政府2022年度法治政府建設情況報告"
    assert "import.title-missing" in codes(result)


# --- the year -------------------------------------------------------------------------------


def test_the_reported_year_not_the_end_of_a_period_nor_the_publication_year() -> None:
    text = (
        "发布日期：2024-03-01\n根据《法治政府建设实施纲要（2021-2025年）》要求，"
        "现将某某县人民政府2022年度法治政府建设情况报告如下。\n" + BODY
    )
    report = import_text(text).report
    assert report.year == 2022
    assert report.published_on == dt.date(2024, 3, 1)


# --- what the text does not state -----------------------------------------------------------


def test_python_callers_are_told_to_pass_organization_and_year() -> None:
    with pytest.raises(InvalidReportError) as raised:
        import_text(BODY)
    messages = {issue.code: issue.message for issue in raised.value.issues}
    assert 'organization="' in messages["import.organization-missing"]
    assert "year=" in messages["import.year-missing"]
    report = import_text(BODY, organization="某某县人民政府", year=2023).report
    assert (report.organization.name, report.year) == ("某某县人民政府", 2023)


def test_the_command_line_is_told_to_pass_the_options(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "report.txt"
    path.write_text(BODY, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path)], out, err) == 2
    assert "--organization NAME" in err.getvalue()
    assert "--year YEAR" in err.getvalue()
    assert "organization=" not in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["import", str(path), "--organization", "某某县人民政府", "--year", "2023"], out, err
    )
    assert code in (0, 1)
    assert '"name": "某某县人民政府"' in out.getvalue()
    assert '"year": 2023' in out.getvalue()


# --- the genre ------------------------------------------------------------------------------


def test_a_disclosure_report_without_a_title_is_refused_from_its_opening() -> None:
    text = (
        "按照《中华人民共和国政府信息公开条例》相关规定，现将我局2021年政府信息公开工作报告如下：\n"
        "一、总体情况\n2021年我局公开政务信息111条。\n"
    )
    with pytest.raises(InvalidReportError) as raised:
        import_text(text, organization="某某局")
    assert raised.value.issues[0].code == "import.wrong-genre"


def test_a_rule_of_law_report_citing_the_disclosure_regulation_is_not_refused() -> None:
    text = (
        "某某县2022年法治政府建设情况报告\n政府信息公开\n"
        "2022年，某某县认真落实《中华人民共和国政府信息公开条例》，推进法治政府建设。\n"
        "一、主动公开情况\n（一）加强公开。公开信息20条。\n二、依申请公开情况\n办理申请3件。\n"
    )
    report = import_text(text).report
    assert report.organization.name == "某某县人民政府"


def test_a_bulleted_line_of_text_is_not_a_metadata_row() -> None:
    text = (
        "某某县2022年法治政府建设情况报告\n• 索引号: 0104/2023-00025\n一、主要工作\n"
        "（一）加强领导。\n● 强化组织领导：成立领导小组\n"
    )
    result = import_text(text)
    assert "成立领导小组" in str(result.report.parts[0])
    assert any(w.line == 2 and w.code == "import.residue" for w in result.warnings)


def test_the_first_line_of_a_wrapped_opening_is_no_title() -> None:
    text = (
        "2019年，在省委、省政府和市委、市政府的正确领导下，南昌县全面\n"
        "贯彻党的十九大精神，法治政府建设各项工作迈上新台阶。\n" + BODY
    )
    result = import_text(text)
    assert "import.title-missing" in codes(result)
    assert result.report.organization.name == "南昌县人民政府"


def test_a_title_cut_inside_its_document_number_by_the_line_end() -> None:
    text = "湘潭县自然资源局2025年度法治政府建设工作报告(潭县自然资字\n〔2025〕79号)\n" + BODY
    result = import_text(text)
    assert result.report.title == "湘潭县自然资源局2025年度法治政府建设工作报告"
    assert "cut" in warning(result, "import.title-cleaned")
