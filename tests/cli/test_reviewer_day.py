"""Issue 13, "a reviewer's day without surprises": one test (at least) per promise the issue names.

Each test here failed on main before the fix it stands for.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import rol_model as rm
from rol_model.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"
OLD = EXAMPLES / "wusu-education-2023.json"
NEW = EXAMPLES / "wusu-education-2024-fictional.json"


def run(*argv: str) -> tuple[int, str, str]:
    """``rol argv`` with captured streams: (exit code, stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def old() -> rm.Report:
    return rm.load(OLD)


@pytest.fixture(scope="module")
def new() -> rm.Report:
    return rm.load(NEW)


def four_parts(report: rm.Report) -> rm.Report:
    """``report`` with a leadership part added: the four parts the regulation requires."""
    leadership = rm.LeadershipPart(
        heading="党政主要负责人履行推进法治建设第一责任人职责情况",
        items=(rm.Item(id="l1", text="主要负责人主持召开专题会议3次，研究部署法治政府建设工作。"),),
    )
    return attrs.evolve(report, parts=(*report.parts, leadership))


# Required parts: one source of truth ---------------------------------------------------------


def test_a_complete_four_part_report_is_complete_for_check_views_and_export(
    old: rm.Report, tmp_path: Path
) -> None:
    report = four_parts(old)
    assert {p.kind for p in report.parts} == {"measures", "shortcomings", "leadership", "plans"}
    assert rm.missing_parts(report) == ()
    assert not [f for f in rm.check(report) if f.code == "ROL101"]
    page = rm.html_report(report)
    assert "✗ 缺少" not in page
    assert "4 of the 4 parts the profile requires." in page
    rm.export_tables([report], tmp_path)
    header, row = (tmp_path / "reports.csv").read_text("utf-8").splitlines()[:2]
    column = header.split(",").index("missing_parts")
    assert row.split(",")[column] == ""


def test_a_missing_required_part_is_named_alike_by_check_views_and_export(
    old: rm.Report, tmp_path: Path
) -> None:
    assert rm.missing_parts(old) == ("leadership",)
    assert [f.code for f in rm.check(old) if f.code == "ROL101"] == ["ROL101"]
    page = rm.html_report(old)
    assert page.count('class="missing-note"') == 1
    assert 'id="missing-leadership"' in page
    assert "3 of the 4 parts the profile requires" in page
    rm.export_tables([old], tmp_path)
    header, row = (tmp_path / "reports.csv").read_text("utf-8").splitlines()[:2]
    column = header.split(",").index("missing_parts")
    assert row.split(",")[column] == "leadership"


def test_the_check_view_follows_the_profile_s_required_parts(
    old: rm.Report, tmp_path: Path
) -> None:
    profile = tmp_path / "strict.json"
    profile.write_text(
        '{"$schema": "urn:rol-model:schema:profile:1.0", "name": "strict", "title": "t",'
        ' "title_zh": "t", "source": "s", "extends": "national",'
        ' "required_parts": ["measures", "shortcomings", "leadership", "plans", "other"]}',
        "utf-8",
    )
    _code, out, _ = run("check", str(OLD), "--profile", str(profile), "--format", "html")
    assert 'id="missing-other"' in out
    assert "3 of the 5 parts the profile requires" in out
    assert rm.missing_parts(old, str(profile)) == ("leadership", "other")


def test_the_parts_bar_shows_the_report_s_own_numbering(old: rm.Report) -> None:
    page = rm.html_report(old)
    bar = page[page.index('<ol class="bar"') : page.index("</ol>", page.index('<ol class="bar"'))]
    numbers = re.findall(r'<span class="num">([^<]*)</span> (\S+)', bar)
    assert ("三", "下一年度安排") in numbers  # the report's own heading is 三、, not 四、
    assert "<h2" in page
    assert "三、2024年" in page


# Import refuses what is not a report; names the CLI option ------------------------------------


def test_import_refuses_a_report_json_file_and_says_what_to_run(tmp_path: Path) -> None:
    code, out, err = run("import", str(OLD))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert f"rol validate {OLD}" in err
    assert f"rol check {OLD}" in err
    assert "Traceback" not in err
    with pytest.raises(rm.UnsupportedFormatError, match="already a report JSON"):
        rm.import_file(OLD)
    other = tmp_path / "data.json"
    other.write_text('{"rows": [1, 2]}', "utf-8")
    code, _, err = run("import", str(other))
    assert code == 2
    assert "this is JSON, not the text of a published report" in err
    from rol_model.importer import import_bytes

    with pytest.raises(rm.UnsupportedFormatError):
        import_bytes(b'<?xml version="1.0"?><rss></rss>', name="feed.xml")
    assert issubclass(rm.UnsupportedFormatError, rm.RolModelError)
    assert issubclass(rm.UnsupportedFormatError, ValueError)


TEXT = "一、主要举措和成效\n（一）推进依法行政。全年办理行政复议案件12件。\n"


def test_import_errors_name_the_cli_option_in_the_cli_and_the_keyword_in_python(
    tmp_path: Path,
) -> None:
    path = tmp_path / "untitled.txt"
    path.write_text(TEXT, "utf-8")
    code, _, err = run("import", str(path))
    assert code == 2
    assert "pass --year YEAR" in err
    assert "pass --organization NAME" in err
    assert "/:" not in err
    assert "year=" not in err
    with pytest.raises(rm.InvalidReportError, match="year=") as raised:
        rm.import_text(TEXT)
    assert any("organization=" in issue.message for issue in raised.value.issues)
    code, out, _ = run(
        "import", str(path), "--year", "2023", "--organization", "某县司法局", "--format", "text"
    )
    assert code in (0, 1)
    assert "organization: 某县司法局" in out
    assert "year: 2023" in out


# Missing extras: one line, the extra and the pip command, exit 2 ------------------------------


def test_missing_docx_extra_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph("某县司法局2023年法治政府建设情况的报告")
    document.save(str(path))
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    code, out, err = run("import", str(path))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("rol import: importing Word files needs the 'docx' extra")
    assert err.rstrip().endswith("pip install 'rol-model[docx]'")
    with pytest.raises(rm.MissingExtraError) as raised:
        rm.import_docx(path)
    assert raised.value.extra == "docx"
    assert isinstance(raised.value, ImportError)


def test_missing_html_extra_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from rol_model.views import _html_base as _html

    _html.environment.cache_clear()
    monkeypatch.setitem(__import__("sys").modules, "jinja2", None)
    try:
        for argv in (
            ("render", str(OLD), "--format", "html"),
            ("check", str(OLD), "--format", "html"),
            ("diff", str(OLD), str(NEW), "--format", "html"),
        ):
            code, _, err = run(*argv)
            assert code == 2, argv
            assert len(err.splitlines()) == 1, err
            assert "pip install 'rol-model[html]'" in err
            assert "'html' extra" in err
    finally:
        _html.environment.cache_clear()


def test_an_extra_missing_deep_inside_a_command_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rol_model.cli import render

    def broken(*_: object) -> int:
        import duckdb  # noqa: F401 - stands for any library of an extra imported late

        return 0

    monkeypatch.setitem(__import__("sys").modules, "duckdb", None)
    monkeypatch.setattr(render, "run", broken)
    code, _, err = run("render", str(OLD))
    assert code == 2
    assert "pip install 'rol-model[bench]'" in err
    assert "Traceback" not in err


# Schema issues: the most relevant first, all on request, the field meant ----------------------


@pytest.fixture
def typo(tmp_path: Path) -> Path:
    """The 2023 example with one figure's ``qualifier`` misspelt ``qualifer``."""
    text = OLD.read_text("utf-8").replace('"qualifier"', '"qualifer"', 1)
    path = tmp_path / "typo.json"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("command", ["render", "diff", "trend"])
def test_the_most_relevant_schema_issue_comes_first_and_names_the_field_meant(
    command: str, typo: Path
) -> None:
    argv = [command, str(typo)] + ([str(NEW)] if command != "render" else [])
    code, _, err = run(*argv)
    assert code == 2
    (line,) = err.splitlines()
    assert line.startswith(f"rol {command}: {typo}: ")
    assert "unknown field 'qualifer': did you mean 'qualifier'?" in line
    assert "(and 1 more issue: --all-issues lists them)" in line
    assert "is a required property" not in line
    code, _, err = run(*argv, "--all-issues")
    lines = err.splitlines()
    assert code == 2
    assert "2 issues, most relevant first" in lines[0]
    assert "did you mean 'qualifier'?" in lines[1]
    assert "'qualifier' is a required property" in lines[2]


def test_the_python_error_puts_the_cause_first_and_keeps_every_issue(typo: Path) -> None:
    with pytest.raises(rm.InvalidReportError) as raised:
        rm.load(typo)
    assert "did you mean 'qualifier'?" in str(raised.value)
    assert [i.code for i in raised.value.issues] == ["schema.required", "schema.unknown-field"]


def test_render_names_the_file_or_stdin_never_string(
    typo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    code, _, err = run("render", str(typo))
    assert code == 2
    assert "<string>" not in err
    assert str(typo) in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{}")))
    code, _, err = run("render", "-")
    assert code == 2
    assert err.startswith("rol render: <stdin>: ")


# Usage, help, rules and profiles ----------------------------------------------------------------


def test_a_subcommand_argument_error_prints_its_usage() -> None:
    code, out, err = run("check")
    assert code == 2
    assert out == ""
    assert err.startswith("usage: rol check ")
    assert "rol check: error: the following arguments are required: FILE" in err
    assert "rol check --help" in err
    code, _, err = run("diff", str(OLD), "--format", "pdf")
    assert code == 2
    assert err.startswith("usage: rol diff ")


def test_check_help_lists_the_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("check", "--help")
    assert code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for name in rm.builtin_profiles():
        assert name.replace("-", "") in shown.replace("- ", "").replace("-", "")
    assert "rol profiles" in shown


def test_rol_rules_lists_codes_names_severities_and_bilingual_titles() -> None:
    import json

    code, out, _ = run("rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["code"] for r in rows] == [rule.code for rule in rm.rules()]
    first = rows[0]
    assert first["code"] == "ROL101"
    assert first["name"] == "missing-part"
    assert first["severity"] == "error"
    assert first["title_zh"] == "缺少必备部分"
    code, out, _ = run("rules")
    assert code == 0
    assert "ROL101 error    missing-part" in out
    assert "A required part is missing / 缺少必备部分" in out
    _, out, _ = run("rules", "--profile", "provincial-guideline-2023", "--format", "json")
    (rol209,) = [r for r in json.loads(out) if r["code"] == "ROL209"]
    assert rol209["severity"] == "error"
    assert rol209["default_severity"] != "error"


def test_rol_profiles_lists_each_built_in_profile_and_what_it_changes() -> None:
    import json

    code, out, _ = run("profiles")
    assert code == 0
    assert "provincial-guideline-2023 (extends national)" in out
    assert "rules: ROL209 error" in out
    assert "requires the parts: measures, shortcomings, leadership, plans" in out
    _, out, _ = run("profiles", "--format", "json")
    names = [p["name"] for p in json.loads(out)]
    assert names == list(rm.builtin_profiles())


# Text diff figure lines and the summary example ------------------------------------------------


def _with_figure(report: rm.Report, pointer: str, **changes: object) -> rm.Report:
    """``report`` with the figure at ``pointer`` (a JSON Pointer) changed."""
    data = rm.to_dict(report)
    target: object = data
    for token in pointer.strip("/").split("/"):
        target = target[int(token)] if isinstance(target, list) else target[token]  # type: ignore[index]
    assert isinstance(target, dict)
    target.update(changes)
    return rm.from_dict(data)


def _figure_lines(old: rm.Report, new: rm.Report) -> list[str]:
    text = rm.format_diff(rm.diff(old, new))
    return [line for line in text.splitlines() if line.startswith("~ ") and "-i" in line]


def test_a_label_only_change_is_not_shown_as_a_zero_change(old: rm.Report) -> None:
    where, figure = next(iter(rm.iter_indicators(old)))
    renamed = _with_figure(old, where, label=figure.label + "（全年）")
    (line,) = _figure_lines(old, renamed)
    assert "→" not in line
    assert "+0" not in line
    assert "value unchanged" in line


def test_bounded_figures_keep_their_qualifier_and_no_signed_change(
    old: rm.Report, new: rm.Report
) -> None:
    lines = rm.format_diff(rm.diff(old, new)).splitlines()
    (students,) = [line for line in lines if "受教育学生" in line and line.startswith("~")]
    assert "≥30000人 → ≥32000人" in students
    assert "direction unknown" in students
    assert "%" not in students
    assert "+2000" not in students
    (hotline,) = [line for line in lines if "平台反映" in line and line.startswith("~")]
    assert "≥40件 → 52件" in hotline
    assert "at most +12" in hotline
    assert "%" not in hotline


def test_summarise_report_writes_at_least_40_not_plus_40() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "summarise_report.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = [x for x in result.stdout.splitlines() if "40余件" in x]
    assert "≥40 件" in line
    assert "+40" not in result.stdout


# Mixed bodies ------------------------------------------------------------------------------------


def _other_body(report: rm.Report) -> rm.Report:
    name = "奎屯市教育局"
    return attrs.evolve(
        report,
        organization=attrs.evolve(report.organization, name=name),
        title=report.title.replace(report.organization.name, name),
    )


def test_trend_refuses_two_bodies_unless_asked_and_then_warns(
    old: rm.Report, new: rm.Report, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    rm.dump(_other_body(new), other)
    code, out, err = run("trend", str(OLD), str(other))
    assert code == 2
    assert out == ""
    assert "2 different bodies" in err
    assert "--mixed-bodies" in err
    with pytest.raises(rm.ComparisonError, match="different bodies"):
        rm.compare([old, _other_body(new)])
    code, out, err = run("trend", str(OLD), str(other), "--mixed-bodies")
    assert code == 0
    assert "warning: these reports come from different bodies" in err
    assert rm.compare([old, _other_body(new)], mixed_bodies=True).organizations == (
        old.organization.name,
        "奎屯市教育局",
    )


def test_check_previous_of_another_body_gives_only_rol404(old: rm.Report, new: rm.Report) -> None:
    codes = [f.code for f in rm.check(_other_body(new), previous=old) if f.code.startswith("ROL4")]
    assert codes == ["ROL404"]
    same_body = [f.code for f in rm.check(new, previous=old) if f.code.startswith("ROL4")]
    assert "ROL404" not in same_body


# Trends match figures by meaning --------------------------------------------------------------


@pytest.fixture(scope="module")
def imported_2024(new: rm.Report) -> rm.Report:
    """The 2024 report as the importer reads its rendered text: the importer's own labels."""
    return rm.import_text(rm.render(new)).report


def test_trend_matches_importer_labels_to_hand_written_ones(
    old: rm.Report, imported_2024: rm.Report
) -> None:
    labels = {ind.label for _, ind in rm.iter_indicators(imported_2024)}
    assert "聘请率" in labels  # the importer's label; the 2023 report says 学校法治副校长聘请率
    comparison = rm.compare([old, imported_2024])
    in_2023 = [t for t in comparison.indicators if t.points[0].value is not None]
    assert len(in_2023) == 9
    assert [t.label for t in in_2023 if t.gaps] == []  # every 2023 figure found in 2024
    (rate,) = [t for t in in_2023 if t.label == "学校法治副校长聘请率"]
    assert rate.points[1].label == "聘请率"
    assert rate.points[1].match_score is not None
    assert 0.5 <= rate.points[1].match_score <= 1
    text = rm.format_comparison(comparison)
    assert "2024 100 [“聘请率”, match 0.8" in text
    assert "〔匹配 match 0.8" in rm.html_trend(comparison)
    # figures that only 2024 states stay apart: nothing is matched by the unit alone
    only_2024 = [t for t in comparison.indicators if t.points[0].value is None]
    assert {t.label for t in only_2024} >= {"开展局党组会前学法", "召开联席会议"}


def test_the_match_score_needs_a_comparable_unit_and_the_same_part() -> None:
    from rol_model.trends._figure_match import Located, match_score

    def figure(label: str, unit: str, part: str = "measures") -> Located:
        ind = rm.Indicator(
            id="i1", label=label, value=Decimal(1), unit=unit, qualifier="exact", source=label
        )
        return Located(indicator=ind, part=part, place="加强队伍建设")

    same = match_score(figure("聘请率", "%"), figure("学校法治副校长聘请率", "%"))
    assert same >= 0.5
    assert match_score(figure("聘请率", "%"), figure("聘请率", "人")) == 0
    assert match_score(figure("聘请率", "%"), figure("聘请率", "%", "plans")) == 0
    family = match_score(figure("培训干部", "人"), figure("培训干部", "名"))
    assert 0.5 <= family < 1


# English plurals --------------------------------------------------------------------------------


def test_english_strings_use_plurals(old: rm.Report) -> None:
    page = rm.html_check(old, rm.check(old))
    assert re.search(r"2 <span lang=\"en\">errors</span>", page)
    assert re.search(r"3 <span lang=\"en\">warnings</span>", page)
    messages = [f.message for f in rm.check(old)]
    assert "4 shortcomings are listed but no cause is given" in messages
    assert not [m for m in messages if "(s)" in m]


# The official text layout -------------------------------------------------------------------------


def test_text_render_follows_the_official_layout(old: rm.Report) -> None:
    lines = rm.render(old).splitlines()
    assert lines[0] == old.title
    assert all(line.startswith("\u3000\u3000") for line in lines[1:])  # two-character indent
    body = [line[2:] for line in lines[1:]]
    assert "一、本年度推进法治政府建设的主要举措和成效" in body
    assert "（一）强化组织领导，确保法治教育顺利推进" in body
    # the run-in heading stays in its paragraph, with its 。
    (line,) = [x for x in body if x.startswith("1.积极构建法治建设网络")]
    assert line.startswith("1.积极构建法治建设网络，全面提高教育系统普法效能。市教科局高度重视")
    assert "1.积极构建法治建设网络，全面提高教育系统普法效能" not in body
    again = rm.import_text(rm.render(old)).report
    assert [n.heading for _, n in rm.iter_nodes(again)] == [
        n.heading for _, n in rm.iter_nodes(old)
    ]
