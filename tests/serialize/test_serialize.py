"""Loading refuses bad input clearly and never guesses; writing is canonical and atomic."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import rol_model as rm

MINIMAL = (
    '{"title": "乌苏市教育和科学技术局2023年法治政府建设情况报告", '
    '"organization": {"name": "乌苏市教育和科学技术局"}, "year": 2023}'
)


def _issues(data: str | bytes, **kwargs: object) -> list[rm.Issue]:
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.loads(data, **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, rm.RolModelError)
    assert isinstance(caught.value, ValueError)
    return list(caught.value.issues)


def _codes(data: str | bytes, **kwargs: object) -> list[tuple[str, str]]:
    return [(i.code, i.pointer) for i in _issues(data, **kwargs)]


def test_a_minimal_report_loads() -> None:
    report = rm.loads(MINIMAL)
    assert report.organization.name == "乌苏市教育和科学技术局"
    assert report.parts == ()


def test_malformed_json_names_line_and_column() -> None:
    [issue] = _issues('{\n  "title": "x",\n  "year": 2023,,\n}')
    assert issue.code == "json.syntax"
    assert (issue.line, issue.column) == (3, 16)


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    text = MINIMAL[:-1] + ', "organization": {"name": "a", "name": "b"}}'
    assert _codes(text) == [
        ("json.duplicate-key", ""),
        ("json.duplicate-key", "/organization"),
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_with_their_pointer(constant: str) -> None:
    text = MINIMAL[:-1] + f', "extensions": {{"x:y": [1, {constant}]}}}}'
    assert _codes(text) == [("json.non-finite", "/extensions/x:y/1")]


def test_bytes_that_are_gb18030_are_refused_and_the_encoding_is_named() -> None:
    [issue] = _issues(MINIMAL.encode("gb18030"))
    assert issue.code == "encoding.not-utf8"
    assert "GB18030" in issue.message
    assert issue.line == 1


def test_bytes_that_are_no_known_encoding_are_refused() -> None:
    [issue] = _issues(b'{"title": "\xff\xff"}')
    assert issue.code == "encoding.not-utf8"
    assert "GB18030" not in issue.message


def test_utf16_text_is_refused() -> None:
    [issue] = _issues(MINIMAL.encode("utf-16"))
    assert issue.code == "encoding.utf16"


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert rm.loads(b"\xef\xbb\xbf" + MINIMAL.encode()) == rm.loads(MINIMAL)


def test_an_escaped_lone_surrogate_is_refused_with_its_pointer() -> None:
    text = MINIMAL.replace('"year"', '"preamble": {"text": "ab\\ud800c"}, "year"')
    assert _codes(text) == [("json.lone-surrogate", "/preamble/text")]


def test_a_properly_escaped_surrogate_pair_is_a_character() -> None:
    text = MINIMAL.replace('"year"', '"preamble": {"text": "\\ud83d\\ude00"}, "year"')
    assert rm.loads(text).preamble == rm.Preamble(text="\U0001f600")


def test_a_lone_surrogate_in_a_python_string_is_refused() -> None:
    [issue] = _issues(MINIMAL.replace("2023年", "2023\ud800年"))
    assert issue.code == "json.lone-surrogate"
    assert issue.line == 1


@pytest.mark.parametrize("text", ["[]", '"report"', "2023", "null"])
def test_a_top_level_that_is_not_an_object_is_refused(text: str) -> None:
    assert _codes(text) == [("json.not-an-object", "")]


def test_unknown_fields_are_errors_so_typos_are_caught() -> None:
    text = MINIMAL.replace('"title"', '"titel": "x", "title"')
    assert _codes(text) == [("schema.unknown-field", "/titel")]


def test_all_issues_are_reported_in_document_order() -> None:
    document = {
        "title": "",
        "organization": {"name": "某局", "level": "city"},
        "year": "2023",
        "parts": [{"kind": "measures", "measures": [{"id": "1bad"}]}],
    }
    assert [(i.code, i.pointer) for i in rm.validate(document)] == [
        ("schema.minLength", "/title"),
        ("schema.enum", "/organization/level"),
        ("schema.type", "/year"),
        ("schema.pattern", "/parts/0/measures/0/id"),
    ]


def test_wrong_types_are_reported_with_the_pointer() -> None:
    text = MINIMAL.replace('"year": 2023', '"year": 2023.5')
    assert _codes(text) == [("schema.type", "/year")]


def test_an_integral_number_written_with_a_fraction_is_still_an_integer() -> None:
    assert rm.loads(MINIMAL.replace('"year": 2023', '"year": 2023.0')).year == 2023


@pytest.mark.parametrize(
    "date", ["2023-02-30", "2023-13-01", "2023-2-3", "20230203", "2023-02-03\n"]
)
def test_impossible_or_malformed_dates_are_refused(date: str) -> None:
    text = MINIMAL[:-1] + f", {json.dumps('issued_on')}: {json.dumps(date)}}}"
    assert "/issued_on" in {i.pointer for i in _issues(text)}


def test_an_id_with_a_trailing_newline_is_refused() -> None:
    document = json.loads(MINIMAL)
    document["parts"] = [{"kind": "plans", "plans": [{"id": "p1\n"}]}]
    assert [(i.code, i.pointer) for i in rm.validate(document)] == [
        ("schema.pattern", "/parts/0/plans/0/id")
    ]


def test_outline_depth_is_bounded_by_the_schema() -> None:
    node: dict[str, object] = {"id": "m1.1.1.1.1"}
    for level in range(4, 0, -1):
        node = {"id": "m1" + ".1" * (level - 1), "children": [node]}
    document = json.loads(MINIMAL)
    document["parts"] = [{"kind": "measures", "measures": [node]}]
    pointers = [i.pointer for i in rm.validate(document)]
    assert pointers == ["/parts/0/measures/0/children/0/children/0/children/0/children"]


def test_a_document_over_the_size_limit_is_refused_before_parsing() -> None:
    [issue] = _issues(MINIMAL, limits=rm.Limits(max_bytes=50))
    assert issue.code == "limit.size"


def test_deeply_nested_extensions_hit_the_depth_limit() -> None:
    text = MINIMAL[:-1] + ', "extensions": {"x:deep": ' + "[" * 40 + "]" * 40 + "}}"
    assert _codes(text) == [("limit.depth", "/extensions/x:deep")]
    assert rm.loads(text, limits=rm.Limits(max_depth=50)).extensions["x:deep"]


def test_nesting_deeper_than_the_parser_can_go_is_an_error_not_a_crash() -> None:
    [issue] = _issues("[" * 100_000 + "]" * 100_000, limits=rm.Limits(max_bytes=10**6))
    assert issue.code == "limit.depth"


def test_an_integer_with_too_many_digits_is_an_error_not_a_crash() -> None:
    [issue] = _issues(MINIMAL.replace('"year": 2023', '"year": ' + "9" * 5000))
    assert issue.code == "json.number"


def test_numbers_are_read_as_exact_decimals() -> None:
    document = json.loads(MINIMAL)
    document["parts"] = [
        {
            "kind": "measures",
            "indicators": [
                {
                    "id": "i1",
                    "label": "按时办结率",
                    "value": 98.40,
                    "unit": "%",
                    "qualifier": "exact",
                    "source": "按时办结率98.40%",
                }
            ],
        }
    ]
    text = json.dumps(document, ensure_ascii=False).replace("98.4", "98.40")
    report = rm.loads(text)
    [(_, indicator)] = rm.iter_indicators(report)
    assert indicator.value == Decimal("98.40")
    assert str(indicator.value) == "98.40"
    assert '"value": 98.40' in rm.dumps(report)


def test_extensions_survive_a_round_trip() -> None:
    text = (
        MINIMAL[:-1]
        + ', "extensions": {"sifaju:review": '
        + '{"status": "已审核", "score": 0.1, "tags": [true, null]}}}'
    )
    report = rm.loads(text)
    assert rm.loads(rm.dumps(report)) == report
    assert report.extensions["sifaju:review"]["score"] == Decimal("0.1")


def test_canonical_text_is_reproduced_byte_for_byte() -> None:
    text = rm.dumps(rm.loads(MINIMAL))
    assert text.endswith("}\n")
    assert "乌苏市" in text  # Chinese is not escaped
    assert rm.dumps(rm.loads(text)) == text


def test_dumps_refuses_a_report_that_breaks_the_schema() -> None:
    report = rm.loads(MINIMAL)
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.dumps(attrs.evolve(report, title=""))
    assert caught.value.issues[0].pointer == "/title"


def test_dumps_refuses_a_value_json_cannot_carry() -> None:
    indicator = rm.Indicator(
        id="m1-i1", label="检查", value=Decimal("NaN"), unit="次", qualifier="exact", source="检查"
    )
    report = attrs.evolve(
        rm.loads(MINIMAL),
        parts=(rm.MeasuresPart(measures=(rm.Measure(id="m1", indicators=(indicator,)),)),),
    )
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.dumps(report)
    assert caught.value.issues[0].pointer == "/parts/0/measures/0/indicators/0/value"


def test_dumps_refuses_a_lone_surrogate_in_text_built_in_code() -> None:
    report = attrs.evolve(rm.loads(MINIMAL), preamble=rm.Preamble(text="a\udc00"))
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.dumps(report)
    assert caught.value.issues[0].pointer == "/preamble/text"


def test_load_names_the_file_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": 1}', encoding="utf-8")
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.load(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)


def test_load_of_a_missing_file_raises_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(rm.ReadError) as caught:
        rm.load(tmp_path / "missing.json")
    assert isinstance(caught.value, OSError)
    assert "missing.json" in str(caught.value)


def test_load_of_a_directory_raises_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(rm.ReadError):
        rm.load(tmp_path)


def test_load_reads_a_binary_stream(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(MINIMAL, encoding="utf-8")
    with path.open("rb") as stream:
        assert rm.load(stream) == rm.loads(MINIMAL)


def test_dump_then_load_gives_the_same_report(tmp_path: Path) -> None:
    report = rm.loads(MINIMAL)
    path = tmp_path / "out.json"
    rm.dump(report, path)
    assert rm.load(path) == report
    assert path.read_text("utf-8") == rm.dumps(report)


def test_a_failed_dump_leaves_the_old_file_untouched_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("old content", encoding="utf-8")
    with pytest.raises(rm.InvalidReportError):
        rm.dump(attrs.evolve(rm.loads(MINIMAL), year=1800), path)
    assert path.read_text("utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_dump_interrupted_while_writing_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.json"
    path.write_text("old content", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(rm.WriteError) as caught:
        rm.dump(rm.loads(MINIMAL), path)
    assert "No space left" in str(caught.value)
    assert path.read_text("utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_dump_into_a_missing_folder_raises_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(rm.WriteError):
        rm.dump(rm.loads(MINIMAL), tmp_path / "no" / "such" / "report.json")


def test_from_dict_validates_first() -> None:
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.from_dict({"title": "x"})
    assert {i.code for i in caught.value.issues} == {"schema.required"}


def test_from_dict_accepts_floats_as_their_shortest_decimal() -> None:
    document = json.loads(MINIMAL)
    document["preamble"] = {
        "text": "率98.4%",
        "indicators": [
            {
                "id": "pre-i1",
                "label": "率",
                "value": 98.4,
                "unit": "%",
                "qualifier": "exact",
                "source": "率98.4%",
            }
        ],
    }
    report = rm.from_dict(document)
    assert report.preamble is not None
    assert report.preamble.indicators[0].value == Decimal("98.4")
