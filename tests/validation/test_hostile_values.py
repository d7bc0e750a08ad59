"""Library and CLI inputs that once escaped as raw exceptions: now RolModelError, always.

Values built in code (``rol_model.validation._hostile`` diagnoses them), NUL bytes in path
arguments, and a full or closed standard output (``rol_model.cli._streams``).
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm

VALID: dict[str, Any] = {
    "title": "某局2023年法治政府建设情况报告",
    "organization": {"name": "某局"},
    "year": 2023,
}


def _nest_dict(n: int) -> object:
    return functools.reduce(lambda inner, _: {"a": inner}, range(n), {})


def _nest_list(n: int) -> object:
    return functools.reduce(lambda inner, _: [inner], range(n), [])


HOSTILE = st.one_of(
    st.sampled_from([10**5000, -(10**5000), Decimal("sNaN"), Decimal("NaN"), Decimal("-Infinity")]),
    st.just(float("nan")),
    st.integers(min_value=150, max_value=5000).map(_nest_dict),
    st.integers(min_value=150, max_value=5000).map(_nest_list),
)
PLACES = st.sampled_from(["year", "title", "organization", "extensions"])


def _place(where: str, value: object) -> dict[str, Any]:
    if where == "extensions":
        return {**VALID, "extensions": {"x:y": value}}
    if where == "organization":
        return {**VALID, "organization": {"name": "某局", "region": value}}
    return {**VALID, where: value}


@settings(max_examples=60, deadline=None)
@given(where=PLACES, value=HOSTILE)
def test_hostile_values_in_data_are_issues(where: str, value: object) -> None:
    data = _place(where, value)
    issues = rm.validate(data)
    assert issues
    with pytest.raises(rm.InvalidReportError):
        rm.from_dict(data)


@settings(max_examples=40, deadline=None)
@given(value=HOSTILE)
def test_hostile_extensions_built_in_code_are_refused_by_dumps(value: object) -> None:
    with pytest.raises(rm.InvalidReportError):  # at construction, or when written
        rm.dumps(attrs.evolve(rm.from_dict(VALID), extensions={"x:y": value}))


def test_parts_nested_thousands_deep_in_code_are_refused() -> None:
    measure = rm.Measure(id="m1", text="x")
    for _ in range(5000):
        measure = rm.Measure(id="m1", text="x", children=(measure,))
    report = attrs.evolve(
        rm.from_dict(VALID), parts=(rm.MeasuresPart(heading="主要举措", measures=(measure,)),)
    )
    with pytest.raises(rm.InvalidReportError, match="deeper"):
        rm.dumps(report)


@pytest.mark.parametrize(
    "call",
    [
        rm.load,
        lambda p: rm.dump(rm.from_dict(VALID), p),
        rm.import_file,
        rm.import_docx,
        lambda p: rm.load_profile(p + ".json"),
        lambda p: rm.export_tables([rm.from_dict(VALID)], p),
        lambda p: rm.export_tables([p], p + "-out"),
    ],
)
def test_a_nul_byte_in_any_path_is_a_rol_model_error(tmp_path: Path, call: Any) -> None:
    with pytest.raises(rm.RolModelError):
        call(str(tmp_path / "a\x00b"))


def _rol(*argv: str, shell_suffix: str) -> subprocess.CompletedProcess[str]:
    command = " ".join([f"'{sys.executable}'", "-m", "rol_model", *argv]) + shell_suffix
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, check=False, timeout=60
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("suffix", [" > /dev/full", " >&-"])
@pytest.mark.parametrize(
    "argv", [["schema"], ["render", "{r}"], ["validate", "{r}"], ["--version"]]
)
def test_a_full_or_closed_stdout_is_one_line_and_exit_2(
    tmp_path: Path, argv: list[str], suffix: str
) -> None:
    report = tmp_path / "r.json"
    report.write_text(rm.dumps(rm.from_dict(VALID)), encoding="utf-8")
    result = _rol(*[a.format(r=report) for a in argv], shell_suffix=suffix)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "standard output: cannot write" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    result = _rol("schema", shell_suffix=" | head -c 1 > /dev/null")
    assert "Traceback" not in result.stderr
    assert os.environ.get("NEVER") is None
