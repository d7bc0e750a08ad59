"""JSON text for the service's answers: exact decimals written as they are, never as floats.

The layout is the CLI's (two-space indent, Chinese unescaped, final newline), so an answer is
byte for byte what ``rol … --format json`` prints.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = ["json_text"]


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif value is None or isinstance(value, bool):
        out.append("null" if value is None else ("true" if value else "false"))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal) and value.is_finite():
        out.append(str(value))
    elif isinstance(value, float):
        out.append(json.dumps(value, allow_nan=False))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," if index else "") + "\n" + inner + json.dumps(key, ensure_ascii=False))
            out.append(": ")
            _emit(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + "\n" + inner)
            _emit(item, inner, out)
        out.append("\n" + indent + "]")
    else:
        raise ValueError(f"{value!r} is not JSON data")


def json_text(data: Any) -> str:
    """``data`` (dicts, lists, str, int, Decimal, bool, None) as indented JSON text."""
    out: list[str] = []
    _emit(data, "", out)
    out.append("\n")
    return "".join(out)
