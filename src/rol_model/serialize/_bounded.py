"""The one bounded reader behind every file rol-model reads.

It never trusts ``stat().st_size`` (0 for ``/dev/zero``, FIFOs and many ``/proc`` files): it reads
at most ``limit + 1`` bytes and refuses the input when that last byte arrives. Directories, names
with a NUL byte and every :class:`OSError` become a :class:`~rol_model.ReadError` naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from rol_model.exceptions import ReadError

__all__ = ["read_bounded"]

_CHUNK = 1024 * 1024


def _read(stream: IO[bytes], limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_bounded(
    source: str | os.PathLike[str] | IO[bytes], limit: int, *, what: str = "file", hint: str = ""
) -> bytes:
    """The bytes of ``source`` (a path or a binary stream), refusing more than ``limit``.

    ``what`` names the kind of input in messages (``"report file"``, ``"profile"``); ``hint``
    is appended to the size refusal (how to raise the limit).
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        if "\x00" in name:
            raise ReadError(f"{name!r}: cannot read: a file name cannot contain a NUL byte")
        if not name:
            raise ReadError(f"cannot read the {what}: the file name is empty")
    else:
        name = str(getattr(source, "name", "<stream>"))
    try:
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            if path.is_dir():
                raise ReadError(f"{name}: is a directory, not a {what}")
            with path.open("rb") as stream:
                data = _read(stream, limit)
        else:
            data = _read(source, limit)
    except ReadError:
        raise
    except OSError as error:
        raise ReadError(f"{name}: cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise ReadError(f"{name}: larger than the limit of {limit} bytes{hint}")
    return data
