"""The ``rol`` command line: :func:`main` for tests and embedding, :func:`run` for ``rol``.

One module per command (``rol_model.cli.<command>``), each with ``configure(parser)`` and
``run(args, out, err) -> int``. Commands import the library inside ``run`` only, so
``rol --version`` loads nothing but this package.
"""

from __future__ import annotations

from rol_model.cli._main import main, run

__all__ = ["main", "run"]
