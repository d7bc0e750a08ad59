"""Word import under hostile input: text Word shows is never lost, no exception escapes.

The body is read element by element (``rol_model.importer._wordtext``): tracked insertions,
content controls, simple fields, smart tags and hyperlinks keep their text, deletions are
dropped with a warning. Corrupt archives of every kind are :class:`ReadError`.
"""

from __future__ import annotations

import contextlib
import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm

docx = pytest.importorskip("docx")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"'
HEAD += ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
TAIL = "</w:body></w:document>"


def _template() -> dict[str, bytes]:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


TEMPLATE = _template()


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _word(body: str, members: dict[str, bytes] | None = None) -> bytes:
    parts = dict(TEMPLATE)
    parts["word/document.xml"] = (HEAD + body + TAIL).encode("utf-8")
    parts.update(members or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _import(tmp_path: Path, data: bytes) -> rm.ImportResult:
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    return rm.import_docx(path, organization="某县司法局", year=2023)


FRAME = [
    _p(_r("某县司法局2023年法治政府建设情况报告")),
    _p(_r("一、主要举措和成效")),
]

WRAPPERS = {
    "ins": lambda t: f'<w:ins w:id="1" w:author="a">{_r(t)}</w:ins>',
    "moveTo": lambda t: f'<w:moveTo w:id="1" w:author="a">{_r(t)}</w:moveTo>',
    "sdt": lambda t: f"<w:sdt><w:sdtPr/><w:sdtContent>{_r(t)}</w:sdtContent></w:sdt>",
    "fldSimple": lambda t: f'<w:fldSimple w:instr=" NUMPAGES ">{_r(t)}</w:fldSimple>',
    "smartTag": lambda t: f'<w:smartTag w:uri="u" w:element="e">{_r(t)}</w:smartTag>',
    "hyperlink": lambda t: f'<w:hyperlink w:anchor="a">{_r(t)}</w:hyperlink>',
    "customXml": lambda t: f'<w:customXml w:element="e">{_r(t)}</w:customXml>',
}


@pytest.mark.parametrize("kind", sorted(WRAPPERS))
def test_text_inside_inline_wrappers_is_kept(tmp_path: Path, kind: str) -> None:
    sentence = _p(_r("无障碍环境建设稳步推进，改造无障碍设施") + WRAPPERS[kind]("30") + _r("处。"))
    result = _import(tmp_path, _word("".join([*FRAME, sentence])))
    assert "改造无障碍设施30处" in rm.dumps(result.report)
    tracked = any(w.code == "import.tracked-changes" for w in result.warnings)
    assert tracked == (kind in ("ins", "moveTo"))


def test_a_block_level_content_control_keeps_its_paragraphs(tmp_path: Path) -> None:
    body = "".join(FRAME) + (
        "<w:sdt><w:sdtContent>" + _p(_r("全年开展专项检查40次。")) + "</w:sdtContent></w:sdt>"
    )
    assert "专项检查40次" in rm.dumps(_import(tmp_path, _word(body)).report)


def test_deletions_and_field_codes_are_dropped_with_a_warning(tmp_path: Path) -> None:
    sentence = _p(
        _r("全年办理行政复议案件")
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>99</w:delText></w:r></w:del>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("12")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _r("件。")
    )
    result = _import(tmp_path, _word("".join([*FRAME, sentence])))
    text = rm.dumps(result.report)
    assert "行政复议案件12件" in text
    assert "99" not in text
    assert "PAGE" not in text
    assert [w.severity for w in result.warnings if w.code == "import.tracked-changes"] == [
        "warning"
    ]


def test_a_doctype_past_the_first_4096_bytes_is_refused(tmp_path: Path) -> None:
    padding = "<!--" + "x" * 10_000 + "-->"
    styles = f'<?xml version="1.0"?>{padding}<!DOCTYPE w [<!ENTITY x "y">]><w:styles/>'
    data = _word("".join(FRAME), {"word/styles.xml": styles.encode()})
    with pytest.raises(rm.ReadError, match="DOCTYPE"):
        _import(tmp_path, data)


def test_a_bad_numbering_level_is_no_crash(tmp_path: Path) -> None:
    sentence = '<w:p><w:pPr><w:numPr><w:ilvl w:val="abc"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    sentence += _r("全年开展专项检查40次。") + "</w:p>"
    result = _import(tmp_path, _word("".join([*FRAME, sentence])))
    assert "专项检查40次" in rm.dumps(result.report)


def test_deeply_nested_wrappers_are_no_crash(tmp_path: Path) -> None:
    inner = _r("40")
    for _ in range(3000):
        inner = f"<w:smartTag w:uri='u' w:element='e'>{inner}</w:smartTag>"
    body = "".join([*FRAME, _p(_r("开展专项检查") + inner + _r("次。"))])
    try:
        result = _import(tmp_path, _word(body))
    except rm.ReadError:  # lxml may refuse the depth itself: refused, not crashed
        return
    assert "专项检查40次" in rm.dumps(result.report)


GOOD = _word("".join([*FRAME, _p(_r("全年开展专项检查40次，办结案件12件。"))]))


def _set_method(data: bytes, method: int) -> bytes:
    """Every local and central header claims compression ``method`` (9 is deflate64)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            out[start + offset : start + offset + 2] = struct.pack("<H", method)
            start += 4
    return bytes(out)


def _set_encrypted(data: bytes) -> bytes:
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            out[start + offset] |= 1
            start += 4
    return bytes(out)


@pytest.mark.parametrize(
    "data",
    [
        _set_method(GOOD, 9),
        _set_method(GOOD, 99),
        _set_encrypted(GOOD),
        GOOD[: len(GOOD) // 2],
        GOOD.replace(b"PK\x01\x02", b"PK\x01\x03", 1),
        b"PK\x03\x04" + bytes(100),
        b"",
    ],
)
def test_corrupt_archives_are_read_errors(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(rm.ReadError):
        _import(tmp_path, data)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=2**32), flips=st.integers(min_value=1, max_value=8))
def test_fuzzed_archives_never_escape(tmp_path: Path, seed: int, flips: int) -> None:
    rng = random.Random(seed)
    data = bytearray(GOOD)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    with contextlib.suppress(rm.RolModelError):
        _import(tmp_path, bytes(data))


XML_PIECES = [
    _r("开展检查40次。"),
    WRAPPERS["ins"]("5"),
    WRAPPERS["sdt"]("6"),
    '<w:del w:id="1"><w:r><w:delText>删去之字</w:delText></w:r></w:del>',
    "<w:r><w:tab/><w:br/></w:r>",
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    "<w:r><w:instrText>X</w:instrText></w:r>",
    '<w:pPr><w:numPr><w:ilvl w:val="-5"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="99999999999999999999"/></w:numPr></w:pPr>',
    '<w:pPr><w:pStyle w:val="Nope"/></w:pPr>',
    "<w:tbl><w:tr><w:tc>" + _p(_r("表中文字")) + "</w:tc></w:tr></w:tbl>",
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(st.sampled_from(XML_PIECES), max_size=5), min_size=1, max_size=6))
def test_generated_word_xml_keeps_visible_digits(
    tmp_path: Path, paragraphs: list[list[str]]
) -> None:
    body = "".join(FRAME)
    for drawn in paragraphs:
        if any(piece.startswith("<w:tbl>") for piece in drawn):
            body += "<w:tbl><w:tr><w:tc>" + _p(_r("表中文字")) + "</w:tc></w:tr></w:tbl>"
        pieces = [p for p in drawn if not p.startswith("<w:tbl>")]
        properties = [p for p in pieces if p.startswith("<w:pPr>")][:1]
        runs = [p for p in pieces if not p.startswith("<w:pPr>")]
        body += "<w:p>" + "".join(properties + runs)
        body += "</w:p>"
    try:
        result = _import(tmp_path, _word(body))
    except rm.InvalidReportError:
        return  # e.g. nothing but the title: refused as empty, with a reason
    text = rm.dumps(result.report)
    assert "删去之字" not in text  # deleted text never shows
