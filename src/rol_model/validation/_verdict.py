"""A fast yes/no answer to "is this document valid under the report schema?".

jsonschema is the reference: it explains every problem, with pointers, but it walks the schema
anew for every value and costs about forty times ``json.loads``. Most documents are valid, and
for those only the verdict matters. This module compiles the schema once into nested closures,
one per schema node, that stop at the first problem; when a document fails, the caller asks
jsonschema for the full list of issues. The compiled check and jsonschema must agree on every
document: ``tests/validation/test_verdict.py`` compares them over generated and hand-made documents.

The compiler knows exactly the keywords the report schema uses and refuses any other, so a
schema change that adds a keyword fails loudly in the tests instead of being ignored here.
Semantics follow the configured jsonschema validator: integral decimals are integers, ``pattern``
uses :func:`re.search`, ``format: date`` is checked as jsonschema's format checker does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = ["compile_schema", "is_integer"]

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"title", "description", "$comment", "$schema", "$id", "$defs"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def is_integer(value: object) -> bool:
    """An integer as JSON means it: ``2023``, ``2023.0`` or ``Decimal("2023.0")``, never ``True``.

    JSON has one number type: 2023.0 is an integer to every other validator, and our parser
    reads it as ``Decimal("2023.0")``, so integral decimals count as integers too.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, Decimal):
        return value.is_finite() and value == value.to_integral_value()
    return isinstance(value, float) and value.is_integer()


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _unique(values: list[Any]) -> bool:
    if all(isinstance(v, str) for v in values):
        return len(set(values)) == len(values)
    seen: list[Any] = []
    for value in values:
        if any(_json_equal(value, other) for other in seen):
            return False
        seen.append(value)
    return True


def _json_equal(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:  # the common case, without a loop
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a plain loop is faster than all() over a genexpr
            if not check(value):
                return False
        return True

    return every


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        self.pending: dict[str, list[Check]] = {}

    def ref(self, target: str) -> Check:
        if target in self.refs:
            return self.refs[target]
        name = target.removeprefix("#/$defs/")
        if name == target:
            raise NotImplementedError(f"only local $defs references are compiled: {target}")
        if name in self.pending:  # a recursive schema: call through a cell filled in below
            cell = self.pending[name]

            def deferred(value: Any) -> bool:
                return cell[0](value)

            return deferred
        self.pending[name] = cell = []
        check = self.compile(self.root["$defs"][name])
        cell.append(check)
        del self.pending[name]
        self.refs[target] = check
        return check

    def compile(self, node: dict[str, Any]) -> Check:
        unknown = set(node) - _ANNOTATIONS - _KEYWORDS
        if unknown:
            raise NotImplementedError(f"schema keywords not compiled: {sorted(unknown)}")
        checks: list[Check] = []
        if "$ref" in node:
            checks.append(self.ref(node["$ref"]))
        kind = node.get("type")
        if isinstance(kind, list):
            raise NotImplementedError("a list of types is not compiled")
        fused = self._bounded_number(node, kind)
        if fused is not None:  # a typed number and its bounds in one closure
            checks.append(fused)
        elif kind not in (None, "string", "array", "object"):
            checks.append(_TYPES[kind])
        keys = node.keys()
        if kind == "string" or keys & _STRING_KEYWORDS:
            checks.append(self._string(node, typed=kind == "string"))
        if kind == "array" or keys & _ARRAY_KEYWORDS:
            checks.append(self._array(node, typed=kind == "array"))
        if kind == "object" or keys & _OBJECT_KEYWORDS:
            checks.append(self._object(node, typed=kind == "object"))
        if fused is None:
            checks.extend(self._number(node))
        checks.extend(self._values(node))
        for branch in node.get("allOf", ()):
            checks.append(self._conditional(branch) if "if" in branch else self.compile(branch))
        if not checks:
            return lambda value: True
        return _all(checks)

    def _values(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "const" in node:
            const = node["const"]
            if isinstance(const, str):
                checks.append(lambda v: isinstance(v, str) and v == const)
            else:
                checks.append(lambda v: _json_equal(v, const))
        if "enum" in node:
            options = node["enum"]
            if all(isinstance(option, str) for option in options):
                names = frozenset(options)
                checks.append(lambda v: isinstance(v, str) and v in names)
            else:
                checks.append(lambda v: any(_json_equal(v, o) for o in options))
        return checks

    def _conditional(self, branch: dict[str, Any]) -> Check:
        if set(branch) != {"if", "then"}:
            raise NotImplementedError(f"conditional form not compiled: {sorted(branch)}")
        condition, then = self.compile(branch["if"]), self.compile(branch["then"])
        return lambda value: not condition(value) or then(value)

    def _string(self, node: dict[str, Any], *, typed: bool) -> Check:
        low = node.get("minLength", 0)
        high = node.get("maxLength")
        search = re.compile(node["pattern"]).search if "pattern" in node else None
        form = node.get("format")
        if form not in (None, "date"):
            raise NotImplementedError(f"format not compiled: {form}")
        date = form == "date"
        if typed and search is None and not date and high is not None:
            # the common text field: a type and a length range, in one expression
            return lambda value: isinstance(value, str) and low <= len(value) <= high

        def check(value: Any) -> bool:
            if not isinstance(value, str):
                return not typed
            # len() counts code points, as JSON Schema does (a string holds no surrogates here).
            if len(value) < low:
                return False
            if high is not None and len(value) > high:
                return False
            if search is not None and search(value) is None:
                return False
            return not date or _is_date(value)

        return check

    def _bounded_number(self, node: dict[str, Any], kind: object) -> Check | None:
        """``type: integer|number`` with ``minimum`` and ``maximum`` as one check.

        The same verdict as the three separate checks: a value of the type is a number, so the
        bound checks' "not a number, or within the bound" is just "within the bound".
        """
        if kind not in ("integer", "number") or "minimum" not in node or "maximum" not in node:
            return None
        is_type = _TYPES[kind]
        low, high = node["minimum"], node["maximum"]
        return lambda value: is_type(value) and low <= value <= high

    def _number(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "minimum" in node:
            low = node["minimum"]
            checks.append(lambda v: not _is_number(v) or v >= low)
        if "maximum" in node:
            high = node["maximum"]
            checks.append(lambda v: not _is_number(v) or v <= high)
        return checks

    def _array(self, node: dict[str, Any], *, typed: bool) -> Check:
        most = node.get("maxItems")
        unique = bool(node.get("uniqueItems"))
        item = self.compile(node["items"]) if "items" in node else None

        def check(value: Any) -> bool:
            if not isinstance(value, list):
                return not typed
            if most is not None and len(value) > most:
                return False
            if unique and not _unique(value):
                return False
            if item is not None:
                for element in value:
                    if not item(element):
                        return False
            return True

        return check

    def _object(self, node: dict[str, Any], *, typed: bool) -> Check:
        required = tuple(node.get("required", ()))
        most = node.get("maxProperties")
        name = self.compile(node["propertyNames"]) if "propertyNames" in node else None
        properties = {k: self.compile(sub) for k, sub in node.get("properties", {}).items()}
        closed = node.get("additionalProperties") is False
        if "additionalProperties" in node and not closed:
            raise NotImplementedError("only additionalProperties: false is compiled")

        if name is None and most is None and closed:
            return self._closed_object(required, properties, typed=typed)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return not typed
            for key in required:
                if key not in value:
                    return False
            if most is not None and len(value) > most:
                return False
            for key, element in value.items():
                if name is not None and not name(key):
                    return False
                sub = properties.get(key)
                if sub is None:
                    if closed:
                        return False
                elif not sub(element):
                    return False
            return True

        return check

    @staticmethod
    def _closed_object(
        required: tuple[str, ...], properties: dict[str, Check], *, typed: bool
    ) -> Check:
        """The common object: known properties only, no name or size rule; the same verdict."""
        needed = frozenset(required)
        get = properties.get

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return not typed
            if not value.keys() >= needed:
                return False
            for key, element in value.items():
                sub = get(key)
                if sub is None or not sub(element):
                    return False
            return True

        return check


_STRING_KEYWORDS = frozenset({"minLength", "maxLength", "pattern", "format"})
_ARRAY_KEYWORDS = frozenset({"maxItems", "uniqueItems", "items"})
_OBJECT_KEYWORDS = frozenset(
    {"required", "maxProperties", "propertyNames", "properties", "additionalProperties"}
)
_KEYWORDS = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "maxItems",
        "uniqueItems",
        "items",
        "required",
        "maxProperties",
        "propertyNames",
        "properties",
        "additionalProperties",
        "allOf",
    }
)


def compile_schema(schema: dict[str, Any]) -> Check:
    """Compile ``schema`` into ``check(document) -> bool``; raises NotImplementedError for
    keywords the compiler does not know, so nothing is silently skipped."""
    return _Compiler(schema).compile(schema)
