"""``rol validate FILE|DIR|GLOB...``: check report JSON files against the schema.

One file or a whole corpus: directories stand for every ``*.json`` below them and glob patterns
(``'reports/**/*.json'``) are expanded, both sorted. ``--jobs N`` spreads the files over N
processes; the output order is the input order whatever N.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from rol_model.cli import _options as options

if TYPE_CHECKING:
    from rol_model.corpus import FileResult


def configure(parser: argparse.ArgumentParser) -> None:
    """Files, directories or patterns (``-`` is standard input), jobs and the output format."""
    options.inputs(
        parser, "report JSON file, directory (every *.json below it), glob pattern, or - for stdin"
    )
    options.output_format(
        parser,
        ("text", "json", "jsonl"),
        "output format: text, one JSON array, or one JSON line per file (default text)",
    )
    options.jobs(parser)
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="text format: print only problems and summary"
    )


#: Up to this many files, the verdict comes from the compiled schema (quick to start) rather than
#: jsonschema-rs (quick per file, slow to import).
_FEW_FILES = 100


def validate_few(name: str) -> FileResult:
    """:func:`validate_name` for a run of a few files."""
    return validate_name(name, few=True)


def validate_name(name: str, *, few: bool = False) -> FileResult:
    """Validate one file (``-``: standard input) without keeping the report."""
    from rol_model.cli._files import read_input
    from rol_model.corpus import FileResult
    from rol_model.exceptions import InvalidReportError, ReadError
    from rol_model.serialize import DEFAULT_LIMITS, valid_fast

    display = "<stdin>" if name == "-" else name
    try:
        data = read_input(name)
        if valid_fast(
            data, DEFAULT_LIMITS, few=few
        ):  # the verdict is all we need: no objects built
            return FileResult(path=display)
        from rol_model.serialize import loads  # the model, only for a doubtful file

        loads(data)  # the reference: a Report, or every issue
    except ReadError as error:
        return FileResult(path=display, error=str(error))
    except InvalidReportError as error:
        return FileResult(path=display, issues=error.issues)
    return FileResult(path=display)


def _record(result: FileResult) -> dict[str, Any]:
    from rol_model.corpus import issue_record

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
    from rol_model.corpus import expand_arguments, ordered_map, warm_up, write_many
    from rol_model.text import terminal_text

    if options.corpus_refused(args, err, stdin=True):
        return 2
    names = expand_arguments(args.files)
    jobs = 1 if "-" in names else min(args.jobs, len(names))
    if jobs > 1:
        warm_up()

    def lines(result: FileResult) -> list[str]:
        if result.error is not None:
            # unreadable files are reported on stderr in every format, as one line each
            print(f"rol validate: {terminal_text(result.error, one_line=True)}", file=err)
            return []
        # a file name or an issue may hold a newline or ESC: never a forged or active line
        path = terminal_text(result.path, one_line=True)
        if result.issues:
            return [
                f"{path}: {terminal_text(str(issue), one_line=True)}" for issue in result.issues
            ]
        return [] if args.quiet else [f"{path}: valid"]

    def record(result: FileResult) -> dict[str, Any]:
        if result.error is not None and args.format == "json":
            print(f"rol validate: {result.error}", file=err)
        return _record(result)

    summary = write_many(
        ordered_map(validate_few if len(names) <= _FEW_FILES else validate_name, names, jobs=jobs),
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
