"""Helpers shared by commands that read report files."""

from __future__ import annotations

import sys
from typing import IO

from rol_model.serialize._json import DEFAULT_LIMITS, read_document


def read_input(name: str) -> bytes:
    """The bytes of a file, or of standard input when ``name`` is ``-``."""
    if name == "-":
        stream: IO[bytes] = sys.stdin.buffer
        return read_document(stream, DEFAULT_LIMITS)
    return read_document(name, DEFAULT_LIMITS)
