"""``rol render FILE [--format text|markdown|html] [-o OUT]``: a report in the official layout."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """The report JSON file (``-`` is standard input), the output format and file."""
    parser.add_argument("file", metavar="FILE", help="report JSON file, or - for stdin")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "html"),
        default="text",
        help="plain text (default), Markdown, or a self-contained HTML page (extra html)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the text here (UTF-8)")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Render the report; exit 0, or 2 when the file cannot be read or is no valid report."""
    from pathlib import Path

    from rol_model.cli._files import read_input
    from rol_model.exceptions import WriteError
    from rol_model.serialize._json import loads
    from rol_model.views._render import render

    text = render(loads(read_input(args.file)), format=args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise WriteError(f"{args.output}: {error.strerror or error}") from None
    else:
        out.write(text)
    return 0
