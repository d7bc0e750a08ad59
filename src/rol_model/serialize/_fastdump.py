"""The fast path of :func:`rol_model.dumps`: the canonical text, byte for byte, or a step aside.

The reference (``serialize._json.strict_dumps``: cattrs' unstructuring, the exact schema
verdict, the pure-Python canonical writer) stays what every output is compared with. This path:

1. Unstructures with code generated from the attrs classes (fields in class order, a field at its
   default left out, as the reference's converter does), accepting only the exact types the
   canonical writer and orjson write the same way: ``str``, ``int``, ``bool``, ``None``,
   ``Decimal`` (written as ``str(value)``), lists, tuples and dicts with ``str`` keys. A float,
   a subclass or any other type steps aside to the reference.
2. Takes the verdict as :func:`rol_model.loads` does: jsonschema-rs unless a decimal is longer
   than a binary double keeps (then the exact check); a failing verdict steps aside, so the
   reference raises the issues.
3. Writes with orjson (two-space indent, ``": "``, Chinese unescaped, the same escapes as
   :func:`json.encoder.encode_basestring`), each decimal as an ``orjson.Fragment`` of its text.
   orjson refuses lone surrogates: that steps aside too, and the reference names them.

``tests/test_fastdump.py`` proves the output identical on every fixture and on generated reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_type_hints

import attrs

from rol_model.model import PART_CLASSES, FrozenMap, Report
from rol_model.serialize._codegen import WRITE, conversion, function_name, generate
from rol_model.serialize._limits import DEFAULT_LIMITS
from rol_model.validation import extension_issues, is_valid

__all__ = ["dumps_fast", "unstructure_report"]

try:
    import orjson
except ImportError:  # the fast extra is not installed
    orjson = None  # type: ignore[assignment]

_PART_CLASSES = tuple(PART_CLASSES.values())


class _StepAside(Exception):  # noqa: N818 - a signal, not an error a user sees
    """A value the fast writer cannot vouch for."""


def _extension(value: Any) -> Any:
    """``sorted_json`` of the reference, for exactly the types both writers agree on."""
    kind = value.__class__
    if kind is dict or kind is FrozenMap:
        for key in value:
            if key.__class__ is not str:
                raise _StepAside
        return {key: _extension(value[key]) for key in sorted(value)}
    if kind is list or kind is tuple:
        return [_extension(item) for item in value]
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is Decimal and value.is_finite():
        return value
    raise _StepAside  # float (written differently), date, enum, subclasses: the reference


def _function(cls: type[Any], classes: set[type[Any]]) -> str:
    hints = get_type_hints(cls)
    lines = [f"def {function_name(cls, WRITE)}(o):"]
    lines.append(f"    d = {{'kind': {cls.kind!r}}}" if cls in _PART_CLASSES else "    d = {}")
    for field in attrs.fields(cls):
        key = field.name
        converted = conversion(hints[key], "v", classes, WRITE)
        if field.default is attrs.NOTHING:
            lines.append(f"    v = o.{key}; d[{key!r}] = {converted}")
        elif field.default is None:
            lines.append(f"    v = o.{key}\n    if v is not None: d[{key!r}] = {converted}")
        else:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            lines.append(f"    v = o.{key}\n    if v != {default!r}: d[{key!r}] = {converted}")
    lines.append("    return d")
    return "\n".join(lines)


def generated_source() -> str:
    """The unstructuring code, generated from the model's attrs classes and their type hints."""
    return generate(_function)


def _step() -> Any:
    raise _StepAside


def _compile() -> Callable[[Report], dict[str, Any]]:
    namespace: dict[str, Any] = {
        "_Decimal": Decimal,
        "_date": dt.date,
        "_isoformat": dt.date.isoformat,
        "_extension": _extension,
        "_step": _step,
    }
    exec(compile(generated_source(), "<rol_model unstructuring>", "exec"), namespace)  # noqa: S102
    namespace["_PART"] = {cls: namespace[function_name(cls, WRITE)] for cls in _PART_CLASSES}
    function: Callable[[Report], dict[str, Any]] = namespace[function_name(Report, WRITE)]
    return function


unstructure_report = _compile()
"""The reference's ``to_dict(report)`` for a report of exactly the types both writers agree on.

Raises ``_StepAside`` for any other value; decimals are checked as they are written.
"""


#: The nesting of extension values that load accepts by default.
_MAX_DEPTH = DEFAULT_LIMITS.max_depth


def dumps_fast(report: Report) -> str | None:
    """The canonical text :func:`rol_model.dumps` writes, or ``None``: then run the reference."""
    if orjson is None or report.__class__ is not Report:
        return None
    long_decimal = False

    def fragment(value: object) -> Any:
        nonlocal long_decimal
        if value.__class__ is not Decimal or not value.is_finite():
            raise _StepAside
        text = str(value)
        if len(text) > 16:  # the rule loads uses for taking the exact verdict
            long_decimal = True
        return orjson.Fragment(text)

    try:
        data = unstructure_report(report)
        written = orjson.dumps(
            data,
            default=fragment,
            option=orjson.OPT_INDENT_2
            | orjson.OPT_APPEND_NEWLINE
            | orjson.OPT_PASSTHROUGH_SUBCLASS,
        )
        if not is_valid(data, exact=long_decimal):
            return None
        if report.extensions and extension_issues(data.get("extensions"), _MAX_DEPTH):
            return None  # what load would refuse: the reference names it
        return written.decode("utf-8")
    except Exception:  # a float, a subclass, a surrogate, anything odd: the reference decides
        return None
