"""The report model: frozen attrs classes, one walker, and JSON Pointers.

Build a :class:`Report` from parts (:class:`MeasuresPart` …) and items (:class:`Measure` …);
each part class names the field that holds its items (``items_field``, ``item_fields``).
:func:`walk` visits every item with its pointer, parent and depth; every module that walks a
report goes through it. Nothing here reads or writes files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rol_model._lazy import exports
from rol_model.model import _pointer
from rol_model.model._pointer import *  # noqa: F403 - each name is listed once, in its module

if TYPE_CHECKING:
    from rol_model.model._classes import *  # noqa: F403

# The classes and functions load on first use (PEP 562): a JSON Pointer needs none of them.
__getattr__, __dir__ = exports(__name__, eager=[_pointer], lazy=["rol_model.model._classes"])
