"""Build ``examples/reports/wusu-education-2023.json`` from the seed report, by hand.

This is not an importer. Every line number, marker and figure below was read off
``shared/seeds/wusu-education-2023.txt`` and is stated here explicitly, so that a reviewer can
check each one against the seed; the script only slices the seed text at those places and
checks at every step that the text is where this script says it is (and stops with
:class:`SeedMismatchError` when it is not). It builds the report from
the :mod:`rol_model` classes and writes it with :func:`rol_model.dump`, so the file is canonical.

What changes between the seed and the example, and nothing else:

- the ``[bookmark: …]`` residue of the Word export is removed;
- the leading full-width indentation spaces (``"\\u3000\\u3000"``) of a paragraph are removed:
  indentation is page layout, not content;
- the title, broken over lines 1-2 with a leading space, is joined on one line;
- a marker (一、, （一）, 1., 一是) goes to ``marker``; for a numbered paragraph with a run-in lead
  sentence (``1.积极构建……效能。正文``) the lead sentence without its 。 is the ``heading`` and
  the rest of the paragraph, verbatim, is the ``text``.

All other characters, including full-width and half-width punctuation, stay exactly as written.

Usage::

    python tools/build_wusu_example.py            # write the example
    python tools/build_wusu_example.py --check    # exit 1 if the example is out of date
    python tools/build_wusu_example.py --seed PATH --output PATH
"""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

import rol_model
from rol_model import (
    Indicator,
    LineRange,
    Measure,
    MeasuresPart,
    Organization,
    Plan,
    PlansPart,
    Preamble,
    Qualifier,
    Report,
    Shortcoming,
    ShortcomingsPart,
    Source,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "wusu-education-2023.txt"
OUTPUT = ROOT / "examples" / "reports" / "wusu-education-2023.json"

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
INDENT = "\u3000\u3000"
CITATION = re.compile(r"《([^《》]+)》")

TITLE = "乌苏市教育和科学技术局2023年法治政府建设情况报告"

# Part 1 (lines 5-25): the heading line of each （一）…（五） measure and the lines of its
# 1./2./3. paragraphs.
MEASURES: tuple[tuple[int, str, tuple[int, ...]], ...] = (
    (6, "（一）", (7, 8, 9)),
    (10, "（二）", (11, 12, 13)),
    (14, "（三）", (15, 16, 17)),
    (18, "（四）", (19, 20, 21)),
    (22, "（五）", (23, 24, 25)),
)
CHILD_MARKERS = ("1.", "2.", "3.")

# Part 2 (lines 26-27): one paragraph, line 27, enumerated 一是…四是. True where the shortcoming
# opens with a lead clause ending in 。 (its heading); 四是 is one sentence with no lead clause.
SHORTCOMINGS: tuple[tuple[str, bool], ...] = (
    ("一是", True),
    ("二是", True),
    ("三是", True),
    ("四是", False),
)

# Part 3 (lines 28-35): heading line and body line of each plan.
PLANS: tuple[tuple[int, str, int], ...] = (
    (30, "（一）", 31),
    (32, "（二）", 33),
    (34, "（三）", 35),
)

# Every figure of the report, by the id of the item whose text states it: label (in the
# report's words), value (万 folded in), unit as written after the figure (％ is "%"),
# qualifier (余 is at least), and the verbatim source phrase.
INDICATORS: dict[str, tuple[tuple[str, str, str, Qualifier, str], ...]] = {
    "m3.3": (("学校法治副校长聘请率", "100", "%", "exact", "聘请率达到100％"),),
    "m4.2": (
        ("违规变形培训专项检查", "40", "次", "exact", "违规变形培训专项检查40次"),
        ("下发各类整改通知书", "12", "份", "exact", "下发各类整改通知书12份"),
    ),
    "m4.3": (
        ("办结网上信访", "11", "件", "exact", "共办结网上信访11件"),
        (
            "12345热线即办、市长信箱、乌苏市智慧服务平台反映",
            "40",
            "件",
            "at_least",
            "智慧服务平台反映40余件",
        ),
        ("接待来局咨询相关事宜", "11", "人次", "exact", "接待来局咨询相关事宜11人次"),
        ("接听电话咨询、投诉反映情况", "20", "人次", "at_least", "投诉反映情况20余人次"),
    ),
    "m5.3": (
        ("法治教育专题活动", "300", "次", "at_least", "专题活动达300余次"),
        ("受教育学生", "30000", "人", "at_least", "受教育学生达3万余人"),
    ),
}


class SeedMismatchError(Exception):
    """The seed text is not what this script was written against."""


def expect(condition: object, what: object) -> None:
    """Stop unless ``condition`` holds (unlike ``assert``, this also runs under ``python -O``)."""
    if not condition:
        raise SeedMismatchError(f"seed text not as expected: {what!r}")


class Seed:
    """The seed text, addressed by 1-based line number, with layout residue removed."""

    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")

    def raw(self, number: int) -> str:
        """Line ``number`` exactly as in the file."""
        return self._lines[number - 1]

    def line(self, number: int) -> str:
        """Line ``number`` without ``[bookmark: …]`` residue and leading indentation."""
        cleaned = BOOKMARK.sub("", self._lines[number - 1]).removeprefix(INDENT)
        expect("bookmark" not in cleaned, number)
        expect(cleaned and not cleaned[0].isspace(), (number, cleaned))
        expect(cleaned == cleaned.rstrip(), (number, cleaned))
        return cleaned


def without_marker(text: str, marker: str) -> str:
    """``text`` after its printed ``marker``, which must open it."""
    expect(text.startswith(marker), (marker, text))
    return text[len(marker) :]


def run_in(paragraph: str) -> tuple[str, str]:
    """Split a paragraph into its run-in lead sentence (without 。) and the rest, verbatim."""
    heading, stop, rest = paragraph.partition("。")
    expect(stop and heading and rest, paragraph)
    return heading, rest


def references(text: str | None) -> tuple[str, ...]:
    """Titles cited in 《…》, without the brackets, in order."""
    return tuple(CITATION.findall(text or ""))


def indicators(node_id: str, text: str | None) -> tuple[Indicator, ...]:
    """The figures this script lists for ``node_id``; each source phrase must be in ``text``."""
    result = []
    for number, (label, value, unit, qualifier, source) in enumerate(
        INDICATORS.get(node_id, ()), start=1
    ):
        expect(text is not None and text.count(source) == 1, (node_id, source))
        result.append(
            Indicator(
                id=f"{node_id}-i{number}",
                label=label,
                value=Decimal(value),
                unit=unit,
                qualifier=qualifier,
                source=source,
            )
        )
    return tuple(result)


def lines(start: int, end: int | None = None) -> LineRange:
    """Lines ``start`` to ``end`` (inclusive; one line when ``end`` is omitted)."""
    return LineRange(start=start, end=start if end is None else end)


def measures_part(seed: Seed) -> MeasuresPart:
    """一、 (lines 5-25): five measures, each with three numbered paragraphs."""
    heading = without_marker(seed.line(5), "一、")
    expect(heading == "本年度推进法治政府建设的主要举措和成效", heading)
    measures = []
    for index, (heading_line, marker, child_lines) in enumerate(MEASURES, start=1):
        children = []
        for child_index, (line, child_marker) in enumerate(
            zip(child_lines, CHILD_MARKERS, strict=True), start=1
        ):
            child_id = f"m{index}.{child_index}"
            child_heading, text = run_in(without_marker(seed.line(line), child_marker))
            children.append(
                Measure(
                    id=child_id,
                    marker=child_marker,
                    heading=child_heading,
                    text=text,
                    indicators=indicators(child_id, text),
                    references=references(text),
                    lines=lines(line),
                )
            )
        measures.append(
            Measure(
                id=f"m{index}",
                marker=marker,
                heading=without_marker(seed.line(heading_line), marker),
                lines=lines(heading_line, child_lines[-1]),
                children=tuple(children),
            )
        )
    return MeasuresPart(
        marker="一、", heading=heading, lines=lines(5, 25), measures=tuple(measures)
    )


def shortcomings_part(seed: Seed) -> ShortcomingsPart:
    """二、 (lines 26-27): a lead text, then 一是…四是 in the same paragraph; no causes given."""
    heading = without_marker(seed.line(26), "二、")
    expect(heading == "存在的不足", heading)
    paragraph = seed.line(27)
    starts = []
    for marker, _ in SHORTCOMINGS:
        expect(paragraph.count(marker) == 1, marker)
        starts.append(paragraph.index(marker))
    expect(starts == sorted(starts), starts)
    lead = paragraph[: starts[0]]
    shortcomings = []
    for index, ((marker, has_heading), start, end) in enumerate(
        zip(SHORTCOMINGS, starts, [*starts[1:], len(paragraph)], strict=True), start=1
    ):
        body = without_marker(paragraph[start:end], marker)
        shortcoming_heading, text = run_in(body) if has_heading else (None, body)
        shortcomings.append(
            Shortcoming(
                id=f"s{index}",
                marker=marker,
                heading=shortcoming_heading,
                text=text,
                indicators=indicators(f"s{index}", text),
                references=references(text),
                lines=lines(27),
            )
        )
    return ShortcomingsPart(
        marker="二、",
        heading=heading,
        text=lead,
        references=references(lead),
        lines=lines(26, 27),
        shortcomings=tuple(shortcomings),
    )


def plans_part(seed: Seed) -> PlansPart:
    """三、 (lines 28-35): a lead paragraph, then （一）…（三）, each a heading and a body line."""
    heading = without_marker(seed.line(28), "三、")
    expect(heading == "2024年推进法治政府建设的主要安排", heading)
    lead = seed.line(29)
    plans = []
    for index, (heading_line, marker, text_line) in enumerate(PLANS, start=1):
        text = seed.line(text_line)
        plans.append(
            Plan(
                id=f"p{index}",
                marker=marker,
                heading=without_marker(seed.line(heading_line), marker),
                text=text,
                indicators=indicators(f"p{index}", text),
                references=references(text),
                lines=lines(heading_line, text_line),
            )
        )
    return PlansPart(
        marker="三、",
        heading=heading,
        text=lead,
        references=references(lead),
        lines=lines(28, 35),
        plans=tuple(plans),
    )


def build(seed_text: str) -> Report:
    """The report, built from the seed text."""
    seed = Seed(seed_text)
    # The title is broken over lines 1-2 and the first half opens with a space: join it.
    title = seed.raw(1).removeprefix(" ") + seed.line(2)
    expect(title == TITLE, title)
    expect(seed.raw(3) == "", seed.raw(3))
    preamble = seed.line(4)
    report = Report(
        title=title,
        organization=Organization(
            name="乌苏市教育和科学技术局",
            region="新疆维吾尔自治区塔城地区乌苏市",
            level="county",
            kind="department",
        ),
        year=2023,
        source=Source(file="wusu-education-2023.txt", encoding="utf-8"),
        preamble=Preamble(
            text=preamble,
            indicators=indicators("pre", preamble),
            references=references(preamble),
            lines=lines(4),
        ),
        parts=(measures_part(seed), shortcomings_part(seed), plans_part(seed)),
    )
    found = [i.id for _, i in rol_model.iter_indicators(report)]
    expect(len(found) == sum(len(v) for v in INDICATORS.values()), found)
    return report


def main(argv: list[str] | None = None) -> int:
    """Write the example (or, with ``--check``, report whether it is up to date)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED, help="the seed report text")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the example")
    parser.add_argument("--check", action="store_true", help="exit 1 if the output differs")
    args = parser.parse_args(argv)
    report = build(args.seed.read_text(encoding="utf-8"))
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != rol_model.dumps(report).encode("utf-8"):
            print(f"{args.output} is out of date: run python tools/build_wusu_example.py")
            return 1
        print(f"{args.output} is up to date")
        return 0
    rol_model.dump(report, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
