"""``rol validate FILE|DIR|GLOB...``: check report JSON files against the schema.

One file or a whole corpus: directories stand for every ``*.json`` below them and glob patterns
(``'reports/**/*.json'``) are expanded, both sorted. ``--jobs N`` spreads the files over N
processes; the output order is the input order whatever N.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rol_model.corpus._corpus import FileResult


def configure(parser: argparse.ArgumentParser) -> None:
    """Files, directories or patterns (``-`` is standard input), jobs and the output format."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="report JSON file, directory (every *.json below it), glob pattern, or - for stdin",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="output format: text, one JSON array, or one JSON line per file (default text)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="text format: print only problems and summary"
    )


def validate_name(name: str) -> FileResult:
    """Validate one file (``-``: standard input) without keeping the report."""
    from rol_model.cli._files import read_input
    from rol_model.corpus._corpus import FileResult
    from rol_model.exceptions import InvalidReportError, ReadError
    from rol_model.serialize._json import loads

    display = "<stdin>" if name == "-" else name
    try:
        loads(read_input(name))
    except ReadError as error:
        return FileResult(path=display, error=str(error))
    except InvalidReportError as error:
        return FileResult(path=display, issues=error.issues)
    return FileResult(path=display)


def _record(result: FileResult) -> dict[str, Any]:
    from rol_model.corpus._corpus import issue_record

    record: dict[str, Any] = {
        "file": result.path,
        "valid": result.valid,
        "issues": [issue_record(issue) for issue in result.issues],
    }
    if result.error is not None:
        record["error"] = result.error
    return record


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate each file; exit 0 when all are valid, 1 when any is invalid, 2 if unreadable."""
    from rol_model.corpus._corpus import expand_arguments, ordered_map, warm_up, write_many

    if args.jobs < 1:
        print("rol validate: --jobs must be at least 1", file=err)
        return 2
    names = expand_arguments(args.files)
    jobs = 1 if "-" in names else min(args.jobs, len(names))
    if jobs > 1:
        warm_up()

    def lines(result: FileResult) -> list[str]:
        if result.error is not None:
            # unreadable files are reported on stderr in every format, as one line each
            print(f"rol validate: {result.error}", file=err)
            return []
        if result.issues:
            return [f"{result.path}: {issue}" for issue in result.issues]
        return [] if args.quiet else [f"{result.path}: valid"]

    def record(result: FileResult) -> dict[str, Any]:
        if result.error is not None and args.format == "json":
            print(f"rol validate: {result.error}", file=err)
        return _record(result)

    summary = write_many(
        ordered_map(validate_name, names, jobs=jobs),
        total=len(names),
        out=out,
        err=err,
        output_format=args.format,
        record=record,
        lines=lines,
    )
    if summary.unreadable:
        return 2
    return 1 if summary.invalid else 0
