"""rol_model.compare over years: figure trends with gaps, plans followed up, recurring problems."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import jsonpatch
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from rol_model.cli import main
from strategies import examples

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "reports"
OLD = REPORTS / "wusu-education-2023.json"
NEW = REPORTS / "wusu-education-2024-fictional.json"


@pytest.fixture(scope="module")
def series() -> list[rm.Report]:
    return [rm.load(NEW), rm.load(OLD)]  # out of order on purpose


@pytest.fixture(scope="module")
def comparison(series: list[rm.Report]) -> rm.Comparison:
    return rm.compare(series)


def test_reports_are_put_in_year_order(comparison: rm.Comparison) -> None:
    assert comparison.years == (2023, 2024)
    assert comparison.organizations == ("乌苏市教育和科学技术局",)


def test_a_figure_stated_in_both_years_is_one_trend(comparison: rm.Comparison) -> None:
    trend = next(t for t in comparison.indicators if t.label == "违规变形培训专项检查")
    assert [(p.year, p.value) for p in trend.points] == [(2023, Decimal(40)), (2024, Decimal(46))]
    assert trend.gaps == ()


def test_a_figure_first_stated_in_2024_shows_a_gap_for_2023(comparison: rm.Comparison) -> None:
    trend = next(t for t in comparison.indicators if t.label == "召开联席会议")
    assert trend.gaps == (2023,)
    assert trend.points[0].value is None
    assert trend.points[1].value == Decimal(4)


def test_figures_keep_their_qualifiers(comparison: rm.Comparison) -> None:
    trend = next(t for t in comparison.indicators if t.label == "受教育学生")
    assert [(p.value, p.qualifier) for p in trend.points] == [
        (Decimal(30000), "at_least"),
        (Decimal(32000), "at_least"),
    ]


def test_each_2023_plan_is_traced_to_the_2024_measures_that_carry_it_out(
    comparison: rm.Comparison,
) -> None:
    found = {
        p.plan_id: [m.measure_id for m in p.measures] for p in comparison.plans if p.year == 2023
    }
    # p1 强化依法决策 → the new measure on decisions; p2 抓好法治培训 is carried out in two parts
    # (training in m1.2, enforcement procedure in m3.3); p3 强化部门协同 → the joint-work measure.
    assert found == {"p1": ["m2"], "p2": ["m3.3", "m1.2"], "p3": ["m7"]}
    assert all(p.status == "carried_out" for p in comparison.plans if p.year == 2023)


def test_plans_of_the_last_year_have_no_next_report(comparison: rm.Comparison) -> None:
    last = [p for p in comparison.plans if p.year == 2024]
    assert [p.status for p in last] == ["no_next_report"] * 3
    assert all(p.next_year is None and p.measures == () for p in last)


def test_a_plan_without_matching_measure_is_not_found(series: list[rm.Report]) -> None:
    old, new = series[1], series[0]
    plans = old.parts[2]
    assert isinstance(plans, rm.PlansPart)
    unrelated = rm.Plan(
        id="p9", heading="推进校园食堂明厨亮灶", text="年内完成全部学校食堂视频监控改造。"
    )
    old = attrs.evolve(old, parts=(*old.parts[:2], attrs.evolve(plans, plans=(unrelated,))))
    (plan, *_) = rm.compare([old, new]).plans
    assert (plan.plan_id, plan.status, plan.measures) == ("p9", "not_found", ())


def test_recurring_shortcomings_are_paired_across_years_even_when_renumbered(
    comparison: rm.Comparison,
) -> None:
    chains = [
        tuple((o.year, o.shortcoming_id) for o in r.occurrences) for r in comparison.shortcomings
    ]
    assert chains == [
        ((2023, "s1"), (2024, "s1")),
        ((2023, "s2"), (2024, "s2")),
        ((2023, "s4"), (2024, "s3")),
    ]
    # s3 of 2023 (法治建设举措有待创新) was resolved and s4 of 2024 is new: neither recurs


def test_a_problem_reported_three_years_running_is_one_chain(series: list[rm.Report]) -> None:
    new = series[0]
    third = attrs.evolve(new, year=2025, title=new.title.replace("2024", "2025"))
    (first, *_) = rm.compare([*series, third]).shortcomings
    assert first.years == (2023, 2024, 2025)


def test_compare_refuses_no_reports_and_two_of_one_year(series: list[rm.Report]) -> None:
    with pytest.raises(rm.ComparisonError, match="at least one"):
        rm.compare([])
    with pytest.raises(rm.ComparisonError, match="same year"):
        rm.compare([series[0], series[0]])


def test_a_single_report_compares_to_itself_without_recurrences(series: list[rm.Report]) -> None:
    comparison = rm.compare([series[1]])
    assert comparison.shortcomings == ()
    assert {p.status for p in comparison.plans} == {"no_next_report"}


def test_indicator_csv_has_a_value_and_qualifier_column_per_year_and_empty_gaps(
    comparison: rm.Comparison,
) -> None:
    rows = list(csv.reader(io.StringIO(rm.comparison_csv(comparison))))
    assert rows[0] == ["label", "unit", "2023", "2023 qualifier", "2024", "2024 qualifier"]
    assert ["召开联席会议", "次", "", "", "4", "exact"] in rows
    assert ["受教育学生", "人", "30000", "at_least", "32000", "at_least"] in rows


def test_plan_and_shortcoming_csv_tables(comparison: rm.Comparison) -> None:
    plans = list(csv.DictReader(io.StringIO(rm.comparison_csv(comparison, "plans"))))
    assert plans[1]["measure_ids"] == "m3.3;m1.2"
    problems = list(csv.DictReader(io.StringIO(rm.comparison_csv(comparison, "shortcomings"))))
    assert [(r["problem"], r["year"], r["shortcoming_id"]) for r in problems[:2]] == [
        ("1", "2023", "s1"),
        ("1", "2024", "s1"),
    ]


def test_json_export_lists_gaps_and_years(comparison: rm.Comparison) -> None:
    data = rm.comparison_to_dict(comparison)
    trend = next(t for t in data["indicators"] if t["label"] == "召开联席会议")
    assert trend["gaps"] == [2023]
    assert data["shortcomings"][0]["years"] == [2023, 2024]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("format", ["text", "csv", "json"])
def test_cli_trend_writes_every_format(format: str) -> None:
    code, out, err = run_cli("trend", str(OLD), str(NEW), "--format", format)
    assert (code, err) == (0, "")
    if format == "json":
        assert json.loads(out)["years"] == [2023, 2024]
    elif format == "csv":
        assert out.startswith("label,unit,2023")
    else:
        assert "2023 p1" in out
        assert "m2 (0.97)" in out


def test_cli_trend_exits_2_for_two_reports_of_one_year() -> None:
    code, _, err = run_cli("trend", str(OLD), str(OLD))
    assert code == 2
    assert "same year" in err


def test_cli_trend_csv_tables() -> None:
    code, out, _ = run_cli("trend", str(OLD), str(NEW), "--format", "csv", "--table", "plans")
    assert code == 0
    assert out.startswith("year,plan_id,plan,status")


def test_the_example_script_diffs_and_trends_the_two_wusu_reports(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "diff_and_trend.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "is fictional" in result.stdout
    assert "+ measure m2 强化依法决策" in result.stdout
    assert "2023 p3 强化部门协同" in result.stdout
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "diff.json",
        "diff.md",
        "patch.json",
        "trend-indicators.csv",
        "trend-plans.csv",
        "trend-shortcomings.csv",
    ]
    patch = json.loads((tmp_path / "patch.json").read_text("utf-8"))
    applied = jsonpatch.apply_patch(json.loads(OLD.read_text("utf-8")), patch)
    assert applied == json.loads(NEW.read_text("utf-8"))


def test_the_fictional_report_says_so_in_title_source_and_extensions() -> None:
    report = rm.load(NEW)
    assert "虚构" in report.title
    assert report.source is not None
    assert "fictional" in (report.source.file or "")
    assert report.extensions["rol-model:fictional"] is True


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(strategies.reports(), min_size=1, max_size=3, unique_by=lambda r: r.year))
def test_compare_handles_any_generated_series(series: list[rm.Report]) -> None:
    comparison = rm.compare(series, mixed_bodies=True)
    assert list(comparison.years) == sorted(r.year for r in series)
    assert all(len(t.points) == len(series) for t in comparison.indicators)
    plans = sum(len(r.plans) for r in series)
    assert len(comparison.plans) == plans
    for table in ("indicators", "plans", "shortcomings"):
        rows = list(csv.reader(io.StringIO(rm.comparison_csv(comparison, table))))
        assert len({len(row) for row in rows}) == 1
    json.loads(_json_text(rm.comparison_to_dict(comparison)))
    assert rm.format_comparison(comparison)


def _json_text(data: object) -> str:
    from rol_model.serialize._json import canonical_json

    return canonical_json(data)
