"""A fast yes/no answer to "is this document valid under the report schema?".

jsonschema is the reference: it explains every problem, with pointers, but it walks the schema
anew for every value and costs about forty times ``json.loads``. Most documents are valid, and
for those only the verdict matters. This module compiles the schema once into nested closures,
one per schema node, that stop at the first problem; when a document fails, the caller asks
jsonschema for the full list of issues. The compiled check and jsonschema must agree on every
document: ``tests/test_verdict.py`` compares them over generated and hand-made documents.

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

__all__ = ["compile_schema"]

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"title", "description", "$comment", "$schema", "$id", "$defs"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _is_integer(value: object) -> bool:
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
    "integer": _is_integer,
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


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, target: str) -> Check:
        if target not in self.refs:
            name = target.removeprefix("#/$defs/")
            if name == target:
                raise NotImplementedError(f"only local $defs references are compiled: {target}")
            cell: list[Check] = []

            def deferred(value: Any) -> bool:  # resolved below, so a schema may recurse
                return cell[0](value)

            self.refs[target] = deferred
            cell.append(self.compile(self.root["$defs"][name]))
        return self.refs[target]

    def compile(self, node: dict[str, Any]) -> Check:
        checks: list[Check] = []
        unknown = set(node) - _ANNOTATIONS - _KEYWORDS
        if unknown:
            raise NotImplementedError(f"schema keywords not compiled: {sorted(unknown)}")
        if "$ref" in node:
            checks.append(self.ref(node["$ref"]))
        if "type" in node:
            checks.append(_TYPES[node["type"]])
        if "const" in node:
            const = node["const"]
            checks.append(lambda v: _json_equal(v, const))
        if "enum" in node:
            options = node["enum"]
            checks.append(lambda v: any(_json_equal(v, o) for o in options))
        checks.extend(self._string(node))
        checks.extend(self._number(node))
        checks.extend(self._array(node))
        checks.extend(self._object(node))
        for branch in node.get("allOf", ()):
            checks.append(self._conditional(branch) if "if" in branch else self.compile(branch))
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    def _conditional(self, branch: dict[str, Any]) -> Check:
        if set(branch) != {"if", "then"}:
            raise NotImplementedError(f"conditional form not compiled: {sorted(branch)}")
        condition, then = self.compile(branch["if"]), self.compile(branch["then"])
        return lambda value: not condition(value) or then(value)

    def _string(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        low, high = node.get("minLength"), node.get("maxLength")
        if low is not None or high is not None:
            lo, hi = low or 0, high if high is not None else float("inf")
            # len() counts code points, as JSON Schema does (a string holds no surrogates here).
            checks.append(lambda v: not isinstance(v, str) or lo <= len(v) <= hi)
        if "pattern" in node:
            search = re.compile(node["pattern"]).search
            checks.append(lambda v: not isinstance(v, str) or search(v) is not None)
        if node.get("format") == "date":
            checks.append(_is_date)
        elif "format" in node:
            raise NotImplementedError(f"format not compiled: {node['format']}")
        return checks

    def _number(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "minimum" in node:
            low = node["minimum"]
            checks.append(lambda v: not _is_number(v) or v >= low)
        if "maximum" in node:
            high = node["maximum"]
            checks.append(lambda v: not _is_number(v) or v <= high)
        return checks

    def _array(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "maxItems" in node:
            most = node["maxItems"]
            checks.append(lambda v: not isinstance(v, list) or len(v) <= most)
        if node.get("uniqueItems"):
            checks.append(lambda v: not isinstance(v, list) or _unique(v))
        if "items" in node:
            item = self.compile(node["items"])
            checks.append(lambda v: not isinstance(v, list) or all(item(x) for x in v))
        return checks

    def _object(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        required = tuple(node.get("required", ()))
        if required:
            checks.append(lambda v: not isinstance(v, dict) or all(k in v for k in required))
        if "maxProperties" in node:
            most = node["maxProperties"]
            checks.append(lambda v: not isinstance(v, dict) or len(v) <= most)
        if "propertyNames" in node:
            name = self.compile(node["propertyNames"])
            checks.append(lambda v: not isinstance(v, dict) or all(name(k) for k in v))
        properties = {k: self.compile(sub) for k, sub in node.get("properties", {}).items()}
        closed = node.get("additionalProperties") is False
        if "additionalProperties" in node and not closed:
            raise NotImplementedError("only additionalProperties: false is compiled")
        if properties or closed:

            def check_properties(value: Any) -> bool:
                if not isinstance(value, dict):
                    return True
                for key, item in value.items():
                    check = properties.get(key)
                    if check is None:
                        if closed:
                            return False
                    elif not check(item):
                        return False
                return True

            checks.append(check_properties)
        return checks


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
