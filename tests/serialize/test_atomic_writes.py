"""Every file rol-model writes goes through one atomic writer (``rol_model.serialize._atomic``).

Failure injection (a full disk, a failing rename, a bad name) must leave every old file as it
was and no temporary file behind; modes, links and long names behave as documented in
docs/security.md.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.serialize import _atomic
from rol_model.serialize._atomic import AtomicGroup, write_file

VALID = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023}\n'
)


def _report() -> rm.Report:
    return rm.loads(VALID)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".rol-"))


class _Faults:
    """Make the n-th call of one file-system step fail with ENOSPC (or EIO)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, nth: int) -> None:
        self.calls = 0
        self.nth = nth
        real = {"fsync": os.fsync, "replace": Path.replace, "open": os.open}[step]

        def failing(*args: object, **kwargs: object) -> object:
            self.calls += 1
            if self.calls == self.nth:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)  # type: ignore[operator]

        if step == "replace":
            monkeypatch.setattr(Path, "replace", failing)
        else:
            monkeypatch.setattr(_atomic.os, step, failing)


def test_dump_honours_the_umask_for_a_new_file(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        rm.dump(_report(), tmp_path / "r.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o600


def test_dump_and_export_keep_an_existing_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    target.chmod(0o640)
    rm.dump(_report(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "items.csv").write_text("old")
    (tables / "items.csv").chmod(0o600)
    rm.export_tables([_report()], tables)
    assert stat.S_IMODE((tables / "items.csv").stat().st_mode) == 0o600
    assert (tables / "items.csv").read_text().startswith("report_id")


def test_dump_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    rm.dump(_report(), link)
    assert link.is_symlink()
    assert rm.load(real) == _report()


@pytest.mark.parametrize("length", [242, 250, 255])
def test_dump_accepts_every_name_length_the_file_system_does(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("r" * (length - 5) + ".json")
    rm.dump(_report(), target)
    assert rm.load(target) == _report()
    with pytest.raises(rm.WriteError, match="cannot write"):
        rm.dump(_report(), tmp_path / ("r" * 256))
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("bad", ["a\x00b.json", "missing-dir/x.json", "."])
def test_bad_targets_are_write_errors(tmp_path: Path, bad: str) -> None:
    with pytest.raises(rm.WriteError):
        rm.dump(_report(), tmp_path / bad if bad != "." else tmp_path)


@pytest.mark.parametrize("step", ["fsync", "open"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    _Faults(monkeypatch, step, 1)
    with pytest.raises(rm.WriteError, match="No space left"):
        rm.dump(_report(), target)
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_a_failing_stream_write_is_a_write_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(handle: int, *args: object, **kwargs: object) -> object:
        os.close(handle)
        return Full()

    monkeypatch.setattr(_atomic.os, "fdopen", fdopen)
    target = tmp_path / "r.json"
    target.write_text("old")
    with pytest.raises(rm.WriteError, match="No space left"):
        write_file(target, "new")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    step=st.sampled_from(["fsync", "replace", "open"]),
    nth=st.integers(min_value=1, max_value=4),
    existing=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_a_group_is_all_or_nothing_under_any_single_fault(
    tmp_path_factory: pytest.TempPathFactory, step: str, nth: int, existing: list[bool]
) -> None:
    directory = tmp_path_factory.mktemp("group")
    names = [directory / f"t{i}.csv" for i in range(3)]
    for name, present in zip(names, existing, strict=True):
        if present:
            name.write_text(f"old {name.name}")
    before = {name: name.read_text() if name.exists() else None for name in names}
    with pytest.MonkeyPatch.context() as monkeypatch:
        faults = _Faults(monkeypatch, step, nth)
        try:
            with AtomicGroup() as group:
                for name in names:
                    group.open_text(name).write(f"new {name.name}")
        except rm.WriteError:
            failed = True
        else:
            failed = False
    if step in ("open", "fsync") and nth <= 3:  # one per file; a 4th fsync is the folder's
        assert failed
    assert faults.calls >= 1
    after = {name: name.read_text() if name.exists() else None for name in names}
    if failed:
        assert after == before
    else:
        assert after == {name: f"new {name.name}" for name in names}
    assert _leftovers(directory) == []


def test_export_is_all_or_nothing_across_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("reports", "items", "indicators"):
        (tmp_path / f"{name}.csv").write_text(f"old {name}")
    _Faults(monkeypatch, "replace", 2)  # the second table fails to take its place
    with pytest.raises(rm.WriteError):
        rm.export_tables([_report()], tmp_path)
    for name in ("reports", "items", "indicators"):
        assert (tmp_path / f"{name}.csv").read_text() == f"old {name}"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "{r}", "-o", "{o}"],
        ["render", "{r}", "--format", "markdown", "-o", "{o}"],
        ["check", "{r}", "-o", "{o}"],
        ["diff", "{r}", "{r}", "-o", "{o}"],
        ["diff", "{r}", "{r}", "--format", "json", "-o", "{o}"],
        ["trend", "{r}", "-o", "{o}"],
        ["trend", "{r}", "--format", "csv", "-o", "{o}"],
        ["import", "{t}", "-o", "{o}"],
    ],
)
def test_cli_output_files_are_atomic_and_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    report = tmp_path / "r.json"
    report.write_text(VALID, encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text(
        "某局2023年法治政府建设情况报告\n一、主要举措\n开展检查40次。\n", encoding="utf-8"
    )
    output = tmp_path / "out"
    args = [a.format(r=report, o=output, t=text) for a in argv]
    code, out, _ = _run(*args)
    assert code in (0, 1)
    assert out == "" or argv[0] == "import"
    assert output.read_text(encoding="utf-8")
    output.write_text("old")
    _Faults(monkeypatch, "fsync", 1)
    code, _, err = _run(*args)
    assert code == 2
    assert "No space left" in err
    assert output.read_text() == "old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.EDQUOT])
def test_a_read_only_folder_is_a_write_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Root ignores permission bits, so a read-only folder is simulated at os.open."""
    target = tmp_path / "r.json"
    target.write_text("old")

    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(_atomic.os, "open", refuse)
    with pytest.raises(rm.WriteError, match=r"r\.json: cannot write"):
        rm.dump(_report(), target)
    with pytest.raises(rm.WriteError):
        rm.export_tables([_report()], tmp_path)
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []
