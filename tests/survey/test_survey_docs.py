"""The Python example of ``docs/survey.md`` runs (in the shared docs runner)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_survey_doc_example_runs(run_doc_blocks: object) -> None:
    pytest.importorskip("datasketch", reason="copy detection needs pip install 'rol-model[survey]'")
    namespace = run_doc_blocks(ROOT / "docs" / "survey.md", section="\n## 中文说明\n", expect=1)  # type: ignore[operator]
    body = namespace["body"]
    assert body.plans_followed == body.plans_previous == 3  # type: ignore[attr-defined]
    assert body.missing == ("leadership", "other")  # type: ignore[attr-defined]
