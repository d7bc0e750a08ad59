"""``rol survey`` at scale: time and peak memory for 500 … 2,000 generated reports.

Generates the jurisdictions with :mod:`survey_corpus` (fixture outlines, paragraphs rebuilt from
random fixture sentences, copies and boilerplate planted), runs ``rol survey DIR --year 2023
--format json`` in a child process for each size, and prints the wall time, the child's peak
resident memory, its CPU time (user + system: less sensitive than wall time to other work on a
shared machine) per report, and the precision and recall of the copies found.

    python benchmarks/survey_scale.py [--sizes 500,1000,2000] [--jobs 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import survey_corpus


def _copies(data: dict[str, object]) -> SimpleNamespace:
    copies = [
        SimpleNamespace(
            first=SimpleNamespace(**c["first"]),  # type: ignore[index]
            second=SimpleNamespace(**c["second"]),  # type: ignore[index]
        )
        for c in data["copies"]  # type: ignore[attr-defined]
    ]
    return SimpleNamespace(copies=copies)


def measure(folder: Path, ground: dict[str, object], jobs: int) -> dict[str, object]:
    """Run ``rol survey`` over ``folder`` in a child process; time, memory, precision, recall."""
    output = folder.parent / f"{folder.name}-survey.json"
    command = [
        sys.executable,
        "-m",
        "rol_model",
        "survey",
        str(folder),
        "--year",
        "2023",
        "--jobs",
        str(jobs),
        "-o",
        str(output),
    ]
    # A fresh wrapper per run, so that its RUSAGE_CHILDREN peak is this run's alone.
    wrapper = (
        "import resource, subprocess, sys, time; s = time.perf_counter(); "
        f"subprocess.run({command!r}, check=True, capture_output=True); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(time.perf_counter() - s, u.ru_maxrss, u.ru_utime + u.ru_stime)"
    )
    answer = subprocess.run(
        [sys.executable, "-c", wrapper], check=True, capture_output=True, text=True
    )
    seconds_text, peak_text, cpu_text = answer.stdout.split()
    seconds, peak, cpu = float(seconds_text), int(peak_text), float(cpu_text)
    data = json.loads(output.read_text(encoding="utf-8"))
    score = survey_corpus.score(_copies(data), ground)
    return {
        "reports": len(data["bodies"]),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "cpu_ms_per_report": round(1000 * cpu / len(data["bodies"]), 1),
        "peak_mb": round(peak / 1024),  # ru_maxrss is in KiB on Linux
        "planted": score["planted"],
        "recall": score["recall"],
        "precision": score["precision"],
        "boilerplate_counted": score["boilerplate_counted"],
        "boilerplate": len(data["boilerplate"]),
    }


def main() -> None:
    """Generate each size, survey it, print one JSON line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="survey-scale-"))
    for size in (int(s) for s in args.sizes.split(",")):
        folder = root / f"n{size}"
        ground = survey_corpus.write(folder, size)
        result = measure(folder, ground, args.jobs)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
