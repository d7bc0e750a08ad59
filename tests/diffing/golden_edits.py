"""Reports and edits for the golden tests of diff and compare (``test_golden_*.py``).

The reports are the examples, the valid fixtures, and the importer's reading of the texts of
the three import corpora; each edit changes a copy the way a real revision does.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]


def report_files() -> list[Path]:
    """The example reports, the valid fixtures, and the texts of the three import corpora."""
    found = sorted((ROOT / "examples" / "reports").glob("*.json"))
    found += sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.json"))
    for name in ("corpus", "real", "realistic"):
        found += sorted((ROOT / "tests" / "fixtures" / name).glob("*.txt"))
    return found


@functools.cache
def read(path: Path) -> rm.Report | None:
    """A fixture as a report: loaded, or imported from its text (``None``: not one, refused)."""
    if path.suffix == ".json":
        return rm.load(path)
    try:
        return rm.import_file(path).report
    except rm.RolModelError:  # an information-disclosure report: another genre
        return None


def reports() -> list[tuple[str, rm.Report]]:
    found = [(f"{path.parent.name}/{path.stem}", read(path)) for path in report_files()]
    return [(name, report) for name, report in found if report is not None]


Data = dict[str, Any]


def _item_lists(data: Data) -> Iterator[list[Data]]:
    for part in data.get("parts", []):
        for field in ("measures", "shortcomings", "causes", "plans", "items"):
            if part.get(field):
                yield part[field]


def _nodes(items: list[Data]) -> Iterator[Data]:
    for node in items:
        yield node
        yield from _nodes(node.get("children", []))


def _all_nodes(data: Data) -> list[Data]:
    return [node for items in _item_lists(data) for node in _nodes(items)]


def _figures(data: Data) -> list[Data]:
    owners = [data.get("preamble") or {}, *data.get("parts", []), *_all_nodes(data)]
    return [figure for owner in owners for figure in owner.get("indicators", [])]


def insert_top(data: Data) -> None:
    for items in _item_lists(data):
        figure = {
            "id": "new-top-i1",
            "label": "评查案卷",
            "value": Decimal(120),
            "unit": "卷",
            "qualifier": "exact",
            "source": "评查案卷120卷",
        }
        text = "组织开展行政执法案卷评查，共评查案卷120卷，发现问题全部整改到位。"
        items.insert(0, {"id": "new-top", "text": text, "indicators": [figure]})
        return


def reword(data: Data) -> None:
    for items in _item_lists(data):
        node = items[min(1, len(items) - 1)]
        node["text"] = (node.get("text") or "") + "并持续巩固提升，取得明显成效。"
    nodes = [n for n in _all_nodes(data) if n.get("children")]
    if nodes:
        child = nodes[-1]["children"][-1]
        child["text"] = "完善" + (child.get("text") or "")[2:]


def remove_and_move(data: Data) -> None:
    for items in list(_item_lists(data))[:2]:
        if len(items) >= 3:
            items.pop()
            items.append(items.pop(0))


def figures(data: Data) -> None:
    found = _figures(data)
    if found:
        found[0]["value"] += 1 if found[0]["value"] < 10**14 else -1  # within the schema
    if len(found) > 1:
        found[1]["qualifier"] = "approximately" if found[1]["qualifier"] == "exact" else "exact"
    if len(found) > 2:
        found[2]["unit"] = "个"
    if len(found) > 3:
        found[3]["label"] += "总数"
        found[3]["value"] = Decimal("0")
    nodes = _all_nodes(data)
    for node in nodes[-1:]:
        node.setdefault("indicators", []).append(
            {
                "id": f"{node['id']}-i99",
                "label": "办理复议案件",
                "value": Decimal("35.5"),
                "unit": "件",
                "qualifier": "at_least",
                "source": "办理复议案件35.5余件",
            }
        )
    for node in nodes[:4]:
        node.pop("indicators", None)


def metadata(data: Data) -> None:
    data["title"] = data["title"][:480] + "（修订稿）"
    data["organization"]["region"] = "某市某区"
    data["organization"].pop("level", None)
    data["issued_on"] = "2025-01-15"
    data["source"] = {"url": "https://example.gov.cn/report.html", "retrieved_on": "2025-02-01"}
    extensions = data.setdefault("extensions", {})
    extensions["x:note"] = {"b": [1, "a", Decimal("2.50")], "a": True}
    for key in list(extensions)[:1]:
        if key != "x:note":
            extensions[key] = "changed"


def preamble(data: Data) -> None:
    if data.get("preamble"):
        data["preamble"]["text"] += "现将有关情况报告如下。"
        data["preamble"]["references"] = ["《法治政府建设实施纲要（2021—2025年）》"]
    else:
        data["preamble"] = {"text": "根据有关要求，现将本年度法治政府建设情况报告如下。"}


def parts(data: Data) -> None:
    found = data.get("parts", [])
    found.reverse()
    if len(found) > 2:
        found.pop()
    for part in found[:1]:
        part["heading"] = (part.get("heading") or "") + "（续）"


def cross_group(data: Data) -> None:
    for items in _item_lists(data):
        owners = [n for n in items if n.get("children")]
        if len(items) >= 2 and owners:
            child = owners[0]["children"].pop()
            target = next(n for n in items if n is not owners[0])
            target.setdefault("children", []).append(child)
            return


def markers_and_ids(data: Data) -> None:
    nodes = _all_nodes(data)
    for node in nodes[:1]:
        node["marker"] = "★"
    for node in nodes[1:2]:
        node["id"] = "m-chosen"
    for node in nodes[2:3]:
        node["references"] = [*node.get("references", []), "《中华人民共和国行政处罚法》"]
    for part in data.get("parts", []):
        for cause in part.get("causes", []):
            cause["shortcoming_ids"] = [*cause.get("shortcoming_ids", []), "s-extra"][:1]
    if len(nodes) > 5:
        nodes[5]["text"] = nodes[4].get("text") or "同上。"


MUTATIONS: dict[str, Callable[[Data], None]] = {
    "insert_top": insert_top,
    "reword": reword,
    "remove_and_move": remove_and_move,
    "figures": figures,
    "metadata": metadata,
    "preamble": preamble,
    "parts": parts,
    "cross_group": cross_group,
    "markers_and_ids": markers_and_ids,
}


def mutated(report: rm.Report, names: list[str]) -> rm.Report:
    data = copy.deepcopy(rm.to_dict(report))
    for name in names:
        MUTATIONS[name](data)
    return rm.from_dict(data)
