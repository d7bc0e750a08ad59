"""Documentation that is generated stays in sync, and its code blocks run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNNABLE = [ROOT / "README.md", ROOT / "docs" / "model.md", ROOT / "docs" / "survey.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_the_model_field_reference_matches_the_schema() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_model_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + "\nrun: python tools/build_model_doc.py"


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda p: p.name)
def test_python_code_blocks_in_the_docs_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = BLOCK.findall(page.read_text("utf-8"))
    assert blocks, f"{page.name} has no python example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in blocks:  # blocks of one page build on each other, like a reader's session
        exec(compile(block, str(page), "exec"), namespace)
