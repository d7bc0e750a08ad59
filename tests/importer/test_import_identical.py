"""The importer's output on every fixture report is exactly what it was when the golden was made.

Every ``*.txt`` under ``tests/fixtures/corpus``, ``realistic`` and ``real`` (the sets
``benchmarks/import_accuracy.py`` scores) is imported as a file and as each of that benchmark's
published variants (wrapped lines, a web page, other widths, traditional characters,
GB18030 with CRLF); so are the seed ten times longer (``benchmarks/run.py``'s import case) and
small cuts of ``benchmarks/import_speed.py``'s adversarial inputs. For each, the golden holds
the SHA-256 of the report's canonical JSON (``rol_model.dumps``) and every warning in full, or
the issues of the refusal, so a change to the importer that is meant to be invisible (a speed
change) is proved so, and a failure shows which warnings moved.

The golden (``golden/import_outputs.json``) is written by
``python tests/importer/test_import_identical.py --write``; rewrite it only when an output is
meant to change, and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import rol_model
from rol_model import RolModelError
from rol_model.importer import ImportResult, import_bytes, import_file, import_text
from rol_model.importer._source import decode_bytes

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
FIXTURES = ROOT / "tests" / "fixtures"
SETS = ("corpus", "realistic", "real")
SEED = FIXTURES / "corpus" / "wusu-education-2023.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "import_outputs.json"
ADVERSARIAL_BYTES = 48 * 1024


def _benchmark(name: str) -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


def _cases() -> Iterator[tuple[str, Callable[[], ImportResult]]]:
    """``(name, import)`` of every case, in a stable order."""
    variants = _benchmark("import_accuracy").VARIANTS
    for folder in SETS:
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            name = f"{folder}/{path.name}"
            yield name, lambda path=path: import_file(path)
            text = decode_bytes(path.read_bytes())[0]
            for variant, (transform, encoding) in variants.items():
                data = transform(text).encode(encoding)
                yield (
                    f"{name} [{variant}]",
                    lambda data=data, path=path: import_bytes(data, name=path.name),
                )
    seed = SEED.read_text(encoding="utf-8")
    longer = _benchmark("run").longer_seed(seed, 10)
    yield "seed ×10", lambda: import_text(longer)
    speed = _benchmark("import_speed")
    for kind, text in speed._inputs(ADVERSARIAL_BYTES).items():
        yield (
            f"adversarial {kind}",
            lambda text=text: import_text(text, organization="某某县司法局", year=2023),
        )


def _outcome(run: Callable[[], ImportResult]) -> dict[str, Any]:
    """What one import gave: the report's digest and every warning, or the refusal."""
    try:
        result = run()
    except RolModelError as error:
        issues = getattr(error, "issues", ())
        return {
            "refused": type(error).__name__,
            "issues": [[i.code, i.severity, i.line, i.message] for i in issues] or [str(error)],
        }
    document = rol_model.dumps(result.report)
    return {
        "report_sha256": hashlib.sha256(document.encode("utf-8")).hexdigest(),
        "title": result.report.title,
        "parts": len(result.report.parts),
        "characters": len(document),
        "warnings": [[w.code, w.severity, w.line, w.message] for w in result.warnings],
    }


def outcomes() -> dict[str, dict[str, Any]]:
    """Every case's outcome, by name."""
    return {name: _outcome(run) for name, run in _cases()}


@pytest.fixture(scope="module")
def now() -> dict[str, dict[str, Any]]:
    return outcomes()


@pytest.fixture(scope="module")
def golden() -> dict[str, dict[str, Any]]:
    loaded: dict[str, dict[str, Any]] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return loaded


def test_the_same_cases_are_imported(
    now: dict[str, dict[str, Any]], golden: dict[str, dict[str, Any]]
) -> None:
    # a fixture added or removed since the golden was written: rewrite it (see the docstring)
    assert sorted(now) == sorted(golden)
    assert len(now) > 500  # every fixture, every variant: not an empty glob


def test_every_import_gives_the_golden_output(
    now: dict[str, dict[str, Any]], golden: dict[str, dict[str, Any]]
) -> None:
    changed = [name for name in golden if name in now and now[name] != golden[name]]
    for name in changed[:3]:  # pytest shows the first differences in full
        assert now[name] == golden[name], name
    assert not changed


def test_the_golden_holds_imports_and_refusals(golden: dict[str, dict[str, Any]]) -> None:
    # the comparison covers both ways an import ends, and warnings with their lines
    assert any("report_sha256" in outcome for outcome in golden.values())
    assert any("refused" in outcome for outcome in golden.values())
    assert any(outcome.get("warnings") for outcome in golden.values())


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/importer/test_import_identical.py --write")
    GOLDEN.parent.mkdir(exist_ok=True)
    rows = (
        f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(outcome, ensure_ascii=False)}"
        for name, outcome in sorted(outcomes().items())
    )
    GOLDEN.write_text("{\n" + ",\n".join(rows) + "\n}\n", encoding="utf-8")  # a case a line
    print(f"wrote {GOLDEN}")
