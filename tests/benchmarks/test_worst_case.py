"""benchmarks/worst_case.py runs end to end on small sizes (its figures are never asserted)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_worst_case_benchmark_measures_every_stage() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import worst_case
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = io.StringIO()
    results = worst_case.run(quick=True, repeat=1, out=out)
    assert set(results) >= {"import-text", "import-html", "check", "diff", "export", "render"}
    for name in ("check", "diff", "export", "render"):
        rows = results[name]["rows"]
        assert [row["size"] for row in rows] == [250, 500, 1000]
        assert all(row["peak_bytes"] > 0 for row in rows)
    assert "time per doubling" in out.getvalue()
    assert results["bomb-export"]["peak_bytes"] < 50_000_000
