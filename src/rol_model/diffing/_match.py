"""Pairing the items of two versions of a report (the text similarity is ``_similarity``'s).

Elements are model objects or their JSON form, read through ``_view``, so the structured diff
and the JSON Patch pair items in exactly the same way, whichever form they are given.

The matching rule, for one list of siblings (the measures of a part, the children of an item,
the indicators of an item, the parts of a report), in this order:

1. **Same content.** Items whose content is equal once ids, markers, line numbers and indicator
   ids are set aside are paired first (those with the same id before the others, then in
   document order). Renumbered positional ids (``m3``
   becoming ``m4`` after an insertion above) never break a pair, and an insertion at the top
   shows as one added item.
2. **Same label.** Indicators with the same label and unit, unique on each side, are paired.
3. **Similar content.** Every remaining pair is scored by :func:`similarity` (bigram Dice) of
   its whole text (heading, text and the text of all descendants), plus :data:`ID_BONUS` when
   both carry the same id; pairs scoring at least :data:`SIMILARITY_THRESHOLD` are taken
   greedily, best first.
4. **Same id.** Items still unpaired that share an id are paired: the id says they are one
   item, rewritten. An id that only counts positions (``m3``, ``p2``, ``m1.2-i1``) is weak
   evidence, so such a pair also needs a similarity of at least :data:`POSITIONAL_ID_FLOOR`;
   a chosen id (``m-training``) pairs whatever the content.

Everything left over is added or removed.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from rol_model.diffing._view import content_key, get, has, is_object, items
from rol_model.text import Fingerprint, dice, fingerprint, normalize, similarity

__all__ = [
    "ID_BONUS",
    "POSITIONAL_ID_FLOOR",
    "SIMILARITY_THRESHOLD",
    "Pair",
    "align",
    "content_text",
    "longest_increasing",
    "normalize",
    "similarity",
]

#: Two items are the same item, reworded, when their text similarity reaches this value.
SIMILARITY_THRESHOLD = 0.5
#: Added to the similarity of two items that carry the same id.
ID_BONUS = 0.15
#: Two items sharing a positional id (m3, p2) pair only from this similarity on; unrelated
#: items of one real report score below 0.23.
POSITIONAL_ID_FLOOR = 0.25
#: Score every pair outright up to this many (50 × 50 unpaired items, far more than a real
#: report has in one list); above it, only pairs that share a rare bigram.
EXHAUSTIVE_PAIRS = 2_500
#: Up to this many candidate pairs (400 × 400 unpaired items) the prefix filter finds every
#: pair that can reach the threshold; above it, an item is compared only with the unpaired
#: items within :data:`SIMILARITY_WINDOW` places of its relative position, so a diff of
#: hostile reports (thousands of items of near-identical text) stays linear in their size.
FILTERED_PAIRS = 160_000
#: How far (in unpaired items) an item may have moved to be paired by similarity in the
#: windowed mode above :data:`FILTERED_PAIRS`.
SIMILARITY_WINDOW = 16

_POSITIONAL_ID = re.compile(r".*?\d+(?:\.\d+)*(?:-i\d+)?")
_NODE_LISTS = ("measures", "shortcomings", "causes", "plans", "items", "children")


@attrs.frozen
class Pair:
    """Item ``old`` of the old list is item ``new`` of the new list; ``similarity`` in [0, 1]."""

    old: int
    new: int
    similarity: float


def content_text(node: Any) -> str:
    """All the words of an item: its heading, its text and those of its descendants."""
    if not is_object(node):
        return "" if node is None else str(node)
    if has(node, "label"):  # an indicator
        pieces = [str(get(node, "label") or ""), str(get(node, "unit") or "")]
        pieces.append(str(get(node, "source")))
    else:
        pieces = [str(get(node, key) or "") for key in ("heading", "text")]
    for key in _NODE_LISTS:
        pieces.extend(content_text(child) for child in items(node, key))
    return "".join(pieces)


def longest_increasing(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values`` (patience sort)."""
    tails: list[int] = []  # positions, by length of the subsequence they end
    previous: list[int] = [-1] * len(values)
    for position, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        previous[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    result: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        result.add(position)
        position = previous[position]
    return result


class _Aligner:
    def __init__(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        *,
        ident: Callable[[Any], Hashable],
        label: Callable[[Any], Hashable] | None,
        same_id_only: bool,
        key: Callable[[Any], Hashable],
    ) -> None:
        self.old, self.new = old, new
        self.key = key
        self.same_id_only = same_id_only
        self.ident, self.label = ident, label
        self.free_old = set(range(len(old)))
        self.free_new = set(range(len(new)))
        self.pairs: list[Pair] = []
        self.prints: dict[tuple[int, int], Fingerprint] = {}

    def take(self, i: int, j: int, score: float) -> None:
        self.free_old.discard(i)
        self.free_new.discard(j)
        self.pairs.append(Pair(i, j, score))

    def fingerprint(self, side: int, index: int) -> Fingerprint:
        key = (side, index)
        if key not in self.prints:
            node = (self.old, self.new)[side][index]
            self.prints[key] = fingerprint(content_text(node))
        return self.prints[key]

    def by_content(self) -> None:
        old_keys = [self.key(node) for node in self.old]
        new_keys = [self.key(node) for node in self.new]
        # equal content and equal id first, so repeated texts pair with their own item
        same: dict[tuple[Hashable, Hashable], list[int]] = defaultdict(list)
        for j in reversed(range(len(self.new))):
            same[new_keys[j], self.ident(self.new[j])].append(j)
        for i in range(len(self.old)):
            found = same.get((old_keys[i], self.ident(self.old[i])))
            if found:
                self.take(i, found.pop(), 1.0)
        waiting: dict[Hashable, list[int]] = defaultdict(list)
        for j in sorted(self.free_new, reverse=True):
            waiting[new_keys[j]].append(j)
        for i in sorted(self.free_old):
            found = waiting.get(old_keys[i])
            if found:
                self.take(i, found.pop(), 1.0)

    def by_label(self) -> None:
        if self.label is None:
            return
        olds = _unique_by(self.label, self.old, self.free_old)
        news = _unique_by(self.label, self.new, self.free_new)
        for key in sorted(set(olds) & set(news), key=lambda k: olds[k]):
            i, j = olds[key], news[key]
            self.take(i, j, dice(self.fingerprint(0, i), self.fingerprint(1, j)))

    def candidates(self) -> Iterable[tuple[int, int]]:
        olds, news = sorted(self.free_old), sorted(self.free_new)
        if len(olds) * len(news) <= EXHAUSTIVE_PAIRS:
            return ((i, j) for i in olds for j in news)
        if len(olds) * len(news) > FILTERED_PAIRS:
            return _windowed(olds, news)
        return self.filtered(olds, news)

    def filtered(self, olds: list[int], news: list[int]) -> list[tuple[int, int]]:
        """Pairs that can reach the threshold, found as PPJoin does (Xiao et al., 2008).

        Dice ≥ t needs ⌈t(|x|+|y|)/2⌉ shared bigrams, at least ⌈J·|x|⌉ with J = t/(2−t).
        With bigrams ordered rarest first, two such sets share one among the first
        |x| − ⌈J·|x|⌉ + 1 of each (prefix filter); shared bigrams come in the same order in
        both, so a pair whose count so far plus what remains after the current positions
        falls short is dropped (positional filter). Exact: no qualifying pair is missed.
        """
        frequency: Counter[str] = Counter()
        for side, positions in ((0, olds), (1, news)):
            for position in positions:
                frequency.update(self.fingerprint(side, position).grams)
        jaccard = SIMILARITY_THRESHOLD / (2 - SIMILARITY_THRESHOLD)

        def ordered(side: int, position: int) -> tuple[list[str], int]:
            found = self.fingerprint(side, position)
            if not found.grams:  # a one-character text is similar only to itself
                return ["\0" + found.text], 1
            grams = sorted(found.grams, key=lambda gram: (frequency[gram], gram))
            return grams, len(grams) - math.ceil(jaccard * len(grams) - 1e-9) + 1

        index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for i in olds:
            grams, length = ordered(0, i)
            for at, gram in enumerate(grams[:length]):
                index[gram].append((i, at, len(grams)))
        found: list[tuple[int, int]] = []
        for j in news:
            grams, length = ordered(1, j)
            size = len(grams)
            shared: dict[int, int] = {}
            dropped: set[int] = set()
            for at, gram in enumerate(grams[:length]):
                for i, other_at, other_size in index.get(gram, ()):
                    if i in dropped:
                        continue
                    need = math.ceil(SIMILARITY_THRESHOLD * (size + other_size) / 2 - 1e-9)
                    count = shared.get(i, 0) + 1
                    if count + min(size - at - 1, other_size - other_at - 1) >= need:
                        shared[i] = count
                    else:
                        dropped.add(i)
                        shared.pop(i, None)
            found.extend((i, j) for i in shared)
        return sorted(found)

    def by_similarity(self) -> None:
        scored: list[tuple[float, int, int, int, float]] = []
        n_old, n_new = max(len(self.old), 1), max(len(self.new), 1)
        for i, j in self.candidates():
            same_id = self.ident(self.old[i]) == self.ident(self.new[j])
            if self.same_id_only and not same_id:
                continue
            sim = dice(self.fingerprint(0, i), self.fingerprint(1, j), SIMILARITY_THRESHOLD)
            if sim < SIMILARITY_THRESHOLD:
                continue
            score = sim + (ID_BONUS if same_id else 0.0)
            # ties go to the pair whose relative positions are closest
            distance = round(abs(i / n_old - j / n_new) * 1_000_000)
            scored.append((-score, distance, i, j, sim))
        heapq.heapify(scored)
        while scored:
            _, _, i, j, sim = heapq.heappop(scored)
            if i in self.free_old and j in self.free_new:
                self.take(i, j, sim)

    def by_id(self) -> None:
        waiting: dict[Hashable, list[int]] = defaultdict(list)
        for j in sorted(self.free_new, reverse=True):
            waiting[self.ident(self.new[j])].append(j)
        for i in sorted(self.free_old):
            found = waiting.get(self.ident(self.old[i]))
            if not found:
                continue
            if self.same_id_only and not _positional_id(self.ident(self.old[i])):
                self.take(i, found.pop(), 0.0)  # parts of one kind: unscored, texts are long
                continue
            sim = dice(self.fingerprint(0, i), self.fingerprint(1, found[-1]))
            if sim >= POSITIONAL_ID_FLOOR or not _positional_id(self.ident(self.old[i])):
                self.take(i, found.pop(), sim)


def _windowed(olds: list[int], news: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs whose relative positions are within :data:`SIMILARITY_WINDOW` items of each other.

    Used beyond :data:`FILTERED_PAIRS`: the prefix filter is exact but visits every item sharing
    a common bigram, quadratic on text of few distinct words; items of one list seldom move far.
    """
    if not olds or not news:
        return
    scale = len(olds) / len(news)
    for rank, j in enumerate(news):
        centre = round(rank * scale)
        for i in olds[max(0, centre - SIMILARITY_WINDOW) : centre + SIMILARITY_WINDOW + 1]:
            yield i, j


def _unique_by(
    key: Callable[[Any], Hashable], items: Sequence[Any], free: set[int]
) -> dict[Hashable, int]:
    seen: dict[Hashable, int] = {}
    clashes: set[Hashable] = set()
    for index in sorted(free):
        k = key(items[index])
        if k in seen:
            clashes.add(k)
        seen[k] = index
    return {k: v for k, v in seen.items() if k not in clashes}


def _positional_id(ident: Hashable) -> bool:
    return isinstance(ident, str) and _POSITIONAL_ID.fullmatch(ident) is not None


def _id_of(node: Any) -> Hashable:
    ident: Hashable = get(node, "id")  # None for a value that is no object
    return ident


def align(
    old: Sequence[Any],
    new: Sequence[Any],
    *,
    ident: Callable[[Any], Hashable] = _id_of,
    label: Callable[[Any], Hashable] | None = None,
    by_similarity: bool = True,
    same_id_only: bool = False,
    key: Callable[[Any], Hashable] = content_key,
) -> list[Pair]:
    """Pair the elements of two lists by the module's matching rule; sorted by ``new``.

    ``ident`` gives an element's id (pairs of parts use the part kind), ``label`` an optional
    key for the same-label step. With ``by_similarity=False`` only equal content and equal ids
    pair elements (used for lists of plain strings and values); with ``same_id_only=True``
    only elements with equal ``ident`` pair at all (parts pair only with parts of their kind).
    """
    aligner = _Aligner(old, new, ident=ident, label=label, same_id_only=same_id_only, key=key)
    aligner.by_content()
    aligner.by_label()
    if by_similarity:
        aligner.by_similarity()
    aligner.by_id()
    return sorted(aligner.pairs, key=lambda pair: pair.new)
