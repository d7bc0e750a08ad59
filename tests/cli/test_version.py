"""The static version string is the one pyproject.toml declares and pip installed."""

from __future__ import annotations

import importlib.metadata
import io
import re
from pathlib import Path

import rol_model
from rol_model._about import __version__
from rol_model.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_static_version_is_the_pyproject_version() -> None:
    declared = re.search(r'^version = "([^"]+)"$', PYPROJECT.read_text("utf-8"), re.MULTILINE)
    assert declared is not None
    assert __version__ == declared.group(1)


def test_the_static_version_is_the_installed_version() -> None:
    assert __version__ == importlib.metadata.version("rol-model")


def test_rol_version_and_the_package_attribute_give_it() -> None:
    out = io.StringIO()
    assert main(["--version"], out, io.StringIO()) == 0
    assert out.getvalue() == f"rol {__version__}\n"
    assert rol_model.__version__ == __version__
