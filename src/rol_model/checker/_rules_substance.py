"""Substance rules (ROL3xx): figures, follow-up of shortcomings, targets, repetition, empty talk."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rol_model.checker._registry import (
    PART_NAMES,
    Context,
    Hit,
    excerpt,
    gist,
    node_text,
    part_pointers,
    rule,
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


def _offered(context: Context, plan: Plan) -> frozenset[str]:
    """The topical bigrams of a plan with its sub-items (their normalized texts are at hand)."""
    texts = [node_text(node) for node in _subtree(plan)]
    return topical_bigrams("".join(texts), context.normalized_joined(texts))


@rule("ROL301")
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


@rule("ROL302")
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
                    offered = [_offered(context, plan) for plan in plans]
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


@rule("ROL303")
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


@rule("ROL304")
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


@rule("ROL305")
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
    no phrase has already leave less than that (one C-level pass instead of every phrase).

    The start of the text usually has enough such characters to tell; the rest is read only
    when it does not.
    """
    size = len(clean)
    if not size:
        return True
    start = clean[: int(2 * (1 - threshold) * size) + 8]
    if 1 - len(_PHRASE_CHARACTERS.sub("", start)) / size < threshold:
        return False  # the characters of the start alone keep the share below the threshold
    return len(start) == size or 1 - len(_PHRASE_CHARACTERS.sub("", clean)) / size >= threshold


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


@rule("ROL306")
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


@rule("ROL307")
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
