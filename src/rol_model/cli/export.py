"""``rol export FILE|DIR|GLOB... --to csv|jsonl -o OUT_DIR``: reports flattened into tables."""

from __future__ import annotations

import argparse
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """Inputs, the table format, the output folder, jobs and the Excel byte order mark."""
    options.inputs(parser)
    parser.add_argument(
        "--to",
        choices=("csv", "jsonl", "parquet"),
        default="csv",
        help="table format (default csv; parquet: typed tables with findings and copies, "
        "extra parquet)",
    )
    options.output(
        parser,
        "folder for reports, items and indicators tables (created if missing)",
        required=True,
        metavar="OUT_DIR",
    )
    parser.add_argument(
        "--bom", action="store_true", help="CSV: start with a UTF-8 byte order mark (for Excel)"
    )
    options.raw(parser)
    options.jobs(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the valid reports; exit 1 when a file was invalid, 2 when one was unreadable."""
    from rol_model.cli._files import report_skipped
    from rol_model.corpus import expand_arguments, export_tables

    if options.corpus_refused(args, err, inputs=args.files):
        return 2
    names = expand_arguments(args.files)
    if args.to == "parquet":
        from rol_model.cli._parquet import run_parquet

        return run_parquet(names, args, out, err)
    summary = export_tables(
        names, args.output, args.to, bom=args.bom, raw=args.raw, jobs=args.jobs, skip_invalid=True
    )
    status = report_skipped("export", summary.skipped, err)
    print(
        f"{summary.reports} reports, {summary.items} items, {summary.indicators} indicators "
        f"written to {', '.join(summary.files)}",
        file=out,
    )
    return status
