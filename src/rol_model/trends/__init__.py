"""One body's reports across years: :func:`compare`, figure trends, recurring problems."""

from __future__ import annotations

from rol_model.trends import _compare, _history, _output
from rol_model.trends._compare import *  # noqa: F403 - each name is listed once, in its module
from rol_model.trends._history import *  # noqa: F403
from rol_model.trends._output import *  # noqa: F403

__all__ = _compare.__all__ + _history.__all__ + _output.__all__
