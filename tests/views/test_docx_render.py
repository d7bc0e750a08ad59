"""The Word output rendered by a real word processor: LibreOffice (headless) turns the .docx of
``rol render --format docx`` into PDF, poppler's ``pdftoppm`` the first page into PNG.

CI installs both (``.ci/libreoffice-install``); elsewhere the test skips when they are missing,
and fails under ``CI=true``. A fontconfig file made for the test maps the official font names
(方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) to the free faces Debian ships, as a bureau's
machine maps them to its installed fonts. To refresh the picture in ``docs/views.md``, run
``ROL_SCREENSHOT_DIR=docs/img pytest tests/test_docx_render.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_html_browser import _ink

import rol_model as rm

pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "examples" / "reports" / "wusu-education-2023.json"
ALIASES = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "仿宋_GB2312": "AR PL UMing CN",
    "黑体": "WenQuanYi Zen Hei",
    "楷体_GB2312": "AR PL UKai CN",
    "宋体": "AR PL UMing CN",
}

# drives an external program (a browser or an office suite): runs under CI=true or --slow
pytestmark = pytest.mark.slow


def _tools() -> tuple[str, str]:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice and pdftoppm:
        return soffice, pdftoppm
    reason = "soffice or pdftoppm not found: install them with bash .ci/libreoffice-install"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _fontconfig(folder: Path) -> Path:
    aliases = "".join(
        f"<alias binding='same'><family>{name}</family><prefer><family>{face}</family></prefer>"
        "</alias>"
        for name, face in ALIASES.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        f"<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>{aliases}</fontconfig>",
        "utf-8",
    )
    return path


def test_libreoffice_renders_the_word_output(tmp_path: Path) -> None:
    soffice, pdftoppm = _tools()
    document = tmp_path / "wusu-2023.docx"
    rm.write_docx(rm.load(OLD), document)
    environment = {
        **os.environ,
        "FONTCONFIG_FILE": str(_fontconfig(tmp_path)),
        "HOME": str(tmp_path),  # LibreOffice's profile goes here, not into the user's
    }
    completed = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=environment,
    )
    pdf = tmp_path / "wusu-2023.pdf"
    assert pdf.exists(), completed.stderr
    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=False, timeout=60
    )
    if info.returncode == 0:
        pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
        assert pages >= 4  # the 2023 report fills several A4 pages at 22 lines a page
        assert "pts (A4)" in info.stdout
    subprocess.run(
        [pdftoppm, "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=120,
        env=environment,
    )
    (png,) = tmp_path.glob("page-*.png")
    assert _ink(png.read_bytes()) > 0.02  # text was drawn, not a blank page
    target = os.environ.get("ROL_SCREENSHOT_DIR")
    if target:
        shutil.copy(png, Path(target) / "docx-page-1.png")
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if text.returncode == 0:
        assert "乌苏市教育和科学技术局" in text.stdout
        assert "—1—" in text.stdout.replace(" ", "")  # the page number field, page 1
