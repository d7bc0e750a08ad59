"""rol-model's benchmark suite: every figure a ratio to a baseline measured in the same run.

Usage: python benchmarks/run.py [--quick] [--only GROUPS] [--repeat N] [--output FILE]

Groups (``--only load,cli`` runs two of them):

- ``load``: validated load (``rol_model.loads``), validation alone, ``dumps``, ``check`` and the
  pydantic v2 peer (``benchmarks/pydantic_peer.py``, ``model_validate_json`` of the same bytes)
  and the msgspec peer (``benchmarks/msgspec_peer.py``, a typed decode of the same bytes),
  on the bundled example and on a report ten times its size. Baseline: ``json.loads`` of the
  same bytes.
- ``diff``: ``rol_model.diff`` between two versions of a report with 100, 500 and 2,000
  measures (about 5 % reworded, 2 % removed, 2 % inserted, a few figures changed). Baseline:
  ``json.loads`` of both documents; the growth from 500 to 2,000 measures is printed too.
- ``import``: ``rol_model.import_text`` on the seed report and on a seed ten times longer.
  Baseline: ``json.loads`` of the imported report's canonical JSON.
- ``cli``: cold start, as subprocesses: ``import rol_model``, ``rol --version`` and
  ``rol validate FILE``. Baseline: ``python -c pass``; figures are milliseconds above it.
- ``corpus``: ``rol validate``, ``rol check`` and ``rol export`` with ``--jobs 2`` over 1,000 and
  10,000 generated seed-sized reports (every text made unique, so no cache flatters the
  figures) in a temporary folder. Baseline: ``json.loads`` of every file in one process. The
  peak memory (max RSS of the command and its workers) is given for each size, and its growth
  from 1,000 to 10,000 files, which streaming keeps near 1.

Each figure is the median of several repetitions; each repetition times the baseline and the
operation back to back, so the ratio holds even when the machine's speed drifts, and the
spread (min-max of the ratios) shows how noisy the run was. Rows whose feature is missing
(pydantic not installed, no ``rol_model.check``) are skipped with a note. The table goes to
standard output and the figures to ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

import rol_model as rm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_speed import enlarged

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"
SEEDS = (
    ROOT / "tests" / "fixtures" / "corpus" / "wusu-education-2023.txt",
    ROOT.parent / "shared" / "seeds" / "wusu-education-2023.txt",
)
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
GROUPS = ("load", "diff", "import", "cli", "corpus")


@attrs.frozen
class Settings:
    """How hard to measure: repetitions, seconds per sample, subprocess runs."""

    repeat: int
    sample_seconds: float
    cli_runs: int
    diff_sizes: tuple[int, ...]
    corpus_sizes: tuple[int, ...]
    corpus_runs: int


@attrs.define
class Row:
    """One measured operation against its baseline."""

    group: str
    case: str
    operation: str
    baseline: str
    seconds: float
    baseline_seconds: float
    ratio: float
    ratio_min: float
    ratio_max: float
    unit: str = "ratio"
    note: str = ""


@attrs.define
class Suite:
    """Rows measured so far and groups or rows skipped, with the reason."""

    settings: Settings
    rows: list[Row] = attrs.field(factory=list)
    skipped: list[dict[str, str]] = attrs.field(factory=list)

    def skip(self, group: str, what: str, reason: str) -> None:
        """Record a row that could not be measured."""
        self.skipped.append({"group": group, "operation": what, "reason": reason})
        print(f"  {what:34} skipped: {reason}")


# -- timing ------------------------------------------------------------------------------------


def _per_call(function: Callable[[], object], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        function()
    return (time.perf_counter() - start) / loops


def _loops(function: Callable[[], object], seconds: float) -> int:
    once = _per_call(function, 1)
    return max(1, min(10_000, int(seconds / max(once, 1e-7))))


def compare(
    suite: Suite,
    group: str,
    case: str,
    baseline: tuple[str, Callable[[], object]],
    operations: dict[str, Callable[[], object]],
) -> list[Row]:
    """Time each operation against the baseline, back to back, ``repeat`` times."""
    settings = suite.settings
    base_name, base_function = baseline
    base_loops = _loops(base_function, settings.sample_seconds)
    rows = []
    for name, function in operations.items():
        loops = _loops(function, settings.sample_seconds)
        times, base_times = [], []
        for _ in range(settings.repeat):
            base_times.append(_per_call(base_function, base_loops))
            times.append(_per_call(function, loops))
        ratios = [t / b for t, b in zip(times, base_times, strict=True)]
        row = Row(
            group=group,
            case=case,
            operation=name,
            baseline=base_name,
            seconds=statistics.median(times),
            baseline_seconds=statistics.median(base_times),
            ratio=statistics.median(ratios),
            ratio_min=min(ratios),
            ratio_max=max(ratios),
        )
        rows.append(row)
        suite.rows.append(row)
        _print_row(row)
    return rows


def _print_header(group: str, case: str, baseline: str) -> None:
    print(f"\n[{group}] {case} — baseline: {baseline}")
    print(f"  {'operation':34} {'median':>11} {'ratio':>9} {'spread':>15}")


def _print_row(row: Row) -> None:
    if row.unit == "ms above baseline":
        figure = f"{row.ratio:+8.1f}ms"
        spread = f"{row.ratio_min:+.0f}…{row.ratio_max:+.0f}"
    else:
        figure = f"{row.ratio:8.2f}×"
        spread = f"{row.ratio_min:.2f}–{row.ratio_max:.2f}"
    print(f"  {row.operation:34} {_duration(row.seconds):>11} {figure:>9} {spread:>15}")
    if row.note:
        print(f"  {'':34} {row.note}")


def _duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f}s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f}ms"
    return f"{seconds * 1e6:.1f}µs"


# -- load, validate, dump, check, peer ------------------------------------------------------------


def _peer() -> Callable[[bytes], object] | str:
    try:
        import pydantic_peer
    except ImportError as error:
        return f"pydantic is not installed ({error.name}); pip install 'rol-model[bench]'"
    return pydantic_peer.Report.model_validate_json


def _msgspec_peer() -> Callable[[bytes], object] | str:
    try:
        import msgspec_peer
    except ImportError as error:
        return f"msgspec is not installed ({error.name}); pip install 'rol-model[bench]'"
    return msgspec_peer.decode


def bench_load(suite: Suite) -> None:
    """Validated load, validation alone, dumps, check and the pydantic peer on two sizes."""
    example = rm.load(EXAMPLE)
    inputs = {
        "example": EXAMPLE.read_bytes(),
        "example ×10": rm.dumps(enlarged(example, 10)).encode("utf-8"),
    }
    peer = _peer()
    msgspec_peer = _msgspec_peer()
    check = getattr(rm, "check", None)
    for case, data in inputs.items():
        report = rm.loads(data)
        parsed = json.loads(data)
        _print_header("load", f"{case}, {len(data):,} bytes", "json.loads")
        operations: dict[str, Callable[[], object]] = {
            "rol_model.loads (validated)": lambda data=data: rm.loads(data),
            "rol_model.validate only": lambda parsed=parsed: rm.validate(parsed),
            "rol_model.dumps": lambda report=report: rm.dumps(report),
        }
        if check is not None:
            operations["rol_model.check (distinct texts)"] = _cycle(check, _variants(parsed))
        if callable(peer):
            operations["pydantic model_validate_json"] = lambda data=data: peer(data)
        if callable(msgspec_peer):
            operations["msgspec typed decode"] = lambda data=data: msgspec_peer(data)
        compare(suite, "load", case, ("json.loads", lambda data=data: json.loads(data)), operations)
        if check is None:
            suite.skip("load", "rol_model.check", "rol_model.check is not available")
        if isinstance(peer, str):
            suite.skip("load", "pydantic model_validate_json", peer)
        if isinstance(msgspec_peer, str):
            suite.skip("load", "msgspec typed decode", msgspec_peer)


def _variants(document: dict[str, Any]) -> list[rm.Report]:
    """Copies of a report whose texts all differ, as in a real corpus.

    Checking one report over and over could time warm caches (the CPU's, the allocator's), which
    a corpus of distinct reports never gives.
    """
    texts = sum(1 for _ in rm.iter_nodes(rm.from_dict(document))) * 2
    count = max(8, 12_000 // max(texts, 1))
    return [rm.from_dict(_unique_texts(document, f"（{n}）")) for n in range(count)]


def _cycle(
    function: Callable[[rm.Report], object], reports: list[rm.Report]
) -> Callable[[], object]:
    pool = itertools.cycle(reports)
    return lambda: function(next(pool))


# -- diff -----------------------------------------------------------------------------------------


def _flat_measures(report: rm.Report) -> list[rm.Measure]:
    return [node for _, node in rm.iter_nodes(report) if isinstance(node, rm.Measure)]


def _measure(template: rm.Measure, number: int) -> rm.Measure:
    identifier = f"m{number}"
    indicators = tuple(
        attrs.evolve(indicator, id=f"{identifier}-i{index}")
        for index, indicator in enumerate(template.indicators, 1)
    )
    return attrs.evolve(template, id=identifier, children=(), indicators=indicators)


def diff_pair(size: int) -> tuple[rm.Report, rm.Report]:
    """Two versions of a report with ``size`` measures, the second edited as a new year is."""
    example = rm.load(EXAMPLE)
    templates = _flat_measures(example)
    old = [_measure(templates[n % len(templates)], n + 1) for n in range(size)]
    rng = random.Random(size)  # reproducible edits
    new: list[rm.Measure] = []
    for original in old:
        roll = rng.random()
        if roll < 0.02:
            continue  # removed
        measure = original
        if roll < 0.07 and measure.text:
            measure = attrs.evolve(measure, text=measure.text + "同时，进一步完善了相关工作机制。")
        elif roll < 0.09 and measure.indicators:
            first = measure.indicators[0]
            changed = attrs.evolve(first, value=first.value + 1)
            measure = attrs.evolve(measure, indicators=(changed, *measure.indicators[1:]))
        new.append(measure)
        if rng.random() < 0.02:
            extra = templates[rng.randrange(len(templates))]
            new.append(_measure(extra, size + len(new) + 1))
    measures_part = next(p for p in example.parts if isinstance(p, rm.MeasuresPart))

    def build(measures: list[rm.Measure]) -> rm.Report:
        parts = tuple(
            attrs.evolve(part, measures=tuple(measures)) if part is measures_part else part
            for part in example.parts
        )
        return attrs.evolve(example, parts=parts)

    return build(old), attrs.evolve(build(new), year=example.year + 1)


def bench_diff(suite: Suite) -> None:
    """``rol_model.diff`` at three sizes, and how its cost grows."""
    diff = getattr(rm, "diff", None)
    if diff is None:
        print("\n[diff]")
        suite.skip("diff", "rol_model.diff", "rol_model.diff is not available")
        return
    per_size: dict[int, float] = {}
    for size in suite.settings.diff_sizes:
        old, new = diff_pair(size)
        texts = (rm.dumps(old), rm.dumps(new))
        _print_header("diff", f"{size:,} measures", "json.loads of both documents")
        (row,) = compare(
            suite,
            "diff",
            f"{size} measures",
            ("json.loads ×2", lambda texts=texts: [json.loads(t) for t in texts]),
            {"rol_model.diff": lambda old=old, new=new: diff(old, new)},
        )
        per_size[size] = row.seconds
    if 500 in per_size and 2000 in per_size:
        growth = per_size[2000] / per_size[500]
        print(f"  growth 500 → 2,000 measures: {growth:.2f}× (linear would be 4×)")
        suite.rows.append(
            Row(
                group="diff",
                case="growth",
                operation="diff 2,000 vs 500 measures",
                baseline="diff 500 measures",
                seconds=per_size[2000],
                baseline_seconds=per_size[500],
                ratio=growth,
                ratio_min=growth,
                ratio_max=growth,
            )
        )


# -- import -----------------------------------------------------------------------------------


def _seed() -> str | None:
    for path in SEEDS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    return None


def longer_seed(text: str, factor: int) -> str:
    """The seed with the body of its first part repeated ``factor`` times."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.lstrip()[:2] in ("一、", "二、")]
    if len(starts) < 2:
        raise ValueError("the seed has no 一、 and 二、 part headings")
    first, second = starts[0] + 1, starts[1]
    body = lines[first:second]
    return "\n".join(lines[:first] + body * factor + lines[second:])


def bench_import(suite: Suite) -> None:
    """``rol_model.import_text`` on the seed and on a seed ten times longer."""
    import_text = getattr(rm, "import_text", None)
    seed = _seed()
    if import_text is None or seed is None:
        print("\n[import]")
        reason = "rol_model.import_text is not available" if seed else "seed report not found"
        suite.skip("import", "rol_model.import_text", reason)
        return
    for case, text in (("seed", seed), ("seed ×10", longer_seed(seed, 10))):
        report = import_text(text).report
        document = rm.dumps(report)
        _print_header(
            "import",
            f"{case}, {len(text):,} characters, {sum(1 for _ in rm.iter_nodes(report))} items",
            "json.loads of the imported report's JSON",
        )
        compare(
            suite,
            "import",
            case,
            ("json.loads", lambda document=document: json.loads(document)),
            {"rol_model.import_text": lambda text=text: import_text(text)},
        )


# -- CLI cold start -------------------------------------------------------------------------------


def _rol() -> list[str]:
    found = shutil.which("rol", path=str(Path(sys.executable).parent)) or shutil.which("rol")
    return [found] if found else [sys.executable, "-m", "rol_model"]


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_cli(suite: Suite) -> None:
    """Cold start of the command line, in milliseconds above ``python -c pass``."""
    baseline = [sys.executable, "-c", "pass"]
    rol = _rol()
    commands = {
        "python -c 'import rol_model'": [sys.executable, "-c", "import rol_model"],
        "rol --version": [*rol, "--version"],
        "rol validate FILE": [*rol, "validate", str(EXAMPLE)],
    }
    _print_header("cli", "cold start, one process per run", "python -c pass")
    for name, command in commands.items():
        _wall(command)  # warm the file cache
        times, base_times = [], []
        for _ in range(suite.settings.cli_runs):
            base_times.append(_wall(baseline))
            times.append(_wall(command))
        above = [(t - b) * 1e3 for t, b in zip(times, base_times, strict=True)]
        row = Row(
            group="cli",
            case="cold start",
            operation=name,
            baseline="python -c pass",
            seconds=statistics.median(times),
            baseline_seconds=statistics.median(base_times),
            ratio=statistics.median(above),
            ratio_min=min(above),
            ratio_max=max(above),
            unit="ms above baseline",
        )
        suite.rows.append(row)
        _print_row(row)


# -- corpus ---------------------------------------------------------------------------------------


def _unique_texts(value: Any, suffix: str) -> Any:
    if isinstance(value, dict):
        return {
            key: (
                item + suffix
                if key in ("text", "heading") and isinstance(item, str)
                else _unique_texts(item, suffix)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_unique_texts(item, suffix) for item in value]
    return value


def write_corpus(folder: Path, size: int) -> None:
    """``size`` variants of the example, 1,000 to a subfolder, each with its own texts."""
    document = json.loads(EXAMPLE.read_bytes())
    for number in range(size):
        variant = _unique_texts(document, f"（{number}）")
        variant["organization"]["name"] += str(number)
        target = folder / f"{number // 1000:03}" / f"report-{number:06}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rm.dumps(rm.from_dict(variant)), encoding="utf-8")


_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
_READ_ALL = (
    "import json, pathlib, sys\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.json')):\n"
    "    json.loads(path.read_bytes())"
)


def _measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, the command and every worker it waited for)."""
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    seconds, rss = completed.stdout.split()
    return float(seconds), int(rss)


def bench_corpus(suite: Suite) -> None:
    """Corpus commands with two worker processes, against reading every file."""
    import tempfile

    rol = _rol()
    peaks: dict[str, dict[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="rol-corpus-") as temporary:
        for size in suite.settings.corpus_sizes:
            folder = Path(temporary) / f"corpus-{size}"
            write_corpus(folder, size)
            tables = Path(temporary) / f"tables-{size}"
            commands = {
                "rol validate --jobs 2": [*rol, "validate", str(folder), "-j", "2", "-q"],
                "rol check --jobs 2": [*rol, "check", str(folder), "-j", "2", "-q"],
                "rol export --jobs 2": [*rol, "export", str(folder), "-o", str(tables), "-j", "2"],
            }
            baseline = [sys.executable, "-c", _READ_ALL, str(folder)]
            _print_header(
                "corpus", f"{size:,} reports, --jobs 2", "json.loads of every file, 1 process"
            )
            runs = suite.settings.corpus_runs if size <= 1000 else 1
            for name, command in commands.items():
                times, base_times, rss = [], [], []
                for _ in range(runs):
                    base_times.append(_measured(baseline)[0])
                    seconds, peak = _measured(command)
                    times.append(seconds)
                    rss.append(peak)
                ratios = [t / b for t, b in zip(times, base_times, strict=True)]
                peaks.setdefault(name, {})[size] = max(rss)
                row = Row(
                    group="corpus",
                    case=f"{size} reports",
                    operation=name,
                    baseline="json.loads of every file",
                    seconds=statistics.median(times),
                    baseline_seconds=statistics.median(base_times),
                    ratio=statistics.median(ratios),
                    ratio_min=min(ratios),
                    ratio_max=max(ratios),
                    note=f"{size / statistics.median(times):,.0f} reports/s, "
                    f"{statistics.median(times) / size * 1e3:.2f} ms/report, "
                    f"peak RSS {max(rss) / 1024:.0f} MiB",
                )
                suite.rows.append(row)
                _print_row(row)
    sizes = suite.settings.corpus_sizes
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"\n  peak memory growth {first:,} → {last:,} reports (flat = 1.00):")
        for name, by_size in peaks.items():
            growth = by_size[last] / by_size[first]
            print(f"  {name:34} {growth:8.2f}×")
            suite.rows.append(
                Row(
                    group="corpus",
                    case="memory growth",
                    operation=f"{name}: peak RSS {last} vs {first} reports",
                    baseline=f"peak RSS at {first} reports",
                    seconds=0.0,
                    baseline_seconds=0.0,
                    ratio=growth,
                    ratio_min=growth,
                    ratio_max=growth,
                    unit="ratio of peak RSS",
                )
            )


# -- main ---------------------------------------------------------------------------------------


BENCHES: dict[str, Callable[[Suite], None]] = {
    "load": bench_load,
    "diff": bench_diff,
    "import": bench_import,
    "cli": bench_cli,
    "corpus": bench_corpus,
}


def _groups(only: str | None) -> Iterator[str]:
    wanted = [name.strip() for name in (only or ",".join(GROUPS)).split(",") if name.strip()]
    for name in wanted:
        if name not in BENCHES:
            raise SystemExit(f"run.py: unknown group {name!r}; choose from {', '.join(GROUPS)}")
        yield name


def _machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "rol_model": rm.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the selected groups, print the table, write the JSON figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few, short repetitions (smoke run)")
    parser.add_argument("--only", metavar="GROUPS", help=f"comma-separated: {','.join(GROUPS)}")
    parser.add_argument("--repeat", type=int, help="repetitions per figure (default 7; quick 3)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON file to write")
    args = parser.parse_args(argv)
    groups = list(_groups(args.only))
    settings = (
        Settings(
            repeat=3,
            sample_seconds=0.005,
            cli_runs=2,
            diff_sizes=(100, 500),
            corpus_sizes=(40,),
            corpus_runs=1,
        )
        if args.quick
        else Settings(
            repeat=7,
            sample_seconds=0.1,
            cli_runs=15,
            diff_sizes=(100, 500, 2000),
            corpus_sizes=(1000, 10000),
            corpus_runs=3,
        )
    )
    if args.repeat:
        settings = attrs.evolve(settings, repeat=args.repeat)
    suite = Suite(settings=settings)
    machine = _machine()
    print(
        f"rol-model {machine['rol_model']} on Python {machine['python']}, "
        f"{machine['cpus']} CPUs{' (quick run)' if args.quick else ''}"
    )
    for group in groups:
        BENCHES[group](suite)
    result = {
        "machine": machine,
        "quick": args.quick,
        "settings": attrs.asdict(settings),
        "rows": [attrs.asdict(row) for row in suite.rows],
        "skipped": suite.skipped,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"\nfigures written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
