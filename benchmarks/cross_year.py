"""How well the cross-year matching separates the same problem from another: the threshold study.

Usage: python benchmarks/cross_year.py

The shared functions ``rol_model.trends._history.recurrences`` and ``follow_ups`` (what both
``rol check --previous`` and ``rol trend`` use) are run at several thresholds on

- the Wusu pair (examples/reports: the real 2023 report and the fictional 2024 one), whose answer
  is known: shortcomings s1→s1, s2→s2, s4→s3 recur; plan p1 is carried out by m2, p2 by m3.3
  and m1.2, p3 by m7;
- every ordered pair of two *different* bodies of the corpus (tests/fixtures/corpus, imported,
  plus the Wusu 2024 report; the Wusu pair itself left out): another body's shortcoming is
  rarely the same problem, and another body's measures rarely carry out a plan, so what is
  found there is (nearly all) false alarm;
- the small sample reports of the rules' worked examples (a reworded recurrence must be found,
  an unrelated shortcoming must not; a plan done must be found, one not done must not).

It prints, per threshold, whether the Wusu answer is exact, the sample verdicts, and the count of
matches across bodies. The defaults (RECURRING_THRESHOLD, FOLLOW_THROUGH_THRESHOLD) are the
thresholds where the Wusu answer is exact, every sample verdict right and cross-body matches
fewest; see docs/check.md for the figures and for the methods they were chosen against.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import attrs

import rol_model as rm
from rol_model.checker._examples import SAMPLE_PREVIOUS, SAMPLE_REPORT
from rol_model.checker._registry import apply_patch
from rol_model.trends._history import (
    FOLLOW_THROUGH_THRESHOLD,
    RECURRING_THRESHOLD,
    follow_ups,
    recurrences,
)

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "examples" / "reports"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
WUSU_RECURRING = {("s1", "s1"), ("s2", "s2"), ("s4", "s3")}
WUSU_FOLLOWING = {"p1": ["m2"], "p2": ["m3.3", "m1.2"], "p3": ["m7"]}
REWORDED = (
    "基层执法人员法律素养参差不齐，个别案件文书说理不充分。",
    "部分基层执法人员法律素养不高，执法文书说理不够充分。",
    "执法人员的法律素养有待提升。",
)
UNRELATED = (
    "行政复议应诉能力较弱，败诉案件有所增加。",
    "规范性文件备案审查不及时。",
    "法治宣传形式单一，群众参与度不高。",
)
UNDONE_PLAN = {
    "op": "add",
    "path": "/parts/3/plans/-",
    "value": {
        "id": "p2",
        "heading": "建成行政复议调解中心",
        "text": "年内建成县行政复议调解中心，推行繁简分流。",
    },
}


def _recurring(previous: rm.Report, report: rm.Report, threshold: float) -> set[tuple[str, str]]:
    return {(r.previous.id, r.current.id) for r in recurrences(previous, report, threshold)}


def _following(previous: rm.Report, report: rm.Report, threshold: float) -> dict[str, list[str]]:
    return {
        f.plan.id: [m.id for _, m, _ in f.measures] for f in follow_ups(previous, report, threshold)
    }


def _with_shortcoming(text: str) -> rm.Report:
    return rm.from_dict(
        apply_patch(
            SAMPLE_PREVIOUS,
            [{"op": "replace", "path": "/parts/1/shortcomings/0/text", "value": text}],
        )
    )


def main() -> None:
    """Print the threshold study."""
    old, new = (
        rm.load(REPORTS / "wusu-education-2023.json"),
        rm.load(REPORTS / "wusu-education-2024-fictional.json"),
    )
    corpus = [rm.import_file(path).report for path in sorted(CORPUS.glob("*.txt"))] + [new]
    pairs = [
        (attrs.evolve(a, year=b.year - 1), b)
        for a, b in itertools.permutations(corpus, 2)
        if a.organization.name != b.organization.name
    ]
    sample = rm.from_dict(SAMPLE_REPORT)
    print(f"{len(pairs)} ordered pairs of different bodies; Wusu pair and sample reports\n")
    print(f"recurring shortcomings (default {RECURRING_THRESHOLD})")
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        exact = _recurring(old, new, threshold) == WUSU_RECURRING
        found = sum(
            _recurring(_with_shortcoming(t), sample, threshold) == {("s1", "s1")} for t in REWORDED
        )
        silent = sum(not _recurring(_with_shortcoming(t), sample, threshold) for t in UNRELATED)
        cross = sum(len(_recurring(a, b, threshold)) for a, b in pairs)
        print(
            f"  {threshold:4}: Wusu exact {exact!s:5}  reworded found {found}/3  "
            f"unrelated silent {silent}/3  cross-body matches {cross}"
        )
    print(f"\nplan follow-through (default {FOLLOW_THROUGH_THRESHOLD})")
    previous = rm.from_dict(SAMPLE_PREVIOUS)
    undone = rm.from_dict(apply_patch(SAMPLE_PREVIOUS, [UNDONE_PLAN]))
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        exact = _following(old, new, threshold) == WUSU_FOLLOWING
        done = bool(_following(previous, sample, threshold)["p1"])
        missed = not _following(undone, sample, threshold)["p2"]
        carried = sum(
            bool(measures) for a, b in pairs for measures in _following(a, b, threshold).values()
        )
        plans = sum(len(a.plans) for a, _ in pairs)
        print(
            f"  {threshold:4}: Wusu exact {exact!s:5}  done found {done!s:5}  "
            f"undone silent {missed!s:5}  cross-body plans carried out {carried}/{plans}"
        )


if __name__ == "__main__":
    main()
