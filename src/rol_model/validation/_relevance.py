"""The field a misspelt name most likely means, for "did you mean 'qualifier'?" hints.

Which issue to show first is :meth:`rol_model.exceptions.InvalidReportError.ranked`.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["suggestion"]


def suggestion(word: str, known: Iterable[str]) -> str | None:
    """The known name ``word`` most likely misspells (difflib, ratio at least 0.7), if any."""
    import difflib

    matches = difflib.get_close_matches(word, list(known), n=1, cutoff=0.7)
    return matches[0] if matches else None
