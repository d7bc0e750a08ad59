"""The architecture contracts of pyproject.toml hold, and they catch a wrong import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "rol_model"

pytest.importorskip("importlinter", reason="import-linter is in the dev extra")


def _lint(package_parent: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy(tmp_path: Path) -> Path:
    parent = tmp_path / "src"
    shutil.copytree(PACKAGE, parent / "rol_model", ignore=shutil.ignore_patterns("__pycache__"))
    return parent


def test_the_package_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint(_copy(tmp_path), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract", "offender"),
    [
        # a lower layer reaching up: the text layer must know nothing of the model
        ("text/_fold.py", "import rol_model.model", "Layers", ("rol_model.text._fold",)),
        # a private module imported from another package
        (
            "views/_layout.py",
            "import rol_model.importer._outline",
            "Private modules",
            ("rol_model.importer._outline",),
        ),
        # a cycle between two modules of one package: either of its two imports is named
        (
            "checker/_registry.py",
            "import rol_model.checker._run",
            "No import cycles",
            ("._registry -> ._run", "._run -> ._registry"),
        ),
    ],
)
def test_a_wrong_import_breaks_a_contract_and_is_named(
    tmp_path: Path, module: str, line: str, contract: str, offender: tuple[str, ...]
) -> None:
    parent = _copy(tmp_path)
    path = parent / "rol_model" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint(parent, tmp_path)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout
    assert any(name in result.stdout for name in offender), result.stdout
