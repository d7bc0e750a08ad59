"""How commands that read reports show an invalid report's issues (``--all-issues``)."""

from __future__ import annotations

from typing import TextIO

from rol_model.exceptions import InvalidReportError


def print_invalid(error: InvalidReportError, command: str, everything: bool, err: TextIO) -> None:
    """Print ``error``: its most relevant issue and a count, or every issue with ``everything``."""
    issues = error.ranked()
    where = f"{error.source}: " if error.source else ""
    if not everything:
        more = len(issues) - 1
        hint = (
            f" (and {more} more issue{'s' if more > 1 else ''}: --all-issues lists them)"
            if more
            else ""
        )
        print(f"rol {command}: {where}{issues[0]}{hint}", file=err)
        return
    print(
        f"rol {command}: {where}not a valid report: {len(issues)} issue"
        f"{'s' if len(issues) > 1 else ''}, most relevant first:",
        file=err,
    )
    for issue in issues:
        print(f"  {issue}", file=err)
