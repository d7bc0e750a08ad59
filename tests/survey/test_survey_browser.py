"""The survey page in headless Chromium, driven over the Chrome DevTools protocol.

Sorting by a column and the level and severity filters are clicked and chosen as a user would,
then the table's rows are read back from the live page and a screenshot is taken. CI installs
Chromium (``.ci/chromium-install``) and websocket-client (the ``dev`` extra); elsewhere the test
skips when either is missing, and fails under ``CI=true``. To refresh the screenshot of
``docs/survey.md``, run ``ROL_SCREENSHOT_DIR=docs/img pytest tests/survey/test_survey_browser.py``.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1400,1000",
    "--remote-debugging-port=0",
)

# drives an external program (a browser or an office suite): runs under CI=true or --slow
pytestmark = pytest.mark.slow


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


class _Page:
    """A minimal DevTools client: send a command, wait for its answer."""

    def __init__(self, url: str) -> None:
        import websocket

        self._socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self._id = 0

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        self._socket.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise AssertionError(message["error"])
                return message["result"]  # type: ignore[no-any-return]

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def close(self) -> None:
        self._socket.close()


def _devtools_url(profile: Path, process: subprocess.Popen[str]) -> str:
    active = profile / "DevToolsActivePort"
    for _ in range(600):
        if active.exists() and active.read_text().count("\n") >= 1:
            port = active.read_text().split("\n")[0]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
                pages = [t for t in json.load(answer) if t["type"] == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
        assert process.poll() is None, "chromium exited"
        time.sleep(0.1)
    raise AssertionError("chromium did not open its DevTools port")


@pytest.fixture
def page(tmp_path: Path) -> Iterator[_Page]:
    _need(CHROMIUM.exists(), f"{CHROMIUM} not found: bash .ci/chromium-install")
    try:
        import websocket  # noqa: F401
    except ModuleNotFoundError:
        _need(False, "websocket-client not installed: pip install -e '.[dev]'")
    pytest.importorskip("datasketch")
    from rol_model.survey import html_survey, survey

    folder = tmp_path / "reports"
    folder.mkdir()
    examples = ROOT / "examples" / "reports"
    old = rm.load(examples / "wusu-education-2023.json")
    new = rm.load(examples / "wusu-education-2024-fictional.json")
    rm.dump(old, folder / "wusu-2023.json")
    rm.dump(new, folder / "wusu-2024.json")
    corpus = ROOT / "tests" / "fixtures" / "corpus"
    for number, (level, name) in enumerate(
        [
            ("township", "03-liuxi-town-three-parts-2024"),
            ("prefectural", "07-tongjiang-justice-many-references-2023"),
            ("county", "01-baichuan-county-government-2023"),
        ]
    ):
        other = rm.import_file(corpus / f"{name}.txt").report
        other = attrs.evolve(
            other, year=2024, organization=attrs.evolve(other.organization, level=level)
        )
        rm.dump(other, folder / f"other-{number}.json")
    result = survey([folder], year=2024)
    html = tmp_path / "survey.html"
    html.write_text(html_survey(result), encoding="utf-8")
    profile = tmp_path / "profile"
    process = subprocess.Popen(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    client = None
    try:
        client = _Page(_devtools_url(profile, process))
        client.send("Page.enable")
        client.send("Page.navigate", url=html.as_uri())
        for _ in range(300):
            if client.evaluate("document.readyState") == "complete":
                break
            time.sleep(0.1)
        yield client
    finally:
        if client is not None:
            client.close()
        process.terminate()
        process.wait(timeout=30)


_COLUMN = """(function (title) {
  var heads = Array.prototype.slice.call(document.querySelectorAll('#table-bodies thead th'));
  var column = heads.findIndex(function (th) { return th.textContent.trim() === title; });
  return Array.prototype.slice.call(document.querySelectorAll('#table-bodies tbody tr'))
    .filter(function (tr) { return !tr.classList.contains('hidden'); })
    .map(function (tr) { return tr.cells[column].textContent.trim(); });
})(%s)"""


def _column(page: _Page, title: str) -> list[str]:
    return page.evaluate(_COLUMN % json.dumps(title))  # type: ignore[no-any-return]


def _click_header(page: _Page, title: str) -> None:
    page.evaluate(
        "Array.prototype.slice.call(document.querySelectorAll('#table-bodies thead th'))"
        f".find(function (th) {{ return th.textContent.trim() === {json.dumps(title)}; }}).click()"
    )


def _choose(page: _Page, select: str, value: str) -> None:
    page.evaluate(
        f"(function () {{ var s = document.getElementById({json.dumps(select)});"
        f" s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change')); }})()"
    )


def test_sorting_and_filters_work_in_chromium(page: _Page, tmp_path: Path) -> None:
    bodies = _column(page, "报告单位")
    assert len(bodies) == 4
    _click_header(page, "报告单位")
    ascending = _column(page, "报告单位")
    assert ascending == sorted(bodies, key=lambda name: name.encode("gb18030"))
    _click_header(page, "报告单位")
    assert _column(page, "报告单位") == ascending[::-1]
    _click_header(page, "沿用上年")
    shares = [float(v.rstrip("%")) for v in _column(page, "沿用上年")]
    assert shares == sorted(shares)
    assert shares[-1] > 0  # Wusu 2024 repeats paragraphs of Wusu 2023

    _choose(page, "filter-level", "township")
    assert _column(page, "层级") == ["乡镇级"]
    assert page.evaluate("document.getElementById('shown').textContent") == "显示 1 个单位"
    _choose(page, "filter-level", "")
    errors = [int(v) for v in _column(page, "错误")]
    warnings = [int(v) for v in _column(page, "警告")]
    _choose(page, "filter-severity", "warning")
    expected = sum(1 for e, w in zip(errors, warnings, strict=True) if not e and w)
    assert len(_column(page, "报告单位")) == expected
    finding_rows = page.evaluate(
        "Array.prototype.slice.call(document.querySelectorAll('#table-findings tbody tr'))"
        ".filter(function (tr) { return !tr.classList.contains('hidden'); })"
        ".map(function (tr) { return tr.getAttribute('data-severity'); })"
    )
    assert finding_rows
    assert set(finding_rows) == {"warning"}
    _choose(page, "filter-severity", "")

    shot = page.send("Page.captureScreenshot", format="png", captureBeyondViewport=False)
    png = base64.b64decode(shot["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 20_000  # a rendered page, not a blank one
    target = os.environ.get("ROL_SCREENSHOT_DIR")
    if target:
        (Path(target) / "view-survey.png").write_bytes(png)
