"""Documentation that is generated stays in sync, and its code blocks run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNABLE = [ROOT / "README.md", ROOT / "docs" / "model.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_the_model_field_reference_matches_the_schema() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_model_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + "\nrun: python tools/build_model_doc.py"
