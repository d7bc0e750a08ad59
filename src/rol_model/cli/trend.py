"""``rol trend FILE...``: one body's reports across years."""

from __future__ import annotations

import argparse
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """Report files of one body, one per year, and the output format."""
    options.inputs(parser, "report JSON files, one per year, any order")
    options.output_format(
        parser,
        ("text", "csv", "json", "html"),
        "text (default), CSV, JSON, or a self-contained HTML page (extra html) / 输出格式",
        output="write the output here (UTF-8)",
    )
    parser.add_argument(
        "--table",
        choices=("indicators", "plans", "shortcomings"),
        default="indicators",
        help="which table --format csv writes (default indicators) / CSV 输出的表",
    )
    options.raw(parser)
    parser.add_argument(
        "--mixed-bodies",
        action="store_true",
        help="compare reports of different bodies anyway (a body renamed in a reorganisation); "
        "without it such a series is refused",
    )
    options.all_issues(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print figure trends, plan follow-through and recurring shortcomings; exit 0."""
    from rol_model.cli._files import emit, load_input
    from rol_model.serialize import canonical_json
    from rol_model.trends import compare, comparison_csv, comparison_to_dict, format_comparison

    if args.files.count("-") > 1:
        print("rol trend: standard input (-) can be given only once", file=err)
        return 2
    reports = [load_input(name) for name in args.files]
    comparison = compare(reports, mixed_bodies=args.mixed_bodies)
    if len(comparison.organizations) > 1:
        names = "、".join(comparison.organizations)
        print(
            f"rol trend: warning: these reports come from different bodies ({names}); "
            "their figures are compared as one series",
            file=err,
        )
    if args.format == "html":
        from rol_model.views import html_trend, write_page

        write_page(html_trend(comparison), args.output, out)
    elif args.format == "json":
        emit(canonical_json(comparison_to_dict(comparison)), args.output, out)
    elif args.format == "csv":
        emit(comparison_csv(comparison, args.table, raw=args.raw), args.output, out)
    else:
        emit(format_comparison(comparison), args.output, out)
    return 0
