"""Checks on the raw text shared by the fast paths (``_fastload``, ``_fastverdict``).

They hold no model and import nothing heavy, so ``rol validate`` can use them cold.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = [
    "LONG_DECIMAL",
    "ExactDecimals",
    "colons",
    "extensions_within",
    "parse_exact",
    "raw_bytes",
    "repeats_no_key",
]

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


def _refuse(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: the reference names them


def parse_exact(raw: bytes) -> tuple[Any, bool]:
    """``raw`` read as the reference reads it, minus its hook for repeated keys (which a caller
    proves absent with :func:`repeats_no_key`): the standard library's C parser with the exact
    ``Decimal`` of every number with a fraction or exponent. Also whether a number was longer
    than :data:`LONG_DECIMAL`. Raises where the reference refuses (malformed text, NaN).
    """
    exact = ExactDecimals()
    # decoded here, strictly: json.loads(bytes) would let UTF-8-encoded surrogates through
    document = json.loads(raw.decode("utf-8"), parse_float=exact, parse_constant=_refuse)
    return document, exact.long


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


def _compact(document: Any, *, few: bool) -> bytes:
    """The compact JSON of a parsed tree, every string as it was (decimals as their text)."""
    try:
        if few:  # for a handful of files, importing orjson costs more than it saves
            raise ImportError
        import orjson
    except ImportError:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str)
        return text.encode("utf-8", "surrogatepass")

    def fragment(value: object) -> Any:
        if value.__class__ is Decimal:
            return orjson.Fragment(str(value))
        raise TypeError

    return orjson.dumps(document, default=fragment)


def repeats_no_key(raw: bytes, document: Any, members: int = -1, *, few: bool = False) -> bool:
    """Whether no object of the JSON text ``raw`` repeats a key (``document``: its parsed tree).

    A ``:`` stands in JSON text either between a key and its value or inside a string; a parser
    keeps one member of a repeated key. ``members``, when given, counts the members of objects
    of the tree (each object at most once): if the text holds no more colons than that, every
    member of the text was kept and no string holds a colon, so no key was repeated. Next, the
    same with the colons of the strings at the top of the tree (:func:`_near_colons`: a source
    URL, extension keys) added. Otherwise the tree is written again compactly, every kept member
    with one ``:`` and every string as it was: the counts are equal exactly when no member was
    dropped. ``raw`` must hold no ``\\u003…`` escape (:func:`raw_bytes` refuses them): an
    escaped colon would come back as ``:`` and could hide a dropped member.
    """
    count = colons(raw)
    if count == members:
        return True
    if members >= 0 and type(document) is dict and count == members + _near_colons(document):
        return True
    return count == colons(_compact(document, few=few))


def _near_colons(document: dict[str, Any]) -> int:
    """The colons of the strings at the top of a report's tree: the values of its members, and
    the keys and string values of its members' objects (``source.url``, extension keys).

    Proof of :func:`repeats_no_key` without writing the tree again when these are the only
    strings with a colon: the text's colons are its members plus the colons inside its strings.
    The members kept are at most the text's, and these strings, each a kept string counted once,
    hold at most the text's string colons; so colons == members kept + these only when no member
    was dropped (and no other string holds a colon).
    """
    total = 0
    for value in document.values():
        kind = type(value)
        if kind is str:
            total += value.count(":")
        elif kind is dict:
            for key, item in value.items():
                total += key.count(":")
                if type(item) is str:
                    total += item.count(":")
    return total


#: Nesting the fast paths leave to the reference (whose parser has a recursion limit).
_MAX_FAST_DEPTH = 200


def extensions_within(document: dict[str, Any], max_depth: int) -> bool:
    """Whether every extension value of ``document`` nests no deeper than the limit, which
    the reference enforces (and no deeper than the fast paths vouch for)."""
    extensions = document.get("extensions")
    if extensions and type(extensions) is dict:
        limit = min(max_depth, _MAX_FAST_DEPTH)
        return all(_depth_within(value, limit) for value in extensions.values())
    return True


def _depth_within(value: object, limit: int) -> bool:
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
