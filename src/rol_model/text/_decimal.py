"""Figures as text without letting an exponent expand into gigabytes.

``Decimal("1e-999999999")`` is 12 bytes of JSON, but ``format(value, "f")`` writes a billion
zeros. Such a value is valid (the schema bounds the range, ±10^15, not the digits), so it is
read and kept exactly; what is bounded is the text written for it:

- :func:`plain` and :func:`signed_percent` write plain digits only while that text is at most 40
  characters longer than the value's own digits, and fall back to scientific notation otherwise
  (``1E-999999999``), so no export, page, diff or trend can be blown up by one figure;
- :func:`arithmetic` is the context differences and ratios are computed in: no trap fires
  (no :class:`decimal.Overflow` or :class:`decimal.InvalidOperation` from an extreme pair).
"""

from __future__ import annotations

import decimal
from decimal import Decimal

__all__ = ["arithmetic", "plain", "signed_percent"]

#: Longest plain-digit text written beyond the digits a value actually has.
_MAX_PADDING = 40


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
