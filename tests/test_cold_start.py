"""Cold start: importing rol_model and `rol --version` load no heavy or optional library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("jsonschema", "cattrs", "referencing", "rpds", "docx", "jinja2", "pydantic")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(json.loads(completed.stdout.splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_import_rol_model_loads_no_heavy_library() -> None:
    assert _heavy(_modules_after("import rol_model")) == []


def test_rol_version_loads_no_heavy_library() -> None:
    code = (
        "import io\nfrom rol_model.cli import main\n"
        "assert main(['--version'], io.StringIO(), io.StringIO()) == 0"
    )
    assert _heavy(_modules_after(code)) == []


VALID = '{"title": "t", "organization": {"name": "o"}, "year": 2023}'


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("cattrs", f"import rol_model\nrol_model.loads({VALID!r})"),
        (
            "jsonschema",
            "import rol_model\ntry:\n    rol_model.loads('{}')\nexcept ValueError:\n    pass",
        ),
    ],
)
def test_reading_reports_imports_the_libraries_on_first_use(name: str, code: str) -> None:
    """The guards above are not vacuous: the same probe sees them once they are needed."""
    assert name in _modules_after(code)
