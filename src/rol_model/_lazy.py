"""A package whose public names are its modules' ``__all__``, some loaded on first use (PEP 562).

A package ``__init__`` star-imports its light modules, names the heavy ones, and lets
:func:`exports` build its ``__getattr__`` and ``__dir__``::

    from rol_model.serialize._limits import *
    if TYPE_CHECKING:
        from rol_model.serialize._json import *
    __getattr__, __dir__ = exports(__name__, eager=[_limits], lazy=["rol_model.serialize._json"])

Each public name is then written once, in the ``__all__`` of the module that defines it; type
checkers see it through the star import, and the heavy module is imported only when one of its
names is first used (``rol validate`` needs no model classes, for instance). The package's
``__all__`` is served on demand: the eager modules' names, then the lazy ones'.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

__all__ = ["exports"]


def exports(
    package: str, *, eager: Sequence[ModuleType], lazy: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``(__getattr__, __dir__)`` of ``package``, serving the names of ``lazy`` on first use.

    A name that is not public (it starts with ``_``) never imports anything, so probes such as
    ``hasattr(module, "__wrapped__")`` stay cheap; a public name that no module offers raises the
    usual :class:`AttributeError` once the lazy modules are loaded.
    """

    def public_names() -> list[str]:
        modules = [*eager, *(importlib.import_module(name) for name in lazy)]
        return [name for module in modules for name in module.__all__]

    def __getattr__(name: str) -> Any:  # noqa: N807 - the PEP 562 hook of the package
        if name == "__all__":
            return public_names()
        if not name.startswith("_"):
            for module_name in lazy:
                module = importlib.import_module(module_name)
                if name in module.__all__:
                    value = getattr(module, name)
                    setattr(sys.modules[package], name, value)  # the next lookup is plain
                    return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook of the package
        return sorted({*vars(sys.modules[package]), *public_names()})

    return __getattr__, __dir__
