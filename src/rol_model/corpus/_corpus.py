"""Many reports at once: file discovery, an ordered parallel map, progress and a summary.

``rol validate``, ``rol check`` and ``rol export`` share this machinery, and so do the library
functions :func:`iter_load` and :func:`check_many`. Results stream in input order whatever the
number of worker processes, and at most a small, fixed window of them is in flight, so memory
stays flat however many files there are.
"""

from __future__ import annotations

import functools
import glob
import itertools
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import attrs

from rol_model.exceptions import InvalidReportError, Issue, ReadError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from rol_model.checker import Finding, Profile
    from rol_model.model import Report
    from rol_model.serialize import Limits

__all__ = [
    "FileResult",
    "Progress",
    "Summary",
    "check_file",
    "check_many",
    "expand_arguments",
    "expand_paths",
    "issue_record",
    "iter_load",
    "ordered_map",
    "warm_up",
    "write_many",
]

T = TypeVar("T")
R = TypeVar("R")

PathLike = str | os.PathLike[str]

#: Paths handed to a worker process at once: big enough to amortise the hand-over, small
#: enough that the first results show quickly.
_BATCH = 8
#: Batches in flight per worker: keeps every worker busy while the parent writes output.
_WINDOW_PER_JOB = 4


@attrs.frozen(kw_only=True)
class FileResult:
    """What became of one file: its report, or the issues that made it invalid.

    ``error`` is set (and ``report`` is ``None``) when the file could not be read at all.
    ``issues`` are the problems that make the document invalid (parsing, schema). ``findings``
    are the checker's findings (only from :func:`check_many`). ``report`` is ``None`` when the
    file is invalid, and also when the caller asked not to keep reports.
    """

    path: str
    report: Report | None = None
    issues: tuple[Issue, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None

    @property
    def readable(self) -> bool:
        """Whether the file could be read."""
        return self.error is None

    @property
    def valid(self) -> bool:
        """Whether the file was read and is a valid report (checker findings aside)."""
        return self.error is None and not self.issues

    @property
    def passed(self) -> bool:
        """Valid, and no checker finding of severity ``error``."""
        return self.valid and not any(f.severity == "error" for f in self.findings)

    def exception(self) -> ReadError | InvalidReportError:
        """The error that stands for this file when it is not a valid report.

        :class:`~rol_model.ReadError` when it could not be read, else
        :class:`~rol_model.InvalidReportError` with its issues, naming the file.
        """
        if self.error is not None:
            return ReadError(self.error)
        return InvalidReportError(self.issues, source=self.path)


# -- discovery ---------------------------------------------------------------------------------


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _directory_reports(directory: Path) -> list[str]:
    found: list[str] = []
    for folder, subfolders, files in os.walk(directory):
        relative = Path(folder).relative_to(directory)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        if _is_hidden(relative):
            continue
        found.extend(
            str(Path(folder, name))
            for name in files
            if name.endswith(".json") and not name.startswith(".")
        )
    return sorted(found)


def expand_paths(paths: Iterable[PathLike]) -> Iterator[str]:
    """Each path, with a directory replaced by every ``*.json`` file below it, sorted.

    Hidden files and folders (names starting with ``.``) inside a directory are skipped.
    Other paths are passed through unchanged, even when they do not exist, so that the
    reader reports them. Raises :class:`~rol_model.ReadError` for a directory with no report
    and for an empty name (which ``Path`` would read as the current directory).
    """
    for path in paths:
        name = os.fspath(path)
        if not name:  # Path("") is the current directory: an empty argument names no file
            raise ReadError("an empty file name names no file")
        if Path(name).is_dir():
            found = _directory_reports(Path(name))
            if not found:
                raise ReadError(f"{name}: no *.json file in this directory")
            yield from found
        else:
            yield name


def expand_arguments(arguments: Sequence[str]) -> list[str]:
    """Command-line arguments to file names: directories and glob patterns expanded, sorted.

    ``-`` (standard input) and plain file names are kept as given; a pattern such as
    ``reports/**/*.json`` is expanded recursively. Raises :class:`~rol_model.ReadError` when a
    pattern matches nothing or a directory holds no report.
    """
    names: list[str] = []
    for argument in arguments:
        if argument == "-":
            names.append(argument)
            continue
        if Path(argument).exists() or not any(char in argument for char in "*?["):
            names.extend(expand_paths([argument]))
            continue
        # glob.glob, not Path.glob: the pattern may be absolute or start with ../
        matches = sorted(glob.glob(argument, recursive=True))  # noqa: PTH207
        if not matches:
            raise ReadError(f"{argument}: no file matches this pattern")
        names.extend(expand_paths(matches))
    return names


# -- the ordered parallel map ------------------------------------------------------------------


def _apply(function: Callable[[T], R], batch: list[T]) -> list[R]:
    return [function(item) for item in batch]


def ordered_map(function: Callable[[T], R], items: Iterable[T], *, jobs: int = 1) -> Iterator[R]:
    """``map(function, items)`` over ``jobs`` worker processes, yielding in input order.

    ``function`` must be picklable (a module-level function or a :func:`functools.partial` of
    one). Only a fixed window of results is ever held, so memory does not grow with the
    number of items. With ``jobs <= 1`` everything runs in this process.
    """
    if jobs <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # costs ~20 ms: only when needed

    iterator = iter(items)
    window = jobs * _WINDOW_PER_JOB
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[R]]] = deque()
        try:
            while True:
                batch = list(itertools.islice(iterator, _BATCH))
                if batch:
                    pending.append(pool.submit(_apply, function, batch))
                if not pending:
                    break
                if len(pending) >= window or not batch:
                    yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


# -- loading and checking many files ------------------------------------------------------------


def _read(path: str, limits: Limits) -> FileResult | Report:
    from rol_model.serialize import load

    try:
        return load(path, limits=limits)
    except ReadError as error:
        return FileResult(path=path, error=str(error))
    except InvalidReportError as error:
        return FileResult(path=path, issues=error.issues)


def load_file(path: str, *, limits: Limits | None = None, keep: bool = True) -> FileResult:
    """Load one file into a :class:`FileResult` (the report dropped unless ``keep``)."""
    from rol_model.serialize import DEFAULT_LIMITS

    loaded = _read(path, limits or DEFAULT_LIMITS)
    if isinstance(loaded, FileResult):
        return loaded
    return FileResult(path=path, report=loaded if keep else None)


def check_file(
    path: str,
    *,
    profile: Profile | str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    keep: bool = True,
) -> FileResult:
    """Load and check one file into a :class:`FileResult` (the report dropped unless ``keep``)."""
    from rol_model.checker import check
    from rol_model.serialize import DEFAULT_LIMITS

    loaded = _read(path, DEFAULT_LIMITS)
    if isinstance(loaded, FileResult):
        return loaded
    findings = tuple(check(loaded, profile=profile, select=select, ignore=ignore))
    return FileResult(path=path, report=loaded if keep else None, findings=findings)


def warm_up() -> None:
    """Build the validator once before forking, so worker processes inherit it."""
    from rol_model.validation import validate

    validate({})


def iter_load(
    paths: Iterable[PathLike], *, jobs: int = 1, limits: Limits | None = None
) -> Iterator[FileResult]:
    """Load many report files, yielding one :class:`FileResult` per file in input order.

    A directory stands for every ``*.json`` file below it (sorted, hidden ones skipped).
    ``jobs`` worker processes share the work (default 1: this process); the order of the
    results never depends on it. Invalid or unreadable files do not stop the iteration: their
    result carries the issues or the error. Results are produced as they are consumed, so
    memory stays flat in the number of files. Raises :class:`~rol_model.ReadError` for a
    directory without any report.
    """
    if jobs > 1:
        warm_up()
    function = functools.partial(load_file, limits=limits)
    yield from ordered_map(function, expand_paths(paths), jobs=jobs)


def check_many(
    paths: Iterable[PathLike],
    *,
    profile: Profile | str | None = None,
    jobs: int = 1,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Iterator[FileResult]:
    """Load and check many report files; one :class:`FileResult` per file, in input order.

    Like :func:`iter_load`, with the checker's findings for each valid report in
    ``FileResult.findings`` (``profile`` as for :func:`~rol_model.check`: a
    :class:`~rol_model.Profile`, a built-in profile name or a profile file; default
    ``national``; ``select`` and ``ignore`` as for :func:`~rol_model.check`). Raises
    :class:`~rol_model.exceptions.InvalidProfileError` for a bad profile before any file is read.
    """
    if isinstance(profile, str):  # read a profile file once, not once per report
        from rol_model.checker import load_profile

        profile = load_profile(profile)
    if jobs > 1:
        warm_up()
    function = functools.partial(check_file, profile=profile, select=select, ignore=ignore)
    yield from ordered_map(function, expand_paths(paths), jobs=jobs)


# -- progress and summary ------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal; silent when the stream is not a terminal."""

    def __init__(self, stream: TextIO, total: int, *, label: str = "files") -> None:
        self._stream = stream
        self._total = total
        self._label = label
        self._done = 0
        self._shown = 0.0
        self._start = time.monotonic()
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) and total > 1

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more items done; redraw at most ten times a second."""
        self._done += count
        now = time.monotonic()
        if self.enabled and (now - self._shown >= 0.1 or self._done == self._total):
            self._shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        filled = width * self._done // max(self._total, 1)
        rate = self._done / max(now - self._start, 1e-9)
        self._stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self._done}/{self._total} "
            f"{self._label} ({rate:.0f}/s)"
        )
        self._stream.flush()

    def close(self) -> None:
        """Erase the bar, leaving the terminal line clean for what follows."""
        if self.enabled and self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = 0.0


@attrs.define
class Summary:
    """Counts over many files: files, valid, invalid, unreadable, and problems by code."""

    files: int = 0
    valid: int = 0
    invalid: int = 0
    unreadable: int = 0
    failed: int = 0
    codes: Counter[str] = attrs.field(factory=Counter)

    def add(self, result: FileResult) -> None:
        """Count one file's result."""
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
            self.codes["read-error"] += 1
        elif result.issues:
            self.invalid += 1
        else:
            self.valid += 1
        if not result.passed:
            self.failed += 1
        self.codes.update(issue.code for issue in result.issues)
        self.codes.update(finding.code for finding in result.findings)

    def to_dict(self) -> dict[str, Any]:
        """JSON-shaped counts; ``codes`` sorted by count, then code."""
        return {
            "files": self.files,
            "valid": self.valid,
            "invalid": self.invalid,
            "unreadable": self.unreadable,
            "failed": self.failed,
            "codes": dict(sorted(self.codes.items(), key=lambda pair: (-pair[1], pair[0]))),
        }

    def table(self, *, findings: bool = False) -> str:
        """The summary as an aligned text table (``findings``: include the failed count)."""
        rows: list[tuple[str, int]] = [
            ("files", self.files),
            ("valid", self.valid),
            ("invalid", self.invalid),
            ("unreadable", self.unreadable),
        ]
        if findings:
            rows.append(("failed checks", self.failed))
        codes = self.to_dict()["codes"]
        width = max([len(name) for name, _ in rows] + [len(code) + 2 for code in codes])
        lines = [f"{name:<{width}}  {count:>7}" for name, count in rows]
        if codes:
            lines.append("by code:")
            lines.extend(f"  {code:<{width - 2}}  {count:>7}" for code, count in codes.items())
        return "\n".join(lines) + "\n"


# -- command-line output -----------------------------------------------------------------------


def write_many(
    results: Iterable[FileResult],
    *,
    total: int,
    out: TextIO,
    err: TextIO,
    output_format: str,
    record: Callable[[FileResult], dict[str, Any]],
    lines: Callable[[FileResult], list[str]],
    findings: bool = False,
) -> Summary:
    """Write per-file results as they come, then the summary; return the summary.

    ``output_format`` is ``text`` (``lines(result)`` per file, then the summary table when
    there is more than one file), ``jsonl`` (``record(result)`` as one JSON line per file, the
    summary table on ``err``) or ``json`` (one JSON array of records at the end, the summary
    table on ``err``). The progress bar goes to ``err`` when it is a terminal.
    """
    import json

    summary = Summary()
    progress = Progress(err, total)
    records: list[dict[str, Any]] = []
    try:
        for result in results:
            summary.add(result)
            if output_format == "json":
                records.append(record(result))
            else:
                text = (
                    [json.dumps(record(result), ensure_ascii=False)]
                    if output_format == "jsonl"
                    else lines(result)
                )
                if text:
                    progress.close()
                    out.write("".join(line + "\n" for line in text))
            progress.advance()
    finally:
        progress.close()
    if output_format == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if summary.files > 1:
        (out if output_format == "text" else err).write(summary.table(findings=findings))
    return summary


def issue_record(issue: Issue) -> dict[str, Any]:
    """An issue as JSON-shaped data (code, severity, pointer, line, column, message)."""
    return {
        "code": issue.code,
        "severity": issue.severity,
        "pointer": issue.pointer,
        "line": issue.line,
        "column": issue.column,
        "message": issue.message,
    }
