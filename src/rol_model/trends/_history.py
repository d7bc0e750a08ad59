"""Across two consecutive reports of one body: recurring shortcomings and followed-up plans.

Is a shortcoming last year's problem again (:func:`recurrences`), and which measures carry out
last year's plans (:func:`follow_ups`)? ``rol check --previous`` (ROL401, ROL402) and
:func:`rol_model.compare` (``rol trend``) both call these two functions, so they always give the
same answer for the same pair. Bigrams are weighted by rarity (inverse document frequency over
the items of the pair, :class:`~rol_model.text.Weights`), so the words every report uses (法治,
依法, 建设) do not make unrelated items look alike.

The thresholds :data:`RECURRING_THRESHOLD` and :data:`FOLLOW_THROUGH_THRESHOLD` were measured on
the Wusu 2023/2024 pair and on every pair of distinct bodies of the project corpus (see
``docs/check.md`` and ``benchmarks/cross_year.py``).
"""

from __future__ import annotations

import re

import attrs

from rol_model.model import (
    Measure,
    Node,
    Plan,
    Report,
    Shortcoming,
    children,
    iter_nodes,
    node_text,
    walk,
)
from rol_model.text import (
    Weights,
    bigrams,
    clean_bigrams,
    content_bigrams,
    normalize,
)

__all__ = [
    "FOLLOWING_MEASURES",
    "FOLLOW_THROUGH_THRESHOLD",
    "RECURRING_THRESHOLD",
    "FollowUp",
    "Recurrence",
    "follow_up_units",
    "follow_ups",
    "is_cause_heading",
    "item_text",
    "recurrences",
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


def item_text(node: Node) -> str:
    """Heading and own text of an item, joined by a space (sub-items not included)."""
    return node_text(node)


# Sentences shorter than this (letters and digits) join the next: a bare heading is no task.
_SHORTEST_SENTENCE = 12
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")


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
    own = node_text(node, "。")
    return "".join([own, *("。" + _subtree_text(child) for child in children(node))])


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
    """The top-level plans, with their pointers, in document order."""
    return [
        (visit.pointer, visit.node)
        for visit in walk(report)
        if visit.depth == 1 and isinstance(visit.node, Plan)
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
