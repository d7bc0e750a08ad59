"""The npm package ``rol-model-schema`` (``js/``): schemas, generated types, ``validate``.

Runs the package's own tests (node's test runner), which compare its issues with rol_model's on
every example and fixture (``js/test/expected.json``, written by ``tools/build_js_expected.py``);
checks that the shipped schemas and the TypeScript types are in step with ``schemas/``; compiles
an example with ``tsc --strict`` and runs it; and installs the ``npm pack`` tarball into a clean
folder without the network. The node tests skip when ``node`` or ``js/node_modules`` is missing,
except in CI (``CI=true``), where that is an error (``.ci/js-install`` installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "js"


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    missing = (
        "node and npm are not installed"
        if node is None or npm is None
        else "js/node_modules is missing (run .ci/js-install)"
        if not (JS / "node_modules" / "json-schema-to-typescript" / "package.json").is_file()
        else None
    )
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the npm package tests cannot run in CI: {missing}")
        pytest.skip(f"npm package tests skipped: {missing}")
    assert node is not None
    assert npm is not None
    return node, npm


def _run(*args: str, cwd: Path = JS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=cwd, capture_output=True, encoding="utf-8", check=False, timeout=300
    )


def test_expected_issues_are_rol_models() -> None:
    """js/test/expected.json is what rol_model says today: a new fixture or rule shows up here."""
    done = _run(sys.executable, str(ROOT / "tools" / "build_js_expected.py"), "--check", cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_schemas_and_types_are_in_sync() -> None:
    node, _ = _tools()
    done = _run(node, "scripts/sync.mjs", "--check")
    assert done.returncode == 0, done.stderr


def test_sync_check_fails_on_drift(tmp_path: Path) -> None:
    """A copy of the package whose schema differs from schemas/ is refused by the check."""
    node, _ = _tools()
    copy = tmp_path / "repo"
    (copy / "schemas").mkdir(parents=True)
    for schema in (ROOT / "schemas").glob("*.json"):
        shutil.copy(schema, copy / "schemas")
    shutil.copytree(JS, copy / "js", symlinks=True, ignore=shutil.ignore_patterns("node_modules"))
    (copy / "js" / "node_modules").symlink_to(JS / "node_modules")
    shipped = copy / "js" / "schemas" / "diff.schema.json"
    shipped.write_text(shipped.read_text("utf-8").replace("Changes", "Chunges", 1), "utf-8")
    done = _run(node, "scripts/sync.mjs", "--check", cwd=copy / "js")
    assert done.returncode == 1
    assert "diff.schema.json" in done.stderr
    assert "types" not in done.stderr


def test_node_tests_pass() -> None:
    node, _ = _tools()
    done = _run(node, "--test", "test/")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout


def test_typescript_example_compiles_strict_and_runs(tmp_path: Path) -> None:
    node, _ = _tools()
    tsc = JS / "node_modules" / "typescript" / "bin" / "tsc"
    done = _run(
        node, str(tsc), "--strict", "-p", "examples/tsconfig.json", "--outDir", str(tmp_path)
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # the compiled example imports "rol-model-schema": run it where that name resolves
    target = JS / "examples" / "build-check"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(tmp_path, target)
    try:
        ran = _run(node, str(target / "build-report.js"))
    finally:
        shutil.rmtree(target, ignore_errors=True)
    assert ran.returncode == 0, ran.stderr
    verdict = json.loads(ran.stdout.splitlines()[-1])
    assert verdict == {"valid": True, "broken": [["/year", "schema.minimum"]]}


def test_packed_tarball_installs_offline_and_works(tmp_path: Path) -> None:
    """``npm pack``, then ``npm install --offline`` of the tarball into an empty project."""
    node, npm = _tools()
    packed = _run(npm, "pack", "--json", "--pack-destination", str(tmp_path))
    assert packed.returncode == 0, packed.stderr
    info = json.loads(packed.stdout)[0]
    names = {entry["path"] for entry in info["files"]}
    assert {"schemas/report.schema.json", "src/index.js", "src/types/report.d.ts"} <= names
    assert not any(name.startswith(("test/", "node_modules/", "examples/")) for name in names)
    project = tmp_path / "project"
    project.mkdir()
    (project / "package.json").write_text('{"private": true, "type": "module"}', "utf-8")
    installed = _run(
        npm,
        "install",
        "--offline",
        "--no-audit",
        "--no-fund",
        str(tmp_path / info["filename"]),
        cwd=project,
    )
    assert installed.returncode == 0, installed.stderr
    fixture = ROOT / "tests" / "fixtures" / "invalid" / "unknown-field-in-measure.json"
    script = (
        'import { readFileSync } from "node:fs";\n'
        'import { validateText, schemas } from "rol-model-schema";\n'
        "const issues = validateText(readFileSync(process.argv[2]));\n"
        "console.log(JSON.stringify({ id: schemas.report.$id, issues }));\n"
    )
    (project / "use.mjs").write_text(script, "utf-8")
    ran = _run(node, "use.mjs", str(fixture), cwd=project)
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert result["id"] == "urn:rol-model:schema:report:1.0"
    expected = json.loads((JS / "test" / "expected.json").read_text("utf-8"))
    key = fixture.relative_to(ROOT).as_posix()
    assert [{"pointer": i["pointer"], "code": i["code"]} for i in result["issues"]] == expected[
        "invalid"
    ][key]
