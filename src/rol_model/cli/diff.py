"""``rol diff OLD NEW``: what changed between two versions of a report."""

from __future__ import annotations

import argparse
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """Two report files (one may be ``-``, standard input) and the output format."""
    parser.add_argument("old", metavar="OLD", help="the earlier report JSON file, or - for stdin")
    parser.add_argument("new", metavar="NEW", help="the later report JSON file, or - for stdin")
    options.output_format(
        parser,
        ("text", "json", "patch", "markdown", "html"),
        "text outline (default), JSON following diff.schema.json, RFC 6902 JSON Patch, "
        "Markdown, or a self-contained HTML page (extra html) / 输出格式",
        output="write the output here (UTF-8)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text outline: auto (on a terminal), always or never",
    )
    options.all_issues(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the changes; exit 0 when the reports are identical, 1 when they differ."""
    from rol_model.cli._files import emit, load_input
    from rol_model.diffing import diff, json_patch, same
    from rol_model.serialize import canonical_json

    if args.old == "-" and args.new == "-":
        print("rol diff: only one of OLD and NEW can be standard input", file=err)
        return 2
    old, new = (load_input(name) for name in (args.old, args.new))
    if args.format == "patch":
        emit(canonical_json(json_patch(old, new)), args.output, out)
        return 0 if same(old, new) else 1
    changes = diff(old, new)
    if args.format == "html":
        from rol_model.views import html_diff, write_page

        page = html_diff(old, new, changes)
        write_page(page, args.output, out)
        return 0 if changes.identical else 1
    if args.format == "json":
        from rol_model.diffing import diff_to_dict

        emit(canonical_json(diff_to_dict(changes)), args.output, out)
    else:
        from rol_model.diffing import format_diff

        color = args.color == "always" or (
            args.color == "auto" and args.format == "text" and not args.output and out.isatty()
        )
        emit(format_diff(changes, args.format, color=color), args.output, out)
    return 0 if changes.identical else 1
