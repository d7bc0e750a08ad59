"""``rol trend FILE...``: one body's reports across years."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """Report files of one body, one per year, and the output format."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="report JSON files, one per year, any order"
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json", "html"),
        default="text",
        help="text (default), CSV, JSON, or a self-contained HTML page (extra html) / 输出格式",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the output here (UTF-8)")
    parser.add_argument(
        "--table",
        choices=("indicators", "plans", "shortcomings"),
        default="indicators",
        help="which table --format csv writes (default indicators) / CSV 输出的表",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print figure trends, plan follow-through and recurring shortcomings; exit 0."""
    from rol_model.cli._files import read_input
    from rol_model.serialize._json import canonical_json, load, loads
    from rol_model.trends._compare import compare
    from rol_model.trends._output import comparison_csv, comparison_to_dict, format_comparison

    if args.files.count("-") > 1:
        print("rol trend: standard input (-) can be given only once", file=err)
        return 2
    reports = [loads(read_input(name)) if name == "-" else load(name) for name in args.files]
    comparison = compare(reports)
    if args.format == "html":
        from rol_model.views._html import html_trend, write_page

        write_page(html_trend(comparison), args.output, out)
    elif args.format == "json":
        out.write(canonical_json(comparison_to_dict(comparison)))
    elif args.format == "csv":
        out.write(comparison_csv(comparison, args.table))
    else:
        out.write(format_comparison(comparison))
    return 0
