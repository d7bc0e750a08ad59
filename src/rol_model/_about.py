"""The package version, kept equal to ``pyproject.toml`` by ``tests/test_version.py``.

A plain constant: reading installed package metadata (``importlib.metadata``) costs more than
the rest of ``rol --version`` together.
"""

__version__ = "0.1.0"
