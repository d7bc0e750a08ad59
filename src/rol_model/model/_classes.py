"""The report model: plain, immutable data, with no I/O and no serialization logic.

Every class is a frozen, keyword-only attrs class. Build one with keyword arguments and derive a
changed copy with :func:`attrs.evolve`. Collections are tuples, so a report can be shared safely.
The JSON form of each class is described by ``schemas/report.schema.json``; field names are the
same in Python and in JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Literal, Union

import attrs

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
    "iter_indicators",
    "iter_nodes",
    "node_text",
    "part_items",
    "walk",
    "walk_part",
]

#: How many outline levels may nest below a part heading: （一） → 1. → （1） → ①.
MAX_OUTLINE_DEPTH = 4

Qualifier = Literal["exact", "at_least", "approximately", "at_most"]
"""How a figure is stated: exact, at least (余, 多, 以上), about (约, 左右), at most (近, 不足)."""

PartKind = Literal["measures", "shortcomings", "leadership", "plans", "other"]
"""The five parts that the 2019 regulation requires, in the regulation's order."""

OrganizationLevel = Literal["national", "provincial", "prefectural", "county", "township"]
"""Administrative level of the reporting body (国家级, 省级, 地市级, 县级, 乡镇级)."""

OrganizationKind = Literal["government", "department", "other"]
"""A people's government (人民政府), one of its departments (政府工作部门), or another body."""


@attrs.frozen(kw_only=True)
class LineRange:
    """Where an item stands in the imported source text: 1-based, inclusive line numbers."""

    start: int
    end: int


@attrs.frozen(kw_only=True)
class Period:
    """The time a figure covers, both ends inclusive."""

    start: dt.date
    end: dt.date


@attrs.frozen(kw_only=True)
class Indicator:
    """A figure stated in the text, such as 专项检查40次 or 受教育学生达3万余人.

    ``value`` is exact (a :class:`~decimal.Decimal`) with 万 and 亿 folded in, so 3万余人 is
    ``Decimal(30000)`` with qualifier ``"at_least"`` and unit ``"人"``. ``source`` keeps the phrase
    verbatim, so nothing of the original wording is lost. On a :class:`Plan` an indicator is a
    target for the next year.
    """

    id: str
    label: str
    value: Decimal
    unit: str
    qualifier: Qualifier
    source: str
    period: Period | None = None


def _id_first(_cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Put ``id`` first, as the JSON form does, whatever class declares it."""
    return sorted(fields, key=lambda field: field.name != "id")


@attrs.frozen(kw_only=True)
class _Outlined:
    """The fields every part and outline item has, in the order the JSON form gives them."""

    marker: str | None = None
    heading: str | None = None
    text: str | None = None
    indicators: tuple[Indicator, ...] = ()
    references: tuple[str, ...] = ()
    lines: LineRange | None = None


@attrs.frozen(kw_only=True)
class _PartFields(_Outlined):
    """A part's own heading, text and figures; each part class adds its item lists."""


@attrs.frozen(kw_only=True)
class _OutlineItem(_Outlined):
    """An outline item with an id; :class:`Measure`, :class:`Shortcoming` and :class:`Item`."""

    id: str


@attrs.frozen(kw_only=True, field_transformer=_id_first)
class Measure(_OutlineItem):
    """A measure taken and its results; nests like the outline: （一） → 1. → （1） → ①."""

    children: tuple[Measure, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=_id_first)
class Shortcoming(_OutlineItem):
    """A shortcoming the body reports (存在的不足); its causes are :class:`Cause` records."""

    children: tuple[Shortcoming, ...] = ()


@attrs.frozen(kw_only=True)
class Cause:
    """A cause of shortcomings (原因); ``shortcoming_ids`` names those it explains, empty: all."""

    id: str
    text: str
    marker: str | None = None
    shortcoming_ids: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    references: tuple[str, ...] = ()
    lines: LineRange | None = None


@attrs.frozen(kw_only=True)
class Plan:
    """A plan for the next year: indicators are its targets, ``shortcoming_ids`` what it fixes."""

    id: str
    marker: str | None = None
    heading: str | None = None
    text: str | None = None
    shortcoming_ids: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    references: tuple[str, ...] = ()
    lines: LineRange | None = None
    children: tuple[Plan, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=_id_first)
class Item(_OutlineItem):
    """An outline item of the leadership part or of the other-matters part."""

    children: tuple[Item, ...] = ()


# typing.Union, not |: the alias is a runtime object that cattrs dispatches on.
Node = Union[Measure, Shortcoming, Cause, Plan, Item]  # noqa: UP007
"""Any item of a report that carries an id, text and indicators."""


@attrs.frozen(kw_only=True)
class MeasuresPart(_PartFields):
    """Part 1: the year's main measures and results (主要举措和成效)."""

    kind: ClassVar[PartKind] = "measures"
    #: The field holding the part's outline items.
    items_field: ClassVar[str] = "measures"
    #: Every field holding items (the outline, and causes), in document order.
    item_fields: ClassVar[tuple[str, ...]] = ("measures",)
    measures: tuple[Measure, ...] = ()


@attrs.frozen(kw_only=True)
class ShortcomingsPart(_PartFields):
    """Part 2: shortcomings and their causes (存在的不足和原因)."""

    kind: ClassVar[PartKind] = "shortcomings"
    #: The field holding the part's outline items.
    items_field: ClassVar[str] = "shortcomings"
    #: Every field holding items (the outline, and causes), in document order.
    item_fields: ClassVar[tuple[str, ...]] = ("shortcomings", "causes")
    shortcomings: tuple[Shortcoming, ...] = ()
    causes: tuple[Cause, ...] = ()


@attrs.frozen(kw_only=True)
class LeadershipPart(_PartFields):
    """Part 3: how the principal leaders fulfilled their duty as first responsible persons."""

    kind: ClassVar[PartKind] = "leadership"
    #: The field holding the part's outline items.
    items_field: ClassVar[str] = "items"
    #: Every field holding items (the outline, and causes), in document order.
    item_fields: ClassVar[tuple[str, ...]] = ("items",)
    items: tuple[Item, ...] = ()


@attrs.frozen(kw_only=True)
class PlansPart(_PartFields):
    """Part 4: the main arrangements for the next year (下一年度主要安排)."""

    kind: ClassVar[PartKind] = "plans"
    #: The field holding the part's outline items.
    items_field: ClassVar[str] = "plans"
    #: Every field holding items (the outline, and causes), in document order.
    item_fields: ClassVar[tuple[str, ...]] = ("plans",)
    plans: tuple[Plan, ...] = ()


@attrs.frozen(kw_only=True)
class OtherPart(_PartFields):
    """Part 5: other matters that need reporting (其他需要报告的情况)."""

    kind: ClassVar[PartKind] = "other"
    #: The field holding the part's outline items.
    items_field: ClassVar[str] = "items"
    #: Every field holding items (the outline, and causes), in document order.
    item_fields: ClassVar[tuple[str, ...]] = ("items",)
    items: tuple[Item, ...] = ()


Part = Union[MeasuresPart, ShortcomingsPart, LeadershipPart, PlansPart, OtherPart]  # noqa: UP007
"""One part of a report; ``part.kind`` tells which."""

#: Each part kind's class, in the regulation's order: the one map from ``kind`` to structure.
PART_CLASSES: Mapping[PartKind, type[Part]] = {
    cls.kind: cls for cls in (MeasuresPart, ShortcomingsPart, LeadershipPart, PlansPart, OtherPart)
}


@attrs.frozen(kw_only=True)
class Preamble:
    """The opening paragraphs before the first part (导语), with the figures they state."""

    text: str
    indicators: tuple[Indicator, ...] = ()
    references: tuple[str, ...] = ()
    lines: LineRange | None = None


@attrs.frozen(kw_only=True)
class Organization:
    """The reporting body: its name, and where it stands in the administration."""

    name: str
    region: str | None = None
    level: OrganizationLevel | None = None
    kind: OrganizationKind | None = None


@attrs.frozen(kw_only=True)
class Source:
    """Where the report was taken from."""

    url: str | None = None
    file: str | None = None
    encoding: str | None = None
    retrieved_on: dt.date | None = None


class FrozenMap(Mapping[str, Any]):
    """An immutable, hashable mapping: the form ``Report.extensions`` takes.

    Nested objects become :class:`FrozenMap` and arrays tuples, so a frozen report really is
    frozen (``report.extensions["x:y"] = 1`` raises ``TypeError``) and ``hash(report)`` works.
    It compares equal to a ``dict`` with the same items.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, items: Mapping[str, Any] = ()) -> None:  # type: ignore[assignment]
        self._data: dict[str, Any] = {
            key: freeze_value(value) for key, value in dict(items).items()
        }
        self._hash: int | None = None

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def freeze_value(value: Any) -> Any:
    """JSON-shaped data made immutable: objects become :class:`FrozenMap`, arrays tuples."""
    if isinstance(value, Mapping):
        return value if isinstance(value, FrozenMap) else FrozenMap(value)
    if isinstance(value, (list, tuple)):
        return tuple(freeze_value(item) for item in value)
    return value


def freeze_json(value: Mapping[str, Any]) -> FrozenMap:
    """The converter of ``Report.extensions``: an immutable copy of the mapping.

    Raises :class:`~rol_model.InvalidReportError` for data nested too deeply to copy (thousands
    of levels, built in code), where the copy would raise :class:`RecursionError`.
    """
    if isinstance(value, FrozenMap):
        return value
    try:
        return FrozenMap(value)
    except RecursionError:
        from rol_model.exceptions import InvalidReportError, Issue

        issue = Issue(
            code="limit.depth",
            message="an extension value nests too deeply to be held (thousands of levels)",
            pointer="/extensions",
        )
        raise InvalidReportError([issue]) from None


@attrs.frozen(kw_only=True)
class Report:
    """A rule-of-law government annual report (法治政府建设年度报告).

    ``parts`` keeps the report's own order and headings; a report may have two parts of one kind.
    The properties :attr:`measures`, :attr:`shortcomings`, :attr:`causes`, :attr:`plans`,
    :attr:`leadership` and :attr:`other_matters` collect the contents by kind. ``extensions`` holds
    namespaced data the model does not cover (keys like ``"sifaju:review_status"``); it survives
    every round trip. Reports are frozen: use :func:`attrs.evolve` to derive a changed copy.
    """

    title: str
    organization: Organization
    year: int
    issued_on: dt.date | None = None
    submitted_on: dt.date | None = None
    published_on: dt.date | None = None
    source: Source | None = None
    preamble: Preamble | None = None
    parts: tuple[Part, ...] = ()
    extensions: Mapping[str, Any] = attrs.field(factory=dict, converter=freeze_json)

    def parts_of(self, kind: PartKind) -> tuple[Part, ...]:
        """The parts of one kind, in document order."""
        return tuple(part for part in self.parts if part.kind == kind)

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Top-level measures of every measures part, in document order."""
        return tuple(m for p in self.parts if isinstance(p, MeasuresPart) for m in p.measures)

    @property
    def shortcomings(self) -> tuple[Shortcoming, ...]:
        """Top-level shortcomings of every shortcomings part, in document order."""
        return tuple(
            s for p in self.parts if isinstance(p, ShortcomingsPart) for s in p.shortcomings
        )

    @property
    def causes(self) -> tuple[Cause, ...]:
        """Causes of shortcomings, in document order."""
        return tuple(c for p in self.parts if isinstance(p, ShortcomingsPart) for c in p.causes)

    @property
    def leadership(self) -> LeadershipPart | None:
        """The first-responsible-person part, or ``None`` when the report lacks it."""
        return next((p for p in self.parts if isinstance(p, LeadershipPart)), None)

    @property
    def plans(self) -> tuple[Plan, ...]:
        """Top-level plans for the next year, in document order."""
        return tuple(pl for p in self.parts if isinstance(p, PlansPart) for pl in p.plans)

    @property
    def other_matters(self) -> tuple[Item, ...]:
        """Top-level items of the other-matters parts, in document order."""
        return tuple(i for p in self.parts if isinstance(p, OtherPart) for i in p.items)


@attrs.frozen
class Visit:
    """One step of :func:`walk`: an item, where it is, its parent and its depth (1 = top level)."""

    pointer: str
    node: Node
    parent: Node | Part
    depth: int


def children(node: Node) -> tuple[Node, ...]:
    """The sub-items of an item (a cause has none)."""
    return () if isinstance(node, Cause) else node.children


def part_items(part: Part) -> tuple[Node, ...]:
    """The top-level outline items of a part (its ``items_field``; causes not included)."""
    items: tuple[Node, ...] = getattr(part, part.items_field)
    return items


def node_text(node: Node | Part | Preamble, separator: str = " ") -> str:
    """Heading and own text of an item or part joined by ``separator``; empty when it has neither.

    Sub-items are not included. The one definition of "the text of an item" that the checker,
    diff, trends and views use.
    """
    heading = getattr(node, "heading", None)
    return separator.join(piece for piece in (heading, node.text) if piece)


def _walk(prefix: str, nodes: tuple[Node, ...], parent: Node | Part, depth: int) -> Iterator[Visit]:
    for index, node in enumerate(nodes):
        pointer = f"{prefix}/{index}"
        yield Visit(pointer, node, parent, depth)
        yield from _walk(f"{pointer}/children", children(node), node, depth + 1)


def walk_part(part_index: int, part: Part) -> Iterator[Visit]:
    """Every item of one part (outline items, then causes), depth first, in document order."""
    for field in part.item_fields:
        yield from _walk(f"/parts/{part_index}/{field}", getattr(part, field), part, 1)


def walk(report: Report) -> Iterator[Visit]:
    """Every item of a report with its JSON Pointer, parent and depth, in document order.

    The one walker of the model: :func:`iter_nodes`, :func:`iter_indicators`, the checker, diff,
    trends, views and export all go through it.
    """
    for part_index, part in enumerate(report.parts):
        yield from walk_part(part_index, part)


def iter_nodes(report: Report) -> Iterator[tuple[str, Node]]:
    """Yield ``(json_pointer, node)`` for every item, depth first, in document order."""
    for visit in walk(report):
        yield visit.pointer, visit.node


def iter_indicators(report: Report) -> Iterator[tuple[str, Indicator]]:
    """Yield ``(json_pointer, indicator)`` for every figure of the report, in document order.

    Figures of the preamble and of a part's own text come before those of the part's items.
    """
    if report.preamble is not None:
        for index, indicator in enumerate(report.preamble.indicators):
            yield f"/preamble/indicators/{index}", indicator
    for part_index, part in enumerate(report.parts):
        for index, indicator in enumerate(part.indicators):
            yield f"/parts/{part_index}/indicators/{index}", indicator
        for visit in walk_part(part_index, part):
            for index, indicator in enumerate(visit.node.indicators):
                yield f"{visit.pointer}/indicators/{index}", indicator
