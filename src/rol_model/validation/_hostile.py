"""Diagnose values built in code that no JSON reader would have let through.

:func:`validate`, :func:`from_dict`, :func:`to_dict` and :func:`dumps` take data and objects
built in code, which never passed the strict JSON reader: they may nest thousands of levels
deep (:class:`RecursionError`), hold integers Python will not turn into text (beyond 4,300
digits: :class:`ValueError`) or signalling NaNs (:class:`decimal.InvalidOperation`). Those
functions run at full speed and, only when one of these exceptions escapes, ask
:func:`value_issues` where the culprit is, so the caller gets an
:class:`~rol_model.InvalidReportError` naming its JSON Pointer instead of a traceback.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from decimal import Decimal

import attrs

from rol_model.exceptions import Issue
from rol_model.model import pointer

__all__ = ["DIAGNOSED", "EXTENSION_DEPTH", "MAX_NESTING", "extension_issues", "value_issues"]

#: Exceptions that :func:`value_issues` explains: raised by deep, huge or non-finite values.
DIAGNOSED = (RecursionError, ValueError, ArithmeticError, TypeError)

#: Deepest nesting of a value in ``extensions`` (``Limits.max_depth``'s default).
EXTENSION_DEPTH = 32

#: Deepest nesting of data built in code (the schema's deepest report needs a few dozen levels).
MAX_NESTING = 100

_MAX_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 4300


def _children(value: object) -> Iterator[tuple[object, object]]:
    if isinstance(value, dict):
        yield from value.items()
    elif isinstance(value, (list, tuple)):
        yield from enumerate(value)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield field.name, getattr(value, field.name)


def _issue(value: object, path: list[object]) -> Issue | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value.bit_length() > _MAX_DIGITS * 3:
        return Issue(
            code="value.too-large",
            message=f"an integer of more than {_MAX_DIGITS} digits cannot be written as text",
            pointer=pointer(path),
        )
    if isinstance(value, Decimal) and not value.is_finite():
        return Issue(
            code="value.non-finite",
            message=f"{value} is not a JSON number; write a finite number",
            pointer=pointer(path),
        )
    if isinstance(value, float) and not math.isfinite(value):
        return Issue(
            code="value.non-finite",
            message=f"{value} is not a JSON number; write a finite number",
            pointer=pointer(path),
        )
    return None


def value_issues(data: object, *, max_depth: int = MAX_NESTING) -> list[Issue]:
    """Nesting beyond ``max_depth``, integers too long for text and non-finite numbers in
    ``data`` (JSON-shaped data or attrs model objects), with their JSON Pointers; iterative.
    """
    issues: list[Issue] = []
    stack: list[tuple[list[object], object]] = [([], data)]
    while stack and len(issues) < 20:
        path, value = stack.pop()
        if len(path) > max_depth:
            issues.append(
                Issue(
                    code="limit.depth",
                    message=f"nested deeper than {max_depth} levels",
                    pointer=pointer(path[:max_depth]),
                )
            )
            break
        found = _issue(value, path)
        if found is not None:
            issues.append(found)
            continue
        stack.extend(([*path, key], child) for key, child in reversed(list(_children(value))))
    return issues


def _container_depth(value: object) -> int:
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list, tuple)):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def extension_issues(extensions: object, max_depth: int = EXTENSION_DEPTH) -> list[Issue]:
    """What the readers refuse in ``extensions``: nesting beyond ``max_depth``, NaN, huge ints."""
    if not isinstance(extensions, dict):
        return []
    for key, value in extensions.items():
        if _container_depth(value) > max_depth:
            return [
                Issue(
                    code="limit.depth",
                    message=f"extension value nests deeper than {max_depth} levels "
                    "(raise Limits.max_depth to read it)",
                    pointer=pointer(["extensions", key]),
                )
            ]
    return value_issues({"extensions": extensions})
