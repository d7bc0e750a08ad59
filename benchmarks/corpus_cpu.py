"""CPU seconds and peak memory of ``rol validate`` and ``rol check`` over a generated corpus.

Usage: python benchmarks/corpus_cpu.py [--size 10000] [--rounds 1] [--rol NAME=PATH ...]

Wall time on a 2-core machine that other work shares says little; CPU seconds (user + system of
the command and every worker process it waited for) do not depend on what else runs. Each
``--rol NAME=PATH`` names a ``rol`` executable, for example the one of a checkout of an earlier
commit in its own virtual environment, so two versions are measured on the same files in one run,
rounds interleaved:

    git worktree add ../before cba580e && python -m venv ../before/.venv
    ../before/.venv/bin/pip install -e "../before[fast]"
    python benchmarks/corpus_cpu.py --rol before=../before/.venv/bin/rol --rol after=.venv/bin/rol

The corpus is ``run.py``'s (seed-sized reports, every text unique, 1,000 to a folder); the
baseline is ``json.loads`` of every file in one process, as in ``run.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _READ_ALL, write_corpus


def _measure(command: list[str]) -> tuple[float, float, int]:
    """CPU seconds (user + system, the command and its waited-for children), wall seconds and
    peak RSS in KiB of the largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}")
    # on Linux, wait4's usage of a child includes every descendant it waited for (its workers)
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--rol",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a rol executable to measure (repeatable); default: the one beside this Python",
    )
    args = parser.parse_args()
    versions = dict(item.split("=", 1) for item in args.rol) or {
        "this": shutil.which("rol", path=str(Path(sys.executable).parent)) or "rol"
    }
    with tempfile.TemporaryDirectory(prefix="rol-cpu-") as temporary:
        folder = Path(temporary) / "corpus"
        write_corpus(folder, args.size)
        results: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
        baseline: list[tuple[float, float, int]] = []
        for _ in range(args.rounds):
            baseline.append(_measure([sys.executable, "-c", _READ_ALL, str(folder)]))
            for command in ("validate", "check"):
                for name, rol in versions.items():
                    run = [rol, command, str(folder), "--jobs", "2", "-q"]
                    results.setdefault((command, name), []).append(_measure(run))
    base_cpu = statistics.median(cpu for cpu, _, _ in baseline)
    print(f"{args.size:,} reports, --jobs 2, median of {args.rounds} round(s)")
    print(f"{'command':28} {'CPU s':>8} {'wall s':>8} {'peak RSS MiB':>13} {'CPU ÷ baseline':>15}")
    print(f"{'json.loads of every file':28} {base_cpu:8.2f}")
    for (command, name), measured in results.items():
        cpu = statistics.median(row[0] for row in measured)
        wall = statistics.median(row[1] for row in measured)
        rss = max(row[2] for row in measured) / 1024
        label = f"rol {command} ({name})"
        print(f"{label:28} {cpu:8.2f} {wall:8.2f} {rss:13.0f} {cpu / base_cpu:15.1f}")


if __name__ == "__main__":
    main()
