"""``rol survey`` and :func:`rol_model.survey.survey`: overview, copies, clusters, outputs."""

from __future__ import annotations

import csv
import io
import json
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

import rol_model as rm
from rol_model.cli import main

pytest.importorskip("datasketch", reason="copy detection needs pip install 'rol-model[survey]'")

from rol_model.survey import (
    html_survey,
    survey,
    survey_csv,
    survey_to_dict,
    write_survey_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
EXAMPLES = ROOT / "examples" / "reports"


def _corpus_module() -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import survey_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    return survey_corpus


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Any]:
    """The fixture reports, all set to 2023, with copies and boilerplate planted."""
    corpus = _corpus_module()
    documents = [rm.to_dict(report) for report in corpus.fixture_reports()]
    for document in documents:
        document["year"] = 2023
    added, truth = corpus.plant(documents, seed=7, same_year=25, previous_year=5)
    folder = tmp_path_factory.mktemp("jurisdiction")
    files = []
    for index, document in enumerate(documents + added):
        path = folder / f"r{index:03d}.json"
        rm.dump(rm.from_dict(document), path)
        files.append(str(path))
    ground = {"files": files, "copies": truth}
    return folder, ground, survey([folder], year=2023)


def test_every_planted_copy_is_found_and_nothing_else(
    planted: tuple[Path, dict[str, Any], Any],
) -> None:
    _, ground, result = planted
    score = _corpus_module().score(result, ground)
    assert score["planted"] >= 20
    assert {c["kind"] for c in ground["copies"]} == {"same_year", "previous_year"}
    assert score["missed"] == []
    assert score["unexpected"] == []
    assert score["recall"] == 1.0
    assert score["precision"] == 1.0
    assert score["boilerplate_counted"] == 0


def test_boilerplate_is_recognised_not_counted(planted: tuple[Path, dict[str, Any], Any]) -> None:
    _, _, result = planted
    assert result.boilerplate, "the standard paragraph written by 8 bodies is boilerplate"
    assert all(b.bodies >= result.boilerplate_bodies for b in result.boilerplate)
    assert any("全面贯彻党的二十大精神" in b.text for b in result.boilerplate)
    for copy in result.copies:  # the planted quotation is cut out and never compared
        assert "推进法治中国建设" not in copy.first.text + copy.second.text


def test_shares_and_body_rows(planted: tuple[Path, dict[str, Any], Any]) -> None:
    _, ground, result = planted
    by_file = {body.file: body for body in result.bodies}
    previous = {c["source"] for c in ground["copies"] if c["kind"] == "previous_year"}
    # previous-year reports are not surveyed
    assert len(by_file) == len(result.bodies) == len(ground["files"]) - len(previous)
    targets = {ground["files"][c["target"]] for c in ground["copies"] if c["kind"] == "same_year"}
    for file in targets:
        assert 0 < by_file[file].copied_share < 1
        assert by_file[file].copies >= 1
    followed = [ground["files"][c["target"]] for c in ground["copies"] if c["kind"] != "same_year"]
    for file in followed:
        body = by_file[file]
        assert body.previous_share > 0
        assert body.previous_file is not None
        assert body.plans_previous is not None
    untouched = set(by_file) - targets - set(followed)
    for file in untouched:
        body = by_file[file]
        assert body.copied_share == 0 or body.copies > 0  # a source of a copy is copied too


def test_overview_of_a_body_with_its_previous_year() -> None:
    old = EXAMPLES / "wusu-education-2023.json"
    new = EXAMPLES / "wusu-education-2024-fictional.json"
    result = survey([new], previous=[old])
    (body,) = result.bodies
    assert body.body == "乌苏市教育和科学技术局"
    assert body.year == 2024
    assert body.previous_file == str(old)
    comparison = rm.compare([rm.load(old), rm.load(new)])
    plans = [p for p in comparison.plans if p.year == 2023]
    assert body.plans_previous == len(plans) > 0
    assert body.plans_followed == sum(p.status == "carried_out" for p in plans)
    assert len(body.recurring) == sum(1 for c in comparison.shortcomings if 2024 in c.years)
    assert body.figures == sum(1 for _ in rm.iter_indicators(rm.load(new)))
    findings = rm.check(rm.load(new))
    assert body.errors == sum(f.severity == "error" for f in findings)
    assert body.warnings == sum(f.severity == "warning" for f in findings)
    assert set(body.parts) | set(body.missing) == {
        "measures",
        "shortcomings",
        "leadership",
        "plans",
        "other",
    }
    assert result.copies
    assert all(c.kind == "previous_year" for c in result.copies)
    assert all(c.first.year == 2024 and c.second.year == 2023 for c in result.copies)


def test_deadlines() -> None:
    from rol_model.survey import publication_deadline, submission_deadline

    assert str(publication_deadline(2023)) == "2024-03-31"
    assert str(submission_deadline(2023, "department")) == "2024-02-29"
    assert str(submission_deadline(2022, "department")) == "2023-02-28"
    assert str(submission_deadline(2023, "government")) == "2024-03-31"


def test_json_copies_name_both_reports(planted: tuple[Path, dict[str, Any], Any]) -> None:
    _, _, result = planted
    data = json.loads(json.dumps(survey_to_dict(result), ensure_ascii=False))
    assert isinstance(data["copies"], list)
    assert data["copies"]
    for copy in data["copies"]:
        assert 0 < copy["similarity"] <= 1
        for side in ("first", "second"):
            assert set(copy[side]) == {"file", "body", "year", "pointer", "text"}
            report = rm.load(copy[side]["file"])
            assert report.organization.name == copy[side]["body"]
            assert report.year == copy[side]["year"]
            node: Any = rm.to_dict(report)
            for key in copy[side]["pointer"].strip("/").split("/"):
                node = node[int(key)] if isinstance(node, list) else node[key]
            assert node == copy[side]["text"]


def test_csv_has_a_bom_and_opens_as_a_table(planted: tuple[Path, dict[str, Any], Any]) -> None:
    _, _, result = planted
    text = survey_csv(result, "copies")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == len(result.copies)
    assert rows[0]["first_body"] == result.copies[0].first.body


def test_workbook_opens_in_openpyxl(
    planted: tuple[Path, dict[str, Any], Any], tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    _, _, result = planted
    path = tmp_path / "survey.xlsx"
    write_survey_xlsx(result, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["单位概况", "雷同段落", "共性问题", "检查问题", "套话"]
    sheet = book["单位概况"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "报告单位"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["A"].width == 28
    assert sheet.max_row == len(result.bodies) + 1
    copies = book["雷同段落"]
    assert copies.max_row == len(result.copies) + 1
    assert copies["A2"].value in ("同年他单位", "本单位上年")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_html_page_is_self_contained(planted: tuple[Path, dict[str, Any], Any]) -> None:
    _, _, result = planted
    page = html_survey(result)
    assert "http://" not in page
    assert "https://" not in page
    assert page.count('id="table-bodies"') == 1
    assert page.count("<script>") == 1
    assert result.copies[0].first.text[:20] in page


@pytest.mark.slow
def test_cli_formats(planted: tuple[Path, dict[str, Any], Any], tmp_path: Path) -> None:
    folder, _, result = planted
    out, err = io.StringIO(), io.StringIO()
    assert main(["survey", str(folder), "--year", "2023"], out, err) == 0, err.getvalue()
    data = json.loads(out.getvalue())
    assert len(data["copies"]) == len(result.copies)
    assert len(data["bodies"]) == len(result.bodies)
    for fmt in ("html", "xlsx", "csv"):
        target = tmp_path / f"out.{fmt}"
        code = main(["survey", str(folder), "--format", fmt, "-o", str(target)], out, err)
        assert code == 0
        assert target.stat().st_size > 0
    code = main(["survey", str(folder), "--format", "xlsx"], io.StringIO(), err := io.StringIO())
    assert code == 2
    assert "needs -o" in err.getvalue()


def test_cli_reports_invalid_and_unreadable_files(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes((EXAMPLES / "wusu-education-2023.json").read_bytes())
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["survey", str(tmp_path)], out, err) == 1
    assert "skipped" in err.getvalue()
    assert "bad.json" in err.getvalue()
    assert len(json.loads(out.getvalue())["bodies"]) == 1
    err = io.StringIO()
    assert main(["survey", str(tmp_path / "missing")], io.StringIO(), err) == 2
    assert "Traceback" not in err.getvalue()


def test_shortcoming_clusters_count_bodies(tmp_path: Path) -> None:
    base = rm.to_dict(rm.load(EXAMPLES / "wusu-education-2023.json"))
    problems = [
        "基层行政执法人员法治素养有待提高，执法不规范问题仍然存在。",
        "部分基层执法人员法治素养不高，执法行为不够规范。",
        "行政复议应诉工作力量薄弱，专业人员缺乏。",
    ]
    for number in range(4):
        document = deepcopy(base)
        document["organization"]["name"] = f"第{number}测试局"
        part = next(p for p in document["parts"] if p["kind"] == "shortcomings")
        part["shortcomings"] = [
            {"id": f"s{number}", "text": problems[number % 2]},
            *([{"id": "s9", "text": problems[2]}] if number == 0 else []),
        ]
        part["causes"] = []
        for plan_part in (p for p in document["parts"] if p["kind"] == "plans"):
            for plan in plan_part["plans"]:
                plan.pop("shortcoming_ids", None)
        rm.dump(rm.from_dict(document), tmp_path / f"{number}.json")
    result = survey([tmp_path])
    top = result.shortcomings[0]
    assert top.bodies == 4
    assert top.items == 4
    assert all(c.bodies >= 2 for c in result.shortcomings)
    assert not any("复议" in c.label for c in result.shortcomings)


@pytest.mark.parametrize(
    ("module", "arguments", "extra"),
    [
        ("datasketch", ["--format", "json"], "rol-model[survey]"),
        ("openpyxl", ["--format", "xlsx", "-o", "{tmp}/out.xlsx"], "rol-model[survey]"),
        ("jinja2", ["--format", "html"], "rol-model[html]"),
    ],
)
def test_a_missing_extra_is_a_clear_error(
    module: str,
    arguments: list[str],
    extra: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rol_model.views import page_environment

    page_environment.cache_clear()
    monkeypatch.setitem(sys.modules, module, None)  # import raises ModuleNotFoundError
    err = io.StringIO()
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    report = str(EXAMPLES / "wusu-education-2023.json")
    assert main(["survey", report, *arguments], io.StringIO(), err) == 2
    assert extra in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert not list(tmp_path.iterdir())
    page_environment.cache_clear()


def test_the_survey_package_is_reachable_from_rol_model() -> None:
    import rol_model

    assert rol_model.survey.survey is survey
    assert rol_model.survey.__doc__


def test_a_crowded_bucket_is_boilerplate_without_listing_its_pairs(
    planted: tuple[Path, dict[str, Any], Any],
) -> None:
    from rol_model.survey._copies import candidate_pairs, near_duplicates

    folder, ground, _ = planted
    # The standard paragraph of 8 bodies fills a bucket: with max_bucket 5 it is saturated.
    # (With 4, a preamble written close to it shares a crowded bucket too, and the copy planted
    # in it is taken for boilerplate: docs/survey.md states this limit.)
    crowded = survey([folder], year=2023, max_bucket=5)
    assert any("全面贯彻党的二十大精神" in b.text for b in crowded.boilerplate)
    score = _corpus_module().score(crowded, ground)
    assert score["recall"] == 1.0
    assert score["precision"] == 1.0
    assert score["boilerplate_counted"] == 0
    texts = ["甲" * 10 + "乙丙丁戊己庚辛壬癸" * 4 + str(n) for n in range(6)]
    _, _, pairs, saturated = near_duplicates(
        texts, bodies=[f"b{n}" for n in range(6)], minimum=3, max_bucket=4
    )
    assert saturated == set(range(6))
    assert all(pair.similarity >= 0.6 for pair in pairs)
    same = [(1,) * 128] * 6  # six texts agreeing on every band: each bucket holds all six
    bodies = [frozenset({f"b{n}"}) for n in range(6)]
    listed, crowded = candidate_pairs(same, bodies, minimum=3, max_bucket=4)
    assert listed == set()  # no pair is enumerated from a saturated bucket
    assert crowded == set(range(6))
    listed, crowded = candidate_pairs(same, [frozenset({"b"})] * 6, minimum=3, max_bucket=4)
    assert len(listed) == 15  # one body: not boilerplate, so its pairs are listed
    assert crowded == set()
    listed, none = candidate_pairs([(1,) * 128] * 3)
    assert listed == {(0, 1), (0, 2), (1, 2)}
    assert none == set()
