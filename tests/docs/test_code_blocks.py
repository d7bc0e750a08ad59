"""Every page of the docs that shows Python shows code that runs, in one shared runner."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Page → (the heading its English half ends at, or None; how many python blocks it has).
PAGES: dict[str, tuple[str | None, int | None]] = {
    "README.md": (None, None),
    "docs/model.md": (None, None),
    "docs/check.md": (None, None),
    "docs/diff.md": (None, 3),
    "docs/import.md": (None, None),
    "docs/views.md": (None, None),
    "docs/architecture.md": (None, None),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_python_code_blocks_run(page: str, run_doc_blocks: object) -> None:
    section, expect = PAGES[page]
    run_doc_blocks(ROOT / page, section=section, expect=expect)  # type: ignore[operator]


def test_the_scale_doc_example_runs_with_duckdb(run_doc_blocks: object, tmp_path: Path) -> None:
    pytest.importorskip("duckdb", reason="the DuckDB example needs pip install 'rol-model[bench]'")
    run_doc_blocks(ROOT / "docs" / "scale.md", section="\n## 中文\n")  # type: ignore[operator]
    assert (tmp_path / "tables" / "indicators.csv").exists()
