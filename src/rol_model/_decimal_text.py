"""Figures as text without letting an exponent expand into gigabytes.

``Decimal("1e-999999999")`` is 12 bytes of JSON, but ``format(value, "f")`` writes a billion
zeros. Two guards close that class of input:

- :data:`MAX_PLACES`: an indicator value has at most 20 digits after the decimal point; the
  readers and :func:`~rol_model.dumps` refuse more (:func:`places_issue`), as the schema's
  description says. Real reports state at most a few.
- :func:`plain` and :func:`signed_percent` write plain digits only while that text is short, and
  fall back to scientific notation otherwise, so values built in code that bypass the readers
  still cannot blow up an export, a page or a diff.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from rol_model._issue import Issue

__all__ = ["MAX_PLACES", "arithmetic", "places_issue", "plain", "signed_percent"]

#: Most digits an indicator value may have after the decimal point.
MAX_PLACES = 20
#: Longest plain-digit text written beyond the digits a value actually has.
_MAX_PADDING = 40


def places_issue(value: Decimal, where: str) -> Issue | None:
    """An issue when ``value`` has more than :data:`MAX_PLACES` digits after the point."""
    if value.is_finite() and value.as_tuple().exponent < -MAX_PLACES:  # type: ignore[operator]
        return Issue(
            code="value.precision",
            message=f"{value} has more than {MAX_PLACES} digits after the decimal point",
            pointer=where,
        )
    return None


def _plain_length(value: Decimal) -> int:
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return len(digits) + exponent
    return max(len(digits), -exponent) + 2


def plain(value: Decimal, spec: str = "f") -> str:
    """``format(value, spec)`` (``"f"``, ``",f"``, ``"+f"`` …) when the plain text stays short,
    else the value's scientific notation (``1E-999999999``)."""
    if not value.is_finite():
        return str(value)
    if _plain_length(value) > len(value.as_tuple().digits) + _MAX_PADDING:
        return f"{value:+E}" if spec.startswith("+") else f"{value:E}"
    return format(value, spec)


def signed_percent(relative: Decimal, places: int = 1) -> str:
    """``relative`` as a signed percentage with ``places`` decimals (``+12.5``), bounded."""
    with decimal.localcontext(arithmetic()):
        percent = relative * 100
        if not percent.is_finite() or percent.adjusted() > _MAX_PADDING:
            return f"{percent:+.{places}E}"
        return format(percent, f"+.{places}f")


def arithmetic() -> decimal.Context:
    """A context for differences and ratios of any two finite values: no trap can fire."""
    return decimal.Context(
        prec=60,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[],
    )
