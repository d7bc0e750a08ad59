"""Reading and writing reports as JSON: strict load, canonical dump, size limits.

:func:`load`/:func:`loads` parse strictly (duplicate keys, NaN, bad encodings refused) and
validate; :func:`dump` writes atomically; :func:`dumps` gives the canonical text.
"""

from __future__ import annotations

from rol_model.serialize._atomic import (
    AtomicGroup,
    write_file,
)
from rol_model.serialize._bounded import (
    read_bounded,
)
from rol_model.serialize._fastverdict import valid_fast
from rol_model.serialize._json import (
    DEFAULT_LIMITS,
    Limits,
    canonical_json,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    parse_json,
    read_document,
    to_dict,
)

__all__ = [
    "DEFAULT_LIMITS",
    "AtomicGroup",
    "Limits",
    "canonical_json",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse_json",
    "read_bounded",
    "read_document",
    "to_dict",
    "valid_fast",
    "write_file",
]
