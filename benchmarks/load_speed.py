"""How long a validated load takes, as a ratio to plain ``json.loads`` of the same bytes.

Usage: python benchmarks/load_speed.py [--rounds N] [--default-install] [--json FILE]

Measures, on the same bytes: ``json.loads`` (the baseline), ``rol_model.loads`` (parse strictly,
validate against the schema, build the classes), validation alone, ``rol_model.dumps``, and the
pydantic and msgspec peers (``benchmarks/pydantic_peer.py``, ``benchmarks/msgspec_peer.py``)
when ``rol-model[bench]`` is installed. Reported for the bundled example, for a report ten
times its size, and for that report with one figure written with a fraction (``40.5``, which
the fast path reads again with exact decimals), with a source URL (colons the repeated-key proof
counts where they stand) and with a colon in an item's text (which that proof pays for by writing
the tree again).

Timing is CPU time of this thread (``time.thread_time``), so other processes on a shared machine
do not count, in interleaved rounds: each round times the baseline and every operation once
(each sample a loop of about 20 ms), and each ratio is taken against the baseline of its own
round. The table gives the minimum and the median ratio over the rounds.

``--default-install`` makes orjson and jsonschema-rs unimportable before rol_model is loaded:
the figures of an install without the ``fast`` extra, from the same environment.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import rol_model as rm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"


def _renumber(node: rm.Measure, prefix: str) -> rm.Measure:
    import attrs

    new_id = f"{prefix}{node.id}"
    return attrs.evolve(
        node,
        id=new_id,
        indicators=tuple(attrs.evolve(i, id=f"{prefix}{i.id}") for i in node.indicators),
        children=tuple(_renumber(child, prefix) for child in node.children),
    )


def _colon_in_last_item(text: str) -> str:
    """The JSON ``text`` with a colon written into its last sentence (deep in the last part)."""
    end = text.rindex("。")
    return text[:end] + "。详见:附件" + text[end + 1 :]


def enlarged(report: rm.Report, factor: int) -> rm.Report:
    """The report with its measures parts repeated ``factor`` times (ids kept unique)."""
    import attrs

    import rol_model as rm

    parts: list[rm.Part] = []
    for copy in range(factor):
        for part in report.parts:
            if isinstance(part, rm.MeasuresPart):
                measures = tuple(_renumber(m, f"x{copy}") for m in part.measures)
                parts.append(attrs.evolve(part, measures=measures))
            elif copy == 0:
                parts.append(part)
    return attrs.evolve(report, parts=tuple(parts))


def _cpu(function: Callable[[], object], loops: int) -> float:
    start = time.thread_time()
    for _ in range(loops):
        function()
    return (time.thread_time() - start) / loops


def _peers() -> dict[str, Callable[[bytes], object]]:
    peers: dict[str, Callable[[bytes], object]] = {}
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import pydantic_peer

        peers["pydantic model_validate_json"] = pydantic_peer.Report.model_validate_json
    except ImportError:
        print("pydantic is not installed: no pydantic row (pip install 'rol-model[bench]')")
    try:
        import msgspec_peer

        peers["msgspec typed decode"] = msgspec_peer.decode
    except ImportError:
        print("msgspec is not installed: no msgspec row (pip install 'rol-model[bench]')")
    return peers


def measure(data: bytes, rounds: int) -> dict[str, dict[str, float]]:
    """CPU seconds per call and ratios to json.loads (min, median) for each operation."""
    import rol_model as rm

    document = rm.loads(data)
    parsed = json.loads(data)
    operations: dict[str, Callable[[], object]] = {
        "json.loads (baseline)": lambda: json.loads(data),
        "rol_model.loads (validated)": lambda: rm.loads(data),
        "rol_model.validate only": lambda: rm.validate(parsed),
        "rol_model.dumps": lambda: rm.dumps(document),
    }
    for name, peer in _peers().items():
        operations[name] = lambda peer=peer: peer(data)
    loops = {
        name: max(1, int(0.02 / max(_cpu(function, 3), 1e-7)))
        for name, function in operations.items()
    }
    samples: dict[str, list[float]] = {name: [] for name in operations}
    for _ in range(rounds):
        for name, function in operations.items():
            samples[name].append(_cpu(function, loops[name]))
    baseline = samples["json.loads (baseline)"]
    results = {}
    for name, times in samples.items():
        ratios = [t / b for t, b in zip(times, baseline, strict=True)]
        results[name] = {
            "median_seconds": statistics.median(times),
            "ratio_min": min(ratios),
            "ratio_median": statistics.median(ratios),
            "ratio_max": max(ratios),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--default-install",
        action="store_true",
        help="measure without the fast extra (orjson, jsonschema-rs) even when it is installed",
    )
    args = parser.parse_args()
    if args.default_install:
        if "rol_model" in sys.modules:
            raise SystemExit("--default-install must run before rol_model is imported")
        sys.modules["orjson"] = None  # type: ignore[assignment]
        sys.modules["jsonschema_rs"] = None  # type: ignore[assignment]
    import rol_model as rm
    from rol_model.validation import _schema

    engine = "jsonschema-rs (fast extra)" if _schema._rust() else "compiled schema (default)"
    print(f"validation verdict: {engine}; CPU time, {args.rounds} interleaved rounds")
    report = rm.load(EXAMPLE)
    large = enlarged(report, 10)
    ten = rm.dumps(large)
    url = rm.Source(url="https://www.wusu.gov.cn/info/1234/5678.html")
    inputs = {
        "example": EXAMPLE.read_bytes(),
        "example x10": ten.encode("utf-8"),
        "example x10, a fraction": re.sub(
            r'"value": (\d+)', r'"value": \1.5', ten, count=1
        ).encode(),
        "example x10, a source URL": rm.dumps(attrs.evolve(large, source=url)).encode(),
        "example x10, a colon in an item": _colon_in_last_item(ten).encode(),
    }
    figures = {}
    for label, data in inputs.items():
        figures[label] = measure(data, args.rounds)
        print(f"\n{label}: {len(data):,} bytes")
        print(f"  {'operation':32} {'median':>10} {'× json.loads min':>17} {'median':>7}")
        for name, row in figures[label].items():
            print(
                f"  {name:32} {row['median_seconds'] * 1e3:8.3f}ms "
                f"{row['ratio_min']:16.2f}× {row['ratio_median']:6.2f}×"
            )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
