"""Text similarity of Chinese report text: the one place the diff, the checker and compare use.

Chinese has no spaces between words, and a shared two-character sequence is usually a shared word
(法治, 执法, 意识), so every measure here works on the **character bigrams** of text
:func:`normalize`\\ d (NFKC width folding; whitespace, punctuation and symbols removed). Three
questions get three measures:

- **Is this item the same item, reworded?** (diff, JSON Patch; ROL304 repeated paragraphs.)
  :func:`similarity` is the Dice coefficient of the bigram sets, :func:`jaccard` the Jaccard
  index; :func:`fingerprint` and :func:`dice` are the parts the matcher's prefilters reuse.
- **Is this short statement taken up in that text?** (ROL302: does a plan address a shortcoming
  of the same report.) :func:`coverage` counts the *topical* bigrams of the statement
  (:func:`content_bigrams`: generic words such as 加强, 有待, 推进 and function characters cut
  out, synonyms folded) that the text contains.
- **Across two consecutive reports of one body**: is a shortcoming last year's problem again
  (:func:`recurrences`), and which measures carry out last year's plans (:func:`follow_ups`)?
  ``rol check --previous`` (ROL401, ROL402) and :func:`rol_model.compare` (``rol trend``) both
  call these two functions, so they always give the same answer for the same pair. Bigrams are
  weighted by rarity (inverse document frequency over the items of the pair, :class:`Weights`),
  so the words every report uses (法治, 依法, 建设) do not make unrelated items look alike; the
  answer depends on the two reports only, not on the other years of a series.

The thresholds :data:`RECURRING_THRESHOLD` and :data:`FOLLOW_THROUGH_THRESHOLD` were measured on
the Wusu 2023/2024 pair and on every pair of distinct bodies of the project corpus (see
``docs/check.md`` and ``benchmarks/cross_year.py``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from rol_model.model._classes import Measure, Node, Plan, Report, Shortcoming

__all__ = [
    "FOLLOWING_MEASURES",
    "FOLLOW_THROUGH_THRESHOLD",
    "GENERIC_WORDS",
    "RECURRING_THRESHOLD",
    "Fingerprint",
    "FollowUp",
    "Recurrence",
    "Weights",
    "bigrams",
    "canonical",
    "clean_bigrams",
    "content_bigrams",
    "coverage",
    "covered",
    "dice",
    "fingerprint",
    "follow_up_units",
    "follow_ups",
    "is_cause_heading",
    "item_text",
    "jaccard",
    "normalize",
    "recurrences",
    "similarity",
    "topical_bigrams",
]

#: Two shortcomings of consecutive reports are one problem from this rarity-weighted Dice score
#: of their topical bigrams on. On the Wusu pair the three recurring problems score 0.41–1.0 and
#: the others at most 0.14; over the 72 ordered pairs of different bodies of the corpus only one
#: pair reaches it (基层行政执法力量相对薄弱 / 综合执法力量相对薄弱, arguably the same problem).
RECURRING_THRESHOLD = 0.3
#: A measure of year N+1 carries out a plan of year N from this coverage score on. On the Wusu
#: pair the carrying measures score 0.43–0.97 and unrelated ones at most 0.25; over the plans of
#: the corpus against the measures of other bodies, 3 of 322 reach it.
FOLLOW_THROUGH_THRESHOLD = 0.4
#: At most this many measures are named as carrying out one plan (the best-scoring ones).
FOLLOWING_MEASURES = 3
# Sentences shorter than this (letters and digits) join the next: a bare heading is no task.
_SHORTEST_SENTENCE = 12
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")
_NOT_WORD = re.compile(r"[\W_]+")


# Normalisation and bigrams ----------------------------------------------------------------------


def normalize(text: str) -> str:
    """Letters and digits only: NFKC width folding, whitespace, punctuation and symbols removed.

    Rewording counts, reformatting does not: full-width and half-width forms, spaces and
    re-punctuated sentences normalize to the same string.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def clean_bigrams(clean: str) -> frozenset[str]:
    r"""The adjacent character pairs of an already :func:`normalize`\ d text."""
    return frozenset(clean[i : i + 2] for i in range(len(clean) - 1))


def bigrams(text: str) -> frozenset[str]:
    """The set of adjacent character pairs of the normalized text (empty below two characters)."""
    return clean_bigrams(normalize(text))


def jaccard(first: str, second: str) -> float:
    """Jaccard index of the bigram sets of two texts, 0.0 to 1.0; 0.0 when either has none."""
    a, b = bigrams(first), bigrams(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@attrs.frozen
class Fingerprint:
    """A text's bigram set and normalized form, computed once and compared many times.

    A text of one character has that character as its only "bigram", so it is similar to itself.
    """

    grams: frozenset[str]
    text: str


def fingerprint(text: str) -> Fingerprint:
    """The :class:`Fingerprint` of a text."""
    norm = normalize(text)
    if len(norm) < 2:
        return Fingerprint(grams=frozenset(norm), text=norm)
    return Fingerprint(grams=clean_bigrams(norm), text=norm)


def dice(a: Fingerprint, b: Fingerprint, floor: float = 0.0) -> float:
    """Dice coefficient 2·|A∩B|/(|A|+|B|) of two fingerprints, 0.0 to 1.0.

    Two empty texts are equal (1.0). With ``floor``, a pair whose size bound 2·min/(|A|+|B|)
    is below it scores 0.0 without intersecting: an exact prefilter for a threshold test.
    """
    size_a, size_b = len(a.grams), len(b.grams)
    if size_a == 0 or size_b == 0:
        return 1.0 if a.text == b.text else 0.0
    total = size_a + size_b
    if 2 * min(size_a, size_b) / total < floor:
        return 0.0
    return 2 * len(a.grams & b.grams) / total


def similarity(a: str, b: str) -> float:
    """Edit-level similarity of two texts in [0, 1]: the Dice coefficient of their bigram sets.

    Linear in the length of the texts, which keeps matching long Chinese paragraphs cheap.
    """
    return dice(fingerprint(a), fingerprint(b))


# Topical bigrams ---------------------------------------------------------------------------------

#: Words so common in these reports that sharing them says nothing about sharing a topic.
GENERIC_WORDS = (
    *("法治政府建设", "法治建设", "法治", "进一步", "加强", "强化", "增强", "有待", "提高", "提升"),
    *("不够", "不足", "存在", "问题", "部分", "我局", "我市", "我县", "我区", "推进", "推动"),
    *("全面", "深入", "开展", "落实", "完善", "健全", "工作", "持续", "继续", "不断", "切实"),
    *("有效", "需要", "仍需", "还需", "加大", "力度", "水平", "方面", "一些", "相关", "各项"),
    *("积极", "努力", "坚持", "围绕", "着力", "抓好", "做好", "深化", "加快", "注重", "突出"),
    *("狠抓", "确保", "进行", "比较", "明显", "较为", "一定"),
)
# Characters that make a pair grammatical rather than topical (的针, 性和, 还不).
_FUNCTION_CHARACTERS = "的了和与及不还较仍有待够是在等对之其为把被所并且也都又很更最未尚没"
# Topical text is what remains between generic words and function characters: bigrams are
# taken inside those stretches only, so no pair straddles a removed word (抓好|法治|培训 → 培训).
_SEPARATORS = re.compile(
    "|".join(re.escape(w) for w in sorted(GENERIC_WORDS, key=len, reverse=True))
    + f"|[{_FUNCTION_CHARACTERS}]"
)
# One topic, many names: a text that uses any of these also speaks of the key (普法).
_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "普法": (
        "法治宣传",
        "法治宣傳",
        "法律宣传",
        "法律宣傳",
        "普法宣传",
        "法治教育",
        "法律知识宣传",
    ),
}


def canonical(text: str) -> str:
    """The text with each synonym replaced by its topic's one name (法治宣传 → 普法)."""
    for key, names in _SYNONYMS.items():
        for name in names:
            text = text.replace(name, key)
    return text


def content_bigrams(text: str) -> frozenset[str]:
    """Topical bigrams of the text: generic words (推进, 加强, 有待 …) and grammar left out.

    Synonyms are first replaced by one name (法治宣传 by 普法), so that one topic counts once.
    """
    stretches = _SEPARATORS.split(normalize(canonical(text)))
    return frozenset(pair for part in stretches for pair in clean_bigrams(part))


def topical_bigrams(text: str) -> frozenset[str]:
    """Bigrams a text offers to :func:`covered`: its own and those with synonyms replaced."""
    return bigrams(text) | bigrams(canonical(text))


def covered(wanted: frozenset[str], offered: frozenset[str]) -> float:
    """Share of ``wanted`` found in ``offered`` (0.0 when nothing is wanted)."""
    return len(wanted & offered) / len(wanted) if wanted else 0.0


def coverage(part: str, whole: str) -> float:
    """Share of the content bigrams of ``part`` that also occur in ``whole`` (0.0 to 1.0).

    Asks whether a short statement (a shortcoming's gist) is taken up somewhere in a longer text,
    whatever else that text says; ``whole`` matches in its own words and with synonyms replaced.
    To test many statements against many texts, compute :func:`content_bigrams` and
    :func:`topical_bigrams` once each and call :func:`covered`.
    """
    return covered(content_bigrams(part), topical_bigrams(whole))


# Rarity weights ----------------------------------------------------------------------------------


class Weights:
    """Inverse document frequency of bigrams over a set of texts (their bigram sets).

    A bigram found in ``n`` of ``N`` texts weighs ln((1+N)/(1+n)) + 1; one found in none of them
    weighs the most. So 法治, which every item of a report contains, counts for little.
    """

    def __init__(self, documents: Iterable[frozenset[str]]) -> None:
        self.counts: Counter[str] = Counter()
        total = 0
        for grams in documents:
            self.counts.update(grams)
            total += 1
        # the weight of every possible count, so a bigram's weight is one lookup, no logarithm
        self.by_count = [math.log((1 + total) / (1 + n)) + 1 for n in range(total + 1)]

    def weight(self, grams: Iterable[str]) -> float:
        """The summed weight of some bigrams."""
        counts, by_count = self.counts, self.by_count
        return sum(by_count[counts[gram]] for gram in grams)

    def dice(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Dice coefficient of two bigram sets (0.0 when both are empty)."""
        whole = self.weight(a) + self.weight(b)
        return 2 * self.weight(a & b) / whole if whole else 0.0

    def coverage(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """The weighted share of the bigrams of ``part`` that ``whole`` contains."""
        total = self.weight(part)
        return self.weight(part & whole) / total if total else 0.0


# Cross-year questions ----------------------------------------------------------------------------


def item_text(node: Node) -> str:
    """Heading and own text of an item, joined by a space (sub-items not included)."""
    heading = getattr(node, "heading", None)
    return " ".join(part for part in (heading, node.text) if part)


@attrs.frozen(kw_only=True)
class Recurrence:
    """A shortcoming of a report that repeats one of the previous report's (``score`` in [0, 1])."""

    previous_pointer: str
    previous: Shortcoming
    pointer: str
    current: Shortcoming
    score: float


def is_cause_heading(node: Node) -> bool:
    """A shortcomings item headed 原因分析 introduces causes; it is not itself a shortcoming."""
    return "原因" in (getattr(node, "heading", None) or "")


def _shortcomings(report: Report) -> list[tuple[str, Shortcoming]]:
    from rol_model.model._classes import Shortcoming, iter_nodes

    return [
        (pointer, node)
        for pointer, node in iter_nodes(report)
        if isinstance(node, Shortcoming) and item_text(node) and not is_cause_heading(node)
    ]


def recurrences(
    previous: Report, report: Report, threshold: float = RECURRING_THRESHOLD
) -> list[Recurrence]:
    """The shortcomings of ``report`` that are ``previous``'s again, in document order.

    Every shortcoming (at any level; items headed 原因分析 introduce causes and are left out) of
    one report is scored against every one of the other by the rarity-weighted Dice coefficient
    of the :func:`content_bigrams` of heading and text, weights taken over the shortcomings of
    both reports. Pairs are taken best first, each shortcoming in at most one pair, while the
    score reaches ``threshold``.
    """
    olds, news = _shortcomings(previous), _shortcomings(report)
    old_grams = [content_bigrams(item_text(node)) for _, node in olds]
    new_grams = [content_bigrams(item_text(node)) for _, node in news]
    weights = Weights([*old_grams, *new_grams])
    scored = sorted(
        (
            (-weights.dice(a, b), i, j)
            for i, a in enumerate(old_grams)
            if a
            for j, b in enumerate(new_grams)
            if b
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    found: list[Recurrence] = []
    for negative, i, j in scored:
        if -negative < threshold:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        found.append(
            Recurrence(
                previous_pointer=olds[i][0],
                previous=olds[i][1],
                pointer=news[j][0],
                current=news[j][1],
                score=-negative,
            )
        )
    order = {pointer: n for n, (pointer, _) in enumerate(news)}
    return sorted(found, key=lambda r: order[r.pointer])


@attrs.frozen(kw_only=True)
class FollowUp:
    """A top-level plan of the previous report and the measures that carry it out.

    ``measures`` holds ``(pointer, measure, score)`` for at most :data:`FOLLOWING_MEASURES`
    measures of the report scoring at least the threshold, best first; empty when none does.
    """

    pointer: str
    plan: Plan
    measures: tuple[tuple[str, Measure, float], ...] = ()


def _subtree_text(node: Node) -> str:
    children: Sequence[Node] = getattr(node, "children", ())
    heading = getattr(node, "heading", None)
    own = "。".join(part for part in (heading, node.text) if part)
    return "".join([own, *("。" + _subtree_text(child) for child in children)])


def follow_up_units(plan: Node) -> list[str]:
    """The sentences of a plan and its sub-plans; sentences too short to be a task join the next."""
    return ["".join(text for text, _ in unit) for unit in _units(plan)]


def _units(plan: Node) -> list[list[tuple[str, str]]]:
    """Sentences of a plan as lists of (piece, normalized piece): each piece normalized once."""
    result: list[list[tuple[str, str]]] = []
    pending: list[tuple[str, str]] = []
    length = 0
    for piece in _SENTENCE_END.split(_subtree_text(plan)):
        clean = normalize(piece)
        pending.append((piece, clean))
        length += len(clean)
        if length >= _SHORTEST_SENTENCE:
            result.append(pending)
            pending, length = [], 0
    if pending and result:
        result[-1].extend(pending)
    elif pending:
        result.append(pending)
    return result


def _plans(report: Report) -> list[tuple[str, Plan]]:
    from rol_model.model._classes import PlansPart

    return [
        (f"/parts/{index}/plans/{position}", plan)
        for index, part in enumerate(report.parts)
        if isinstance(part, PlansPart)
        for position, plan in enumerate(part.plans)
    ]


def follow_ups(
    previous: Report, report: Report, threshold: float = FOLLOW_THROUGH_THRESHOLD
) -> list[FollowUp]:
    """What became of each top-level plan of ``previous`` among the measures of ``report``.

    Each plan (with its sub-plans) is cut into sentences (:func:`follow_up_units`); every measure
    of ``report`` (at any level; its heading and own text) is scored by the rarity-weighted
    coverage of a sentence's bigrams, best sentence counting, weights taken over the measures
    and the plan sentences. So a plan of three tasks may be carried out by two measures, each
    doing a part. Plans come in document order.
    """
    from rol_model.model._classes import Measure, iter_nodes

    measures = [(p, node) for p, node in iter_nodes(report) if isinstance(node, Measure)]
    measure_grams = [bigrams(item_text(node)) for _, node in measures]
    plans = _plans(previous)
    plan_units = [
        [clean_bigrams("".join(clean for _, clean in unit)) for unit in _units(plan)]
        for _, plan in plans
    ]
    weights = Weights([*measure_grams, *(g for units in plan_units for g in units)])
    result: list[FollowUp] = []
    for (pointer, plan), units in zip(plans, plan_units, strict=True):
        totals = [(unit, weights.weight(unit)) for unit in units]
        scored = sorted(
            (
                (
                    max(
                        (weights.weight(unit & grams) / total for unit, total in totals if total),
                        default=0.0,
                    ),
                    n,
                )
                for n, grams in enumerate(measure_grams)
            ),
            key=lambda item: (-item[0], item[1]),
        )
        found = tuple(
            (measures[n][0], measures[n][1], score)
            for score, n in scored[:FOLLOWING_MEASURES]
            if score >= threshold
        )
        result.append(FollowUp(pointer=pointer, plan=plan, measures=found))
    return result
