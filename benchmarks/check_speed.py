"""``check`` against ``json.loads`` in CPU time, rounds interleaved: the issue 12 measure.

Run: ``python benchmarks/check_speed.py [--rounds N]``

The row ``rol_model.check (distinct texts)`` of ``benchmarks/run.py --only load`` times wall clock,
which a machine shared with other jobs moves a lot. This times the same thing, ``check`` of
already-loaded reports whose texts differ from call to call (``run._variants``) divided by
``json.loads`` of the report's bytes, with :func:`time.process_time`, in ``N`` rounds (default
15) that alternate the two, and prints the least, the median and the largest ratio for the
example report and the example ×10.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable

from load_speed import enlarged
from run import EXAMPLE, _variants

import rol_model as rm

_SAMPLE_SECONDS = 0.2


def _per_call(function: Callable[[], object], loops: int) -> float:
    start = time.process_time()
    for _ in range(loops):
        function()
    return (time.process_time() - start) / loops


def _loops(function: Callable[[], object]) -> int:
    return max(1, int(_SAMPLE_SECONDS / max(_per_call(function, 3), 1e-7)))


def measure(data: bytes, rounds: int) -> dict[str, float]:
    """CPU seconds per call of both, and the least, median and largest ratio over ``rounds``."""
    pool = itertools.cycle(_variants(json.loads(data)))

    def check() -> object:
        return rm.check(next(pool))

    def baseline() -> object:
        return json.loads(data)

    base_loops, check_loops = _loops(baseline), _loops(check)
    ratios, checks, bases = [], [], []
    for _ in range(rounds):
        bases.append(_per_call(baseline, base_loops))
        checks.append(_per_call(check, check_loops))
        ratios.append(checks[-1] / bases[-1])
    return {
        "check_seconds": statistics.median(checks),
        "json_loads_seconds": statistics.median(bases),
        "min": min(ratios),
        "median": statistics.median(ratios),
        "max": max(ratios),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the ratios for the example and the example ×10."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (default 15)")
    args = parser.parse_args(argv)
    example = rm.load(EXAMPLE)
    inputs = {"example": EXAMPLE.read_bytes(), "example ×10": rm.dumps(enlarged(example, 10))}
    for case, data in inputs.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        row = measure(raw, args.rounds)
        print(
            f"{case}: check {row['check_seconds'] * 1e3:.2f} ms, json.loads "
            f"{row['json_loads_seconds'] * 1e6:.0f} µs; CPU ratio min {row['min']:.1f}, "
            f"median {row['median']:.1f}, max {row['max']:.1f} ({args.rounds} rounds)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
