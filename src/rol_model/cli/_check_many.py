"""``rol check`` over many files (corpus mode): one result per file in input order, a summary."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rol_model.checker import Profile
    from rol_model.corpus import FileResult


def _counts(result: FileResult) -> dict[str, int]:
    from rol_model.checker import count_findings

    return count_findings(result.findings)


def _record(result: FileResult, profile: str) -> dict[str, Any]:
    import attrs

    from rol_model.corpus import issue_record

    record: dict[str, Any] = {
        "file": result.path,
        "profile": profile,
        "valid": result.valid,
        "passed": result.passed,
        "issues": [issue_record(issue) for issue in result.issues],
        "counts": _counts(result),
        "findings": [attrs.asdict(finding) for finding in result.findings],
    }
    if result.error is not None:
        record["error"] = result.error
    return record


def _lines(result: FileResult, *, quiet: bool, err: TextIO) -> list[str]:
    if result.error is not None:
        print(f"rol check: {result.error}", file=err)
        return []
    if result.issues:
        header = f"{result.path}: not a valid report, so it cannot be checked:"
        return [header, *(f"  {issue}" for issue in result.issues)]
    if quiet and not result.findings:
        return []
    summary = ", ".join(f"{n} {s}" for s, n in _counts(result).items())
    return [f"{result.path}: {summary}", *(f"  {finding}" for finding in result.findings)]


def run_many(
    names: Sequence[str],
    *,
    profile: Profile,
    select: Sequence[str],
    ignore: Sequence[str],
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
) -> int:
    """Check every file; exit 0 when none has an error finding, 1 when one has, 2 on bad input.

    ``args`` supplies ``jobs``, ``format`` (text, json, jsonl) and ``quiet``.
    """
    from rol_model.corpus import check_file, ordered_map, warm_up, write_many

    if "-" in names:
        print("rol check: standard input cannot be one of several files", file=err)
        return 2
    jobs = min(args.jobs, len(names))
    if jobs > 1:
        warm_up()
    worker = functools.partial(
        check_file, profile=profile, select=tuple(select), ignore=tuple(ignore), keep=False
    )
    summary = write_many(
        ordered_map(worker, names, jobs=jobs),
        total=len(names),
        out=out,
        err=err,
        output_format=args.format,
        record=functools.partial(_record, profile=profile.name),
        lines=functools.partial(_lines, quiet=args.quiet, err=err),
        findings=True,
    )
    if summary.unreadable or summary.invalid:
        return 2
    return 1 if summary.failed else 0
