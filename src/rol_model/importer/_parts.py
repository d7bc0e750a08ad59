"""The five parts of a report: part headings, what kind each part is, and where parts begin."""

from __future__ import annotations

import re

from rol_model.exceptions import Issue
from rol_model.importer._header import _YEAR
from rol_model.importer._outline import (
    Paragraph,
    RawNode,
    RawPart,
    part_heading,
    split_heading,
)
from rol_model.importer._problems import warning
from rol_model.model import PartKind
from rol_model.text import fold

__all__ = [
    "classify_part",
    "fallback_parts",
    "lift_leadership",
    "split_combined_parts",
    "split_parts",
]


# the leaders' duty: 履行…职责 counts only with the person who holds it (主要领导履行…职责), not
# a body's own duty (一、深入贯彻习近平法治思想，切实履行推进法治政府建设职责)
_LEADERSHIP = re.compile(
    r"第一责任人|主要负责人|负责同志|(?:负责人|领导|书记|一把手|局长|厅长|主任|县长|市长|区长"
    r"|镇长|乡长).{0,4}履行.{0,12}职责|述法"
)


_OTHER = re.compile(r"其他|其它")


_PLANS_STRONG = re.compile(r"下一步|下步|下一年|明年|来年|打算|展望|努力方向|今后")


_SHORTCOMINGS = re.compile(r"不足|问题|短板|差距|原因|薄弱|困难|挑战")


_PLANS = re.compile(r"安排|计划|思路|工作要点|重点工作|目标|任务")


# 以……为目标 / 以……为主线: how the work was done, no plan (以务求实效为目标，……再踏新征程)
_MEANS = re.compile(r"以[^,，。]{1,16}为(?:目标|任务|重点|主线|抓手|引领|导向)")


_MEASURES = re.compile(r"举措|成效|措施|情况|主要工作|做法|成绩|进展|成果|亮点|经验|开展|总结|回顾")


# what names the measures when a heading names other parts after them
_MEASURES_FIRST = re.compile(r"举措|成效|开展情况|主要工作|主要做法|工作情况|完成情况|工作总结")


def classify_part(heading: str, year: int | None) -> tuple[PartKind, bool]:
    """The part a heading names, and whether the wording was recognised at all."""
    folded = fold(heading)
    if _LEADERSHIP.search(folded):
        return "leadership", True
    if _OTHER.search(folded):
        return "other", True
    years = [(match.start(), int(match.group(1))) for match in _YEAR.finditer(folded)]
    future = [at for at, y in years if year is not None and y > year]
    plans = _PLANS_STRONG.search(folded)
    plans_at = min(
        [at for at in [*future, plans.start() if plans else None] if at is not None] or [-1]
    )
    short = _SHORTCOMINGS.search(folded)
    done = _MEASURES_FIRST.search(folded)
    later = [at for at in (plans_at, short.start() if short else -1) if at != -1]
    if done is not None and later and done.start() < min(later):
        return "measures", True  # a combined part such as 工作开展情况及存在的问题
    if short is not None and (plans_at == -1 or short.start() < plans_at):
        return "shortcomings", True  # also a combined part such as 存在的问题和下一步打算
    if plans_at != -1:
        return "plans", True
    if (
        _PLANS.search(_MEANS.sub("", folded))
        and not (year is not None and year in [y for _, y in years])
        and not re.search(r"完成|举措|成效", folded)
    ):
        return "plans", True
    return "measures", bool(_MEASURES.search(folded))


def split_parts(
    paragraphs: list[Paragraph], year: int | None, issues: list[Issue]
) -> tuple[list[Paragraph], list[RawPart]]:
    preamble: list[Paragraph] = []
    parts: list[RawPart] = []
    sections: bool | None = None  # parts headed 第一部分 … hold items numbered 一、 二、
    for paragraph in paragraphs:
        folded = fold(paragraph.text[:12]).lstrip(" ")
        found = part_heading(folded)
        if found is not None and sections is not None and folded.startswith("第") != sections:
            found = None
        expected = len(parts) + 1
        if found is not None and found[0] in (expected, expected + 1):
            sections = folded.startswith("第")
            number, length = found
            if number != expected:
                issues.append(
                    warning(
                        "import.numbering",
                        f"part numbering skips to {paragraph.text[:length]}",
                        line=paragraph.start,
                    )
                )
            heading, body = split_heading(paragraph.text[length:], more_text=True)
            kind, known = classify_part(heading or body or "", year)
            if not known:
                issues.append(
                    warning(
                        "import.part-unrecognised",
                        f"part heading not recognised, taken as {kind}: {(heading or '')[:40]}",
                        line=paragraph.start,
                    )
                )
            part = RawPart(
                marker=paragraph.text[:length].strip(" \u3000"),
                heading=heading,
                start=paragraph.start,
                end=paragraph.end,
                kind=kind,
            )
            if body:
                part.paragraphs.append(
                    Paragraph(text=body, start=paragraph.start, end=paragraph.end)
                )
            parts.append(part)
        elif parts:
            parts[-1].paragraphs.append(paragraph)
        else:
            preamble.append(paragraph)
    return preamble, parts


# Wording strong enough to make an unnumbered line, or a （一） line, a part heading when a report
# has no 一、 headings at all.
_STRONG_WORDING: tuple[tuple[PartKind, re.Pattern[str]], ...] = (
    ("leadership", _LEADERSHIP),
    ("other", re.compile(r"其他.{0,6}(?:报告|情况|事项)")),
    (
        "plans",
        re.compile(
            r"下一步|下步|下一年|明年|打算|主要安排|工作安排|年度安排|工作思路|工作计划|工作重点"
            r"|努力方向"
        ),
    ),
    ("shortcomings", re.compile(r"存在.{0,4}(?:问题|不足|困难|短板)|不足|问题[和及与]原因")),
    (
        "measures",
        re.compile(
            r"主要举措|举措和成效|主要做法|主要工作|工作开展情况|开展情况|主要成效|工作成效"
        ),
    ),
)


_FALLBACK_MARKER = re.compile(
    r"\( ?[一二三四五六七八九十]{1,2} ?\)|[一二三四五六七八九十]{1,2}\)"
    r"|\d{1,2} ?[.、](?:(?!\d)|(?=20\d{2} ?年))"  # 3.2025年工作安排: a marker before a year
)


def _strong_heading(paragraph: Paragraph) -> tuple[str | None, str, PartKind] | None:
    """``(marker, heading, kind)`` for an unnumbered, （一） or 1. line that names a part."""
    text = paragraph.text
    folded = fold(text[:50])
    marker = None
    match = _FALLBACK_MARKER.match(folded)
    if match is not None:
        marker, text, folded = text[: match.end()], text[match.end() :], folded[match.end() :]
    heading = text.strip(" \u3000").rstrip("：:")
    if not heading or len(heading) > 40 or heading[-1] in "。；;！？，,":
        return None
    for kind, pattern in _STRONG_WORDING:
        if pattern.search(fold(heading)):
            return marker, heading, kind
    return None


def fallback_parts(
    paragraphs: list[Paragraph], issues: list[Issue]
) -> tuple[list[Paragraph], list[RawPart]] | None:
    """Parts from unnumbered headings (or （一） headings) when there is no 一、 heading."""
    found = [(index, _strong_heading(p)) for index, p in enumerate(paragraphs)]
    heads = [(index, head) for index, head in found if head is not None]
    if len(heads) < 2 or len({head[2] for _, head in heads}) < 2:
        return None
    preamble = paragraphs[: heads[0][0]]
    parts: list[RawPart] = []
    for position, (index, (marker, heading, kind)) in enumerate(heads):
        stop = heads[position + 1][0] if position + 1 < len(heads) else len(paragraphs)
        body = paragraphs[index + 1 : stop]
        paragraph = paragraphs[index]
        parts.append(
            RawPart(
                marker=marker,
                heading=heading,
                start=paragraph.start,
                end=max([paragraph.end, *(p.end for p in body)]),
                paragraphs=list(body),
                kind=kind,
            )
        )
        issues.append(
            warning(
                "import.part-unnumbered",
                f"no 一、 part headings: took this line as the {kind} part",
                line=paragraph.start,
            )
        )
    return preamble, parts


def _names_other_kinds(part: RawPart) -> set[str]:
    """Kinds besides its own that a part's heading names (存在的问题及下一步打算 → plans)."""
    heading = fold(part.heading or "")
    named = set()
    if _PLANS_STRONG.search(heading):
        named.add("plans")
    if _SHORTCOMINGS.search(heading):
        named.add("shortcomings")
    return named - {part.kind}


def _split_at(
    part: RawPart, kinds: set[str]
) -> tuple[int, tuple[str | None, str, PartKind]] | None:
    for index, paragraph in enumerate(part.paragraphs):
        strong = _strong_heading(paragraph)
        if strong is not None and strong[0] is not None and strong[2] in kinds:
            return index, strong
    return None


def split_combined_parts(parts: list[RawPart], issues: list[Issue]) -> list[RawPart]:
    """Split a part headed 存在的问题及下一步打算 (or 工作开展情况及存在问题) at its numbered
    sub-headings that name the other kinds.

    Only a part whose own heading names two kinds is split, so a leadership item folded into the
    measures (（一）落实第一责任人职责) stays where the report put it.
    """
    out: list[RawPart] = []
    queue = list(parts)
    while queue:
        part = queue.pop(0)
        kinds = _names_other_kinds(part)
        found = _split_at(part, kinds) if kinds else None
        if found is None:
            out.append(part)
            continue
        split_at, (marker, sub_heading, kind) = found
        rest = part.paragraphs[split_at + 1 :]
        start = part.paragraphs[split_at].start
        new = RawPart(
            marker=marker,
            heading=sub_heading,
            start=start,
            end=max([start, *(p.end for p in rest)]),
            paragraphs=list(rest),
            kind=kind,
        )
        part.paragraphs = part.paragraphs[:split_at]
        part.end = max([part.start, *(p.end for p in part.paragraphs)])
        issues.append(
            warning(
                "import.part-split",
                f"the part {part.heading} holds more than one part: {sub_heading} is "
                f"a {kind} part of its own",
                line=start,
            )
        )
        out.append(part)
        queue.insert(0, new)
    return out


# an item of the measures that is really the leadership part: （一）党政主要负责人切实履行推进法治
# 建设第一责任人职责; its lead (heading or first sentence) must say so, not merely mention it
_FOLDED_LEADERSHIP = re.compile(
    r"第一责任人|主要负责人.{0,12}(?:职责|责任)|(?:党政|主要)负责人.{0,4}(?:带头|履职)"
)


def _lead_of(node: RawNode) -> str:
    first = node.paragraphs[0].text if node.paragraphs else ""
    return fold(re.split(r"[。；;]", first, maxsplit=1)[0])[:60]


def lift_leadership(parts: list[RawPart], issues: list[Issue]) -> list[RawPart]:
    """Give a leadership item folded into the measures a leadership part of its own.

    When no part is the leadership part, a top-level item of a measures part whose lead names
    the principal leaders' duty (（一）落实第一责任人职责) becomes a leadership part placed right
    after that measures part, keeping its marker, heading, text and lines; the other items stay
    measures. Each lift is reported as ``import.leadership-folded``.
    """
    if any(part.kind == "leadership" for part in parts):
        return parts
    out: list[RawPart] = []
    for part in parts:
        out.append(part)
        if part.kind != "measures":
            continue
        # a point of a 一是…二是… run stays in its run: only a numbered item is lifted
        folded = [
            node
            for node in part.children
            if node.style != "enum" and _FOLDED_LEADERSHIP.search(_lead_of(node))
        ]
        if not folded:
            continue
        part.children = [node for node in part.children if node not in folded]
        for node in folded:
            issues.append(
                warning(
                    "import.leadership-folded",
                    f"the measures item {node.marker or ''}{_lead_of(node)[:30]} reports "
                    "the principal leaders' duty; imported as the leadership part",
                    line=node.start,
                )
            )
        out.append(
            RawPart(
                marker=None,
                heading=None,
                start=folded[0].start,
                end=max(node.end for node in folded),
                children=folded,
                kind="leadership",
            )
        )
    return out
