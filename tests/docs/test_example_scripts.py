"""The scripts in examples/ run and do what their docstrings promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def test_every_example_script_is_covered_by_a_test() -> None:
    tested = {"summarise_report.py", "build_report.py", "diff_and_trend.py"}
    scripts = {path.name for path in EXAMPLES.glob("*.py")}
    assert scripts <= tested, f"add a test for {sorted(scripts - tested)}"


def test_summarise_report_lists_parts_missing_parts_and_figures() -> None:
    result = _run("summarise_report.py")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "乌苏市教育和科学技术局2023年法治政府建设情况报告"
    assert "  [measures] 一、本年度推进法治政府建设的主要举措和成效: 20 items" in lines
    assert "  missing parts: leadership" in lines
    assert "9 figures:" in lines
    assert "  受教育学生: ≥30000 人  «受教育学生达3万余人»" in lines


def test_summarise_report_reports_a_bad_file_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": ""}', encoding="utf-8")
    result = _run("summarise_report.py", str(bad))
    assert result.returncode == 1
    assert "/title" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_report_writes_two_valid_reports(tmp_path: Path) -> None:
    result = _run("build_report.py", str(tmp_path))
    assert result.returncode == 0, result.stderr
    draft, final = rm.load(tmp_path / "draft.json"), rm.load(tmp_path / "final.json")
    assert draft.published_on is None
    assert final.published_on is not None
    assert final.measures[1].indicators[0].qualifier == "at_least"
    assert (tmp_path / "final.json").read_text("utf-8") == rm.dumps(final)
