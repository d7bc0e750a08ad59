"""The report model: frozen attrs classes, one walker, and JSON Pointers.

Build a :class:`Report` from parts (:class:`MeasuresPart` …) and items (:class:`Measure` …);
each part class names the field that holds its items (``items_field``, ``item_fields``).
:func:`walk` visits every item with its pointer, parent and depth; every module that walks a
report goes through it. Nothing here reads or writes files.
"""

from __future__ import annotations

from rol_model.model import _classes, _pointer
from rol_model.model._classes import *  # noqa: F403
from rol_model.model._pointer import *  # noqa: F403

__all__: list[str] = []
__all__ += _classes.__all__
__all__ += _pointer.__all__
