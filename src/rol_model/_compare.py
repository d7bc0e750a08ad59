"""One body's reports over several years: figure trends, plan follow-through, recurring problems.

- **Figure trends.** Figures are the same figure when their labels (NFKC, without whitespace and
  punctuation) and units are equal; a report that lacks it leaves a gap.
- **Plan follow-through.** Each top-level plan of year N (with its sub-plans) is cut into
  sentences, and every measure of the report for year N+1 (heading and own text) is scored by
  :func:`coverage`: the share of a sentence's character bigrams, weighted by rarity, that the
  measure contains, best sentence counting. Measures scoring at least
  :data:`FOLLOW_THROUGH_THRESHOLD` carry the plan out (best three kept): a plan of three
  sentences may be carried out by two measures, each doing a part.
- **Recurring shortcomings.** Shortcomings of consecutive reports are paired when their weighted
  bigram overlap reaches :data:`RECURRING_THRESHOLD`; chains of pairs across years are one
  recurring problem.

Rarity weights (inverse document frequency over the items compared) keep the words every report
uses (法治, 依法, 建设) from making unrelated items look alike.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from rol_model._match import normalize
from rol_model._model import Indicator, Node, Report, iter_indicators, iter_nodes
from rol_model.exceptions import ComparisonError

__all__ = [
    "FOLLOW_THROUGH_THRESHOLD",
    "RECURRING_THRESHOLD",
    "Comparison",
    "FollowingMeasure",
    "IndicatorTrend",
    "Occurrence",
    "PlanFollowThrough",
    "RecurringShortcoming",
    "TrendPoint",
    "compare",
]

#: A measure of year N+1 carries out a plan of year N from this coverage score on; on the two
#: Wusu reports, unrelated measures score at most 0.25.
FOLLOW_THROUGH_THRESHOLD = 0.4
#: Two shortcomings of consecutive reports are the same problem from this score on.
RECURRING_THRESHOLD = 0.3
_KEEP = 3
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")
_SHORTEST_SENTENCE = 12


@attrs.frozen(kw_only=True)
class TrendPoint:
    """One year of a figure's trend; ``value`` is ``None`` when that report lacks the figure."""

    year: int
    value: Decimal | None = None
    qualifier: str | None = None
    source: str | None = None
    indicator_id: str | None = None


@attrs.frozen(kw_only=True)
class IndicatorTrend:
    """The same figure (label and unit) followed across the series, one point per report."""

    label: str
    unit: str
    points: tuple[TrendPoint, ...]

    @property
    def gaps(self) -> tuple[int, ...]:
        """Years whose report does not state the figure."""
        return tuple(point.year for point in self.points if point.value is None)


@attrs.frozen(kw_only=True)
class FollowingMeasure:
    """A measure of the next year that carries a plan out, with its coverage score in [0, 1]."""

    measure_id: str
    text: str
    score: float


@attrs.frozen(kw_only=True)
class PlanFollowThrough:
    """A plan of ``year`` and the measures of ``next_year`` that carry it out.

    ``status`` is ``"carried_out"`` when a measure scores at least the threshold,
    ``"not_found"`` when none does, and ``"no_next_report"`` when the series has no report for
    the following year (then ``next_year`` is ``None``).
    """

    year: int
    plan_id: str
    text: str
    status: Literal["carried_out", "not_found", "no_next_report"]
    next_year: int | None = None
    measures: tuple[FollowingMeasure, ...] = ()


@attrs.frozen(kw_only=True)
class Occurrence:
    """A shortcoming as one report states it; ``score`` is its similarity to the previous year's."""

    year: int
    shortcoming_id: str
    text: str
    score: float | None = None


@attrs.frozen(kw_only=True)
class RecurringShortcoming:
    """One problem reported in two or more consecutive reports, in year order."""

    occurrences: tuple[Occurrence, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """The years in which the problem is reported."""
        return tuple(o.year for o in self.occurrences)


@attrs.frozen(kw_only=True)
class Comparison:
    """What :func:`compare` finds over a series of one body's reports, oldest first."""

    organizations: tuple[str, ...]
    years: tuple[int, ...]
    titles: tuple[str, ...]
    indicators: tuple[IndicatorTrend, ...] = ()
    plans: tuple[PlanFollowThrough, ...] = ()
    shortcomings: tuple[RecurringShortcoming, ...] = ()


def _text(node: Node) -> str:
    heading = getattr(node, "heading", None)
    return " ".join(part for part in (heading, node.text) if part)


def _grams(text: str) -> set[str]:
    norm = normalize(text)
    if len(norm) < 2:
        return set(norm)
    return {norm[i : i + 2] for i in range(len(norm) - 1)}


class _Weights:
    """Inverse document frequency of bigrams over a set of texts."""

    def __init__(self, documents: Iterable[set[str]]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for grams in documents:
            counts.update(grams)
            total += 1
        self.idf = {gram: math.log((1 + total) / (1 + n)) + 1 for gram, n in counts.items()}
        self.default = math.log(1 + total) + 1

    def weight(self, grams: Iterable[str]) -> float:
        return sum(self.idf.get(gram, self.default) for gram in grams)


def coverage(plan: set[str], measure: set[str], weights: _Weights) -> float:
    """The weighted share of the plan's bigrams that the measure contains."""
    whole = weights.weight(plan)
    return weights.weight(plan & measure) / whole if whole else 0.0


def _overlap(a: set[str], b: set[str], weights: _Weights) -> float:
    whole = weights.weight(a) + weights.weight(b)
    return 2 * weights.weight(a & b) / whole if whole else 0.0


def _label_key(indicator: Indicator) -> tuple[str, str]:
    return normalize(indicator.label), indicator.unit


def _trends(series: Sequence[Report]) -> tuple[IndicatorTrend, ...]:
    by_key: dict[tuple[str, str], dict[int, Indicator]] = {}
    names: dict[tuple[str, str], Indicator] = {}
    for report in series:
        for _, indicator in iter_indicators(report):
            key = _label_key(indicator)
            seen = by_key.setdefault(key, {})
            seen.setdefault(report.year, indicator)  # a repeated label: the first one counts
            names[key] = indicator
    result = []
    for key, found in by_key.items():
        points = []
        for report in series:
            ind = found.get(report.year)
            points.append(
                TrendPoint(year=report.year)
                if ind is None
                else TrendPoint(
                    year=report.year,
                    value=ind.value,
                    qualifier=ind.qualifier,
                    source=ind.source,
                    indicator_id=ind.id,
                )
            )
        latest = names[key]
        result.append(IndicatorTrend(label=latest.label, unit=latest.unit, points=tuple(points)))
    # figures stated most often first, then in order of first appearance
    order = {key: n for n, key in enumerate(by_key)}
    result.sort(key=lambda t: (-sum(p.value is not None for p in t.points), order[_key_of(t)]))
    return tuple(result)


def _key_of(trend: IndicatorTrend) -> tuple[str, str]:
    return normalize(trend.label), trend.unit


def _follow_through(series: Sequence[Report]) -> tuple[PlanFollowThrough, ...]:
    by_year = {report.year: report for report in series}
    result: list[PlanFollowThrough] = []
    for report in series:
        following = by_year.get(report.year + 1)
        if following is None:
            result.extend(
                PlanFollowThrough(
                    year=report.year, plan_id=plan.id, text=_text(plan), status="no_next_report"
                )
                for plan in report.plans
            )
            continue
        measures = [
            (node.id, _text(node)) for _, node in iter_nodes(following) if _is_measure(node)
        ]
        measure_grams = [_grams(text) for _, text in measures]
        plan_sentences = [[_grams(s) for s in _sentences(plan)] for plan in report.plans]
        weights = _Weights([*measure_grams, *(g for plan in plan_sentences for g in plan)])
        for plan, sentences in zip(report.plans, plan_sentences, strict=True):
            scored = sorted(
                (
                    (max((coverage(g, mg, weights) for g in sentences), default=0.0), mid, text)
                    for (mid, text), mg in zip(measures, measure_grams, strict=True)
                ),
                key=lambda item: -item[0],
            )
            found = tuple(
                FollowingMeasure(measure_id=mid, text=text, score=round(score, 4))
                for score, mid, text in scored[:_KEEP]
                if score >= FOLLOW_THROUGH_THRESHOLD
            )
            result.append(
                PlanFollowThrough(
                    year=report.year,
                    plan_id=plan.id,
                    text=_text(plan),
                    status="carried_out" if found else "not_found",
                    next_year=following.year,
                    measures=found,
                )
            )
    return tuple(result)


def _is_measure(node: Node) -> bool:
    from rol_model._model import Measure

    return isinstance(node, Measure)


def _subtree_text(node: Node) -> str:
    children: Sequence[Node] = getattr(node, "children", ())
    heading = getattr(node, "heading", None)
    own = "。".join(part for part in (heading, node.text) if part)
    return "".join([own, *("。" + _subtree_text(child) for child in children)])


def _sentences(node: Node) -> list[str]:
    """The sentences of an item and its descendants; short ones join the next."""
    result: list[str] = []
    pending = ""
    for piece in _SENTENCE_END.split(_subtree_text(node)):
        pending += piece
        if len(normalize(pending)) >= _SHORTEST_SENTENCE:
            result.append(pending)
            pending = ""
    if pending and result:
        result[-1] += pending
    elif pending:
        result.append(pending)
    return result


def _shortcoming_texts(report: Report) -> list[tuple[str, str]]:
    from rol_model._model import Shortcoming

    return [
        (n.id, _text(n)) for _, n in iter_nodes(report) if isinstance(n, Shortcoming) and _text(n)
    ]


def _recurring(series: Sequence[Report]) -> tuple[RecurringShortcoming, ...]:
    lists = [_shortcoming_texts(report) for report in series]
    grams = [[_grams(text) for _, text in items] for items in lists]
    weights = _Weights(g for year in grams for g in year)
    chains: dict[tuple[int, int], list[Occurrence]] = {}  # (report index, item index) → chain
    for index in range(1, len(series)):
        candidates = sorted(
            (
                (_overlap(a, b, weights), i, j)
                for i, a in enumerate(grams[index - 1])
                for j, b in enumerate(grams[index])
            ),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for score, i, j in candidates:
            if score < RECURRING_THRESHOLD or i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            chain = chains.pop((index - 1, i), None)
            if chain is None:
                old_id, old_text = lists[index - 1][i]
                chain = [
                    Occurrence(year=series[index - 1].year, shortcoming_id=old_id, text=old_text)
                ]
            new_id, new_text = lists[index][j]
            chain.append(
                Occurrence(
                    year=series[index].year,
                    shortcoming_id=new_id,
                    text=new_text,
                    score=round(score, 4),
                )
            )
            chains[(index, j)] = chain
    ordered = sorted(chains.values(), key=lambda c: (c[0].year, c[0].shortcoming_id))
    return tuple(RecurringShortcoming(occurrences=tuple(chain)) for chain in ordered)


def compare(reports: Iterable[Report]) -> Comparison:
    """Follow one body's reports across years (in any order; they are sorted by year).

    Returns the figure trends, what became of each plan in the next year's measures, and the
    shortcomings reported again. Raises :class:`~rol_model.ComparisonError` when no report is
    given or two reports cover the same year.
    """
    series = sorted(reports, key=lambda report: report.year)
    if not series:
        raise ComparisonError("compare needs at least one report")
    years = [report.year for report in series]
    repeated = sorted(year for year, n in Counter(years).items() if n > 1)
    if repeated:
        raise ComparisonError(
            f"two reports cover the same year ({', '.join(map(str, repeated))}); compare one "
            "report per year, or use diff for two versions of one report"
        )
    return Comparison(
        organizations=tuple(dict.fromkeys(r.organization.name for r in series)),
        years=tuple(years),
        titles=tuple(r.title for r in series),
        indicators=_trends(series),
        plans=_follow_through(series),
        shortcomings=_recurring(series),
    )
