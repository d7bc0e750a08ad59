"""Extreme decimals: bounded by the readers, and harmless when built in code.

``rol_model._decimal_text``: at most 20 digits after the point in anything read or written;
plain notation only while it stays short; differences and ratios of any two values never trap.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model._decimal_text import plain, signed_percent
from rol_model.cli import main

HEAD = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023, '
    '"parts": [{"kind": "measures", "heading": "主要举措", "measures": [{"id": "m1", '
    '"text": "检查40次", "indicators": [{"id": "m1-i1", "label": "检查", "value": '
)
TAIL = ', "unit": "次", "qualifier": "exact", "source": "检查40次"}]}]}]}'

EXTREME = ["1e-999999999", "0E-999999999", "-1e-21", "1.000000000000000000001", "0e-21"]


@pytest.mark.parametrize("literal", EXTREME)
def test_more_than_20_places_is_refused_by_every_reader(literal: str) -> None:
    text = HEAD + literal + TAIL
    with pytest.raises(rm.InvalidReportError, match=r"value\.precision"):
        rm.loads(text)
    import json

    data = json.loads(text, parse_float=Decimal)
    with pytest.raises(rm.InvalidReportError, match=r"value\.precision"):
        rm.from_dict(data)


def _with_value(value: Decimal) -> rm.Report:
    report = rm.loads(HEAD + "40" + TAIL)
    indicator = attrs.evolve(report.measures[0].indicators[0], value=value)
    measure = attrs.evolve(report.measures[0], indicators=(indicator,))
    part = attrs.evolve(report.parts[0], measures=(measure,))
    return attrs.evolve(report, parts=(part,))


def test_dumps_refuses_what_the_readers_refuse() -> None:
    with pytest.raises(rm.InvalidReportError, match=r"value\.precision"):
        rm.dumps(_with_value(Decimal("1e-999999999")))


def test_twenty_places_still_round_trip() -> None:
    text = HEAD + "0.00000000000000000001" + TAIL
    assert rm.loads(rm.dumps(rm.loads(text))) == rm.loads(text)


EXPONENTS = st.integers(min_value=-999_999_999, max_value=15)
VALUES = st.builds(
    lambda digits, exponent, sign: Decimal((sign, tuple(int(d) for d in digits), exponent)),
    st.text("0123456789", min_size=1, max_size=30),
    EXPONENTS,
    st.integers(0, 1),
)


@settings(max_examples=200, deadline=None)
@given(value=VALUES)
def test_plain_text_of_any_value_stays_short(value: Decimal) -> None:
    for spec in ("f", ",f", "+f"):
        assert len(plain(value, spec)) <= 2 * len(value.as_tuple().digits) + 60
    assert len(signed_percent(value)) <= 80


@settings(max_examples=60, deadline=None)
@given(old=VALUES, new=VALUES)
def test_diff_trend_and_views_of_extreme_pairs_built_in_code(old: Decimal, new: Decimal) -> None:
    before, after = _with_value(old), _with_value(new)
    changes = rm.diff(before, after)
    text = rm.format_diff(changes, "text")
    assert len(text) < 100_000
    rm.compare([before, attrs.evolve(after, year=2024)])
    rm.check(after, previous=before)
    pytest.importorskip("jinja2")
    from rol_model._html import html_diff, html_report

    assert len(html_report(after)) < 1_000_000
    assert len(html_diff(before, after, changes)) < 1_000_000


def test_export_of_an_extreme_value_built_in_code_stays_small(tmp_path: Path) -> None:
    rm.export_tables([_with_value(Decimal("1e-999999999"))], tmp_path)
    assert (tmp_path / "indicators.csv").stat().st_size < 10_000


def test_the_cli_refuses_the_318_byte_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.json"
    path.write_text(HEAD + "1e-999999999" + TAIL, encoding="utf-8")
    for argv in (["export", str(path), "-o", str(tmp_path / "t")], ["render", str(path)]):
        out, err = io.StringIO(), io.StringIO()
        assert main(argv, out, err) in (1, 2)  # export: 1, an invalid input file
        assert "value.precision" in err.getvalue()
        assert len(out.getvalue()) < 1000
