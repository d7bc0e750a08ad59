"""Generated jurisdictions for ``rol survey``: fixture reports, variants and planted copies.

- :func:`fixture_reports` imports every text report of ``tests/fixtures/corpus`` and
  ``tests/fixtures/realistic`` (45 bodies, real wording; the information-disclosure report is
  refused by the importer and left out).
- :func:`variants` makes ``n`` reports of distinct bodies from them: each keeps the outline of a
  fixture report, and each paragraph is rebuilt from sentences drawn at random from all fixtures,
  with the figures in them changed and every sixth character replaced, so that no two
  generated paragraphs are near-duplicates (the sentence pool is only a few thousand sentences).
- :func:`plant` copies paragraphs into other reports at known places, reworded by a few
  characters (same year, another body), copies paragraphs of a body's report into a generated
  previous-year report of the same body, and adds boilerplate (one standard paragraph written,
  slightly varied, by many bodies; a long quotation of a central document) that must not count.

``python benchmarks/survey_corpus.py OUT_DIR N`` writes ``N`` reports with planted copies and the
ground truth ``planted.json``.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import rol_model as rm
from rol_model.survey._copies import MIN_CHARACTERS, normalize, paragraphs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = (ROOT / "tests" / "fixtures" / "corpus", ROOT / "tests" / "fixtures" / "realistic")

#: A standard paragraph many bodies write; each copy varies a little (boilerplate, not copying).
BOILERPLATE = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，"
    "认真落实法治政府建设实施纲要，扎实推进严格规范公正文明执法，为经济社会高质量发展提供有力法治保障。"
)
#: A long quotation of a central document: cut out before comparing, so never a copy.
QUOTATION = (
    "会议强调，要“坚持全面依法治国，推进法治中国建设，坚持依法治国、依法执政、依法行政共同推进，"
    "坚持法治国家、法治政府、法治社会一体建设”。"
)
_HANZI = "法治政府建设推进依法行政执法监督规范公正文明服务改革创新落实完善机制体系能力水平基层"
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def fixture_reports() -> list[rm.Report]:
    """The fixture text reports, imported (the importer's wrong-genre refusal is skipped)."""
    reports = []
    for folder in FIXTURES:
        for path in sorted(folder.glob("*.txt")):
            try:
                reports.append(rm.import_file(path).report)
            except rm.RolModelError:
                continue
    return reports


def _set(document: dict[str, Any], pointer: str, value: str) -> None:
    parts = pointer.strip("/").split("/")
    node: Any = document
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[parts[-1]] = value


def _get(document: dict[str, Any], pointer: str) -> str:
    node: Any = document
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return str(node)


def reword(text: str, rng: random.Random, changes: int = 3) -> str:
    """``text`` with ``changes`` characters replaced by other Chinese characters."""
    chars = list(text)
    places = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(places, min(changes, len(places))):
        chars[i] = rng.choice([c for c in _HANZI if c != chars[i]])
    return "".join(chars)


def _changes(text: str, rng: random.Random) -> int:
    """A few characters: 1 for a short paragraph, up to 3 for one of 90 characters or more."""
    return rng.randint(1, max(1, min(3, len(normalize(text)) // 30)))


def _renumber(sentence: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(rng.randint(2, 9999)), sentence)


def variants(
    bases: list[rm.Report], n: int, seed: int = 1, year: int = 2023
) -> list[dict[str, Any]]:
    """``n`` report documents of distinct bodies, paragraphs rebuilt from random sentences."""
    rng = random.Random(seed)
    pool = [
        s
        for base in bases
        for _, text in paragraphs(base)
        for s in _SENTENCE.findall(text)
        if len(s) > 12
    ]
    documents = []
    for number in range(n):
        base = bases[number % len(bases)]
        document = rm.to_dict(base)
        document["organization"]["name"] = f"样本{number:05d}{base.organization.name}"
        document["year"] = year
        document["title"] = f"{document['organization']['name']}{year}年度法治政府建设情况报告"
        for pointer, text in paragraphs(base):
            count = max(2, min(4, len(text) // 60))
            rebuilt = "".join(_renumber(rng.choice(pool), rng) for _ in range(count))
            # every sixth character changed: two draws of the same sentences stay far apart
            _set(document, pointer, reword(rebuilt, rng, len(rebuilt) // 6))
        documents.append(document)
    return documents


def _long_paragraphs(document: dict[str, Any]) -> list[str]:
    report = rm.from_dict(document)
    return [p for p, t in paragraphs(report) if len(normalize(t)) >= MIN_CHARACTERS + 10]


def plant(
    documents: list[dict[str, Any]],
    *,
    seed: int = 2,
    same_year: int = 20,
    previous_year: int = 5,
    boilerplate_bodies: int = 8,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Plant copies in ``documents`` (changed in place); return the previous-year reports added
    and the ground truth: one record per planted copy (``kind``, both files' indexes, pointers).

    Previous-year reports get index ``len(documents) + k``. Boilerplate goes into the first
    ``boilerplate_bodies`` reports and a quotation into two more; neither is in the truth.
    """
    rng = random.Random(seed)
    truth: list[dict[str, Any]] = []
    count = len(documents)
    used: set[tuple[int, str]] = set()
    long_of = {i: _long_paragraphs(d) for i, d in enumerate(documents)}
    attempts = 0
    while sum(t["kind"] == "same_year" for t in truth) < same_year and attempts < 50 * same_year:
        attempts += 1
        source, target = rng.sample(range(count), 2)
        choices = [p for p in long_of[source] if (source, p) not in used]
        places = [p for p in long_of[target] if (target, p) not in used]
        if not choices or not places:
            continue
        pointer, place = rng.choice(choices), rng.choice(places)
        used.update({(source, pointer), (target, place)})
        text = _get(documents[source], pointer)
        _set(documents[target], place, reword(text, rng, _changes(text, rng)))
        truth.append(
            {
                "kind": "same_year",
                "source": source,
                "source_pointer": pointer,
                "target": target,
                "target_pointer": place,
            }
        )
    added: list[dict[str, Any]] = []
    for k, body in enumerate(rng.sample(range(count), previous_year)):  # one per body
        donor = (body + 1 + rng.randrange(count - 1)) % count
        before = copy.deepcopy(documents[donor])
        before["organization"] = dict(documents[body]["organization"])
        before["year"] = documents[body]["year"] - 1
        before["title"] = (
            f"{before['organization']['name']}{before['year']}年度法治政府建设情况报告"
        )
        # the donor's text must not stay a copy of the donor: rebuild its paragraphs
        for pointer in _long_paragraphs(before):
            _set(before, pointer, reword(_get(before, pointer), rng, 40))
        places = _long_paragraphs(before)
        choices = [p for p in long_of[body] if (body, p) not in used]
        for pointer, place in zip(rng.sample(choices, min(2, len(choices))), places, strict=False):
            used.add((body, pointer))
            text = _get(documents[body], pointer)
            _set(before, place, reword(text, rng, _changes(text, rng) - 1))
            truth.append(
                {
                    "kind": "previous_year",
                    "source": count + k,
                    "source_pointer": place,
                    "target": body,
                    "target_pointer": pointer,
                }
            )
        added.append(before)
    for index in range(min(boilerplate_bodies + 2, count)):
        free = [p for p in long_of[index] if (index, p) not in used]
        if not free:
            continue
        place = free[0]
        used.add((index, place))
        text = QUOTATION if index >= boilerplate_bodies else reword(BOILERPLATE, rng, 1)
        _set(documents[index], place, text)
    return added, truth


def write(out_dir: Path, n: int, seed: int = 1) -> dict[str, Any]:
    """Write ``n`` generated reports with planted copies and ``planted.json``; return the truth."""
    bases = fixture_reports()
    documents = variants(bases, n, seed)
    added, truth = plant(
        documents,
        seed=seed + 1,
        same_year=max(20, n // 20),
        previous_year=max(5, n // 100),
        boilerplate_bodies=max(8, n // 5),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "previous").mkdir(exist_ok=True)
    names = []
    for index, document in enumerate(documents):
        name = out_dir / f"r{index:05d}.json"
        rm.dump(rm.from_dict(document), name)
        names.append(str(name))
    for index, document in enumerate(added):
        name = out_dir / "previous" / f"p{index:05d}.json"
        rm.dump(rm.from_dict(document), name)
        names.append(str(name))
    ground = {"files": names, "copies": truth}
    (out_dir.parent / f"{out_dir.name}-planted.json").write_text(
        json.dumps(ground, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return ground


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))


def score(result: Any, ground: dict[str, Any]) -> dict[str, Any]:
    """Precision and recall of ``result.copies`` against the planted copies of ``ground``.

    A planted copy is found when a copy names both its places (in either order). Every copy
    found that is not planted counts against precision; so does any copy touching boilerplate.
    """
    files = ground["files"]
    planted = {
        frozenset(
            {(files[c["source"]], c["source_pointer"]), (files[c["target"]], c["target_pointer"])}
        )
        for c in ground["copies"]
    }
    found = {
        frozenset({(c.first.file, c.first.pointer), (c.second.file, c.second.pointer)})
        for c in result.copies
    }
    hits = planted & found
    boilerplate_hits = [
        c
        for c in result.copies
        if "习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大" in c.first.text
        or "坚持全面依法治国，推进法治中国建设" in c.first.text
    ]
    return {
        "planted": len(planted),
        "found": len(found),
        "true_positives": len(hits),
        "recall": round(len(hits) / len(planted), 4) if planted else 1.0,
        "precision": round(len(hits) / len(found), 4) if found else 1.0,
        "boilerplate_counted": len(boilerplate_hits),
        "missed": sorted(sorted(m) for m in planted - found),
        "unexpected": sorted(sorted(m) for m in found - planted)[:20],
    }
