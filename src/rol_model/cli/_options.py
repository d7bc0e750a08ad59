"""The options several commands share, declared once: inputs, format, output file, jobs, raw.

Each command's ``configure`` calls these, so ``--jobs`` or ``-o`` means the same, with the same
help, in every command that has it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

__all__ = [
    "CORPUS_INPUTS",
    "all_issues",
    "corpus_refused",
    "flag",
    "inputs",
    "jobs",
    "output",
    "output_format",
    "raw",
]

#: Help of the inputs of a command that reads a corpus.
CORPUS_INPUTS = "report JSON file, directory (every *.json below it) or glob pattern"


def inputs(parser: argparse.ArgumentParser, help: str = CORPUS_INPUTS, dest: str = "files") -> None:
    """One or more report files (positional)."""
    parser.add_argument(dest, nargs="+", metavar="FILE", help=help)


def output_format(
    parser: argparse.ArgumentParser,
    choices: Sequence[str],
    help: str,
    default: str = "text",
    *,
    output: str | None = None,
) -> None:
    """``--format`` with its choices and its default; with ``output``, ``-o`` and its help too."""
    parser.add_argument("--format", choices=tuple(choices), default=default, help=help)
    if output is not None:
        parser.add_argument("-o", "--output", metavar="OUT", help=output)


def output(
    parser: argparse.ArgumentParser,
    help: str = "write the output here (UTF-8)",
    *,
    required: bool = False,
    metavar: str = "OUT",
) -> None:
    """``-o/--output``: where the output goes (standard output when absent)."""
    parser.add_argument("-o", "--output", required=required, metavar=metavar, help=help)


def jobs(parser: argparse.ArgumentParser) -> None:
    """``-j/--jobs``: how many processes share a corpus."""
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )


def raw(parser: argparse.ArgumentParser) -> None:
    """``--raw``: CSV text written exactly, even when it looks like a spreadsheet formula."""
    flag(
        parser,
        "--raw",
        "CSV: write text exactly, even when a spreadsheet would run it as a formula "
        "(=, +, -, @ first; see docs/security.md)",
    )


def all_issues(parser: argparse.ArgumentParser) -> None:
    """``--all-issues``: every issue of an invalid report, not only the most relevant one."""
    flag(
        parser,
        "--all-issues",
        "when a report is invalid, list every issue, most relevant first "
        "(default: the most relevant one and a count)",
    )


def flag(parser: argparse.ArgumentParser, name: str, help: str) -> None:
    """An on/off option, off unless given."""
    parser.add_argument(name, action="store_true", help=help)


def corpus_refused(
    args: argparse.Namespace, err: TextIO, *, stdin: bool = False, inputs: Sequence[str] = ()
) -> bool:
    """Print why a corpus command cannot run (``--jobs`` below 1, ``-`` where it cannot be read).

    Returns ``True`` when the command must exit with ``2``. ``inputs`` are the arguments to
    check for ``-`` (standard input), which only ``stdin`` commands accept.
    """
    if args.jobs < 1:
        print(f"rol {args.command}: --jobs must be at least 1", file=err)
        return True
    if not stdin and "-" in inputs:
        print(f"rol {args.command}: reading from standard input is not supported", file=err)
        return True
    return False
