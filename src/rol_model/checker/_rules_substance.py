"""Substance rules (ROL3xx): figures, follow-up of shortcomings, targets, repetition, empty talk."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rol_model.checker._registry import (
    PART_NAMES,
    Context,
    Example,
    Hit,
    excerpt,
    gist,
    node_text,
    part_pointers,
    register,
)
from rol_model.checker._similar_pairs import first_repeated
from rol_model.model import (
    Item,
    Measure,
    MeasuresPart,
    Node,
    Plan,
    PlansPart,
    Shortcoming,
    ShortcomingsPart,
)
from rol_model.text import content_bigrams, covered, normalize, topical_bigrams
from rol_model.trends import is_cause_heading

EVALUATIONS = (
    "published evaluations of the reports (e.g. 明天, 法治政府建设报告制度实证研究, 2017: "
    "few concrete examples or figures)"
)
REGULATION = "2019 规定 (《法治政府建设与责任落实督察工作规定》, 厅字〔2019〕28号)"

# A plan is measurable when it has a figure, a time limit or a coverage target.
_MEASURABLE = re.compile(
    r"[0-9一二三四五六七八九十]+月(?:底|末|份)?(?:前|以前|之前)|年底前|年内|上半年|下半年|"
    r"全覆盖|100[%％]|每[年季月周]"
)

#: Stock phrases that say nothing concrete on their own (ROL306).
BOILERPLATE = tuple(
    sorted(
        [
            "以习近平新时代中国特色社会主义思想为指导",
            "习近平新时代中国特色社会主义思想",
            "习近平法治思想",
            "党的二十大精神",
            "党的十九大精神",
            "高度重视",
            "认真贯彻落实",
            "深入贯彻落实",
            "贯彻落实",
            "进一步提高认识",
            "提高认识",
            "强化措施",
            "狠抓落实",
            "压实责任",
            "扎实推进",
            "稳步推进",
            "持续推进",
            "不断完善",
            "进一步加强",
            "进一步",
            "切实加强",
            "全面加强",
            "加强领导",
            "强化责任",
            "取得了明显成效",
            "取得明显成效",
            "取得了一定成效",
            "取得一定成效",
            "取得积极成效",
            "取得新成效",
            "再上新台阶",
            "迈上新台阶",
            "推动法治政府建设",
            "法治政府建设",
            "依法行政",
            "各项工作",
            "工作部署",
            "决策部署",
            "总体要求",
            "有关要求",
            "上级要求",
            "确保",
            "推动",
            "加强",
            "强化",
            "提升",
            "提高",
            "坚持",
            "全面",
            "深入",
            "认真",
            "扎实",
            "有力",
            "有序",
            "有效",
            "工作",
            "落实",
            "水平",
            "能力",
            "质量",
            "成效",
        ],
        key=len,
        reverse=True,
    )
)


def _subtree(node: Node) -> Iterator[Node]:
    yield node
    for child in getattr(node, "children", ()):
        yield from _subtree(child)


def _has_figure(node: Node) -> bool:
    return any(n.indicators for n in _subtree(node))


def _subtree_text(node: Node) -> str:
    return "".join(node_text(n) for n in _subtree(node))


@register(
    code="ROL301",
    name="measure-without-figures",
    severity="warning",
    title="A group of measures states no figure at all",
    title_zh="举措缺少具体数据",
    rationale="Evaluations of the reports criticise them for few concrete figures: a group of "
    "measures that states no number (cases handled, inspections, people trained) cannot be "
    "checked or compared. Checked per top-level measure, including its sub-items.",
    source=EVALUATIONS,
    example=Example(
        fails=({"op": "remove", "path": "/parts/0/measures/1/indicators"},),
        pointer="/parts/0/measures/1",
    ),
)
def measure_without_figures(context: Context) -> Iterator[Hit]:
    """Every top-level measure has at least one figure in itself or its sub-items."""
    for index, part in enumerate(context.report.parts):
        if not isinstance(part, MeasuresPart):
            continue
        for position, measure in enumerate(part.measures):
            if not _has_figure(measure):
                yield Hit(
                    pointer=f"/parts/{index}/measures/{position}",
                    message="this group of measures states no figure (no count, rate or amount)",
                    message_zh="该项举措没有任何具体数据（数量、比率或金额）",
                    excerpt=excerpt(gist(measure)),
                )


def _top_plans(context: Context) -> list[Plan]:
    return list(context.report.plans)


def _linked(plans: list[Plan]) -> set[str]:
    return {
        sid
        for plan in plans
        for node in _subtree(plan)
        if isinstance(node, Plan)
        for sid in node.shortcoming_ids
    }


@register(
    code="ROL302",
    name="shortcoming-not-addressed",
    severity="warning",
    title="No plan addresses a shortcoming",
    title_zh="不足没有对应的整改安排",
    rationale="Shortcomings are reported so that they get fixed: each should be taken up by a "
    "plan for the next year. When plans name the shortcomings they address (shortcoming_ids), "
    "those links decide; otherwise a plan addresses a shortcoming when it shares at least "
    "addressed_overlap (default 0.15) of the content bigrams of the shortcoming's gist (its "
    "heading or first clause, without generic words such as 加强, 有待, 推进).",
    source=REGULATION + ": 存在的不足 and 下一年度主要安排",
    example=Example(
        fails=({"op": "remove", "path": "/parts/3/plans/1/shortcoming_ids"},),
        pointer="/parts/1/shortcomings/1",
    ),
)
def shortcoming_not_addressed(context: Context) -> Iterator[Hit]:
    """Each top-level shortcoming is addressed by some plan (by link, or by shared wording)."""
    plans = _top_plans(context)
    if not plans:
        return  # ROL101 reports missing plans
    linked = _linked(plans)
    threshold = context.threshold("addressed_overlap")
    offered: list[frozenset[str]] = []  # the plans' wording, read only when no plan links
    for index, part in enumerate(context.report.parts):
        if not isinstance(part, ShortcomingsPart):
            continue
        for position, shortcoming in enumerate(part.shortcomings):
            if is_cause_heading(shortcoming):
                continue
            if linked:
                ids = {node.id for node in _subtree(shortcoming)}
                addressed = bool(ids & linked)
            else:
                topics = _topics(shortcoming)
                if topics and not offered:
                    offered = [topical_bigrams(_subtree_text(plan)) for plan in plans]
                addressed = not topics or any(
                    covered(topic, text) >= threshold for topic in topics for text in offered
                )
            if not addressed:
                yield Hit(
                    pointer=f"/parts/{index}/shortcomings/{position}",
                    message="no plan for next year addresses this shortcoming",
                    message_zh="下一年度安排中没有针对该项不足的措施",
                    excerpt=excerpt(gist(shortcoming)),
                )


def _topics(shortcoming: Shortcoming) -> list[frozenset[str]]:
    """Topical bigrams of the informative gists of a shortcoming and its sub-items (not
    存在的不足 and the like)."""
    gists = (
        content_bigrams(gist(node)) for node in _subtree(shortcoming) if not is_cause_heading(node)
    )
    return [topic for topic in gists if len(topic) >= 2]


@register(
    code="ROL303",
    name="plan-without-target",
    severity="info",
    title="A plan has no measurable target",
    title_zh="工作安排缺少可衡量的目标",
    rationale="A plan with a figure, a time limit (6月底前, 年内) or a coverage target (全覆盖) "
    "can be checked a year later; one without any cannot. When no plan of a part has a target, "
    "one finding points at the part.",
    source=EVALUATIONS,
    example=Example(
        fails=(
            {"op": "remove", "path": "/parts/3/plans/1/indicators"},
            {
                "op": "replace",
                "path": "/parts/3/plans/1/text",
                "value": "继续优化公共法律服务网点布局，提升服务便利度。",
            },
        ),
        pointer="/parts/3/plans/1",
    ),
)
def plan_without_target(context: Context) -> Iterator[Hit]:
    """Each top-level plan has a figure, a time limit or a coverage target."""
    for index, part in enumerate(context.report.parts):
        if not isinstance(part, PlansPart):
            continue
        missing = [
            position
            for position, plan in enumerate(part.plans)
            if not _has_figure(plan) and not _MEASURABLE.search(_subtree_text(plan))
        ]
        if len(missing) > 1 and len(missing) == len(part.plans):
            # One finding for the part: the same remark on every plan would bury the others.
            yield Hit(
                pointer=f"/parts/{index}",
                message=f"none of the {len(missing)} plans has a measurable target (no figure, "
                "time limit or coverage)",
                message_zh=f"{len(missing)}项安排均没有可衡量的目标（无数据、时限或覆盖要求）",
            )
            continue
        for position in missing:
            yield Hit(
                pointer=f"/parts/{index}/plans/{position}",
                message="this plan has no measurable target (no figure, time limit or coverage)",
                message_zh="该项安排没有可衡量的目标（无数据、时限或覆盖要求）",
                excerpt=excerpt(gist(part.plans[position])),
            )


_MIN_REPEATED = 20  # shorter texts (a stock heading) may legitimately repeat


@register(
    code="ROL304",
    name="repeated-paragraph",
    severity="warning",
    title="The same paragraph appears twice",
    title_zh="段落重复",
    rationale="A paragraph copied into a second place (often from the measures into the "
    "plans, or between two groups) pads the report and hides what really happened. Two texts of "
    "20 or more characters repeat when their bigram Jaccard similarity reaches "
    "repeated_similarity (default 0.9).",
    source=EVALUATIONS,
    example=Example(
        fails=(
            {
                "op": "replace",
                "path": "/parts/0/measures/1/text",
                "value": "开展行政执法案卷评查，评查案卷120卷，发现问题35个，已全部整改。",
            },
        ),
        pointer="/parts/0/measures/1/text",
    ),
)
def repeated_paragraph(context: Context) -> Iterator[Hit]:
    """No item's text repeats another's (nearly) word for word."""
    threshold = context.threshold("repeated_similarity")
    entries: list[tuple[str, str, str, str]] = []
    for pointer, node in context.nodes():
        text = node.text or ""
        clean = context.normalized(text)
        if len(clean) >= _MIN_REPEATED:
            entries.append((pointer, node.id, text, clean))
    # the first earlier text each one repeats, found by a prefix-filtered join: near-linear
    matches = first_repeated([entry[3] for entry in entries], threshold)
    for (pointer, _, text, _), match in zip(entries, matches, strict=True):
        if match is None:
            continue
        other_pointer, other_id = entries[match][0], entries[match][1]
        yield Hit(
            pointer=f"{pointer}/text",
            message=f"this text repeats that of {other_id} ({other_pointer})",
            message_zh=f"该段文字与 {other_id}（{other_pointer}）重复",
            excerpt=excerpt(text),
        )


def _leaf(node: Node) -> bool:
    return not getattr(node, "children", ())


@register(
    code="ROL305",
    name="near-empty-item",
    severity="warning",
    title="An item is empty or nearly so",
    title_zh="条目内容空泛或为空",
    rationale="An item with a heading and no content (加强队伍建设。) reports nothing. An item "
    "without sub-items counts as near-empty below near_empty_characters (default 10) letters "
    "and digits.",
    source=EVALUATIONS,
    example=Example(
        fails=(
            {
                "op": "add",
                "path": "/parts/0/measures/-",
                "value": {"id": "m3", "marker": "（三）", "heading": "其他工作"},
            },
        ),
        pointer="/parts/0/measures/2",
    ),
)
def near_empty_item(context: Context) -> Iterator[Hit]:
    """Every item without sub-items says something: enough letters and digits."""
    minimum = context.threshold("near_empty_characters")
    for pointer, node in context.nodes():
        if is_cause_heading(node):
            continue  # 原因分析 with its causes recorded as Cause records
        if isinstance(node, (Measure, Shortcoming, Plan, Item)) and _leaf(node):
            length = len(context.normalized_item(node))
            if length < minimum:
                yield Hit(
                    pointer=pointer,
                    message=f"this item has only {length} characters of content",
                    message_zh=f"该条目仅有{length}个字",
                )


#: Every character some stock phrase has: the others are never taken out, so they bound the share.
_PHRASE_CHARACTERS = re.compile(f"[{re.escape(''.join(sorted(set(''.join(BOILERPLATE)))))}]+")


def _may_be_boilerplate(clean: str, threshold: float) -> bool:
    """Whether the stock phrases could make up ``threshold`` of ``clean``: not when the characters
    no phrase has already leave less than that (one C-level pass instead of every phrase)."""
    return not clean or 1 - len(_PHRASE_CHARACTERS.sub("", clean)) / len(clean) >= threshold


def boilerplate_share(text: str) -> float:
    """Share of the letters and digits of ``text`` taken up by stock phrases (0.0 to 1.0)."""
    return _boilerplate_share(normalize(text))


def _boilerplate_share(clean: str) -> float:
    if not clean:
        return 0.0
    rest = clean
    for phrase in BOILERPLATE:
        rest = rest.replace(phrase, "")
    return 1 - len(rest) / len(clean)


@register(
    code="ROL306",
    name="boilerplate-only",
    severity="warning",
    title="An item consists of stock phrases only",
    title_zh="条目只有套话",
    rationale="Sentences made of stock phrases (高度重视, 狠抓落实, 再上新台阶) fit any body and "
    "any year; an item that says nothing else reports no measure. An item without figures counts "
    "when stock phrases make up boilerplate_share (default 0.7) of its letters and digits.",
    source=EVALUATIONS,
    example=Example(
        fails=(
            {
                "op": "add",
                "path": "/parts/2/items/-",
                "value": {
                    "id": "l2",
                    "text": "高度重视，提高认识，强化措施，狠抓落实，推动法治政府建设再上新台阶。",
                },
            },
        ),
        pointer="/parts/2/items/1",
    ),
)
def boilerplate_only(context: Context) -> Iterator[Hit]:
    """Items without sub-items and figures say more than stock phrases."""
    threshold = context.threshold("boilerplate_share")
    minimum = context.threshold("near_empty_characters")
    for pointer, node in context.nodes():
        if not _leaf(node) or node.indicators:
            continue
        clean = context.normalized_item(node)
        if len(clean) < minimum:
            continue  # ROL305's business
        if _may_be_boilerplate(clean, threshold) and _boilerplate_share(clean) >= threshold:
            yield Hit(
                pointer=pointer,
                message="this item consists of stock phrases and states nothing concrete",
                message_zh="该条目只有套话，没有具体内容",
                excerpt=excerpt(node_text(node)),
            )


def _figures_of_kind(context: Context, kind: str) -> int:
    report = context.report
    total = 0
    for pointer in part_pointers(report, kind):
        index = int(pointer.rsplit("/", 1)[1])
        total += len(report.parts[index].indicators)
        total += sum(len(node.indicators) for _, node in context.part_nodes(index))
    return total


@register(
    code="ROL307",
    name="too-few-figures",
    severity="warning",
    title="A part states fewer figures than the profile asks",
    title_zh="数据项少于规定数量",
    rationale="A guideline may ask for a minimum of concrete figures per part so that results "
    "are shown, not asserted. Silent unless the profile sets minimum_figures.",
    source="the profile in use: minimum_figures",
    example=Example(
        fails=(),
        passes=(
            {
                "op": "add",
                "path": "/parts/0/measures/0/indicators/-",
                "value": {
                    "id": "m1-i3",
                    "label": "整改问题",
                    "value": 35,
                    "unit": "个",
                    "source": "已全部整改",
                    "qualifier": "exact",
                },
            },
        ),
        pointer="/parts/0",
        profile={
            "name": "example",
            "title": "Example: at least five figures on measures",
            "title_zh": "示例：举措部分至少5项数据",
            "source": "example",
            "extends": "national",
            "minimum_figures": {"measures": 5},
        },
    ),
)
def too_few_figures(context: Context) -> Iterator[Hit]:
    """The parts of each kind together state at least the profile's minimum of figures."""
    for kind, minimum in context.profile.minimum_figures.items():
        pointers = part_pointers(context.report, kind)
        if not pointers:
            continue
        count = _figures_of_kind(context, kind)
        if count < minimum:
            english, chinese = PART_NAMES[kind]
            yield Hit(
                pointer=pointers[0],
                message=f"the part on {english} states {count} "
                f"figure{'' if count == 1 else 's'}; at least {minimum} "
                f"{'is' if minimum == 1 else 'are'} required",
                message_zh=f"“{chinese}”部分列出{count}项数据，规定至少{minimum}项",
            )
