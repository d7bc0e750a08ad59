"""Issue 13, "a reviewer's day without surprises": one test (at least) per promise the issue names.

Each test here failed on main before the fix it stands for.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import rol_model as rm
from rol_model.cli import main

ROOT = Path(__file__).resolve().parent.parent
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
    assert "✗ 缺少" not in page and "4 of the 4 parts the profile requires." in page
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
    assert page.count('class="missing-note"') == 1 and 'id="missing-leadership"' in page
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
    code, out, _ = run("check", str(OLD), "--profile", str(profile), "--format", "html")
    assert 'id="missing-other"' in out and "3 of the 5 parts the profile requires" in out
    assert rm.missing_parts(old, str(profile)) == ("leadership", "other")


def test_the_parts_bar_shows_the_report_s_own_numbering(old: rm.Report) -> None:
    page = rm.html_report(old)
    bar = page[page.index('<ol class="bar"') : page.index("</ol>", page.index('<ol class="bar"'))]
    numbers = re.findall(r'<span class="num">([^<]*)</span> (\S+)', bar)
    assert ("三", "下一年度安排") in numbers  # the report's own heading is 三、, not 四、
    assert "<h2" in page and "三、2024年" in page
