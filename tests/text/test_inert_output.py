"""Report text is inert wherever it is written (``rol_model.text._inert``).

Spreadsheets (CSV formula injection, OWASP), terminals (ESC, BEL, CR, bidi controls, newlines
in file names) and Markdown (raw HTML, links); plus ``rol validate ''`` and what the importer
returns for text JSON cannot carry.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.text import csv_cell, markdown_text, terminal_text

ACTIVE = st.sampled_from(["\x1b[2J", "\x1b]0;pwned\x07", "\x07", "\r", "\x9b31m", "\u202e", "\x00"])
TEXTS = st.lists(st.one_of(ACTIVE, st.text(max_size=8)), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_terminal_text_has_no_active_character(text: str) -> None:
    shown = terminal_text(text, one_line=True)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not set(shown) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\n" not in shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="=+-@\t\r0123456789.eE abc<>[]()&\\:", max_size=12))
def test_csv_cells_never_start_a_formula_unless_a_number(text: str) -> None:
    cell = csv_cell(text)
    assert isinstance(cell, str)
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(cell)  # only plain numbers keep their sign


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_markdown_text_opens_no_tag_and_no_link(text: str) -> None:
    shown = markdown_text(text)
    unescaped = [i for i, c in enumerate(shown) if c in "<[" and (i == 0 or shown[i - 1] != "\\")]
    for i in unescaped:  # a < or [ is only ever the escaped form of a backslash pair
        assert shown[:i].endswith("\\\\")


HOSTILE = '=HYPERLINK("http://x")\x1b]0;pwned\x07<script>alert(1)</script>[x](javascript:alert(1))'


def _report(tmp_path: Path) -> Path:
    data: dict[str, Any] = {
        "title": "某局2023年法治政府建设情况报告",
        "organization": {"name": "某局"},
        "year": 2023,
        "parts": [
            {
                "kind": "measures",
                "heading": "@SUM(1+1)",
                "measures": [
                    {
                        "id": "m1",
                        "heading": HOSTILE,
                        "text": HOSTILE,
                        "indicators": [
                            {
                                "id": "m1-i1",
                                "label": "-2+3",
                                "value": -5,
                                "unit": "次",
                                "qualifier": "exact",
                                "source": "+cmd|' /C calc'!A0",
                            }
                        ],
                    }
                ],
            }
        ],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


@pytest.mark.parametrize("bom", [[], ["--bom"]])
def test_export_neutralises_formulas_and_raw_keeps_them(tmp_path: Path, bom: list[str]) -> None:
    report = _report(tmp_path)
    assert _run("export", str(report), "-o", str(tmp_path / "safe"), *bom)[0] == 0
    tables = [tmp_path / "safe" / f"{name}.csv" for name in ("reports", "items", "indicators")]
    cells = [cell for table in tables for cell in _cells(table)]
    assert not [c for c in cells if c and c[0] in "=+-@" and not _number(c)]
    assert "-5" in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert _run("export", str(report), "-o", str(tmp_path / "raw"), "--raw", *bom)[0] == 0
    assert "+cmd|' /C calc'!A0" in _cells(tmp_path / "raw" / "indicators.csv")


def test_trend_csv_neutralises_formulas(tmp_path: Path) -> None:
    report = _report(tmp_path)
    code, out, _ = _run("trend", str(report), "--format", "csv")
    assert code == 0
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert "-2+3" not in cells
    assert "'-2+3" in cells
    _, raw, _ = _run("trend", str(report), "--format", "csv", "--raw")
    assert "-2+3" in [c for row in csv.reader(io.StringIO(raw)) for c in row]


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{r}"],
        ["diff", "{e}", "{r}"],
        ["diff", "{e}", "{r}", "--format", "markdown"],
        ["render", "{r}"],
        ["render", "{r}", "--format", "markdown"],
        ["trend", "{r}"],
    ],
)
def test_no_control_character_reaches_the_terminal(tmp_path: Path, argv: list[str]) -> None:
    report = _report(tmp_path)
    empty = tmp_path / "e.json"
    empty.write_text(
        '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, '
        '"year": 2023}',
        encoding="utf-8",
    )
    _, out, err = _run(*[a.format(r=report, e=empty) for a in argv])
    assert "\x1b" not in out + err
    assert "\x07" not in out + err


def test_markdown_output_escapes_html_and_links(tmp_path: Path) -> None:
    report = _report(tmp_path)
    for argv in (["render", str(report), "--format", "markdown"],):
        _, out, _ = _run(*argv)
        assert "<script>" not in out
        assert "](javascript:" not in out.replace("\\]", "")
        assert "\\<script\\>" in out


def test_a_newline_in_a_file_name_forges_no_line(tmp_path: Path) -> None:
    forged = tmp_path / "x.json\nall.json: valid"
    forged.write_text("{", encoding="utf-8")
    _, out, _ = _run("validate", str(forged))
    assert not any(line.startswith("all.json") for line in out.splitlines())
    assert "\\x0a" in out


def test_validate_of_an_empty_name_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.json").write_text("{", encoding="utf-8")
    code, out, err = _run("validate", "")
    assert code == 2
    assert "empty file name" in err
    assert "r.json" not in out


def test_the_importer_returns_only_reports_dumps_accepts() -> None:
    text = (
        "某县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n开展检查40次\ud800。\n"
        "二、存在的不足和原因\n执法力量不足。\n原因：\n三、下一步工作打算\n加强执法。\n"
    )
    result = rm.import_text(text, organization="某县司法局", year=2023)
    rm.dumps(result.report)
    assert "import.surrogate" in [w.code for w in result.warnings]
