"""User documentation and examples reach rol-model through public names only (issue 10).

A private module (``_name``) may move or change at any release; a user told to import one is
broken by the next refactoring. ``docs/architecture.md`` is for contributors and names the
private modules on purpose; every other page, the README and the examples must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = re.compile(r"\brol_model(?:\.[a-z_]+)*\._[a-z]\w*")
PAGES = sorted(
    [
        ROOT / "README.md",
        *(page for page in (ROOT / "docs").glob("*.md") if page.name != "architecture.md"),
        *(ROOT / "examples").rglob("*.py"),
    ]
)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_no_private_module_is_named(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    found = [
        f"{page.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: {match[0]}"
        for match in PRIVATE.finditer(text)
    ]
    assert not found, "private modules named in user documentation:\n" + "\n".join(found)


def test_the_pattern_finds_a_private_module() -> None:
    assert PRIVATE.search("from rol_model.cli._main import main")
    assert PRIVATE.search("rol_model._lazy")
    assert not PRIVATE.search("from rol_model.cli import main; rol_model.__version__")
