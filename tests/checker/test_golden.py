"""Golden findings: ``check`` gives exactly the recorded findings on every fixture report.

The inputs are every report of ``examples/reports`` and ``tests/fixtures/valid`` and every text of
``tests/fixtures/corpus``, ``tests/fixtures/realistic`` and ``tests/fixtures/real`` that the
importer accepts. They are frozen in ``golden/reports.json`` as they were when the findings were
recorded, so the comparison tests the checker alone: an importer change cannot move it.

Each report is checked under every built-in profile, alone and with a previous report: its real
predecessor where the fixtures have one (same body, an earlier year), and otherwise the next report
in the list restated as the same body's report on the year before, so the year-over-year rules
compare real, different texts. Each report is also checked, edited to repeat paragraphs and say
stock phrases (see ``_edited``), under a profile that states every requirement a profile can
(``STRICT``); and every rule's worked examples are checked with all rules.
``golden/findings.json`` holds :func:`~rol_model.findings_to_dict`
of each case (every field of every finding).

Regenerate both files, only after checking that a change of findings is intended, with
``python tests/checker/test_golden.py --write`` (``--write-findings`` keeps the frozen reports
and re-records the findings).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
REPORTS = GOLDEN / "reports.json"
FINDINGS = GOLDEN / "findings.json"
JSON_SETS = ("examples/reports", "tests/fixtures/valid")
TEXT_SETS = ("tests/fixtures/corpus", "tests/fixtures/realistic", "tests/fixtures/real")
_REAL = "tests/fixtures/real"
_WUSU = "examples/reports/wusu-education"
#: Predecessors in the fixtures: the same body's report on an earlier year.
PREDECESSORS = {
    f"{_WUSU}-2024-fictional.json": f"{_WUSU}-2023.json",
    f"{_REAL}/07-jinghai-district-2023.txt": f"{_REAL}/31-jinghai-district-2020.txt",
    f"{_REAL}/70-sifabu-mirror-2022.txt": f"{_REAL}/32-sifabu-mirror-2021.txt",
    f"{_REAL}/15-donghu-street-2024.txt": (
        "tests/fixtures/realistic/25-donghu-street-arabic-parts-2023.txt"
    ),
}


def _collect() -> dict[str, rm.Report]:
    """Every fixture report by path; texts the importer refuses are left out."""
    reports: dict[str, rm.Report] = {}
    for folder in JSON_SETS:
        for path in sorted((ROOT / folder).glob("*.json")):
            reports[f"{folder}/{path.name}"] = rm.load(path)
    for folder in TEXT_SETS:
        for path in sorted((ROOT / folder).glob("*.txt")):
            try:
                report = rm.import_file(path).report
            except rm.RolModelError:
                continue  # another genre (信息公开年度报告): refused, nothing to check
            reports[f"{folder}/{path.name}"] = report
    return reports


def _read_reports() -> dict[str, rm.Report]:
    """The frozen reports: one JSON object, each value a report's canonical JSON."""
    data = json.loads(REPORTS.read_text("utf-8"), parse_float=Decimal)
    return {name: rm.from_dict(document) for name, document in data.items()}


def _write_reports(reports: dict[str, rm.Report]) -> None:
    entries = [
        f"{json.dumps(name)}: {rm.dumps(report).rstrip()}" for name, report in reports.items()
    ]
    REPORTS.parent.mkdir(exist_ok=True)
    REPORTS.write_text("{\n" + ",\n".join(entries) + "\n}\n", "utf-8")
    if _read_reports() != reports:
        raise AssertionError("the frozen reports do not read back equal")


def _as_previous(stand_in: rm.Report, report: rm.Report) -> rm.Report:
    """``stand_in`` restated as ``report``'s body's report on the year before."""
    return attrs.evolve(stand_in, organization=report.organization, year=report.year - 1)


def _cases(
    reports: dict[str, rm.Report],
) -> Iterator[tuple[str, rm.Report, rm.Report | None, str | rm.Profile]]:
    names = list(reports)
    for position, name in enumerate(names):
        report = reports[name]
        predecessor = PREDECESSORS.get(name)
        if predecessor is not None:
            previous, label = reports[predecessor], predecessor
        else:
            neighbour = names[(position + 1) % len(names)]
            previous, label = _as_previous(reports[neighbour], report), f"{neighbour} as last year"
        for profile in rm.builtin_profiles():
            yield f"{name} | {profile}", report, None, profile
            yield f"{name} <- {label} | {profile}", report, previous, profile
        yield f"{name} edited | {STRICT['name']}", _edited(report), None, _strict()
    yield from _examples()


#: A profile that asks for everything the built-in ones leave out (headings, lengths, figures).
STRICT: dict[str, Any] = {
    "name": "golden-strict",
    "title": "Every requirement a profile can state",
    "title_zh": "所有可规定的要求",
    "source": "tests/checker/test_golden.py",
    "extends": "provincial-guideline-2023",
    "required_headings": [{"part": "measures", "any_of": ["组织领导", "党的领导"]}],
    "length_limits": {
        "report": {"minimum": 3000, "maximum": 12000},
        "parts": {"leadership": {"minimum": 300}, "plans": {"maximum": 1500}},
    },
    "minimum_figures": {"measures": 12, "plans": 2},
}


def _strict() -> rm.Profile:
    return rm.profile_from_dict(STRICT)


_BOILERPLATE = "高度重视，提高认识，强化措施，狠抓落实，推动法治政府建设再上新台阶。"


def _edited(report: rm.Report) -> rm.Report:
    """The report with copied paragraphs (some changed by a character) and stock phrases.

    Real reports seldom repeat a paragraph or say only stock phrases, so ROL304 and ROL306 would
    be tested on silence alone: every third item takes the text of the item two before it
    (every other copy with one character more, which keeps long texts similar and short ones
    not), and every seventh leaf item says only stock phrases.
    """
    document = rm.to_dict(report)
    items = [node for node in _items(document) if node.get("text")]
    for index, node in enumerate(items):
        if index % 3 == 2:
            text = items[index - 2]["text"]
            node["text"] = text if index % 2 else text[:-1] + "的" + text[-1:]
        elif index % 7 == 6 and not node.get("children") and not node.get("indicators"):
            node["text"] = _BOILERPLATE
    return rm.from_dict(document)


def _items(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "id" in value and "unit" not in value:
            yield value
        for child in value.values():
            yield from _items(child)
    elif isinstance(value, list):
        for child in value:
            yield from _items(child)


def _examples() -> Iterator[tuple[str, rm.Report, rm.Report | None, str | rm.Profile]]:
    """Every rule's worked examples, failing and passing, checked with all rules."""
    from rol_model.checker._examples import SAMPLE_PREVIOUS, SAMPLE_REPORT
    from rol_model.checker._registry import apply_patch

    for rule in rm.rules():
        example = rule.example
        profile: str | rm.Profile = (
            rm.profile_from_dict(example.profile) if example.profile is not None else "national"
        )
        for outcome, patch in (("fails", example.fails), ("passes", example.passes)):
            report = rm.from_dict(apply_patch(SAMPLE_REPORT, patch))
            previous = None
            if example.previous is not None:
                changes = example.previous if outcome == "fails" else ()
                previous = rm.from_dict(apply_patch(SAMPLE_PREVIOUS, changes))
            yield f"example of {rule.code} {outcome}", report, previous, profile


def _findings(
    report: rm.Report, previous: rm.Report | None, profile: str | rm.Profile
) -> dict[str, Any]:
    found = rm.check(report, profile=profile, previous=previous)
    name = profile if isinstance(profile, str) else profile.name
    return rm.findings_to_dict(found, profile=name)


def _load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def _write_findings(findings: dict[str, dict[str, Any]]) -> None:
    """One case a block, one finding a line: small, and a change shows as the lines it moves."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    blocks = []
    for key, case in findings.items():
        head = {k: v for k, v in case.items() if k != "findings"}
        lines = [f"  {dump(finding)}" for finding in case["findings"]]
        body = "[\n" + ",\n".join(lines) + "\n ]" if lines else "[]"
        blocks.append(f'{dump(key)}: {dump(head)[:-1]}, "findings": {body}}}')
    FINDINGS.write_text("{\n" + ",\n".join(blocks) + "\n}\n", "utf-8")


def test_every_fixture_report_gives_the_recorded_findings() -> None:
    expected = _load(FINDINGS)
    seen = []
    for key, report, previous, profile in _cases(_read_reports()):
        seen.append(key)
        assert _findings(report, previous, profile) == expected[key], key
    assert sorted(seen) == sorted(expected), "the golden file lists other cases"


def test_the_golden_cases_cover_every_set_every_profile_and_the_year_over_year_rules() -> None:
    reports = _read_reports()
    expected = _load(FINDINGS)
    assert {name.rsplit("/", 1)[0] for name in reports} == {*JSON_SETS, *TEXT_SETS}
    assert len(reports) >= 100
    profiles = {key.rsplit(" | ", 1)[1] for key in expected if " | " in key}
    assert profiles == {*rm.builtin_profiles(), STRICT["name"]}
    codes = {f["code"] for case in expected.values() for f in case["findings"]}
    # every family fires somewhere, the year-over-year ones included
    assert {code[:4] for code in codes} == {"ROL1", "ROL2", "ROL3", "ROL4"}
    assert codes == {rule.code for rule in rm.rules()}
    # and the rules that measure text fire on real reports, not only on the worked examples
    real = {
        f["code"]
        for key, case in expected.items()
        if not key.startswith("example of")
        for f in case["findings"]
    }
    assert {"ROL106", "ROL108", "ROL304", "ROL305", "ROL306", "ROL307", "ROL401"} <= real


def _pointers(value: Any, path: str = "") -> Iterator[str]:
    """Every pointer into a document, and one past the end of each object and list."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _pointers(child, f"{path}/{key}")
        yield f"{path}/no-such-member"
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _pointers(child, f"{path}/{index}")
        yield f"{path}/{len(value)}"


def test_positions_and_excerpts_read_off_the_model_are_those_of_the_document() -> None:
    # check() orders findings and quotes excerpts without making the JSON document when the
    # model answers; every pointer of every frozen report, and the members each class can leave
    # out, must give what the document gives
    import attrs as attrs_

    from rol_model.checker._registry import Context, _document_excerpt, _model_target, position

    national = rm.load_profile("national")
    for name, report in _read_reports().items():
        context = Context(report=report, profile=national)
        document = rm.to_dict(report)
        pointers = set(_pointers(document))
        for pointer, node in rm.iter_nodes(report):
            pointers.update(f"{pointer}/{field.name}" for field in attrs_.fields(type(node)))
        for pointer in pointers:
            expected = _document_excerpt(document, pointer)
            assert context.excerpt_at(pointer) == expected, (name, pointer)
        # where the model answers for every pointer, its keys order them as the document's do
        answered = sorted(p for p in pointers if _model_target(report, p) is not None)
        assert answered, "the model answers (else this test would compare nothing)"
        by_model = dict(zip(answered, context.positions(answered), strict=True))
        by_document = {pointer: position(document, pointer) for pointer in answered}
        assert _ranks(by_model) == _ranks(by_document), name
        mixed = [*answered, "/parts/0/kind"]  # no field: the document answers for all of them
        assert context.positions(mixed) == [position(document, p) for p in mixed]


def _ranks(keys: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """Each pointer's rank among the distinct keys: equal when two key sets order alike."""
    distinct = sorted(set(keys.values()))
    return {pointer: distinct.index(key) for pointer, key in keys.items()}


def main(argv: list[str]) -> int:
    """Rewrite the golden files (``--write``) or only the findings (``--write-findings``)."""
    if argv not in (["--write"], ["--write-findings"]):
        print(__doc__)
        return 2
    reports = _collect() if argv == ["--write"] else _read_reports()
    if argv == ["--write"]:
        _write_reports(reports)
    findings = {key: _findings(r, p, name) for key, r, p, name in _cases(_read_reports())}
    _write_findings(findings)
    if _load(FINDINGS) != findings:
        raise AssertionError("the findings do not read back equal")
    print(f"{len(reports)} reports, {len(findings)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
