"""rol_model.diff: minimal, correct change lists for realistic edits, and its outputs."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from unittest import mock

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from rol_model.cli import main
from rol_model.diffing import _match
from rol_model.diffing._match import SIMILARITY_THRESHOLD, align, similarity
from strategies import examples

ROOT = Path(__file__).resolve().parents[2]
DIFF_SCHEMA = ROOT / "schemas" / "diff.schema.json"

# Sentences in the register of real reports: each measure is distinct, as in a real report.
TEXTS = [
    (
        "强化组织领导",
        "健全完善法治政府建设工作领导小组及其工作运行机制，统筹协调教育系统普法工作。",
    ),
    ("完善规章制度", "健全完善请销假制度、岗位责任制、服务承诺制、首问负责制等各项制度。"),
    ("推进依法决策", "严格落实重大行政决策程序规定，重大事项均经合法性审查和集体讨论决定。"),
    ("加大执法力度", "开展校外培训机构专项检查40次，下发各类整改通知书12份。"),
    ("化解矛盾纠纷", "拓宽群众信访投诉通道，办结网上信访11件，平台反映40余件均按时办结。"),
    ("深化普法宣传", "开展法治教育专题活动300余次，受教育学生达3万余人。"),
]


def figure(
    owner: str, n: int, source: str, *, label: str, value: int, unit: str, qualifier: str = "exact"
) -> rm.Indicator:
    return rm.Indicator(
        id=f"{owner}-i{n}",
        label=label,
        value=Decimal(value),
        unit=unit,
        source=source,
        qualifier=qualifier,  # type: ignore[arg-type]
    )


FIGURES = {
    3: (figure("m4", 1, "专项检查40次", label="专项检查", value=40, unit="次"),),
    4: (
        figure(
            "m5", 1, "平台反映40余件", label="平台反映", value=40, unit="件", qualifier="at_least"
        ),
    ),
}


def measure(index: int, position: int, **changes: object) -> rm.Measure:
    heading, text = TEXTS[index]
    marker = "（" + "一二三四五六七八九十"[position - 1] + "）"
    indicators = tuple(
        attrs.evolve(i, id=f"m{position}-i{n}") for n, i in enumerate(FIGURES.get(index, ()), 1)
    )
    node = rm.Measure(
        id=f"m{position}", marker=marker, heading=heading, text=text, indicators=indicators
    )
    return attrs.evolve(node, **changes)


def report(measures: list[rm.Measure], **changes: object) -> rm.Report:
    base = rm.Report(
        title="白川县教育局2023年法治政府建设情况报告",
        organization=rm.Organization(name="白川县教育局"),
        year=2023,
        parts=(
            rm.MeasuresPart(marker="一、", heading="主要举措和成效", measures=tuple(measures)),
            rm.ShortcomingsPart(
                marker="二、",
                heading="存在的不足",
                shortcomings=(
                    rm.Shortcoming(id="s1", marker="一是", text="执法人员专业能力有待提高。"),
                    rm.Shortcoming(id="s2", marker="二是", text="普法形式较为单一。"),
                ),
            ),
            rm.PlansPart(
                marker="三、",
                heading="下一年度工作安排",
                plans=(rm.Plan(id="p1", text="加强执法培训。", shortcoming_ids=("s1",)),),
            ),
        ),
    )
    return attrs.evolve(base, **changes)


def numbered(indexes: list[int]) -> list[rm.Measure]:
    return [measure(index, position) for position, index in enumerate(indexes, 1)]


BASE = report(numbered([0, 1, 2, 3, 4, 5]))


def test_diff_of_a_report_with_itself_is_empty_and_identical() -> None:
    changes = rm.diff(BASE, BASE)
    assert not changes
    assert changes.identical
    assert changes.counts() == dict.fromkeys(changes.counts(), 0)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports())
def test_diff_of_any_generated_report_with_itself_is_empty(report: rm.Report) -> None:
    changes = rm.diff(report, report)
    assert not changes
    assert changes.identical
    assert changes.renumbered == ()


def test_inserting_a_measure_at_the_top_is_one_addition_not_a_cascade() -> None:
    new_measure = rm.Measure(
        id="m1", marker="（一）", heading="学习习近平法治思想", text="组织干部职工专题学习十二次。"
    )
    rest = [measure(index, position) for position, index in enumerate([0, 1, 2, 3, 4, 5], 2)]
    changes = rm.diff(BASE, report([new_measure, *rest]))
    assert [(c.kind, c.new_id) for c in changes.items] == [("added", "m1")]
    assert changes.indicators == ()  # figures of renumbered items are the same figures
    assert ("m1", "m2") in changes.renumbered
    assert ("m6", "m7") in changes.renumbered
    assert not changes.identical


def test_a_reworded_sentence_is_one_modified_item_with_old_and_new_text() -> None:
    reworded = "健全法治政府建设工作领导小组及其运行机制，统筹协调全系统普法工作。"
    measures = numbered([0, 1, 2, 3, 4, 5])
    measures[0] = attrs.evolve(measures[0], text=reworded)
    changes = rm.diff(BASE, report(measures))
    (change,) = changes.items
    assert change.kind == "modified"
    assert (change.old_id, change.new_id) == ("m1", "m1")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("text", TEXTS[0][1], reworded)]
    assert change.similarity is not None
    assert change.similarity < 1


def test_a_removed_item_in_the_middle_is_one_removal() -> None:
    changes = rm.diff(BASE, report(numbered([0, 1, 3, 4, 5])))
    assert [(c.kind, c.old_id, c.old_pointer) for c in changes.items] == [
        ("removed", "m3", "/parts/0/measures/2")
    ]


def test_moving_the_last_measure_to_the_top_is_one_move() -> None:
    changes = rm.diff(BASE, report(numbered([5, 0, 1, 2, 3, 4])))
    assert [(c.kind, c.old_id, c.new_id) for c in changes.items] == [("moved", "m6", "m1")]
    assert changes.items[0].moved


def test_swapping_two_groups_moves_one_of_them() -> None:
    changes = rm.diff(BASE, report(numbered([0, 1, 2, 4, 3, 5])))
    assert [c.kind for c in changes.items] == ["moved"]
    assert changes.items[0].old_id in {"m4", "m5"}


def test_a_changed_figure_reports_old_new_absolute_and_relative_change() -> None:
    measures = numbered([0, 1, 2, 3, 4, 5])
    old = measures[3]
    measures[3] = attrs.evolve(
        old,
        text=old.text.replace("40次", "45次"),  # type: ignore[union-attr]
        indicators=(attrs.evolve(old.indicators[0], value=Decimal(45), source="专项检查45次"),),
    )
    changes = rm.diff(BASE, report(measures))
    (item,) = changes.items
    assert [f.field for f in item.fields] == ["text", "indicators"]
    (figure_change,) = changes.indicators
    assert figure_change.kind == "changed"
    assert (figure_change.old_value, figure_change.new_value) == (Decimal(40), Decimal(45))
    assert figure_change.absolute_change == Decimal(5)
    assert figure_change.relative_change == Decimal("0.125")
    assert figure_change.comparison == "exact"
    assert figure_change.note is None


def test_a_qualified_figure_gives_an_inexact_comparison_with_its_bound() -> None:
    measures = numbered([0, 1, 2, 3, 4, 5])
    old = measures[4]
    new_figure = attrs.evolve(
        old.indicators[0], value=Decimal(45), qualifier="exact", source="平台反映45件"
    )
    measures[4] = attrs.evolve(old, indicators=(new_figure,))
    (change,) = rm.diff(BASE, report(measures)).indicators
    assert change.comparison == "inexact"
    assert change.absolute_change == Decimal(5)
    assert change.note is not None
    assert "at most +5" in change.note
    assert "至多+5" in change.note


def test_a_changed_unit_makes_figures_incomparable() -> None:
    measures = numbered([0, 1, 2, 3, 4, 5])
    old = measures[3]
    measures[3] = attrs.evolve(old, indicators=(attrs.evolve(old.indicators[0], unit="人次"),))
    (change,) = rm.diff(BASE, report(measures)).indicators
    assert change.comparison == "incomparable"
    assert change.absolute_change is None
    assert change.old_unit == "次"
    assert change.unit == "人次"


def test_a_renamed_id_is_a_change_but_a_renumbered_id_is_not() -> None:
    measures = numbered([0, 1, 2, 3, 4, 5])
    measures[1] = attrs.evolve(measures[1], id="m-rules")
    changes = rm.diff(BASE, report(measures))
    (change,) = changes.items
    assert [(f.field, f.old, f.new) for f in change.fields] == [("id", "m2", "m-rules")]
    assert changes.renumbered == ()


def test_a_rewritten_item_that_keeps_a_chosen_id_is_paired_by_id() -> None:
    old_measures = numbered([0, 1, 2, 3, 4, 5])
    old_measures[2] = attrs.evolve(old_measures[2], id="m-decisions")
    new_measures = list(old_measures)
    new_measures[2] = attrs.evolve(
        old_measures[2], heading="优化营商环境", text="全面推行证明事项告知承诺制。"
    )
    changes = rm.diff(report(old_measures), report(new_measures))
    (change,) = changes.items
    assert (change.kind, change.old_id, change.new_id) == ("modified", "m-decisions", "m-decisions")
    assert {f.field for f in change.fields} == {"heading", "text"}


def test_an_unrelated_item_at_the_same_positional_id_is_a_removal_and_an_addition() -> None:
    measures = numbered([0, 1, 2, 3, 4, 5])
    measures[2] = attrs.evolve(
        measures[2], heading="优化营商环境", text="全面推行证明事项告知承诺制。"
    )
    changes = rm.diff(BASE, report(measures))
    assert sorted((c.kind, c.old_id, c.new_id) for c in changes.items) == [
        ("added", None, "m3"),
        ("removed", "m3", None),
    ]


def test_a_child_inserted_in_the_middle_is_one_added_child() -> None:
    group = [rm.Measure(id=f"m1.{n}", marker=f"{n}.", text=TEXTS[n - 1][1]) for n in range(1, 6)]
    old = report([rm.Measure(id="m1", heading="总体推进", children=tuple(group))])
    inserted = rm.Measure(
        id="m1.3", marker="3.", text="建立行政规范性文件合法性审核机制，审核文件八件。"
    )
    renumbered = [
        attrs.evolve(m, id=f"m1.{n}", marker=f"{n}.")
        for n, m in enumerate([*group[:2], inserted, *group[2:]], 1)
    ]
    new = report([rm.Measure(id="m1", heading="总体推进", children=tuple(renumbered))])
    changes = rm.diff(old, new)
    assert [(c.kind, c.new_id, c.depth, c.parent_id) for c in changes.items] == [
        ("added", "m1.3", 2, "m1")
    ]


def test_a_child_moved_to_another_group_is_one_move_across_groups() -> None:
    first = [rm.Measure(id=f"m1.{n}", marker=f"{n}.", text=TEXTS[n - 1][1]) for n in (1, 2, 3)]
    second = [rm.Measure(id=f"m2.{n}", marker=f"{n}.", text=TEXTS[n + 2][1]) for n in (1, 2)]
    old = report(
        [
            rm.Measure(id="m1", heading="组织保障", children=tuple(first)),
            rm.Measure(id="m2", heading="执法监督", children=tuple(second)),
        ]
    )
    moved = attrs.evolve(first[2], id="m2.3", marker="3.", text=TEXTS[2][1] + "全年审查八件。")
    new = report(
        [
            rm.Measure(id="m1", heading="组织保障", children=tuple(first[:2])),
            rm.Measure(id="m2", heading="执法监督", children=(*second, moved)),
        ]
    )
    changes = rm.diff(old, new)
    (change,) = changes.items
    assert (change.kind, change.old_id, change.new_id, change.parent_id) == (
        "modified",
        "m1.3",
        "m2.3",
        "m2",
    )
    assert change.moved
    assert [f.field for f in change.fields] == ["text"]
    assert ("m1.3", "m2.3") in changes.renumbered


def test_renumbered_shortcoming_references_are_not_a_change_of_the_plan() -> None:
    old = BASE
    shortcomings_part = old.parts[1]
    assert isinstance(shortcomings_part, rm.ShortcomingsPart)
    first = rm.Shortcoming(id="s1", marker="一是", text="行政复议应诉能力不足。")
    shifted = tuple(
        attrs.evolve(s, id=f"s{n}") for n, s in enumerate(shortcomings_part.shortcomings, 2)
    )
    plans = rm.PlansPart(
        marker="三、",
        heading="下一年度工作安排",
        plans=(rm.Plan(id="p1", text="加强执法培训。", shortcoming_ids=("s2",)),),
    )
    new = attrs.evolve(
        old,
        parts=(
            old.parts[0],
            attrs.evolve(shortcomings_part, shortcomings=(first, *shifted)),
            plans,
        ),
    )
    changes = rm.diff(old, new)
    assert [(c.kind, c.item, c.new_id) for c in changes.items] == [("added", "shortcoming", "s1")]


def test_report_details_and_extensions_are_field_changes() -> None:
    new = attrs.evolve(
        BASE,
        title="白川县教育局2024年法治政府建设情况报告",
        year=2024,
        extensions={"rol-model:fictional": True},
    )
    changes = rm.diff(BASE, new)
    assert [(f.field, f.old, f.new) for f in changes.metadata] == [
        ("title", BASE.title, new.title),
        ("year", 2023, 2024),
        ("extensions.rol-model:fictional", None, True),
    ]
    assert changes.items == ()


def test_reordered_parts_show_one_moved_part() -> None:
    new = attrs.evolve(BASE, parts=(BASE.parts[1], BASE.parts[0], BASE.parts[2]))
    changes = rm.diff(BASE, new)
    (moved,) = changes.parts
    assert moved.kind == "moved"
    assert moved.part in {"measures", "shortcomings"}
    assert moved.fields == moved.items == ()


def test_a_removed_part_lists_its_figures_as_removed() -> None:
    new = attrs.evolve(BASE, parts=BASE.parts[1:])
    changes = rm.diff(BASE, new)
    assert [(p.kind, p.part, p.old_index) for p in changes.parts] == [("removed", "measures", 0)]
    assert sorted(c.old_id or "" for c in changes.indicators) == ["m4-i1", "m5-i1"]
    assert {c.kind for c in changes.indicators} == {"removed"}


def test_similarity_ignores_punctuation_and_width_and_stays_in_range() -> None:
    assert similarity("专项检查40次，下发通知书12份。", "专项检查４０次 下发通知书１２份") == 1.0
    assert similarity("", "") == 1.0
    assert similarity("依法行政", "") == 0.0
    unrelated = similarity(TEXTS[0][1], TEXTS[5][1])
    assert 0 <= unrelated < SIMILARITY_THRESHOLD


SMALL_ALPHABET = "依法行政执法监督普法教育学校法治建设年度"


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.text(SMALL_ALPHABET, max_size=24), max_size=14),
    st.lists(st.text(SMALL_ALPHABET, max_size=24), max_size=14),
)
def test_prefix_and_positional_filters_miss_no_pair_that_reaches_the_threshold(
    olds: list[str], news: list[str]
) -> None:
    old = [{"id": f"a{n}", "text": t} for n, t in enumerate(olds)]
    new = [{"id": f"b{n}", "text": t} for n, t in enumerate(news)]
    with mock.patch.object(_match, "EXHAUSTIVE_PAIRS", 10**9):
        everything = align(old, new)
    with mock.patch.object(_match, "EXHAUSTIVE_PAIRS", 0):
        filtered = align(old, new)
    assert filtered == everything


def test_matching_large_lists_uses_the_bigram_index_and_still_finds_moves() -> None:
    olds = [
        {"id": f"m{n}", "text": f"第{n}项举措：" + "开展法治宣传教育活动" * 3 + f"编号{n * 7919}"}
        for n in range(300)
    ]
    news = [
        dict(o, id=f"x{n}", text=o["text"] + "并取得成效") for n, o in enumerate(reversed(olds))
    ]
    pairs = align(olds, news)
    assert len(pairs) == 300
    assert all(olds[p.old]["text"] + "并取得成效" == news[p.new]["text"] for p in pairs)


# -- outputs ----------------------------------------------------------------------------------


def edited_pair() -> tuple[rm.Report, rm.Report]:
    measures = numbered([5, 0, 2, 3, 4])
    measures[3] = attrs.evolve(
        measures[3], indicators=(attrs.evolve(measures[3].indicators[0], value=Decimal(45)),)
    )
    return BASE, report(measures, year=2024)


def test_json_output_follows_the_diff_schema() -> None:
    old, new = edited_pair()
    document = json.loads(rm.dumps(old) and _json_text(rm.diff_to_dict(rm.diff(old, new))))
    schema = json.loads(DIFF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["counts"]["removed"] == 1
    assert document["counts"]["moved"] == 1
    assert document["counts"]["indicators_changed"] == 1


def _json_text(data: object) -> str:
    from rol_model.serialize._json import canonical_json

    return canonical_json(data)


def test_diff_schema_has_bilingual_titles_and_descriptions() -> None:
    schema = json.loads(DIFF_SCHEMA.read_text("utf-8"))

    def walk(node: object, where: str) -> list[str]:
        found = []
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if " / " not in sub.get("title", "") or not any(
                    "\u4e00" <= ch <= "\u9fff" for ch in sub.get("description", "")
                ):
                    found.append(f"{where}/{name}")
            for key, sub in node.items():
                found.extend(walk(sub, f"{where}/{key}"))
        return found

    assert walk(schema, "") == []


def test_text_output_is_an_outline_without_colour_unless_asked() -> None:
    old, new = edited_pair()
    changes = rm.diff(old, new)
    plain = rm.format_diff(changes)
    assert plain.startswith(f"--- {old.title} (2023)\n+++ {new.title} (2024)\n")
    assert "- measure m2 " in plain
    assert "> measure m1 moved (was m6)" in plain
    assert "\x1b[" not in plain
    assert "\x1b[31m" in rm.format_diff(changes, color=True)


def test_markdown_output_has_a_figures_table() -> None:
    old, new = edited_pair()
    text = rm.format_diff(rm.diff(old, new), "markdown")
    assert text.startswith("# Changes / 变更")
    assert "| 专项检查 | 40次 | 45次 | +5, +12.5% |" in text


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    old, new = edited_pair()
    rm.dump(old, tmp_path / "old.json")
    rm.dump(new, tmp_path / "new.json")
    return str(tmp_path / "old.json"), str(tmp_path / "new.json")


def test_cli_diff_exits_0_for_identical_reports(files: tuple[str, str]) -> None:
    code, out, _ = run_cli("diff", files[0], files[0])
    assert code == 0
    assert "no changes" in out


@pytest.mark.parametrize("format", ["text", "json", "patch", "markdown"])
def test_cli_diff_exits_1_when_reports_differ_in_every_format(
    files: tuple[str, str], format: str
) -> None:
    code, out, err = run_cli("diff", *files, "--format", format)
    assert (code, err) == (1, "")
    if format in ("json", "patch"):
        json.loads(out)


def test_cli_diff_exits_2_on_a_missing_or_invalid_file(
    files: tuple[str, str], tmp_path: Path
) -> None:
    code, _, err = run_cli("diff", files[0], str(tmp_path / "absent.json"))
    assert code == 2
    assert "absent.json" in err
    (tmp_path / "bad.json").write_text('{"title": ""}', encoding="utf-8")
    code, _, err = run_cli("diff", str(tmp_path / "bad.json"), files[1])
    assert code == 2
    assert "bad.json" in err
    assert "Traceback" not in err


def test_the_diff_docs_state_the_thresholds_the_code_uses() -> None:
    text = (ROOT / "docs" / "diff.md").read_text("utf-8")
    assert f"**{_match.SIMILARITY_THRESHOLD}**" in text
    assert f"**{_match.POSITIONAL_ID_FLOOR}**" in text
    assert f"bonus of {_match.ID_BONUS}" in text
    from rol_model.trends import _compare

    assert f"**{_compare.FOLLOW_THROUGH_THRESHOLD}**" in text
    assert f"**{_compare.RECURRING_THRESHOLD}**" in text


def test_cli_diff_colours_only_when_asked_or_on_a_terminal(files: tuple[str, str]) -> None:
    _, plain, _ = run_cli("diff", *files)
    _, coloured, _ = run_cli("diff", *files, "--color", "always")
    assert "\x1b[" not in plain  # a StringIO is not a terminal
    assert "\x1b[32m+++ " in coloured
