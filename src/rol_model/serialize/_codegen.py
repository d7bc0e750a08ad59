"""Code generated from the model for the fast paths: one function per class, reached from Report."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from rol_model.model import PART_CLASSES, Part, Report

__all__ = ["READ", "WRITE", "conversion", "function_name", "generate"]

#: The two directions: reading (``_fastload``: a parsed JSON value to the model's) and writing
#: (``_fastdump``: the model's value to a JSON value), the columns of :data:`_ROWS`.
READ, WRITE = 0, 1

#: How each kind of field type is converted: the kind, then the Python source reading it and
#: writing it, with ``{v}`` for the value's expression, ``{name}`` for a class's function and
#: ``{f}`` for an item's conversion. The names they use (``_integer``, ``_step`` …) are in the
#: namespace each fast path compiles its code in.
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("prefix", "_s_", "_u_"),
    # reading: the schema made sure of the type; writing: a str subclass reaches orjson's
    # default (OPT_PASSTHROUGH_SUBCLASS) and steps aside
    ("text", "{v}", "{v}"),
    # reading: an int stays; a float (orjson's 2023.0, or 2023.0000000000000001 rounded to
    # it) is not exact, the reference decides on the Decimal of its text (2023.0 -> 2023, the
    # other no); writing: orjson writes a float otherwise than float.__repr__
    (
        "int",
        "({v} if {v}.__class__ is int else _integer({v}))",
        "({v} if {v}.__class__ is int else _step())",
    ),
    (
        "Decimal",
        "(_Decimal({v}) if {v}.__class__ is int else _decimal({v}))",
        "({v} if {v}.__class__ is _Decimal and {v}.is_finite() else _step())",
    ),
    ("date", "_date({v})", "(_isoformat({v}) if {v}.__class__ is _date else _step())"),
    ("extensions", "_extension({v}, _seen)", "_extension({v})"),
    ("Part", "_PART[{v}['kind']]({v}, _seen)", "_PART[{v}.__class__]({v})"),
    ("class", "{name}({v}, _seen)", "{name}({v})"),
    ("tuple of plain items", "tuple({v})", "list({v})"),
    ("tuple", "tuple([{f} for x in {v}])", "[{f} for x in {v}]"),
)
_TEMPLATES = {kind: (read, write) for kind, read, write in _ROWS}


def function_name(cls: type[Any], direction: int) -> str:
    """The generated function of ``cls`` in one direction."""
    return f"{_TEMPLATES['prefix'][direction]}{cls.__name__}"


def _kind(hint: Any) -> str | None:
    if hint is str or get_origin(hint) is Literal:
        return "text"
    if hint is int or hint is Decimal:
        return hint.__name__
    if hint is dt.date:
        return "date"
    if hint == Part:
        return "Part"
    if hint == Mapping[str, Any]:
        return "extensions"
    return None


def conversion(hint: Any, var: str, classes: set[type[Any]], direction: int) -> str:
    """Python expression converting ``var`` of type ``hint`` (``var`` itself: no conversion).

    Adds every attrs class it refers to to ``classes`` (see :func:`generate`).
    """
    kind = _kind(hint)
    if kind is not None:
        return _TEMPLATES[kind][direction].format(v=var)
    if attrs.has(hint):
        classes.add(hint)
        return _TEMPLATES["class"][direction].format(name=function_name(hint, direction), v=var)
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        (inner,) = (arg for arg in get_args(hint) if arg is not type(None))
        return conversion(inner, var, classes, direction)  # None is the caller's to handle
    if origin is tuple:
        item, ellipsis = get_args(hint)
        assert ellipsis is Ellipsis
        converted = conversion(item, "x", classes, direction)
        kind = "tuple of plain items" if converted == "x" else "tuple"
        return _TEMPLATES[kind][direction].format(v=var, f=converted)
    raise TypeError(f"no fast code for {hint!r}")  # a new field type: extend this


def generate(function: Callable[[type[Any], set[type[Any]]], str]) -> str:
    """The source of one generated function per model class, in a stable order.

    ``function(cls, classes)`` writes the function of ``cls`` and adds the classes it refers to
    to ``classes``; generation stops when every class reached from :class:`Report` has one.
    """
    classes: set[type[Any]] = {Report, *PART_CLASSES.values()}
    done: set[type[Any]] = set()
    functions = []
    while classes - done:
        cls = min(classes - done, key=lambda c: c.__name__)
        done.add(cls)
        functions.append(function(cls, classes))
    return "\n\n".join(functions) + "\n"
