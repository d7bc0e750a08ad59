"""One consistent public API: one exception root, frozen reports, the model owns its structure."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import pytest

import rol_model as rm
from rol_model import model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "wusu-education-2023.json"


@pytest.fixture(scope="module")
def report() -> rm.Report:
    return rm.load(EXAMPLE)


def test_extensions_are_frozen_and_the_report_hashable() -> None:
    report = rm.Report(
        title="t",
        organization=rm.Organization(name="o"),
        year=2023,
        extensions={"x:y": {"a": [1, 2]}},
    )
    with pytest.raises(TypeError):
        report.extensions["x:z"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        report.extensions["x:y"]["a"] = 3
    assert report.extensions == {"x:y": {"a": (1, 2)}}
    assert hash(report) == hash(attrs.evolve(report))
    # the JSON form is unchanged: arrays stay arrays
    assert rm.to_dict(report)["extensions"] == {"x:y": {"a": [1, 2]}}


def test_a_dict_given_to_the_report_is_copied() -> None:
    data = {"x:y": 1}
    report = rm.Report(
        title="t", organization=rm.Organization(name="o"), year=2023, extensions=data
    )
    data["x:y"] = 2
    assert report.extensions["x:y"] == 1


def test_each_part_names_its_items(report: rm.Report) -> None:
    for part in report.parts:
        assert model.part_items(part) == getattr(part, part.items_field)
        assert part.items_field in part.item_fields
    assert rm.ShortcomingsPart.item_fields == ("shortcomings", "causes")


def test_walk_gives_pointer_parent_and_depth(report: rm.Report) -> None:
    visits = list(model.walk(report))
    assert [(v.pointer, v.node) for v in visits] == list(rm.iter_nodes(report))
    document = rm.to_dict(report)
    for visit in visits:
        target: object = document
        for token in visit.pointer.split("/")[1:]:
            target = target[int(token)] if isinstance(target, list) else target[token]  # type: ignore[index]
        assert target["id"] == visit.node.id  # type: ignore[index]
        assert visit.depth == visit.pointer.count("/children/") + 1
        if visit.depth > 1:
            assert visit.node in visit.parent.children  # type: ignore[union-attr]
        else:
            assert visit.parent in report.parts


def test_node_text_joins_heading_and_text() -> None:
    node = rm.Measure(id="m1", heading="加强领导", text="全年学法12次。")
    assert model.node_text(node) == "加强领导 全年学法12次。"
    assert model.node_text(node, "") == "加强领导全年学法12次。"
    assert model.node_text(rm.Measure(id="m2")) == ""


def test_an_unknown_render_format_is_a_rol_model_error(report: rm.Report) -> None:
    with pytest.raises(rm.UnsupportedFormatError) as caught:
        rm.render(report, "pdf")  # type: ignore[arg-type]
    assert isinstance(caught.value, rm.RolModelError)
    assert caught.value.supported == ("text", "markdown", "html")


@pytest.mark.parametrize(
    ("module", "extra", "call"),
    [
        ("docx", "docx", rm.import_docx),
        ("jinja2", "html", lambda _: rm.html_report(rm.load(EXAMPLE))),
    ],
)
def test_a_missing_extra_names_the_extra_and_the_pip_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, extra: str, call: object
) -> None:
    from docx import Document

    from rol_model.views import _html_base

    path = tmp_path / "r.docx"
    Document().save(str(path))
    _html_base.environment.cache_clear()
    monkeypatch.setitem(sys.modules, module, None)
    try:
        with pytest.raises(rm.MissingExtraError) as caught:
            call(path)  # type: ignore[operator]
    finally:
        _html_base.environment.cache_clear()
    assert isinstance(caught.value, rm.RolModelError)
    assert caught.value.extra == extra
    assert f"pip install 'rol-model[{extra}]'" in str(caught.value)


def test_a_missing_extra_in_the_cli_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    from docx import Document

    path = tmp_path / "r.docx"
    Document().save(str(path))
    monkeypatch.setitem(sys.modules, "docx", None)
    out, err = io.StringIO(), io.StringIO()
    code = rm.cli.main(["import", str(path)], out, err)
    assert code == 2
    assert "Traceback" not in err.getvalue()
    assert "pip install 'rol-model[docx]'" in err.getvalue()
    assert len(err.getvalue().strip().splitlines()) == 1


def test_one_copy_of_each_schema_ships_in_the_package() -> None:
    from importlib.resources import files

    link = ROOT / "schemas"
    assert link.is_symlink(), "schemas/ must link to src/rol_model/schemas (one copy)"
    assert link.resolve() == (ROOT / "src" / "rol_model" / "schemas").resolve()
    packaged = files("rol_model").joinpath("schemas")
    names = {p.name for p in packaged.iterdir()}
    assert {"report.schema.json", "diff.schema.json", "profile.schema.json"} <= names
    assert rm.schema() == json.loads((link / "report.schema.json").read_text("utf-8"))


def test_issues_and_findings_are_one_family(report: rm.Report) -> None:
    from rol_model.exceptions import Problem

    def describe(problem: Problem) -> str:
        return f"{problem.severity} {problem.code} at {problem.pointer or '/'}: {problem.message}"

    finding = rm.check(report)[0]
    issue = finding.to_issue()
    assert describe(finding) == describe(issue)
