"""Import accuracy over the annotated corpus: how much of each report the importer gets right.

Run: ``python benchmarks/import_accuracy.py [DIR ...] [--json OUT.json] [--misses] [--variants]``

The DIRs default to two sets, scored separately: ``tests/fixtures/corpus`` (a byte-for-byte copy
of ``../shared/corpus``) and ``tests/fixtures/realistic`` (reports modelled on real published
ones: header blocks with issuer and addressee, 工作总结 titles, 第一部分 parts, 一是 runs over
several paragraphs, numbering continued across parts, web copies, and a 政府信息公开工作年度报告
that must be refused).
Each ``NAME.txt`` has ``NAME.expected.json`` beside it (format: the corpus README). Figures:

- parts: share of annotated parts (the preamble counts as one) whose kind is right and that
  stand at the right place (same heading, same position among the parts);
- items recall: share of annotated outline items found at the right place (same marker, text
  starting as annotated, under the matching parent);
- items precision: share of imported items that are annotated items;
- indicators precision / recall: value, unit and qualifier equal, source phrases overlapping;
- causes recall: share of annotated causes that start an imported cause;
- title / organization / year: share of reports where each is exactly right;
- refusals: share of reports of another genre (annotated ``expected_error``) refused so;
- refused: share of right-genre reports refused outright (a refusal scores zero on everything
  the report should have given); a ``null`` title (the text prints none) is right when the
  import warns ``import.title-missing``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from rol_model import InvalidReportError, import_file
from rol_model.importer import ImportResult, import_bytes
from rol_model.importer._source import decode_bytes
from rol_model.model._classes import Report, iter_indicators
from rol_model.text import SIMPLIFIED as _SIMPLIFIED
from rol_model.text import TRADITIONAL as _TRADITIONAL
from rol_model.text import fold

ROOT = Path(__file__).resolve().parents[1]
#: The annotated sets scored by default: the shared corpus (copied), and realistic reports written
#: after real published ones (header blocks, 第一部分, 工作总结, web copies, another genre).
SETS = (
    ROOT / "tests" / "fixtures" / "corpus",
    ROOT / "tests" / "fixtures" / "realistic",
    ROOT / "tests" / "fixtures" / "real",
)
_PUNCT = set('。，、；：,.;:！？!? \u3000“”"')


def _norm(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch not in _PUNCT)


def _children(node: Any) -> tuple[Any, ...]:
    return tuple(getattr(node, "children", ()))


def _part_nodes(part: Any) -> tuple[Any, ...]:
    for field in ("measures", "shortcomings", "plans", "items"):
        if hasattr(part, field):
            return tuple(getattr(part, field))
    return ()


def _own_text(node: Any) -> str:
    return _norm((node.heading or "") + (node.text or ""))


def _count(nodes: tuple[Any, ...]) -> int:
    return sum(1 + _count(_children(node)) for node in nodes)


def _same(a: str | None, b: str | None, strict: bool) -> bool:
    return a == b if strict else (a is not None and b is not None and fold(a) == fold(b)) or a == b


def _match_items(
    expected: list[dict[str, Any]],
    imported: tuple[Any, ...],
    misses: list[str],
    where: str,
    strict: bool = True,
) -> int:
    found = 0
    used: set[int] = set()
    for item in expected:
        start = _norm(item["start"])
        hit = None
        for index, node in enumerate(imported):
            if index in used:
                continue
            if _same(node.marker or None, item["marker"], strict) and _own_text(node).startswith(
                start
            ):
                hit = index
                break
        if hit is None:
            misses.append(f"{where}: item {item['marker']} {item['start']} not found")
            continue
        used.add(hit)
        found += 1 + _match_items(
            item["items"], _children(imported[hit]), misses, f"{where} > {item['marker']}", strict
        )
    return found


def _expected_count(items: list[dict[str, Any]]) -> int:
    return sum(1 + _expected_count(item["items"]) for item in items)


def _overlap(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if a in b or b in a:
        return True
    # the common part must hold the figure itself (a digit or a Chinese numeral) and its unit
    for i in range(len(a)):
        for j in range(i + 2, len(a) + 1):
            if a[i:j] not in b:
                break
            if any(ch.isdigit() or ch in "一二两三四五六七八九十百千万" for ch in a[i:j]):
                return True
    return False


# Variants of each report, as the same report might be published elsewhere: the annotations
# still hold (compared with full-width/half-width and traditional/simplified forms alike).
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_TO_TRADITIONAL = {ord(s): t for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True) if s != t}


def _wrapped(text: str) -> str:
    lines = []
    for line in _BOOKMARK.sub("", text).splitlines():
        lines += [line[i : i + 36] for i in range(0, len(line), 36)] or [""]
    return "\n".join(lines)


def _html(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return (
        "<!DOCTYPE html><html><head><title>法治政府建设</title><script>var a='一、';</script>"
        "</head><body><div>首页 &gt; 政务公开 &gt; 法治政府建设</div>\n"
        f"{body}<div>【打印】【关闭】</div></body></html>"
    )


def _widths(text: str) -> str:
    half = str.maketrans("（），：；", "(),:;")
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    return text.translate(half).translate(full)


VARIANTS: dict[str, tuple[Any, str]] = {
    "wrapped": (_wrapped, "utf-8"),
    "html": (_html, "utf-8"),
    "widths": (_widths, "utf-8"),
    "traditional": (lambda text: text.translate(_TO_TRADITIONAL), "utf-8"),
    "gb18030-crlf": (lambda text: text.replace("\n", "\r\n"), "gb18030"),
}


def _folded_back(report: Report) -> list[tuple[str, str | None, tuple[Any, ...]]]:
    """``(kind, heading, items)`` of each part, as printed.

    A leadership item the importer lifted out of the measures (``import.leadership-folded``: a
    leadership part without heading inside a measures part's lines) is put back in its place
    among the measures, since annotations list items where the report prints them.
    """
    got: list[tuple[str, str | None, tuple[Any, ...]]] = []
    for part in report.parts:
        lines = part.lines
        host = got[-1] if got else None
        if (
            part.kind == "leadership"
            and part.heading is None
            and part.marker is None
            and lines is not None
            and host is not None
            and host[0] == "measures"
            and host[3] is not None
            and host[3].start <= lines.start <= host[3].end
        ):
            merged = sorted(
                (*host[2], *_part_nodes(part)), key=lambda n: n.lines.start if n.lines else 0
            )
            got[-1] = (host[0], host[1], tuple(merged), host[3])
            continue
        got.append(
            (part.kind, (part.marker or "") + (part.heading or ""), _part_nodes(part), lines)
        )
    return [(kind, heading, nodes) for kind, heading, nodes, _ in got]


def _score_parts(
    expected: dict[str, Any], report: Report, name: str, strict: bool, misses: list[str]
) -> dict[str, tuple[int, int]]:
    exp_parts = expected["parts"]
    got: list[tuple[str, str | None, tuple[Any, ...]]] = []
    if report.preamble is not None:
        got.append(("preamble", None, ()))
    got.extend(_folded_back(report))
    right = 0
    item_found = 0
    for index, part in enumerate(exp_parts):
        if (
            index < len(got)
            and got[index][0] == part["kind"]
            and (part["heading"] is None or _norm(got[index][1] or "") == _norm(part["heading"]))
        ):
            right += 1
            item_found += _match_items(
                part["items"], got[index][2], misses, f"{name} {part['kind']}", strict
            )
        else:
            misses.append(f"{name}: part {index} {part['kind']} {part['heading']} misplaced")
    exp_items = sum(_expected_count(p["items"]) for p in exp_parts)
    imported_items = sum(_count(_part_nodes(p)) for p in report.parts)
    return {
        "parts": (right, len(exp_parts)),
        "items_recall": (item_found, exp_items),
        "items_precision": (item_found, imported_items),
    }


def _score_indicators(
    expected: dict[str, Any], report: Report, name: str, strict: bool, misses: list[str]
) -> dict[str, tuple[int, int]]:
    got_ind = [ind for _, ind in iter_indicators(report)]
    used: set[int] = set()
    hits = 0
    for ind in expected["indicators"]:
        for index, mine in enumerate(got_ind):
            if index in used:
                continue
            if (
                mine.value == Decimal(ind["value"])
                and _same(mine.unit, ind["unit"], strict)
                and mine.qualifier == ind["qualifier"]
                and _overlap(mine.source, ind["source"])
            ):
                used.add(index)
                hits += 1
                break
        else:
            misses.append(f"{name}: indicator {ind} not found")
    for index, mine in enumerate(got_ind):
        if index not in used:
            misses.append(
                f"{name}: extra indicator {mine.value} {mine.unit} {mine.qualifier} {mine.source}"
            )
    return {
        "indicators_recall": (hits, len(expected["indicators"])),
        "indicators_precision": (hits, len(got_ind)),
    }


def _import(txt: Path, variant: str | None) -> ImportResult:
    if variant is None:
        return import_file(txt)
    transform, encoding = VARIANTS[variant]
    text = transform(decode_bytes(txt.read_bytes())[0])
    return import_bytes(text.encode(encoding), name=txt.name)


def _score_refusal(
    expected: dict[str, Any], txt: Path, name: str, variant: str | None, misses: list[str]
) -> dict[str, Any]:
    """A report of another genre (``expected_error``): right when the import is refused so."""
    row: dict[str, Any] = dict.fromkeys(FIGURES, (0, 0))
    row["file"] = name
    try:
        _import(txt, variant)
    except InvalidReportError as error:
        codes = [issue.code for issue in error.issues]
        row["refusals"] = (int(expected["expected_error"] in codes), 1)
    else:
        row["refusals"] = (0, 1)
    if not row["refusals"][0]:
        misses.append(f"{name}: not refused with {expected['expected_error']}")
    return row


def _score_file(txt: Path, misses: list[str], variant: str | None = None) -> dict[str, Any]:
    expected = json.loads(txt.with_suffix(".expected.json").read_text(encoding="utf-8"))
    strict = variant is None
    name = txt.stem if variant is None else f"{txt.stem} [{variant}]"
    if "expected_error" in expected:
        return _score_refusal(expected, txt, name, variant, misses)
    try:
        result = _import(txt, variant)
    except InvalidReportError as error:
        # a right-genre report refused: nothing recovered, every annotated thing missed
        codes = ", ".join(f"{issue.code}: {issue.message}" for issue in error.issues)
        misses.append(f"{name}: REFUSED ({codes})")
        return {
            "file": name + " (REFUSED)",
            "parts": (0, len(expected["parts"])),
            "items_recall": (0, sum(_expected_count(p["items"]) for p in expected["parts"])),
            "items_precision": (0, 0),
            "indicators_recall": (0, len(expected["indicators"])),
            "indicators_precision": (0, 0),
            "causes_recall": (0, len(expected["causes"])),
            "title": (0, 1),
            "organization": (0, 1),
            "year": (0, 1),
            "encoding": (0, 1),
            "refusals": (0, 0),
            "refused": (1, 1),
        }
    report: Report = result.report
    row: dict[str, Any] = {"file": name, "refusals": (0, 0), "refused": (0, 1)}
    row.update(_score_parts(expected, report, name, strict, misses))
    row.update(_score_indicators(expected, report, name, strict, misses))
    causes = [_norm(c.text) for c in report.causes]
    cause_hits = 0
    for start in expected["causes"]:
        if any(c.startswith(_norm(start)) for c in causes):
            cause_hits += 1
        else:
            misses.append(f"{name}: cause {start} not found")
    row["causes_recall"] = (cause_hits, len(expected["causes"]))
    if expected["title"] is None:
        # the text prints no title: the importer must say so; the title it makes up is not scored
        said = any(issue.code == "import.title-missing" for issue in result.warnings)
        row["title"] = (int(said), 1)
        if not said:
            misses.append(f"{name}: title {report.title!r} given without import.title-missing")
    for key, value in (
        ("title", report.title),
        ("organization", report.organization.name),
        ("year", report.year),
    ):
        if expected[key] is None:
            continue
        ok = value == expected[key] or (not strict and _same(str(value), str(expected[key]), False))
        row[key] = (int(ok), 1)
        if not ok:
            misses.append(f"{name}: {key} {value!r} != {expected[key]!r}")
    wanted = expected["encoding"] if variant is None else VARIANTS[variant][1]
    if (report.source and report.source.encoding) != wanted:
        misses.append(f"{name}: encoding {report.source and report.source.encoding}")
    row["encoding"] = (int((report.source and report.source.encoding) == wanted), 1)
    return row


FIGURES = (
    "parts",
    "items_recall",
    "items_precision",
    "indicators_recall",
    "indicators_precision",
    "causes_recall",
    "title",
    "organization",
    "year",
    "encoding",
    "refusals",
    "refused",
)


def _totals(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    return {key: [sum(r[key][0] for r in rows), sum(r[key][1] for r in rows)] for key in FIGURES}


def _shares(totals: dict[str, list[int]]) -> str:
    return "".join(f"{(done / count if count else 1.0):>12.1%}" for done, count in totals.values())


def _table(rows: list[dict[str, Any]], totals: dict[str, list[int]]) -> None:
    print(f"{'report':52}" + "".join(f"{key[:11]:>12}" for key in FIGURES))
    for row in rows:
        print(
            f"{row['file'][:52]:52}"
            + "".join(f"{row[key][0]:>6}/{row[key][1]:<5}" for key in FIGURES)
        )
    print(f"{'TOTAL (share)':52}" + _shares(totals))


def _score_set(
    corpus: Path, variants_too: bool, misses: list[str]
) -> tuple[dict[str, list[int]], dict[str, Any], list[dict[str, Any]]] | None:
    files = sorted(corpus.glob("*.txt"))
    files = [f for f in files if f.with_suffix(".expected.json").exists()]
    if not files:
        return None
    rows = [_score_file(path, misses) for path in files]
    totals = _totals(rows)
    print(f"\n== {corpus}")
    _table(rows, totals)
    variants: dict[str, Any] = {}
    if variants_too:
        for variant in VARIANTS:
            variant_rows = [_score_file(path, misses, variant) for path in files]
            variants[variant] = _totals(variant_rows)
        print(f"\n{'variant (share, all reports)':52}" + "".join(f"{k[:11]:>12}" for k in FIGURES))
        for variant, variant_totals in variants.items():
            print(f"{variant:52}" + _shares(variant_totals))
    return totals, variants, rows


def main(argv: list[str] | None = None) -> int:
    """Score every annotated report of each set; print tables, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        nargs="*",
        default=[str(path) for path in SETS],
        help="folders of annotated reports (default: the corpus and the realistic set)",
    )
    parser.add_argument("--json", dest="json_out", help="write the figures as JSON here")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument(
        "--variants",
        action="store_true",
        help="also score each report re-published as: " + ", ".join(VARIANTS),
    )
    args = parser.parse_args(argv)
    misses: list[str] = []
    results: dict[str, Any] = {}
    for corpus in args.corpus:
        scored = _score_set(Path(corpus), args.variants, misses)
        if scored is None:
            print(f"no annotated reports in {corpus}", file=sys.stderr)
            return 2
        totals, variants, rows = scored
        results[Path(corpus).name] = {
            "summary": {
                key: {
                    "right": done,
                    "total": count,
                    "share": round(done / count, 4) if count else 1.0,
                }
                for key, (done, count) in totals.items()
            },
            "variants": variants,
            "reports": rows,
        }
    if args.misses:
        print("\nmisses:")
        for miss in misses:
            print(" ", miss)
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"sets": results, "misses": misses}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
