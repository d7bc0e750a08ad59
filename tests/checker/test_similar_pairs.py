"""Work that grew with the square of the items is now near-linear, with the same answers.

``rol_model.checker._similar_pairs.first_similar`` (ROL304's join) must give exactly what
comparing every pair gives. Time is measured by benchmarks/worst_case.py, never asserted here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rol_model.checker._similar_pairs import first_similar


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
