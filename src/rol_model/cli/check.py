"""``rol check FILE``: check a report against the rules of a profile (see docs/check.md)."""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rol_model.cli import _options as options

if TYPE_CHECKING:
    from rol_model.model import Report

_SEVERITIES = ("error", "warning", "info")


def configure(parser: argparse.ArgumentParser) -> None:
    """The report, last year's report, the profile, rule selection and the output format."""
    from rol_model.cli.profiles import profile_list

    options.inputs(
        parser,
        "report JSON file, or - for stdin; several files, directories or glob patterns "
        "check a corpus (see docs/scale.md)",
        dest="file",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="last year's report of the same body: enables the year-over-year rules (ROL4xx)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME|PATH",
        default="national",
        help="built-in profile name or profile JSON file (default national); built-in: "
        f"{profile_list()}; `rol profiles` says what each changes",
    )
    parser.add_argument(
        "--select",
        metavar="CODES",
        default="",
        help="only these rules: comma-separated codes or prefixes (ROL1 = structure family)",
    )
    parser.add_argument(
        "--ignore", metavar="CODES", default="", help="skip these rules: codes or prefixes"
    )
    options.output_format(
        parser,
        ("text", "json", "jsonl", "html"),
        "output format (default text); jsonl: one JSON line per file of a corpus; "
        "html: a self-contained page (extra html)",
    )
    options.jobs(parser)
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="corpus text output: only files with findings"
    )
    options.output(parser)


def _codes(text: str, known: Sequence[str], option: str) -> tuple[str, ...] | str:
    codes = tuple(code.strip().upper() for code in text.split(",") if code.strip())
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            return f"rol check: {option}: no rule code starts with {code!r}"
    return codes


def _load(name: str) -> Report:
    from rol_model.cli._files import read_input
    from rol_model.serialize import loads

    return loads(read_input(name))


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check the report; exit 0 without error-level findings, 1 with, 2 on bad input."""
    from rol_model.checker import check, load_profile, rules
    from rol_model.exceptions import InvalidReportError

    known = [rule.code for rule in rules()]
    select = _codes(args.select, known, "--select")
    ignore = _codes(args.ignore, known, "--ignore")
    if isinstance(select, str) or isinstance(ignore, str):
        print(select if isinstance(select, str) else ignore, file=err)
        return 2
    profile = load_profile(args.profile)
    from rol_model.corpus import expand_arguments

    names = expand_arguments(args.file)
    if len(names) > 1 or args.format == "jsonl" or args.jobs != 1:  # corpus mode
        from rol_model.cli._check_many import run_many

        if args.previous or args.output or args.format == "html" or args.jobs < 1:
            print(
                "rol check: --previous, --output and --format html take one report; "
                "--jobs at least 1",
                file=err,
            )
            return 2
        return run_many(
            names, profile=profile, select=select, ignore=ignore, args=args, out=out, err=err
        )
    args.file = names[0]
    name = "<stdin>" if args.file == "-" else args.file
    loaded: list[Report | None] = []
    for file in (args.file, args.previous):
        if file is None:
            loaded.append(None)
            continue
        try:
            loaded.append(_load(file))
        except InvalidReportError as error:
            print(f"rol check: {file}: not a valid report, so it cannot be checked:", file=err)
            for issue in error.issues:
                print(f"  {issue}", file=err)
            return 2
    report, previous = loaded
    assert report is not None
    findings = check(
        report,
        profile=profile,
        previous=previous,
        select=select,
        ignore=ignore,
    )
    buffer = io.StringIO()
    target = buffer if args.output else out
    if args.format == "html":
        from rol_model.views import html_check

        target.write(
            html_check(
                report, findings, profile=profile.name, required_parts=profile.required_parts
            )
        )
    else:
        from rol_model.checker import format_findings

        target.write(
            format_findings(
                report,
                findings,
                args.format,
                file=name,
                profile=profile.name,
                previous=args.previous,
            )
        )
    if args.output:
        from rol_model.views import write_page

        write_page(buffer.getvalue(), args.output, out)
    return 1 if any(f.severity == "error" for f in findings) else 0
