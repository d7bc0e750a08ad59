"""Import speed on adversarial input, as seconds per megabyte and as a ratio to a baseline.

Run: ``python benchmarks/import_speed.py [--size-mb 1] [--repeat 3] [--json OUT.json]``

Inputs (each about ``--size-mb`` of UTF-8):

- ``random-lines``: random CJK characters and digits in lines of 1-200 characters;
- ``one-line``: the same without a single line break;
- ``digits-line``: one line of digits, points and commas (number patterns at their worst);
- ``repeated-headings``: （一） 1. （1） ① headings nested and repeated, with 一、 parts between;
- ``seed-repeated``: the real seed report, over and over.

The baseline, measured in the same run on the same text, is what any importer must at least do:
``str.splitlines()`` plus one pass of a simple regular expression (``\\d+``). The importer either
imports the text or refuses it cleanly with a :class:`rol_model.RolModelError` (for example when
one paragraph is longer than the schema's 100,000 characters); both count, a hang would not.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rol_model import RolModelError, import_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "corpus" / "wusu-education-2023.txt"
MB = 1024 * 1024


def _random_text(size: int, rng: random.Random, *, lines: bool) -> str:
    pool = [chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(3000)] + list("0123456789") * 50
    out: list[str] = []
    length = 0
    while length < size:
        chunk = "".join(rng.choice(pool) for _ in range(rng.randint(1, 200)))
        out.append(chunk)
        length += len(chunk.encode("utf-8")) + 1
    return ("\n" if lines else "").join(out)


def _repeated_headings(size: int) -> str:
    block = "（一）加强组织领导\n1.健全工作机制\n（1）明确分工\n①细化任务。全年开展检查12次。\n"
    text = ["某某县司法局2023年度法治政府建设情况报告"]
    length = 0
    part = 0
    while length < size:
        part += 1
        text.append(f"{'一二三四五六七八九'[part % 9]}、主要举措和成效")
        text.extend([block] * 50)
        length += len(block.encode("utf-8")) * 50
    return "\n".join(text)


def _inputs(size: int) -> dict[str, str]:
    rng = random.Random(20240401)
    seed = SEED.read_text(encoding="utf-8")
    return {
        "random-lines": _random_text(size, rng, lines=True),
        "one-line": _random_text(size, rng, lines=False),
        "digits-line": "".join(rng.choice("0123456789.,") for _ in range(size)),
        "repeated-headings": _repeated_headings(size),
        "seed-repeated": seed * (size // len(seed.encode("utf-8")) + 1),
    }


def _best(function: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


_NUMBER = re.compile(r"\d+")


def _baseline(text: str) -> None:
    text.splitlines()
    _NUMBER.findall(text)


def _outcome(text: str) -> str:
    try:
        result = import_text(text, organization="某某县司法局", year=2023)
    except RolModelError as error:
        return f"refused: {str(error)[:60]}"
    return f"imported: {len(result.report.parts)} parts"


def main(argv: list[str] | None = None) -> int:
    """Time the importer on each adversarial input; print a table, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args(argv)
    rows = []
    print(f"{'input':20}{'MB':>6}{'s/MB':>9}{'baseline s/MB':>15}{'ratio':>8}  outcome")
    for name, text in _inputs(int(args.size_mb * MB)).items():
        megabytes = len(text.encode("utf-8")) / MB
        seconds = _best(lambda text=text: _outcome(text), args.repeat)
        baseline = _best(lambda text=text: _baseline(text), args.repeat)
        row = {
            "input": name,
            "megabytes": round(megabytes, 3),
            "seconds_per_mb": round(seconds / megabytes, 4),
            "baseline_seconds_per_mb": round(baseline / megabytes, 5),
            "ratio": round(seconds / baseline, 1),
            "outcome": _outcome(text),
        }
        rows.append(row)
        print(
            f"{name:20}{megabytes:>6.2f}{row['seconds_per_mb']:>9.3f}"
            f"{row['baseline_seconds_per_mb']:>15.4f}{row['ratio']:>8.0f}  {row['outcome']}"
        )
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
