"""Reading and writing reports as JSON: strict load, canonical dump, size limits.

:func:`load`/:func:`loads` parse strictly (duplicate keys, NaN, bad encodings refused) and
validate; :func:`dump` writes atomically; :func:`dumps` gives the canonical text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rol_model.serialize._atomic import (
    AtomicGroup,
    write_file,
)
from rol_model.serialize._bounded import (
    read_bounded,
)
from rol_model.serialize._fastverdict import valid_fast
from rol_model.serialize._limits import DEFAULT_LIMITS, Limits, read_document

if TYPE_CHECKING:
    from rol_model.serialize._json import (
        canonical_json,
        dump,
        dumps,
        from_dict,
        load,
        loads,
        parse_json,
        to_dict,
    )

#: Loaded on first use: they need the model, which ``rol validate`` does not (PEP 562).
_JSON = ("canonical_json", "dump", "dumps", "from_dict", "load", "loads", "parse_json", "to_dict")


def __getattr__(name: str) -> Any:
    """Load the reading and writing functions on first use."""
    if name in _JSON:
        from rol_model.serialize import _json

        value = getattr(_json, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rol_model.serialize' has no attribute {name!r}")


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
