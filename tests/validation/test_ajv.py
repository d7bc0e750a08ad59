"""ajv (JavaScript, draft 2020-12 with formats) and rol_model give every file the same verdict.

The schema is the contract for non-Python systems. These tests run ``tests/ajv/validate.mjs``
(ajv pinned in package.json / package-lock.json; install it with ``.ci/ajv-install``) on every
bundled example and fixture, and compare its verdict with rol_model's: a file is valid to
rol_model when :func:`rol_model.loads` accepts it. The ajv tests skip when ``node`` or
``node_modules`` is missing, except in CI (``CI=true``), where that is an error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import rol_model

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "ajv" / "validate.mjs"
FIXTURES = ROOT / "tests" / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.json"))
INVALID = sorted((FIXTURES / "invalid").glob("*.json"))
EXAMPLES = sorted((ROOT / "examples").rglob("*.json"))
DIFFERENCES = sorted((ROOT / "tests" / "ajv" / "differences").glob("*.json"))
ALL = [*EXAMPLES, *VALID, *INVALID]

# ajv reports these around the error that matters: the failed "if" of the part-kind dispatch,
# and "propertyNames" around the failed pattern of an extension key.
AJV_WRAPPERS = {"if", "propertyNames"}


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _rol_model_issues(path: Path) -> list[rol_model.Issue]:
    """rol_model's verdict: no issue when ``loads`` accepts the bytes of the file."""
    try:
        rol_model.loads(path.read_bytes())
    except rol_model.InvalidReportError as error:
        return list(error.issues)
    return []


@pytest.fixture(scope="module")
def ajv() -> dict[str, dict[str, Any]]:
    """ajv's result for every example, fixture and known difference, keyed by relative path."""
    node = shutil.which("node")
    missing = (
        "node is not installed"
        if node is None
        else "node_modules is missing (run .ci/ajv-install)"
        if not (ROOT / "node_modules" / "ajv" / "package.json").is_file()
        else None
    )
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the ajv cross-check cannot run in CI: {missing}")
        pytest.skip(f"ajv cross-check skipped: {missing}")
    assert node is not None
    files = [_name(path) for path in [*ALL, *DIFFERENCES]]
    done = subprocess.run(
        [node, str(SCRIPT), *files],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["file"] for r in results] == files
    return {r["file"]: r for r in results}


def _ajv_failures(result: dict[str, Any]) -> set[tuple[str, str]]:
    """(pointer, keyword) of each ajv error, an unknown property pointed at like rol_model does."""
    found = set()
    for error in result["errors"]:
        keyword, where = error["keyword"], error["pointer"]
        if keyword in AJV_WRAPPERS:
            continue
        if keyword == "additionalProperties":
            name = error["params"]["additionalProperty"]
            where += "/" + name.replace("~", "~0").replace("/", "~1")
        found.add((where, keyword))
    return found


def _rol_model_failures(issues: list[rol_model.Issue]) -> set[tuple[str, str]]:
    """(pointer, keyword) of each schema issue, in ajv's words."""
    found = set()
    for issue in issues:
        keyword = issue.code.removeprefix("schema.")
        found.add(
            (issue.pointer, "additionalProperties" if keyword == "unknown-field" else keyword)
        )
    return found


def test_fixture_sets_are_not_empty() -> None:
    assert len(EXAMPLES) >= 1
    assert len(VALID) >= 10
    assert len(INVALID) >= 30
    assert len(DIFFERENCES) >= 1


@pytest.mark.parametrize("path", [*EXAMPLES, *VALID], ids=_name)
def test_rol_model_accepts_examples_and_valid_fixtures(path: Path) -> None:
    assert _rol_model_issues(path) == []


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_rol_model_refuses_each_invalid_fixture_at_one_place(path: Path) -> None:
    """Each invalid fixture breaks one rule: every issue rol_model finds points at one place."""
    issues = _rol_model_issues(path)
    assert issues, f"{_name(path)} was accepted"
    assert len({issue.pointer for issue in issues}) == 1, issues


@pytest.mark.parametrize("path", ALL, ids=_name)
def test_ajv_and_rol_model_agree(path: Path, ajv: dict[str, dict[str, Any]]) -> None:
    result = ajv[_name(path)]
    issues = _rol_model_issues(path)
    assert result["valid"] == (not issues), (result, issues)


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_ajv_refuses_each_invalid_fixture_for_the_same_reason(
    path: Path, ajv: dict[str, dict[str, Any]]
) -> None:
    """Both validators name the same JSON Pointer and keyword (schema rules only)."""
    result = ajv[_name(path)]
    assert not result["valid"]
    issues = _rol_model_issues(path)
    if all(issue.code.startswith("schema.") for issue in issues):
        assert _ajv_failures(result) == _rol_model_failures(issues)


@pytest.mark.parametrize("path", DIFFERENCES, ids=_name)
def test_only_rol_model_refuses_what_json_parse_cannot_see(
    path: Path, ajv: dict[str, dict[str, Any]]
) -> None:
    """Known differences (tests/ajv/differences/README.md): exact decimals and strict JSON."""
    assert ajv[_name(path)]["valid"], "ajv now refuses this file: move it to fixtures/invalid"
    assert _rol_model_issues(path), "rol_model now accepts this file"


def test_validate_mjs_exit_codes(ajv: dict[str, dict[str, Any]]) -> None:
    node = shutil.which("node")
    assert node is not None

    def run(*args: str) -> int:
        return subprocess.run(
            [node, str(SCRIPT), *args], cwd=ROOT, capture_output=True, check=False
        ).returncode

    assert run(*map(_name, VALID)) == 0
    assert run(_name(VALID[0]), _name(INVALID[0])) == 1
    assert run() == 2
    assert run("tests/fixtures/no-such-file.json") == 2
    assert run("--schema", "no-such-schema.json", _name(VALID[0])) == 2
