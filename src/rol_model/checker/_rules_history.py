"""Year-over-year rules (ROL4xx): they compare a report with last year's, when given."""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from rol_model.checker._registry import (
    Context,
    Hit,
    excerpt,
    gist,
    part_pointers,
    rule,
)
from rol_model.checker._rules_consistency import PERCENT_UNITS
from rol_model.model import Indicator, Report, iter_indicators
from rol_model.text import arithmetic, normalize
from rol_model.trends import follow_ups, recurrences


def _comparable(context: Context) -> bool:
    """Whether there is a previous report by the same body: else only ROL404 speaks."""
    previous = context.previous
    if previous is None:
        return False
    return normalize(previous.organization.name) == normalize(context.report.organization.name)


@rule("ROL401")
def recurring_shortcoming(context: Context) -> Iterator[Hit]:
    """No shortcoming repeats, in meaning, one of last year's."""
    if context.previous is None or not _comparable(context):
        return
    threshold = context.threshold("recurring_overlap")
    for recurrence in recurrences(context.previous, context.report, threshold):
        earlier = recurrence.previous
        said = excerpt(gist(earlier), 30)
        yield Hit(
            pointer=recurrence.pointer,
            message=f"the same shortcoming was reported last year ({earlier.id}: {said})",
            message_zh=f"上年度已报告同一不足（{earlier.id}：{said}）",
            excerpt=excerpt(gist(recurrence.current)),
        )


@rule("ROL402")
def plan_not_followed_up(context: Context) -> Iterator[Hit]:
    """Each of last year's top-level plans is taken up by some measure this year."""
    if context.previous is None or not _comparable(context):
        return
    threshold = context.threshold("follow_through_overlap")
    where = (part_pointers(context.report, "measures") or ["/parts"])[0]
    for follow_up in follow_ups(context.previous, context.report, threshold):
        if follow_up.measures:
            continue
        plan = follow_up.plan
        wanted = gist(plan)
        yield Hit(
            pointer=where,
            message=f"last year's plan {plan.id} ({excerpt(wanted, 30)}) is not reported on "
            "among this year's measures",
            message_zh=f"上年度安排 {plan.id}（{excerpt(wanted, 30)}）在本年度举措中没有落实情况",
            excerpt=excerpt(wanted),
        )


def _by_label(report: Report) -> dict[tuple[str, str], list[tuple[str, Indicator]]]:
    found: dict[tuple[str, str], list[tuple[str, Indicator]]] = defaultdict(list)
    plans = tuple(f"{p}/" for p in part_pointers(report, "plans"))
    for pointer, indicator in iter_indicators(report):
        label = normalize(indicator.label)
        if label and not pointer.startswith(plans):  # targets are not results
            found[(label, indicator.unit.replace("％", "%"))].append((pointer, indicator))
    return found


def _sharp(old: Decimal, new: Decimal, unit: str, ratio: float, points: float) -> bool:
    if unit in PERCENT_UNITS:
        return abs(new - old) >= Decimal(str(points))
    low, high = sorted((abs(old), abs(new)))
    if low == 0:
        return high > 0
    with decimal.localcontext(arithmetic()):  # no Overflow, whatever the two values
        return high / low >= Decimal(str(ratio))


@rule("ROL403")
def figure_changed_sharply(context: Context) -> Iterator[Hit]:
    """Figures with the same label and unit as last year's did not change by a large factor."""
    if context.previous is None or not _comparable(context):
        return
    ratio = context.threshold("sharp_change_ratio")
    points = context.threshold("sharp_change_points")
    earlier = _by_label(context.previous)
    for key, pairs in _by_label(context.report).items():
        if len(pairs) != 1 or len(earlier.get(key, ())) != 1:
            continue
        pointer, indicator = pairs[0]
        old = earlier[key][0][1].value
        if _sharp(old, indicator.value, key[1], ratio, points):
            unit = indicator.unit
            yield Hit(
                pointer=pointer,
                message=f"{indicator.label}: {indicator.value}{unit} against {old}{unit} last year",
                message_zh=f"{indicator.label}：本年度{indicator.value}{unit}，上年度{old}{unit}",
                excerpt=excerpt(indicator.source),
            )


@rule("ROL404")
def previous_not_last_year(context: Context) -> Iterator[Hit]:
    """The previous report covers the year before, and comes from the same organization."""
    previous = context.previous
    if previous is None:
        return
    report = context.report
    if previous.year != report.year - 1:
        yield Hit(
            pointer="/year",
            message=f"the previous report covers {previous.year}, not {report.year - 1}",
            message_zh=f"对比报告为{previous.year}年度，而非{report.year - 1}年度",
        )
    if normalize(previous.organization.name) != normalize(report.organization.name):
        yield Hit(
            pointer="/organization/name",
            message=f"the previous report is by {previous.organization.name}",
            message_zh=f"对比报告的主体是{previous.organization.name}",
        )
