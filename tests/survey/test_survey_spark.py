"""The survey's Spark job gives the same copies and per-body figures as the single-machine path.

Runs Spark in local mode over the Parquet export of a generated jurisdiction (fixture reports
with copies and boilerplate planted, and previous-year reports). CI installs Java and pyspark
(``.ci/spark-install``); elsewhere the test skips when either is missing, and fails under
``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    _need(shutil.which("java") is not None, "java not found: bash .ci/spark-install")
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError:
        _need(False, "pyspark not installed: bash .ci/spark-install")
    pytest.importorskip("datasketch")
    pytest.importorskip("pyarrow")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rol-survey-test")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def jurisdiction(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import survey_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    documents = [rm.to_dict(report) for report in survey_corpus.fixture_reports()[:24]]
    for document in documents:
        document["year"] = 2023
    added, truth = survey_corpus.plant(
        documents, seed=11, same_year=10, previous_year=3, boilerplate_bodies=4
    )
    assert len(truth) >= 14
    folder = tmp_path_factory.mktemp("spark-jurisdiction")
    for index, document in enumerate(documents + added):
        rm.dump(rm.from_dict(document), folder / f"r{index:03d}.json")
    return folder


def _local(
    folder: Path, year: int | None, max_bucket: int = 200
) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    from rol_model.survey import survey

    local = survey([folder], year=year, max_bucket=max_bucket)
    assert {c.kind for c in local.copies} == {"same_year", "previous_year"}
    assert local.boilerplate
    copies = {(c.kind, c.similarity, *_side(c.first), *_side(c.second)) for c in local.copies}
    bodies = {
        (
            b.file,
            b.body,
            b.year,
            b.parts,
            b.missing,
            b.errors,
            b.warnings,
            b.figures,
            b.characters,
            b.copies,
            b.copied_share,
            b.previous_share,
        )
        for b in local.bodies
    }
    return copies, bodies


def _side(side: Any) -> tuple[Any, ...]:
    return (side.file, side.body, side.year, side.pointer, side.text)


def _rows(copies: list[dict[str, Any]], bodies: list[dict[str, Any]]) -> tuple[set[Any], set[Any]]:
    found = {
        (
            r["kind"],
            r["similarity"],
            *(
                r[f"{name}_{key}"]
                for name in ("first", "second")
                for key in ("file", "body", "year", "pointer", "text")
            ),
        )
        for r in copies
    }
    rows = {
        (
            r["file"],
            r["body"],
            r["year"],
            tuple(r["parts"]),
            tuple(r["missing"]),
            r["errors"],
            r["warnings"],
            r["figures"],
            r["characters"],
            r["copies"],
            r["copied_share"],
            r["previous_share"],
        )
        for r in bodies
    }
    return found, rows


def test_spark_job_equals_the_local_survey(spark: Any, jurisdiction: Path, tmp_path: Path) -> None:
    """Every report surveyed (previous years too): the same copies, the same figures.

    ``max_bucket=3`` makes the standard paragraph of 4 bodies fill saturated buckets, so the
    rule that skips them is compared too.
    """
    from rol_model.survey._parquet import export_parquet
    from rol_model.survey.spark import spark_survey

    expected_copies, expected_bodies = _local(jurisdiction, None, max_bucket=3)
    export_parquet([jurisdiction], tmp_path / "pq")
    copies, bodies = spark_survey(spark, str(tmp_path / "pq"), max_bucket=3)
    found, rows = _rows(
        [r.asDict() for r in copies.collect()], [r.asDict() for r in bodies.collect()]
    )
    assert found == expected_copies
    assert rows == expected_bodies
    assert any(row[-1] > 0 for row in rows)  # some body repeats last year's text
    assert any(row[-2] > 0 for row in rows)  # some body shares text with another


def test_spark_job_command_equals_rol_survey_year(
    spark: Any, jurisdiction: Path, tmp_path: Path
) -> None:
    """``python -m rol_model.survey.spark PQ OUT --year 2023`` against ``rol survey --year``."""
    import pyarrow.parquet as pq

    from rol_model.survey._parquet import export_parquet
    from rol_model.survey.spark import main

    expected_copies, expected_bodies = _local(jurisdiction, 2023)
    export_parquet([jurisdiction], tmp_path / "pq")
    assert main([str(tmp_path / "pq"), str(tmp_path / "out"), "--year", "2023"]) == 0
    copies = pq.read_table(tmp_path / "out" / "copies").to_pylist()
    bodies = pq.read_table(tmp_path / "out" / "bodies").to_pylist()
    found, rows = _rows(copies, bodies)
    assert found == expected_copies
    assert rows == expected_bodies
    assert len(rows) == 24
