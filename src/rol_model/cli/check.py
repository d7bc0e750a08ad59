"""``rol check FILE``: check a report against the rules of a profile (see docs/check.md)."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rol_model.checker._registry import Finding
    from rol_model.model._classes import Report

_SEVERITIES = ("error", "warning", "info")


def configure(parser: argparse.ArgumentParser) -> None:
    """The report, last year's report, the profile, rule selection and the output format."""
    parser.add_argument(
        "file",
        nargs="+",
        metavar="FILE",
        help="report JSON file, or - for stdin; several files, directories or glob patterns "
        "check a corpus (see docs/scale.md)",
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
        help="built-in profile name or profile JSON file (default national)",
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
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "html"),
        default="text",
        help="output format (default text); jsonl: one JSON line per file of a corpus; "
        "html: a self-contained page (extra html)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="corpus text output: only files with findings"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the output here (UTF-8)")


def _codes(text: str, known: Sequence[str], option: str) -> tuple[str, ...] | str:
    codes = tuple(code.strip().upper() for code in text.split(",") if code.strip())
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            return f"rol check: {option}: no rule code starts with {code!r}"
    return codes


def _load(name: str) -> Report:
    from rol_model.cli._files import read_input
    from rol_model.serialize._json import loads

    return loads(read_input(name))


def _part_label(report: Report, index: int) -> str:
    from rol_model.checker._registry import PART_NAMES

    part = report.parts[index]
    heading = part.heading or PART_NAMES[part.kind][1]
    return f"{part.marker or ''}{heading} (/parts/{index})"


def _group(report: Report, finding: Finding) -> tuple[int, str]:
    tokens = finding.pointer.split("/")
    if len(tokens) > 2 and tokens[1] == "parts" and tokens[2].isdigit():
        index = int(tokens[2])
        if index < len(report.parts):
            return index, _part_label(report, index)
    return -1, "Whole report / 全文"


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    return {severity: sum(f.severity == severity for f in findings) for severity in _SEVERITIES}


def _write_text(
    out: TextIO, name: str, report: Report, findings: Sequence[Finding], profile: str
) -> None:
    counts = _counts(findings)
    words = {"error": "errors", "warning": "warnings", "info": "info"}
    summary = ", ".join(f"{n} {s if n == 1 else words[s]}" for s, n in counts.items())
    print(f"{name}: {summary} (profile {profile})", file=out)
    current: int | None = None
    for finding in sorted(findings, key=lambda f: _group(report, f)[0]):
        index, label = _group(report, finding)
        if index != current:
            print(f"\n{label}", file=out)
            current = index
        print(
            f"  {finding.severity:<7} {finding.code} {finding.name}  {finding.pointer or '/'}",
            file=out,
        )
        if finding.excerpt:
            print(f"          “{finding.excerpt}”", file=out)
        print(f"          {finding.message}", file=out)
        print(f"          {finding.message_zh}", file=out)


def _write_json(
    out: TextIO, name: str, findings: Sequence[Finding], profile: str, previous: str | None
) -> None:
    import attrs

    document = {
        "file": name,
        "previous": previous,
        "profile": profile,
        "counts": _counts(findings),
        "findings": [attrs.asdict(finding) for finding in findings],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check the report; exit 0 without error-level findings, 1 with, 2 on bad input."""
    from rol_model.checker._profiles import load_profile
    from rol_model.checker._registry import check, rules
    from rol_model.exceptions import InvalidReportError

    known = [rule.code for rule in rules()]
    select = _codes(args.select, known, "--select")
    ignore = _codes(args.ignore, known, "--ignore")
    if isinstance(select, str) or isinstance(ignore, str):
        print(select if isinstance(select, str) else ignore, file=err)
        return 2
    profile = load_profile(args.profile)
    from rol_model.corpus._corpus import expand_arguments

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
        from rol_model.views._html import html_check

        target.write(html_check(report, findings, profile=profile.name))
    elif args.format == "json":
        _write_json(target, name, findings, profile.name, args.previous)
    else:
        _write_text(target, name, report, findings, profile.name)
    if args.output:
        from rol_model.views._html import write_page

        write_page(buffer.getvalue(), args.output, out)
    return 1 if any(f.severity == "error" for f in findings) else 0
