"""``rol validate`` without building objects: "the reference reads this as a valid report", fast.

:func:`valid_fast` answers ``True`` only when :func:`rol_model.loads` (the strict reference)
would return a Report for the same bytes; any doubt answers ``None`` and the caller runs
``loads``, which then also gives the issues of an invalid file. It never imports the model
classes, so a cold ``rol validate FILE`` loads less. The steps:

1. the standard library's C parser with ``Decimal`` for every number with a fraction or exponent,
   as the reference reads it (so the verdict sees the very same tree), but without the Python
   hook per object that the reference uses to find repeated keys;
2. repeated keys found instead by counting ``:`` in the text and in a compact re-encoding of the
   tree (``_fasttext.repeats_no_key``; any ``\\u003…`` or ``\\ud…`` escape steps aside);
3. the reference's verdict call, with the reference's rule for when it must be exact;
4. the reference's depth limit on extension values.

``tests/test_fastload.py`` checks that ``True`` is only ever given where the reference loads.
"""

from __future__ import annotations

from typing import Any

from rol_model.serialize._fasttext import (
    extensions_within,
    parse_exact,
    raw_bytes,
    repeats_no_key,
)

__all__ = ["valid_fast"]


def valid_fast(data: bytes, limits: Any, *, few: bool = False) -> bool | None:
    """``True`` when the reference reads ``data`` as a valid report; ``None``: ask the reference.

    ``few=True`` (a handful of files, as ``rol validate FILE``) takes the verdict from the schema
    compiled to Python, which starts in a fraction of jsonschema-rs' import time; both give the
    verdict jsonschema gives (tests/validation/test_verdict.py).
    """
    from rol_model.validation import is_valid

    try:
        raw = raw_bytes(data, limits.max_bytes)
        if raw is None:
            return None
        document, long_decimal = parse_exact(raw)
        if type(document) is not dict:
            return None
        if not repeats_no_key(raw, document, few=few):
            return None
        if not is_valid(document, exact=long_decimal or few):
            return None
        return extensions_within(document, limits.max_depth) or None
    except Exception:  # malformed, too deep, anything odd: the reference decides
        return None
