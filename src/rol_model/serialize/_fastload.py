"""The fast path of :func:`rol_model.loads`: the same Report, or a step aside to the strict path.

The strict path in ``serialize._json`` (the standard library's parser with hooks for duplicate keys,
NaN and exact decimals, then cattrs) is the reference. This module may only return what the
reference returns; whenever it cannot vouch for that it returns ``None`` and the caller runs the
reference, which also produces every error a user sees. What it does:

1. Parse with orjson when the ``fast`` extra is installed, with the standard library's C parser
   and ``Decimal`` for fractions otherwise (``_fasttext.parse_exact``: the reference's parser
   without its Python hook per object). Both refuse everything the reference refuses as
   malformed (invalid UTF-8, NaN, Infinity, trailing commas, control characters); any refusal
   steps aside. A text with an escape that may be a lone surrogate or a colon (``\\ud…``,
   ``\\u003…``), a lone surrogate or over the size limit is read by the reference's own parser
   and still built below.
2. Structure with code generated from the attrs classes themselves (so it cannot drift from the
   model): it only converts (tuples, dates, decimals, the part kind) and never checks; anything
   unexpected raises and steps aside.
3. The schema verdict is the reference's own call (:func:`rol_model.validation.is_valid`); an
   invalid document steps aside, so every issue comes from the reference, and what step 2 built
   is only returned for a valid one (the schema is what makes the conversions right).
4. Prove that no object repeated a key (both parsers keep the last): a ``:`` stands in JSON text
   either between a key and its value or inside a string. Structuring counts the members of
   every object it reads; when the text holds exactly that many colons, every member was kept.
   Colons in the strings at the top of the tree (a source URL, an extension key) are counted
   where they stand and added. Otherwise (a colon in an item's text) the tree is written again
   compactly, each kept member with one ``:`` and each string as it was, and the counts must be
   equal (``_fasttext.repeats_no_key``). An escaped colon would come back as ``:``: step 1 leaves
   those texts to the reference's parser, which finds repeated keys itself.
5. Numbers with a fraction or an exponent: orjson reads them as binary floats, which lose the
   exact text. The first float seen while structuring re-reads the document with ``parse_exact``,
   and the verdict is taken again on that tree, as the reference takes it.

``tests/test_fastload.py`` proves the two paths agree (same ``repr`` of the Report, or a
refusal) on every fixture, mutations of them and hypothesis-generated documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_origin, get_type_hints

import attrs

from rol_model import model as _model
from rol_model.model import PART_CLASSES, Report
from rol_model.serialize._codegen import READ, conversion, function_name, generate
from rol_model.serialize._fasttext import (
    extensions_within,
    parse_exact,
    raw_bytes,
    repeats_no_key,
)
from rol_model.validation import is_valid

__all__ = ["load_fast", "structure"]

_PART_CLASSES = tuple(PART_CLASSES.values())


class _Inexact(Exception):  # noqa: N818 - a signal, not an error a user sees
    """A binary float where the reference keeps the exact decimal text."""


def _decimal(value: object) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if type(value) is Decimal:
        return value
    raise _Inexact


def _integer(value: object) -> int:
    """An integer field from the exact re-read (a ``Decimal``); a float is inexact."""
    if type(value) is Decimal:
        return int(value)
    raise _Inexact


def _extension(value: Any, seen: Callable[[dict[str, Any]], object]) -> Any:
    """``sorted_json`` of the reference, refusing floats (orjson's, not exact); each object is
    handed to ``seen``, as the generated functions do."""
    kind = type(value)
    if kind is dict:
        seen(value)
        return {key: _extension(value[key], seen) for key in sorted(value)}
    if kind is list:
        return [_extension(item, seen) for item in value]
    if kind is float:
        raise _Inexact
    return value


# -- generated structuring ----------------------------------------------------------------------


def _plain(cls: type[Any]) -> None:
    """Refuse to generate code for a class whose ``__init__`` does more than store the fields."""
    if getattr(cls, "__attrs_post_init__", None) or getattr(cls, "__attrs_pre_init__", None):
        raise TypeError(f"{cls.__name__} has an init hook: fast structuring would skip it")
    for field in attrs.fields(cls):
        if field.validator is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a validator")
        if isinstance(field.converter, attrs.Converter):  # takes self or fields: not compiled
            raise TypeError(f"{cls.__name__}.{field.name} has a converter taking self or fields")
    if "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not slotted")


def _function(cls: type[Any], classes: set[type[Any]]) -> str:
    """A function building ``cls`` from its JSON object as its attrs ``__init__`` would.

    The object is made with ``object.__new__`` and each slot set through its descriptor, which
    is what the frozen ``__init__`` does minus the keyword parsing; :func:`_plain` makes sure
    there is nothing else (validators, init hooks) that would be skipped. A field's converter
    (``Report.extensions``: ``freeze_json``) runs in its setter, on the default too, as attrs does.
    Each object is handed to ``_seen`` first, so the caller can count the members the parsed
    tree holds (:func:`structure`): a parameter, not a closure, as functions of one closure
    would refer to each other in a cycle that only the garbage collector could free.
    """
    _plain(cls)
    hints = get_type_hints(cls)
    name = cls.__name__
    lines = [f"def {function_name(cls, READ)}(d, _seen):", "    _seen(d)", f"    o = _new({name})"]
    for field in attrs.fields(cls):
        key = field.name
        setter = f"_set_{name}_{key}(o, "
        converted = conversion(hints[key], "v", classes, READ)
        if field.default is attrs.NOTHING:
            value = f"d[{key!r}]"
            lines.append(
                f"    {setter}{value})"
                if converted == "v"
                else f"    v = {value}; {setter}{converted})"
            )
        elif field.default is None:
            lines.append(
                f"    {setter}d.get({key!r}))"
                if converted == "v"
                else f"    v = d.get({key!r}); {setter}None if v is None else {converted})"
            )
        elif field.default == () and get_origin(hints[key]) is tuple:
            # the schema makes an array of a present key: empty or absent alike give ()
            lines.append(f"    {setter}{converted} if (v := d.get({key!r})) else ())")
        else:
            default = "{}" if isinstance(field.default, attrs.Factory) else repr(field.default)  # type: ignore[arg-type]
            if isinstance(field.default, attrs.Factory) and field.default.factory is not dict:  # type: ignore[arg-type]
                raise TypeError(f"{name}.{key}: unsupported default {field.default!r}")
            lines.append(
                f"    {setter}{converted} if (v := d.get({key!r}, _ABSENT)) is not _ABSENT "
                f"else {default})"
            )
    lines.append("    return o")
    return "\n".join(lines)


def generated_source() -> str:
    """The structuring code, generated from the model's attrs classes and their type hints."""
    return generate(_function)


def _slot(cls: type[Any], name: str) -> Any:
    """The slot descriptor of a field, on the class or the base class that declares it."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    raise TypeError(f"{cls.__name__}.{name} has no slot")


def _converting(
    store: Callable[[object, Any], None], convert: Callable[[Any], Any]
) -> Callable[[object, Any], None]:
    def converted(instance: object, value: Any) -> None:
        store(instance, convert(value))

    return converted


def _compile() -> Callable[[dict[str, Any], Callable[[dict[str, Any]], object]], Report]:
    namespace: dict[str, Any] = {
        "_decimal": _decimal,
        "_integer": _integer,
        "_Decimal": Decimal,
        "_date": dt.date.fromisoformat,
        "_extension": _extension,
        "_new": object.__new__,
        "_ABSENT": _ABSENT,
    }
    for cls in (getattr(_model, name) for name in _model.__all__):
        if isinstance(cls, type) and attrs.has(cls):
            namespace[cls.__name__] = cls
            for field in attrs.fields(cls):
                store = _slot(cls, field.name).__set__
                if field.converter is not None:
                    store = _converting(store, field.converter)
                namespace[f"_set_{cls.__name__}_{field.name}"] = store
    exec(compile(generated_source(), "<rol_model structuring>", "exec"), namespace)  # noqa: S102
    namespace["_PART"] = {cls.kind: namespace[function_name(cls, READ)] for cls in _PART_CLASSES}
    function: Callable[[dict[str, Any], Callable[[dict[str, Any]], object]], Report]
    function = namespace[function_name(Report, READ)]
    return function


_ABSENT = object()
_structure = _compile()


def structure(document: dict[str, Any]) -> tuple[Report, int]:
    """Build the Report from a parsed document (JSON-shaped), and count the members (key-value
    pairs) of the objects it read: every object of the parsed tree, each once.

    The Report is right only for a schema-valid document (:func:`_finish` returns it only then).
    Raises on anything the reference would not build exactly the same way (``_Inexact`` for a
    binary float); callers step aside to the reference then.
    """
    seen: list[dict[str, Any]] = []
    report = _structure(document, seen.append)
    return report, sum(map(len, seen))


# -- the pipeline -------------------------------------------------------------------------------

try:
    import orjson
except ImportError:  # the fast extra is not installed
    orjson = None  # type: ignore[assignment]


def _finish(raw: bytes | None, document: object, limits: Any, *, exact: bool) -> Report | None:
    """The Report of a parsed document, or ``None``; ``raw`` (the text) is checked for repeated
    keys, or ``None`` when the reference's parser already refused them.

    The report is built before the verdict is taken, so that a binary float (``_Inexact``, raised
    to the caller) costs no verdict on a tree that is read again; what is built is only returned
    once the verdict has passed.
    """
    if type(document) is not dict or not extensions_within(document, limits.max_depth):
        return None
    report, members = structure(document)
    if not is_valid(document, exact=exact):
        return None
    if raw is not None and not repeats_no_key(raw, document, members):
        return None
    return report


def load_fast(
    data: str | bytes | bytearray,
    limits: Any,
    parse: Callable[[str | bytes | bytearray, Any], tuple[Any, bool]] | None = None,
) -> Report | None:
    """The Report the reference would give for ``data``, or ``None``: then run the reference.

    ``parse`` is the reference's parser (``serialize._json._parse``: the document and whether it
    holds a long decimal, or an exception), used for a text the fast parsers leave to it (an
    escape that may hide a lone surrogate or a colon, a lone surrogate, a text over the limit).
    """
    try:
        raw = raw_bytes(data, limits.max_bytes)
        if raw is None:
            if parse is None:
                return None
            document, long_decimal = parse(data, limits)  # refusals raise: the reference's
            return _finish(None, document, limits, exact=long_decimal)
        if orjson is None:
            document, long_decimal = parse_exact(raw)
            return _finish(raw, document, limits, exact=long_decimal)
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        try:
            return _finish(raw, document, limits, exact=False)
        except _Inexact:  # a fraction or an exponent: read the exact decimals of the text
            document, long_decimal = parse_exact(raw)
            return _finish(raw, document, limits, exact=long_decimal)
    except Exception:  # anything unexpected: the reference decides
        return None
