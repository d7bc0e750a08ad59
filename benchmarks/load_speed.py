"""How long a validated load takes, as a ratio to plain ``json.loads`` of the same bytes.

Usage: python benchmarks/load_speed.py [--repeat N] [--default-install]

Measures, in one run and on the same bytes: ``json.loads`` (the baseline), ``rol_model.loads``
(parse strictly, validate against the schema, build the classes), validation alone, and
``rol_model.dumps``. Reported for the bundled example and for a report ten times its size. Each
figure is the median of N repetitions (each repetition the best of a few loops) with the spread
(min–max) as ratios, so a noisy machine shows up as a wide spread rather than a wrong number.
"""

from __future__ import annotations

import argparse
import json
import statistics
import timeit
from collections.abc import Callable
from pathlib import Path

import attrs

import rol_model as rm
from rol_model.validation import _schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"


def _renumber(node: rm.Measure, prefix: str) -> rm.Measure:
    new_id = f"{prefix}{node.id}"
    return attrs.evolve(
        node,
        id=new_id,
        indicators=tuple(attrs.evolve(i, id=f"{prefix}{i.id}") for i in node.indicators),
        children=tuple(_renumber(child, prefix) for child in node.children),
    )


def enlarged(report: rm.Report, factor: int) -> rm.Report:
    """The report with its measures parts repeated ``factor`` times (ids kept unique)."""
    parts: list[rm.Part] = []
    for copy in range(factor):
        for part in report.parts:
            if isinstance(part, rm.MeasuresPart):
                measures = tuple(_renumber(m, f"x{copy}") for m in part.measures)
                parts.append(attrs.evolve(part, measures=measures))
            elif copy == 0:
                parts.append(part)
    return attrs.evolve(report, parts=tuple(parts))


def _time(function: Callable[[], object], loops: int) -> float:
    return min(timeit.repeat(function, number=loops, repeat=3)) / loops


def measure(data: bytes, repeat: int) -> dict[str, dict[str, float]]:
    """Seconds per call and ratios to json.loads for each operation on ``data``."""
    document = rm.loads(data)
    parsed = json.loads(data)
    operations: dict[str, Callable[[], object]] = {
        "json.loads (baseline)": lambda: json.loads(data),
        "rol_model.loads (validated)": lambda: rm.loads(data),
        "rol_model.validate only": lambda: rm.validate(parsed),
        "rol_model.dumps": lambda: rm.dumps(document),
    }
    loops = max(1, int(0.05 / _time(operations["rol_model.loads (validated)"], 1)))
    samples: dict[str, list[float]] = {name: [] for name in operations}
    for _ in range(repeat):
        for name, function in operations.items():
            samples[name].append(_time(function, loops))
    baseline = samples["json.loads (baseline)"]
    results = {}
    for name, times in samples.items():
        ratios = [t / b for t, b in zip(times, baseline, strict=True)]
        results[name] = {
            "median_seconds": statistics.median(times),
            "ratio_median": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--default-install",
        action="store_true",
        help="measure the default install's verdict even when the fast extra is installed",
    )
    args = parser.parse_args()
    if args.default_install:
        _schema._rust = lambda: None  # type: ignore[method-assign]
    engine = "jsonschema-rs (fast extra)" if _schema._rust() else "compiled schema (default)"
    print(f"validation verdict: {engine}")
    report = rm.load(EXAMPLE)
    inputs = {
        "example": EXAMPLE.read_bytes(),
        "example x10": rm.dumps(enlarged(report, 10)).encode("utf-8"),
    }
    figures = {}
    for label, data in inputs.items():
        figures[label] = measure(data, args.repeat)
        print(f"\n{label}: {len(data):,} bytes")
        print(f"  {'operation':32} {'median':>10} {'× json.loads':>14} {'spread':>16}")
        for name, row in figures[label].items():
            spread = f"{row['ratio_min']:.2f}–{row['ratio_max']:.2f}"
            print(
                f"  {name:32} {row['median_seconds'] * 1e3:8.3f}ms "
                f"{row['ratio_median']:13.2f}× {spread:>16}"
            )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
