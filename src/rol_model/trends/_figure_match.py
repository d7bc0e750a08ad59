"""Matching one figure across years by meaning, not only by an identical label.

The same figure is often labelled differently from one year to the next: the importer reads
``聘请率`` where last year's hand-written report says ``学校法治副校长聘请率``, a sentence gains a
word (``隐形变异形式违规变形培训专项检查`` for ``违规变形培训专项检查``). Exact labels first make
series; then two series that never state a figure in the same year are joined when they are the
same figure by meaning. Their **match score**, in [0, 1], is

    score = unit × (0.55 × label + 0.30 × place + 0.15 × phrase)

- ``unit``: 1 for the same unit, 0.9 for units of one family (人/名/位, 件/宗/起, 次/场/期/轮),
  0 otherwise (the figures do not compare);
- ``label``: the larger of the labels' bigram Dice coefficient and, when one label contains the
  other, 0.5 + 0.5 × (shorter / longer) length;
- ``place``: the place in the outline: the same part kind is required (a plan's target never
  joins a measure's result), and the score is the bigram Dice of the headings (or first clause)
  of the items that state the figures;
- ``phrase``: the bigram Dice of the verbatim phrases with the digits removed (专题活动达300余次
  and 专题活动达320余次 are the same phrase).

Series are joined greedily, best score first, while the score reaches :data:`MATCH_THRESHOLD`;
each joined point keeps its own label and its score (``TrendPoint.match_score``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from rol_model.model import Indicator, Report, walk_part
from rol_model.text import dice, fingerprint, normalize

__all__ = ["MATCH_THRESHOLD", "Located", "locate_figures", "match_score", "unit_factor"]

#: The least score at which two series of figures are one figure.
MATCH_THRESHOLD = 0.5

_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"人", "名", "位"}),
    frozenset({"件", "宗", "起"}),
    frozenset({"次", "场", "期", "轮"}),
)
_DIGITS = re.compile(r"[0-9０-９.,，．万亿千百十余多约近]+")
_CLAUSE = re.compile(r"[，。；：,;:]")


@attrs.frozen(kw_only=True)
class Located:
    """A figure with where it stands: the part kind and the heading of the item stating it."""

    indicator: Indicator
    part: str
    place: str


def locate_figures(report: Report) -> list[Located]:
    """Every figure of ``report`` with its part kind and its item's heading (or first clause).

    In the order of :func:`~rol_model.iter_indicators`: the preamble's, then each part's own
    figures and those of its items (walked with :func:`~rol_model.model.walk_part`).
    """
    preamble = report.preamble.indicators if report.preamble is not None else ()
    result = [Located(indicator=figure, part="preamble", place="preamble") for figure in preamble]
    for index, part in enumerate(report.parts):
        place = part.heading or part.kind
        result.extend(
            Located(indicator=figure, part=part.kind, place=place) for figure in part.indicators
        )
        for visit in walk_part(index, part):
            node = visit.node
            place = getattr(node, "heading", None) or _CLAUSE.split(node.text or "", 1)[0]
            result.extend(
                Located(indicator=figure, part=part.kind, place=place) for figure in node.indicators
            )
    return result


def unit_factor(first: str, second: str) -> float:
    """1 for one unit, 0.9 for units of one family, 0 for units that do not compare."""
    if first == second:
        return 1.0
    if any(first in family and second in family for family in _FAMILIES):
        return 0.9
    return 0.0


def _label(first: str, second: str) -> float:
    a, b = normalize(first), normalize(second)
    score = dice(fingerprint(a), fingerprint(b))
    short, long = sorted((a, b), key=len)
    if short and short in long:
        score = max(score, 0.5 + 0.5 * len(short) / len(long))
    return score


def match_score(first: Located, second: Located) -> float:
    """How surely two figures (of different years) are the same figure, in [0, 1]."""
    unit = unit_factor(first.indicator.unit, second.indicator.unit)
    if unit == 0.0 or first.part != second.part:
        return 0.0
    label = _label(first.indicator.label, second.indicator.label)
    place = dice(fingerprint(first.place), fingerprint(second.place))
    phrase = dice(
        fingerprint(_DIGITS.sub("", first.indicator.source)),
        fingerprint(_DIGITS.sub("", second.indicator.source)),
    )
    return unit * (0.55 * label + 0.30 * place + 0.15 * phrase)


def join_series(
    series: Sequence[Mapping[int, Located]], threshold: float = MATCH_THRESHOLD
) -> list[tuple[list[int], dict[int, float]]]:
    """Groups of series (indices into ``series``) that are one figure, with per-year scores.

    ``series`` maps year → figure for each exact-label series. Two groups join when no year has
    a figure in both and the best score between a figure of one and a figure of the other
    reaches ``threshold``; every year of a joined group records the lowest score of the joins
    that made it. A series joined to none records no score.
    """
    groups: list[tuple[list[int], dict[int, float]]] = [([i], {}) for i in range(len(series))]
    members: list[dict[int, Located]] = [dict(s) for s in series]
    candidates = []
    for i in range(len(series)):
        for j in range(i + 1, len(series)):
            if set(series[i]) & set(series[j]):
                continue
            best = max(
                (match_score(a, b) for a in series[i].values() for b in series[j].values()),
                default=0.0,
            )
            if best >= threshold:
                candidates.append((best, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    owner = list(range(len(series)))

    def find(i: int) -> int:
        while owner[i] != i:
            i = owner[i]
        return i

    for score, i, j in candidates:
        a, b = find(i), find(j)
        if a == b or set(members[a]) & set(members[b]):
            continue
        # the group with more years is the series; the other's years are matched into it
        keep, join = (a, b) if len(members[a]) >= len(members[b]) else (b, a)
        owner[join] = keep
        members[keep].update(members[join])
        groups[keep][0].extend(groups[join][0])
        earlier = {**groups[keep][1], **groups[join][1]}
        groups[keep][1].update(
            {year: min(round(score, 2), earlier.get(year, 1.0)) for year in members[keep]}
        )
        groups[join] = ([], {})
    return [group for group in groups if group[0]]
