"""The report model: frozen attrs classes, one walker, and JSON Pointers.

Build a :class:`Report` from parts (:class:`MeasuresPart` …) and items (:class:`Measure` …);
each part class names the field that holds its items (``items_field``, ``item_fields``).
:func:`walk` visits every item with its pointer, parent and depth; every module that walks a
report goes through it. Nothing here reads or writes files.
"""

from __future__ import annotations

from rol_model.model._classes import (
    MAX_OUTLINE_DEPTH,
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
from rol_model.model._pointer import (
    document_position,
    pointer,
    split_pointer,
)

__all__ = [
    "MAX_OUTLINE_DEPTH",
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
