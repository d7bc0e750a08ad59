"""``rol render FILE [--format text|markdown|html|docx] [-o OUT]``: the official layout."""

from __future__ import annotations

import argparse
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """The report JSON file (``-`` is standard input), the output format and file."""
    parser.add_argument("file", metavar="FILE", help="report JSON file, or - for stdin")
    options.output_format(
        parser,
        ("text", "markdown", "html", "docx"),
        "plain text (default), Markdown, a self-contained HTML page (extra html), or a Word "
        "file in the GB/T 9704-2012 layout (extra docx; needs -o)",
        output="write the output here (UTF-8; the .docx file)",
    )
    options.all_issues(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Render the report; exit 0, or 2 when the file cannot be read or is no valid report."""
    from rol_model.cli._files import emit, load_input
    from rol_model.views import render

    if args.format == "docx" and not args.output:
        print("rol render: --format docx writes a Word file: give it with -o report.docx", file=err)
        return 2
    report = load_input(args.file)
    if args.format == "docx":
        from rol_model.views import write_docx

        write_docx(report, args.output)
        return 0
    emit(render(report, format=args.format), args.output, out)
    return 0
