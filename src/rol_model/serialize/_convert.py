"""The one configured cattrs converter between report classes and JSON-shaped data."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rol_model.model import PART_CLASSES, Part

if TYPE_CHECKING:
    import cattrs

__all__ = ["converter", "sorted_json"]


class UnrepresentableValueError(ValueError):
    """A value that JSON cannot carry faithfully (NaN, infinity)."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    # str(float) is the shortest text that reads back as the same float: what the user typed.
    result = value if isinstance(value, Decimal) else Decimal(str(value))
    if not result.is_finite():
        raise UnrepresentableValueError(f"{value} is not a finite number")
    return result


def _unstructure_decimal(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise UnrepresentableValueError(f"{value} is not a finite number")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


def sorted_json(value: Any) -> Any:
    """A copy of JSON-shaped data with object keys sorted at every level (canonical form)."""
    if isinstance(value, Mapping):
        return {key: sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [sorted_json(item) for item in value]
    return value


@functools.cache
def converter() -> cattrs.Converter:
    """Build the converter once: extra keys forbidden, defaults omitted, ISO dates, Decimal."""
    import cattrs

    conv = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        unstruct_collection_overrides={tuple: list},
    )
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)

    def is_extensions(cls: object) -> bool:
        return cls == Mapping[str, Any]

    conv.register_structure_hook_func(is_extensions, lambda value, _: sorted_json(value))
    conv.register_unstructure_hook_func(is_extensions, sorted_json)

    def structure_part(value: Mapping[str, Any], _: type) -> Part:
        fields = dict(value)
        kind = fields.pop("kind", None)
        cls = PART_CLASSES.get(kind) if isinstance(kind, str) else None  # type: ignore[call-overload]
        if cls is None:
            raise ValueError(f"unknown part kind {kind!r}")
        return conv.structure(fields, cls)  # type: ignore[no-any-return]

    def unstructure_part(part: Part) -> dict[str, Any]:
        return {"kind": part.kind, **conv.unstructure(part, type(part))}

    conv.register_structure_hook(Part, structure_part)
    conv.register_unstructure_hook(Part, unstructure_part)
    return conv
