"""The trend view: one small inline SVG chart per figure, plan follow-through, recurring problems.

Charts are plain SVG drawn here (no script, no fonts): one point per report year, the line broken
where a report does not state the figure, and a hollow dashed circle marked 缺 on the baseline for
that year. The scale starts at zero (or at the lowest value, when a value is negative), so the
height of a point compares with the others honestly.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.views._html_base import number

if TYPE_CHECKING:
    from rol_model.trends import Comparison, IndicatorTrend, TrendPoint

__all__ = ["Chart", "chart", "trend_context"]

_WIDTH, _HEIGHT = 280, 120
_LEFT = _RIGHT = 30
_TOP, _BOTTOM = 20, 26
_SIGNS = {"exact": "", "at_least": "≥", "approximately": "≈", "at_most": "≤"}
_STATUS = {
    "carried_out": ("✓", "已落实", "carried out"),
    "not_found": ("✗", "未见落实", "not found"),
    "no_next_report": ("…", "无次年报告", "no next report"),
}
_CLIP = 90


@attrs.frozen(kw_only=True)
class Dot:
    """A stated value: where it is drawn and its label."""

    x: float
    y: float
    label: str
    title: str


@attrs.frozen(kw_only=True)
class Chart:
    """One figure's chart: polylines of consecutive years, dots, gaps and year ticks."""

    label: str
    unit: str
    description: str
    width: int
    height: int
    baseline: float
    lines: tuple[str, ...]
    dots: tuple[Dot, ...]
    gaps: tuple[tuple[float, int], ...]
    years: tuple[tuple[float, int], ...]


def _shown(point: TrendPoint) -> str:
    if point.value is None:
        return "缺"
    return f"{_SIGNS.get(point.qualifier or 'exact', '')}{number(point.value)}"


def chart(trend: IndicatorTrend) -> Chart:
    """The chart geometry of one figure across the years."""
    points = trend.points
    values = [float(p.value) for p in points if p.value is not None]
    low = min([0.0, *values])
    high = max([low, *values])
    if high == low:
        high = low + 1
    plot = _HEIGHT - _TOP - _BOTTOM
    span = _WIDTH - _LEFT - _RIGHT

    def x_at(index: int) -> float:
        return _WIDTH / 2 if len(points) == 1 else _LEFT + span * index / (len(points) - 1)

    def y_at(value: Decimal) -> float:
        return round(_TOP + plot * (1 - (float(value) - low) / (high - low)), 1)

    baseline = round(_TOP + plot * (1 - (0.0 - low) / (high - low)), 1)
    dots: list[Dot] = []
    gaps: list[tuple[float, int]] = []
    lines: list[str] = []
    run: list[str] = []
    for index, point in enumerate(points):
        x = round(x_at(index), 1)
        if point.value is None:
            gaps.append((x, point.year))
            if len(run) > 1:
                lines.append(" ".join(run))
            run = []
            continue
        y = y_at(point.value)
        run.append(f"{x},{y}")
        dots.append(Dot(x=x, y=y, label=_shown(point), title=f"{point.year}：{point.source or ''}"))
    if len(run) > 1:
        lines.append(" ".join(run))
    stated = "；".join(f"{p.year}年 {_shown(p)}" for p in points)
    return Chart(
        label=trend.label,
        unit=trend.unit,
        description=f"{trend.label}（{trend.unit}）：{stated}",
        width=_WIDTH,
        height=_HEIGHT,
        baseline=baseline,
        lines=tuple(lines),
        dots=tuple(dots),
        gaps=tuple(gaps),
        years=tuple((round(x_at(i), 1), p.year) for i, p in enumerate(points)),
    )


def _clip(text: str, size: int = _CLIP) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _matched(point: TrendPoint) -> str:
    """A figure matched into the series by meaning: its score, and its label when it differs."""
    if point.match_score is None:
        return ""
    label = f"：{point.label}" if point.label else ""
    return f" 〔匹配 match {point.match_score:.2f}{label}〕"


def _rows(trends: Sequence[IndicatorTrend]) -> list[dict[str, Any]]:
    return [
        {
            "label": trend.label,
            "unit": trend.unit,
            "cells": [
                (_shown(p) + _matched(p) if p.value is not None else "—", p.source or "")
                for p in trend.points
            ],
        }
        for trend in trends
    ]


def trend_context(comparison: Comparison) -> dict[str, Any]:
    """What ``trend.html.j2`` shows."""
    plans = [
        {
            "year": plan.year,
            "id": plan.plan_id,
            "text": _clip(plan.text),
            "full": plan.text,
            "status": plan.status,
            "symbol": _STATUS[plan.status][0],
            "status_zh": _STATUS[plan.status][1],
            "status_en": _STATUS[plan.status][2],
            "next_year": plan.next_year,
            "measures": [
                (m.measure_id, _clip(m.text, 60), f"{m.score:.0%}") for m in plan.measures
            ],
        }
        for plan in comparison.plans
    ]
    recurring = [
        {
            "years": "、".join(str(year) for year in problem.years),
            "count": len(problem.occurrences),
            "occurrences": [
                (
                    o.year,
                    o.shortcoming_id,
                    _clip(o.text),
                    "" if o.score is None else f"{o.score:.0%}",
                )
                for o in problem.occurrences
            ],
        }
        for problem in comparison.shortcomings
    ]
    first, last = comparison.years[0], comparison.years[-1]
    return {
        "organization": "、".join(comparison.organizations),
        "span": str(first) if first == last else f"{first}–{last}",
        "reports": list(zip(comparison.years, comparison.titles, strict=True)),
        "years": comparison.years,
        "charts": [chart(trend) for trend in comparison.indicators],
        "rows": _rows(comparison.indicators),
        "plans": plans,
        "carried_out": sum(p.status == "carried_out" for p in comparison.plans),
        "judged": sum(p.status != "no_next_report" for p in comparison.plans),
        "recurring": recurring,
    }
