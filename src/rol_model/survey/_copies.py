"""Copy detection: near-duplicate paragraphs across reports, MinHash/LSH over character shingles.

The method (documented with its measurements in ``docs/survey.md``):

1. **Paragraphs.** Every text of a report is one paragraph: the preamble, a part's own text and
   every item's text (:func:`paragraphs`), named by the JSON Pointer of its ``text`` field.
2. **Normalisation.** NFKC (full-width folding), then long quotations are cut out (text inside
   “…”, 《…》, 「…」 of at least :data:`QUOTATION_LENGTH` characters: citations of central documents
   that every body may quote verbatim), then whitespace, punctuation and symbols are dropped.
   Paragraphs shorter than :data:`MIN_CHARACTERS` after this are not compared (standard phrases
   such as 加强组织领导 are short).
3. **Shingles.** The set of overlapping character :data:`SHINGLE`-grams.
4. **MinHash/LSH.** A :data:`NUM_PERM`-permutation MinHash signature of each shingle set
   (``datasketch``, fixed seed, so the signatures are the same on every machine and in Spark),
   cut into :data:`BANDS` bands of :data:`ROWS` rows; two paragraphs that agree on a whole band
   are candidates. Cost grows with the number of paragraphs, not with its square.
5. **Verification.** Every candidate pair gets the exact Jaccard index of its shingle sets; the
   pair is a near-duplicate from :data:`THRESHOLD` on. LSH only proposes, so there are no false
   positives above the threshold; with 32 bands of 4 rows a pair of Jaccard 0.6 is proposed
   with probability 0.988, one of 0.7 with 0.9998.
6. **Boilerplate.** A paragraph whose near-duplicates (itself included) come from at least
   ``boilerplate_bodies`` different bodies is boilerplate (standard phrases everybody writes), and
   none of its pairs count as copying. So is every paragraph of an LSH bucket holding more than
   :data:`MAX_BUCKET` distinct texts from that many bodies: such a bucket is not expanded into
   pairs, which keeps the cost near-linear when a standard paragraph is written by thousands.
7. **Copies.** A near-duplicate pair is a copy when both paragraphs are not boilerplate and they
   belong to two different bodies' reports of the same year, or to one body's reports of two
   consecutive years.

The Spark job (:mod:`rol_model.survey.spark`) calls the same :func:`signature`, :func:`band_keys`
and :func:`jaccard`, so it finds the same pairs.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs

from rol_model.exceptions import require_extra
from rol_model.model import Report, iter_nodes

__all__ = [
    "BANDS",
    "MAX_BUCKET",
    "MIN_CHARACTERS",
    "NUM_PERM",
    "QUOTATION_LENGTH",
    "ROWS",
    "SEED",
    "SHINGLE",
    "THRESHOLD",
    "Pair",
    "Paragraph",
    "band_keys",
    "candidate_pairs",
    "jaccard",
    "near_duplicates",
    "normalize",
    "paragraphs",
    "shingles",
    "signature",
]

#: Characters per shingle. Four Chinese characters are about two words: short enough that a
#: reworded character breaks few shingles, long enough that unrelated text shares few.
SHINGLE = 4
#: Paragraphs shorter than this (normalised characters) are not compared.
MIN_CHARACTERS = 30
#: A quotation (“…”, 《…》, 「…」) at least this long is a citation and is not compared.
QUOTATION_LENGTH = 10
#: MinHash permutations, and their split into LSH bands of rows (BANDS * ROWS == NUM_PERM).
NUM_PERM = 128
BANDS = 32
ROWS = 4
#: The MinHash seed: fixed, so that signatures are reproducible across runs and engines.
SEED = 20190415
#: Two paragraphs are near-duplicates from this Jaccard index of their shingle sets on.
THRESHOLD = 0.6
#: An LSH bucket with more distinct texts than this, written by enough bodies to be boilerplate,
#: is boilerplate as a whole: its pairs are not enumerated (a standard paragraph written by
#: every body of a province would otherwise cost the square of their number).
MAX_BUCKET = 200

_QUOTATION = re.compile(
    "“[^“”]{%d,}”|《[^《》]{%d,}》|「[^「」]{%d,}」" % ((QUOTATION_LENGTH,) * 3)  # noqa: UP031
)


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of one report: where it is and its text (as written)."""

    report: int
    pointer: str
    text: str


@attrs.frozen(kw_only=True)
class Pair:
    """Two near-duplicate paragraphs (indexes into the paragraph list, ``first < second``)."""

    first: int
    second: int
    similarity: float


def paragraphs(report: Report) -> Iterator[tuple[str, str]]:
    """``(pointer, text)`` of every non-empty text of the report, in document order.

    The pointer names the ``text`` field: ``/preamble/text``, ``/parts/0/text``,
    ``/parts/0/measures/2/children/0/text`` …
    """
    if report.preamble is not None and report.preamble.text.strip():
        yield "/preamble/text", report.preamble.text
    nodes: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pointer, node in iter_nodes(report):
        if node.text and node.text.strip():
            nodes[int(pointer.split("/")[2])].append((f"{pointer}/text", node.text))
    for index, part in enumerate(report.parts):
        if part.text and part.text.strip():
            yield f"/parts/{index}/text", part.text
        yield from nodes.get(index, ())


def _kept(char: str) -> bool:
    return unicodedata.category(char)[0] not in "PSZC"


def normalize(text: str) -> str:
    """NFKC, long quotations cut out, then only letters, digits and marks kept."""
    folded = _QUOTATION.sub("", unicodedata.normalize("NFKC", text))
    return "".join(char for char in folded if _kept(char))


def shingles(normalized: str) -> frozenset[str]:
    """The set of overlapping :data:`SHINGLE`-character substrings (empty when too short)."""
    if len(normalized) < MIN_CHARACTERS:
        return frozenset()
    return frozenset(normalized[i : i + SHINGLE] for i in range(len(normalized) - SHINGLE + 1))


def _minhash_class() -> type:
    module = require_extra("datasketch", extra="survey", feature="copy detection")
    return module.MinHash  # type: ignore[no-any-return]


def _hash32(data: bytes) -> int:
    return int(struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0])  # noqa: S324 - not security


def signature(shingle_set: Iterable[str]) -> tuple[int, ...]:
    """The MinHash signature (``NUM_PERM`` 32-bit values) of a shingle set; deterministic."""
    minhash_class = _minhash_class()
    minhash = minhash_class(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, scheme="legacy")
    minhash.update_batch(sorted(shingle.encode("utf-8") for shingle in shingle_set))
    return tuple(int(value) for value in minhash.hashvalues)


def band_keys(values: Sequence[int]) -> list[str]:
    """One bucket key per LSH band: the band number and a digest of its rows."""
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<{ROWS}Q", *rows), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    """The Jaccard index of two shingle sets, rounded to 4 places (0 when either is empty)."""
    if not first or not second:
        return 0.0
    common = len(first & second)
    return round(common / (len(first) + len(second) - common), 4)


def candidate_pairs(
    signatures: Sequence[tuple[int, ...] | None],
    bodies: Sequence[frozenset[str]] | None = None,
    *,
    minimum: int = 3,
    max_bucket: int = MAX_BUCKET,
) -> tuple[set[tuple[int, int]], set[int]]:
    """Pairs of indexes whose signatures agree on a whole LSH band (``None``: skipped).

    Also returns the *saturated* indexes: a bucket holding more than ``max_bucket`` texts
    written by at least ``minimum`` bodies (``bodies[i]``: the bodies of text ``i``) is a
    standard phrase everybody writes; its texts are boilerplate and its pairs are not listed,
    so the cost never grows with the square of a bucket's size.
    """
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, values in enumerate(signatures):
        if values is None:
            continue
        for key in band_keys(values):
            buckets[key].append(index)
    pairs: set[tuple[int, int]] = set()
    saturated: set[int] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        crowded = bodies is not None and len(members) > max_bucket
        if crowded and len(frozenset().union(*(bodies[m] for m in members))) >= minimum:  # type: ignore[index]
            saturated.update(members)
            continue
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pairs.add((first, second))
    return pairs, saturated


def near_duplicates(
    texts: Sequence[str],
    *,
    threshold: float = THRESHOLD,
    bodies: Sequence[str] | None = None,
    minimum: int = 3,
    max_bucket: int = MAX_BUCKET,
) -> tuple[list[str], list[int], list[Pair], set[int]]:
    """Near-duplicates among ``texts``, computed once per distinct normalised text.

    Returns the distinct normalised texts that are long enough to compare, for each input text
    the index of its distinct text (``-1`` when too short), the near-duplicate pairs of
    distinct texts (Jaccard of shingles at least ``threshold``), sorted, and the distinct texts
    of saturated buckets (see :func:`candidate_pairs`; ``bodies[i]`` is the body of text ``i``).
    Two texts with the same normalised form are the same distinct text (similarity 1).
    """
    distinct: dict[str, int] = {}
    group: list[int] = []
    for text in texts:
        normalized = normalize(text)
        if len(normalized) < MIN_CHARACTERS:
            group.append(-1)
            continue
        group.append(distinct.setdefault(normalized, len(distinct)))
    keys = list(distinct)
    written: list[set[str]] = [set() for _ in keys]
    if bodies is not None:
        for index, number in enumerate(group):
            if number >= 0:
                written[number].add(bodies[index])
    sets = [shingles(key) for key in keys]
    signatures: list[tuple[int, ...] | None] = [signature(s) for s in sets]
    candidates, saturated = candidate_pairs(
        signatures,
        [frozenset(w) for w in written] if bodies is not None else None,
        minimum=minimum,
        max_bucket=max_bucket,
    )
    found = []
    for first, second in sorted(candidates):
        score = jaccard(sets[first], sets[second])
        if score >= threshold:
            found.append(Pair(first=first, second=second, similarity=score))
    return keys, group, found, saturated
