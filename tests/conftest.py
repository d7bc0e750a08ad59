"""Shared test set-up: Hypothesis profiles and the runner of the docs' code blocks.

Hypothesis profiles: ``default`` (a quick run, for development) and ``ci`` (today's thorough
example counts), selected by ``HYPOTHESIS_PROFILE`` or, when that is unset, by ``CI=true``. A
test states its thorough count with :func:`strategies.examples`, which the profile scales.

Tests marked ``slow`` (and everything in ``tests/benchmarks``, which runs the benchmark scripts
end to end) run under ``CI=true`` or with ``pytest --slow``; a plain ``pytest`` skips them so the
development run stays quick.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=20
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

_THOROUGH = bool(os.environ.get("CI")) or os.environ.get("HYPOTHESIS_PROFILE") == "ci"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run the tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _THOROUGH or config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: runs under CI=true or with pytest --slow")
    for item in items:
        if "slow" in item.keywords or "benchmarks" in item.path.parts:
            item.add_marker(skip)


_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
#: Folders of the repository a docs example may read, by relative path.
_SHARED = ("examples", "tests", "docs", "schemas")

DocRunner = Callable[..., dict[str, object]]


@pytest.fixture
def run_doc_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DocRunner:
    """Run the ``python`` code blocks of a page in order, as a reader's session would.

    The blocks run in an empty folder that sees the repository's ``examples/``, ``tests/``,
    ``docs/`` and ``schemas/`` by their relative paths, so what they write lands in a temporary
    folder. ``section`` keeps the text before a heading (for example the English half of a
    bilingual page). Returns the namespace the blocks built.
    """

    def run(
        page: Path, *, section: str | None = None, expect: int | None = None
    ) -> dict[str, object]:
        text = page.read_text("utf-8")
        if section is not None:
            text = text.split(section)[0]
        blocks = _BLOCK.findall(text)
        assert blocks, f"{page.name} has no python example"
        if expect is not None:
            assert len(blocks) == expect, f"{page.name}: {len(blocks)} python blocks"
        for name in _SHARED:
            link = tmp_path / name
            if not link.exists():
                link.symlink_to(ROOT / name, target_is_directory=True)
        monkeypatch.chdir(tmp_path)
        namespace: dict[str, object] = {"__name__": "__docs__", "ROOT": ROOT}
        for block in blocks:  # blocks of one page build on each other
            exec(compile(block, str(page), "exec"), namespace)
        return namespace

    return run
