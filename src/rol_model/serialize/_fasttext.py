"""Checks on the raw text shared by the fast paths (``_fastload``, ``_fastverdict``).

They hold no model and import nothing heavy, so ``rol validate`` can use them cold.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["LONG_DECIMAL", "ExactDecimals", "colons", "depth_within", "raw_bytes"]

#: A number written with more characters than this may hold more significant digits than a
#: binary double keeps: then the schema verdict must be taken on exact decimals.
LONG_DECIMAL = 16

_BOM = b"\xef\xbb\xbf"


class ExactDecimals:
    """A ``parse_float`` hook: the exact ``Decimal`` of a number's text; ``long`` tells whether
    one was longer than :data:`LONG_DECIMAL` (the reference's rule for an exact verdict)."""

    __slots__ = ("long",)

    def __init__(self) -> None:
        self.long = False

    def __call__(self, text: str) -> Decimal:
        if len(text) > LONG_DECIMAL:
            self.long = True
        return Decimal(text)


def raw_bytes(data: str | bytes | bytearray, limit: int) -> bytes | None:
    """The UTF-8 bytes to parse, without a BOM; ``None`` when the reference must read them.

    ``None`` for text over ``limit`` bytes, a lone surrogate in a ``str``, and any escape that
    could be a lone surrogate (``\\ud…``) or a colon hiding a repeated key (``\\u003…``).
    """
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the reference names it
            return None
    else:
        raw = bytes(data)
    if len(raw) > limit:
        return None
    if raw.startswith(_BOM):
        raw = raw[3:]
    # one memchr first: most reports have no backslash at all
    if b"\\" in raw and (b"\\ud" in raw or b"\\uD" in raw or b"\\u003" in raw):
        return None  # a possible lone surrogate, or an escaped colon hiding a duplicate key
    return raw


def colons(data: bytes) -> int:
    """How many ``:`` bytes ``data`` holds (``bytes.replace`` finds them with memchr, several
    times faster than ``bytes.count`` scanning byte by byte)."""
    return len(data) - len(data.replace(b":", b""))


def depth_within(value: object, limit: int) -> bool:
    """Whether ``value`` nests no deeper than ``limit`` levels of objects and arrays."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            if depth > limit:
                return False
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            if depth > limit:
                return False
            stack.extend((v, depth + 1) for v in item)
    return True
