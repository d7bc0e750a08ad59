"""Text and HTML import under hostile input: no sentence dropped silently, no escape.

Page chrome is recognised by the line's shape, not a prefix (``_importer_source.is_sentence``),
and every dropped line is reported in full.
"""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.importer import import_bytes
from rol_model.importer._source import _CHROME_KEYS, split_lines

CLAUSES = ["稳步推进", "改造设施30处", "全年审查文件12件", "群众满意度达98%", "持续加强监督"]


@settings(max_examples=150, deadline=None)
@given(
    key=st.sampled_from(_CHROME_KEYS),
    middle=st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=3),
    end=st.sampled_from(["。", "；", "！"]),
)
def test_a_sentence_starting_with_a_portal_key_word_is_kept(
    key: str, middle: list[str], end: str
) -> None:
    line = key.rstrip(":").lstrip("【[") + "工作" + "，".join(middle) + end
    kept, chrome, _ = split_lines(line)
    assert [k.text for k in kept] == [line]
    assert chrome == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CHROME_KEYS), st.text(max_size=30)), max_size=12))
def test_every_dropped_line_is_reported_in_full(lines: list[str]) -> None:
    text = "\n".join(lines)
    _, chrome, issues = split_lines(text)
    assert len(chrome) == sum("skipped web page residue" in i.message for i in issues)
    for line in chrome:
        assert any(i.line == line.number and line.text in i.message for i in issues)


def test_the_cli_shows_each_dropped_line(tmp_path: object) -> None:
    text = (
        "某县司法局2023年法治政府建设情况报告\n有效性：有效\n一、主要举措和成效\n"
        "无障碍环境建设稳步推进，改造无障碍设施30处。\n"
    )
    path = tmp_path / "r.txt"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    main(["import", str(path), "--organization", "某县司法局", "--year", "2023"], out, err)
    assert "改造无障碍设施30处" in out.getvalue()
    assert "有效性：有效" in err.getvalue()
    assert "无障碍" not in err.getvalue()
    report = rm.loads(out.getvalue())
    assert report.title == "某县司法局2023年法治政府建设情况报告"


# --- HTML pages ----------------------------------------------------------------------------------

PAGE_HEAD = "<html><body><p>某县司法局2023年法治政府建设情况报告</p><p>一、主要举措和成效</p>"
FRAGMENTS = [
    "<!--",
    "-->",
    "<a ",
    "<![",
    "<![CDATA[",
    "<html>",
    "</p>",
    "<p>",
    "&#",
    "&#x110000;",
    "<script>",
    "</script>",
    "<style>",
    "<br>",
    "<table><tr><td>",
    "开展检查40次。",
    "\x00",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>",
    "<svg><foreignObject>",
    "<template>",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60), st.integers(1, 50))
def test_hostile_markup_never_escapes(fragments: list[str], repeat: int) -> None:
    page = PAGE_HEAD + "".join(fragments) * repeat
    with contextlib.suppress(rm.RolModelError):
        import_bytes(page.encode("utf-8"), organization="某县司法局", year=2023)


def test_markup_that_was_quadratic_or_crashed_now_imports() -> None:
    for page in (
        PAGE_HEAD + "<p>开展检查40次。</p>" + "<!--" * 100_000,
        PAGE_HEAD + "<p>开展检查40次。</p>" + "<a " * 60_000,
        "<html><![<![",
    ):
        try:
            result = import_bytes(page.encode(), organization="某县司法局", year=2023)
        except rm.InvalidReportError:
            assert page.startswith("<html><![")  # nothing but markup: empty, refused with a reason
            continue
        assert "检查40次" in rm.dumps(result.report)


def test_html_import_without_its_parser_names_the_extra(monkeypatch: object) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)  # type: ignore[attr-defined]
    page = (PAGE_HEAD + "<p>开展检查40次。</p>").encode()
    with pytest.raises(rm.RolModelError, match=r"rol-model\[html\]"):
        import_bytes(page, organization="某县司法局", year=2023)
