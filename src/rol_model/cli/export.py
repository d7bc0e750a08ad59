"""``rol export FILE|DIR|GLOB... --to csv|jsonl -o OUT_DIR``: reports flattened into tables."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """Inputs, the table format, the output folder, jobs and the Excel byte order mark."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="report JSON file, directory (every *.json below it) or glob pattern",
    )
    parser.add_argument(
        "--to",
        choices=("csv", "jsonl", "parquet"),
        default="csv",
        help="table format (default csv; parquet: typed tables with findings and copies, "
        "extra parquet)",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT_DIR",
        help="folder for reports, items and indicators tables (created if missing)",
    )
    parser.add_argument(
        "--bom", action="store_true", help="CSV: start with a UTF-8 byte order mark (for Excel)"
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write text exactly, even when a spreadsheet would run it as a formula "
        "(=, +, -, @ first; see docs/security.md)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the valid reports; exit 1 when a file was invalid, 2 when one was unreadable."""
    from rol_model.corpus import expand_arguments, export_tables

    if args.jobs < 1:
        print("rol export: --jobs must be at least 1", file=err)
        return 2
    if "-" in args.files:
        print("rol export: reading from standard input is not supported", file=err)
        return 2
    names = expand_arguments(args.files)
    if args.to == "parquet":
        from rol_model.cli._parquet import run_parquet

        return run_parquet(names, args, out, err)
    summary = export_tables(
        names, args.output, args.to, bom=args.bom, raw=args.raw, jobs=args.jobs, skip_invalid=True
    )
    for result in summary.skipped:
        reason = result.error or f"not a valid report: {result.issues[0]}"
        if result.error is None and len(result.issues) > 1:
            reason += f" (and {len(result.issues) - 1} more)"
        print(f"rol export: skipped {result.path}: {reason}", file=err)
    print(
        f"{summary.reports} reports, {summary.items} items, {summary.indicators} indicators "
        f"written to {', '.join(summary.files)}",
        file=out,
    )
    if any(result.error is not None for result in summary.skipped):
        return 2
    return 1 if summary.skipped else 0
