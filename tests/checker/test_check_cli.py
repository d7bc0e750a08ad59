"""``rol check``: exit codes, text grouped by part with excerpts, JSON, selection, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import rol_model as rm
from rol_model.checker._examples import SAMPLE_PREVIOUS, SAMPLE_REPORT
from rol_model.cli import main

ROOT = Path(__file__).resolve().parents[2]
WUSU = ROOT / "examples" / "reports" / "wusu-education-2023.json"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def wusu() -> str:
    if not WUSU.exists():
        pytest.skip("examples/reports/wusu-education-2023.json is not in this checkout")
    return str(WUSU)


@pytest.fixture
def sample(tmp_path: Path) -> dict[str, str]:
    current = tmp_path / "sample-2023.json"
    rm.dump(rm.from_dict(SAMPLE_REPORT), current)
    previous = tmp_path / "sample-2022.json"
    rm.dump(rm.from_dict(SAMPLE_PREVIOUS), previous)
    return {"current": str(current), "previous": str(previous), "dir": str(tmp_path)}


def test_a_report_with_error_findings_exits_1_and_groups_findings_by_part(wusu: str) -> None:
    code, out, err = _run(wusu)
    assert code == 1
    assert err == ""
    assert out.startswith(f"{wusu}: 2 errors, 3 warnings, 1 info (profile national)")
    # groups in document order, each headed by the part's marker and heading
    whole = out.index("Whole report / 全文")
    measures = out.index("一、本年度推进法治政府建设的主要举措和成效 (/parts/0)")
    shortcomings = out.index("二、存在的不足 (/parts/1)")
    plans = out.index("三、2024年推进法治政府建设的主要安排 (/parts/2)")
    assert whole < measures < shortcomings < plans
    # a clerk sees the offending text and both languages
    assert "“法治建设举措有待创新”" in out
    assert "no plan for next year addresses this shortcoming" in out
    assert "报告缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分" in out
    block = out[shortcomings:plans]
    assert "ROL103 missing-causes  /parts/1" in block


def test_a_clean_report_exits_0(sample: dict[str, str]) -> None:
    code, out, _ = _run(sample["current"], "--previous", sample["previous"])
    assert code == 0
    assert out.strip() == f"{sample['current']}: 0 errors, 0 warnings, 0 info (profile national)"


def test_warnings_alone_exit_0(wusu: str) -> None:
    code, _, _ = _run(wusu, "--ignore", "ROL101,ROL103")
    assert code == 0


def test_json_output_lists_findings_with_pointer_and_both_messages(wusu: str) -> None:
    code, out, _ = _run(wusu, "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["profile"] == "national"
    assert document["counts"] == {"error": 2, "warning": 3, "info": 1}
    first = document["findings"][0]
    assert set(first) == {
        "code",
        "name",
        "severity",
        "pointer",
        "message",
        "message_zh",
        "excerpt",
    }
    assert (first["code"], first["pointer"]) == ("ROL101", "/parts")
    assert [f["code"] for f in document["findings"]] == [
        "ROL101",
        "ROL301",
        "ROL301",
        "ROL103",
        "ROL302",
        "ROL303",
    ]


def test_select_and_ignore_accept_codes_and_family_prefixes(wusu: str) -> None:
    _, out, _ = _run(wusu, "--select", "rol3", "--ignore", "ROL303", "--format", "json")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"ROL301", "ROL302"}


def test_an_unknown_rule_code_is_a_usage_error(wusu: str) -> None:
    code, out, err = _run(wusu, "--select", "ROL999")
    assert code == 2
    assert out == ""
    assert "no rule code starts with 'ROL999'" in err


def test_previous_enables_the_year_over_year_rules(sample: dict[str, str]) -> None:
    data = rm.to_dict(rm.from_dict(SAMPLE_REPORT))
    data["parts"][0]["measures"][0]["indicators"][0]["value"] = 1000
    changed = Path(sample["dir"]) / "changed.json"
    rm.dump(rm.from_dict(data), changed)
    _, alone, _ = _run(str(changed), "--format", "json")
    _, compared, _ = _run(str(changed), "--previous", sample["previous"], "--format", "json")
    assert json.loads(alone)["findings"] == []
    findings = json.loads(compared)["findings"]
    assert [(f["code"], f["pointer"]) for f in findings] == [
        ("ROL403", "/parts/0/measures/0/indicators/0")
    ]


def test_profile_by_name_and_by_path(wusu: str, tmp_path: Path) -> None:
    code, out, _ = _run(wusu, "--profile", "provincial-guideline-2023", "--select", "ROL107")
    assert code == 0
    assert "ROL107 title-wording  /title" in out
    profile = tmp_path / "lenient.json"
    profile.write_text(
        json.dumps(
            {
                "name": "lenient",
                "title": "Leadership part not required",
                "title_zh": "不要求第一责任人部分",
                "source": "test",
                "extends": "national",
                "required_parts": ["measures", "shortcomings", "plans"],
                "rules": {"ROL103": "warning"},
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(wusu, "--profile", str(profile))
    assert code == 0
    assert "ROL101" not in out
    assert "warning ROL103" in out


def test_a_malformed_profile_exits_2_naming_file_and_pointer(wusu: str, tmp_path: Path) -> None:
    profile = tmp_path / "bad.json"
    profile.write_text(
        '{"name": "bad", "title": "t", "title_zh": "测", "source": "s", '
        '"rules": {"ROL301": "fatal"}}',
        encoding="utf-8",
    )
    code, out, err = _run(wusu, "--profile", str(profile))
    assert code == 2
    assert out == ""
    assert str(profile) in err
    assert "/rules/ROL301" in err
    assert "Traceback" not in err


def test_an_unknown_profile_name_exits_2(wusu: str) -> None:
    code, _, err = _run(wusu, "--profile", "natoinal")
    assert code == 2
    assert "built-in profiles: national" in err


def test_an_unreadable_or_invalid_report_exits_2(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "missing.json"))
    assert code == 2
    assert "missing.json" in err
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"title": "", "organization": {"name": "某局"}, "year": 2023}')
    code, out, err = _run(str(invalid))
    assert code == 2
    assert out == ""
    assert "not a valid report" in err
    assert "/title" in err


def test_an_invalid_previous_report_exits_2(sample: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    code, _, err = _run(sample["current"], "--previous", str(broken))
    assert code == 2
    assert "broken.json" in err


def test_check_is_listed_in_rol_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"], io.StringIO(), io.StringIO()) == 0
    assert "check a report against the rules of a profile" in capsys.readouterr().out


# docs/check.md shows real behaviour ---------------------------------------------------------

DOC = ROOT / "docs" / "check.md"


def _blocks(language: str) -> list[str]:
    import re

    pattern = re.compile(rf"^```{language}\n(.*?)^```", re.DOTALL | re.MULTILINE)
    return pattern.findall(DOC.read_text(encoding="utf-8"))


def test_docs_text_output_is_what_rol_check_prints(
    monkeypatch: pytest.MonkeyPatch, wusu: str
) -> None:
    monkeypatch.chdir(ROOT)
    _, out, _ = _run("examples/reports/wusu-education-2023.json")
    assert _blocks("text")[0] == out, "update the example output in docs/check.md"


def test_docs_profile_example_is_a_valid_profile_and_the_error_example_is_real(
    tmp_path: Path,
) -> None:
    (example,) = _blocks("json")
    profile = rm.profile_from_dict(json.loads(example))
    assert profile.rules["ROL303"] == "off"
    assert profile.required_parts[-1] == "other"
    bad = {**json.loads(example), "rules": {"ROL301": "fatal"}}
    with pytest.raises(rm.InvalidProfileError) as caught:
        rm.profile_from_dict(bad, source="my-bureau.json")
    assert f"`{caught.value}`" in DOC.read_text(encoding="utf-8")


def test_the_cli_prints_what_the_library_formats(wusu: str) -> None:
    report = rm.load(wusu)
    findings = rm.check(report)
    for fmt in ("text", "json"):
        _, out, _ = _run(wusu, "--format", fmt)
        assert out == rm.format_findings(report, findings, fmt, file=wusu)  # type: ignore[arg-type]
    data = rm.findings_to_dict(findings, file=wusu)
    assert data["counts"]["error"] == sum(f.severity == "error" for f in findings)
    with pytest.raises(rm.UnsupportedFormatError):
        rm.format_findings(report, findings, "xml")  # type: ignore[arg-type]
