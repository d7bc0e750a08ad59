"""Reading and writing reports as JSON: strict load, canonical dump, size limits.

:func:`load`/:func:`loads` parse strictly (duplicate keys, NaN, bad encodings refused) and
validate; :func:`dump` writes atomically; :func:`dumps` gives the canonical text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rol_model._lazy import exports
from rol_model.serialize import _atomic, _bounded, _fastverdict, _limits
from rol_model.serialize._atomic import *  # noqa: F403 - each name is listed once, in its module
from rol_model.serialize._bounded import *  # noqa: F403
from rol_model.serialize._fastverdict import *  # noqa: F403
from rol_model.serialize._limits import *  # noqa: F403

if TYPE_CHECKING:
    from rol_model.serialize._json import *  # noqa: F403

# Reading and writing load on first use (PEP 562): they need the model, which ``rol validate``
# does not.
__getattr__, __dir__ = exports(
    __name__,
    eager=[_limits, _atomic, _bounded, _fastverdict],
    lazy=["rol_model.serialize._json"],
)
