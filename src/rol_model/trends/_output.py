"""A :class:`Comparison` as JSON data, as CSV tables and as plain text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs

from rol_model.text import csv_cell, terminal_text
from rol_model.trends._compare import Comparison, IndicatorTrend, TrendPoint

__all__ = ["Table", "comparison_csv", "comparison_to_dict", "format_comparison"]

Table = Literal["indicators", "plans", "shortcomings"]
"""Which table of a comparison to write as CSV."""

_QUALIFIER_SIGNS = {"exact": "", "at_least": "≥", "approximately": "≈", "at_most": "≤"}


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-shaped data (figures stay :class:`~decimal.Decimal`)."""
    data: dict[str, Any] = _plain(comparison)
    for trend, out in zip(comparison.indicators, data["indicators"], strict=True):
        out["gaps"] = list(trend.gaps)
    for recurring, out in zip(comparison.shortcomings, data["shortcomings"], strict=True):
        out["years"] = list(recurring.years)
    return data


def _point(point: TrendPoint) -> str:
    if point.value is None:
        return "—"
    return f"{_QUALIFIER_SIGNS.get(point.qualifier or 'exact', '')}{point.value}"


def _indicator_rows(comparison: Comparison) -> Iterator[list[object]]:
    yield [
        "label",
        "unit",
        *(column for year in comparison.years for column in (str(year), f"{year} qualifier")),
    ]
    for trend in comparison.indicators:
        cells: list[object] = [trend.label, trend.unit]
        for point in trend.points:
            cells += ["" if point.value is None else point.value, point.qualifier or ""]
        yield cells


def _plan_rows(comparison: Comparison) -> Iterator[list[object]]:
    yield ["year", "plan_id", "plan", "status", "next_year", "measure_ids", "scores"]
    for plan in comparison.plans:
        yield [
            plan.year,
            plan.plan_id,
            plan.text,
            plan.status,
            plan.next_year or "",
            ";".join(m.measure_id for m in plan.measures),
            ";".join(str(m.score) for m in plan.measures),
        ]


def _shortcoming_rows(comparison: Comparison) -> Iterator[list[object]]:
    yield ["problem", "year", "shortcoming_id", "score", "text"]
    for number, recurring in enumerate(comparison.shortcomings, 1):
        for occurrence in recurring.occurrences:
            score = "" if occurrence.score is None else occurrence.score
            yield [number, occurrence.year, occurrence.shortcoming_id, score, occurrence.text]


def comparison_csv(
    comparison: Comparison, table: Table = "indicators", *, raw: bool = False
) -> str:
    """One table of the comparison as CSV text (RFC 4180, CRLF line ends).

    ``"indicators"``: one row per figure, a value and a qualifier column per year, empty
    cells for gaps. ``"plans"``: one row per plan with the measures that carry it out.
    ``"shortcomings"``: one row per occurrence of a recurring problem. Text that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a leading apostrophe, unless
    ``raw`` is true (see docs/security.md).
    """
    rows = {
        "indicators": _indicator_rows,
        "plans": _plan_rows,
        "shortcomings": _shortcoming_rows,
    }[table](comparison)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        cells = (str(cell) if isinstance(cell, Decimal) else cell for cell in row)
        writer.writerow(cells if raw else (csv_cell(cell) for cell in cells))
    return buffer.getvalue()


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _trend_point(point: TrendPoint) -> str:
    shown = f"{point.year} {_point(point)}{point.unit or ''}"
    if point.match_score is None:
        return shown
    label = f"“{point.label}”, " if point.label else ""
    return f"{shown} [{label}match {point.match_score:.2f}]"  # joined to the series by meaning


def _trend_line(trend: IndicatorTrend) -> str:
    points = " → ".join(_trend_point(p) for p in trend.points)
    return f"  {trend.label} ({trend.unit}): {points}"


def _lines(comparison: Comparison) -> Iterator[str]:
    yield f"{' / '.join(comparison.organizations)}: {', '.join(map(str, comparison.years))}"
    yield ""
    yield "Figures / 数据趋势 (— = not stated 未报告; ≥ 余/多, ≈ 约, ≤ 近/不足)"
    if any(p.match_score is not None for t in comparison.indicators for p in t.points):
        yield "  [match 0.79] = matched by meaning (label, unit, place), not by an identical label"
    yield from (_trend_line(trend) for trend in comparison.indicators)
    yield ""
    yield "Plans / 计划落实 (plan of year N → measures of year N+1)"
    for plan in comparison.plans:
        head = f"  {plan.year} {plan.plan_id} {_clip(plan.text)}"
        if plan.status == "carried_out":
            done = ", ".join(f"{m.measure_id} ({m.score:.2f})" for m in plan.measures)
            yield f"{head} → {plan.next_year}: {done}"
        elif plan.status == "not_found":
            yield f"{head} → {plan.next_year}: no measure found 未见落实"
        else:
            yield f"{head} → no {plan.year + 1} report 无下一年度报告"
    yield ""
    yield "Recurring shortcomings / 反复出现的不足"
    if not comparison.shortcomings:
        yield "  none 无"
    for recurring in comparison.shortcomings:
        chain = " → ".join(
            f"{o.year} {o.shortcoming_id}" + ("" if o.score is None else f" ({o.score:.2f})")
            for o in recurring.occurrences
        )
        yield f"  {chain}: {_clip(recurring.occurrences[-1].text)}"


def format_comparison(comparison: Comparison) -> str:
    """The comparison as plain text: trends, plan follow-through, recurring shortcomings."""
    return "\n".join(terminal_text(line) for line in _lines(comparison)) + "\n"
