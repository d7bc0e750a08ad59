"""The benchmark suite runs end to end, and its pydantic peer model is faithful to the schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"
FIXTURES = ROOT / "tests" / "fixtures"

# What pydantic's JSON reader accepts differently, by design of the reader, not of the model.
PEER_READER_DIFFERENCES = {"utf8-bom.json"}  # pydantic refuses a UTF-8 byte order mark


@pytest.fixture(scope="module")
def peer() -> object:
    pytest.importorskip("pydantic", reason="the peer model needs pip install 'rol-model[bench]'")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import pydantic_peer
    finally:
        sys.path.remove(str(BENCHMARKS))
    return pydantic_peer.Report


def test_peer_model_accepts_the_example_and_every_valid_fixture(peer: object) -> None:
    validate = peer.model_validate_json  # type: ignore[attr-defined]
    report = validate(EXAMPLE.read_bytes())
    assert report.organization.name == "乌苏市教育和科学技术局"
    for path in sorted((FIXTURES / "valid").glob("*.json")):
        if path.name not in PEER_READER_DIFFERENCES:
            validate(path.read_bytes())


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "invalid").glob("*.json")), ids=lambda path: path.name
)
def test_peer_model_rejects_every_invalid_fixture(peer: object, path: Path) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        peer.model_validate_json(path.read_bytes())  # type: ignore[attr-defined]


# What the msgspec peer reads differently, by design of msgspec's typed decoder (see its docstring).
MSGSPEC_ACCEPTS = {
    "duplicate-shortcoming-ids.json",  # no uniqueness constraint on arrays
    "impossible-date-february-29-2023.json",  # dates checked by pattern only
    "impossible-date-february-30.json",
    "value-over-bound.json",  # msgspec bounds no Decimal
    "value-under-bound.json",
    "wrong-type-value-string.json",  # a Decimal may be written as a string
}
MSGSPEC_REFUSES = {"utf8-bom.json", "year-written-as-2023.0.json"}


@pytest.fixture(scope="module")
def msgspec_peer() -> object:
    pytest.importorskip("msgspec", reason="the peer model needs pip install 'rol-model[bench]'")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import msgspec_peer
    finally:
        sys.path.remove(str(BENCHMARKS))
    return msgspec_peer.decode


def test_msgspec_peer_reads_the_fixtures_as_the_schema_does_but_for_its_listed_limits(
    msgspec_peer: object,
) -> None:
    import msgspec

    decode = msgspec_peer
    assert decode(EXAMPLE.read_bytes()).organization.name == "乌苏市教育和科学技术局"  # type: ignore[operator]
    for path in sorted((FIXTURES / "valid").glob("*.json")):
        if path.name not in MSGSPEC_REFUSES:
            decode(path.read_bytes())  # type: ignore[operator]
    for path in sorted((FIXTURES / "invalid").glob("*.json")):
        if path.name in MSGSPEC_ACCEPTS:
            continue
        with pytest.raises((msgspec.ValidationError, msgspec.DecodeError)):
            decode(path.read_bytes())  # type: ignore[operator]


def test_run_quick_measures_every_group_and_writes_ratios(tmp_path: Path) -> None:
    output = tmp_path / "latest.json"
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--output", str(output)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert "rol_model.loads (validated)" in completed.stdout
    figures = json.loads(output.read_text(encoding="utf-8"))
    groups = {row["group"] for row in figures["rows"]} | {s["group"] for s in figures["skipped"]}
    assert groups == {"load", "diff", "import", "cli", "corpus"}
    for row in figures["rows"]:
        assert row["seconds"] > 0
        assert row["baseline_seconds"] > 0


def test_run_only_selects_groups_and_refuses_unknown_ones(tmp_path: Path) -> None:
    output = tmp_path / "latest.json"
    run = [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--output", str(output)]
    subprocess.run([*run, "--only", "load"], capture_output=True, check=True, timeout=300)
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert {row["group"] for row in figures["rows"]} == {"load"}
    completed = subprocess.run(
        [*run, "--only", "nope"], capture_output=True, text=True, check=False
    )
    assert completed.returncode != 0
    assert "unknown group" in completed.stderr


@pytest.mark.parametrize("default_install", [False, True])
def test_load_speed_measures_every_case_and_hides_the_fast_extra_when_asked(
    tmp_path: Path, default_install: bool
) -> None:
    output = tmp_path / "load.json"
    command = [sys.executable, str(BENCHMARKS / "load_speed.py"), "--rounds", "1"]
    command += ["--json", str(output)] + (["--default-install"] if default_install else [])
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert completed.returncode == 0, completed.stderr
    if default_install:
        assert "validation verdict: compiled schema (default)" in completed.stdout
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert set(figures) == {
        "example",
        "example x10",
        "example x10, a fraction",
        "example x10, a source URL",
        "example x10, a colon in an item",
    }
    for rows in figures.values():
        assert rows["json.loads (baseline)"]["ratio_median"] == 1
        assert rows["rol_model.loads (validated)"]["median_seconds"] > 0


def test_corpus_cpu_measures_each_rol_given_on_the_same_files() -> None:
    rol = str(Path(sys.executable).with_name("rol"))
    command = [sys.executable, str(BENCHMARKS / "corpus_cpu.py"), "--size", "20"]
    command += ["--rol", f"one={rol}", "--rol", f"two={rol}"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert completed.returncode == 0, completed.stderr
    rows = [line.split() for line in completed.stdout.splitlines()]
    labels = [" ".join(row[:3]) for row in rows if row[:1] == ["rol"]]
    assert labels == [
        "rol validate (one)",
        "rol validate (two)",
        "rol check (one)",
        "rol check (two)",
    ]
    assert completed.stdout.startswith("20 reports, --jobs 2")


def test_check_speed_prints_cpu_ratios_for_both_sizes() -> None:
    command = [sys.executable, str(BENCHMARKS / "check_speed.py"), "--rounds", "1"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["example", "example ×10"]
    for line in lines:
        median = float(line.split("median ")[1].split(",")[0])
        assert median > 0
