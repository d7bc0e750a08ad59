"""The report model: frozen attrs classes, one walker, and JSON Pointers.

Build a :class:`Report` from parts (:class:`MeasuresPart` …) and items (:class:`Measure` …);
each part class names the field that holds its items (``items_field``, ``item_fields``).
:func:`walk` visits every item with its pointer, parent and depth; every module that walks a
report goes through it. Nothing here reads or writes files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rol_model.model._pointer import document_position, pointer, split_pointer

if TYPE_CHECKING:
    from rol_model.model._classes import (
        MAX_OUTLINE_DEPTH,
        PART_CLASSES,
        Cause,
        FrozenMap,
        Indicator,
        Item,
        LeadershipPart,
        LineRange,
        Measure,
        MeasuresPart,
        Node,
        Organization,
        OrganizationKind,
        OrganizationLevel,
        OtherPart,
        Part,
        PartKind,
        Period,
        Plan,
        PlansPart,
        Preamble,
        Qualifier,
        Report,
        Shortcoming,
        ShortcomingsPart,
        Source,
        Visit,
        children,
        iter_indicators,
        iter_nodes,
        node_text,
        part_items,
        walk,
        walk_part,
    )


def __getattr__(name: str) -> Any:
    """Load the model's classes and functions on first use (PEP 562): a pointer needs none."""
    if name in __all__ and name not in ("document_position", "pointer", "split_pointer"):
        from rol_model.model import _classes

        value = getattr(_classes, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rol_model.model' has no attribute {name!r}")


__all__ = [
    "MAX_OUTLINE_DEPTH",
    "PART_CLASSES",
    "Cause",
    "FrozenMap",
    "Indicator",
    "Item",
    "LeadershipPart",
    "LineRange",
    "Measure",
    "MeasuresPart",
    "Node",
    "Organization",
    "OrganizationKind",
    "OrganizationLevel",
    "OtherPart",
    "Part",
    "PartKind",
    "Period",
    "Plan",
    "PlansPart",
    "Preamble",
    "Qualifier",
    "Report",
    "Shortcoming",
    "ShortcomingsPart",
    "Source",
    "Visit",
    "children",
    "document_position",
    "iter_indicators",
    "iter_nodes",
    "node_text",
    "part_items",
    "pointer",
    "split_pointer",
    "walk",
    "walk_part",
]
