"""Shared text similarity, and one answer to each cross-year question from check and compare."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from rol_model.checker import _profiles
from rol_model.text._similarity import (
    Weights,
    content_bigrams,
    dice,
    fingerprint,
    normalize,
    similarity,
)
from rol_model.trends import _history
from rol_model.trends._history import FOLLOW_THROUGH_THRESHOLD, RECURRING_THRESHOLD, follow_up_units
from strategies import examples

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "reports"
WUSU_2023 = REPORTS / "wusu-education-2023.json"
WUSU_2024 = REPORTS / "wusu-education-2024-fictional.json"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
_PLAN_ID = re.compile(r"last year's plan (\S+) \(")


# The shared pieces ------------------------------------------------------------------------------


def test_normalize_folds_width_and_drops_punctuation_and_spaces() -> None:
    assert normalize("ＡＢ１２，执法 力量。") == "AB12执法力量"
    assert similarity("执法力量不足，培训不够。", "执法力量不足 培训不够") == 1.0


def test_a_one_character_text_is_similar_to_itself_only() -> None:
    assert dice(fingerprint("法"), fingerprint("法")) == 1.0
    assert dice(fingerprint("法"), fingerprint("法治")) == 0.0
    assert dice(fingerprint(""), fingerprint("")) == 1.0


def test_the_dice_floor_skips_pairs_that_cannot_reach_it() -> None:
    short, long = fingerprint("执法力量"), fingerprint("执法力量不足，培训不够，队伍老化，经费紧张")
    assert dice(short, long) > 0
    assert dice(short, long, floor=0.5) == 0.0  # 2·3/(3+19) < 0.5, so not even intersected


def test_topical_bigrams_leave_out_generic_words_and_fold_synonyms() -> None:
    assert content_bigrams("抓好法治培训") == {"培训"}
    assert content_bigrams("加强法治宣传") == content_bigrams("普法")


def test_rarity_weights_make_a_shared_common_bigram_count_less() -> None:
    common = frozenset({"法治"})
    weights = Weights([common, common | {"培训"}, common | {"复议"}])
    assert weights.weight(["培训"]) > weights.weight(["法治"])
    assert weights.dice(frozenset({"法治", "培训"}), frozenset({"法治", "复议"})) < 0.5


def test_a_plan_is_cut_into_sentences_and_a_bare_heading_joins_the_next() -> None:
    plan = rm.Plan(
        id="p1",
        heading="抓好法治培训",
        text="年内轮训全体执法人员。建成县级执法培训基地一处并投入使用。",
    )
    assert follow_up_units(plan) == [
        "抓好法治培训。年内轮训全体执法人员。",
        "建成县级执法培训基地一处并投入使用。",
    ]


def test_checker_defaults_are_the_shared_thresholds() -> None:
    assert _profiles.DEFAULT_THRESHOLDS["recurring_overlap"] == RECURRING_THRESHOLD
    assert _profiles.DEFAULT_THRESHOLDS["follow_through_overlap"] == FOLLOW_THROUGH_THRESHOLD
    national = rm.load_profile("national").thresholds
    assert national["recurring_overlap"] == _history.RECURRING_THRESHOLD
    assert national["follow_through_overlap"] == _history.FOLLOW_THROUGH_THRESHOLD


# One answer from check and compare --------------------------------------------------------------


def _check_answer(
    previous: rm.Report, report: rm.Report, profile: rm.Profile | None = None
) -> tuple[list[str], list[str]]:
    """Ids of this year's shortcomings ROL401 calls recurring; ids of plans ROL402 calls not
    followed up."""
    ids = {pointer: node.id for pointer, node in rm.iter_nodes(report)}
    findings = rm.check(report, previous=previous, profile=profile, select=["ROL401", "ROL402"])
    recurring = sorted(ids[f.pointer] for f in findings if f.code == "ROL401")
    missing = []
    for finding in findings:
        if finding.code == "ROL402":
            match = _PLAN_ID.match(finding.message)
            assert match is not None, finding.message
            missing.append(match.group(1))
    return recurring, sorted(missing)


def _compare_answer(
    previous: rm.Report, report: rm.Report, **thresholds: float
) -> tuple[list[str], list[str]]:
    """The same two lists, as compare gives them for the pair."""
    comparison = rm.compare([previous, report], **thresholds)
    recurring = sorted(
        o.shortcoming_id
        for chain in comparison.shortcomings
        for o in chain.occurrences
        if o.year == report.year
    )
    missing = sorted(
        p.plan_id for p in comparison.plans if p.year == previous.year and p.status == "not_found"
    )
    return recurring, missing


def test_check_and_compare_agree_on_the_wusu_pair() -> None:
    old, new = rm.load(WUSU_2023), rm.load(WUSU_2024)
    assert _check_answer(old, new) == _compare_answer(old, new) == (["s1", "s2", "s3"], [])


def _corpus() -> list[rm.Report]:
    found = [rm.import_file(path).report for path in sorted(CORPUS.glob("*.txt"))]
    return [*found, rm.load(WUSU_2024)]


@pytest.fixture(scope="module")
def corpus() -> list[rm.Report]:
    return _corpus()


def test_check_and_compare_agree_on_every_pair_of_corpus_reports(
    corpus: list[rm.Report],
) -> None:
    """Every ordered pair of the 13 corpus reports and the fictional Wusu 2024 (a report with
    itself included), the older made last year's: the same recurrences, the same plans."""
    disagreements = []
    recurring_pairs = 0
    for first, second in itertools.product(corpus, repeat=2):
        # the same body: check (only ROL404 for another body) and compare (refuses) need one
        previous = attrs.evolve(first, year=second.year - 1, organization=second.organization)
        from_check = _check_answer(previous, second)
        if from_check != _compare_answer(previous, second):
            disagreements.append((first.title, second.title))
        recurring_pairs += len(from_check[0])
    assert disagreements == []
    assert recurring_pairs > len(corpus)  # the pairs exercise both answers, not only "none"


def test_check_and_compare_agree_with_thresholds_other_than_the_defaults(
    corpus: list[rm.Report],
) -> None:
    thresholds = {"recurring_overlap": 0.15, "follow_through_overlap": 0.2}
    profile = rm.profile_from_dict(
        {
            "name": "loose",
            "title": "Loose",
            "title_zh": "宽松",
            "source": "tests",
            "extends": "national",
            "thresholds": thresholds,
        }
    )
    for first, second in itertools.pairwise(corpus):
        previous = attrs.evolve(first, year=second.year - 1, organization=second.organization)
        assert _check_answer(previous, second, profile) == _compare_answer(
            previous,
            second,
            recurring_threshold=thresholds["recurring_overlap"],
            follow_through_threshold=thresholds["follow_through_overlap"],
        )


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports(), strategies.reports(), st.booleans())
def test_check_and_compare_agree_on_generated_pairs(
    first: rm.Report, second: rm.Report, carry_over: bool
) -> None:
    previous = attrs.evolve(first, year=second.year - 1, organization=second.organization)
    if carry_over:  # last year's parts again: every shortcoming recurs, plans meet measures
        second = attrs.evolve(second, parts=(*second.parts, *previous.parts))
    assert _check_answer(previous, second) == _compare_answer(previous, second)


def test_recurrences_do_not_depend_on_other_years_of_the_series() -> None:
    """compare over three years pairs 2023/2024 exactly as over those two years alone."""
    old, new = rm.load(WUSU_2023), rm.load(WUSU_2024)
    later = attrs.evolve(old, year=2025)
    pairs = rm.compare([old, new]).shortcomings
    in_series = rm.compare([old, new, later]).shortcomings
    two_years = [[(o.year, o.shortcoming_id) for o in chain.occurrences[:2]] for chain in pairs]
    from_series = [
        [(o.year, o.shortcoming_id) for o in chain.occurrences if o.year < 2025]
        for chain in in_series
        if chain.occurrences[0].year == 2023 and len(chain.occurrences) > 1
    ]
    assert sorted(two_years) == sorted(from_series)
    assert len(two_years) == 3


def test_an_item_headed_cause_analysis_is_not_a_recurring_shortcoming() -> None:
    def report(year: int) -> rm.Report:
        part = rm.ShortcomingsPart(
            shortcomings=(
                rm.Shortcoming(id="s1", heading="执法力量相对薄弱", text="执法人员少。"),
                rm.Shortcoming(id="s2", heading="原因分析"),
            )
        )
        return rm.Report(
            title=f"某县司法局{year}年法治政府建设年度报告",
            organization=rm.Organization(name="某县司法局"),
            year=year,
            parts=(part,),
        )

    found = _history.recurrences(report(2023), report(2024))
    assert [(r.previous.id, r.current.id) for r in found] == [("s1", "s1")]
    assert _check_answer(report(2023), report(2024)) == (["s1"], [])


# -- the fast forms compute exactly what the plain definitions do -------------------------------

_WIDTH_TEXT = st.text(
    alphabet=st.sampled_from(
        "法治政府，。、；：（）！？％１２ＡＢａ\u3000 \u0301\u0308e①㈠℃™ﬁ…—“”abc123"
    ),
    max_size=40,
)


@settings(max_examples=examples(300), deadline=None)
@given(text=_WIDTH_TEXT | st.text(max_size=40))
def test_normalize_is_nfkc_then_letters_and_digits(text: str) -> None:
    import unicodedata

    from rol_model.text import normalize

    assert normalize(text) == re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


@settings(max_examples=examples(200), deadline=None)
@given(text=st.text(max_size=30))
def test_clean_bigrams_are_the_adjacent_pairs(text: str) -> None:
    from rol_model.text import clean_bigrams

    assert clean_bigrams(text) == frozenset(text[i : i + 2] for i in range(len(text) - 1))
