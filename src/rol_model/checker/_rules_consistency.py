"""Consistency rules (ROL2xx): ids, references, figures, periods, dates and deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from rol_model.checker._profiles import deadline_date
from rol_model.checker._registry import Context, Hit, rule
from rol_model.model import Cause, Indicator, Plan, Shortcoming

#: Units that count whole things: a count is a non-negative whole number.
COUNT_UNITS = frozenset(
    [
        "次",
        "件",
        "个",
        "项",
        "人",
        "人次",
        "名",
        "份",
        "场",
        "家",
        "所",
        "起",
        "批",
        "条",
        "部",
        "期",
        "户",
        "宗",
        "篇",
        "座",
        "处",
        "位",
        "卷",
        "本",
        "册",
        "支",
        "队",
        "套",
        "台",
        "辆",
        "户次",
        "件次",
        "场次",
        "余人",
        "个次",
        "单",
        "封",
        "类",
        "门",
        "节",
        "课时",
        "家次",
        "宗次",
    ]
)
PERCENT_UNITS = frozenset({"%", "％"})
# A percentage above 100 is possible when it states a change, not a share.
_CHANGE_WORDS = ("增", "涨", "升", "提高", "提升", "倍", "同比", "环比", "较", "比上年", "超")


@rule("ROL201")
def duplicate_id(context: Context) -> Iterator[Hit]:
    """Every item and figure id occurs once."""
    seen: dict[str, str] = {}
    pairs = [(pointer, node.id) for pointer, node in context.nodes()]
    pairs += [(pointer, indicator.id) for pointer, indicator in context.indicators()]
    if len({identifier for _, identifier in pairs}) == len(pairs):
        return  # no id repeats: no need to put them in document order
    keys = context.positions([pointer for pointer, _ in pairs])
    ordered = [
        pair for _, pair in sorted(zip(keys, pairs, strict=True), key=lambda entry: entry[0])
    ]
    for pointer, identifier in ordered:
        if identifier in seen:
            yield Hit(
                pointer=f"{pointer}/id",
                message=f"id {identifier!r} is already used at {seen[identifier]}",
                message_zh=f"标识“{identifier}”已在 {seen[identifier]} 使用",
                excerpt=identifier,
            )
        else:
            seen[identifier] = pointer


@rule("ROL202")
def unresolved_reference(context: Context) -> Iterator[Hit]:
    """Each id in a plan's or cause's shortcoming_ids names a shortcoming of the report."""
    nodes = list(context.nodes())
    known = {node.id for _, node in nodes if isinstance(node, Shortcoming)}
    for pointer, node in nodes:
        if not isinstance(node, (Plan, Cause)):
            continue
        for index, identifier in enumerate(node.shortcoming_ids):
            if identifier not in known:
                yield Hit(
                    pointer=f"{pointer}/shortcoming_ids/{index}",
                    message=f"{node.id} refers to shortcoming {identifier!r}, which does not exist",
                    message_zh=f"{node.id} 引用的不足“{identifier}”不存在",
                    excerpt=identifier,
                )


def _figure_hits(
    context: Context, fault: Callable[[str, Indicator], tuple[str, str, str] | None]
) -> Iterator[Hit]:
    """A hit at each figure ``fault`` finds wrong, quoting its source: ``fault`` gives the member
    that is wrong and the message in English and Chinese, or ``None``."""
    for pointer, indicator in context.indicators():
        found = fault(pointer, indicator)
        if found is not None:
            member, message, message_zh = found
            yield Hit(
                pointer=f"{pointer}/{member}",
                message=message,
                message_zh=message_zh,
                excerpt=indicator.source,
            )


def _impossible_share(_pointer: str, indicator: Indicator) -> tuple[str, str, str] | None:
    if indicator.unit not in PERCENT_UNITS:
        return None
    value = indicator.value
    is_change = any(word in indicator.source for word in _CHANGE_WORDS)
    if value < 0 or (value > 100 and not is_change):
        return "value", f"{value}% is not a possible share", f"{value}%不是可能的比例"
    return None


@rule("ROL203")
def percentage_out_of_range(context: Context) -> Iterator[Hit]:
    """Percentages that are shares lie between 0 and 100."""
    return _figure_hits(context, _impossible_share)


def _broken_count(_pointer: str, indicator: Indicator) -> tuple[str, str, str] | None:
    value, unit = indicator.value, indicator.unit
    if unit in COUNT_UNITS and (value < 0 or value != value.to_integral_value()):
        return (
            "value",
            f"{value} {unit} is not a whole, non-negative count",
            f"{value}{unit}不是非负整数",
        )
    return None


@rule("ROL204")
def count_not_whole(context: Context) -> Iterator[Hit]:
    """Figures counted in units such as 次, 件, 人 are non-negative whole numbers."""
    return _figure_hits(context, _broken_count)


@rule("ROL205")
def period_outside_year(context: Context) -> Iterator[Hit]:
    """A figure's period lies within the reported year (within the next year for plan targets)."""
    year = context.report.year
    plan_prefixes = tuple(
        f"/parts/{i}/" for i, part in enumerate(context.report.parts) if part.kind == "plans"
    )

    def outside(pointer: str, indicator: Indicator) -> tuple[str, str, str] | None:
        period = indicator.period
        if period is None:
            return None
        last = year + 1 if pointer.startswith(plan_prefixes) else year
        if period.start >= dt.date(year, 1, 1) and period.end <= dt.date(last, 12, 31):
            return None
        return (
            "period",
            f"the figure covers {period.start} to {period.end}, outside {year}",
            f"该数据所属期间为{period.start}至{period.end}，不在{year}年度内",
        )

    return _figure_hits(context, outside)


@rule("ROL206")
def published_before_issued(context: Context) -> Iterator[Hit]:
    """The publication date is not earlier than the report's own date."""
    report = context.report
    if report.issued_on and report.published_on and report.published_on < report.issued_on:
        yield Hit(
            pointer="/published_on",
            message=f"published on {report.published_on}, before the report's date "
            f"{report.issued_on}",
            message_zh=f"公开日期{report.published_on}早于成文日期{report.issued_on}",
        )


@rule("ROL207")
def date_before_year(context: Context) -> Iterator[Hit]:
    """issued_on and published_on fall after the reported year has begun."""
    report = context.report
    for field in ("issued_on", "submitted_on", "published_on"):
        date = getattr(report, field)
        if date is not None and date.year < report.year:
            yield Hit(
                pointer=f"/{field}",
                message=f"{field} {date} is before the reported year {report.year}",
                message_zh=f"日期{date}早于所报告的{report.year}年度",
            )


def _due_before(context: Context, date: dt.date | None, which: str) -> dt.date | None:
    """The deadline ``date`` misses (``submit_before`` or ``publish_before`` of the profile's
    deadline for the body), or ``None`` when it is on time or there is no such deadline."""
    report = context.report
    deadline = context.profile.deadline_for(report.organization)
    month_day = None if deadline is None else getattr(deadline, which)
    if month_day is None or date is None:
        return None
    due = deadline_date(report.year, month_day)
    return due if date >= due else None


@rule("ROL208")
def published_late(context: Context) -> Iterator[Hit]:
    """published_on is before the profile's publication deadline for the body."""
    published = context.report.published_on
    due = _due_before(context, published, "publish_before")
    if due is not None:
        yield Hit(
            pointer="/published_on",
            message=f"published on {published}; the deadline is before {due}",
            message_zh=f"公开日期为{published}，应在{due}之前公开",
        )


@rule("ROL209")
def submitted_late(context: Context) -> Iterator[Hit]:
    """The submission (or issue) date is before the profile's deadline for the body."""
    report = context.report
    field, date = (
        ("submitted_on", report.submitted_on)
        if report.submitted_on is not None
        else ("issued_on", report.issued_on)
    )
    due = _due_before(context, date, "submit_before")
    if due is not None:
        what, what_zh = ("submitted", "报送") if field == "submitted_on" else ("dated", "报告")
        yield Hit(
            pointer=f"/{field}",
            message=f"{what} {date}; the submission deadline is before {due}",
            message_zh=f"{what_zh}日期为{date}，应在{due}之前报送",
        )
