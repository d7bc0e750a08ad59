"""``rol import FILE [-o OUT.json] [--format json|text]``: import a published report."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """The report file (text in any supported encoding, or .docx), output file and format."""
    parser.add_argument(
        "file", metavar="FILE", help="report as text, a saved web page or Word (.docx); - is stdin"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the report JSON here")
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="what to print: the report JSON (default), or a text summary and the warnings",
    )
    parser.add_argument("--organization", help="reporting body, when the title lacks it")
    parser.add_argument("--year", type=int, help="reported year, when the title lacks it")


def _summary(result: object, out: TextIO) -> None:
    from rol_model.importer._pipeline import ImportResult
    from rol_model.model._classes import iter_indicators, iter_nodes

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


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import; exit 0 when clean, 1 when there are warnings a reviewer should check."""
    from pathlib import Path

    from rol_model.importer._pipeline import MAX_IMPORT_BYTES, import_bytes, import_file
    from rol_model.serialize._json import dump, dumps

    path = Path(args.file)
    options = {"organization": args.organization, "year": args.year}
    if args.file == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        result = import_bytes(data, name=None, **options)
    elif path.suffix.lower() == ".docx":
        from rol_model.importer._docx import import_docx

        result = import_docx(path, **options)
    else:
        result = import_file(path, **options)
    if args.output:
        dump(result.report, args.output)
    if args.format == "json":
        if not args.output:
            out.write(dumps(result.report))
        for warning in result.warnings:
            if warning.severity != "info":
                print(f"rol import: {args.file}: {warning}", file=err)
    else:
        _summary(result, out)
    serious = [w for w in result.warnings if w.severity != "info"]
    return 1 if serious else 0
