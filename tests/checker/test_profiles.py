"""Checker profiles: the schema, the built-in profiles, what a profile changes, bad profiles."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import rol_model as rm
from rol_model.checker._profiles import deadline_date
from rol_model.exceptions import InvalidProfileError, ReadError

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schemas" / "profile.schema.json"
PROFILES = ROOT / "src" / "rol_model" / "profiles"
WUSU = ROOT / "examples" / "reports" / "wusu-education-2023.json"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _wusu() -> rm.Report:
    if not WUSU.exists():
        pytest.skip("examples/reports/wusu-education-2023.json is not in this checkout")
    return rm.load(WUSU)


def _profile(**fields: Any) -> dict[str, Any]:
    return {
        "name": "test",
        "title": "Test profile",
        "title_zh": "测试配置",
        "source": "tests/checker/test_profiles.py",
        **fields,
    }


# The schema ---------------------------------------------------------------------------------


def test_profile_schema_is_a_valid_draft_2020_12_schema_with_a_stable_id() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "urn:rol-model:schema:profile:1.0"
    assert schema["$comment"]
    assert rm.load_profile("national")  # the packaged copy is the one the library reads


def _documented(node: object, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", value
        for name, value in node.get("$defs", {}).items():
            yield f"{path}/$defs/{name}", value
        for key, value in node.items():
            yield from _documented(value, f"{path}/{key}")


def test_every_property_and_definition_has_an_english_and_chinese_title_and_description() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checked = 0
    for where, node in _documented(schema):
        if where.endswith("/properties/$schema"):
            continue
        title, description = node.get("title", ""), node.get("description", "")
        assert " / " in title, f"{where}: title must be 'English / 中文'"
        assert CJK.search(title), where
        assert CJK.search(description), f"{where}: description needs the Chinese text"
        assert re.search(r"[A-Za-z]{3}", description), f"{where}: description needs English"
        checked += 1
    assert checked > 20


# The built-in profiles ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.json")), ids=lambda p: p.stem)
def test_every_built_in_profile_is_valid_and_named_after_its_file(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(
        document
    )
    assert document["name"] == path.stem
    profile = rm.load_profile(path.stem)
    assert profile.name == path.stem
    assert "http" in profile.source, "a built-in profile says where its rules were read"


def test_built_in_profiles_are_national_and_at_least_one_provincial() -> None:
    names = rm.builtin_profiles()
    assert "national" in names
    assert any(name.startswith("provincial") for name in names)


def test_national_profile_encodes_the_2019_regulation() -> None:
    profile = rm.load_profile("national")
    assert profile.required_parts == ("measures", "shortcomings", "leadership", "plans")
    department = rm.Organization(name="某县教育局", level="county", kind="department")
    deadline = profile.deadline_for(department)
    assert deadline is not None
    assert (deadline.submit_before, deadline.publish_before) == ((3, 1), (4, 1))
    province = rm.Organization(name="某省人民政府", level="provincial", kind="government")
    deadline = profile.deadline_for(province)
    assert deadline is not None
    assert (deadline.submit_before, deadline.publish_before) == ((4, 1), (4, 1))
    county = rm.Organization(name="某县人民政府", level="county", kind="government")
    deadline = profile.deadline_for(county)
    assert deadline is not None
    assert (deadline.submit_before, deadline.publish_before) == (None, (4, 1))


def test_provincial_profile_extends_national_and_adds_the_prescribed_name() -> None:
    national = rm.load_profile("national")
    provincial = rm.load_profile("provincial-guideline-2023")
    assert provincial.required_parts == national.required_parts
    assert provincial.deadlines == national.deadlines
    assert provincial.title_terms == ("法治政府建设年度报告",)
    assert provincial.severity("ROL209", "warning") == "error"


def test_provincial_profile_flags_the_wusu_title_that_national_accepts() -> None:
    report = _wusu()
    assert "ROL107" not in {f.code for f in rm.check(report)}
    findings = rm.check(report, profile="provincial-guideline-2023", select=["ROL107"])
    assert [(f.code, f.pointer) for f in findings] == [("ROL107", "/title")]


def test_provincial_profile_makes_late_submission_an_error() -> None:
    report = rm.from_dict({**rm.to_dict(_wusu()), "issued_on": "2024-03-04"})
    national = [(f.code, f.severity) for f in rm.check(report, select=["ROL209"])]
    provincial = rm.check(report, profile="provincial-guideline-2023", select=["ROL209"])
    assert national == [("ROL209", "warning")]
    assert [(f.code, f.severity) for f in provincial] == [("ROL209", "error")]


# What a profile changes -----------------------------------------------------------------------

BUREAU_PROFILE = _profile(
    name="bureau",
    extends="national",
    rules={"ROL303": "off", "ROL301": "error", "ROL302": "info"},
    required_headings=[{"part": "measures", "any_of": ["依法决策", "决策机制"]}],
    minimum_figures={"measures": 12},
    title_terms=["法治政府建设年度报告"],
    length_limits={"parts": {"shortcomings": {"maximum": 200}}},
)


def test_a_profile_disables_regrades_and_adds_requirements_as_documented() -> None:
    profile = rm.profile_from_dict(BUREAU_PROFILE)
    findings = rm.check(_wusu(), profile=profile)
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        # added: the prescribed name is not in the title
        ("ROL107", "/title", "warning"),
        # unchanged from national
        ("ROL101", "/parts", "error"),
        # added: 9 figures in the measures, 12 required. ROL106 stays silent: （二）2. is headed
        # 不断健全科学民主决策机制, which contains 决策机制.
        ("ROL307", "/parts/0", "warning"),
        # re-graded from warning to error
        ("ROL301", "/parts/0/measures/0", "error"),
        ("ROL301", "/parts/0/measures/1", "error"),
        ("ROL103", "/parts/1", "error"),
        # added: the shortcomings part has more than 200 characters
        ("ROL108", "/parts/1", "warning"),
        # re-graded from warning to info
        ("ROL302", "/parts/1/shortcomings/2", "info"),
        # ROL303 (plans without targets) is switched off
    ]


def test_a_required_heading_that_no_item_carries_is_reported_on_its_part() -> None:
    profile = rm.profile_from_dict(
        _profile(required_headings=[{"part": "measures", "any_of": ["数字政府"]}])
    )
    findings = rm.check(_wusu(), profile=profile, select=["ROL106"])
    assert [(f.code, f.pointer) for f in findings] == [("ROL106", "/parts/0")]


def test_a_profile_without_extends_requires_nothing_but_still_checks_consistency() -> None:
    profile = rm.profile_from_dict(_profile())
    codes = {f.code for f in rm.check(_wusu(), profile=profile)}
    assert "ROL101" not in codes  # no required parts
    assert "ROL103" in codes  # rules run unless switched off


def test_thresholds_tune_the_text_rules() -> None:
    report = _wusu()
    default = {f.pointer for f in rm.check(report, select=["ROL302"])}
    strict = rm.profile_from_dict(_profile(thresholds={"addressed_overlap": 0.5}))
    stricter = {f.pointer for f in rm.check(report, profile=strict, select=["ROL302"])}
    assert default == {"/parts/1/shortcomings/2"}
    assert stricter > default


def test_a_profile_file_is_loaded_by_path(tmp_path: Path) -> None:
    path = tmp_path / "bureau.json"
    path.write_text(json.dumps(BUREAU_PROFILE, ensure_ascii=False), encoding="utf-8")
    assert rm.load_profile(path).name == "bureau"
    assert rm.check(_wusu(), profile=str(path)) == rm.check(
        _wusu(), profile=rm.profile_from_dict(BUREAU_PROFILE)
    )


# Malformed profiles -------------------------------------------------------------------------

MALFORMED = [
    ({"name": "x"}, "", "schema.required"),
    (_profile(rules={"ROL301": "fatal"}), "/rules/ROL301", "schema.enum"),
    (_profile(rules={"ROL199": "off"}), "/rules/ROL199", "profile.unknown-rule"),
    (_profile(rules={"ROL999": "off"}), "/rules", "schema.pattern"),
    (_profile(required_parts=["leader"]), "/required_parts/0", "schema.enum"),
    (
        _profile(deadlines=[{"submit_before": "3-1"}]),
        "/deadlines/0/submit_before",
        "schema.pattern",
    ),
    (
        _profile(deadlines=[{"submit_before": "02-30"}]),
        "/deadlines/0/submit_before",
        "profile.date",
    ),
    (
        _profile(length_limits={"report": {"minimum": 10, "maximum": 5}}),
        "/length_limits/report",
        "profile.range",
    ),
    (_profile(extends="nope"), "/extends", "profile.extends"),
    (_profile(name="national", extends="national"), "/extends", "profile.extends"),
    (
        _profile(thresholds={"recurring_overlap": 2}),
        "/thresholds/recurring_overlap",
        "schema.maximum",
    ),
    (_profile(colour="red"), "", "schema.additionalProperties"),
    ([], "", "schema.type"),
]


@pytest.mark.parametrize(("document", "pointer", "code"), MALFORMED)
def test_a_malformed_profile_raises_a_clear_error_with_a_pointer(
    document: object, pointer: str, code: str
) -> None:
    with pytest.raises(InvalidProfileError) as caught:
        rm.profile_from_dict(document, source="bad.json")
    assert (caught.value.issues[0].pointer, caught.value.issues[0].code) == (pointer, code)
    assert str(caught.value).startswith("bad.json: invalid profile: ")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, rm.RolModelError)


def test_a_profile_that_is_not_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"name": "x",\n  "title": }', encoding="utf-8")
    with pytest.raises(InvalidProfileError) as caught:
        rm.load_profile(path)
    issue = caught.value.issues[0]
    assert (issue.code, issue.line) == ("json.syntax", 2)
    assert str(path) in str(caught.value)


def test_an_unknown_profile_name_is_a_read_error_listing_the_built_in_ones() -> None:
    with pytest.raises(ReadError, match="national"):
        rm.load_profile("natoinal")


def test_a_missing_profile_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        rm.load_profile(tmp_path / "missing.json")


def test_check_with_a_malformed_profile_raises_before_checking() -> None:
    path = str(ROOT / "tests" / "fixtures" / "no-such-profile.json")
    with pytest.raises(ReadError):
        rm.check(
            rm.from_dict({"title": "t", "organization": {"name": "o"}, "year": 2023}), profile=path
        )


def test_a_deadline_on_29_february_falls_on_1_march_in_common_years() -> None:
    assert deadline_date(2022, (2, 29)) == dt.date(2023, 3, 1)
    assert deadline_date(2023, (2, 29)) == dt.date(2024, 2, 29)
