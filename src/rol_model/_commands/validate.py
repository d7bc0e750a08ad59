"""``rol validate FILE...``: check report JSON files against the schema."""

from __future__ import annotations

import argparse
import json
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """Files (``-`` is standard input) and the output format."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="report JSON file, or - for stdin")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate each file; exit 0 when all are valid, 1 when any is invalid, 2 if unreadable."""
    from rol_model._commands._files import read_input
    from rol_model._serialize import loads
    from rol_model.exceptions import InvalidReportError, ReadError

    worst = 0
    results: list[dict[str, object]] = []
    for name in args.files:
        display = "<stdin>" if name == "-" else name
        try:
            loads(read_input(name))
        except ReadError as error:
            worst = 2
            results.append({"file": display, "valid": False, "error": str(error), "issues": []})
            print(f"rol validate: {error}", file=err)
            continue
        except InvalidReportError as error:
            worst = max(worst, 1)
            issues = [
                {
                    "code": i.code,
                    "pointer": i.pointer,
                    "line": i.line,
                    "column": i.column,
                    "message": i.message,
                }
                for i in error.issues
            ]
            results.append({"file": display, "valid": False, "issues": issues})
            if args.format == "text":
                for issue in error.issues:
                    print(f"{display}: {issue}", file=out)
            continue
        results.append({"file": display, "valid": True, "issues": []})
        if args.format == "text":
            print(f"{display}: valid", file=out)
    if args.format == "json":
        out.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return worst
