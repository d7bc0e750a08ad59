"""The options several commands share, declared once: inputs, format, output file, jobs, raw.

Each command's ``configure`` calls these, so ``--jobs`` or ``-o`` means the same, with the same
help, in every command that has it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

__all__ = ["CORPUS_INPUTS", "corpus_refused", "inputs", "jobs", "output", "output_format", "raw"]

#: Help of the inputs of a command that reads a corpus.
CORPUS_INPUTS = "report JSON file, directory (every *.json below it) or glob pattern"


def inputs(parser: argparse.ArgumentParser, help: str = CORPUS_INPUTS, dest: str = "files") -> None:
    """One or more report files (positional)."""
    parser.add_argument(dest, nargs="+", metavar="FILE", help=help)


def output_format(
    parser: argparse.ArgumentParser, choices: Sequence[str], help: str, default: str = "text"
) -> None:
    """``--format`` with its choices and its default."""
    parser.add_argument("--format", choices=tuple(choices), default=default, help=help)


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
    parser.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write text exactly, even when a spreadsheet would run it as a formula "
        "(=, +, -, @ first; see docs/security.md)",
    )


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
