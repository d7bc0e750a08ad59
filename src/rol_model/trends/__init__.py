"""One body's reports across years: :func:`compare`, figure trends, recurring problems."""

from __future__ import annotations

from rol_model.trends._compare import (
    Comparison,
    FollowingMeasure,
    IndicatorTrend,
    Occurrence,
    PlanFollowThrough,
    RecurringShortcoming,
    TrendPoint,
    compare,
)
from rol_model.trends._history import (
    FOLLOW_THROUGH_THRESHOLD,
    FOLLOWING_MEASURES,
    RECURRING_THRESHOLD,
    FollowUp,
    Recurrence,
    follow_up_units,
    follow_ups,
    is_cause_heading,
    item_text,
    recurrences,
)
from rol_model.trends._output import (
    comparison_csv,
    comparison_to_dict,
    format_comparison,
)

__all__ = [
    "FOLLOWING_MEASURES",
    "FOLLOW_THROUGH_THRESHOLD",
    "RECURRING_THRESHOLD",
    "Comparison",
    "FollowUp",
    "FollowingMeasure",
    "IndicatorTrend",
    "Occurrence",
    "PlanFollowThrough",
    "Recurrence",
    "RecurringShortcoming",
    "TrendPoint",
    "compare",
    "comparison_csv",
    "comparison_to_dict",
    "follow_up_units",
    "follow_ups",
    "format_comparison",
    "is_cause_heading",
    "item_text",
    "recurrences",
]
