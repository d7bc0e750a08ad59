"""Code generated from the model for the fast paths: one function per class, reached from Report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rol_model.model import PART_CLASSES, Report

__all__ = ["generate"]


def generate(function: Callable[[type[Any], set[type[Any]]], str]) -> str:
    """The source of one generated function per model class, in a stable order.

    ``function(cls, classes)`` writes the function of ``cls`` and adds the classes it refers to
    to ``classes``; generation stops when every class reached from :class:`Report` has one.
    """
    classes: set[type[Any]] = {Report, *PART_CLASSES.values()}
    done: set[type[Any]] = set()
    functions = []
    while classes - done:
        cls = min(classes - done, key=lambda c: c.__name__)
        done.add(cls)
        functions.append(function(cls, classes))
    return "\n\n".join(functions) + "\n"
