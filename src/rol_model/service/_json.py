"""JSON text for the service's answers: exact decimals written as they are, never as floats.

The layout is the CLI's (two-space indent, Chinese unescaped, final newline), so an answer is
byte for byte what ``rol … --format json`` prints: the library's canonical writer.
"""

from __future__ import annotations

from typing import Any

from rol_model.serialize import canonical_json

__all__ = ["json_text"]


def json_text(data: Any) -> str:
    """``data`` (dicts, lists, str, int, Decimal, float, bool, None) as indented JSON text."""
    return canonical_json(data)
