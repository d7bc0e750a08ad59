"""Importing published reports: rol_model.import_text / import_file / import_docx and rol import."""

from __future__ import annotations

import io
import json
import random
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.cli import main
from rol_model.importer import _files
from rol_model.importer import _pipeline as _importer
from rol_model.text import fold
from strategies import examples

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ANNOTATIONS = sorted(CORPUS.glob("*.expected.json"))
SEED = CORPUS / "wusu-education-2023.txt"
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"

MINIMAL = """某某县司法局2023年度法治政府建设情况报告
2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设各项工作，取得了一定成效，现报告如下。
一、主要举措和成效
（一）加强组织领导。全年召开专题会议4次。
二、存在的不足和原因
一是学法用法还不够深入。二是执法力量仍显薄弱。
三、2024年工作打算
（一）加强学习培训。组织培训不少于2次。
"""


def _norm(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch not in '。，、；：,.;: \u3000“”"')


def _nodes(part: Any) -> tuple[Any, ...]:
    for field in ("measures", "shortcomings", "plans", "items"):
        if hasattr(part, field):
            return tuple(getattr(part, field))
    return ()  # pragma: no cover


def _assert_items(expected: list[dict[str, Any]], nodes: tuple[Any, ...], where: str) -> None:
    assert [item["marker"] for item in expected] == [node.marker for node in nodes], where
    for item, node in zip(expected, nodes, strict=True):
        own = _norm((node.heading or "") + (node.text or ""))
        assert own.startswith(_norm(item["start"])), f"{where}: {item['start']} vs {own[:20]}"
        _assert_items(item["items"], node.children, f"{where} > {item['marker']}")


def _as_printed(report: rm.Report) -> list[tuple[str, str, tuple[Any, ...]]]:
    """Parts as the report prints them: a leadership part lifted out of the measures
    (import.leadership-folded: no heading, inside the measures part's lines) goes back among the
    measures items, where annotations list it."""
    printed: list[tuple[str, str, tuple[Any, ...]]] = []
    hosts: list[Any] = []
    for part in report.parts:
        host = hosts[-1] if hosts else None
        if (
            part.kind == "leadership"
            and part.heading is None
            and host is not None
            and host.kind == "measures"
            and host.lines.start <= part.lines.start <= host.lines.end
        ):
            kind, heading, nodes = printed[-1]
            merged = sorted((*nodes, *_nodes(part)), key=lambda n: n.lines.start)
            printed[-1] = (kind, heading, tuple(merged))
            continue
        hosts.append(part)
        printed.append((part.kind, (part.marker or "") + (part.heading or ""), _nodes(part)))
    return printed


REALISTIC_ANNOTATIONS = sorted(
    (Path(__file__).resolve().parents[1] / "fixtures" / "realistic").glob("*.expected.json")
)


@pytest.mark.parametrize(
    "annotation",
    [*ANNOTATIONS, *REALISTIC_ANNOTATIONS],
    ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}",
)
def test_each_corpus_report_imports_as_annotated(annotation: Path) -> None:
    expected = json.loads(annotation.read_text(encoding="utf-8"))
    if "expected_error" in expected:  # another genre: refused, with its code
        with pytest.raises(rm.InvalidReportError) as caught:
            rm.import_file(annotation.parent / expected["source"])
        assert caught.value.issues[0].code == expected["expected_error"]
        return
    result = rm.import_file(annotation.parent / expected["source"])
    report = result.report
    assert report.title == expected["title"]
    assert report.organization.name == expected["organization"]
    assert report.year == expected["year"]
    assert report.source is not None
    assert report.source.encoding == expected["encoding"]
    parts = [p for p in expected["parts"] if p["kind"] != "preamble"]
    assert (report.preamble is not None) == any(p["kind"] == "preamble" for p in expected["parts"])
    printed = _as_printed(report)
    assert [kind for kind, _, _ in printed] == [p["kind"] for p in parts]
    for (_, heading, nodes), wanted in zip(printed, parts, strict=True):
        assert heading == wanted["heading"]
        _assert_items(wanted["items"], nodes, wanted["heading"])
    causes = [_norm(cause.text) for cause in report.causes]
    for start in expected["causes"]:
        assert any(cause.startswith(_norm(start)) for cause in causes), start
    got = [(i.value, i.unit, i.qualifier) for _, i in rm.iter_indicators(report)]
    wanted_figures = [
        (Decimal(i["value"]), i["unit"], i["qualifier"]) for i in expected["indicators"]
    ]
    assert sorted(got) == sorted(wanted_figures)
    rm.loads(rm.dumps(report))  # schema-valid, and survives the JSON round trip


def test_the_seed_imports_equal_to_the_hand_built_example_but_for_figure_labels() -> None:
    if not EXAMPLE.exists():  # pragma: no cover - the example ships with the repository
        pytest.skip("examples/reports/wusu-education-2023.json not found")
    example = rm.load(EXAMPLE)
    imported = rm.import_file(SEED).report
    assert (imported.title, imported.year) == (example.title, example.year)
    assert imported.organization.name == example.organization.name
    assert imported.preamble == example.preamble
    assert len(imported.parts) == len(example.parts)
    for mine, theirs in zip(imported.parts, example.parts, strict=True):
        for field in ("kind", "marker", "heading", "text", "references", "lines", "indicators"):
            assert getattr(mine, field) == getattr(theirs, field), field
    mine_nodes = list(rm.iter_nodes(imported))
    their_nodes = list(rm.iter_nodes(example))
    assert [pointer for pointer, _ in mine_nodes] == [pointer for pointer, _ in their_nodes]
    for (_, mine_node), (pointer, their_node) in zip(mine_nodes, their_nodes, strict=True):
        for field in ("id", "marker", "heading", "text", "references", "lines"):
            assert getattr(mine_node, field) == getattr(their_node, field), (pointer, field)
        assert len(mine_node.indicators) == len(their_node.indicators), pointer
        for a, b in zip(mine_node.indicators, their_node.indicators, strict=True):
            assert (a.id, a.value, a.unit, a.qualifier) == (b.id, b.value, b.unit, b.qualifier)
            assert a.source in b.source or b.source in a.source or a.source.endswith(b.source[-6:])


def test_chinese_text_survives_unchanged() -> None:
    seed = SEED.read_text(encoding="utf-8")
    report = rm.import_file(SEED).report
    for _, node in rm.iter_nodes(report):
        for text in (node.heading, node.text):
            if text:
                assert text in seed


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_the_encoding_is_detected_and_recorded(tmp_path: Path, encoding: str, label: str) -> None:
    path = tmp_path / "report.txt"
    data = MINIMAL.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    report = rm.import_file(path).report
    assert report.source == rm.Source(file="report.txt", encoding=label)
    assert report.title == "某某县司法局2023年度法治政府建设情况报告"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"PK\x03\x04" + bytes(100), "ZIP"),
        (b"%PDF-1.7\n", "PDF"),
        ("法治".encode() + b"\x00\x01\x02" * 50, "NUL"),
        (bytes(range(128, 256)) * 40, "cannot decode"),
    ],
)
def test_binary_or_undecodable_files_are_refused_clearly(
    tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(rm.ReadError, match=words):
        rm.import_file(path)


def test_a_missing_or_oversized_file_is_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(rm.ReadError, match=r"missing\.txt"):
        rm.import_file(tmp_path / "missing.txt")
    path = tmp_path / "big.txt"
    path.write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setattr(_files, "MAX_IMPORT_BYTES", 10)  # where files and bytes are read
    with pytest.raises(rm.ReadError, match="limit of 10 bytes"):
        rm.import_file(path)
    with pytest.raises(rm.ReadError, match="more than 10 bytes"):
        _files.import_bytes(path.read_bytes(), name="big.txt")


def test_web_page_chrome_and_word_bookmarks_are_dropped_with_line_numbers() -> None:
    text = (
        "某市人民政府门户网站\n"
        "今天是：2019年6月7日 星期五\n"
        "首页 > 政务公开 > 法治政府建设\n"
        "某某县司法局2023年度法治政府建设情况报告\n"
        "发布时间：2024-03-15 10:20　来源：县司法局　浏览次数：1386　字号：大 中 小\n"
        "索引号：001-2024-00012　　发文字号：县司法〔2024〕3号\n"
        "[bookmark: _Toc1]2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设各项工作。\n"
        "一、主要举措和成效\n"
        "（一）加强组织领导。全年召开专题会议4次。\n"
        "【打印】　【关闭】\n"
    )
    result = rm.import_text(text)
    report = result.report
    assert report.year == 2023
    assert report.published_on is not None
    assert report.published_on.isoformat() == "2024-03-15"
    assert report.preamble is not None
    assert report.preamble.text.startswith("2023年，我局")
    residue = {w.line for w in result.warnings if w.code == "import.residue"}
    assert residue == {1, 2, 3, 5, 6, 7, 10}
    assert [(i.value, i.unit) for _, i in rm.iter_indicators(report)] == [(Decimal(4), "次")]


def test_a_title_over_two_lines_is_joined_and_a_signature_gives_organization_and_date() -> None:
    text = (
        "柳溪镇2024年法治政府\n建设工作报告\n"
        "2024年，柳溪镇在县委、县政府的正确领导下，扎实推进依法行政和基层依法治理工作。\n"
        "一、工作开展情况\n（一）推进依法行政。全年审查合同26份。\n"
        "二、存在的问题\n一是部分村干部法治意识不强；二是执法力量不足。\n"
        "三、下一步工作打算\n（一）加强学法用法。\n"
        "柳溪镇人民政府\n2025年1月20日\n"
    )
    report = rm.import_text(text).report
    assert report.title == "柳溪镇2024年法治政府建设工作报告"
    assert report.organization == rm.Organization(
        name="柳溪镇人民政府", level="township", kind="government"
    )
    assert report.issued_on is not None
    assert report.issued_on.isoformat() == "2025-01-20"
    assert [p.kind for p in report.parts] == ["measures", "shortcomings", "plans"]
    assert [s.marker for s in report.shortcomings] == ["一是", "二是"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2023年度推进法治政府建设的主要举措和成效", "measures"),
        ("工作开展情况", "measures"),
        ("主要做法和成效", "measures"),
        ("存在的问题", "shortcomings"),
        ("存在的不足和原因", "shortcomings"),
        ("存在的問題和原因", "shortcomings"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"),
        ("黨政主要負責人履行推進法治建設第一責任人職責情況", "leadership"),
        ("下一步工作打算", "plans"),
        ("2024年推进法治政府建设的主要安排", "plans"),
        ("2024年工作思路", "plans"),
        ("2024年度工作计划", "plans"),
        ("下一年度工作打算", "plans"),
        ("其他需要报告的情况", "other"),
        ("其他需要報告的情況", "other"),
    ],
)
def test_part_kinds_come_from_the_heading_wording(heading: str, kind: str) -> None:
    assert _importer.classify_part(heading, 2023)[0] == kind


def test_an_unrecognised_part_heading_is_taken_as_measures_with_a_warning() -> None:
    text = MINIMAL.replace(
        "二、存在的不足和原因\n", "二、严格规范公正文明执法\n（一）推进改革。\n三、存在的问题\n"
    )
    text = text.replace("三、2024年工作打算", "四、2024年工作打算")
    result = rm.import_text(text)
    assert [p.kind for p in result.report.parts] == [
        "measures",
        "measures",
        "shortcomings",
        "plans",
    ]
    assert any(w.code == "import.part-unrecognised" and w.line == 5 for w in result.warnings)


def test_ids_follow_the_convention_and_every_item_has_its_lines() -> None:
    report = rm.import_file(CORPUS / "01-baichuan-county-government-2023.txt").report
    ids = [node.id for _, node in rm.iter_nodes(report)]
    assert ids[:3] == ["m1", "m1.1", "m1.2"]
    assert {"s1", "c1", "l1", "p1"} <= set(ids)
    for _, node in rm.iter_nodes(report):
        assert node.lines is not None
        assert node.lines.start <= node.lines.end
        for index, indicator in enumerate(node.indicators, start=1):
            assert indicator.id == f"{node.id}-i{index}"
    assert all(part.lines is not None for part in report.parts)


def test_causes_under_a_cause_heading_are_causes_not_items() -> None:
    report = rm.import_file(CORPUS / "10-linxi-housing-cause-analysis-2024.txt").report
    part = report.parts[1]
    assert isinstance(part, rm.ShortcomingsPart)
    assert [s.heading for s in part.shortcomings] == ["存在的不足", "原因分析"]
    assert part.shortcomings[1].children == ()
    assert [c.marker for c in part.causes] == ["一是", "二是", "三是", "四是"]


def test_a_cause_inside_a_shortcoming_is_linked_to_it() -> None:
    report = rm.import_file(CORPUS / "09-ningfeng-police-2025.txt").report
    assert [c.shortcoming_ids for c in report.causes] == [("s1",), ("s2",), ("s3",)]
    assert report.causes[0].text.startswith("主要原因是")
    assert "主要原因是" not in (report.shortcomings[0].text or "")


def test_enumerations_inside_a_paragraph_become_items_and_the_lead_stays_text() -> None:
    report = rm.import_file(SEED).report
    part = report.parts[1]
    assert part.text is not None
    assert part.text.endswith("还存在一些差距和短板。")
    assert [s.heading for s in report.shortcomings][:2] == [
        "工作人员法治意识和能力有待提高",
        "教育行政执法体系有待完善",
    ]
    assert report.shortcomings[3].heading is None  # one sentence: all text, no heading


def test_references_go_on_the_item_that_cites_them() -> None:
    report = rm.import_file(SEED).report
    node = report.measures[0].children[1]
    assert node.references[0] == "中华人民共和国预防未成年人犯罪法"
    assert all("《" not in ref for _, n in rm.iter_nodes(report) for ref in n.references)


def test_numbering_glitches_are_read_as_the_intended_levels() -> None:
    report = rm.import_file(CORPUS / "12-baichuan-agriculture-numbering-glitches-2021.txt").report
    measures = report.measures
    assert [m.marker for m in measures] == ["一）", "（二）", "（三）"]
    assert [c.marker for c in measures[1].children] == ["4、", "5.", "6．"]
    assert measures[0].heading == "加强组织领导，落实法治建设责任"


def test_a_report_without_a_year_fails_cleanly_unless_one_is_given() -> None:
    text = "某某县司法局法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导。\n"
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.import_text(text)
    assert caught.value.issues[0].code == "import.year-missing"
    report = rm.import_text(text, year=2023, organization="某某县司法局").report
    assert (report.year, report.organization.name) == (2023, "某某县司法局")


def test_empty_text_fails_cleanly() -> None:
    with pytest.raises(rm.InvalidReportError, match="no report content"):
        rm.import_text(" \n\u3000\n")


def test_outline_deeper_than_the_model_allows_is_kept_as_text_with_a_warning() -> None:
    text = MINIMAL.replace(
        "（一）加强组织领导。全年召开专题会议4次。\n",
        "（一）加强组织领导\n1.健全机制\n（1）明确分工\n①细化任务\nA)落实责任\n"
        "（1）明确分工\n(一)再次\n",
    )
    text = text.replace("A)落实责任", "1)落实责任")
    result = rm.import_text(text)
    rm.dumps(result.report)
    assert all(pointer.count("children") <= 3 for pointer, _ in rm.iter_nodes(result.report))


def test_deeply_repeated_headings_import_into_a_valid_report() -> None:
    body = "".join(
        f"（{'一二三四五六七八九'[i % 9]}）加强工作\n1.健全机制\n（1）细化\n①落实\n"
        for i in range(300)
    )
    text = "某某县司法局2023年度法治政府建设情况报告\n一、主要举措和成效\n" + body
    result = rm.import_text(text)
    rm.dumps(result.report)
    assert len(result.report.measures) == 300
    assert all(len(m.children[0].children[0].children) == 1 for m in result.report.measures)


def test_random_cjk_and_digits_import_or_fail_cleanly() -> None:
    rng = random.Random(5)
    chars = [chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(2000)] + list("0123456789")
    lines = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 200))) for _ in range(500)]
    try:
        result = rm.import_text("\n".join(lines), organization="某局", year=2023)
    except rm.RolModelError:
        return
    rm.dumps(result.report)


def test_a_line_longer_than_the_schema_allows_fails_with_an_invalid_report_error() -> None:
    with pytest.raises(rm.InvalidReportError):
        rm.import_text("报告\n" + "法" * 200_000, organization="某局", year=2023)


# --- Word ----------------------------------------------------------------------------------------


def _docx(tmp_path: Path, paragraphs: list[tuple[str, str | None]]) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


def test_a_word_file_imports_like_its_text(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    path = _docx(tmp_path, [(line, None) for line in lines])
    from_word = rm.import_docx(path).report
    from_text = rm.import_file(SEED).report
    assert from_word.parts == from_text.parts
    assert from_word.source == rm.Source(file="report.docx")


def test_word_heading_styles_become_markers(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [
            ("某某县司法局2023年度法治政府建设情况报告", "Title"),
            ("2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。", None),
            ("主要举措和成效", "Heading 1"),
            ("加强组织领导", "Heading 2"),
            ("全年召开专题会议4次。", None),
            ("存在的不足和原因", "Heading 1"),
            ("执法力量仍显薄弱", "Heading 2"),
        ],
    )
    report = rm.import_docx(path).report
    assert [(p.marker, p.kind) for p in report.parts] == [
        ("一、", "measures"),
        ("二、", "shortcomings"),
    ]
    assert report.measures[0].marker == "（一）"
    assert report.measures[0].heading == "加强组织领导"


def _zip(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "evil.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"word/document.xml": b"<w/>", "word/media/big.bin": bytes(50_000_000)})
    with pytest.raises(rm.ReadError, match="zip bomb"):
        rm.import_docx(path)


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w>&x;</w>'
    path = _zip(tmp_path, {"word/document.xml": xml})
    with pytest.raises(rm.ReadError, match="DOCTYPE"):
        rm.import_docx(path)


def test_a_file_that_is_no_zip_is_refused_as_word(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(rm.ReadError, match="not a Word"):
        rm.import_docx(path)


# --- CLI -----------------------------------------------------------------------------------------


def test_rol_import_writes_valid_json_and_says_which_encoding(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    source = CORPUS / "04-yunshan-health-web-page-2023.txt"
    target = tmp_path / "report.json"
    assert main(["import", str(source), "-o", str(target)], out, err) == 0
    assert rm.load(target).source == rm.Source(
        file="04-yunshan-health-web-page-2023.txt", encoding="gb18030"
    )
    out = io.StringIO()
    assert main(["import", str(source), "--format", "text"], out, err) == 0
    assert "encoding: gb18030" in out.getvalue()
    assert "line 1: skipped web page residue" in out.getvalue()


def test_rol_import_prints_json_and_exits_1_on_warnings(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(MINIMAL.replace("二、存在的不足和原因", "二、严格执法"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path)], out, err) == 1
    assert rm.loads(out.getvalue()).year == 2023
    assert "import.part-unrecognised" in err.getvalue()


def test_rol_import_of_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(tmp_path / "nope.txt")], out, err) == 2
    assert "nope.txt" in err.getvalue()


# --- variety seen in real reports -------------------------------------------------------------


def _outline(report: rm.Report) -> list[Any]:
    def walk(nodes: tuple[Any, ...]) -> list[Any]:
        return [(n.heading, len(n.indicators), walk(n.children)) for n in nodes]

    return [(p.kind, p.heading, walk(_nodes(p))) for p in report.parts]


def test_text_hard_wrapped_at_a_fixed_width_is_joined_back_into_paragraphs() -> None:
    source = CORPUS / "01-baichuan-county-government-2023.txt"
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        lines += [line[i : i + 35] for i in range(0, len(line), 35)] or [""]
    wrapped = rm.import_text("\n".join(lines)).report
    original = rm.import_file(source).report
    assert _outline(wrapped) == _outline(original)
    assert wrapped.title == original.title


def test_other_enumeration_styles_and_comma_separated_ones_become_items() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "一、主要工作及成效\n（一）加强组织领导。全年召开专题会议4次。\n"
        "二、存在的问题\n主要表现在：一是学法用法还不够深入，二是执法力量仍显薄弱，三是普法形式单一。\n"
        "三、下步工作打算\n2024年，我局将重点抓好以下工作：一要加强学习培训；二要规范执法行为。\n"
        "四、其他需要报告的情况\n第一，本报告经局党组会议审议通过。第二，已在门户网站公开。\n"
    )
    report = rm.import_text(text).report
    assert [p.kind for p in report.parts] == ["measures", "shortcomings", "plans", "other"]
    assert [(s.marker, s.heading, s.text) for s in report.shortcomings] == [
        ("一是", None, "学法用法还不够深入，"),
        ("二是", None, "执法力量仍显薄弱，"),
        ("三是", None, "普法形式单一。"),
    ]
    assert [p.marker for p in report.plans] == ["一要", "二要"]
    assert [i.marker for i in report.other_matters] == ["第一，", "第二，"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("存在的问题和下一步工作打算", "shortcomings"),
        ("下一步打算及存在问题", "plans"),
        ("2024年工作重点", "plans"),
        ("2023年度工作总结", "measures"),
        ("2023年度工作计划完成情况", "measures"),
        ("主要负责人履职情况", "leadership"),
    ],
)
def test_combined_and_unusual_part_headings(heading: str, kind: str) -> None:
    assert _importer.classify_part(heading, 2023) == (kind, True)


@pytest.mark.parametrize(
    ("title", "organization", "year"),
    [
        ("2023年度某某县司法局法治政府建设情况报告", "某某县司法局", 2023),
        ("某某县司法局二〇二三年度法治政府建设情况报告", "某某县司法局", 2023),
        ("柏川县人民政府关于2023年度法治政府建设情况的报告", "柏川县人民政府", 2023),
        (
            "中共某某县委全面依法治县委员会办公室2023年法治建设工作报告",
            "中共某某县委全面依法治县委员会办公室",
            2023,
        ),
    ],
)
def test_organization_and_year_come_from_titles_of_many_shapes(
    title: str, organization: str, year: int
) -> None:
    report = rm.import_text(title + "\n一、主要举措和成效\n（一）加强组织领导。\n").report
    assert (report.organization.name, report.year) == (organization, year)


def test_unnumbered_part_headings_are_found_when_there_is_no_numbered_one() -> None:
    text = (
        "某县司法局2023年度法治政府建设工作总结\n"
        "2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设各项工作，现总结如下。\n"
        "一年来的主要工作\n（一）加强组织领导。全年召开专题会议4次。\n（二）推进依法行政。\n"
        "存在的问题\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
        "下一步工作打算\n（一）加强学习培训。组织培训不少于2次。\n"
    )
    result = rm.import_text(text)
    parts = result.report.parts
    assert [(p.kind, p.marker, p.heading) for p in parts] == [
        ("measures", None, "一年来的主要工作"),
        ("shortcomings", None, "存在的问题"),
        ("plans", None, "下一步工作打算"),
    ]
    assert [len(_nodes(p)) for p in parts] == [2, 2, 1]
    assert {w.line for w in result.warnings if w.code == "import.part-unnumbered"} == {3, 6, 8}


def test_parenthesised_part_headings_are_parts_when_there_is_no_numbered_one() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "（一）主要举措和成效\n1.加强组织领导。全年召开专题会议4次。\n2.推进依法行政。审查合同26份。\n"
        "（二）存在的不足和原因\n1.学法用法还不够深入。部分干部学习不够。\n"
        "（三）下一步工作打算\n1.加强学习培训。组织培训不少于2次。\n"
    )
    parts = rm.import_text(text).report.parts
    assert [(p.kind, p.marker) for p in parts] == [
        ("measures", "（一）"),
        ("shortcomings", "（二）"),
        ("plans", "（三）"),
    ]
    assert [m.heading for m in rm.import_text(text).report.measures] == [
        "加强组织领导",
        "推进依法行政",
    ]


BODY = (
    "\n一、2023年推进法治政府建设的主要举措和成效\n（一）加强组织领导。全年召开专题会议4次。\n"
    "二、存在的不足和原因\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "某某市某某区人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n"
        "某某区2023年度法治政府建设情况报告\n"
        "来源:某某区人民政府办公室 发布时间:2024-03-28 09:18\n"
        "某某区2023年度法治政府建设情况报告",
        "今天是:2019年10月31日 星期三 农历十月初七\n工作报告\n您所在的位置:政务公开 > 工作报告\n"
        "2023年某某区法治政府建设情况报告\n文章来源:司法局 更新时间:2024/03/28 11:30:01\n"
        "2023年某某区法治政府建设情况报告",
    ],
)
def test_page_headers_of_government_portals_are_skipped(head: str) -> None:
    result = rm.import_text(head + "\n2023年，某某区坚持依法行政，扎实推进法治政府建设。" + BODY)
    report = result.report
    assert "某某区" in report.title
    assert report.title.endswith("法治政府建设情况报告")
    assert report.organization.name == "某某区人民政府"
    assert report.year == 2023
    assert report.published_on is not None
    assert report.published_on.isoformat() == "2024-03-28"
    assert report.preamble is not None
    assert report.preamble.text.startswith("2023年，某某区坚持依法行政")


_PIECES = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "1.",
    "2、",
    "（1）",
    "①",
    "一是",
    "二是",
    "第一，",
    "原因：",
    "主要原因是",
    "存在的问题",
    "下一步工作打算",
    "第一责任人",
    "其他",
    "报告",
    "2023年",
    "3万余人",
    "98.6％",
    "约12次",
    "《条例》",
    "“八五”",
    "〔2023〕12号",
    "[bookmark: _Toc1]",
    "发布时间：2024-03-15",
    "首页 > 政务公开",
    "。",
    "，",
    "；",
    "：",
    "\n",
    "\n",
    "\r\n",
    "　",
    "法治政府建设",
    "加强组织领导",
]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=5), max_size=80))
def test_any_text_imports_into_a_valid_report_or_fails_cleanly(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        result = rm.import_text(text, organization="某某县司法局", year=2023)
    except rm.RolModelError:
        return
    rm.loads(rm.dumps(result.report))
    for warning in result.warnings:
        assert warning.line is None or warning.line >= 1


def test_a_plan_worded_against_a_shortcoming_names_it() -> None:
    report = rm.import_file(CORPUS / "10-linxi-housing-cause-analysis-2024.txt").report
    assert [p.shortcoming_ids for p in report.plans] == [
        ("s1.1",),
        ("s1.2",),
        ("s1.3",),
        ("s1.4",),
        (),
    ]


def test_part_numerals_followed_by_a_space_bold_markers_and_a_stray_comma_after_a_marker() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。\n"
        "**一　主要工作及成效**\n（一）、加强组织领导。全年召开专题会议4次。\n"
        "二 存在的问题\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
    )
    report = rm.import_text(text).report
    assert [(p.kind, p.marker, p.heading) for p in report.parts] == [
        ("measures", "一", "主要工作及成效"),
        ("shortcomings", "二", "存在的问题"),
    ]
    assert report.measures[0].heading == "加强组织领导"


def test_rol_import_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (CORPUS / "04-yunshan-health-web-page-2023.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", "-"], out, err) == 0
    report = rm.loads(out.getvalue())
    assert report.source == rm.Source(encoding="gb18030")
    assert report.organization.name == "云山区卫生健康委员会"


def test_a_combined_problems_and_plans_part_is_split_and_a_nameless_title_uses_the_preamble() -> (
    None
):
    text = (
        "关于2023年度法治政府建设情况的报告\n"
        "2023年，某某县市场监督管理局在县委、县政府的正确领导下，坚持依法行政。\n"
        "一、主要工作及成效\n（一）加强组织领导。全年召开专题会议4次。\n"
        "二、存在的问题及下一步工作打算\n（一）存在的问题\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
        "（二）下一步工作打算\n1.加强学习培训。组织培训不少于2次。\n2.规范执法行为。开展案卷评查。\n"
    )
    result = rm.import_text(text)
    report = result.report
    assert report.organization.name == "某某县市场监督管理局"
    assert [(p.kind, p.heading) for p in report.parts] == [
        ("measures", "主要工作及成效"),
        ("shortcomings", "存在的问题及下一步工作打算"),
        ("plans", "下一步工作打算"),
    ]
    assert [p.heading for p in report.plans] == ["加强学习培训", "规范执法行为"]
    codes = {w.code for w in result.warnings}
    assert {"import.part-split", "import.organization-source"} <= codes


def test_rol_import_reads_word_files(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    path = _docx(tmp_path, [(line, None) for line in lines])
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(path), "--format", "text"], out, err) == 0
    assert "title: 乌苏市教育和科学技术局2023年法治政府建设情况报告" in out.getvalue()


def test_part_headings_written_as_sections() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。\n"
        "第一部分 主要举措和成效\n（一）加强组织领导。全年召开专题会议4次。\n"
        "第二部分：存在的不足和原因\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
    )
    parts = rm.import_text(text).report.parts
    assert [(p.kind, p.marker, p.heading) for p in parts] == [
        ("measures", "第一部分", "主要举措和成效"),
        ("shortcomings", "第二部分：", "存在的不足和原因"),
    ]


def test_narrative_paragraphs_that_open_with_a_short_sentence_are_not_items() -> None:
    text = MINIMAL.replace(
        "三、2024年工作打算\n",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "局党组书记、局长认真履行第一责任人职责。全年主持召开党组会议研究法治工作4次。\n"
        "主要负责人带头述法。在年度述职中专门报告法治建设情况，接受干部职工评议。\n"
        "主要负责人坚持把法治要求落实到重大决策全过程，凡提请局党组会议审议的事项均先经合法性审查，"
        "未经审查的不上会讨论，并多次带队到基层调研执法规范化建设情况。\n"
        "局领导班子其他成员按照一岗双责要求抓好分管领域法治建设，形成齐抓共管的工作格局，"
        "推动各项任务落到实处，全年未发生违反决策程序的情况。\n"
        "四、2024年工作打算\n",
    )
    report = rm.import_text(text).report
    leadership = report.leadership
    assert leadership is not None
    assert leadership.items == ()
    assert leadership.text is not None
    assert leadership.text.count("\n") == 3


@pytest.mark.parametrize(
    ("heading", "is_cause"),
    [
        ("原因分析", True),
        ("存在问题的原因", True),
        ("产生上述问题的原因", True),
        ("存在的问题及原因", False),
        ("存在的不足", False),
    ],
)
def test_which_sub_headings_head_causes(heading: str, is_cause: bool) -> None:
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        f"（一）{heading}\n1.学法用法还不够深入。部分干部学习不够。\n2.执法力量仍显薄弱。人员较少。\n",
    )
    report = rm.import_text(text).report
    assert bool(report.causes) is is_cause
    assert len(report.shortcomings[0].children) == (0 if is_cause else 2)


def test_arabic_part_numbers_and_enclosed_markers() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。\n"
        "1.主要举措和成效\n㈠加强组织领导\n⑴健全机制。全年召开专题会议4次。\n⑵压实责任。签订责任书12份。\n"
        "2.存在的问题\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
        "3.下一步工作打算\n㈠加强学习培训。组织培训不少于2次。\n"
    )
    report = rm.import_text(text).report
    assert [(p.kind, p.marker) for p in report.parts] == [
        ("measures", "1."),
        ("shortcomings", "2."),
        ("plans", "3."),
    ]
    assert [c.marker for c in report.measures[0].children] == ["⑴", "⑵"]
    assert report.measures[0].children[1].indicators[0].value == Decimal(12)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>某某区2023年度法治政府建设情况报告</title>
<style>p{color:red}</style><script>var x = "一、不是内容";</script></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 法治政府建设</div>
<h1>某某区2023年度法治政府建设情况报告</h1>
<div class="info">来源：某某区司法局　发布时间：2024-03-28</div>
<div class="content"><p>　　2023年，某某区坚持依法行政，扎实推进法治政府建设。</p>
<p>一、主要举措和成效</p><p>（一）加强组织领导。全年召开专题会议4次。</p>
<p>二、存在的不足和原因</p><p>一是学法用法还不够深入。二是执法力量仍显薄弱。</p>
</div><div class="foot">【打印】【关闭】</div></body></html>
"""


def test_a_saved_web_page_imports_from_its_visible_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(PAGE.encode("gb18030"))
    result = rm.import_file(path)
    report = result.report
    assert report.title == "某某区2023年度法治政府建设情况报告"
    assert report.source == rm.Source(file="report.html", encoding="gb18030")
    assert report.published_on is not None
    assert [p.kind for p in report.parts] == ["measures", "shortcomings"]
    assert report.measures[0].text == "全年召开专题会议4次。"
    assert any(w.code == "import.html" for w in result.warnings)
    assert "不是内容" not in rm.dumps(report)


def test_a_combined_measures_and_problems_part_is_split_at_its_problems_sub_heading() -> None:
    text = (
        "某县司法局2023年度法治政府建设情况报告\n"
        "2023年，我局认真贯彻落实上级部署，扎实推进法治政府建设。\n"
        "一、工作开展情况及存在的问题\n（一）工作开展情况\n1.加强组织领导。全年召开专题会议4次。\n"
        "（二）存在的问题\n一是学法用法还不够深入。二是执法力量仍显薄弱。\n"
        "二、下一步工作打算\n（一）加强学习培训。组织培训不少于2次。\n"
    )
    parts = rm.import_text(text).report.parts
    assert [(p.kind, p.marker, p.heading) for p in parts] == [
        ("measures", "一、", "工作开展情况及存在的问题"),
        ("shortcomings", "（二）", "存在的问题"),
        ("plans", "二、", "下一步工作打算"),
    ]


@pytest.mark.parametrize(
    ("text", "options", "code"),
    [
        (
            "报告\n一、主要举措和成效\n（一）加强组织领导。\n",
            {"organization": "局" * 300, "year": 2023},
            "import.too-long",
        ),
        ("某局法治政府建设报告\n一、主要举措和成效\n", {"year": 1999}, "import.year"),
        (
            "某局2023年度法治政府建设报告\n一、主要举措和成效\n" + "检查1次，" * 12000,
            {},
            "import.too-many",
        ),
    ],
)
def test_what_the_schema_would_refuse_fails_cleanly(
    text: str, options: dict[str, Any], code: str
) -> None:
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.import_text(text, **options)
    assert caught.value.issues[0].code == code


def test_a_general_cause_sentence_after_the_last_enumerated_shortcoming_is_a_cause() -> None:
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        "一是学法用法还不够深入；二是执法力量仍显薄弱。产生问题的原因主要是基层人才缺乏。\n",
    )
    report = rm.import_text(text).report
    assert [s.text for s in report.shortcomings] == ["学法用法还不够深入；", "执法力量仍显薄弱。"]
    assert [(c.text, c.shortcoming_ids) for c in report.causes] == [
        ("产生问题的原因主要是基层人才缺乏。", ())
    ]


def test_a_document_number_above_and_a_date_under_the_title() -> None:
    text = (
        "清河县人民政府文件\n清政报〔2024〕3号\n"
        "清河县人民政府关于2023年度法治政府建设情况的报告\n（2024年2月20日）\n"
        "2023年，县政府坚持依法行政，扎实推进法治政府建设。\n"
        "一、主要举措和成效\n（一）加强组织领导。全年召开专题会议4次。\n"
    )
    result = rm.import_text(text)
    report = result.report
    assert report.title == "清河县人民政府关于2023年度法治政府建设情况的报告"
    assert report.issued_on is not None
    assert report.issued_on.isoformat() == "2024-02-20"
    assert report.preamble is not None
    assert report.preamble.text.startswith("2023年")
    assert {w.line for w in result.warnings if w.code == "import.residue"} == {1, 2}


REALISTIC = Path(__file__).resolve().parents[1] / "fixtures" / "realistic"
SHIMEN = REALISTIC / "01-shimen-county-header-block-2022.txt"


def test_issuer_date_and_addressee_under_the_title_are_front_matter() -> None:
    result = rm.import_file(SHIMEN)
    report = result.report
    assert report.organization.name == "石门县人民政府"
    assert report.issued_on is not None
    assert report.issued_on.isoformat() == "2023-02-25"
    assert report.preamble is not None
    assert report.preamble.text.startswith("2022年，我县坚持")
    assert [w.line for w in result.warnings if w.code == "import.addressee"] == [5]


@pytest.mark.parametrize(
    ("head", "organization"),
    [
        ("关于石门县2022年度法治政府建设工作情况的报告\n", "石门县人民政府"),
        ("关于2022年度法治政府建设工作情况的报告\n石门县司法局\n县委、县政府：\n", "石门县司法局"),
        (
            "2022年度法治政府建设工作情况的报告\n（2023年2月25日）\n石门县交通运输局\n",
            "石门县交通运输局",
        ),
    ],
)
def test_organization_from_a_title_naming_a_place_or_an_issuer_line(
    head: str, organization: str
) -> None:
    text = head + MINIMAL.split("\n", 1)[1]
    report = rm.import_text(text).report
    assert report.organization.name == organization
    assert report.preamble is not None
    assert report.preamble.text.startswith("2023年，我局")


def test_a_closing_signature_and_date_give_organization_and_issue_date() -> None:
    text = (
        MINIMAL.replace("某某县司法局2023年度", "2023年度")
        + "临溪市住房和城乡建设局\n2025年2月8日\n"
    )
    report = rm.import_text(text).report
    assert report.organization.name == "临溪市住房和城乡建设局"
    assert report.issued_on is not None
    assert report.issued_on.isoformat() == "2025-02-08"


def test_a_leadership_item_folded_into_the_measures_becomes_the_leadership_part() -> None:
    result = rm.import_file(SHIMEN)
    report = result.report
    assert [p.kind for p in report.parts] == ["measures", "leadership", "shortcomings", "plans"]
    lead = report.parts[1]
    assert isinstance(lead, rm.LeadershipPart)
    (item,) = lead.items
    assert (item.id, item.marker) == ("l1", "（一）")
    assert item.heading == "党政主要负责人切实履行推进法治建设第一责任人职责"
    assert [i.id for i in item.indicators] == ["l1-i1", "l1-i2"]
    assert item.lines is not None
    assert item.lines.start == 9
    assert [m.marker for m in report.measures] == ["（二）", "（三）"]
    assert [w.line for w in result.warnings if w.code == "import.leadership-folded"] == [9]


def test_a_report_with_its_own_leadership_part_keeps_measures_that_mention_leaders() -> None:
    report = rm.import_file(CORPUS / "01-baichuan-county-government-2023.txt").report
    assert [p.kind for p in report.parts].count("leadership") == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "究其原因，主要是培训不足。",
        "产生问题的原因主要有：培训不足。",
        "原因在于培训不足。",
        "主要原因是培训不足。",
    ],
)
def test_cause_sentences_inside_a_shortcoming_become_causes(sentence: str) -> None:
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        f"（一）学法用法还不够深入。部分干部学法流于形式。{sentence}\n（二）执法力量仍显薄弱。\n",
    )
    report = rm.import_text(text).report
    assert [(c.text, c.shortcoming_ids) for c in report.causes] == [(sentence, ("s1",))]
    assert sentence not in (report.shortcomings[0].text or "")


def test_a_cause_after_the_last_enumerated_shortcoming_is_general_and_lists_split() -> None:
    report = rm.import_file(SHIMEN).report
    assert [s.text for s in report.shortcomings][1] == "基层执法力量薄弱。"
    assert [(c.text, c.shortcoming_ids) for c in report.causes] == [
        ("学法用法制度落实不够到位，", ()),
        ("执法人员培训不足。", ()),
    ]
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        "一是学法用法还不够深入；二是执法力量仍显薄弱。产生问题的原因主要有：一是培训不足；"
        "二是编制紧张。\n",
    )
    causes = rm.import_text(text).report.causes
    assert [(c.marker, c.text) for c in causes] == [("一是", "培训不足；"), ("二是", "编制紧张。")]


def test_a_label_is_not_cut_by_the_verb_before_the_figure() -> None:
    (figure,) = (
        rm.import_text(
            MINIMAL.replace("全年召开专题会议4次。", "深化改革，政务服务事项网上可办率达到98.5%。")
        )
        .report.measures[0]
        .indicators
    )
    assert figure.label == "政务服务事项网上可办率"
    assert figure.source == "政务服务事项网上可办率达到98.5%"


def test_enumerated_items_split_a_lead_clause_at_a_semicolon_as_at_a_full_stop() -> None:
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        "一是学法用法还不够深入；部分干部学法流于形式。二是执法力量仍显薄弱。基层执法人员不足。\n",
    )
    shortcomings = rm.import_text(text).report.shortcomings
    assert [s.heading for s in shortcomings] == ["学法用法还不够深入", "执法力量仍显薄弱"]
    assert [s.text for s in shortcomings] == ["部分干部学法流于形式。", "基层执法人员不足。"]


def test_a_government_information_disclosure_report_is_refused() -> None:
    text = (
        "石门县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我县……\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    )
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.import_text(text)
    assert caught.value.issues[0].code == "import.wrong-genre"


@pytest.mark.parametrize(
    "foot",
    [
        "某某县司法局\n二〇二四年一月十五日\n",
        "某某县司法局\n2024年1月15日\n（此件公开发布）\n",
        "某某县司法局\n二〇二四年一月十五日\n（此件公开发布）\n（联系人：王某，电话：12345678）\n",
    ],
)
def test_a_signature_dated_in_chinese_numerals_or_followed_by_notes(foot: str) -> None:
    text = MINIMAL.replace("某某县司法局2023年度", "2023年度") + foot
    report = rm.import_text(text).report
    assert report.organization.name == "某某县司法局"
    assert report.issued_on is not None
    assert report.issued_on.isoformat() == "2024-01-15"
    assert report.plans[-1].text == "组织培训不少于2次。"


@pytest.mark.parametrize(
    ("line", "addressee"),
    [
        ("市委全面依法治市委员会办公室：", True),
        ("县委、县政府：", True),
        ("现将有关情况报告如下：", False),
        ("一、坚持依法行政：", False),
        ("（一）坚持依法行政：", False),
    ],
)
def test_which_lines_under_a_title_are_an_addressee(line: str, addressee: bool) -> None:
    title, rest = MINIMAL.split("\n", 1)
    result = rm.import_text(f"{title}\n{line}\n{rest}")
    assert any(w.code == "import.addressee" for w in result.warnings) is addressee
    if addressee or "、" not in line[:3]:
        preamble = result.report.preamble
        assert preamble is not None
        assert preamble.text.startswith(line) is not addressee


def test_a_cause_paragraph_under_an_item_is_its_when_another_item_follows() -> None:
    text = MINIMAL.replace(
        "一是学法用法还不够深入。二是执法力量仍显薄弱。\n",
        "（一）执法力量不足\n基层执法人员少，难以满足需要。\n究其原因，是编制长期不足。\n"
        "（二）普法宣传不够深入\n普法形式单一。\n产生上述问题的原因：一是投入不足；二是创新不够。\n",
    )
    report = rm.import_text(text).report
    assert [s.text for s in report.shortcomings] == [
        "基层执法人员少，难以满足需要。",
        "普法形式单一。",
    ]
    assert [(c.text, c.shortcoming_ids) for c in report.causes] == [
        ("究其原因，是编制长期不足。", ("s1",)),  # one cause: kept whole, its lead-in too
        ("投入不足；", ()),
        ("创新不够。", ()),
    ]


def test_a_report_without_a_year_takes_it_from_its_signature_date() -> None:
    text = (
        "某某县司法局法治政府建设年度报告\n今年以来，我局认真贯彻落实上级部署，扎实推进法治政府建设。\n"
        + MINIMAL.split("\n", 2)[2]
        + "某某县司法局\n2024年1月15日\n"
    )
    result = rm.import_text(text)
    assert result.report.year == 2023
    assert [w.code for w in result.warnings if w.code == "import.year-guessed"] == [
        "import.year-guessed"
    ]


def test_rol_import_text_names_a_lifted_leadership_part_and_the_issue_date() -> None:
    out, err = io.StringIO(), io.StringIO()
    main(["import", str(SHIMEN), "--format", "text"], out, err)
    text = out.getvalue()
    assert "issued on: 2023-02-25" in text
    assert "part leadership: (no heading of its own)" in text
    assert "[import.leadership-folded]" in text


def test_arabic_part_headings_before_a_year_are_parts() -> None:
    report = rm.import_file(REALISTIC / "19-qiaotou-agriculture-arabic-parts-2024.txt").report
    assert [(p.kind, p.marker, p.heading) for p in report.parts] == [
        ("measures", "1.", "主要举措和成效"),
        ("shortcomings", "2.", "存在的不足和原因"),
        ("plans", "3.", "2025年工作安排"),
    ]


def test_long_unpunctuated_headings_are_not_taken_for_hard_wrapped_lines() -> None:
    items = "".join(
        f"（{'一二三四五六'[i]}）坚持依法全面履行政府职能持续推进法治政府建设第{i + 1}项重点任务\n"
        f"全年开展专项工作{i + 2}次。\n"
        for i in range(6)
    )
    text = MINIMAL.replace("（一）加强组织领导。全年召开专题会议4次。\n", items)
    measures = rm.import_text(text).report.measures
    assert [m.marker for m in measures] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
    ]
    assert all(m.heading and m.heading.startswith("坚持依法") for m in measures)
    assert measures[0].text == "全年开展专项工作2次。"


def test_a_number_cut_by_a_line_break_is_joined_even_without_hard_wrapping() -> None:
    text = MINIMAL.replace("全年召开专题会议4次。", "全年召开专题会议1\n0次，调解成功率98.1\n%。")
    (measure,) = rm.import_text(text).report.measures
    assert measure.text == "全年召开专题会议10次，调解成功率98.1%。"
    assert [(i.value, i.unit) for i in measure.indicators] == [
        (Decimal(10), "次"),
        (Decimal("98.1"), "%"),
    ]


@pytest.mark.parametrize(
    "name",
    ["01-shimen-county-header-block-2022", "10-fuxing-district-government-2024"],
)
def test_a_realistic_report_as_a_word_file_imports_like_its_text(tmp_path: Path, name: str) -> None:
    source = REALISTIC / f"{name}.txt"
    lines = [line.strip("\u3000 ") for line in source.read_text(encoding="utf-8").splitlines()]
    path = _docx(tmp_path, [(line, None) for line in lines if line])
    from_word = rm.import_docx(path).report
    from_text = rm.import_file(source).report
    assert (from_word.organization, from_word.issued_on) == (
        from_text.organization,
        from_text.issued_on,
    )
    assert [p.kind for p in from_word.parts] == [p.kind for p in from_text.parts]
    assert [c.text for c in from_word.causes] == [c.text for c in from_text.causes]
    assert [i.value for _, i in rm.iter_indicators(from_word)] == [
        i.value for _, i in rm.iter_indicators(from_text)
    ]


def test_import_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    text = "某县2023年度法治政府建设情况报告\n一、主要举措和成效\n（一）加强领导。开展检查12次。\n"
    assert gc.isenabled()
    rm.import_text(text)
    assert gc.isenabled()
    with pytest.raises(rm.RolModelError):
        rm.import_text("")
    assert gc.isenabled()
    gc.disable()
    try:
        rm.import_text(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_paragraph_joined_from_many_lines_ending_in_numbers_keeps_every_line() -> None:
    # 检查1 / 0次: each line ends in a number the next one continues
    lines = ["全年开展检查1"] + ["0次，培训1"] * 400 + ["0次。"]
    text = "某县2023年度法治政府建设情况报告\n一、主要举措和成效\n" + "\n".join(lines) + "\n"
    report = rm.import_text(text).report
    assert report.parts[0].text == "".join(lines)


ATTACHED_BODY = """某县司法局2023年度法治政府建设情况报告
2023年，我局扎实推进法治政府建设。
一、主要举措和成效
（一）加强组织领导。全年召开专题会议4次。
二、存在的不足
一是学法用法还不够深入。二是执法力量仍显薄弱。
三、2024年工作打算
（一）加强学习培训。
（二）规范执法行为。
"""


@pytest.mark.parametrize(
    "tail",
    [
        "附件：1.重大行政决策事项目录\n2.规范性文件目录\n某县司法局\n2024年3月8日\n",
        "某县司法局\n2024年3月8日\n附件：1.重大行政决策事项目录\n2.规范性文件目录\n",
        "附件：\n重大行政决策事项目录\n某县司法局\n2024年3月8日\n",
        "附件1：重大行政决策事项目录\n附件2：规范性文件目录\n某县司法局\n2024年3月8日\n",
        "某县司法局\n2024年3月8日\n附件1\n重大行政决策事项目录\n附件2\n规范性文件目录\n",
    ],
    ids=[
        "before-signature",
        "after-signature",
        "title-on-next-line",
        "numbered-attachments",
        "titles-under-numbers-after-signature",
    ],
)
def test_an_attachment_list_is_cut_from_the_body_and_the_signature_still_read(tail: str) -> None:
    result = rm.import_text(ATTACHED_BODY + tail)
    plans = result.report.plans
    assert [plan.marker for plan in plans] == ["（一）", "（二）"]
    assert all(not plan.children for plan in plans)
    assert "目录" not in "".join(plan.text or "" for plan in plans)
    assert result.report.issued_on is not None
    assert result.report.issued_on.isoformat() == "2024-03-08"
    assert [w.code for w in result.warnings].count("import.attachments") == 1


def test_a_body_sentence_opening_with_attachment_wording_is_kept() -> None:
    text = ATTACHED_BODY + "附件所列事项已全部按期办结。\n"
    result = rm.import_text(text)
    assert "附件所列事项" in (result.report.plans[-1].text or "")
    assert all(w.code != "import.attachments" for w in result.warnings)


def test_a_flattened_table_stays_text_of_its_item_and_its_bare_cells_are_no_figures() -> None:
    report = rm.import_file(REALISTIC / "28-xilin-emergency-flattened-table-2023.txt").report
    first = report.measures[0]
    assert "罚款金额（万元） 86.4 103.5" in (first.text or "")
    assert not first.children
    assert [str(i.value) for i in first.indicators] == ["612", "1935", "58"]


def test_a_numbered_heading_that_fills_the_wrap_width_does_not_swallow_the_next_line() -> None:
    text = (REALISTIC / "25-donghu-street-arabic-parts-2023.txt").read_text(encoding="utf-8")
    wrapped = "\n".join(
        line[start : start + 36] for line in text.splitlines() for start in range(0, len(line), 36)
    )
    report = rm.import_text(wrapped).report
    assert [part.kind for part in report.parts] == [
        "measures",
        "leadership",
        "shortcomings",
        "plans",
    ]
    assert report.parts[1].heading == "街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况"
    assert (report.parts[1].text or "").startswith("街道党工委书记、办事处主任带头学习")


def test_attachments_after_the_signature_are_cut_from_the_body_and_a_data_table_kept() -> None:
    table = (
        "附件\n行政执法数据统计表\n执法类别 案件数（件） 罚款（万元）\n路政 98 41.6\n运政 86 23.2\n"
    )
    result = rm.import_text(ATTACHED_BODY + "某县司法局\n2024年3月8日\n" + table)
    assert result.report.issued_on is not None
    assert result.report.issued_on.isoformat() == "2024-03-08"
    assert result.report.plans[-1].text == "规范执法行为。"
    # the table is the year's data: an 其他 part of its own, each cell a figure
    data = result.report.parts[-1]
    assert data.kind == "other"
    assert (data.marker, data.heading) == ("附件", "行政执法数据统计表")
    assert [(i.label, str(i.value), i.unit, i.source) for i in data.indicators] == [
        ("路政案件数", "98", "件", "路政 98 41.6"),
        ("路政罚款", "416000", "元", "路政 98 41.6"),
        ("运政案件数", "86", "件", "运政 86 23.2"),
        ("运政罚款", "232000", "元", "运政 86 23.2"),
    ]
    assert "import.attachment-data" in [w.code for w in result.warnings]


def test_a_short_last_line_naming_attachment_matters_is_kept() -> None:
    result = rm.import_text(ATTACHED_BODY + "附件管理工作按期完成\n")
    assert all(w.code != "import.attachments" for w in result.warnings)
