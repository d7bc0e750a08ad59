"""The checker: the rule registry, every rule firing and staying silent, the Wusu verdict."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from rol_model.checker._examples import SAMPLE_PREVIOUS, SAMPLE_REPORT, run_example
from rol_model.checker._registry import FAMILIES, Finding, position, rules
from rol_model.checker._rules_substance import BOILERPLATE, _boilerplate_share, _may_be_boilerplate
from rol_model.serialize._json import to_dict
from rol_model.text._similarity import jaccard
from strategies import examples

ROOT = Path(__file__).resolve().parents[2]
WUSU = ROOT / "examples" / "reports" / "wusu-education-2023.json"
RULES = rules()


def _ids(rule: object) -> str:
    return getattr(rule, "code", "?")


# The registry -----------------------------------------------------------------------------------


def test_codes_are_unique_banded_and_never_reused_for_another_name() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"ROL[1-4][0-9]{2}", rule.code)
        assert rule.family == FAMILIES[rule.code[3]][0]
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name


def test_every_rule_in_rules_json_has_a_function_and_profiles_know_exactly_those_codes() -> None:
    from rol_model.checker._metadata import rule_codes

    assert rule_codes() == {rule.code for rule in RULES}
    profile = rm.profile_from_dict(
        {
            "name": "all-off",
            "title": "Every rule off",
            "title_zh": "全部规则关闭",
            "source": "tests/checker/test_checks.py",
            "rules": {rule.code: "off" for rule in RULES},
        }
    )
    assert set(profile.rules) == rule_codes()


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_every_rule_declares_bilingual_titles_rationale_and_source(rule: rm.Rule) -> None:
    assert rule.severity in {"error", "warning", "info"}
    assert rule.title
    assert rule.rationale
    assert rule.source
    assert re.search(r"[\u4e00-\u9fff]", rule.title_zh), "title_zh must be Chinese"
    assert rule.function.__doc__, "the rule function's docstring states what it requires"


def test_every_family_the_issue_asks_for_has_rules() -> None:
    assert {rule.family for rule in RULES} == {
        "structure",
        "consistency",
        "substance",
        "year over year",
    }


# Every rule fires on its failing example at the declared pointer, and is silent otherwise --------


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_fires_on_its_failing_example_at_the_declared_pointer(rule: rm.Rule) -> None:
    findings = run_example(rule, failing=True)
    assert findings, f"{rule.code} did not fire on its failing example"
    assert findings[0].pointer == rule.example.pointer
    for finding in findings:
        assert finding.code == rule.code
        assert finding.name == rule.name
        assert finding.message
        assert re.search(r"[\u4e00-\u9fff]", finding.message_zh)


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_is_silent_on_its_passing_example(rule: rm.Rule) -> None:
    assert run_example(rule, failing=False) == []


def test_the_sample_report_passes_every_rule_including_year_over_year() -> None:
    report = rm.from_dict(SAMPLE_REPORT)
    previous = rm.from_dict(SAMPLE_PREVIOUS)
    assert rm.check(report, previous=previous) == []


# The Wusu 2023 report: exactly what a careful reviewer says -------------------------------------

# Each expected finding, with the reason a reviewer would give it:
WUSU_EXPECTED = [
    # The report has no part on how the principal leaders fulfilled their duty as first
    # responsible persons: its three parts are measures, shortcomings and 2024 plans.
    ("ROL101", "/parts", "error"),
    # Group （一）强化组织领导 and its three items state no figure at all.
    ("ROL301", "/parts/0/measures/0", "warning"),
    # Group （二）完善规章制度 and its three items state no figure at all. Groups （三）-（五） do
    # (聘请率100%, 专项检查40次, 专题活动300余次 …), so they are not flagged.
    ("ROL301", "/parts/0/measures/1", "warning"),
    # 二、存在的不足 lists four shortcomings (一是…四是) and gives no cause for any of them.
    ("ROL103", "/parts/1", "error"),
    # 三是 法治建设举措有待创新: none of the three plans (依法决策, 法治培训, 部门协同) speaks of
    # innovation or a distinctive project. The other three shortcomings are taken up: staff
    # awareness by （二）抓好法治培训, the enforcement system by （二）and（三）(行政执法程序,
    # 综合行政执法机制), student legal education by （三）(校园法治教育, 师生法治素养).
    ("ROL302", "/parts/1/shortcomings/2", "warning"),
    # None of the three 2024 plans has a figure, a time limit or a coverage target: one remark
    # on the plans part (info only; plans without targets are common, but worth a word).
    ("ROL303", "/parts/2", "info"),
]


def _wusu() -> rm.Report:
    if not WUSU.exists():
        pytest.skip("examples/reports/wusu-education-2023.json is not in this checkout")
    return rm.load(WUSU)


def test_wusu_2023_gets_exactly_the_findings_a_careful_reviewer_gives() -> None:
    findings = rm.check(_wusu())
    assert [(f.code, f.pointer, f.severity) for f in findings] == WUSU_EXPECTED


def test_wusu_2023_raises_no_false_alarm_on_dates_figures_title_or_repetition() -> None:
    """It has no dates, plausible figures, a proper title and no repeated text: none flagged."""
    codes = {f.code for f in rm.check(_wusu())}
    assert codes.isdisjoint({"ROL105", "ROL104", "ROL201", "ROL203", "ROL204", "ROL304"})
    assert codes.isdisjoint({"ROL206", "ROL207", "ROL208", "ROL209", "ROL305", "ROL306"})


def test_wusu_findings_quote_the_offending_text() -> None:
    by_pointer = {f.pointer: f for f in rm.check(_wusu())}
    assert by_pointer["/parts/0/measures/0"].excerpt == "强化组织领导，确保法治教育顺利推进"
    assert by_pointer["/parts/1/shortcomings/2"].excerpt == "法治建设举措有待创新"


def test_wusu_with_causes_and_a_leadership_part_loses_those_two_errors() -> None:
    report = _wusu()
    parts = list(report.parts)
    shortcomings = parts[1]
    assert isinstance(shortcomings, rm.ShortcomingsPart)
    parts[1] = attrs.evolve(
        shortcomings, causes=(rm.Cause(id="c1", text="执法力量分散，专业培训不足。"),)
    )
    leader = rm.LeadershipPart(
        heading="三、主要负责人履行推进法治建设第一责任人职责情况",
        items=(rm.Item(id="l1", text="局主要负责人主持召开党组会专题研究法治建设工作。"),),
    )
    parts.insert(2, leader)
    codes = [f.code for f in rm.check(attrs.evolve(report, parts=tuple(parts)))]
    assert "ROL101" not in codes
    assert "ROL103" not in codes


# Running the rules: order, selection, robustness ----------------------------------------------


def test_findings_come_in_document_order() -> None:
    report = rm.from_dict(SAMPLE_REPORT)
    broken = attrs.evolve(report, title="报告", published_on=report.issued_on.replace(month=1))  # type: ignore[union-attr]
    findings = rm.check(broken)
    document = to_dict(broken)
    keys = [position(document, f.pointer) for f in findings]
    assert keys == sorted(keys)
    assert [f.code for f in findings] == ["ROL105", "ROL206"]


def test_select_and_ignore_take_codes_and_family_prefixes() -> None:
    report = _wusu()
    assert {f.code for f in rm.check(report, select=["ROL1"])} == {"ROL101", "ROL103"}
    assert {f.code for f in rm.check(report, select=["rol3"], ignore=["ROL303"])} == {
        "ROL301",
        "ROL302",
    }
    assert rm.check(report, ignore=["ROL"]) == []


def test_year_over_year_rules_run_only_when_a_previous_report_is_given() -> None:
    report = rm.from_dict(SAMPLE_REPORT)
    unrelated = rm.from_dict({**SAMPLE_PREVIOUS, "year": 2020})
    assert rm.check(report, select=["ROL4"]) == []
    assert [f.code for f in rm.check(report, previous=unrelated, select=["ROL4"])] == ["ROL404"]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(strategies.reports())
def test_check_never_raises_on_a_valid_report_and_points_into_it(report: rm.Report) -> None:
    findings = rm.check(report, previous=report)
    document = to_dict(report)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.pointer == "" or finding.pointer.startswith("/")
        head = finding.pointer.split("/")[1] if finding.pointer else ""
        assert head in {"", *document, "parts", "published_on", "issued_on"}
    keys = [position(document, f.pointer) for f in findings]
    assert keys == sorted(keys)


def test_a_finding_converts_to_the_one_problem_record() -> None:
    finding = rm.check(_wusu())[0]
    issue = finding.to_issue()
    assert (issue.code, issue.pointer, issue.severity, issue.message) == (
        finding.code,
        finding.pointer,
        finding.severity,
        finding.message,
    )


# Matching by meaning --------------------------------------------------------------------------


def test_similarity_ignores_punctuation_and_spacing() -> None:
    assert jaccard("执法力量不足，培训不够。", "执法力量不足 培训不够") == 1.0
    assert jaccard("执法力量不足", "学校章程修订") == 0.0
    assert jaccard("", "") == 0.0


def _with_shortcoming(text: str) -> rm.Report:
    data = to_dict(rm.from_dict(SAMPLE_PREVIOUS))
    data["parts"][1]["shortcomings"][0]["text"] = text
    return rm.from_dict(data)


@pytest.mark.parametrize(
    "last_year",
    [
        "基层执法人员法律素养参差不齐，个别案件文书说理不充分。",  # the same words
        "部分基层执法人员法律素养不高，执法文书说理不够充分。",  # reworded
        "执法人员的法律素养有待提升。",  # shorter, same problem
    ],
)
def test_a_recurring_shortcoming_is_found_when_reworded(last_year: str) -> None:
    report = rm.from_dict(SAMPLE_REPORT)
    findings = rm.check(report, previous=_with_shortcoming(last_year), select=["ROL401"])
    assert [f.pointer for f in findings] == ["/parts/1/shortcomings/0"]


@pytest.mark.parametrize(
    "last_year",
    [
        "行政复议应诉能力较弱，败诉案件有所增加。",
        "规范性文件备案审查不及时。",
        "法治宣传形式单一，群众参与度不高。",
    ],
)
def test_a_different_shortcoming_is_not_called_recurring(last_year: str) -> None:
    report = rm.from_dict(SAMPLE_REPORT)
    assert rm.check(report, previous=_with_shortcoming(last_year), select=["ROL401"]) == []


# The generated rule reference ------------------------------------------------------------------


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    script = ROOT / "tools" / "build_rules_doc.py"
    result = subprocess.run(
        [sys.executable, str(script), "--print"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == result.stdout, (
        "docs/rules.md is out of date with the rule registry; "
        "regenerate it with: python tools/build_rules_doc.py"
    )


def test_docs_rules_md_lists_every_rule_with_both_examples() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        section = text.split(f"### {rule.code} ", 1)[1].split("\n### ", 1)[0]
        assert "**Fails**" in section, rule.code
        assert "**Passes**" in section, rule.code


# The corpus: real variety, no false alarms ------------------------------------------------------

CORPUS = ROOT.parent / "shared" / "corpus"

# Errors and warnings a reviewer gives each corpus report (plans without targets, info, are left
# out: nearly every real report has them). Verified against the texts:
CORPUS_EXPECTED = {
    # three parts only (工作开展情况 / 存在的问题 / 下一步工作打算); its measures item
    # （一）落实第一责任人职责 is imported as the leadership part (import.leadership-folded)
    # （五）自觉接受监督 and the second part's 4. 推行包容审慎监管 state no figure
    "05-fenghe-transport-word-export-2022": ["ROL301", "ROL301"],
    # （一）统筹推进法治政府建设 names documents and dates but no figure
    "07-tongjiang-justice-many-references-2023": ["ROL301"],
    # 规范村级权力运行 states no figure
    "11-taoyuan-town-unnumbered-bom-2024": ["ROL301"],
    "wusu-education-2023": ["ROL101", "ROL301", "ROL301", "ROL103", "ROL302"],
}


def _corpus() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("shared/ corpus not found beside the repository")
    return sorted(CORPUS.glob("*.txt"))


def test_imported_corpus_reports_get_only_the_findings_a_reviewer_gives() -> None:
    """Through the importer: what the checker says about each of the 13 corpus reports."""
    found = {}
    for path in _corpus():
        report = rm.import_file(path).report
        codes = [f.code for f in rm.check(report) if f.severity != "info"]
        found[path.stem] = codes
    expected = {path.stem: CORPUS_EXPECTED.get(path.stem, []) for path in _corpus()}
    assert found == expected


# Details of single rules ----------------------------------------------------------------------


def _sample(**changes: object) -> dict[str, object]:
    return to_dict(rm.from_dict({**SAMPLE_REPORT, **changes}))


def test_a_year_range_in_the_plans_heading_is_not_a_wrong_year() -> None:
    data = _sample()
    data["parts"][3]["heading"] = "四、2024年及“十四五”后期（2024—2025年）工作安排"  # type: ignore[index]
    assert rm.check(rm.from_dict(data), select=["ROL104"]) == []
    data["parts"][3]["heading"] = "四、2025年工作安排"  # type: ignore[index]
    assert [f.pointer for f in rm.check(rm.from_dict(data), select=["ROL104"])] == [
        "/parts/3/heading"
    ]


def test_a_government_may_be_named_by_its_place_in_the_title() -> None:
    data = _sample(
        title="柳溪镇2023年法治政府建设年度报告",
        organization={"name": "柳溪镇人民政府", "level": "township", "kind": "government"},
    )
    assert rm.check(rm.from_dict(data), select=["ROL105"]) == []


def test_causes_stated_in_the_text_count_even_without_cause_records() -> None:
    data = _sample()
    del data["parts"][1]["causes"]  # type: ignore[index,attr-defined]
    assert [f.code for f in rm.check(rm.from_dict(data), select=["ROL103"])] == ["ROL103"]
    data["parts"][1]["text"] = "究其原因，主要是培训方式单一、经费投入不足。"  # type: ignore[index]
    assert rm.check(rm.from_dict(data), select=["ROL103"]) == []


def test_explicit_links_decide_over_wording() -> None:
    data = _sample()
    # p1's wording is all about s1, but it links to s2 only: s1 is then not addressed.
    data["parts"][3]["plans"][0]["shortcoming_ids"] = ["s2"]  # type: ignore[index]
    findings = rm.check(rm.from_dict(data), select=["ROL302"])
    assert [f.pointer for f in findings] == ["/parts/1/shortcomings/0"]


def test_a_synonym_counts_as_the_same_topic() -> None:
    from rol_model.text._similarity import coverage

    plan = "深化精准普法，运用短视频推送典型案例。"
    assert coverage("法治宣传深度不够", plan) >= 0.3
    assert coverage("执法队伍力量薄弱", plan) == 0.0


def test_boilerplate_is_measured_by_share_of_stock_phrases() -> None:
    from rol_model.checker._rules_substance import boilerplate_share

    assert boilerplate_share("高度重视，狠抓落实，推动法治政府建设再上新台阶。") == 1.0
    assert boilerplate_share("评查案卷120卷，发现问题35个，已全部整改。") < 0.2


def test_wusu_against_itself_as_last_year_recurs_every_shortcoming_but_not_its_plans() -> None:
    """A report whose shortcomings are last year's, word for word: the checker names each
    recurrence. Its measures are not last year's plans (those plans are for the year after:
    强化依法决策, 抓好法治培训, 强化部门协同), so each plan is reported as not followed up, as
    compare marks each not_found."""
    report = _wusu()
    findings = rm.check(attrs.evolve(report, year=2024), previous=report, select=["ROL4"])
    assert [(f.code, f.pointer) for f in findings] == [
        *[("ROL402", "/parts/0")] * 3,
        *[("ROL401", f"/parts/1/shortcomings/{i}") for i in range(4)],
    ]


def test_submission_deadline_uses_the_submission_date_when_the_report_records_one() -> None:
    """ROL209: submitted_on, not the report's own date, decides whether it was late."""
    sample = rm.from_dict(SAMPLE_REPORT)
    late = attrs.evolve(sample, submitted_on=sample.issued_on.replace(month=3, day=5))  # type: ignore[union-attr]
    assert [(f.code, f.pointer) for f in rm.check(late, select=["ROL209"])] == [
        ("ROL209", "/submitted_on")
    ]
    on_time = attrs.evolve(late, submitted_on=sample.issued_on, issued_on=None)
    assert rm.check(on_time, select=["ROL209"]) == []


@settings(max_examples=examples(300), deadline=None)
@given(
    pieces=st.lists(st.sampled_from([*BOILERPLATE[:20], "执法", "案卷", "评查", "120", "整改"])),
    threshold=st.sampled_from([0.0, 0.3, 0.7, 0.9, 1.0]),
)
def test_the_stock_phrase_prefilter_never_hides_an_item_that_fires(
    pieces: list[str], threshold: float
) -> None:
    clean = "".join(pieces)
    if _boilerplate_share(clean) >= threshold:
        assert _may_be_boilerplate(clean, threshold)


# text that normalization may join across: combining marks, Hangul jamo, full-width forms
_JOINABLE = st.text(alphabet="法治a1，。 \u0301\u0338=\u1100\u1161\u11a8ｅ①㈠가é", max_size=8)


@settings(max_examples=examples(300), deadline=None)
@given(pieces=st.lists(_JOINABLE, max_size=4))
def test_texts_normalized_one_by_one_join_as_the_joined_text_normalizes(pieces: list[str]) -> None:
    from rol_model.checker._registry import Context
    from rol_model.text import normalize

    context = Context(report=rm.from_dict(SAMPLE_REPORT), profile=rm.load_profile("national"))
    assert context.normalized_joined(pieces) == normalize("".join(pieces))
    if len(pieces) == 2:
        node = rm.Measure(id="m9", heading=pieces[0] or None, text=pieces[1] or None)
        assert context.normalized_item(node) == normalize("".join(pieces))
