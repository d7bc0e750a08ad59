"""``rol import FILE [-o OUT.json] [--format json|text]``: import a published report."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from rol_model.cli import _options as options

if TYPE_CHECKING:
    from rol_model.importer import ImportResult


def configure(parser: argparse.ArgumentParser) -> None:
    """The report file (text, saved page, .docx or .pdf), output file and format."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="report as text, a saved web page (.html, .mhtml), Word (.docx) or PDF; - is stdin",
    )
    options.output(parser, "write the report JSON here")
    options.output_format(
        parser,
        ("json", "text"),
        "what to print: the report JSON (default), or a text summary and the warnings",
        default="json",
    )
    parser.add_argument("--organization", help="reporting body, when the title lacks it")
    parser.add_argument("--year", type=int, help="reported year, when the title lacks it")


def _summary(result: object, out: TextIO) -> None:
    from rol_model.importer import ImportResult
    from rol_model.model import iter_indicators, iter_nodes

    assert isinstance(result, ImportResult)
    report = result.report
    encoding = report.source.encoding if report.source else None
    print(f"title: {report.title}", file=out)
    print(f"organization: {report.organization.name}", file=out)
    print(f"year: {report.year}", file=out)
    if report.issued_on:
        print(f"issued on: {report.issued_on.isoformat()}", file=out)
    if encoding:
        print(f"encoding: {encoding}", file=out)
    for part in report.parts:
        heading = f"{part.marker or ''}{part.heading or ''}" or "(no heading of its own)"
        print(f"part {part.kind}: {heading}", file=out)
    print(
        f"items: {sum(1 for _ in iter_nodes(report))}, "
        f"indicators: {sum(1 for _ in iter_indicators(report))}",
        file=out,
    )
    for warning in result.warnings:
        print(f"{warning.severity}: {warning}", file=out)


#: Import issue code → the command-line option that supplies what is missing.
_OPTIONS = {
    "import.year-missing": "--year YEAR",
    "import.organization-missing": "--organization NAME",
}


def _import(args: argparse.Namespace) -> ImportResult:
    from pathlib import Path

    from rol_model.importer import MAX_IMPORT_BYTES, import_bytes, import_file

    path = Path(args.file)
    options = {"organization": args.organization, "year": args.year}
    if args.file == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        return import_bytes(data, name=None, **options)
    return import_file(path, **options)  # .docx, .pdf and saved pages are told apart there


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import; exit 0 when clean, 1 when there are warnings a reviewer should check."""
    from rol_model.exceptions import InvalidReportError
    from rol_model.serialize import dump, dumps

    try:
        result = _import(args)
    except InvalidReportError as error:
        if not all(issue.code in _OPTIONS for issue in error.issues):
            raise
        name = "<stdin>" if args.file == "-" else args.file
        for issue in error.issues:  # the Python keyword in the message becomes the CLI option
            what = issue.message.split(";")[0]
            print(f"rol import: {name}: {what}; pass {_OPTIONS[issue.code]}", file=err)
        return 2
    if args.output:
        dump(result.report, args.output)
    if args.format == "json":
        if not args.output:
            out.write(dumps(result.report))
        for warning in result.warnings:
            if warning.severity != "info" or warning.code == "import.residue":
                # every dropped line is shown, so nothing leaves the text unseen
                print(f"rol import: {args.file}: {warning.severity}: {warning}", file=err)
    else:
        _summary(result, out)
    serious = [w for w in result.warnings if w.severity != "info"]
    return 1 if serious else 0
