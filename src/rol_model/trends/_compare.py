"""One body's reports over several years: figure trends, plan follow-through, recurring problems.

- **Figure trends.** Figures are the same figure when their labels (NFKC, without whitespace and
  punctuation) and units are equal; a report that lacks it leaves a gap.
- **Plan follow-through.** For each pair of consecutive years,
  :func:`rol_model.trends._history.follow_ups` says which measures of year N+1 carry out each
  top-level plan of year N (rarity-weighted coverage of the plan's sentences, at least
  :data:`FOLLOW_THROUGH_THRESHOLD`, best three kept).
- **Recurring shortcomings.** For each pair of consecutive reports,
  :func:`rol_model.trends._history.recurrences` pairs the shortcomings that are one problem
  (rarity-weighted Dice of topical bigrams, at least :data:`RECURRING_THRESHOLD`); chains of
  pairs across years are one recurring problem.

``rol check --previous`` (ROL401, ROL402) asks the same two questions of the same functions with
the same default thresholds, so it names exactly the recurrences and the plans not found that
``compare`` lists for that pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from rol_model.exceptions import ComparisonError
from rol_model.model import Report
from rol_model.text import normalize
from rol_model.trends._history import (
    FOLLOW_THROUGH_THRESHOLD,
    RECURRING_THRESHOLD,
    follow_ups,
    item_text,
    recurrences,
)

__all__ = [
    "Comparison",
    "FollowingMeasure",
    "IndicatorTrend",
    "Occurrence",
    "PlanFollowThrough",
    "RecurringShortcoming",
    "TrendPoint",
    "compare",
]


@attrs.frozen(kw_only=True)
class TrendPoint:
    """One year of a figure's trend; ``value`` is ``None`` when that report lacks the figure.

    A figure matched into the series by meaning rather than by an identical label carries its
    ``match_score`` (0 to 1, see ``rol_model.trends._figure_match``) and its own ``label``, and its
    ``unit`` when that differs from the series' (a unit of the same family).
    """

    year: int
    value: Decimal | None = None
    qualifier: str | None = None
    source: str | None = None
    indicator_id: str | None = None
    label: str | None = None
    unit: str | None = None
    match_score: float | None = None


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


def _trends(series: Sequence[Report]) -> tuple[IndicatorTrend, ...]:
    from rol_model.trends._figure_match import Located, join_series, locate_figures

    by_key: dict[tuple[str, str], dict[int, Located]] = {}
    for report in series:
        for located in locate_figures(report):
            indicator = located.indicator
            seen = by_key.setdefault((normalize(indicator.label), indicator.unit), {})
            seen.setdefault(report.year, located)  # a repeated label: the first one counts
    exact = list(by_key.values())
    result: list[tuple[int, IndicatorTrend]] = []
    for indices, scores in join_series(exact):
        found: dict[int, Located] = {}
        for index in indices:
            found.update(exact[index])
        labels = [exact[i][max(exact[i])].indicator for i in indices]
        named = max(labels, key=lambda ind: (len(ind.label), -indices[labels.index(ind)]))
        units = [located.indicator.unit for located in found.values()]
        unit = max(dict.fromkeys(units), key=units.count)
        points = []
        for report in series:
            here = found.get(report.year)
            if here is None:
                points.append(TrendPoint(year=report.year))
                continue
            ind = here.indicator
            score = scores.get(report.year)
            points.append(
                TrendPoint(
                    year=report.year,
                    value=ind.value,
                    qualifier=ind.qualifier,
                    source=ind.source,
                    indicator_id=ind.id,
                    label=ind.label if ind.label != named.label else None,
                    unit=ind.unit if ind.unit != unit else None,
                    match_score=score,
                )
            )
        trend = IndicatorTrend(label=named.label, unit=unit, points=tuple(points))
        result.append((min(indices), trend))
    # figures stated most often first, then in order of first appearance
    result.sort(key=lambda pair: (-sum(p.value is not None for p in pair[1].points), pair[0]))
    return tuple(trend for _, trend in result)


def _follow_through(series: Sequence[Report], threshold: float) -> tuple[PlanFollowThrough, ...]:
    by_year = {report.year: report for report in series}
    result: list[PlanFollowThrough] = []
    for report in series:
        following = by_year.get(report.year + 1)
        if following is None:
            result.extend(
                PlanFollowThrough(
                    year=report.year,
                    plan_id=plan.id,
                    text=item_text(plan),
                    status="no_next_report",
                )
                for plan in report.plans
            )
            continue
        for follow_up in follow_ups(report, following, threshold):
            found = tuple(
                FollowingMeasure(
                    measure_id=measure.id, text=item_text(measure), score=round(score, 4)
                )
                for _, measure, score in follow_up.measures
            )
            result.append(
                PlanFollowThrough(
                    year=report.year,
                    plan_id=follow_up.plan.id,
                    text=item_text(follow_up.plan),
                    status="carried_out" if found else "not_found",
                    next_year=following.year,
                    measures=found,
                )
            )
    return tuple(result)


def _recurring(series: Sequence[Report], threshold: float) -> tuple[RecurringShortcoming, ...]:
    chains: dict[tuple[int, str], list[Occurrence]] = {}  # (report index, pointer) → chain
    for index in range(1, len(series)):
        older, newer = series[index - 1], series[index]
        for recurrence in recurrences(older, newer, threshold):
            chain = chains.pop((index - 1, recurrence.previous_pointer), None)
            if chain is None:
                old = recurrence.previous
                chain = [Occurrence(year=older.year, shortcoming_id=old.id, text=item_text(old))]
            new = recurrence.current
            chain.append(
                Occurrence(
                    year=newer.year,
                    shortcoming_id=new.id,
                    text=item_text(new),
                    score=round(recurrence.score, 4),
                )
            )
            chains[(index, recurrence.pointer)] = chain
    ordered = sorted(chains.values(), key=lambda c: (c[0].year, c[0].shortcoming_id))
    return tuple(RecurringShortcoming(occurrences=tuple(chain)) for chain in ordered)


def compare(
    reports: Iterable[Report],
    *,
    recurring_threshold: float = RECURRING_THRESHOLD,
    follow_through_threshold: float = FOLLOW_THROUGH_THRESHOLD,
    mixed_bodies: bool = False,
) -> Comparison:
    """Follow one body's reports across years (in any order; they are sorted by year).

    Returns the figure trends, what became of each plan in the next year's measures, and the
    shortcomings reported again. The thresholds default to the shared ones that ``rol check``
    uses too (a check profile's ``recurring_overlap`` and ``follow_through_overlap``).

    Raises :class:`~rol_model.ComparisonError` when no report is given, two reports cover the
    same year, or the reports come from different bodies (their organization names differ once
    spaces and punctuation are set aside): a series mixes nothing silently. Pass
    ``mixed_bodies=True`` to compare them all the same (a body renamed in a reorganisation);
    ``Comparison.organizations`` then lists every name.
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
    bodies = {normalize(r.organization.name): r.organization.name for r in series}
    if len(bodies) > 1 and not mixed_bodies:
        names = "; ".join(f"{r.year} {r.organization.name}" for r in series)
        raise ComparisonError(
            f"the reports come from {len(bodies)} different bodies ({names}); a trend follows "
            "one body: give one body's reports (rol trend --mixed-bodies, or "
            "compare(..., mixed_bodies=True), compares them anyway)"
        )
    return Comparison(
        organizations=tuple(dict.fromkeys(r.organization.name for r in series)),
        years=tuple(years),
        titles=tuple(r.title for r in series),
        indicators=_trends(series),
        plans=_follow_through(series, follow_through_threshold),
        shortcomings=_recurring(series, recurring_threshold),
    )
