"""Each HTML view opens in headless Chromium (Debian's ``chromium``) and gives a screenshot.

CI installs Chromium (``.ci/chromium-install``); elsewhere the test skips when it is missing.
To refresh the screenshots of ``docs/views.md``, run
``ROL_SCREENSHOT_DIR=docs/img pytest tests/views/test_html_browser.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1200,1600",
)

# drives an external program (a browser or an office suite): runs under CI=true or --slow
pytestmark = pytest.mark.slow


def _views() -> dict[str, Callable[[], str]]:
    old = rm.load(EXAMPLES / "wusu-education-2023.json")
    new = rm.load(EXAMPLES / "wusu-education-2024-fictional.json")
    return {
        "report": lambda: rm.html_report(new),
        "check": lambda: rm.html_check(old, rm.check(old), profile="national"),
        "diff": lambda: rm.html_diff(old, new),
        "trend": lambda: rm.html_trend(rm.compare([old, new])),
    }


def _browser() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    reason = f"{CHROMIUM} not found: install Debian's chromium (bash .ci/chromium-install)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _ink(png: bytes) -> float:
    """The share of non-zero bytes in the PNG's filtered pixel data: near 0 for a blank page."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    pixels = zlib.decompress(data)
    return sum(1 for byte in pixels[::7] if byte) / len(pixels[::7])


def _run(browser: Path, tmp_path: Path, page: Path, *options: str) -> None:
    completed = subprocess.run(
        [str(browser), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *options, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]


@pytest.mark.parametrize("name", ["report", "check", "diff", "trend"])
def test_view_opens_in_headless_chromium(name: str, tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / f"{name}.html"
    page.write_text(_views()[name](), encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    _run(browser, tmp_path, page, f"--screenshot={shot}")
    png = shot.read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1200, 1600)
    assert _ink(png) > 0.01, "the screenshot is blank"
    target = os.environ.get("ROL_SCREENSHOT_DIR")
    if target:
        shutil.copyfile(shot, Path(target) / f"view-{name}.png")


@pytest.mark.parametrize("name", ["check", "trend"])
def test_view_prints_on_a4_pages(name: str, tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / f"{name}.html"
    page.write_text(_views()[name](), encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    _run(browser, tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) > 1  # the page is long: several sheets
    for width, height in boxes:  # A4 is 210 x 297 mm = 595.3 x 841.9 pt
        assert abs(float(width) - 595.3) < 1
        assert abs(float(height) - 841.9) < 1
