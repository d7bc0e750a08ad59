"""Golden outputs of compare over real fixtures: series of a report and its edited next years.

For each report (the examples, the valid fixtures, and the imported texts of the three import
corpora) a three-year series is built: the report, an edited copy a year later and another edited
copy two years later (the edits of ``tests/diffing/golden_edits.py``); each fixture directory also
gives one series of different bodies (``mixed_bodies=True``). ``comparison_to_dict`` (canonical
JSON), the three CSV tables, ``format_comparison`` and, for the examples, ``html_trend`` are
hashed; ``golden/compare.json`` keeps each hash. Regenerate with ``ROL_UPDATE_GOLDEN=1`` only
after an intended change of output.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import attrs

import rol_model as rm
from diffing.golden_edits import mutated, reports
from rol_model.serialize import canonical_json

GOLDEN = Path(__file__).resolve().parent / "golden" / "compare.json"
COLUMNS = ("inputs", "to_dict", "indicators", "plans", "shortcomings", "text", "html")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def outputs(series: list[rm.Report], *, html: bool, mixed: bool = False) -> list[str]:
    """The inputs' hash and each output's hash (see :data:`COLUMNS`)."""
    comparison = rm.compare(series, mixed_bodies=mixed)
    result = [
        _sha("".join(rm.dumps(report) for report in series)),
        _sha(canonical_json(rm.comparison_to_dict(comparison))),
        *(_sha(rm.comparison_csv(comparison, table)) for table in COLUMNS[2:5]),  # type: ignore[arg-type]
        _sha(rm.format_comparison(comparison)),
    ]
    if html:
        result.append(_sha(rm.html_trend(comparison)))
    return result


def series() -> Iterator[tuple[str, list[rm.Report], bool, bool]]:
    """(name, reports, with HTML, of mixed bodies)."""
    found = reports()
    for name, report in found:
        later = mutated(report, ["reword", "figures", "insert_top"])
        latest = mutated(later, ["remove_and_move", "markers_and_ids", "cross_group"])
        three = [
            report,
            attrs.evolve(later, year=report.year + 1),
            attrs.evolve(latest, year=report.year + 2),
        ]
        yield name, three, name.startswith("reports/"), False
    by_folder: dict[str, dict[int, rm.Report]] = {}
    for name, report in found:
        by_folder.setdefault(name.split("/")[0], {}).setdefault(report.year, report)
    for folder, by_year in by_folder.items():
        if len(by_year) > 1:
            yield f"{folder} (mixed bodies)", list(by_year.values()), False, True


def test_compare_outputs_are_byte_identical_to_the_golden_ones() -> None:
    found = {name: outputs(s, html=html, mixed=mixed) for name, s, html, mixed in series()}
    if os.environ.get("ROL_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        lines = [
            f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in found.items()
        ]
        GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", "utf-8")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert len(found) > 100
    assert sorted(found) == sorted(expected)
    changed = [name for name in expected if found[name][0] != expected[name][0]]
    assert not changed, (
        "the fixtures (or the importer's reading of them) changed, not compare: check its "
        "outputs another way, then regenerate with ROL_UPDATE_GOLDEN=1\n" + "\n".join(changed)
    )
    wrong = [
        f"{name}: {COLUMNS[k]}"
        for name, values in expected.items()
        for k, value in enumerate(values)
        if found[name][k] != value
    ]
    assert not wrong, "\n".join(wrong[:40])
