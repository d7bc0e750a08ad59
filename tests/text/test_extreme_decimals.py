"""Extreme decimals: bounded by the readers, and harmless when built in code.

``rol_model.text._decimal``: at most 20 digits after the point in anything read or written;
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
from rol_model.cli import main
from rol_model.text._decimal import plain, signed_percent

HEAD = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023, '
    '"parts": [{"kind": "measures", "heading": "主要举措", "measures": [{"id": "m1", '
    '"text": "检查40次", "indicators": [{"id": "m1-i1", "label": "检查", "value": '
)
TAIL = ', "unit": "次", "qualifier": "exact", "source": "检查40次"}]}]}]}'

EXTREME = ["1e-999999999", "0E-999999999", "-1e-21", "1.000000000000000000001", "9E+14"]


def _with_value(value: Decimal) -> rm.Report:
    report = rm.loads(HEAD + "40" + TAIL)
    indicator = attrs.evolve(report.measures[0].indicators[0], value=value)
    measure = attrs.evolve(report.measures[0], indicators=(indicator,))
    part = attrs.evolve(report.parts[0], measures=(measure,))
    return attrs.evolve(report, parts=(part,))


@pytest.mark.parametrize("literal", EXTREME)
def test_extreme_values_are_kept_exactly_and_written_short(literal: str, tmp_path: Path) -> None:
    report = rm.loads(HEAD + literal + TAIL)
    assert report.measures[0].indicators[0].value == Decimal(literal)
    assert rm.loads(rm.dumps(report)) == report
    assert len(rm.render(report, format="markdown")) < 10_000
    rm.export_tables([report], tmp_path)
    assert (tmp_path / "indicators.csv").stat().st_size < 10_000


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
    from rol_model.views import html_diff, html_report

    assert len(html_report(after)) < 1_000_000
    assert len(html_diff(before, after, changes)) < 1_000_000


def test_the_318_byte_report_no_longer_explodes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.json"
    path.write_text(HEAD + "1e-999999999" + TAIL, encoding="utf-8")
    for argv in (
        ["export", str(path), "-o", str(tmp_path / "t")],
        ["render", str(path)],
        ["render", str(path), "--format", "html"],
        ["diff", str(path), str(path), "--format", "markdown"],
        ["trend", str(path), "--format", "csv"],
    ):
        out, err = io.StringIO(), io.StringIO()
        assert main(argv, out, err) == 0, err.getvalue()
        assert len(out.getvalue()) < 200_000
    assert sum(f.stat().st_size for f in (tmp_path / "t").iterdir()) < 10_000
