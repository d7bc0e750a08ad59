"""How the cost of ``rol_model.diff`` and ``rol_model.json_patch`` grows with report size.

Usage: python benchmarks/diff_speed.py [--repeat N] [--sizes 100,500,2000] [--reworded 0.05]

Builds, for each size, a report of that many top-level measures (each with two children and a
figure, texts distinct, in the register of real reports) and a next-year version edited the way
a real one is: one measure inserted at the top (so every positional id is renumbered), some
measures reworded, removed, inserted and moved, some figures changed. Times ``diff`` and
``json_patch`` (median of N runs, each the best of a few loops) against ``json.loads`` of both
documents measured in the same run, and prints how each grows from size to size. Matching is
linear in text length per pair (character bigrams with a length prefilter) and uses a bigram
index rather than scoring every pair once more than 50 × 50 items are left unpaired, so
2,000 measures should cost about 4× (at most 6×) what 500 do.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs

import rol_model as rm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "reports").glob("*.json"))
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
REWORDINGS = [("健全完善", "进一步健全"), ("加强", "切实加强"), ("开展", "广泛开展"), ("，", "；")]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def real_sentences() -> list[str]:
    """Sentences of the bundled example reports and the corpus fixtures: real vocabulary."""
    found: list[str] = []
    for path in EXAMPLES:
        for _, node in rm.iter_nodes(rm.load(path)):
            found += [f"{s}。" for s in (node.text or "").split("。") if len(s) >= 12]
    for path in sorted(CORPUS.glob("*.txt")):
        text = _decode(path.read_bytes())
        found += [f"{s.strip()}。" for s in re.split("[。\n]", text) if len(s.strip()) >= 15]
    return sorted(set(found))


SENTENCES = real_sentences()


def sentence(rng: random.Random, number: int) -> str:
    picked = rng.sample(SENTENCES, 2)
    return f"{picked[0]}{picked[1]}全年完成第{number}项相关工作{rng.randint(2, 900)}件。"


def measure(rng: random.Random, number: int, position: int) -> rm.Measure:
    mid = f"m{position}"
    children = tuple(
        rm.Measure(id=f"{mid}.{k}", marker=f"{k}.", text=sentence(rng, number * 10 + k))
        for k in (1, 2)
    )
    figure = rm.Indicator(
        id=f"{mid}-i1",
        label=f"专项检查{number}",
        value=Decimal(rng.randint(1, 500)),
        unit="次",
        source=f"专项检查{number}",
        qualifier="exact",
    )
    return rm.Measure(
        id=mid,
        marker="（一）",
        heading=f"{rng.choice(SENTENCES)[:12]}（第{number}项）",
        text=sentence(rng, number),
        indicators=(figure,),
        children=children,
    )


def renumber(node: rm.Measure, new_id: str) -> rm.Measure:
    return attrs.evolve(
        node,
        id=new_id,
        indicators=tuple(
            attrs.evolve(i, id=f"{new_id}-i{n}") for n, i in enumerate(node.indicators, 1)
        ),
        children=tuple(renumber(c, f"{new_id}.{k}") for k, c in enumerate(node.children, 1)),
    )


def edit(rng: random.Random, old: list[rm.Measure], reworded: float) -> list[rm.Measure]:
    size = len(old)
    new: list[rm.Measure] = [measure(rng, size + 1, 0)]  # inserted at the top
    for node in old:
        roll = rng.random()
        if roll < 0.02:
            continue  # removed
        edited = node
        if roll < 0.02 + reworded and node.text:
            text = node.text
            for before, after in REWORDINGS:
                text = text.replace(before, after)
            edited = attrs.evolve(node, text=text + "同时完善了长效机制。")
        elif roll < 0.04 + reworded:
            figure = node.indicators[0]
            edited = attrs.evolve(node, indicators=(attrs.evolve(figure, value=figure.value + 7),))
        new.append(edited)
        if rng.random() < 0.02:
            new.append(measure(rng, size + 2 + len(new), 0))
    for _ in range(max(1, size // 100)):  # a few measures move
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return [renumber(node, f"m{position}") for position, node in enumerate(new, 1)]


def pair(size: int, reworded: float) -> tuple[rm.Report, rm.Report]:
    rng = random.Random(size)
    old = [renumber(measure(rng, n, 0), f"m{n}") for n in range(1, size + 1)]
    new = edit(rng, old, reworded)

    def report(year: int, measures: list[rm.Measure]) -> rm.Report:
        return rm.Report(
            title=f"某局{year}年法治政府建设情况报告",
            organization=rm.Organization(name="某局"),
            year=year,
            parts=(
                rm.MeasuresPart(marker="一、", heading="主要举措和成效", measures=tuple(measures)),
            ),
        )

    return report(2023, old), report(2024, new)


def seconds(function: Callable[[], object], repeat: int) -> float:
    loops = 1
    while min(timeit.repeat(function, number=loops, repeat=1)) < 0.05 and loops < 64:
        loops *= 2
    return statistics.median(
        min(timeit.repeat(function, number=loops, repeat=3)) / loops for _ in range(repeat)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--reworded", type=float, default=0.05, help="share of measures reworded")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    print(
        f"{'measures':>9} {'json.loads×2':>13} {'diff':>9} {'ratio':>7} {'json_patch':>11}  changes"
    )
    for size in sizes:
        old, new = pair(size, args.reworded)
        texts = (rm.dumps(old), rm.dumps(new))
        changes = rm.diff(old, new)
        row = {
            "loads": seconds(lambda texts=texts: [json.loads(t) for t in texts], args.repeat),
            "diff": seconds(lambda old=old, new=new: rm.diff(old, new), args.repeat),
            "patch": seconds(lambda old=old, new=new: rm.json_patch(old, new), args.repeat),
        }
        results[size] = row
        counts = changes.counts()
        summary = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        print(
            f"{size:>9,} {row['loads'] * 1000:>10.2f} ms {row['diff'] * 1000:>6.1f} ms "
            f"{row['diff'] / row['loads']:>6.1f}× {row['patch'] * 1000:>8.1f} ms  {summary}"
        )
    print("\ngrowth (linear would equal the size ratio):")
    for small, large in itertools.pairwise(sizes):
        for name in ("diff", "patch", "loads"):
            growth = results[large][name] / results[small][name]
            step = f"{small:,} → {large:,} measures ({large / small:.0f}× size)"
            print(f"  {name:>6} {step}: {growth:.2f}×")


if __name__ == "__main__":
    main()
