"""The one atomic writer behind every file rol-model writes.

A file is written to a temporary file in the target's folder, flushed to disk, then renamed over
the target in one step, so a reader sees the old file or the new one, never a torn one; a failure
(full disk, no permission, a bad name) leaves the old file as it was and no temporary file behind.

- Mode: a new file gets ``0o666`` less the process umask, as ``open()`` would give it; an
  existing file keeps its mode.
- Links: a symbolic link is followed: the file it points to is replaced, the link stays a link.
- Names: the temporary name is short (``.rol-<12 hex>.tmp``), so every name the file system
  accepts as a target (up to 255 bytes) works.
- Groups: :class:`AtomicGroup` writes several files all-or-nothing: each old file is kept as a
  hard link (or renamed aside) until every new file is in place, and put back if one fails.

Every failure is a :class:`~rol_model.WriteError` naming the file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from rol_model.exceptions import WriteError

__all__ = ["AtomicGroup", "write_file"]

PathLike = str | os.PathLike[str]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _error(target: PathLike, error: BaseException) -> WriteError:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return WriteError(f"{os.fspath(target)}: cannot write: {reason}")


def _resolve(path: PathLike) -> Path:
    """The file to replace: ``path``, or what it links to when it is a symbolic link."""
    target = Path(os.fspath(path))
    if "\x00" in str(target):
        raise ValueError("embedded null byte")
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory")
    return target


def _temporary(directory: Path) -> tuple[int, Path]:
    for _ in range(100):
        name = directory / f".rol-{secrets.token_hex(6)}.tmp"
        try:
            return os.open(name, _FLAGS, 0o666), name  # the umask applies, as for open()
        except FileExistsError:
            continue
    raise FileExistsError(17, "cannot create a temporary file")  # pragma: no cover


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


class _Pending:
    """One temporary file waiting to replace its target."""

    def __init__(self, path: PathLike, *, binary: bool, encoding: str, newline: str | None) -> None:
        self.name = os.fspath(path)
        self.target = _resolve(path)
        directory = self.target.parent
        handle, self.temporary = _temporary(directory)
        try:
            with contextlib.suppress(FileNotFoundError):
                mode = stat.S_IMODE(self.target.stat().st_mode)
                self.temporary.chmod(mode)
            if binary:
                self.stream: IO[bytes] | IO[str] = os.fdopen(handle, "wb")
            else:
                self.stream = os.fdopen(handle, "w", encoding=encoding, newline=newline)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(handle)
            self.temporary.unlink(missing_ok=True)
            raise
        self.backup: Path | None = None
        self.linked = False
        self.placed = False

    def finish(self) -> None:
        """Flush the temporary file to disk and close it."""
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()

    def discard(self) -> None:
        """Close and remove the temporary file."""
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.temporary.unlink(missing_ok=True)


class AtomicGroup:
    """Files written together: all of them replace their targets, or none does.

    Use as a context manager; :meth:`open` gives a stream for each file. Leaving the block
    normally commits every file; an exception discards them all (and re-raises it). Failures
    are :class:`~rol_model.WriteError` naming the file.
    """

    def __init__(self) -> None:
        self._files: list[_Pending] = []

    def open_text(
        self, path: PathLike, *, encoding: str = "utf-8", newline: str | None = ""
    ) -> IO[str]:
        """A text stream whose contents will replace ``path`` on commit."""
        try:
            pending = _Pending(path, binary=False, encoding=encoding, newline=newline)
        except (OSError, ValueError) as error:
            raise _error(path, error) from None
        self._files.append(pending)
        return pending.stream  # type: ignore[return-value]

    def open_binary(self, path: PathLike) -> IO[bytes]:
        """A binary stream whose contents will replace ``path`` on commit."""
        try:
            pending = _Pending(path, binary=True, encoding="", newline=None)
        except (OSError, ValueError) as error:
            raise _error(path, error) from None
        self._files.append(pending)
        return pending.stream  # type: ignore[return-value]

    def commit(self) -> None:
        """Put every file in place, or (on any failure) none: old files are restored."""
        current: _Pending | None = None
        try:
            for pending in self._files:
                current = pending
                pending.finish()
            for pending in self._files:
                current = pending
                self._place(pending)
        except OSError as error:
            self._roll_back()
            self.discard()
            raise _error(current.name if current else "", error) from None
        except BaseException:
            self._roll_back()
            self.discard()
            raise
        for pending in self._files:
            if pending.backup is not None:
                with contextlib.suppress(OSError):
                    pending.backup.unlink()
        for directory in {pending.target.parent for pending in self._files}:
            _fsync_directory(directory)
        self._files = []

    def _place(self, pending: _Pending) -> None:
        if os.path.lexists(pending.target):
            _, backup = _temporary(pending.target.parent)
            backup.unlink()
            try:
                backup.hardlink_to(pending.target)  # the old file stays where it is meanwhile
                pending.linked = True
            except OSError:
                pending.target.replace(backup)
            pending.backup = backup
        pending.temporary.replace(pending.target)
        pending.placed = True

    def _roll_back(self) -> None:
        for pending in reversed(self._files):
            with contextlib.suppress(OSError):
                if pending.backup is not None and (pending.placed or not pending.linked):
                    pending.backup.replace(pending.target)
                    pending.backup = None
                elif pending.placed:
                    pending.target.unlink()

    def discard(self) -> None:
        """Drop every temporary file; the targets are left as they were."""
        for pending in self._files:
            pending.discard()
            if pending.backup is not None:
                with contextlib.suppress(OSError):
                    pending.backup.unlink()
        self._files = []

    def __enter__(self) -> AtomicGroup:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


@contextlib.contextmanager
def _writing(path: PathLike) -> Iterator[None]:
    try:
        yield
    except WriteError:
        raise
    except (OSError, ValueError) as error:
        raise _error(path, error) from None


def write_file(path: PathLike, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` (text is encoded with ``encoding``) to ``path`` atomically.

    Raises :class:`~rol_model.WriteError` naming ``path`` when it cannot be written; the old
    file, if any, is then left as it was and no temporary file remains.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    with _writing(path), AtomicGroup() as group:
        group.open_binary(path).write(payload)
