"""Golden outputs of diff, JSON Patch and their formats over real fixtures and edited copies.

Every output (``diff_to_dict`` as canonical JSON, ``format_diff`` as text, coloured text and
Markdown, ``json_patch``, ``document_patch`` and ``diff_documents`` on the ``to_dict`` forms, and
``html_diff`` for the example pair) is hashed; ``golden/diff.json`` keeps each hash with the
diff's counts, so a change of any byte of any output fails here and names the case.
Regenerate (only after an intended change of output) with ``ROL_UPDATE_GOLDEN=1``; the whole
run is marked slow (``pytest --slow``, or ``CI=true``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rol_model as rm
import strategies
from diffing.golden_edits import MUTATIONS, mutated, reports
from rol_model.diffing import diff_documents, document_patch
from rol_model.serialize import canonical_json

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "diff.json"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]  # enough to see any change


#: What each case records, in order: the inputs' hash, the counts, then each output's hash.
COLUMNS = ("inputs", "counts", "diff_to_dict", "text", "text_color", "markdown", "json_patch")


def outputs(old: rm.Report, new: rm.Report, *, html: bool = False) -> list[str]:
    """The inputs' hash, the diff's counts and every output's hash (see :data:`COLUMNS`)."""
    changes = rm.diff(old, new)
    as_dict = canonical_json(rm.diff_to_dict(changes))
    patch = canonical_json(rm.json_patch(old, new))
    old_data, new_data = rm.to_dict(old), rm.to_dict(new)  # the CLI's path: the same outputs
    assert canonical_json(rm.diff_to_dict(diff_documents(old_data, new_data))) == as_dict
    assert canonical_json(document_patch(old_data, new_data)) == patch
    result = [
        _sha(rm.dumps(old) + rm.dumps(new)),
        "/".join(str(n) for n in changes.counts().values()),
        _sha(as_dict),
        _sha(rm.format_diff(changes)),
        _sha(rm.format_diff(changes, color=True)),
        _sha(rm.format_diff(changes, "markdown")),
        _sha(patch),
    ]
    if html:
        result.append(_sha(rm.html_diff(old, new, changes)))
    return result


def cases() -> Iterator[tuple[str, rm.Report, rm.Report, bool, bool]]:
    """(name, old, new, with HTML, reversed too): each report against edits, and its neighbour."""
    found = reports()
    for path, report in found:
        example = path.startswith("reports/")
        for name in [*MUTATIONS, "all"]:
            names = list(MUTATIONS) if name == "all" else [name]
            yield f"{path} ~ {name}", report, mutated(report, names), example, name == "all"
    for (first, old), (second, new) in itertools.pairwise(found):
        yield f"{first} -> {second}", old, new, first.startswith("reports/"), True


@pytest.mark.slow  # about 7 s: every fixture, ten edits, both directions
def test_diff_outputs_are_byte_identical_to_the_golden_ones() -> None:
    found = {}
    for name, old, new, html, both in cases():
        found[name] = outputs(old, new, html=html)
        if both:
            found[f"{name} (reversed)"] = outputs(new, old)
    if os.environ.get("ROL_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        lines = [
            f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in found.items()
        ]
        GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", "utf-8")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert len(found) > 1000
    assert sorted(found) == sorted(expected)
    changed = [name for name in expected if found[name][0] != expected[name][0]]
    assert not changed, (
        "the fixtures (or the importer's reading of them) changed, not the diff: check the "
        "diff's outputs another way, then regenerate with ROL_UPDATE_GOLDEN=1\n"
        + "\n".join(changed[:20])
    )
    columns = (*COLUMNS, "html")
    wrong = [
        f"{name}: {columns[k]}"
        for name, values in expected.items()
        for k, value in enumerate(values)
        if found[name][k] != value
    ]
    assert not wrong, "\n".join(wrong[:40])


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_edit_changes_some_report(name: str) -> None:
    changed = [path for path, report in reports() if rm.diff(report, mutated(report, [name]))]
    assert len(changed) >= 20


def test_diff_and_json_patch_compare_model_objects_without_to_dict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports = ROOT / "examples" / "reports"
    old = rm.load(reports / "wusu-education-2023.json")
    new = rm.load(reports / "wusu-education-2024-fictional.json")
    new = mutated(new, list(MUTATIONS))
    expected = outputs(old, new, html=True)  # these compare with the dict-based entry points

    def refuse(*_: object) -> None:
        raise AssertionError("a whole report was turned into a dict")

    from rol_model.serialize import _fastdump, _json

    monkeypatch.setattr(_fastdump, "unstructure_report", refuse)
    monkeypatch.setattr(_json, "strict_to_dict", refuse)
    changes = rm.diff(old, new)
    assert "/".join(str(n) for n in changes.counts().values()) == expected[1]
    assert _sha(canonical_json(rm.diff_to_dict(changes))) == expected[2]
    assert _sha(canonical_json(rm.json_patch(old, new))) == expected[6]
    assert _sha(rm.html_diff(old, new, changes)) == expected[7]


@settings(max_examples=strategies.examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.reports(), strategies.reports(), st.sampled_from(sorted(MUTATIONS)))
def test_the_model_and_the_json_form_give_one_diff_and_one_patch(
    first: rm.Report, second: rm.Report, edit: str
) -> None:
    for old, new in ((first, second), (first, mutated(first, [edit])), (second, second)):
        old_data, new_data = rm.to_dict(old), rm.to_dict(new)
        assert rm.diff(old, new) == diff_documents(old_data, new_data)
        assert canonical_json(rm.json_patch(old, new)) == canonical_json(
            document_patch(old_data, new_data)
        )
