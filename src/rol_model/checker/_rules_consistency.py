"""Consistency rules (ROL2xx): ids, references, figures, periods, dates and deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rol_model.checker._profiles import deadline_date
from rol_model.checker._registry import Context, Example, Hit, register
from rol_model.model import Cause, Plan, Shortcoming

DATA = "data consistency"
REGULATION = "2019 规定 (《法治政府建设与责任落实督察工作规定》, 厅字〔2019〕28号)"

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


@register(
    code="ROL201",
    name="duplicate-id",
    severity="error",
    title="Two items or figures share an id",
    title_zh="标识重复",
    rationale="Ids make cross references (a plan's addressed shortcomings) and year-over-year "
    "comparison possible; a repeated id makes both ambiguous.",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/parts/0/measures/1/id", "value": "m1"},),
        pointer="/parts/0/measures/1/id",
    ),
)
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


@register(
    code="ROL202",
    name="unresolved-reference",
    severity="error",
    title="A plan or cause names a shortcoming that does not exist",
    title_zh="引用的不足不存在",
    rationale="shortcoming_ids link plans and causes to the shortcomings they address; a link "
    "to nothing is a typo or a leftover of an edit.",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/parts/3/plans/1/shortcoming_ids", "value": ["s9"]},),
        pointer="/parts/3/plans/1/shortcoming_ids/0",
    ),
)
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


@register(
    code="ROL203",
    name="percentage-out-of-range",
    severity="error",
    title="A percentage is below 0 or above 100",
    title_zh="百分比超出0—100范围",
    rationale="A rate (合格率, 覆盖率, 满意率) cannot exceed 100%; a figure that does is a typing "
    "or import error. Percentages that state a change (同比增长150%) are exempt.",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/parts/0/measures/1/indicators/1/value", "value": 198},),
        passes=(
            {"op": "replace", "path": "/parts/0/measures/1/indicators/1/value", "value": 198},
            {
                "op": "replace",
                "path": "/parts/0/measures/1/indicators/1/source",
                "value": "咨询量同比增长198%",
            },
        ),
        pointer="/parts/0/measures/1/indicators/1/value",
    ),
)
def percentage_out_of_range(context: Context) -> Iterator[Hit]:
    """Percentages that are shares lie between 0 and 100."""
    for pointer, indicator in context.indicators():
        if indicator.unit not in PERCENT_UNITS:
            continue
        is_change = any(word in indicator.source for word in _CHANGE_WORDS)
        if indicator.value < 0 or (indicator.value > 100 and not is_change):
            yield Hit(
                pointer=f"{pointer}/value",
                message=f"{indicator.value}% is not a possible share",
                message_zh=f"{indicator.value}%不是可能的比例",
                excerpt=indicator.source,
            )


@register(
    code="ROL204",
    name="count-not-whole",
    severity="error",
    title="A count is negative or not a whole number",
    title_zh="计数不是非负整数",
    rationale="Inspections, cases and people are counted in whole numbers; 46.5场 is an import "
    "or typing error.",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/parts/0/measures/1/indicators/0/value", "value": 46.5},),
        pointer="/parts/0/measures/1/indicators/0/value",
    ),
)
def count_not_whole(context: Context) -> Iterator[Hit]:
    """Figures counted in units such as 次, 件, 人 are non-negative whole numbers."""
    for pointer, indicator in context.indicators():
        if indicator.unit not in COUNT_UNITS:
            continue
        value = indicator.value
        if value < 0 or value != value.to_integral_value():
            yield Hit(
                pointer=f"{pointer}/value",
                message=f"{value} {indicator.unit} is not a whole, non-negative count",
                message_zh=f"{value}{indicator.unit}不是非负整数",
                excerpt=indicator.source,
            )


@register(
    code="ROL205",
    name="period-outside-year",
    severity="warning",
    title="A figure covers a period outside the reported year",
    title_zh="数据所属期间不在报告年度内",
    rationale="The report covers one year; a figure for another period misleads unless it is "
    "said to be a comparison. Targets of plans may cover the next year.",
    source=REGULATION + ": the report covers the previous year",
    example=Example(
        fails=(
            {
                "op": "add",
                "path": "/parts/0/measures/0/indicators/0/period",
                "value": {"start": "2022-01-01", "end": "2022-12-31"},
            },
        ),
        passes=(
            {
                "op": "add",
                "path": "/parts/0/measures/0/indicators/0/period",
                "value": {"start": "2023-01-01", "end": "2023-12-31"},
            },
        ),
        pointer="/parts/0/measures/0/indicators/0/period",
    ),
)
def period_outside_year(context: Context) -> Iterator[Hit]:
    """A figure's period lies within the reported year (within the next year for plan targets)."""
    year = context.report.year
    plan_prefixes = tuple(
        f"/parts/{i}/" for i, part in enumerate(context.report.parts) if part.kind == "plans"
    )
    for pointer, indicator in context.indicators():
        period = indicator.period
        if period is None:
            continue
        last = year + 1 if pointer.startswith(plan_prefixes) else year
        if period.start < dt.date(year, 1, 1) or period.end > dt.date(last, 12, 31):
            yield Hit(
                pointer=f"{pointer}/period",
                message=f"the figure covers {period.start} to {period.end}, outside {year}",
                message_zh=f"该数据所属期间为{period.start}至{period.end}，不在{year}年度内",
                excerpt=indicator.source,
            )


@register(
    code="ROL206",
    name="published-before-issued",
    severity="error",
    title="The report is published before the date it bears",
    title_zh="公开日期早于成文日期",
    rationale="A report cannot be published before it is written and dated; one of the two "
    "dates is wrong.",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/published_on", "value": "2024-02-01"},),
        pointer="/published_on",
    ),
)
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


@register(
    code="ROL207",
    name="date-before-year",
    severity="error",
    title="The report is dated before the year it reports on",
    title_zh="报告日期早于所报告的年度",
    rationale="A report on a year cannot be dated or published before that year begins; the "
    "date or the year is wrong (often a stale page date on a web copy).",
    source=DATA,
    example=Example(
        fails=({"op": "replace", "path": "/issued_on", "value": "2022-12-30"},),
        pointer="/issued_on",
    ),
)
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


@register(
    code="ROL208",
    name="published-late",
    severity="warning",
    title="The report was published after the deadline",
    title_zh="公开晚于规定时限",
    rationale="Reports must be made public every year before 1 April; timely publication has "
    "historically been the exception, which is why supervisors check it first.",
    source=REGULATION + ", article 24: published before 1 April",
    example=Example(
        fails=({"op": "replace", "path": "/published_on", "value": "2024-04-08"},),
        pointer="/published_on",
    ),
)
def published_late(context: Context) -> Iterator[Hit]:
    """published_on is before the profile's publication deadline for the body."""
    report = context.report
    deadline = context.profile.deadline_for(report.organization)
    if deadline is None or deadline.publish_before is None or report.published_on is None:
        return
    due = deadline_date(report.year, deadline.publish_before)
    if report.published_on >= due:
        yield Hit(
            pointer="/published_on",
            message=f"published on {report.published_on}; the deadline is before {due}",
            message_zh=f"公开日期为{report.published_on}，应在{due}之前公开",
        )


@register(
    code="ROL209",
    name="submitted-late",
    severity="warning",
    title="The report is dated after the submission deadline",
    title_zh="报送晚于规定时限",
    rationale="Government departments at county level and above report before 1 March, "
    "provincial governments before 1 April. The submission date is submitted_on; when the "
    "report does not record it, the report's own date (issued_on) stands in for it.",
    source=REGULATION + ", reporting deadlines as restated in provincial guidelines",
    example=Example(
        fails=({"op": "replace", "path": "/issued_on", "value": "2024-03-05"},),
        pointer="/issued_on",
    ),
)
def submitted_late(context: Context) -> Iterator[Hit]:
    """The submission (or issue) date is before the profile's deadline for the body."""
    report = context.report
    deadline = context.profile.deadline_for(report.organization)
    field, date = (
        ("submitted_on", report.submitted_on)
        if report.submitted_on is not None
        else ("issued_on", report.issued_on)
    )
    if deadline is None or deadline.submit_before is None or date is None:
        return
    due = deadline_date(report.year, deadline.submit_before)
    if date >= due:
        what, what_zh = ("submitted", "报送") if field == "submitted_on" else ("dated", "报告")
        yield Hit(
            pointer=f"/{field}",
            message=f"{what} {date}; the submission deadline is before {due}",
            message_zh=f"{what_zh}日期为{date}，应在{due}之前报送",
        )
