"""The fast verdicts and jsonschema's detailed validation always agree.

``rol_model.loads`` answers "valid?" with a fast check (the schema compiled to closures, or
jsonschema-rs with the ``fast`` extra) and asks jsonschema for the issues only when the answer
is no. Both must give the same verdict on every document, valid or not.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.serialize._json import parse_json
from rol_model.validation import _schema
from rol_model.validation._verdict import compile_schema
from strategies import examples, schema_documents

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [
        *(ROOT / "tests" / "fixtures").glob("*/*.json"),
        *(ROOT / "examples" / "reports").glob("*.json"),
    ]
)
SETTINGS = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck)
)


def _engines() -> list[tuple[str, Callable[[Any], bool]]]:
    engines = [("compiled", compile_schema(rm.schema()))]
    rust = _schema._rust()
    if rust is not None:
        engines.append(("jsonschema-rs", rust))
    return engines


ENGINES = _engines()


def _reference(document: Any) -> bool:
    return not list(_schema.iter_schema_issues(document))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


REPLACEMENTS: list[Any] = [
    None,
    True,
    0,
    -1,
    2023.5,
    Decimal("1E+16"),
    "",
    "x",
    "m1\n",
    "2023-02-30",
    [],
    {},
    [1],
    {"unknown": 1},
    "measures",
    "a" * 1001,
    10**16,
    "1bad",
    "x:y",
]


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid document with one random change: often invalid, sometimes still valid."""
    document = copy.deepcopy(draw(schema_documents()))
    path = draw(st.sampled_from(_paths(document)))
    action = draw(st.sampled_from(["replace", "delete", "add-key", "append"]))
    if not path:
        return draw(st.sampled_from(REPLACEMENTS))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    target = parent[last]
    if action == "delete":
        del parent[last]
    elif action == "add-key" and isinstance(target, dict):
        target[draw(st.sampled_from(["titel", "kind", "children", "x:y", "id"]))] = draw(
            st.sampled_from(REPLACEMENTS)
        )
    elif action == "append" and isinstance(target, list):
        target.append(draw(st.sampled_from(REPLACEMENTS)))
    else:
        parent[last] = draw(st.sampled_from(REPLACEMENTS))
    return document


@pytest.mark.parametrize(("name", "engine"), ENGINES, ids=[name for name, _ in ENGINES])
@SETTINGS
@given(document=schema_documents())
def test_valid_documents_are_valid_for_every_engine(
    name: str, engine: Callable[[Any], bool], document: Any
) -> None:
    assert _reference(document)
    assert engine(document)


@pytest.mark.parametrize(("name", "engine"), ENGINES, ids=[name for name, _ in ENGINES])
@SETTINGS
@given(document=mutated())
def test_mutated_documents_get_the_same_verdict_from_every_engine(
    name: str, engine: Callable[[Any], bool], document: Any
) -> None:
    assert engine(document) == _reference(document)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize(("name", "engine"), ENGINES, ids=[name for name, _ in ENGINES])
def test_fixture_files_get_the_same_verdict_from_every_engine(
    name: str, engine: Callable[[Any], bool], path: Path
) -> None:
    try:
        document = parse_json(path.read_bytes())
    except rm.InvalidReportError:
        pytest.skip("refused before schema validation (not JSON the engines could see)")
    assert engine(document) == _reference(document)


def test_long_decimals_are_judged_exactly_even_with_the_fast_extra() -> None:
    """1000000000000000.01 is over the bound, though as a binary double it is not."""
    text = (ROOT / "examples" / "reports" / "wusu-education-2023.json").read_text("utf-8")
    assert '"value": 40,' in text
    with pytest.raises(rm.InvalidReportError) as caught:
        rm.loads(text.replace('"value": 40,', '"value": 1000000000000000.01,', 1))
    assert caught.value.issues[0].code == "schema.maximum"


def test_the_compiler_refuses_keywords_it_does_not_know() -> None:
    with pytest.raises(NotImplementedError, match="oneOf"):
        compile_schema({"oneOf": [{"type": "string"}]})


def test_the_compiler_follows_recursive_references() -> None:
    schema = {
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}},
                "additionalProperties": False,
            }
        },
        "$ref": "#/$defs/Node",
    }
    check = compile_schema(schema)
    assert check({"children": [{"children": []}]})
    assert not check({"children": [{"children": [{"other": 1}]}]})


def test_keywords_without_a_type_apply_only_to_values_of_their_type() -> None:
    check = compile_schema({"properties": {"kind": {"const": "plans"}}, "minLength": 2})
    assert check(1)
    assert check({"kind": "plans"})
    assert not check({"kind": "measures"})
    assert not check("x")


_PATTERNED = {
    "id": ("i1", ["i1\n", "i1\r", "i1\n\n", "\ni1", "i1 ", "i1\u2028"]),
    "date": ("2023-01-01", ["2023-01-01\n", "2023-01-01\r\n", "2023-01-0\n", "\n2023-01-01"]),
    "key": ("a:b", ["a:b\n", "a:b\r", "A:b", "a:b\u0085"]),
}


def _patterned(kind: str, value: str) -> dict[str, Any]:
    indicator = {"id": "i1", "label": "案件", "value": 3, "unit": "件"}
    indicator |= {"qualifier": "exact", "source": "3件"}
    document: dict[str, Any] = {"title": "报告", "organization": {"name": "某局"}, "year": 2023}
    document["preamble"] = {"text": "导语", "indicators": [indicator]}
    if kind == "id":
        indicator["id"] = value
    elif kind == "date":
        document["issued_on"] = value
    else:
        document["extensions"] = {value: 1}
    return document


@pytest.mark.parametrize(("name", "engine"), ENGINES, ids=[name for name, _ in ENGINES])
@pytest.mark.parametrize("kind", sorted(_PATTERNED))
def test_every_engine_ends_a_pattern_where_python_does(
    name: str, engine: Callable[[Any], bool], kind: str
) -> None:
    # the schema's patterns end in (?!\n)$ for Python's re; jsonschema-rs gets them as $ for
    # Rust's regex crate, where $ is the very end of the text: a trailing newline must fail both
    valid, invalid = _PATTERNED[kind]
    assert engine(_patterned(kind, valid)) is True
    for value in invalid:
        document = _patterned(kind, value)
        assert _reference(document) is False
        assert engine(document) is False, repr(value)


def test_jsonschema_rs_gets_the_schema_changed_only_in_how_patterns_end() -> None:
    changed: list[str] = []

    def compare(python: Any, rust: Any, key: str = "") -> None:
        if isinstance(python, dict):
            assert python.keys() == rust.keys()
            for name in python:
                compare(python[name], rust[name], name)
        elif isinstance(python, list):
            assert len(python) == len(rust)
            for a, b in zip(python, rust, strict=True):
                compare(a, b, key)
        elif python != rust:
            assert key == "pattern"
            assert python == rust.removesuffix("$") + "(?!\\n)$"
            changed.append(python)

    compare(_schema._schema(), _schema._rust_schema())
    assert len(changed) == json.dumps(_schema._schema()).count('"pattern"')
