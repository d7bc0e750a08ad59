"""``rol export --to parquet``: the command-line side of :func:`rol_model.survey.export_parquet`."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run_parquet"]


def run_parquet(names: list[str], args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export ``names`` as Parquet tables into ``args.output``; exit code as ``rol export``."""
    from rol_model.cli._files import report_skipped
    from rol_model.survey import export_parquet

    summary = export_parquet(names, args.output, jobs=args.jobs, skip_invalid=True)
    status = report_skipped("export", summary.skipped, err)
    counts = ", ".join(f"{rows} {name}" for name, rows in summary.rows.items())
    print(f"{counts} written to {', '.join(summary.files)}", file=out)
    return status
