"""Hypothesis strategies for the report model, kept in one place.

Two independent sources of reports, so each side of the contract checks the other:

- :func:`reports` builds :class:`rol_model.Report` objects from the attrs classes;
- :func:`schema_documents` builds JSON documents from the JSON Schema alone, knowing nothing of
  the classes (hypothesis-jsonschema no longer runs on current Hypothesis, and our schema uses
  only a handful of keywords, so a small interpreter of them is enough).

Every new field of the model must be added to :func:`reports`; the schema side follows the
schema by itself.
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

import rol_model as rm

# Report text is Chinese with figures, punctuation and the odd Latin letter; lone surrogates are
# not characters and are excluded (the loader refuses them).
CJK = "法治政府建设依法行政执法监督普法教育学校局市县镇人民年度报告举措成效不足原因安排计划工作"
PUNCTUATION = "，。、；：“”《》（）！？％—…"
ALPHABET = st.sampled_from(CJK + PUNCTUATION + string.ascii_letters + string.digits + " \n")
ANY_CHARACTER = st.characters(blacklist_categories=("Cs",))

texts = st.text(st.one_of(ALPHABET, ANY_CHARACTER), min_size=1, max_size=40)
short_texts = st.text(st.one_of(ALPHABET, ANY_CHARACTER), min_size=1, max_size=12)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
values = st.decimals(
    min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False, places=None
)
QUALIFIERS: tuple[rm.Qualifier, ...] = ("exact", "at_least", "approximately", "at_most")


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def periods(draw: st.DrawFn) -> rm.Period:
    start, end = sorted([draw(dates), draw(dates)])
    return rm.Period(start=start, end=end)


@st.composite
def indicators(draw: st.DrawFn, owner: str) -> tuple[rm.Indicator, ...]:
    count = draw(st.integers(0, 2))
    return tuple(
        rm.Indicator(
            id=f"{owner}-i{n}",
            label=draw(short_texts),
            value=draw(values),
            unit=draw(st.sampled_from(["次", "件", "人次", "%", "个百分点", "万元"])),
            source=draw(texts),
            qualifier=draw(st.sampled_from(QUALIFIERS)),
            period=draw(maybe(periods())),
        )
        for n in range(1, count + 1)
    )


def _common(draw: st.DrawFn, node_id: str) -> dict[str, Any]:
    return {
        "id": node_id,
        "marker": draw(maybe(st.sampled_from(["（一）", "1.", "（1）", "一是", "①"]))),
        "heading": draw(maybe(texts)),
        "text": draw(maybe(texts)),
        "indicators": draw(indicators(node_id)),
        "references": tuple(draw(st.lists(short_texts, max_size=2))),
        "lines": draw(maybe(line_ranges())),
    }


@st.composite
def line_ranges(draw: st.DrawFn) -> rm.LineRange:
    start = draw(st.integers(1, 5000))
    return rm.LineRange(start=start, end=start + draw(st.integers(0, 50)))


@st.composite
def nodes(draw: st.DrawFn, cls: type[Any], prefix: str, level: int = 1) -> tuple[Any, ...]:
    """Up to three nodes of ``cls`` with positional ids, nesting to the model's depth bound."""
    count = draw(st.integers(0, 3 if level == 1 else 2))
    result = []
    for n in range(1, count + 1):
        node_id = f"{prefix}{n}" if level == 1 else f"{prefix}.{n}"
        fields = _common(draw, node_id)
        if level < rm.MAX_OUTLINE_DEPTH and draw(st.booleans()):
            fields["children"] = draw(nodes(cls, node_id, level + 1))
        result.append(cls(**fields))
    return tuple(result)


@st.composite
def parts(draw: st.DrawFn, index: int) -> rm.Part:
    kind = draw(st.sampled_from(["measures", "shortcomings", "leadership", "plans", "other"]))
    head = {
        "marker": draw(maybe(st.sampled_from(["一、", "二、", "三、"]))),
        "heading": draw(maybe(texts)),
        "text": draw(maybe(texts)),
        "indicators": draw(indicators(f"part{index}")),
        "references": tuple(draw(st.lists(short_texts, max_size=2))),
        "lines": draw(maybe(line_ranges())),
    }
    tag = f"x{index}"
    if kind == "measures":
        return rm.MeasuresPart(**head, measures=draw(nodes(rm.Measure, f"{tag}m")))
    if kind == "shortcomings":
        shortcomings = draw(nodes(rm.Shortcoming, f"{tag}s"))
        ids = [s.id for s in shortcomings]
        causes = tuple(
            rm.Cause(
                id=f"{tag}c{n}",
                text=draw(texts),
                marker=draw(maybe(st.sampled_from(["一是", "（一）"]))),
                shortcoming_ids=tuple(draw(st.lists(st.sampled_from(ids), unique=True)))
                if ids
                else (),
                indicators=draw(indicators(f"{tag}c{n}")),
            )
            for n in range(1, draw(st.integers(0, 2)) + 1)
        )
        return rm.ShortcomingsPart(**head, shortcomings=shortcomings, causes=causes)
    if kind == "plans":
        return rm.PlansPart(**head, plans=draw(nodes(rm.Plan, f"{tag}p")))
    cls = rm.LeadershipPart if kind == "leadership" else rm.OtherPart
    return cls(**head, items=draw(nodes(rm.Item, f"{tag}{kind[0]}")))


extension_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | values | short_texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(short_texts, inner, max_size=3),
    max_leaves=6,
)
extension_keys = st.from_regex(r"[a-z][a-z0-9-]{0,5}:[A-Za-z0-9_.-]{1,8}", fullmatch=True)


@st.composite
def reports(draw: st.DrawFn) -> rm.Report:
    """Schema-valid reports with unique ids, built from the attrs classes."""
    part_count = draw(st.integers(0, 4))
    preamble = draw(
        maybe(
            st.builds(
                rm.Preamble,
                text=texts,
                indicators=indicators("pre"),
                references=st.lists(short_texts, max_size=2).map(tuple),
                lines=maybe(line_ranges()),
            )
        )
    )
    return rm.Report(
        title=draw(texts),
        organization=rm.Organization(
            name=draw(short_texts),
            region=draw(maybe(short_texts)),
            level=draw(
                maybe(
                    st.sampled_from(["national", "provincial", "prefectural", "county", "township"])
                )
            ),
            kind=draw(maybe(st.sampled_from(["government", "department", "other"]))),
        ),
        year=draw(st.integers(2000, 2100)),
        issued_on=draw(maybe(dates)),
        submitted_on=draw(maybe(dates)),
        published_on=draw(maybe(dates)),
        source=draw(
            maybe(
                st.builds(
                    rm.Source,
                    url=maybe(short_texts),
                    file=maybe(short_texts),
                    encoding=maybe(st.sampled_from(["utf-8", "gb18030"])),
                    retrieved_on=maybe(dates),
                )
            )
        ),
        preamble=preamble,
        parts=tuple(draw(parts(index)) for index in range(1, part_count + 1)),
        extensions=draw(st.dictionaries(extension_keys, extension_values, max_size=2)),
    )


# -- documents from the schema alone ---------------------------------------------------------

_END = "(?!\\n)$"


def _regex(pattern: str) -> st.SearchStrategy[str]:
    # The schema spells "end of string" as (?!\n)$ so that Python and ECMA-262 agree; Hypothesis
    # cannot generate from look-arounds, and fullmatch=True means the same thing.
    if pattern.endswith(_END):
        pattern = pattern[: -len(_END)] + "$"
    return st.from_regex(pattern, fullmatch=True)


def _string(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "pattern" in node:
        strategy = _regex(node["pattern"])
        if node.get("format") == "date":
            return strategy.filter(_is_date)
        return strategy
    size = min(node.get("maxLength", 30), 30)
    return st.text(
        st.one_of(ALPHABET, ANY_CHARACTER), min_size=node.get("minLength", 0), max_size=size
    )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class SchemaDocuments:
    """Generate JSON documents that satisfy a JSON Schema using the keywords ours uses."""

    def __init__(self, schema: dict[str, Any], max_items: int = 2) -> None:
        self.schema = schema
        self.max_items = max_items

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            name = node["$ref"].removeprefix("#/$defs/")
            node = {**self.schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def strategy(self, node: dict[str, Any]) -> st.SearchStrategy[Any]:
        node = self.resolve(node)
        if "const" in node:
            return st.just(node["const"])
        if "enum" in node:
            return st.sampled_from(node["enum"])
        if "allOf" in node and node.get("required") == ["kind"]:
            return self._tagged(node)
        kind = node.get("type")
        if kind == "object":
            return self._object(node)
        if kind == "array":
            return st.lists(
                self.strategy(node["items"]),
                max_size=self.max_items,
                unique_by=repr if node.get("uniqueItems") else None,
            )
        if kind == "string":
            return _string(node)
        if kind == "integer":
            return st.integers(node.get("minimum"), node.get("maximum"))
        if kind == "number":
            low, high = node.get("minimum"), node.get("maximum")
            return st.integers(low, high) | st.decimals(
                low, high, allow_nan=False, allow_infinity=False
            )
        if not node:  # any JSON at all
            return extension_values
        raise NotImplementedError(f"schema keywords not covered: {sorted(node)}")

    def _tagged(self, node: dict[str, Any]) -> st.SearchStrategy[Any]:
        choices = [self.strategy(branch["then"]) for branch in node["allOf"]]
        return st.one_of(choices)

    def _object(self, node: dict[str, Any]) -> st.SearchStrategy[Any]:
        properties = node.get("properties", {})
        required = set(node.get("required", ()))
        if not properties and "propertyNames" in node:
            keys = _regex(node["propertyNames"]["pattern"])
            return st.dictionaries(keys, extension_values, max_size=2)

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, Any]:
            document = {}
            for name, sub in properties.items():
                if name in required or draw(st.booleans()):
                    document[name] = draw(self.strategy(sub))
            return document

        return build()


def schema_documents(max_items: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    """Documents valid under the packaged report schema, generated from the schema alone."""
    schema = rm.schema()
    return SchemaDocuments(schema, max_items).strategy(schema)


__all__ = ["Decimal", "reports", "schema_documents"]


def examples(thorough: int) -> int:
    """How many examples a property test runs: ``thorough`` under the ``ci`` Hypothesis profile,
    a fifth of it (at least 10) under the quick default profile."""
    from hypothesis import settings

    if settings.get_current_profile_name() == "ci":  # type: ignore[attr-defined]
        return thorough
    return max(10, thorough // 5)
