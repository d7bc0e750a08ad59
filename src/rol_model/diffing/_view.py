"""Report data as diff and JSON Patch read it: the frozen model objects, or JSON-shaped data.

:func:`rol_model.diff` and :func:`rol_model.json_patch` walk the attrs objects of two reports;
``diff_documents`` and ``document_patch`` walk JSON-shaped documents (what the command line and
callers holding a document have, valid or not). One engine serves both through these functions,
which read an object the way :func:`rol_model.to_dict` writes it: a field at its default
(``None``, an empty tuple, empty ``extensions``) is absent, a part's ``kind`` comes first and
``extensions`` keys are sorted. A value becomes JSON-shaped (:func:`json_value`) only when a
change or an operation records it, so no report is converted as a whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from rol_model.model import PART_CLASSES, FrozenMap, Report, iter_indicators
from rol_model.validation import DIAGNOSED, value_issues

__all__ = [
    "content_key",
    "entries",
    "get",
    "has",
    "is_object",
    "items",
    "json_value",
    "on_reports",
    "same",
]

T = TypeVar("T")

_IGNORED = frozenset({"id", "marker", "lines"})
_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}  # class → (field name, default)


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = tuple(
            (
                field.name,
                field.default.factory()
                if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
                else field.default,
            )
            for field in attrs.fields(cls)
        )
        _FIELDS[cls] = found
    return found


def get(node: Any, name: str) -> Any:
    """Field ``name`` of an object as to_dict would hold it: ``None`` when absent or at default."""
    if isinstance(node, dict) or node.__class__ is FrozenMap:
        return node.get(name)
    value = getattr(node, name, None)
    if value.__class__ is tuple and not value:
        return None
    return value


def items(node: Any, name: str) -> Sequence[Any]:
    """The array under ``name`` (items, figures, ids), empty when there is none."""
    if isinstance(node, dict) or node.__class__ is FrozenMap:
        found: Sequence[Any] = node.get(name, ())
        return found
    return getattr(node, name, ())


def has(node: Any, name: str) -> bool:
    """Whether the JSON form of an object has a member ``name``."""
    if isinstance(node, dict) or node.__class__ is FrozenMap:
        return name in node
    return get(node, name) is not None


def is_object(value: Any) -> bool:
    """Whether a value is an object in its JSON form: a mapping or a model object."""
    cls = value.__class__
    return isinstance(value, dict) or cls is FrozenMap or _names(cls) is not None


def entries(value: Any) -> list[tuple[str, Any]] | None:
    """The members of an object in the order to_dict writes them; ``None`` for any other value."""
    if isinstance(value, dict):
        return list(value.items())
    if value.__class__ is FrozenMap:
        return [(key, value[key]) for key in sorted(value)]
    if _names(value.__class__) is None:
        return None
    found = [("kind", value.kind)] if value.__class__ in _PARTS else []
    for name, default in _fields(value.__class__):
        member = getattr(value, name)
        if default is attrs.NOTHING or (
            member is not None if default is None else member != default
        ):
            found.append((name, member))
    return found


_PARTS = frozenset(PART_CLASSES.values())


def json_value(value: Any) -> Any:
    """A value as JSON-shaped data (objects dicts, arrays lists, dates ISO text, figures Decimal).

    JSON-shaped data is returned as it is; model objects and their values are converted.
    """
    if value is None or isinstance(value, (str, int, float, Decimal, dict, list)):
        return value
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    members = entries(value)
    if members is None:
        return value
    return {name: json_value(member) for name, member in members}


def same(a: Any, b: Any) -> bool:
    """Equal as JSON text would be: ``1``, ``1.0`` and ``true`` all differ, so do ``1`` and ``1.0``
    as figures; model objects compare member by member, as their JSON forms would (an object is
    the same as itself: reports derived with :func:`attrs.evolve` share what did not change)."""
    cls = a.__class__
    if cls is not b.__class__:
        return False
    if cls is str or cls is int or cls is bool or a is None:
        return bool(a == b)
    names = _names(cls)
    if names is not None:
        return a is b or all(same(getattr(a, name), getattr(b, name)) for name in names)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) or cls is FrozenMap:
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, Decimal):
        return str(a) == str(b)
    return bool(a == b)


def _names(cls: type) -> tuple[str, ...] | None:
    """The field names of a model class; ``None`` for any other class."""
    if cls not in _NAMES:
        _NAMES[cls] = tuple(name for name, _ in _fields(cls)) if attrs.has(cls) else None
    return _NAMES[cls]


_NAMES: dict[type, tuple[str, ...] | None] = {}


def content_key(value: Any, memo: dict[int, Hashable] | None = None) -> Hashable:
    """A key equal for two values whose content is equal apart from ids, markers and lines.

    Scalars keep their JSON type (``1``, ``1.0``, ``true`` and ``"1"`` differ, and so do the
    figures ``1`` and ``1.0``); two model objects have equal keys when they are of one class and
    their JSON forms, ids, markers and lines aside, are equal. ``memo`` remembers the keys of
    model objects by identity: pass one dict for as long as the objects it has seen live.
    """
    cls = value.__class__
    if cls is str or value is None:
        text: str | None = value
        return text
    if cls is tuple or cls is list:
        return ("[", tuple([content_key(item, memo) for item in value]))
    kept = _KEPT.get(cls)
    if kept is None and _names(cls) is not None:
        kept = _KEPT[cls] = tuple(name for name, _ in _fields(cls) if name not in _IGNORED)
    if kept is not None:
        if memo is None:
            return (cls, tuple([content_key(getattr(value, name)) for name in kept]))
        key = memo.get(id(value))
        if key is None:
            key = memo[id(value)] = (
                cls,
                tuple([content_key(getattr(value, name), memo) for name in kept]),
            )
        return key
    if isinstance(value, dict) or cls is FrozenMap:
        members = ((k, content_key(v, memo)) for k, v in value.items() if k not in _IGNORED)
        return ("{", tuple(sorted(members)))
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, int):
        return ("i", value)
    if isinstance(value, Decimal):
        return ("n", str(value))
    if isinstance(value, float):
        return ("f", repr(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ("[", tuple([content_key(item, memo) for item in value]))
    return ("?", repr(value))


_KEPT: dict[type, tuple[str, ...]] = {}  # model class → the fields its content key reads


def on_reports(function: Callable[[Report, Report], T], old: Report, new: Report) -> T:
    """``function(old, new)``, or :class:`~rol_model.InvalidReportError` for a value JSON cannot
    carry: a figure that is not a number (NaN, infinity), a non-finite number or an integer too
    long to write in ``extensions``, or a value built in code nested too deep."""
    from rol_model.exceptions import InvalidReportError

    try:
        _refuse_unwritable(old, new)
        return function(old, new)
    except DIAGNOSED:
        issues = [*value_issues(old), *([] if old is new else value_issues(new))]
        if not issues:
            raise
        raise InvalidReportError(issues) from None


def _refuse_unwritable(old: Report, new: Report) -> None:
    from rol_model.exceptions import InvalidReportError, Issue

    issues: list[Issue] = []
    for report in (old,) if old is new else (old, new):
        issues.extend(
            Issue(
                code="value.non-finite",
                message=f"{indicator.value} cannot be written as a JSON number",
                pointer=f"{where}/value",
            )
            for where, indicator in iter_indicators(report)
            if not indicator.value.is_finite()
        )
        if report.extensions:
            issues.extend(value_issues({"extensions": json_value(report.extensions)}))
    if issues:
        raise InvalidReportError(issues)
