"""The fast path of loads agrees with the strict reference: the same Report, or a refusal.

``_fastload.load_fast`` returns a Report only when it can vouch that the reference
(``_serialize.strict_loads``) returns the identical one (compared by ``repr``, which shows every
Decimal's exact digits and every type), and ``None`` otherwise; ``rol_model.loads`` then runs the
reference, so every refusal carries the reference's issues.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.serialize import _fastload, valid_fast
from rol_model.serialize._json import _parse, canonical_json, strict_loads
from strategies import examples, reports, schema_documents

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [
        *(ROOT / "tests" / "fixtures").glob("*/*.json"),
        *(ROOT / "examples" / "reports").glob("*.json"),
    ]
)
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"

needs_orjson = pytest.mark.skipif(
    _fastload.orjson is None, reason="the fast extra is not installed"
)


def _strict(data: str | bytes, limits: rm.Limits = rm.DEFAULT_LIMITS) -> str | list[rm.Issue]:
    try:
        return repr(strict_loads(data, limits))
    except rm.InvalidReportError as error:
        return list(error.issues)


def agree(data: str | bytes, limits: rm.Limits = rm.DEFAULT_LIMITS) -> bool:
    """Assert fast and strict agree on ``data``; return whether the fast path answered."""
    reference = _strict(data, limits)
    fast = _fastload.load_fast(data, limits, _parse)
    if fast is not None:
        assert repr(fast) == reference
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    for few in (False, True):
        verdict = valid_fast(raw, limits, few=few)
        if verdict is not None:  # rol validate: "valid" only where the reference reads a Report
            assert verdict is True
            assert isinstance(_strict(raw, limits), str)
    try:
        public: str | list[rm.Issue] = repr(rm.loads(data, limits=limits))
    except rm.InvalidReportError as error:
        public = list(error.issues)
    assert public == reference
    return fast is not None


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_reads_the_same_on_both_paths(path: Path) -> None:
    data = path.read_bytes()
    answered = agree(data)
    agree(data.decode("utf-8", "replace"))
    if isinstance(_strict(data), str) and _fastload.orjson is not None and b"\\" not in data:
        assert answered  # the fast path is really taken for a valid report
        assert valid_fast(data, rm.DEFAULT_LIMITS) is True  # and rol validate stops at the verdict
        assert valid_fast(data, rm.DEFAULT_LIMITS, few=True) is True


def test_the_example_takes_the_fast_path_both_with_and_without_orjson(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = EXAMPLE.read_bytes()
    assert _fastload.load_fast(data, rm.DEFAULT_LIMITS, _parse) is not None
    monkeypatch.setattr(_fastload, "orjson", None)
    assert _fastload.load_fast(data, rm.DEFAULT_LIMITS, _parse) is not None
    assert agree(data)


MINIMAL = (
    '{"title": "报告", "organization": {"name": "某局"}, "year": 2023, '
    '"preamble": {"text": "导语", "indicators": [{"id": "i1", "label": "案件", "value": 3, '
    '"unit": "件", "qualifier": "exact", "source": "3件"}]}}'
)
HAND_MADE = [
    MINIMAL,
    MINIMAL.replace('"year": 2023', '"year": 2023.0'),
    MINIMAL.replace('"year": 2023', '"year": 20.23e2'),
    MINIMAL.replace('"value": 3', '"value": 3.50'),
    MINIMAL.replace('"value": 3', '"value": 1E+2'),
    MINIMAL.replace('"value": 3', '"value": -0.0'),
    MINIMAL.replace('"value": 3', '"value": 12345678901234567.123456789'),
    MINIMAL.replace('"value": 3', '"value": 123456789012345678901234567890'),
    MINIMAL.replace('"value": 3', '"value": 18446744073709551616'),
    MINIMAL.replace('"value": 3', '"value": NaN'),
    # fractions outside an indicator's value, and text that looks like one
    MINIMAL.replace('"title": "报告"', '"title": "比例\\": 1.5"'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "extensions": {"x:y": [0.10, 2E3]}'),
    MINIMAL.replace('"value": 3', '"value": 3.0').replace(
        '"year": 2023', '"year": 2023, "extensions": {"x:y": [0.10]}'
    ),
    MINIMAL.replace('"value": 3', '"value": Infinity'),
    # duplicate keys, alone and hidden behind colons in strings or escaped colons
    MINIMAL.replace('"year": 2023', '"year": 2023, "year": 2024'),
    MINIMAL.replace('"title": "报告"', '"title": "a:b", "title": "报告"'),
    MINIMAL.replace('"title": "报告"', '"title": "报告", "title": "a\\u003ab"'),
    MINIMAL.replace('"title": "报告"', '"title": "a\\u003Ab\\u003a"'),
    MINIMAL.replace('"name": "某局"', '"name": "某局", "name": "某局"'),
    MINIMAL.replace('"title": "报告"', '"title": "报告：http://x", "ti\\u0074le": "y"'),
    # a colon in a kept string, with and without a repeated key: the member count cannot prove
    # these, the re-encoding must
    MINIMAL.replace('"title": "报告"', '"title": "报告", "title": "a:b"'),
    MINIMAL.replace('"title": "报告"', '"title": "a:b"'),
    MINIMAL.replace('"name": "某局"', '"name": "某局", "region": "x:y", "name": "z:"'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "source": {"url": "https://x.gov.cn/a"}'),
    # colons at the top of the tree (counted without re-encoding) beside a repeated key
    MINIMAL.replace(
        '"year": 2023', '"year": 2023, "source": {"url": "https://a", "url": "https://b"}'
    ),
    MINIMAL.replace('"year": 2023', '"year": 2023, "source": {"url": "https://a:8080/"}').replace(
        '"name": "某局"', '"name": "某局", "name": "某局"'
    ),
    MINIMAL.replace('"year": 2023', '"year": 2023, "extensions": {"a:b": 1, "a:b": 2}'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "extensions": {"a:b": {"c:d": ":", "c:d": 1}}'),
    MINIMAL.replace('"title": "报告"', '"title": ":::"').replace('"text": "导语"', '"text": "a:b"'),
    # escapes, surrogates, control characters
    MINIMAL.replace('"title": "报告"', '"title": "\\ud83d\\ude00 报告\\n\\"\\\\"'),
    MINIMAL.replace('"title": "报告"', '"title": "\\ud800"'),
    MINIMAL.replace('"title": "报告"', '"title": "\\uDC00x"'),
    MINIMAL.replace('"title": "报告"', '"title": "a\tb"'),
    MINIMAL.replace('"title": "报告"', '"title": "a\\u0000b"'),
    "\ufeff" + MINIMAL,
    # the schema and the model
    MINIMAL.replace('"year": 2023', '"year": 2023, "extra": 1'),
    MINIMAL.replace('"year": 2023', '"year": "2023"'),
    MINIMAL.replace('"year": 2023', '"year": true'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "issued_on": "2024-02-29"'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "issued_on": "2023-02-29"'),
    MINIMAL.replace('"year": 2023', '"year": 2023, "issued_on": null'),
    MINIMAL.replace(
        '"year": 2023', '"year": 2023, "extensions": {"a:b": [1, 2.5, {"z": 1, "a": [1e3]}]}'
    ),
    MINIMAL.replace('"year": 2023', '"year": 2023, "extensions": {"a:b": {"k": 1, "k": 2}}'),
    MINIMAL.replace(
        '"year": 2023', '"year": 2023, "extensions": {"a:b": ' + "[" * 40 + "]" * 40 + "}"
    ),
    MINIMAL.replace(
        '"year": 2023', '"year": 2023, "parts": [{"kind": "plans", "plans": [{"id": "p"}]}]'
    ),
    MINIMAL.replace('"year": 2023', '"year": 2023, "parts": [{"kind": "nope"}]'),
    # not JSON, not a report
    MINIMAL[:-1],
    MINIMAL + ",",
    MINIMAL.replace("}", ",}", 1),
    "[]",
    "null",
    "",
]


@pytest.mark.parametrize("text", HAND_MADE)
def test_hand_made_documents_agree(text: str) -> None:
    agree(text)
    agree(text.encode("utf-8", "surrogatepass"))


def test_limits_are_the_reference_limits() -> None:
    deep = MINIMAL.replace('"year": 2023', '"year": 2023, "extensions": {"a:b": [[[[1]]]]}')
    for limits in (rm.Limits(max_depth=3), rm.Limits(max_depth=4), rm.Limits(max_bytes=100)):
        agree(deep, limits)


def test_a_float_steps_over_to_exact_decimals_without_losing_the_fast_path() -> None:
    text = MINIMAL.replace('"value": 3', '"value": 3.50')
    report = _fastload.load_fast(text, rm.DEFAULT_LIMITS, _parse)
    assert report is not None
    assert report.preamble is not None
    assert str(report.preamble.indicators[0].value) == "3.50"


def test_a_hidden_duplicate_key_is_never_read_by_the_fast_path() -> None:
    text = MINIMAL.replace('"title": "报告"', '"title": "a:b", "title": "报告"')
    assert _fastload.load_fast(text, rm.DEFAULT_LIMITS, _parse) is None
    assert [i.code for i in _strict(text)] == ["json.duplicate-key"]  # type: ignore[union-attr]


def test_a_source_url_is_proved_without_writing_the_tree_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the colons of a URL are counted where they stand; a repeated key still steps aside
    from rol_model.serialize import _fasttext

    def refuse(document: Any, *, few: bool = False) -> bytes:
        raise AssertionError("the tree was written again")

    text = MINIMAL.replace(
        '"year": 2023', '"year": 2023, "source": {"url": "https://x.gov.cn:8080/a"}'
    )
    monkeypatch.setattr(_fasttext, "_compact", refuse)
    report = _fastload.load_fast(text, rm.DEFAULT_LIMITS, _parse)
    assert report is not None
    assert repr(report) == _strict(text)
    repeated = text.replace('"name": "某局"', '"name": "某局", "name": "某局"')
    monkeypatch.undo()
    assert _fastload.load_fast(repeated, rm.DEFAULT_LIMITS, _parse) is None


def _members(node: Any) -> int:
    if isinstance(node, dict):
        return len(node) + sum(_members(value) for value in node.values())
    if isinstance(node, list):
        return sum(_members(item) for item in node)
    return 0


@needs_orjson
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_structuring_counts_every_member_of_the_parsed_tree_once(path: Path) -> None:
    # the repeated-key proof compares this count with the colons of the text: an overcount
    # could hide a dropped member, an undercount would only cost the re-encoding
    import orjson

    data = path.read_bytes()
    if not isinstance(_strict(data), str) or b"\\" in data:
        pytest.skip("not a report the fast path reads")
    data = data.removeprefix(b"\xef\xbb\xbf")
    document = orjson.loads(data)
    try:
        report, members = _fastload.structure(document)
    except _fastload._Inexact:
        document = json.loads(data, parse_float=Decimal)
        report, members = _fastload.structure(document)
    assert members == _members(document)
    assert repr(report) == _strict(data)


def _enlarged(data: bytes, factor: int) -> bytes:
    """The report with its measures parts repeated ``factor`` times, ids kept unique."""
    document = json.loads(data)

    def renumber(node: Any, prefix: str) -> Any:
        if isinstance(node, dict):
            return {
                key: f"{prefix}{value}" if key == "id" else renumber(value, prefix)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [renumber(item, prefix) for item in node]
        return node

    parts = []
    for copy in range(factor):
        for part in document.get("parts", []):
            if part["kind"] == "measures":
                parts.append(renumber(part, f"x{copy}"))
            elif copy == 0:
                parts.append(part)
    document["parts"] = parts
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def test_a_report_ten_times_the_example_reads_the_same_on_both_paths() -> None:
    # the size benchmarks/load_speed.py measures; the member count must still prove it alone
    data = _enlarged(EXAMPLE.read_bytes(), 10)
    assert len(data) > 7 * len(EXAMPLE.read_bytes())
    assert agree(data)
    assert agree(data.decode("utf-8"))
    if _fastload.orjson is not None:
        import orjson

        assert _fastload.structure(orjson.loads(data))[1] == data.count(b":")
    with_colon = data.replace("。".encode(), "：http://x.gov.cn。".encode(), 1)
    assert with_colon != data
    assert agree(with_colon)  # a colon in a text: proved by the re-encoding instead
    repeated = data.replace(b'"id": "x3', b'"id": "q", "id": "x3', 1)
    assert repeated != data
    assert not agree(repeated)


def test_loading_leaves_no_garbage_for_the_collector() -> None:
    # the generated functions take the member counter as a parameter: a closure over it would
    # tie them in a reference cycle per call that only the collector frees (and keep the whole
    # parsed tree alive until it runs)
    import gc

    data = EXAMPLE.read_bytes()
    rm.loads(data)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(3):
            rm.loads(data)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_the_structuring_code_is_generated_from_the_model() -> None:
    source = _fastload.generated_source()
    for cls in (rm.Report, rm.Measure, rm.Indicator, rm.Period, rm.Cause, rm.OtherPart):
        assert f"def _s_{cls.__name__}(d, _seen):" in source
        for field in attrs.fields(cls):
            assert f"_set_{cls.__name__}_{field.name}(o, " in source


def test_the_generator_refuses_a_class_whose_init_does_more_than_store() -> None:
    @attrs.frozen(kw_only=True)
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    with pytest.raises(TypeError, match="validator"):
        _fastload._plain(Checked)


def test_the_schema_closes_every_model_object() -> None:
    # The generated code stores only the model's fields: an unknown key must never get past the
    # schema, or the fast path would drop it where the reference (cattrs) refuses it.
    schema = rm.schema()
    definitions = schema["$defs"]
    assert schema["additionalProperties"] is False
    for name, node in definitions.items():
        if name == "Part":  # a dispatcher: every branch is a closed part
            for branch in node["allOf"]:
                target = branch["then"]["$ref"].removeprefix("#/$defs/")
                assert definitions[target]["additionalProperties"] is False
        elif "properties" in node:
            assert node["additionalProperties"] is False, name


# -- generated documents and mutations -----------------------------------------------------------

_FIXTURE_BYTES = [
    path.read_bytes() for path in FILES if isinstance(_strict(path.read_bytes()), str)
]
_INSERTS = [b":", b",", b'"', b"{", b"}", b"1", b".5", b"e3", b"\\u003a", b"\\", b" ", b"\xe6"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(_FIXTURE_BYTES))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-key"]))
        if action == "insert":
            data = data[:at] + draw(st.sampled_from(_INSERTS)) + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 4)) :]
        else:
            keys = [m.start() for m in re.finditer(rb'"[a-z_]+": ', data)]
            if keys:
                start = draw(st.sampled_from(keys))
                end = data.index(b'": ', start) + 3
                data = data[:start] + data[start:end] + b'"x", ' + data[start:]
    return data


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_mutated_fixtures_agree(data: bytes) -> None:
    agree(data)


def _encode(document: Any, style: str) -> str:
    if style == "canonical":
        return canonical_json(document)
    text = canonical_json(document)
    return json.dumps(
        json.loads(text, parse_float=Decimal), ensure_ascii=style == "ascii", default=str
    )


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=schema_documents(), style=st.sampled_from(["canonical", "ascii"]))
def test_schema_generated_documents_agree(document: dict[str, Any], style: str) -> None:
    agree(_encode(document, style))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_generated_reports_take_the_fast_path_and_agree(report: rm.Report) -> None:
    try:
        text = rm.dumps(report)
    except rm.InvalidReportError:
        return
    answered = agree(text)
    if _fastload.orjson is not None and "\\" not in text:
        assert answered


@needs_orjson
def test_default_install_path_agrees_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fastload, "orjson", None)
    for text in HAND_MADE:
        agree(text)
    for path in FILES:
        agree(path.read_bytes())


@pytest.mark.parametrize(
    "name",
    ["year-beyond-double-precision-fraction.json", "line-beyond-double-precision-over-bound.json"],
)
def test_an_integer_field_written_beyond_double_precision_is_refused_as_the_reference_does(
    name: str,
) -> None:
    # orjson reads 2023.0000000000000001 as the float 2023.0: the fast path must not take it
    raw = (ROOT / "tests" / "ajv" / "differences" / name).read_bytes()
    with pytest.raises(rm.InvalidReportError):
        rm.loads(raw)
