"""``rol export --to parquet``: the command-line side of :func:`rol_model.survey.export_parquet`."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run_parquet"]


def run_parquet(names: list[str], args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export ``names`` as Parquet tables into ``args.output``; exit code as ``rol export``."""
    from rol_model.survey import export_parquet

    summary = export_parquet(names, args.output, jobs=args.jobs, skip_invalid=True)
    for result in summary.skipped:
        reason = result.error or f"not a valid report: {result.issues[0]}"
        print(f"rol export: skipped {result.path}: {reason}", file=err)
    counts = ", ".join(f"{rows} {name}" for name, rows in summary.rows.items())
    print(f"{counts} written to {', '.join(summary.files)}", file=out)
    if any(result.error is not None for result in summary.skipped):
        return 2
    return 1 if summary.skipped else 0
