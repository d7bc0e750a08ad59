"""Find, for each set in a sequence, the first earlier set of Jaccard similarity ≥ t, fast.

Comparing every pair is quadratic: 1,600 items took two minutes in ROL304. This is the classic
*prefix filter* of set-similarity joins (Chaudhuri et al. 2006; Xiao et al., PPJoin, 2008):

- order every token by how rarely it occurs (rarest first, ties by the token);
- if ``J(A, B) >= t``, A's first ``|A| - ceil(t·|A|) + 1`` tokens in that order and B's first
  ``|B| - ceil(t·|B|) + 1`` share a token, so only sets sharing a prefix token are candidates;
- a candidate whose size is outside ``[t·|A|, |A|/t]`` cannot reach ``t`` either.

The answer is exactly the quadratic loop's (the same first earlier match for each set) as long
as no prefix token is shared by more than :data:`MAX_POSTINGS` earlier sets, which is always so
in real reports, whose rare bigrams are rare. Hostile text made of a few words shares every
token; then each token's :data:`MAX_POSTINGS` most recent sets are the candidates (and equal
texts are still always found), which keeps the work linear.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

__all__ = ["MAX_POSTINGS", "first_similar"]

#: Most earlier sets one token proposes as candidates (its most recent ones).
MAX_POSTINGS = 8


def _prefix(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size - 1e-9) + 1


def first_similar(
    sets: Sequence[frozenset[str]],
    keys: Sequence[str],
    threshold: float,
    *,
    max_postings: int = MAX_POSTINGS,
) -> list[int | None]:
    """For each ``sets[i]``, the smallest ``j < i`` with ``keys[j] == keys[i]`` or Jaccard
    similarity ``>= threshold``, else ``None``. ``keys`` are the texts: equal texts always match.
    Each token proposes at most ``max_postings`` earlier sets (its most recent ones).
    """
    if threshold <= 0:  # every pair matches: the first earlier set is the answer
        return [0 if i else None for i in range(len(sets))]
    frequency: Counter[str] = Counter(token for tokens in sets for token in tokens)
    index: defaultdict[str, list[int]] = defaultdict(list)
    first_of_key: dict[str, int] = {}
    result: list[int | None] = []
    for i, tokens in enumerate(sets):
        found = first_of_key.get(keys[i])
        size = len(tokens)
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefix = ordered[: _prefix(size, threshold)] if size else []
        if size:
            candidates = sorted({j for token in prefix for j in index[token][-max_postings:]})
            low, high = threshold * size, size / threshold
            for j in candidates:
                if found is not None and j >= found:
                    break
                other = sets[j]
                if not low <= len(other) <= high:
                    continue
                common = len(tokens & other)
                if common / (size + len(other) - common) >= threshold:
                    found = j
                    break
        result.append(found)
        first_of_key.setdefault(keys[i], i)
        for token in prefix:
            index[token].append(i)
    return result
