"""Load a report and print a one-screen summary: its parts, items and figures.

Usage: python examples/summarise_report.py [REPORT.json]
(default: the bundled Wusu 2023 example)
"""

from __future__ import annotations

import sys
from pathlib import Path

import rol_model as rm

DEFAULT = Path(__file__).parent / "reports" / "wusu-education-2023.json"
# 40余件 / 40件以上 is "at least 40": ≥40, never +40, which reads as an increase.
QUALIFIER_MARKS = {"exact": "", "at_least": "≥", "approximately": "≈", "at_most": "≤"}


def count(nodes: tuple[rm.Node, ...]) -> int:
    """How many items there are in an outline, children included."""
    return sum(1 + count(getattr(node, "children", ())) for node in nodes)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    try:
        report = rm.load(path)
    except rm.InvalidReportError as error:
        for issue in error.issues:  # every problem, in document order, each with its pointer
            print(f"{path}: {issue}", file=sys.stderr)
        return 1
    except rm.RolModelError as error:  # unreadable file
        print(error, file=sys.stderr)
        return 1
    print(report.title)
    print(f"{report.organization.name} · {report.year}年度")
    for part in report.parts:
        heading = f"{part.marker or ''}{part.heading or ''}" or "(untitled part)"
        field = {"measures": "measures", "shortcomings": "shortcomings", "plans": "plans"}
        items = count(getattr(part, field.get(part.kind, "items")))
        print(
            f"  [{part.kind}] {heading}: {items} items" if items else f"  [{part.kind}] {heading}"
        )
    missing = {"measures", "shortcomings", "leadership", "plans"} - {p.kind for p in report.parts}
    if missing:
        print("  missing parts:", ", ".join(sorted(missing)))
    figures = list(rm.iter_indicators(report))
    print(f"{len(figures)} figures:")
    for _, figure in figures:
        mark = QUALIFIER_MARKS[figure.qualifier]
        print(f"  {figure.label}: {mark}{figure.value} {figure.unit}  «{figure.source}»")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
