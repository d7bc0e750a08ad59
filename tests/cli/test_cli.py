"""The ``rol`` command: exit codes, output formats, errors without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import rol_model as rm
from rol_model.cli import main

VALID = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023}\n'
)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    valid = tmp_path / "valid.json"
    valid.write_text(VALID, encoding="utf-8")
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"title": "", "organization": {"name": "某局"}, "year": 2023, "x": 1}')
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    return {"valid": valid, "invalid": invalid, "broken": broken}


def test_version_prints_the_package_version() -> None:
    code, out, _ = _run("--version")
    assert code == 0
    assert out.strip() == f"rol {rm.__version__}"


def test_validate_exits_0_for_a_valid_file(files: dict[str, Path]) -> None:
    code, out, err = _run("validate", str(files["valid"]))
    assert (code, err) == (0, "")
    assert out == f"{files['valid']}: valid\n"


def test_validate_exits_1_and_lists_every_issue_with_file_and_pointer(
    files: dict[str, Path],
) -> None:
    code, out, _ = _run("validate", str(files["invalid"]), str(files["valid"]))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{files['invalid']}: /title: ")
    assert lines[1].startswith(f"{files['invalid']}: /x: unknown field")
    assert lines[2] == f"{files['valid']}: valid"


def test_validate_reports_line_and_column_of_malformed_json(files: dict[str, Path]) -> None:
    code, out, _ = _run("validate", str(files["broken"]))
    assert code == 1
    assert "line 1, column 11" in out
    assert "Traceback" not in out


def test_validate_exits_2_for_an_unreadable_file_without_a_traceback(tmp_path: Path) -> None:
    code, _, err = _run("validate", str(tmp_path / "missing.json"))
    assert code == 2
    assert "missing.json" in err
    assert "Traceback" not in err


def test_validate_json_format_is_machine_readable(files: dict[str, Path]) -> None:
    code, out, _ = _run("validate", "--format", "json", str(files["invalid"]), str(files["valid"]))
    assert code == 1
    results = json.loads(out)
    assert [r["valid"] for r in results] == [False, True]
    assert results[0]["issues"][0]["pointer"] == "/title"


def test_validate_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(VALID.encode())))
    code, out, _ = _run("validate", "-")
    assert code == 0
    assert out == "<stdin>: valid\n"


@pytest.mark.parametrize(
    "argv", [[], ["validate"], ["nonsense"], ["validate", "--format", "xml", "f"]]
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    code, _, err = _run(*argv)
    assert code == 2
    assert "Traceback" not in err


def test_schema_prints_the_packaged_schema() -> None:
    code, out, _ = _run("schema")
    assert code == 0
    assert json.loads(out) == rm.schema()


def test_the_installed_rol_command_runs_as_a_process(files: dict[str, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rol_model", "validate", str(files["invalid"])],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert "/title" in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr
