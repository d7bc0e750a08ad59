"""Reading and writing reports as JSON: strict load, canonical dump, size limits.

:func:`load`/:func:`loads` parse strictly (duplicate keys, NaN, bad encodings refused) and
validate; :func:`dump` writes atomically; :func:`dumps` gives the canonical text.
"""

from __future__ import annotations

from rol_model.serialize._json import (
    DEFAULT_LIMITS,
    Limits,
    canonical_json,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    read_document,
    to_dict,
)

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "canonical_json",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "read_document",
    "to_dict",
]
