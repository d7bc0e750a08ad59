"""Find, for each set in a sequence, the first earlier set of Jaccard similarity ≥ t, fast.

Comparing every pair is quadratic: 1,600 items took two minutes in ROL304. This is the classic
*prefix filter* of set-similarity joins (Chaudhuri et al. 2006; Xiao et al., PPJoin, 2008):

- order every token by how rarely it occurs (rarest first, ties by the token);
- if ``J(A, B) >= t``, A's first ``|A| - ceil(t·|A|) + 1`` tokens in that order and B's first
  ``|B| - ceil(t·|B|) + 1`` share a token, so only sets sharing a prefix token are candidates;
- a candidate whose size is outside ``[t·|A|, |A|/t]`` cannot reach ``t`` either.

A token no other set has comes first in that order, so a set with at least as many such tokens
as its prefix is long has a prefix nobody shares: it matches nothing, and nothing matches it.
Most items of a real report are such sets; they are set aside before anything is counted or
sorted (:func:`_own_tokens`, two C-level set updates per set), and the join runs on the rest
with the same order and the same prefixes, so the answer is unchanged.

The answer is exactly the quadratic loop's (the same first earlier match for each set) as long
as no prefix token is shared by more than :data:`MAX_POSTINGS` earlier sets, which is always so
in real reports, whose rare bigrams are rare. Hostile text made of a few words shares every
token; then each token's :data:`MAX_POSTINGS` most recent sets are the candidates (and equal
texts are still always found), which keeps the work linear.

:func:`bigram_codes` gives the tokens ROL304 joins: each character bigram as one integer;
:func:`first_repeated` is ROL304's question, with a one-pass answer for reports that repeat
nothing.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TypeVar

__all__ = ["MAX_POSTINGS", "bigram_codes", "first_repeated", "first_similar"]

#: Most earlier sets one token proposes as candidates (its most recent ones).
MAX_POSTINGS = 8

Token = TypeVar("Token", str, int)

_PAIR = "Q"  # two UTF-32 code units, read as one unsigned 64-bit integer
if array(_PAIR).itemsize != 8:  # pragma: no cover - every platform CPython supports
    raise ImportError("array('Q') is not 64 bits wide on this platform")


def bigram_codes(clean: str) -> frozenset[int]:
    r"""The character bigrams of a :func:`~rol_model.text.normalize`\ d text, each as an integer.

    The bigram ``xy`` is ``ord(x) << 32 | ord(y)``: equal bigrams give equal integers and integers
    order as the bigram strings do, so a join over these sets answers as one over
    :func:`~rol_model.text.clean_bigrams` would (same sizes, same intersections, same order of
    ties). Made from the text's UTF-32 bytes at C speed, with no two-character string per pair.
    """
    return frozenset(_codes(clean))


def _codes(clean: str) -> Iterator[int]:
    count = len(clean) - 1
    if count < 1:
        return iter(())
    data = clean.encode("utf-32-be")
    even = array(_PAIR, data[: (count + 1) // 2 * 8])  # pairs starting at 0, 2, 4 …
    odd = array(_PAIR, data[4 : 4 + count // 2 * 8])  # pairs starting at 1, 3, 5 …
    even.byteswap()  # big-endian pairs read as native integers: x << 32 | y
    odd.byteswap()
    return chain(even, odd)


def first_repeated(texts: Sequence[str], threshold: float) -> list[int | None]:
    r"""For each :func:`~rol_model.text.normalize`\ d text, the first earlier one it repeats:
    :func:`first_similar` over their :func:`bigram_codes`, the texts as keys.

    Most reports repeat nothing, and that shows in one pass: a text with more than
    ``(1 - threshold)`` of its ``len - 1`` bigram places taken by bigrams no earlier text has
    shares less than ``threshold`` with each earlier one (``J(A, B) <= 1 - |A - B| / |A|``). When
    every text is such, no set is built and nothing is sorted.
    """
    if threshold > 0:
        seen: set[int] = set()
        for clean in texts:
            before = len(seen)
            seen.update(_codes(clean))
            fresh, places = len(seen) - before, len(clean) - 1
            # an equal text has nothing fresh; a margin keeps float rounding of the exact test
            # from ever mattering
            if not fresh or fresh <= (1 - threshold + 1e-9) * places:
                break
        else:
            return [None] * len(texts)
    made: dict[str, frozenset[int]] = {}  # one set per text, however often it repeats
    sets = [made.get(clean) or made.setdefault(clean, bigram_codes(clean)) for clean in texts]
    return first_similar(sets, texts, threshold)


def _prefix(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size - 1e-9) + 1


def _own_tokens(sets: Sequence[frozenset[Token]]) -> list[int]:
    """For each set, at least how many of its tokens no other set has.

    ``|A - earlier| + |A - later| - |A|`` never exceeds ``|A - (earlier | later)|``; two passes of
    C-level set updates give it, where exact counts would need a counter of every token.
    """
    fresh: list[int] = []
    seen: set[Token] = set()
    for tokens in sets:
        before = len(seen)
        seen.update(tokens)
        fresh.append(len(seen) - before)
    seen.clear()
    for i in range(len(sets) - 1, -1, -1):
        before = len(seen)
        seen.update(sets[i])
        fresh[i] += len(seen) - before - len(sets[i])
    return fresh


def first_similar(
    sets: Sequence[frozenset[Token]],
    keys: Sequence[str],
    threshold: float,
    *,
    max_postings: int = MAX_POSTINGS,
) -> list[int | None]:
    """For each ``sets[i]``, the smallest ``j < i`` with ``keys[j] == keys[i]`` or Jaccard
    similarity ``>= threshold``, else ``None``. ``keys`` are the texts: equal texts always match
    (and have equal sets). Each token proposes at most ``max_postings`` earlier sets (its most
    recent ones).
    """
    if threshold <= 0:  # every pair matches: the first earlier set is the answer
        return [0 if i else None for i in range(len(sets))]
    # A set with at least a prefix's worth of tokens of its own can neither match nor be matched
    # (equal texts share all their tokens, so they always stay in).
    own = _own_tokens(sets)
    joined = [
        i for i, tokens in enumerate(sets) if own[i] < max(1, _prefix(len(tokens), threshold))
    ]
    result: list[int | None] = [None] * len(sets)
    if not joined:
        return result
    # every token's place in the order (rarest first, ties by the token) as one int, so that each
    # set is ordered by a C-level sort of ints instead of a Python key per token; only the tokens
    # of the joined sets need a place, but their counts are over all the sets
    first_copy: dict[str, int] = {}
    copies: Counter[str] = Counter()
    for i in joined:
        first_copy.setdefault(keys[i], i)
        copies[keys[i]] += 1
    frequency: Counter[Token] = Counter(chain.from_iterable(sets[i] for i in first_copy.values()))
    for key, count in copies.items():
        if count > 1:  # a text n times over: its tokens are in n sets
            frequency.update(dict.fromkeys(sets[first_copy[key]], count - 1))
    if len(joined) < len(sets):
        wanted = frequency.keys()
        left_out = set(range(len(sets))).difference(joined)
        frequency.update(chain.from_iterable(wanted & sets[i] for i in left_out))
    order = sorted(sorted(frequency), key=frequency.__getitem__)
    rank = {token: place for place, token in enumerate(order)}
    index: defaultdict[int, list[int]] = defaultdict(list)
    first_of_key: dict[str, int] = {}
    prefixes: dict[str, list[int]] = {}  # equal texts have equal sets: one prefix per text
    for i in joined:
        tokens, key = sets[i], keys[i]
        found = first_of_key.get(key)
        size = len(tokens)
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = sorted(map(rank.__getitem__, tokens))[
                : _prefix(size, threshold)
            ]
        if found is None:
            candidates = sorted({j for place in prefix for j in index[place][-max_postings:]})
        else:  # a repeated text: only a set before its first copy can still be the answer
            earlier: set[int] = set()
            for place in prefix:
                window = index[place][-max_postings:]  # never empty: the first copy is in it
                if window[0] < found:
                    earlier.update(j for j in window if j < found)
            candidates = sorted(earlier)
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
        result[i] = found
        first_of_key.setdefault(key, i)
        for place in prefix:
            index[place].append(i)
    return result
