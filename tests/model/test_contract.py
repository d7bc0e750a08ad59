"""The attrs classes and the JSON Schema describe the same data, proved in both directions."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings

import rol_model as rm
from strategies import examples, reports, schema_documents

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _without_empty(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if v not in ([], {})}


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON values: numbers compared exactly as decimals, key order ignored.

    An empty array or object in a report means the same as the field left out; the canonical
    form leaves it out, so the comparison does too.
    """
    if isinstance(a, dict) and isinstance(b, dict):
        a, b = _without_empty(a), _without_empty(b)
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    numbers = (int, Decimal)
    if isinstance(a, numbers) and isinstance(b, numbers):
        if isinstance(a, bool) or isinstance(b, bool):
            return a is b
        return Decimal(a) == Decimal(b)
    return type(a) is type(b) and a == b


@SETTINGS
@given(reports())
def test_reports_built_from_classes_unstructure_into_schema_valid_documents(
    report: rm.Report,
) -> None:
    document = rm.to_dict(report)
    assert rm.validate(document) == []


@SETTINGS
@given(reports())
def test_reports_round_trip_through_canonical_json_unchanged(report: rm.Report) -> None:
    text = rm.dumps(report)
    again = rm.loads(text)
    assert again == report
    assert rm.dumps(again) == text


@SETTINGS
@given(schema_documents())
def test_documents_generated_from_the_schema_structure_into_classes_and_back(
    document: dict[str, Any],
) -> None:
    assert rm.validate(document) == []
    report = rm.from_dict(document)
    assert _same_json(rm.to_dict(report), document)


@SETTINGS
@given(schema_documents())
def test_schema_documents_survive_json_text(document: dict[str, Any]) -> None:
    report = rm.from_dict(document)
    assert rm.loads(rm.dumps(report)) == report


def test_defaults_are_left_out_of_the_canonical_form() -> None:
    report = rm.Report(title="标题", organization=rm.Organization(name="某局"), year=2023)
    assert json.loads(rm.dumps(report)) == {
        "title": "标题",
        "organization": {"name": "某局"},
        "year": 2023,
    }
