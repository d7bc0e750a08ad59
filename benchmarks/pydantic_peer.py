"""A pydantic v2 model of the report, equivalent to ``schemas/report.schema.json``: the peer row.

Benchmark-only (``pip install 'rol-model[bench]'``): it lets ``benchmarks/run.py`` show how a
validated load with rol-model compares with ``Report.model_validate_json`` of an equivalent
pydantic model on the same bytes. It mirrors the schema: same fields, required fields, string
length bounds, identifier and date patterns, closed lists, number bounds, unique
``shortcoming_ids``, outline depth bounded at four levels below a part (separate classes per
level, as the schema has ``Measure`` … ``Measure4``), parts told apart by ``kind``, unknown
fields refused, namespaced ``extensions`` keys with nesting at most 32 deep.

What it does not do, as pydantic's JSON reader cannot: refuse duplicate keys (the last one wins)
or lone surrogates. Those are reading checks rol-model makes before validation; the ajv
cross-check documents the same class of differences (``tests/ajv/differences``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
)

__all__ = ["Report"]

_MAX_ITEMS = 10_000
_DATE_PATTERN = r"^(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
_EXTENSION_KEY = r"^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9_.-]{1,64}$"
_MAX_EXTENSION_DEPTH = 32


def _string(low: int, high: int, pattern: str | None = None) -> Any:
    return Annotated[
        str, StringConstraints(strict=True, min_length=low, max_length=high, pattern=pattern)
    ]


def _real_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)  # refuses 2023-02-29 and 2023-02-30


def _integral(value: float) -> int:
    # JSON has one number type: 2023.0 is the integer 2023, as in the schema.
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("must be an integer")
    return int(value)


def _decimal(value: float) -> Decimal:
    # str(float) is the shortest text that reads back as the same float, as rol-model does.
    return Decimal(value) if isinstance(value, int) else Decimal(str(value))


Identifier = _string(1, 64, _ID_PATTERN)
Date = Annotated[_string(10, 10, _DATE_PATTERN), AfterValidator(_real_date)]
Text = _string(1, 100_000)
Marker = _string(1, 16)
Heading = _string(1, 1_000)
Reference = _string(1, 500)


def _integer(low: int, high: int) -> Any:
    return Annotated[
        Union[StrictInt, StrictFloat],  # noqa: UP007
        AfterValidator(_integral),
        Field(ge=low, le=high),
    ]


def _unique(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("items must be unique")
    return values


def _depth(value: object, level: int = 1) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level - 1


def _extensions(value: dict[str, Any]) -> dict[str, Any]:
    for key, item in value.items():
        if _depth(item) > _MAX_EXTENSION_DEPTH:
            raise ValueError(f"extension {key!r} nests deeper than {_MAX_EXTENSION_DEPTH}")
    return value


# Optional fields default to None but are typed without None: the schema lets a field be absent,
# never null, and pydantic does not validate defaults.


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LineRange(_Strict):
    """Line numbers in the source text."""

    start: _integer(1, 10_000_000)
    end: _integer(1, 10_000_000)


class Period(_Strict):
    """The time a figure covers."""

    start: Date
    end: Date


class Indicator(_Strict):
    """A figure stated in the text."""

    id: Identifier
    label: _string(1, 500)
    value: Annotated[
        Union[StrictInt, StrictFloat],  # noqa: UP007
        Field(ge=-(10**15), le=10**15, allow_inf_nan=False),
        AfterValidator(_decimal),
    ]
    unit: _string(1, 20)
    qualifier: Literal["exact", "at_least", "approximately", "at_most"]
    period: Period = None
    source: _string(1, 1_000)


Indicators = Annotated[list[Indicator], Field(max_length=_MAX_ITEMS)]
References = Annotated[list[Reference], Field(max_length=_MAX_ITEMS)]
ShortcomingIds = Annotated[list[Identifier], Field(max_length=_MAX_ITEMS), AfterValidator(_unique)]


class _Node(_Strict):
    id: Identifier
    marker: Marker = None
    heading: Heading = None
    text: Text = None
    indicators: Indicators = []
    references: References = []
    lines: LineRange = None


def _children(model: type[BaseModel]) -> Any:
    return Annotated[list[model], Field(max_length=_MAX_ITEMS)]


class Measure4(_Node):
    """A measure four levels down: no children."""


class Measure3(_Node):
    """A measure three levels down."""

    children: _children(Measure4) = []


class Measure2(_Node):
    """A measure two levels down."""

    children: _children(Measure3) = []


class Measure(_Node):
    """A top-level measure."""

    children: _children(Measure2) = []


class Shortcoming4(_Node):
    """A shortcoming four levels down: no children."""


class Shortcoming3(_Node):
    """A shortcoming three levels down."""

    children: _children(Shortcoming4) = []


class Shortcoming2(_Node):
    """A shortcoming two levels down."""

    children: _children(Shortcoming3) = []


class Shortcoming(_Node):
    """A top-level shortcoming."""

    children: _children(Shortcoming2) = []


class Plan4(_Node):
    """A plan four levels down: no children."""

    shortcoming_ids: ShortcomingIds = []


class Plan3(Plan4):
    """A plan three levels down."""

    children: _children(Plan4) = []


class Plan2(Plan4):
    """A plan two levels down."""

    children: _children(Plan3) = []


class Plan(Plan4):
    """A top-level plan."""

    children: _children(Plan2) = []


class Item4(_Node):
    """An item four levels down: no children."""


class Item3(_Node):
    """An item three levels down."""

    children: _children(Item4) = []


class Item2(_Node):
    """An item two levels down."""

    children: _children(Item3) = []


class Item(_Node):
    """A top-level item of the leadership or other-matters part."""

    children: _children(Item2) = []


class Cause(_Strict):
    """A cause of shortcomings."""

    id: Identifier
    text: Text
    marker: Marker = None
    shortcoming_ids: ShortcomingIds = []
    indicators: Indicators = []
    references: References = []
    lines: LineRange = None


class _Part(_Strict):
    marker: Marker = None
    heading: Heading = None
    text: Text = None
    indicators: Indicators = []
    references: References = []
    lines: LineRange = None


class MeasuresPart(_Part):
    """Part 1: measures and results."""

    kind: Literal["measures"]
    measures: _children(Measure) = []


class ShortcomingsPart(_Part):
    """Part 2: shortcomings and causes."""

    kind: Literal["shortcomings"]
    shortcomings: _children(Shortcoming) = []
    causes: _children(Cause) = []


class LeadershipPart(_Part):
    """Part 3: the principal leaders' duty."""

    kind: Literal["leadership"]
    items: _children(Item) = []


class PlansPart(_Part):
    """Part 4: next year's plans."""

    kind: Literal["plans"]
    plans: _children(Plan) = []


class OtherPart(_Part):
    """Part 5: other matters."""

    kind: Literal["other"]
    items: _children(Item) = []


Part = Annotated[
    Union[MeasuresPart, ShortcomingsPart, LeadershipPart, PlansPart, OtherPart],  # noqa: UP007
    Field(discriminator="kind"),
]


class Preamble(_Strict):
    """The opening paragraphs."""

    text: Text
    indicators: Indicators = []
    references: References = []
    lines: LineRange = None


class Organization(_Strict):
    """The reporting body."""

    name: _string(1, 200)
    region: _string(1, 200) = None
    level: Literal["national", "provincial", "prefectural", "county", "township"] = None
    kind: Literal["government", "department", "other"] = None


class Source(_Strict):
    """Where the report was taken from."""

    url: _string(1, 2_000) = None
    file: _string(1, 1_000) = None
    encoding: _string(1, 40) = None
    retrieved_on: Date = None


class Report(_Strict):
    """A rule-of-law government annual report."""

    title: _string(1, 500)
    organization: Organization
    year: _integer(2000, 2100)
    issued_on: Date = None
    published_on: Date = None
    source: Source = None
    preamble: Preamble = None
    parts: Annotated[list[Part], Field(max_length=_MAX_ITEMS)] = []
    extensions: Annotated[
        dict[Annotated[str, StringConstraints(pattern=_EXTENSION_KEY)], Any],
        Field(max_length=1_000),
        AfterValidator(_extensions),
    ] = {}
