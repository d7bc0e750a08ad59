"""Chinese text, knowing nothing of reports: folding for matching, numerals, similarity.

- :func:`fold`: a same-length matching copy (half-width, simplified characters).
- :func:`chinese_value` / :func:`chinese_number`: read and write Chinese numerals.
- :func:`normalize`, :func:`bigrams`, :func:`jaccard`, :func:`similarity`, :func:`fingerprint` and
  :func:`dice`: how alike two passages are, as the checker, diff and trends measure it.
"""

from __future__ import annotations

from rol_model.text._decimal import (
    arithmetic,
    plain,
    signed_percent,
)
from rol_model.text._fold import SIMPLIFIED, TRADITIONAL, fold, remembered_folds
from rol_model.text._inert import csv_cell, markdown_text, terminal_text
from rol_model.text._numerals import CHINESE_DIGITS, DIGIT_TABLE, chinese_number, chinese_value
from rol_model.text._similarity import (
    GENERIC_WORDS,
    Fingerprint,
    Weights,
    bigrams,
    canonical,
    clean_bigrams,
    content_bigrams,
    coverage,
    covered,
    dice,
    fingerprint,
    jaccard,
    normalize,
    similarity,
    topical_bigrams,
)

__all__ = [
    "CHINESE_DIGITS",
    "DIGIT_TABLE",
    "GENERIC_WORDS",
    "SIMPLIFIED",
    "TRADITIONAL",
    "Fingerprint",
    "Weights",
    "arithmetic",
    "bigrams",
    "canonical",
    "chinese_number",
    "chinese_value",
    "clean_bigrams",
    "content_bigrams",
    "coverage",
    "covered",
    "csv_cell",
    "dice",
    "fingerprint",
    "fold",
    "jaccard",
    "markdown_text",
    "normalize",
    "plain",
    "remembered_folds",
    "signed_percent",
    "similarity",
    "terminal_text",
    "topical_bigrams",
]
