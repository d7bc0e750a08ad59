"""A msgspec model of the report, equivalent to ``schemas/report.schema.json``: a peer row.

Benchmark-only (``pip install 'rol-model[bench]'``): ``benchmarks/run.py`` times
``decode(bytes)``, msgspec's typed JSON decode straight into these structs, against
``rol_model.loads`` on the same bytes. Like ``pydantic_peer.py`` it mirrors the schema: the same
fields and required fields, string length bounds, identifier, date and extension-key patterns,
closed enumerations, number bounds, outline depth bounded at four levels below a part (a class
per level), parts told apart by ``kind``, unknown fields refused.

What it does not do, as msgspec's typed decoder cannot without Python hooks: refuse duplicate
keys (the last one wins), check that a date exists (2023-02-30 passes the pattern), that
``shortcoming_ids`` are unique, bound a figure's value (msgspec bounds no ``Decimal``) or bound
the nesting of extension values. Numbers with a
fraction decode as exact ``Decimal`` from their text, as rol-model reads them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, Union

import msgspec
from msgspec import Meta, Struct

__all__ = ["decode"]

_MAX = 10_000
_DATE = r"^(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\Z"
_ID = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}\Z"
_EXTENSION_KEY = r"^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9_.-]{1,64}\Z"

Identifier = Annotated[str, Meta(min_length=1, max_length=64, pattern=_ID)]
Date = Annotated[str, Meta(min_length=10, max_length=10, pattern=_DATE)]
Text = Annotated[str, Meta(min_length=1, max_length=100_000)]
Marker = Annotated[str, Meta(min_length=1, max_length=16)]
Heading = Annotated[str, Meta(min_length=1, max_length=1_000)]
Reference = Annotated[str, Meta(min_length=1, max_length=500)]
Number = Decimal  # msgspec bounds no Decimal: the ±10^15 bound of the schema is not checked


class _Strict(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    pass


class LineRange(_Strict):
    """Line numbers in the source text."""

    start: Annotated[int, Meta(ge=1, le=10_000_000)]
    end: Annotated[int, Meta(ge=1, le=10_000_000)]


class Period(_Strict):
    """The time a figure covers."""

    start: Date
    end: Date


class Indicator(_Strict):
    """A figure stated in the text."""

    id: Identifier
    label: Annotated[str, Meta(min_length=1, max_length=500)]
    value: Number
    unit: Annotated[str, Meta(min_length=1, max_length=20)]
    qualifier: Literal["exact", "at_least", "approximately", "at_most"]
    source: Annotated[str, Meta(min_length=1, max_length=1_000)]
    period: Period = None  # type: ignore[assignment]


Indicators = Annotated[tuple[Indicator, ...], Meta(max_length=_MAX)]
References = Annotated[tuple[Reference, ...], Meta(max_length=_MAX)]
Ids = Annotated[tuple[Identifier, ...], Meta(max_length=_MAX)]


def _levels(name: str, extra: dict[str, Any]) -> type[Struct]:
    """Classes ``name4`` … ``name``: an outline item and its children, four levels deep."""
    child: type[Struct] | None = None
    for level in (4, 3, 2, 1):
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = [
            ("id", Identifier),
            ("marker", Marker, None),
            ("heading", Heading, None),
            ("text", Text, None),
            ("indicators", Indicators, ()),
            ("references", References, ()),
            ("lines", LineRange, None),
            *((key, kind, default) for key, (kind, default) in extra.items()),
        ]
        if child is not None:
            fields.append(("children", Annotated[tuple[child, ...], Meta(max_length=_MAX)], ()))
        child = msgspec.defstruct(
            name if level == 1 else f"{name}{level}",
            fields,
            bases=(_Strict,),
            forbid_unknown_fields=True,
            frozen=True,
        )
    assert child is not None
    return child


Measure = _levels("Measure", {})
Shortcoming = _levels("Shortcoming", {})
Plan = _levels("Plan", {"shortcoming_ids": (Ids, ())})
Item = _levels("Item", {})


class Cause(_Strict):
    """A cause of shortcomings."""

    id: Identifier
    text: Text
    marker: Marker = None  # type: ignore[assignment]
    shortcoming_ids: Ids = ()
    indicators: Indicators = ()
    references: References = ()
    lines: LineRange = None  # type: ignore[assignment]


class _Part(_Strict, tag_field="kind"):
    marker: Marker = None  # type: ignore[assignment]
    heading: Heading = None  # type: ignore[assignment]
    text: Text = None  # type: ignore[assignment]
    indicators: Indicators = ()
    references: References = ()
    lines: LineRange = None  # type: ignore[assignment]


class MeasuresPart(_Part, tag="measures"):
    """Part 1."""

    measures: Annotated[tuple[Measure, ...], Meta(max_length=_MAX)] = ()  # type: ignore[valid-type]


class ShortcomingsPart(_Part, tag="shortcomings"):
    """Part 2."""

    shortcomings: Annotated[tuple[Shortcoming, ...], Meta(max_length=_MAX)] = ()  # type: ignore[valid-type]
    causes: Annotated[tuple[Cause, ...], Meta(max_length=_MAX)] = ()


class LeadershipPart(_Part, tag="leadership"):
    """Part 3."""

    items: Annotated[tuple[Item, ...], Meta(max_length=_MAX)] = ()  # type: ignore[valid-type]


class PlansPart(_Part, tag="plans"):
    """Part 4."""

    plans: Annotated[tuple[Plan, ...], Meta(max_length=_MAX)] = ()  # type: ignore[valid-type]


class OtherPart(_Part, tag="other"):
    """Part 5."""

    items: Annotated[tuple[Item, ...], Meta(max_length=_MAX)] = ()  # type: ignore[valid-type]


Part = Union[MeasuresPart, ShortcomingsPart, LeadershipPart, PlansPart, OtherPart]  # noqa: UP007


class Preamble(_Strict):
    """The opening paragraphs."""

    text: Text
    indicators: Indicators = ()
    references: References = ()
    lines: LineRange = None  # type: ignore[assignment]


class Organization(_Strict):
    """The reporting body."""

    name: Annotated[str, Meta(min_length=1, max_length=200)]
    region: Annotated[str, Meta(min_length=1, max_length=200)] = None  # type: ignore[assignment]
    level: Literal["national", "provincial", "prefectural", "county", "township"] = None  # type: ignore[assignment]
    kind: Literal["government", "department", "other"] = None  # type: ignore[assignment]


class Source(_Strict):
    """Where the report was taken from."""

    url: Annotated[str, Meta(min_length=1, max_length=2_000)] = None  # type: ignore[assignment]
    file: Annotated[str, Meta(min_length=1, max_length=1_000)] = None  # type: ignore[assignment]
    encoding: Annotated[str, Meta(min_length=1, max_length=40)] = None  # type: ignore[assignment]
    retrieved_on: Date = None  # type: ignore[assignment]


class Report(_Strict):
    """A rule-of-law government annual report."""

    title: Annotated[str, Meta(min_length=1, max_length=500)]
    organization: Organization
    year: Annotated[int, Meta(ge=2000, le=2100)]
    issued_on: Date = None  # type: ignore[assignment]
    submitted_on: Date = None  # type: ignore[assignment]
    published_on: Date = None  # type: ignore[assignment]
    source: Source = None  # type: ignore[assignment]
    preamble: Preamble = None  # type: ignore[assignment]
    parts: Annotated[tuple[Part, ...], Meta(max_length=_MAX)] = ()
    extensions: dict[Annotated[str, Meta(pattern=_EXTENSION_KEY)], Any] = {}


decode = msgspec.json.Decoder(Report).decode
