"""The survey's copy detection and per-body figures as a PySpark job over the Parquet tables.

For the national level (all bodies, all years): export the reports once with
``rol export --to parquet`` and run

    spark-submit -m rol_model.survey.spark PARQUET_DIR OUT_DIR [--year N]
    python -m rol_model.survey.spark PARQUET_DIR OUT_DIR [--year N] [--master local[*]]

which writes ``copies`` and ``bodies`` as Parquet into ``OUT_DIR``. The job is the same
algorithm as :func:`rol_model.survey.survey` step by step (see
:mod:`rol_model.survey._copies`): the same normalisation, shingles, MinHash signatures (the same
fixed seed), LSH band keys and exact Jaccard verification, the same boilerplate rule and the same
copy rules, run as Spark joins and aggregations, with the library's own functions as Python
UDFs. So on the same input it gives the same copy pairs and the same per-body figures (parts,
errors, warnings, figures, characters, copies, shares copied) as the single-machine path; a test
checks it in Spark local mode. Plan follow-through and recurring shortcomings need two whole
reports side by side and stay with the single-machine path.

Needs pyspark (and Java); reports of one body and year must be unique in the input, as they are
for :func:`~rol_model.survey.survey`.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rol_model.exceptions import MissingExtraError
from rol_model.survey._copies import (
    MAX_BUCKET,
    MIN_CHARACTERS,
    THRESHOLD,
    band_keys,
    jaccard,
    normalize,
    shingles,
    signature,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["BODY_COLUMNS", "COPY_COLUMNS", "main", "spark_survey"]

#: Columns of the ``copies`` result, as in the local JSON (``first_*``, ``second_*`` flattened).
COPY_COLUMNS = (
    "kind",
    "similarity",
    "first_file",
    "first_body",
    "first_year",
    "first_pointer",
    "first_text",
    "second_file",
    "second_body",
    "second_year",
    "second_pointer",
    "second_text",
)
#: Columns of the ``bodies`` result: the per-body figures the job computes.
BODY_COLUMNS = (
    "file",
    "body",
    "year",
    "parts",
    "missing",
    "errors",
    "warnings",
    "figures",
    "characters",
    "copies",
    "copied_share",
    "previous_share",
)
_PART_KINDS = ("measures", "shortcomings", "leadership", "plans", "other")


def _body_key(name: str) -> str:
    from rol_model.survey._survey import body_key

    return body_key(name)


def _bands(text: str) -> list[str]:
    return band_keys(signature(shingles(text)))


def _similarity(first: str, second: str) -> float:
    return jaccard(shingles(first), shingles(second))


def _share(part: int | None, total: int | None) -> float:
    return round((part or 0) / total, 4) if total else 0.0


def _sql() -> Any:
    try:
        from pyspark.sql import functions, types
    except ImportError:
        raise MissingExtraError("the Spark job", "spark", "pyspark") from None
    return functions, types


def spark_survey(  # noqa: PLR0915 - one pipeline, step by step as the local path
    spark: SparkSession,
    parquet_dir: str,
    *,
    year: int | None = None,
    threshold: float = THRESHOLD,
    boilerplate_bodies: int | None = None,
    max_bucket: int = MAX_BUCKET,
) -> tuple[DataFrame, DataFrame]:
    """The ``copies`` and ``bodies`` DataFrames of the Parquet tables in ``parquet_dir``.

    ``year``, ``threshold``, ``boilerplate_bodies`` and ``max_bucket`` are those of
    :func:`rol_model.survey.survey`; the reports table plays the part of its inputs (every
    report is surveyed, or those on ``year``, the others serving as previous years).
    """
    f, t = _sql()
    body_key = f.udf(_body_key, t.StringType())
    norm = f.udf(normalize, t.StringType())
    bands = f.udf(_bands, t.ArrayType(t.StringType()))
    similarity = f.udf(_similarity, t.DoubleType())
    share = f.udf(_share, t.DoubleType())

    reports = spark.read.parquet(f"{parquet_dir}/reports.parquet").withColumn(
        "body_key", body_key("organization")
    )
    surveyed = reports if year is None else reports.filter(f.col("year") == year)
    surveyed_ids = surveyed.select("report_id").withColumn("surveyed", f.lit(True))
    previous = (
        surveyed.alias("s")
        .join(
            reports.alias("r"),
            (f.col("r.body_key") == f.col("s.body_key")) & (f.col("r.year") == f.col("s.year") - 1),
        )
        .select(f.col("r.report_id").alias("report_id"))
    )
    taking_part = (
        surveyed.select("report_id")
        .union(previous)
        .distinct()
        .join(surveyed_ids, "report_id", "left")
        .fillna(False, ["surveyed"])
        .join(reports.select("report_id", "file", "body_key", "year"), "report_id")
    )
    paragraphs = (
        spark.read.parquet(f"{parquet_dir}/paragraphs.parquet")
        .select("report_id", "pointer", f.col("body").alias("body_name"), "text")
        .join(taking_part, "report_id")
        .withColumn("normalized", norm("text"))
        .withColumn("length", f.length("normalized"))
        .localCheckpoint()  # materialised: later steps read it several times
    )
    comparable = paragraphs.filter(f.col("length") >= MIN_CHARACTERS)
    distinct = comparable.select("normalized").distinct().localCheckpoint()
    keyed = distinct.select("normalized", f.explode(bands("normalized")).alias("band"))
    bodies_count = surveyed.select("body_key").distinct().count()
    minimum = boilerplate_bodies or max(3, math.ceil(bodies_count / 10))
    reach = comparable.select("normalized", "body_key").distinct()
    # Saturated buckets: more than max_bucket texts from at least `minimum` bodies.
    sizes = keyed.groupBy("band").agg(f.count(f.lit(1)).alias("texts"))
    crowded = sizes.filter(f.col("texts") > max_bucket).select("band")
    saturated_bands = (
        keyed.join(crowded, "band")
        .join(reach, "normalized")
        .groupBy("band")
        .agg(f.countDistinct("body_key").alias("bodies"))
        .filter(f.col("bodies") >= minimum)
        .select("band")
    )
    saturated = keyed.join(saturated_bands, "band").select("normalized").distinct()
    saturated = saturated.localCheckpoint()
    keyed = keyed.join(saturated_bands, "band", "left_anti").localCheckpoint()
    candidates = (
        keyed.alias("a")
        .join(keyed.alias("b"), "band")
        .filter(f.col("a.normalized") < f.col("b.normalized"))
        .select(f.col("a.normalized").alias("na"), f.col("b.normalized").alias("nb"))
        .distinct()
    )
    verified = (
        candidates.withColumn("similarity", similarity("na", "nb"))
        .filter(f.col("similarity") >= threshold)
        .localCheckpoint()
    )
    # Boilerplate: the bodies of a distinct text and of its near-duplicates.
    neighbours = (
        verified.select("na", "nb")
        .union(verified.select(f.col("nb").alias("na"), f.col("na").alias("nb")))
        .union(distinct.select(f.col("normalized").alias("na"), f.col("normalized").alias("nb")))
    )
    common = (
        neighbours.join(reach, neighbours.nb == reach.normalized)
        .select("na", "body_key")
        .distinct()
        .groupBy("na")
        .count()
        .filter(f.col("count") >= minimum)
        .select(f.col("na").alias("normalized"))
        .union(saturated)
        .distinct()
        .localCheckpoint()
    )
    kept = distinct.join(common, "normalized", "left_anti")
    text_pairs = (
        verified.join(kept.withColumnRenamed("normalized", "na"), "na")
        .join(kept.withColumnRenamed("normalized", "nb"), "nb")
        .union(
            kept.select(
                f.col("normalized").alias("nb"),
                f.col("normalized").alias("na"),
                f.lit(1.0).alias("similarity"),
            )
        )
        .select("na", "nb", "similarity")
    )
    side = comparable.select(
        "report_id",
        "pointer",
        "normalized",
        "body_key",
        "body_name",
        "year",
        "file",
        "surveyed",
        "text",
    )
    a = side.select([f.col(c).alias(f"a_{c}") for c in side.columns])
    b = side.select([f.col(c).alias(f"b_{c}") for c in side.columns])
    pairs = (
        text_pairs.join(a, f.col("a_normalized") == f.col("na"))
        .join(b, f.col("b_normalized") == f.col("nb"))
        .filter(f.col("a_report_id") != f.col("b_report_id"))
    )
    same_year = (
        (f.col("a_year") == f.col("b_year"))
        & (f.col("a_body_key") != f.col("b_body_key"))
        & f.col("a_surveyed")
        & f.col("b_surveyed")
    )
    previous_year = (f.col("a_body_key") == f.col("b_body_key")) & (
        f.abs(f.col("a_year") - f.col("b_year")) == 1
    )
    a_first = f.when(
        same_year,
        f.struct("a_file", "a_pointer") <= f.struct("b_file", "b_pointer"),
    ).otherwise(f.col("a_year") > f.col("b_year"))
    columns = ("file", "body_name", "year", "pointer", "text", "report_id", "surveyed")
    ordered = pairs.filter(same_year | previous_year).select(
        f.when(same_year, f.lit("same_year")).otherwise(f.lit("previous_year")).alias("kind"),
        "similarity",
        *[
            f.when(a_first, f.col(f"a_{c}")).otherwise(f.col(f"b_{c}")).alias(f"first_{c}")
            for c in columns
        ],
        *[
            f.when(a_first, f.col(f"b_{c}")).otherwise(f.col(f"a_{c}")).alias(f"second_{c}")
            for c in columns
        ],
    )
    ordered = ordered.filter((f.col("kind") == "same_year") | f.col("first_surveyed"))
    key = ["first_report_id", "first_pointer", "second_report_id", "second_pointer"]
    copies_full = (
        ordered.groupBy(*key)
        .agg(
            f.max("similarity").alias("similarity"),
            *[f.first(c).alias(c) for c in ordered.columns if c not in key and c != "similarity"],
        )
        .localCheckpoint()
    )
    copies = copies_full.select(
        "kind",
        "similarity",
        *[
            f.col(f"{name}_{c}").alias(f"{name}_{'body' if c == 'body_name' else c}")
            for name in ("first", "second")
            for c in ("file", "body_name", "year", "pointer", "text")
        ],
    ).select(*COPY_COLUMNS)
    # Per-body figures.
    totals = paragraphs.groupBy("report_id").agg(f.sum("length").alias("text_characters"))
    lengths = paragraphs.select("report_id", "pointer", "length")
    copied_same = (
        copies_full.filter(f.col("kind") == "same_year")
        .select(
            f.col("first_report_id").alias("report_id"), f.col("first_pointer").alias("pointer")
        )
        .union(
            copies_full.filter(f.col("kind") == "same_year").select(
                f.col("second_report_id").alias("report_id"),
                f.col("second_pointer").alias("pointer"),
            )
        )
        .distinct()
        .join(lengths, ["report_id", "pointer"])
        .groupBy("report_id")
        .agg(f.sum("length").alias("same"))
    )
    copied_before = (
        copies_full.filter(f.col("kind") == "previous_year")
        .select(
            f.col("first_report_id").alias("report_id"), f.col("first_pointer").alias("pointer")
        )
        .distinct()
        .join(lengths, ["report_id", "pointer"])
        .groupBy("report_id")
        .agg(f.sum("length").alias("before"))
    )
    counts = (
        copies_full.select(f.col("first_report_id").alias("report_id"))
        .union(
            copies_full.filter(f.col("kind") == "same_year").select(
                f.col("second_report_id").alias("report_id")
            )
        )
        .groupBy("report_id")
        .agg(f.count(f.lit(1)).alias("copy_count"))
    )
    kinds = f.col("part_kinds")
    bodies = (
        surveyed.join(totals, "report_id", "left")
        .join(copied_same, "report_id", "left")
        .join(copied_before, "report_id", "left")
        .join(counts, "report_id", "left")
        .select(
            "file",
            f.col("organization").alias("body"),
            "year",
            f.filter(
                f.array(*[f.lit(k) for k in _PART_KINDS]), lambda k: f.array_contains(kinds, k)
            ).alias("parts"),
            f.filter(
                f.array(*[f.lit(k) for k in _PART_KINDS]), lambda k: ~f.array_contains(kinds, k)
            ).alias("missing"),
            "errors",
            "warnings",
            f.col("indicators").alias("figures"),
            f.coalesce(f.col("text_characters"), f.lit(0)).cast("long").alias("characters"),
            f.coalesce(f.col("copy_count"), f.lit(0)).cast("long").alias("copies"),
            share("same", "text_characters").alias("copied_share"),
            share("before", "text_characters").alias("previous_share"),
        )
    )
    return copies, bodies


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rol_model.survey.spark PARQUET_DIR OUT_DIR [--year N] [--master URL]``."""
    parser = argparse.ArgumentParser(prog="python -m rol_model.survey.spark", description=__doc__)
    parser.add_argument("parquet_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--year", type=int)
    parser.add_argument("--master", help="Spark master (default: from spark-submit, or local[*])")
    args = parser.parse_args(argv)
    _sql()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("rol-survey")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        copies, bodies = spark_survey(spark, args.parquet_dir, year=args.year)
        copies.write.mode("overwrite").parquet(f"{args.out_dir}/copies")
        bodies.write.mode("overwrite").parquet(f"{args.out_dir}/bodies")
    finally:
        if active is None:  # a session this call started; leave a caller's session running
            spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
