"""Many reports at once: file discovery, a process pool, corpus checks, table export.

The export (``export_tables`` and its columns) loads on first use: ``rol validate`` needs only
file discovery and the pool, and should not pay for the model and the table writers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rol_model._lazy import exports
from rol_model.corpus import _corpus
from rol_model.corpus._corpus import *  # noqa: F403 - each name is listed once, in its module

if TYPE_CHECKING:
    from rol_model.corpus._export import *  # noqa: F403

__getattr__, __dir__ = exports(__name__, eager=[_corpus], lazy=["rol_model.corpus._export"])
