"""Chinese text, knowing nothing of reports: folding for matching, numerals, similarity.

- :func:`fold`: a same-length matching copy (half-width, simplified characters).
- :func:`chinese_value` / :func:`chinese_number`: read and write Chinese numerals.
- :func:`normalize`, :func:`bigrams`, :func:`jaccard`, :func:`similarity`, :func:`fingerprint` and
  :func:`dice`: how alike two passages are, as the checker, diff and trends measure it.
"""

from __future__ import annotations

from rol_model.text._fold import SIMPLIFIED, TRADITIONAL, fold, forget_folds
from rol_model.text._numerals import CHINESE_DIGITS, DIGIT_TABLE, chinese_number, chinese_value

__all__ = [
    "CHINESE_DIGITS",
    "DIGIT_TABLE",
    "SIMPLIFIED",
    "TRADITIONAL",
    "chinese_number",
    "chinese_value",
    "fold",
    "forget_folds",
]
