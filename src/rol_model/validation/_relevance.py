"""Which of a document's issues to show first: the one most likely to be the real cause.

A typo in a field name gives two schema issues: ``'qualifier' is a required property`` on the
object (first in document order) and ``unknown field 'qualifer'`` inside it. The first hides
the cause. As jsonschema's ``best_match`` does for its errors, :func:`by_relevance` puts the
issue that explains the others first: a syntax or encoding error, then an unknown field that is
a near miss of a known one (it carries "did you mean …?"), then the rest in document order,
with a ``required`` issue that such a near miss explains last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rol_model.exceptions import Issue

__all__ = ["by_relevance", "suggestion"]

_MEANT = re.compile(r"did you mean '([^']+)'\?")
_REQUIRED = re.compile(r"^'([^']+)' is a required property")


def suggestion(word: str, known: Iterable[str]) -> str | None:
    """The known name ``word`` most likely misspells (difflib, ratio at least 0.7), if any."""
    import difflib

    matches = difflib.get_close_matches(word, list(known), n=1, cutoff=0.7)
    return matches[0] if matches else None


def _parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0] if "/" in pointer else ""


def by_relevance(issues: Sequence[Issue]) -> tuple[Issue, ...]:
    """``issues`` reordered most relevant first; ties keep their (document) order."""
    explained: set[tuple[str, str]] = set()  # (object pointer, field) a near miss explains
    for issue in issues:
        meant = _MEANT.search(issue.message)
        if issue.code == "schema.unknown-field" and meant:
            explained.add((_parent(issue.pointer), meant.group(1)))

    def rank(issue: Issue) -> int:
        if not issue.code.startswith("schema."):
            return 0  # syntax, encoding, limits: nothing else can be read before they are fixed
        if issue.code == "schema.unknown-field" and _MEANT.search(issue.message):
            return 1
        required = _REQUIRED.match(issue.message)
        if required and (issue.pointer, required.group(1)) in explained:
            return 4
        if issue.code in ("schema.anyOf", "schema.oneOf"):
            return 3  # weak: several alternatives failed, a deeper issue says more
        return 2

    order = sorted(range(len(issues)), key=lambda i: (rank(issues[i]), i))
    return tuple(issues[i] for i in order)
