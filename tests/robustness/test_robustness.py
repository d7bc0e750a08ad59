"""Whatever a user passes in, public functions either succeed or raise a RolModelError."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from strategies import examples, schema_documents

SETTINGS = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck)
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def near_reports(draw: st.DrawFn) -> Any:
    """A valid document with one field replaced by arbitrary data: close to valid, often not."""
    document = draw(schema_documents())
    key = draw(st.sampled_from([*document, "extensions", "parts", "titel"]))
    document[key] = draw(json_values)
    return document


def _only_our_errors(call: Any, *args: Any) -> None:
    """Any other exception escapes and fails the test."""
    with contextlib.suppress(rm.RolModelError):
        call(*args)


@SETTINGS
@given(st.one_of(json_values, near_reports()))
def test_from_dict_and_validate_raise_nothing_but_our_errors(data: Any) -> None:
    _only_our_errors(rm.from_dict, data)
    issues = rm.validate(data)
    assert all(isinstance(issue, rm.Issue) for issue in issues)


@SETTINGS
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_loads_of_any_bytes_or_text_raises_nothing_but_our_errors(data: bytes | str) -> None:
    _only_our_errors(rm.loads, data)


@SETTINGS
@given(near_reports())
def test_loads_of_near_valid_json_text_raises_nothing_but_our_errors(document: Any) -> None:
    try:
        text = json.dumps(document, ensure_ascii=False, default=str)
    except ValueError:  # circular or otherwise not JSON: nothing to load
        return
    _only_our_errors(rm.loads, text)


@pytest.mark.parametrize(
    "text",
    ['{"title": 1e999999999}', '{"a": ' + "1" * 5000 + "}", "\ufeff", "", "   ", "\x00"],
    ids=["huge-exponent", "huge-int", "bom-only", "empty", "blank", "nul"],
)
def test_edge_texts_are_refused_with_our_error(text: str) -> None:
    with pytest.raises(rm.InvalidReportError):
        rm.loads(text)
