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
- **How much does a word tell?** :class:`Weights` weighs bigrams by rarity (inverse document
  frequency), so the words every report uses (法治, 依法, 建设) count for little; the
  cross-year questions of ``rol_model.trends`` use it.
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

__all__ = [
    "GENERIC_WORDS",
    "Fingerprint",
    "Weights",
    "bigrams",
    "canonical",
    "clean_bigrams",
    "content_bigrams",
    "coverage",
    "covered",
    "dice",
    "fingerprint",
    "jaccard",
    "normalize",
    "similarity",
    "topical_bigrams",
]

_NOT_WORD = re.compile(r"[\W_]+")


# Normalisation and bigrams ----------------------------------------------------------------------


def normalize(text: str) -> str:
    """Letters and digits only: NFKC width folding, whitespace, punctuation and symbols removed.

    Rewording counts, reformatting does not: full-width and half-width forms, spaces and
    re-punctuated sentences normalize to the same string.
    """
    # The common full-width punctuation first becomes what NFKC makes of it (one fast replace
    # each): its decomposition is one character of combining class 0, so NFKC of the result is
    # NFKC of the text (tests/test_similarity.py), and typical report text then passes NFKC's
    # quick check instead of taking its slow path. Rarer full-width forms are left to NFKC.
    for wide, narrow in _FULL_WIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def _full_width_pairs(characters: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for wide in characters:
        narrow = unicodedata.normalize("NFKD", wide)
        assert len(narrow) == 1, wide
        assert unicodedata.combining(narrow) == 0, wide
        pairs.append((wide, narrow))
    return tuple(pairs)


_FULL_WIDTH = _full_width_pairs("，：；（）！？％\u3000")


def clean_bigrams(clean: str) -> frozenset[str]:
    r"""The adjacent character pairs of an already :func:`normalize`\ d text."""
    return frozenset(map(operator.add, clean, clean[1:]))  # zip-free pairs, at C speed


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


def topical_bigrams(text: str, clean: str | None = None) -> frozenset[str]:
    """Bigrams a text offers to :func:`covered`: its own and those with synonyms replaced.

    ``clean`` is ``normalize(text)`` when the caller has it already.
    """
    own = clean_bigrams(normalize(text) if clean is None else clean)
    replaced = canonical(text)
    return own if replaced == text else own | bigrams(replaced)


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
