"""The fast path of dumps writes the reference's canonical text byte for byte, or steps aside."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.serialize import _fastdump
from rol_model.serialize._convert import converter
from rol_model.serialize._json import canonical_json, strict_dumps, strict_to_dict
from strategies import examples, reports

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"

pytestmark = pytest.mark.skipif(_fastdump.orjson is None, reason="the fast extra is not installed")


def _valid_fixtures() -> list[Path]:
    found = []
    for path in sorted([*ROOT.glob("tests/fixtures/*/*.json"), *ROOT.glob("examples/*/*.json")]):
        try:
            rm.load(path)
        except rm.InvalidReportError:
            continue
        found.append(path)
    return found


def _outcome(write: Any, report: rm.Report) -> str | list[rm.Issue]:
    try:
        return write(report)  # type: ignore[no-any-return]
    except rm.InvalidReportError as error:
        return list(error.issues)


def agree(report: rm.Report) -> bool:
    """Assert fast, public and reference writing agree; return whether the fast path answered."""
    reference = _outcome(strict_dumps, report)
    fast = _fastdump.dumps_fast(report)
    if fast is not None:
        assert fast == reference
    assert _outcome(rm.dumps, report) == reference
    as_text = lambda to_dict: lambda r: repr(list(to_dict(r).items()))  # noqa: E731 - order too
    assert _outcome(as_text(rm.to_dict), report) == _outcome(as_text(strict_to_dict), report)
    return fast is not None


@pytest.mark.parametrize("path", _valid_fixtures(), ids=lambda p: p.name)
def test_every_valid_fixture_is_written_identically_by_the_fast_path(path: Path) -> None:
    report = rm.load(path)
    assert agree(report)
    fast = _fastdump.unstructure_report(report)
    reference = converter().unstructure(report)
    assert fast == reference
    assert canonical_json(fast) == canonical_json(reference)  # key order too
    assert rm.to_dict(report) == reference


def _with_extensions(value: Any) -> rm.Report:
    return attrs.evolve(rm.load(EXAMPLE), extensions={"x:y": value})


class Color(enum.Enum):
    RED = "red"


class Text(str):
    pass


ODD = [
    _with_extensions(1.5),
    _with_extensions(1e16),
    _with_extensions([1, 2.0, {"b": 1, "a": Decimal("1.10")}]),
    _with_extensions((1, "x", None, True)),
    _with_extensions({"k": dt.date(2023, 1, 1)}),
    _with_extensions(Color.RED),
    _with_extensions(Text("文本")),
    _with_extensions(Decimal("NaN")),
    _with_extensions(Decimal("1.23456789012345678901")),
    _with_extensions(2**70),
    _with_extensions('控制\x00\x1f\x7f\u2028"\\ 字符'),
    _with_extensions("\ud800"),
    _with_extensions({1: "non-str key"}),
    attrs.evolve(rm.load(EXAMPLE), title=Text("子类标题")),
    attrs.evolve(rm.load(EXAMPLE), title="\udc00"),
    attrs.evolve(rm.load(EXAMPLE), title=""),
    attrs.evolve(rm.load(EXAMPLE), year=2023.0),  # type: ignore[arg-type]
    attrs.evolve(rm.load(EXAMPLE), year=True),  # type: ignore[arg-type]
    attrs.evolve(rm.load(EXAMPLE), issued_on=dt.datetime(2023, 1, 2, 3, 4)),
    attrs.evolve(rm.load(EXAMPLE), parts=list(rm.load(EXAMPLE).parts)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("report", ODD, ids=range(len(ODD)))
def test_odd_values_are_written_as_the_reference_writes_them_or_refused_alike(
    report: rm.Report,
) -> None:
    agree(report)


def test_indicator_values_keep_their_exact_digits() -> None:
    report = rm.loads(
        '{"title": "t", "organization": {"name": "n"}, "year": 2023, "preamble": {"text": "x", '
        '"indicators": [{"id": "i", "label": "l", "value": 3.50, "unit": "%", '
        '"qualifier": "exact", "source": "3.50%"}]}}'
    )
    assert agree(report)
    assert '"value": 3.50,' in rm.dumps(report)
    changed = attrs.evolve(
        report.preamble,  # type: ignore[misc]
        indicators=(attrs.evolve(report.preamble.indicators[0], value=Decimal("Infinity")),),  # type: ignore[union-attr]
    )
    assert not agree(attrs.evolve(report, preamble=changed))


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_generated_reports_are_written_identically(report: rm.Report) -> None:
    answered = agree(report)

    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(plain(v) for v in value.values())
        if isinstance(value, (list, tuple)):
            return all(plain(v) for v in value)
        return not isinstance(value, float)

    if plain(report.extensions) and isinstance(_outcome(strict_dumps, report), str):
        assert answered


@settings(max_examples=examples(30), deadline=None)
@given(text=st.text(max_size=30))
def test_any_text_is_escaped_as_the_reference_escapes_it(text: str) -> None:
    agree(attrs.evolve(rm.load(EXAMPLE), title=text or "x"))


def test_the_fast_writer_refuses_extensions_as_deep_as_load_does() -> None:
    from rol_model.serialize import _fastdump

    assert rm.DEFAULT_LIMITS.max_depth == _fastdump._MAX_DEPTH
