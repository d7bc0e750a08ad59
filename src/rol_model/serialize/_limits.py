"""How much a reader accepts (:class:`Limits`), and reading a file's bytes within them.

Light on purpose: ``rol validate`` reads and judges files without loading the model.
"""

from __future__ import annotations

import os
from typing import IO

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits", "PathLike", "read_document"]

PathLike = str | os.PathLike[str]


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds that protect a reader from input built to exhaust memory or the stack.

    ``max_bytes`` caps the size of a document (default 16 MiB; the largest real reports are
    well under 1 MiB). ``max_depth`` caps the nesting of JSON values inside ``extensions``
    (default 32); everywhere else the schema bounds the depth. Pass ``Limits(max_bytes=...)``
    to :func:`load` or :func:`loads` to change them.
    """

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 32


DEFAULT_LIMITS = Limits()


def read_document(source: PathLike | IO[bytes], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read the bytes of a file (or binary stream), refusing more than ``limits.max_bytes``."""
    from rol_model.serialize._bounded import read_bounded

    return read_bounded(
        source, limits.max_bytes, what="report file", hint=" (raise Limits.max_bytes to read it)"
    )
