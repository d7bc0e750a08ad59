"""Compare the Wusu 2023 report with its FICTIONAL 2024 follow-up: diff, JSON Patch and trends.

Usage: python examples/diff_and_trend.py [OUTPUT_DIR]

Prints what changed from 2023 to 2024 (an outline like a unified diff), the figures that moved,
and, over the two years, the figure trends, what became of the 2023 plans and the shortcomings
reported again. With OUTPUT_DIR, also writes there the diff as Markdown and JSON, the JSON
Patch, and the three trend tables as CSV. The 2024 report is invented for demonstrations (its
``extensions`` say ``"rol-model:fictional": true``); only the 2023 report is real.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import rol_model as rm
from rol_model.cli import main as main_cli

REPORTS = Path(__file__).parent / "reports"
OLD = REPORTS / "wusu-education-2023.json"
NEW = REPORTS / "wusu-education-2024-fictional.json"


def rol(*argv: str) -> str:
    """Run the ``rol`` command line in-process and return what it prints (exact JSON figures)."""
    out = io.StringIO()
    main_cli(list(argv), out, sys.stderr)
    return out.getvalue()


def main(argv: list[str]) -> int:
    old, new = rm.load(OLD), rm.load(NEW)
    if new.extensions.get("rol-model:fictional") is True:
        print(f"note: {NEW.name} is fictional, written for demonstrations\n")

    changes = rm.diff(old, new)
    print(rm.format_diff(changes))
    counts = changes.counts()
    print(
        f"{counts['added']} added, {counts['removed']} removed, {counts['modified']} modified, "
        f"{counts['moved']} moved; {counts['indicators_changed']} figures changed, "
        f"{len(changes.renumbered)} ids only renumbered\n"
    )

    patch = rm.json_patch(old, new)
    first = patch[0]
    print(f"JSON Patch (RFC 6902): {len(patch)} operations, first {first['op']} {first['path']}\n")

    comparison = rm.compare([old, new])
    print(rm.format_comparison(comparison))

    if len(argv) > 1:
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        (out / "diff.md").write_text(rm.format_diff(changes, "markdown"), "utf-8")
        (out / "diff.json").write_text(rol("diff", str(OLD), str(NEW), "--format", "json"), "utf-8")
        (out / "patch.json").write_text(
            rol("diff", str(OLD), str(NEW), "--format", "patch"), "utf-8"
        )
        for table in ("indicators", "plans", "shortcomings"):
            (out / f"trend-{table}.csv").write_text(
                rm.comparison_csv(comparison, table), "utf-8", newline=""
            )
        print(f"wrote diff.md, diff.json, patch.json and trend-*.csv to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
