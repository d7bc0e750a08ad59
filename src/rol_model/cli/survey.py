"""``rol survey DIR|FILES... [--year N] [--previous DIR] [--format F] [-o OUT]``: a jurisdiction."""

from __future__ import annotations

import argparse
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """Inputs, the year, the profile, last year's reports, the output format and file."""
    options.inputs(parser)
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
    options.output_format(
        parser,
        ("html", "xlsx", "csv", "json"),
        "json (default), csv (one table, with BOM), xlsx (needs -o) or html / 输出格式",
        default="json",
    )
    parser.add_argument(
        "--table",
        choices=("bodies", "copies", "shortcomings", "findings", "boilerplate"),
        default="bodies",
        help="which table --format csv writes (default bodies) / CSV 输出的表",
    )
    options.output(parser, "write the output here")
    options.jobs(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the survey; exit 1 when a file was invalid, 2 when one was unreadable."""
    import json

    from rol_model.cli._files import emit, report_skipped
    from rol_model.corpus import expand_arguments
    from rol_model.survey import (
        html_survey,
        survey,
        survey_csv,
        survey_to_dict,
        write_survey_xlsx,
    )

    if options.corpus_refused(args, err, inputs=[*args.files, *args.previous]):
        return 2
    if args.format == "xlsx" and not args.output:
        print("rol survey: --format xlsx needs -o OUT.xlsx", file=err)
        return 2
    names = expand_arguments(args.files)
    previous = expand_arguments(args.previous) if args.previous else []
    result = survey(names, year=args.year, profile=args.profile, previous=previous, jobs=args.jobs)
    status = report_skipped("survey", result.skipped, err)
    if args.format == "xlsx":
        write_survey_xlsx(result, args.output)
    else:
        if args.format == "json":
            text = json.dumps(survey_to_dict(result), ensure_ascii=False, indent=2) + "\n"
        elif args.format == "csv":
            text = survey_csv(result, args.table)
        else:
            text = html_survey(result)
        emit(text, args.output, out)
    if args.output:
        print(
            f"{len(result.bodies)} reports, {len(result.copies)} copied paragraphs, "
            f"{len(result.shortcomings)} shared shortcomings written to {args.output}",
            file=err,
        )
    return status
