"""Shortcomings across a jurisdiction grouped by what they say: rarity-weighted bigram clustering.

Each shortcoming's text (heading and text, NFKC, whitespace and punctuation dropped) becomes its
set of character bigrams (Chinese has no spaces; a shared two-character sequence is usually a
shared word). A bigram's weight is its rarity over all the shortcomings of the survey,
``log((N + 20) / (df + 1))`` (the 20 keeps small surveys from over-weighting), so the words
every report uses (存在, 不足, 法治, 加强) weigh little. Items are taken in input order; each
joins the existing cluster whose first item (its *leader*) it resembles most, by weighted Dice
coefficient at least :data:`CLUSTER_THRESHOLD`, or starts a new one. The result depends on the
input order only, and candidate leaders come from an inverted index, so the cost stays
near-linear.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

__all__ = ["CLUSTER_THRESHOLD", "bigram_set", "cluster_texts"]

#: An item joins a cluster from this rarity-weighted Dice similarity to its leader on.
CLUSTER_THRESHOLD = 0.35
#: Smoothing of the rarity weights: as if every survey had 20 more unrelated items.
_PRIOR = 20
#: An item looks for candidate leaders through this many of its rarest bigrams …
_PROBES = 12
#: … and scores at most this many of them (those sharing most of the probes).
_CANDIDATES = 40


def bigram_set(normalized: str) -> frozenset[str]:
    """The set of character bigrams of normalised text (a single character: itself)."""
    if len(normalized) < 2:
        return frozenset([normalized]) if normalized else frozenset()
    return frozenset(normalized[i : i + 2] for i in range(len(normalized) - 1))


def cluster_texts(
    normalized: Sequence[str], *, threshold: float = CLUSTER_THRESHOLD
) -> list[list[int]]:
    """Clusters of indexes into ``normalized`` texts, each led by its first (lowest) index."""
    sets = [bigram_set(text) for text in normalized]
    total = len(sets)
    frequency: Counter[str] = Counter()
    for bigrams in sets:
        frequency.update(bigrams)
    weight = {gram: math.log((total + _PRIOR) / (count + 1)) for gram, count in frequency.items()}
    leaders: list[int] = []
    members: dict[int, list[int]] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for item, bigrams in enumerate(sets):
        if not bigrams:
            continue
        # Candidate leaders share one of the item's rarest bigrams (which carry most weight);
        # the most-sharing ones are scored. Posting lists of rare bigrams are short: the cost
        # stays near-linear however many items there are.
        rarest = sorted(bigrams, key=lambda gram: (frequency[gram], gram))[:_PROBES]
        shared: Counter[int] = Counter()
        for gram in rarest:
            shared.update(index[gram])
        candidates = sorted(shared, key=lambda leader: (-shared[leader], leader))[:_CANDIDATES]
        best, best_score = -1, 0.0
        for leader in sorted(candidates):  # lowest index first: ties go to the oldest
            other = sets[leader]
            size = sum(weight[g] for g in bigrams) + sum(weight[g] for g in other)
            score = 2 * sum(weight[g] for g in bigrams & other) / size if size else 0.0
            if score > best_score:
                best, best_score = leader, score
        if best >= 0 and best_score >= threshold:
            members[best].append(item)
            continue
        leaders.append(item)
        members[item] = [item]
        for gram in bigrams:
            index[gram].append(item)
    return [members[leader] for leader in leaders]
