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
