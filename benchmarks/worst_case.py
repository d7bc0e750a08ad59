"""Worst-case time and memory of import, check, diff, export and render, by input size.

Run: ``python benchmarks/worst_case.py [--quick] [--json OUT.json]``

Inputs are built to be the worst each stage knows of (see docs/security.md):

- ``import-text``: random CJK characters, digits and numbering markers, the importer's worst;
- ``import-html``: a page of ``<!--`` and ``<a `` runs (quadratic for Python's ``html.parser``);
- ``check``, ``diff``, ``export``, ``render``: reports of N items in one part whose texts are
  drawn from 30 words, so every item shares bigrams with every other (the worst case of the
  similarity filters of ROL304 and of diff's matcher); ``diff`` compares two such reports.
- ``decimal-bomb``: one figure of ``1e-999999999`` (a 318-byte report), exported and rendered.

For each size the time (seconds, best of ``--repeat``) and the peak of memory allocated by
Python (tracemalloc, a separate run) are printed, then the growth of time per doubling of the
size: 2.0 is linear, 4.0 quadratic. No figure is asserted anywhere: CI machines differ.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import itertools
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rol_model as rm
from rol_model.importer import import_bytes

WORDS = [
    *("加强", "推进", "落实", "完善", "制度", "执法", "监督", "行政", "复议", "审查"),
    *("备案", "规范性", "文件", "培训", "考核", "公开", "政务", "服务", "法治", "宣传"),
    *("调解", "矛盾", "纠纷", "案件", "评查", "整改", "问题", "责任", "机制", "体系"),
]


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words)) + f"，开展检查{rng.randrange(1000)}次。"


def hostile_report(items: int, seed: int = 1, year: int = 2023) -> rm.Report:
    """A valid report of ``items`` measures of near-identical text, with one figure each."""
    rng = random.Random(seed)
    measures = []
    for index in range(1, items + 1):
        text = _text(rng, 20)
        figure = {
            "id": f"m{index}-i1",
            "label": "检查",
            "value": rng.randrange(1000),
            "unit": "次",
            "qualifier": "exact",
            "source": "开展检查",
        }
        measures.append(
            {"id": f"m{index}", "heading": _text(rng, 3), "text": text, "indicators": [figure]}
        )
    return rm.from_dict(
        {
            "title": f"某局{year}年法治政府建设情况报告",
            "organization": {"name": "某局"},
            "year": year,
            "parts": [{"kind": "measures", "heading": "主要举措和成效", "measures": measures}],
        }
    )


def hostile_text(size: int, seed: int = 1) -> bytes:
    """About ``size`` bytes of report-like text at its worst: markers, digits, long lines."""
    rng = random.Random(seed)
    head = "某县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n"
    pool = [chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(2000)] + list("0123456789，。") * 40
    markers = ["（一）", "1.", "（1）", "①", "二、", "万", "余", "%"]
    out, length = [head], len(head.encode())
    while length < size:
        line = rng.choice(markers) + "".join(rng.choices(pool, k=rng.randint(1, 200))) + "\n"
        out.append(line)
        length += len(line.encode())
    return "".join(out).encode()


def hostile_html(size: int) -> bytes:
    """A page whose markup is quadratic for ``html.parser``: unclosed comments and tags."""
    head = "<html><body><p>某县司法局2023年法治政府建设情况报告</p><p>一、主要举措和成效</p>"
    body = "<p>开展检查40次。</p>"
    runs = max(0, size - len(head) - len(body)) // 7
    return (head + body + "<!--" * runs + "<a " * runs).encode()


BOMB = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023, '
    '"parts": [{"kind": "measures", "heading": "主要举措", "measures": [{"id": "m1", '
    '"text": "检查40次", "indicators": [{"id": "m1-i1", "label": "检查", "value": 1e-999999999, '
    '"unit": "次", "qualifier": "exact", "source": "检查40次"}]}]}]}'
)


def _measure(function: Callable[[], object], repeat: int) -> tuple[float, int]:
    function()  # warm: imports, caches and compiled patterns are not what is measured
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    try:
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return best, peak


def _import(data: bytes) -> None:
    with contextlib.suppress(rm.RolModelError):  # a clean refusal counts: it is bounded too
        import_bytes(data, organization="某县司法局", year=2023)


def _export(report: rm.Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rm.export_tables([report], folder)


def cases(quick: bool) -> dict[str, tuple[list[int], str, Callable[[int], Callable[[], object]]]]:
    """Stage name → (sizes, unit, size → the work to time)."""
    items = [250, 500, 1000] if quick else [500, 1000, 2000, 4000, 8000]
    megabytes = [1 << 17, 1 << 18] if quick else [1 << 18, 1 << 19, 1 << 20, 1 << 21]
    reports: dict[tuple[int, int], rm.Report] = {}

    def report(n: int, seed: int = 1) -> rm.Report:
        if (n, seed) not in reports:
            reports[n, seed] = hostile_report(n, seed, 2023 if seed == 1 else 2024)
        return reports[n, seed]

    return {
        "import-text": (megabytes, "bytes", lambda n: lambda: _import(hostile_text(n))),
        "import-html": (megabytes, "bytes", lambda n: lambda: _import(hostile_html(n))),
        "check": (items, "items", lambda n: lambda: rm.check(report(n, 2), previous=report(n))),
        "diff": (items, "items", lambda n: lambda: rm.diff(report(n), report(n, 2))),
        "export": (items, "items", lambda n: lambda: _export(report(n))),
        "render": (items, "items", lambda n: lambda: rm.render(report(n), format="markdown")),
    }


def run(quick: bool, repeat: int, out: io.TextIOBase | Any = sys.stdout) -> dict[str, Any]:
    """Measure every stage at every size; print a table; return the figures."""
    results: dict[str, Any] = {}
    for name, (sizes, unit, work) in cases(quick).items():
        rows = []
        for size in sizes:
            seconds, peak = _measure(work(size), repeat)
            rows.append({"size": size, "seconds": seconds, "peak_bytes": peak})
            print(
                f"{name:<12} {size:>9} {unit:<5} {seconds:8.3f} s  {peak / 1e6:8.1f} MB",
                file=out,
                flush=True,
            )
        growth = [
            later["seconds"] / max(earlier["seconds"], 1e-9)
            for earlier, later in itertools.pairwise(rows)
        ]
        shown = " ".join(f"{g:.2f}" for g in growth)
        print(f"{name:<12} time per doubling: {shown}  (2.0 linear, 4.0 quadratic)", file=out)
        results[name] = {"unit": unit, "rows": rows, "growth_per_doubling": growth}
    report = rm.loads(BOMB)
    for name, work in (
        ("bomb-export", lambda: _export(report)),
        ("bomb-render", lambda: rm.render(report, format="text")),
        ("bomb-html", lambda: rm.render(report, format="html")),
    ):
        seconds, peak = _measure(work, repeat)
        print(f"{name:<12} {len(BOMB):>9} bytes {seconds:8.3f} s  {peak / 1e6:8.1f} MB", file=out)
        results[name] = {"seconds": seconds, "peak_bytes": peak}
    return results


def main() -> None:
    """Command line: ``--quick`` for small sizes, ``--repeat``, ``--json`` to keep figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size (best kept)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results = run(args.quick, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
