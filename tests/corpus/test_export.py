"""Tabular export: reports, items and indicators tables, in CSV or JSON Lines, and docs/scale.md."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import rol_model as rm
from rol_model.cli import main
from rol_model.corpus._export import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"
INVALID = ROOT / "tests" / "fixtures" / "invalid"
SCALE_DOC = ROOT / "docs" / "scale.md"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def example() -> rm.Report:
    return rm.load(EXAMPLE)


def test_csv_tables_have_the_documented_header_and_one_row_per_thing(
    tmp_path: Path, example: rm.Report
) -> None:
    summary = rm.export_tables([EXAMPLE], tmp_path)
    assert summary.files == tuple(str(tmp_path / f"{name}.csv") for name in COLUMNS)
    for name, columns in COLUMNS.items():
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
            assert tuple(next(csv.reader(stream))) == columns
    reports = _read_csv(tmp_path / "reports.csv")
    items = _read_csv(tmp_path / "items.csv")
    indicators = _read_csv(tmp_path / "indicators.csv")
    nodes = list(rm.iter_nodes(example))
    figures = list(rm.iter_indicators(example))
    assert (summary.reports, summary.items, summary.indicators) == (1, len(nodes), len(figures))
    assert [row["pointer"] for row in items] == [pointer for pointer, _ in nodes]
    assert [row["id"] for row in items] == [node.id for _, node in nodes]
    assert [row["pointer"] for row in indicators] == [pointer for pointer, _ in figures]
    assert [Decimal(row["value"]) for row in indicators] == [i.value for _, i in figures]
    (report,) = reports
    assert report["report_id"] == "1"
    assert report["file"] == str(EXAMPLE)
    assert report["organization"] == "乌苏市教育和科学技术局"
    assert report["year"] == "2023"
    assert report["measures"] == str(sum(isinstance(n, rm.Measure) for _, n in nodes))
    assert report["indicators"] == str(len(figures))
    assert report["part_kinds"] == " ".join(part.kind for part in example.parts)
    assert report["missing_parts"] == "leadership"  # other matters is not required


def test_items_record_parent_depth_and_part(tmp_path: Path, example: rm.Report) -> None:
    rm.export_tables([example], tmp_path)
    items = {row["id"]: row for row in _read_csv(tmp_path / "items.csv")}
    assert (items["m1"]["parent_id"], items["m1"]["depth"]) == ("", "1")
    assert (items["m1.2"]["parent_id"], items["m1.2"]["depth"]) == ("m1", "2")
    assert items["m1.2"]["type"] == "measure"
    assert items["m1.2"]["part_kind"] == "measures"
    assert {row["type"] for row in items.values()} >= {"measure", "shortcoming", "plan"}
    reports = _read_csv(tmp_path / "reports.csv")
    assert reports[0]["file"] == ""  # a Report object has no file


def test_values_are_written_in_plain_decimal_notation(tmp_path: Path, example: rm.Report) -> None:
    indicator = rm.Indicator(
        id="pre-i1", label="受教育学生", value=Decimal("3E+4"), unit="人",
        qualifier="at_least", source="受教育学生达3万余人",
    )  # fmt: skip
    preamble = rm.Preamble(text="受教育学生达3万余人。", indicators=(indicator,))
    rm.export_tables([attrs.evolve(example, preamble=preamble)], tmp_path, "jsonl")
    first = json.loads((tmp_path / "indicators.jsonl").read_text("utf-8").splitlines()[0])
    assert first["value"] == "30000"
    assert first["item_id"] is None
    assert first["pointer"] == "/preamble/indicators/0"


def test_jsonl_tables_hold_one_object_per_row_with_nulls(tmp_path: Path) -> None:
    rm.export_tables([EXAMPLE, EXAMPLE], tmp_path, "jsonl")
    reports = [
        json.loads(line) for line in (tmp_path / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    assert [r["report_id"] for r in reports] == [1, 2]
    assert tuple(reports[0]) == COLUMNS["reports"]
    assert reports[0]["issued_on"] is None
    assert isinstance(reports[0]["measures"], int)


def test_bom_option_starts_csv_files_with_a_byte_order_mark(tmp_path: Path) -> None:
    rm.export_tables([EXAMPLE], tmp_path / "excel", bom=True)
    rm.export_tables([EXAMPLE], tmp_path / "plain")
    assert (tmp_path / "excel" / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbfreport_id")
    assert (tmp_path / "plain" / "reports.csv").read_bytes().startswith(b"report_id")


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(20):
        shutil.copy(EXAMPLE, corpus / f"r{index:02}.json")
    rm.export_tables([corpus], tmp_path / "one", jobs=1)
    rm.export_tables([corpus], tmp_path / "two", jobs=2)
    for name in COLUMNS:
        one = (tmp_path / "one" / f"{name}.csv").read_bytes()
        assert one == (tmp_path / "two" / f"{name}.csv").read_bytes()
    ids = [row["report_id"] for row in _read_csv(tmp_path / "one" / "reports.csv")]
    assert ids == [str(n) for n in range(1, 21)]


def test_an_invalid_file_raises_and_leaves_existing_tables_untouched(tmp_path: Path) -> None:
    rm.export_tables([EXAMPLE], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(rm.InvalidReportError, match=r"empty-title\.json"):
        rm.export_tables([EXAMPLE, INVALID / "empty-title.json"], tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary left
    with pytest.raises(rm.ReadError, match=r"missing\.json"):
        rm.export_tables([tmp_path / "missing.json"], tmp_path)


def test_skip_invalid_leaves_bad_files_out_and_lists_them(tmp_path: Path) -> None:
    bad = INVALID / "empty-title.json"
    summary = rm.export_tables([bad, EXAMPLE], tmp_path, skip_invalid=True)
    assert summary.reports == 1
    assert [result.path for result in summary.skipped] == [str(bad)]
    assert summary.skipped[0].issues[0].pointer == "/title"


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(rm.UnsupportedFormatError, match="format"):
        rm.export_tables([EXAMPLE], tmp_path, "xlsx")  # type: ignore[arg-type]


def test_cli_exports_a_directory_and_reports_skipped_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLE, corpus / "a.json")
    shutil.copy(INVALID / "empty-title.json", corpus / "b.json")
    code, out, err = _run("export", str(corpus), "--to", "jsonl", "-o", str(tmp_path / "t"))
    assert code == 1
    assert out.startswith("1 reports, ")
    assert "skipped" in err
    assert "b.json" in err
    assert (tmp_path / "t" / "items.jsonl").exists()
    assert _run("export", str(corpus / "a.json"), "-o", str(tmp_path / "u"), "-j", "2")[0] == 0


def test_cli_export_refuses_zero_jobs_and_stdin(tmp_path: Path) -> None:
    assert _run("export", str(EXAMPLE), "-o", str(tmp_path), "--jobs", "0")[0] == 2
    assert _run("export", "-", "-o", str(tmp_path))[0] == 2


def _documented_columns(text: str, table: str) -> list[str]:
    section = text.split(f"<!-- columns:{table} -->")[1]
    section = section.split("<!-- /columns -->", maxsplit=1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)


@pytest.mark.parametrize("table", list(COLUMNS))
def test_docs_list_every_column_in_order_in_both_languages(table: str) -> None:
    text = SCALE_DOC.read_text("utf-8")
    english, chinese = text.split("\n## 中文\n")
    assert _documented_columns(english, table) == list(COLUMNS[table]), "update docs/scale.md"
    assert _documented_columns(chinese, table) == list(COLUMNS[table]), "update docs/scale.md"
