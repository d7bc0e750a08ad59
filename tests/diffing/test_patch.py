"""rol_model.json_patch: RFC 6902 patches checked with an independent implementation (jsonpatch)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonpatch
import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from rol_model.diffing._diff import diff_documents
from rol_model.diffing._patch import document_patch
from strategies import examples

NODE_LISTS = ("measures", "shortcomings", "causes", "plans", "items")


def apply(patch: list[dict[str, Any]], document: dict[str, Any]) -> Any:
    return jsonpatch.JsonPatch(patch).apply(copy.deepcopy(document))


@settings(max_examples=examples(80), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports(), strategies.reports())
def test_patch_between_any_two_generated_reports_turns_one_into_the_other(
    old: rm.Report, new: rm.Report
) -> None:
    assert apply(rm.json_patch(old, new), rm.to_dict(old)) == rm.to_dict(new)


@settings(max_examples=examples(50), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports())
def test_patch_of_a_report_with_itself_is_empty(report: rm.Report) -> None:
    assert rm.json_patch(report, report) == []


@st.composite
def edited(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """A realistic edit of a report document: items dropped, inserted, reordered, reworded."""
    result = copy.deepcopy(document)
    donor = rm.to_dict(draw(strategies.reports()))
    spare = [
        node for part in donor.get("parts", []) for f in NODE_LISTS for node in part.get(f, [])
    ]
    for part in result.get("parts", []):
        for field in NODE_LISTS:
            nodes = part.get(field)
            if not nodes:
                continue
            kept = draw(st.lists(st.sampled_from(range(len(nodes))), unique=True))
            nodes = [nodes[i] for i in kept]
            for node in nodes:
                if draw(st.booleans()):
                    node["text"] = draw(strategies.texts)
            if spare and draw(st.booleans()):
                nodes.insert(draw(st.integers(0, len(nodes))), spare.pop())
            part[field] = nodes
    if draw(st.booleans()):
        result["parts"] = draw(st.permutations(result.get("parts", [])))
    return result


@settings(max_examples=examples(80), suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), strategies.reports())
def test_patch_survives_realistic_edits_of_generated_reports(
    data: st.DataObject, report: rm.Report
) -> None:
    old = rm.to_dict(report)
    new = data.draw(edited(old))
    assert apply(document_patch(old, new), old) == new


DIFF_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schemas" / "diff.schema.json").read_text("utf-8")
)


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), strategies.reports())
def test_diff_of_realistic_edits_follows_the_diff_schema_and_is_empty_only_if_equal(
    data: st.DataObject, report: rm.Report
) -> None:
    old = rm.to_dict(report)
    new = data.draw(edited(old))
    changes = diff_documents(old, new)
    jsonschema.Draft202012Validator(DIFF_SCHEMA).validate(rm.diff_to_dict(changes))
    assert changes.identical == (old == new)
    if document_patch(old, new) == []:
        assert not changes


def measures(*texts: str) -> rm.Report:
    nodes = tuple(
        rm.Measure(id=f"m{n}", marker=f"{n}.", text=text) for n, text in enumerate(texts, 1)
    )
    return rm.Report(
        title="报告",
        organization=rm.Organization(name="某局"),
        year=2023,
        parts=(rm.MeasuresPart(measures=nodes),),
    )


TEXTS = (
    "健全完善法治政府建设工作领导小组及其工作运行机制。",
    "严格落实重大行政决策程序规定，重大事项均经合法性审查。",
    "开展校外培训机构专项检查四十次，下发整改通知书十二份。",
    "开展法治教育专题活动三百余次，受教育学生达三万余人。",
)


def test_inserting_at_the_top_is_one_add_and_no_rewrite_of_the_others() -> None:
    old = measures(*TEXTS)
    new = measures("组织全系统干部职工专题学习习近平法治思想。", *TEXTS)
    patch = rm.json_patch(old, new)
    adds = [op for op in patch if op["op"] == "add"]
    assert len(adds) == 1
    assert adds[0]["path"] == "/parts/0/measures/0"
    # the rest only renumber: id and marker follow the new position
    assert {op["path"].rsplit("/", 1)[-1] for op in patch if op["op"] == "replace"} == {
        "id",
        "marker",
    }
    assert not any(op["path"].endswith("/text") for op in patch)
    assert apply(patch, rm.to_dict(old)) == rm.to_dict(new)


def test_moving_one_measure_is_one_move_operation() -> None:
    old = measures(*TEXTS)
    moved = rm.to_dict(old)
    nodes = moved["parts"][0]["measures"]
    nodes.insert(0, nodes.pop())
    patch = document_patch(rm.to_dict(old), moved)
    assert patch == [{"op": "move", "from": "/parts/0/measures/3", "path": "/parts/0/measures/0"}]


def test_a_changed_figure_is_one_replace_of_its_value() -> None:
    figure = rm.Indicator(
        id="m1-i1",
        label="专项检查",
        value=Decimal(40),
        unit="次",
        source="专项检查40次",
        qualifier="exact",
    )
    old = measures(TEXTS[0])
    old = attrs.evolve(
        old,
        parts=(rm.MeasuresPart(measures=(attrs.evolve(old.measures[0], indicators=(figure,)),)),),
    )
    new = attrs.evolve(
        old,
        parts=(
            rm.MeasuresPart(
                measures=(
                    attrs.evolve(
                        old.measures[0], indicators=(attrs.evolve(figure, value=figure.value + 5),)
                    ),
                )
            ),
        ),
    )
    assert rm.json_patch(old, new) == [
        {
            "op": "replace",
            "path": "/parts/0/measures/0/indicators/0/value",
            "value": figure.value + 5,
        }
    ]


def test_extension_values_of_other_types_are_replaced_not_confused() -> None:
    old = attrs.evolve(measures(TEXTS[0]), extensions={"x:flag": 1, "x:list": [1, 2]})
    new = attrs.evolve(old, extensions={"x:flag": True, "x:list": [2, 1, 3]})
    patch = rm.json_patch(old, new)
    assert {"op": "replace", "path": "/extensions/x:flag", "value": True} in patch
    assert apply(patch, rm.to_dict(old)) == rm.to_dict(new)
    assert apply(patch, rm.to_dict(old))["extensions"]["x:flag"] is True
