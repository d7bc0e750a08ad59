"""``rol export --to parquet``: typed tables with stable ids, read back with pyarrow and DuckDB."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import rol_model as rm
from rol_model.cli import main

pa = pytest.importorskip("pyarrow", reason="Parquet export needs pip install 'rol-model[parquet]'")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("datasketch")

from rol_model.survey._parquet import PARQUET_TABLES, export_parquet, report_id  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("wusu-education-2023.json", "wusu-education-2024-fictional.json"):
        shutil.copyfile(EXAMPLES / name, folder / name)
    return folder


def test_tables_are_typed_and_join_on_stable_ids(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = export_parquet([reports], out)
    assert [Path(f).name for f in summary.files] == [f"{t}.parquet" for t in PARQUET_TABLES]
    tables = {name: pq.read_table(out / f"{name}.parquet") for name in PARQUET_TABLES}
    assert tables["indicators"].schema.field("value").type == pa.decimal128(38, 18)
    assert tables["reports"].schema.field("issued_on").type == pa.date32()
    assert tables["reports"].schema.field("year").type == pa.int32()
    new = rm.load(reports / "wusu-education-2024-fictional.json")
    ids = tables["reports"].column("report_id").to_pylist()
    assert report_id(new) in ids
    assert len(set(ids)) == 2
    row = next(r for r in tables["reports"].to_pylist() if r["report_id"] == report_id(new))
    assert row["issued_on"] == new.issued_on
    assert row["errors"] == sum(f.severity == "error" for f in rm.check(new))
    values = {
        r["pointer"]: r["value"]
        for r in tables["indicators"].to_pylist()
        if r["report_id"] == report_id(new)
    }
    for pointer, indicator in rm.iter_indicators(new):
        assert values[pointer] == indicator.value  # exact: Decimal, not a float
        assert isinstance(values[pointer], Decimal)
    items = tables["items"].to_pylist()
    assert all(r["item_key"] == f"{r['report_id']}:{r['pointer']}" for r in items)
    assert len({r["item_key"] for r in items}) == len(items)
    copies = tables["copies"].to_pylist()
    assert copies
    assert all(c["kind"] == "previous_year" for c in copies)
    assert {c["first_report_id"] for c in copies} == {report_id(new)}
    assert len(tables["findings"]) == sum(len(rm.check(rm.load(p))) for p in reports.iterdir())


def test_ids_do_not_depend_on_the_file_order_or_name(reports: Path, tmp_path: Path) -> None:
    first = tmp_path / "a"
    export_parquet([reports], first)
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for number, path in enumerate(sorted(reports.iterdir(), reverse=True)):
        shutil.copyfile(path, renamed / f"{number}.json")
    second = tmp_path / "b"
    export_parquet([renamed], second)
    for table, key in (("reports", "report_id"), ("items", "item_key"), ("copies", "copy_id")):
        a = set(pq.read_table(first / f"{table}.parquet").column(key).to_pylist())
        b = set(pq.read_table(second / f"{table}.parquet").column(key).to_pylist())
        assert a == b


def test_duckdb_reads_the_tables(reports: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    export_parquet([reports], out)
    rows = duckdb.sql(
        f"select r.year, count(*) from '{out / 'indicators.parquet'}' i "
        f"join '{out / 'reports.parquet'}' r using (report_id) group by 1 order by 1"
    ).fetchall()
    assert [year for year, _ in rows] == [2023, 2024]
    (issued,) = duckdb.sql(f"select max(issued_on) from '{out / 'reports.parquet'}'").fetchall()[0]
    assert isinstance(issued, dt.date)


def test_cli_export_to_parquet(reports: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", str(reports), "--to", "parquet", "-o", str(tmp_path / "pq")], out, err)
    assert code == 0, err.getvalue()
    assert "2 reports" in out.getvalue()
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == sorted(
        f"{t}.parquet" for t in PARQUET_TABLES
    )
    (reports / "bad.json").write_text("{", encoding="utf-8")
    code = main(["export", str(reports), "--to", "parquet", "-o", str(tmp_path / "pq2")], out, err)
    assert code == 1
    assert "skipped" in err.getvalue()
