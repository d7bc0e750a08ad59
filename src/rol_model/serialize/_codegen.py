"""Code generated from the model for the fast paths: one function per class, reached from Report."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from rol_model.model import PART_CLASSES, Part, Report

__all__ = ["Templates", "conversion", "generate"]


@attrs.frozen(kw_only=True)
class Templates:
    """How one fast path writes the conversion of each kind of field type.

    Each template is Python source with ``{v}`` for the value's expression (``{f}`` for the
    item's conversion in ``sequence``); ``plain`` is ``None`` where a text needs no conversion.
    """

    prefix: str
    plain: str | None
    integer: str
    decimal: str
    date: str
    mapping: str
    part: str
    #: a model object: a call of its class's function (``{name}``)
    nested: str
    #: a tuple whose items need no conversion, and one whose items do (``{f}`` of ``x``)
    sequence_plain: str
    sequence: str

    def name(self, cls: type[Any]) -> str:
        """The generated function of ``cls``."""
        return f"{self.prefix}{cls.__name__}"


def conversion(hint: Any, var: str, classes: set[type[Any]], templates: Templates) -> str | None:
    """Python expression converting ``var`` of type ``hint``; ``None``: it stays as it is.

    Adds every attrs class it refers to to ``classes`` (see :func:`generate`).
    """
    origin = get_origin(hint)
    if hint is str or origin is Literal:
        return None if templates.plain is None else templates.plain.format(v=var)
    if hint is int:
        return templates.integer.format(v=var)
    if hint is Decimal:
        return templates.decimal.format(v=var)
    if hint is dt.date:
        return templates.date.format(v=var)
    if hint == Mapping[str, Any]:
        return templates.mapping.format(v=var)
    if hint == Part:
        return templates.part.format(v=var)
    if attrs.has(hint):
        classes.add(hint)
        return templates.nested.format(name=templates.name(hint), v=var)
    if origin is Union or origin is types.UnionType:
        (inner,) = (arg for arg in get_args(hint) if arg is not type(None))
        return conversion(inner, var, classes, templates)  # None is the caller's to handle
    if origin is tuple:
        item, ellipsis = get_args(hint)
        assert ellipsis is Ellipsis
        converted = conversion(item, "x", classes, templates)
        if converted is None or converted == "x":
            return templates.sequence_plain.format(v=var)
        return templates.sequence.format(v=var, f=converted)
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
