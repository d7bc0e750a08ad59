"""Cold start: importing rol_model and `rol --version` load no heavy or optional library."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import rol_model

INIT = Path(rol_model.__file__)

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
        # loads builds reports without cattrs now (rol_model/_fastload.py); from_dict uses it
        ("cattrs", f"import json, rol_model\nrol_model.from_dict(json.loads({VALID!r}))"),
        (
            "jsonschema",
            "import rol_model\ntry:\n    rol_model.loads('{}')\nexcept ValueError:\n    pass",
        ),
    ],
)
def test_reading_reports_imports_the_libraries_on_first_use(name: str, code: str) -> None:
    """The guards above are not vacuous: the same probe sees them once they are needed."""
    assert name in _modules_after(code)


def test_import_rol_model_imports_none_of_its_modules_until_a_name_is_used() -> None:
    modules = _modules_after("import rol_model")
    assert sorted(m for m in modules if m.startswith("rol_model")) == ["rol_model"]


def _type_checking_imports() -> dict[str, str]:
    """Name → module of the imports in the ``if TYPE_CHECKING:`` block of __init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rol_model")
        for alias in node.names
    }


def test_lazy_export_table_matches_the_type_checking_imports_and_all() -> None:
    """Fix: add the name to _EXPORTS, to the TYPE_CHECKING imports and to __all__ together."""
    exports = rol_model._EXPORTS  # type: ignore[attr-defined]
    assert _type_checking_imports() == exports
    assert set(rol_model.__all__) == {*exports, "__version__"}


def test_every_public_name_resolves_to_the_object_of_its_module() -> None:
    for name, module in rol_model._EXPORTS.items():  # type: ignore[attr-defined]
        assert getattr(rol_model, name) is getattr(importlib.import_module(module), name)
    assert isinstance(rol_model.__version__, str)
    assert set(rol_model.__all__) <= set(dir(rol_model))
    assert rol_model.exceptions.RolModelError is rol_model.RolModelError
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = rol_model.no_such_name  # type: ignore[attr-defined]
