"""Work that grew with the square of the items is now near-linear, with the same answers.

``rol_model.checker._similar_pairs.first_similar`` (ROL304's join) must give exactly what
comparing every pair gives. Time is measured by benchmarks/worst_case.py, never asserted here.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from rol_model.checker._similar_pairs import (
    MAX_POSTINGS,
    bigram_codes,
    first_repeated,
    first_similar,
)
from rol_model.text import clean_bigrams


def _brute(sets: list[frozenset[str]], keys: list[str], threshold: float) -> list[int | None]:
    result: list[int | None] = []
    for i, tokens in enumerate(sets):
        found = None
        for j in range(i):
            other = sets[j]
            union = len(tokens | other)
            if keys[i] == keys[j] or (union and len(tokens & other) / union >= threshold):
                found = j
                break
        result.append(found)
    return result


TOKENS = st.sampled_from([chr(0x4E00 + i) + chr(0x4E00 + k) for i in range(4) for k in range(4)])
SETS = st.lists(st.frozensets(TOKENS, min_size=1, max_size=10), max_size=25)


@settings(max_examples=300, deadline=None)
@given(sets=SETS, threshold=st.sampled_from([0.1, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0]))
def test_the_prefix_filtered_join_matches_every_pair_compared(
    sets: list[frozenset[str]], threshold: float
) -> None:
    keys = ["".join(sorted(s)) + str(len(s) % 2) for s in sets]
    assert first_similar(sets, keys, threshold, max_postings=10**9) == _brute(sets, keys, threshold)


@settings(max_examples=200, deadline=None)
@given(sets=SETS, threshold=st.sampled_from([0.5, 0.9]))
def test_the_capped_join_finds_only_real_repeats_and_every_equal_text(
    sets: list[frozenset[str]], threshold: float
) -> None:
    keys = ["".join(sorted(s)) for s in sets]
    for i, match in enumerate(first_similar(sets, keys, threshold, max_postings=2)):
        if match is not None:
            assert match < i
            common = len(sets[i] & sets[match])
            assert keys[i] == keys[match] or common / len(sets[i] | sets[match]) >= threshold
        else:
            assert keys[i] not in keys[:i]


def _reference(
    sets: list[frozenset[str]], keys: list[str], threshold: float, max_postings: int
) -> list[int | None]:
    """The join as it was before the speed-ups (rank ints, own-token screening, one prefix per
    text): the capped answers must not move either."""
    if threshold <= 0:
        return [0 if i else None for i in range(len(sets))]
    frequency: Counter[str] = Counter(token for tokens in sets for token in tokens)
    index: defaultdict[str, list[int]] = defaultdict(list)
    first_of_key: dict[str, int] = {}
    result: list[int | None] = []
    for i, tokens in enumerate(sets):
        found = first_of_key.get(keys[i])
        size = len(tokens)
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefix = ordered[: size - math.ceil(threshold * size - 1e-9) + 1] if size else []
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


# few characters, so that texts repeat, nearly repeat and share tokens beyond the caps
TEXTS = st.lists(st.text(alphabet="法治政府建设执法", min_size=0, max_size=14), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    texts=TEXTS,
    threshold=st.sampled_from([0.3, 0.5, 0.7, 0.9, 1.0, 1.2]),
    max_postings=st.sampled_from([1, 2, 8]),
)
def test_the_join_gives_the_answers_it_gave_before_even_where_the_caps_bind(
    texts: list[str], threshold: float, max_postings: int
) -> None:
    sets = [clean_bigrams(text) for text in texts]
    expected = _reference(sets, texts, threshold, max_postings)
    assert first_similar(sets, texts, threshold, max_postings=max_postings) == expected
    codes = [bigram_codes(text) for text in texts]
    assert first_similar(codes, texts, threshold, max_postings=max_postings) == expected


@settings(max_examples=300, deadline=None)
@given(texts=TEXTS, threshold=st.sampled_from([0.3, 0.5, 0.7, 0.9, 1.0, 1.2]))
def test_first_repeated_is_the_join_over_bigram_codes(texts: list[str], threshold: float) -> None:
    expected = _reference([clean_bigrams(text) for text in texts], texts, threshold, MAX_POSTINGS)
    assert first_repeated(texts, threshold) == expected


@given(first=st.text(max_size=30), second=st.text(max_size=30))
def test_bigram_codes_are_the_bigrams_one_to_one_and_in_their_order(
    first: str, second: str
) -> None:
    a, b = clean_bigrams(first), clean_bigrams(second)
    codes_a, codes_b = bigram_codes(first), bigram_codes(second)
    assert len(codes_a) == len(a)
    assert len(codes_a & codes_b) == len(a & b)
    assert sorted(codes_a) == [ord(pair[0]) << 32 | ord(pair[1]) for pair in sorted(a)]


def test_texts_that_share_too_little_are_answered_in_one_pass() -> None:
    texts = ["法治政府建设年度报告" * 3, "行政执法案卷评查整改到位" * 2, "公共法律服务网点覆盖"]
    assert first_repeated(texts, 0.9) == [None, None, None]
    assert first_repeated([*texts, texts[1]], 0.9) == [None, None, None, 1]
