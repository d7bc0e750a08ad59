"""Many reports at once: discovery, ordered parallel results, summaries, corpus-mode CLI."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import rol_model as rm
from rol_model.cli import main
from rol_model.corpus._corpus import (
    FileResult,
    Progress,
    Summary,
    expand_arguments,
    expand_paths,
    ordered_map,
)
from rol_model.exceptions import Issue

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"
INVALID = ROOT / "tests" / "fixtures" / "invalid"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of 12 valid reports in two levels, 2 invalid ones, and files to be ignored."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for index in range(6):
        shutil.copy(EXAMPLE, tmp_path / f"r{index:02}.json")
        shutil.copy(EXAMPLE, tmp_path / "b" / f"s{index:02}.json")
    shutil.copy(INVALID / "empty-title.json", tmp_path / "b" / "bad-title.json")
    shutil.copy(INVALID / "malformed-json-trailing-comma.json", tmp_path / "comma.json")
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / ".hidden" / "skipped.json")
    shutil.copy(EXAMPLE, tmp_path / ".skipped.json")
    return tmp_path


def test_expand_paths_lists_json_files_below_a_directory_sorted_without_hidden_ones(
    corpus: Path,
) -> None:
    found = list(expand_paths([corpus]))
    assert len(found) == 14
    assert found == sorted(found)
    assert not any("/." in name or "skipped" in name for name in found)
    assert all(name.endswith(".json") for name in found)


def test_expand_paths_keeps_missing_files_so_the_reader_reports_them(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    assert list(expand_paths([missing])) == [str(missing)]


def test_expand_paths_refuses_a_directory_without_reports(tmp_path: Path) -> None:
    with pytest.raises(rm.ReadError, match=r"no \*\.json file"):
        list(expand_paths([tmp_path]))


def test_expand_arguments_expands_glob_patterns_recursively_and_keeps_stdin(
    corpus: Path,
) -> None:
    names = expand_arguments([str(corpus / "**" / "s0*.json"), "-"])
    assert names == [*sorted(str(corpus / "b" / f"s{i:02}.json") for i in range(6)), "-"]


def test_expand_arguments_refuses_a_pattern_that_matches_nothing(tmp_path: Path) -> None:
    with pytest.raises(rm.ReadError, match="no file matches"):
        expand_arguments([str(tmp_path / "*.json")])


def _square(value: int) -> int:
    return value * value


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_ordered_map_yields_in_input_order_whatever_the_number_of_jobs(jobs: int) -> None:
    assert list(ordered_map(_square, range(100), jobs=jobs)) == [n * n for n in range(100)]


def test_ordered_map_is_lazy_in_one_process() -> None:
    results = ordered_map(_square, iter(range(10**12)), jobs=1)
    assert next(results) == 0
    assert next(results) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_iter_load_yields_reports_and_issues_per_file_in_order(corpus: Path, jobs: int) -> None:
    results = list(rm.iter_load([corpus, corpus / "missing.json"], jobs=jobs))
    assert [r.path for r in results] == [*expand_paths([corpus]), str(corpus / "missing.json")]
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["r00.json"].report == rm.load(EXAMPLE)
    assert by_name["r00.json"].valid
    assert by_name["bad-title.json"].report is None
    assert [i.code for i in by_name["bad-title.json"].issues] == ["schema.minLength"]
    assert by_name["comma.json"].issues[0].code == "json.syntax"
    assert not by_name["missing.json"].readable
    assert "missing.json" in (by_name["missing.json"].error or "")


def test_iter_load_gives_the_same_results_with_one_or_two_jobs(corpus: Path) -> None:
    assert list(rm.iter_load([corpus], jobs=1)) == list(rm.iter_load([corpus], jobs=2))


def test_check_many_attaches_findings_and_same_results_whatever_jobs(corpus: Path) -> None:
    if not hasattr(rm, "check_many"):
        pytest.skip("the checker is not part of this build")
    single = list(rm.check_many([corpus], jobs=1))
    assert single == list(rm.check_many([corpus], jobs=2))
    by_name = {Path(r.path).name: r for r in single}
    expected = tuple(rm.check(rm.load(EXAMPLE)))
    assert by_name["s03.json"].findings == expected
    assert by_name["bad-title.json"].findings == ()
    assert not by_name["bad-title.json"].passed


def test_summary_counts_files_and_issues_by_code() -> None:
    summary = Summary()
    summary.add(FileResult(path="a"))
    summary.add(FileResult(path="b", issues=(Issue(code="schema.required", message="m"),) * 2))
    summary.add(FileResult(path="c", error="c: cannot read"))
    assert summary.to_dict() == {
        "files": 3,
        "valid": 1,
        "invalid": 1,
        "unreadable": 1,
        "failed": 2,
        "codes": {"schema.required": 2, "read-error": 1},
    }
    table = summary.table()
    assert "files" in table
    assert "schema.required" in table


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(stream, 3)
        for _ in range(3):
            progress.advance()
        progress.close()
    assert "3/3 files" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    assert pipe.getvalue() == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_validate_on_a_directory_lists_results_in_order_then_a_summary(
    corpus: Path, jobs: str
) -> None:
    code, out, err = _run("validate", str(corpus), "--jobs", jobs)
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    names = list(expand_paths([corpus]))
    assert lines[0].startswith(f"{names[0]}: ")
    assert f"{corpus / 'r05.json'}: valid" in lines
    summary = out[out.index("files") :]
    assert summary.split()[:8] == ["files", "14", "valid", "12", "invalid", "2", "unreadable", "0"]
    assert "json.syntax" in summary
    assert "schema.minLength" in summary


def test_validate_jsonl_writes_one_json_line_per_file_and_the_summary_on_stderr(
    corpus: Path,
) -> None:
    code, out, err = _run("validate", str(corpus), "--format", "jsonl", "--jobs", "2")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in records] == list(expand_paths([corpus]))
    assert sum(r["valid"] for r in records) == 12
    assert "files" in err
    assert "14" in err


def test_validate_quiet_prints_only_problems_and_the_summary(corpus: Path) -> None:
    code, out, _ = _run("validate", str(corpus), "-q")
    assert code == 1
    assert ": valid" not in out
    assert "bad-title.json: /title" in out


def test_validate_exits_0_on_a_clean_corpus_and_2_when_a_file_is_unreadable(
    corpus: Path,
) -> None:
    clean = corpus / "b"
    (clean / "bad-title.json").unlink()
    assert _run("validate", str(clean), "-j", "2")[0] == 0
    code, _, err = _run("validate", str(clean), str(corpus / "missing.json"))
    assert code == 2
    assert "missing.json" in err


def test_validate_refuses_zero_jobs(corpus: Path) -> None:
    code, _, err = _run("validate", str(corpus), "--jobs", "0")
    assert code == 2
    assert "--jobs" in err


def test_validate_reports_a_pattern_without_match_as_unreadable_input(tmp_path: Path) -> None:
    code, _, err = _run("validate", str(tmp_path / "*.json"))
    assert code == 2
    assert "no file matches" in err
    assert "Traceback" not in err


def test_check_on_a_directory_streams_findings_per_file_and_a_summary(corpus: Path) -> None:
    clean = corpus / "b"
    code, out, err = _run("check", str(clean), "--jobs", "2")
    assert code == 2  # one file is not a valid report, so it cannot be checked
    assert err == ""
    expected = rm.check(rm.load(EXAMPLE))
    assert f"{clean / 's00.json'}: " in out
    assert f"  {expected[0]}" in out
    assert "bad-title.json: not a valid report" in out
    assert "failed checks" in out
    (clean / "bad-title.json").unlink()
    code, out, _ = _run("check", str(clean), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["file"]).name for r in records] == [f"s{i:02}.json" for i in range(6)]
    assert [f["code"] for f in records[0]["findings"]] == [f.code for f in expected]
    assert code == (1 if any(f.severity == "error" for f in expected) else 0)


def test_check_in_corpus_mode_honours_select_and_refuses_previous(corpus: Path) -> None:
    clean = corpus / "b"
    (clean / "bad-title.json").unlink()
    _, out, _ = _run("check", str(clean), "--select", "ROL1", "--format", "jsonl")
    codes = {f["code"] for line in out.splitlines() for f in json.loads(line)["findings"]}
    assert codes
    assert all(code.startswith("ROL1") for code in codes)
    assert _run("check", str(clean), "--previous", str(EXAMPLE))[0] == 2
