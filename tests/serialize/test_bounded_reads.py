"""Every reader is bounded and strict: no unbounded read, no exception outside RolModelError.

``rol_model.serialize._bounded.read_bounded`` never trusts ``st_size``; profiles go through the
same strict JSON reader as reports.
"""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rol_model as rm
from rol_model.checker._profiles import load_profile, profile_from_dict
from rol_model.cli import main
from rol_model.importer import import_file
from rol_model.serialize._bounded import read_bounded

VALID = (
    '{"title": "某局2023年法治政府建设情况报告", "organization": {"name": "某局"}, "year": 2023}\n'
)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    "read",
    [
        import_file,
        rm.load,
        load_profile,
        lambda p: read_bounded(p, 1000),
    ],
)
def test_an_endless_device_is_refused_at_the_limit(read: object) -> None:
    with pytest.raises(rm.ReadError, match="larger than the limit"):
        read("/dev/zero")  # type: ignore[operator]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    "argv", [["import", "/dev/zero"], ["check", "{r}", "--profile", "/dev/zero"]]
)
def test_the_cli_refuses_endless_input(tmp_path: Path, argv: list[str]) -> None:
    report = tmp_path / "r.json"
    report.write_text(VALID, encoding="utf-8")
    code, _, err = _run(*[a.format(r=report) for a in argv])
    assert code == 2
    assert "larger than the limit" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_that_never_ends_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    stop = threading.Event()

    def writer() -> None:
        try:
            with fifo.open("wb") as stream:
                while not stop.is_set():
                    stream.write(b"x" * 65536)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        with pytest.raises(rm.ReadError, match="larger than the limit"):
            read_bounded(fifo, 200_000)
    finally:
        stop.set()
        thread.join(5)


@pytest.mark.parametrize("name", ["", "a\x00b", "."])
def test_bad_names_are_read_errors(name: str) -> None:
    with pytest.raises(rm.ReadError):
        read_bounded(name, 10)
    with pytest.raises(rm.ReadError):
        rm.load(name)
    with pytest.raises(rm.ReadError):
        import_file(name)


_PROFILE = {"name": "mine", "title": "Mine", "extends": "national"}

_hostile_texts = st.one_of(
    st.just('{"name": "a", "name": "b"}'),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999999", "9" * 5000, "1" * 300]).map(
        lambda n: json.dumps(_PROFILE)[:-1] + ', "thresholds": {"sharp_change_ratio": ' + n + "}}"
    ),
    st.integers(min_value=40, max_value=20000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=40, max_value=20000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.just('{"name": "\\ud800"}'),
)


@settings(max_examples=60, deadline=None)
@given(text=_hostile_texts)
def test_hostile_profile_files_are_profile_errors(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("profile") / "p.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(rm.RolModelError):
        load_profile(path)


@settings(max_examples=60, deadline=None)
@given(
    value=st.one_of(
        st.just(float("nan")),
        st.just(float("inf")),
        st.just(10**5000),
        st.integers(min_value=40, max_value=6000).map(
            lambda n: __import__("functools").reduce(lambda a, _: {"a": a}, range(n), {})
        ),
    )
)
def test_hostile_profile_data_is_refused_not_crashing(value: object) -> None:
    with pytest.raises(rm.InvalidProfileError):
        profile_from_dict({**_PROFILE, "thresholds": {"sharp_change_ratio": value}})


def test_a_nan_ratio_cannot_switch_a_rule_off(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_PROFILE)[:-1] + ', "thresholds": {"sharp_change_ratio": NaN}}')
    report = tmp_path / "r.json"
    report.write_text(VALID, encoding="utf-8")
    code, _, err = _run("check", str(report), "--profile", str(path))
    assert code == 2
    assert "json.non-finite" in err


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".mhtml"])
def test_every_import_format_reads_with_a_bound(tmp_path: Path, suffix: str) -> None:
    # a file named as a page or a PDF that is /dev/zero: refused at the limit, not read forever
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / f"report{suffix}"
    link.symlink_to("/dev/zero")
    with pytest.raises(rm.ReadError, match="limit"):
        rm.import_file(link)
