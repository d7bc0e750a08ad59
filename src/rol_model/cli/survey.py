"""``rol survey DIR|FILES... [--year N] [--previous DIR] [--format F] [-o OUT]``: a jurisdiction."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """Inputs, the year, the profile, last year's reports, the output format and file."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="report JSON file, directory (every *.json below it) or glob pattern",
    )
    parser.add_argument("--year", type=int, metavar="N", help="survey only the reports on year N")
    parser.add_argument(
        "--profile", metavar="P", help="check profile: built-in name or file (default national)"
    )
    parser.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="DIR",
        help="last year's reports (file, directory or pattern; repeatable) / 上年度报告",
    )
    parser.add_argument(
        "--format",
        choices=("html", "xlsx", "csv", "json"),
        default="json",
        help="json (default), csv (one table, with BOM), xlsx (needs -o) or html / 输出格式",
    )
    parser.add_argument(
        "--table",
        choices=("bodies", "copies", "shortcomings", "findings", "boilerplate"),
        default="bodies",
        help="which table --format csv writes (default bodies) / CSV 输出的表",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the output here")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the survey; exit 1 when a file was invalid, 2 when one was unreadable."""
    import json
    from pathlib import Path

    from rol_model.corpus import expand_arguments
    from rol_model.survey import (
        html_survey,
        survey,
        survey_csv,
        survey_to_dict,
        write_atomic,
        write_survey_xlsx,
    )

    if args.jobs < 1:
        print("rol survey: --jobs must be at least 1", file=err)
        return 2
    if "-" in args.files or "-" in args.previous:
        print("rol survey: reading from standard input is not supported", file=err)
        return 2
    if args.format == "xlsx" and not args.output:
        print("rol survey: --format xlsx needs -o OUT.xlsx", file=err)
        return 2
    names = expand_arguments(args.files)
    previous = expand_arguments(args.previous) if args.previous else []
    result = survey(names, year=args.year, profile=args.profile, previous=previous, jobs=args.jobs)
    for skipped in result.skipped:
        reason = skipped.error or f"not a valid report: {skipped.issues[0]}"
        print(f"rol survey: skipped {skipped.path}: {reason}", file=err)
    if args.format == "xlsx":
        write_survey_xlsx(result, args.output)
    else:
        if args.format == "json":
            text = json.dumps(survey_to_dict(result), ensure_ascii=False, indent=2) + "\n"
        elif args.format == "csv":
            text = survey_csv(result, args.table)
        else:
            text = html_survey(result)
        if args.output:

            def write(path: str) -> None:
                Path(path).write_text(text, encoding="utf-8")

            write_atomic(args.output, write)
        else:
            out.write(text)
    if args.output:
        print(
            f"{len(result.bodies)} reports, {len(result.copies)} copied paragraphs, "
            f"{len(result.shortcomings)} shared shortcomings written to {args.output}",
            file=err,
        )
    if any(skipped.error is not None for skipped in result.skipped):
        return 2
    return 1 if result.skipped else 0
