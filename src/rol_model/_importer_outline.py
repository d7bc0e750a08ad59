"""The outline of a report body: part headings, numbered items, enumerations, causes.

Input is the list of content lines after the title; output is a light tree of :class:`RawPart`
and :class:`RawNode` with paragraphs and line numbers, which :mod:`rol_model._importer` turns
into model objects. Numbering styles are not tied to depths: the first style met below a part
heading is depth 1, the next new style depth 2, and so on, so reports that go 一、 → 1、 or
一、 → （一） → （1） all come out right. Every pattern is anchored and bounded.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from rol_model._importer_source import SourceLine, fold
from rol_model._issue import Issue
from rol_model._model import MAX_OUTLINE_DEPTH

__all__ = [
    "Paragraph",
    "RawCause",
    "RawNode",
    "RawPart",
    "parse_body",
    "split_heading",
]

_CN = "一二三四五六七八九十"
_CN_VALUES = {ch: index + 1 for index, ch in enumerate("一二三四五六七八九")}


def cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (numbers used in outline markers)."""
    if "十" not in numeral:
        return _CN_VALUES.get(numeral[-1], 0)
    tens, _, ones = numeral.partition("十")
    return (_CN_VALUES.get(tens, 1) if tens else 1) * 10 + (_CN_VALUES.get(ones, 0) if ones else 0)


_PART = re.compile(rf"([{_CN}]{{1,3}}) ?[、.](?![{_CN}])")
_PART_SPACE = re.compile(rf"([{_CN}]{{1,3}}) +(?=[^ {_CN}\d])")
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-paren", re.compile(rf"\( ?([{_CN}]{{1,3}}) ?\)|([{_CN}]{{1,3}})\)")),
    ("arabic-paren", re.compile(r"\( ?(\d{1,2}) ?\)|(\d{1,2})\)")),
    ("arabic", re.compile(r"(\d{1,2}) ?[.、](?!\d)")),
    ("circled", re.compile(r"([①-⑳])")),
)
# 一是…二是…, 一要…二要…, 第一，…第二，…; a comma before the marker counts only when no run
# of at least two markers is found with stronger punctuation.
_ENUM_BODY = rf"\s?(?:(?P<n>[{_CN}]{{1,2}})(?P<w>是|要)|第(?P<m>[{_CN}]{{1,2}})(?P<c>[,、]))"
_ENUM = re.compile(rf"(?:^|(?<=[。;:!?])){_ENUM_BODY}")
_ENUM_LOOSE = re.compile(rf"(?:^|(?<=[。;:!?,])){_ENUM_BODY}")
_SENTENCE_END = "。!?;；！？"
_CAUSE_LEAD = re.compile(r"^[^。:]{0,16}原因")
_CAUSE_HEADING = re.compile(r"原因")
_CAUSE_IN_TEXT = re.compile(
    r"(?:^|(?<=[。;]))(?:主要|根本|深层次|究其)?原因(?:是|在于|主要是|有|:)"
)
_CAUSE_LEAD_FULL = re.compile(r"^[^。]{0,30}?原因[^。:]{0,16}?(?::|,(?=一是|一方面)|是|在于|,)")
_ENUM_START = re.compile(rf"^\s?([{_CN}]{{1,2}})是")
_LEAD_MAX = 40


@attrs.define
class Paragraph:
    """Text of one paragraph (possibly several broken source lines) and its line range."""

    text: str
    start: int
    end: int


@attrs.define
class RawCause:
    """A cause statement; ``node`` is the shortcoming it was written under, if any."""

    marker: str | None
    text: str
    start: int
    end: int
    node: RawNode | None = None


@attrs.define(eq=False)
class RawNode:
    """An outline item before it becomes a model object."""

    marker: str | None
    style: str
    number: int
    heading: str | None
    paragraphs: list[Paragraph]
    start: int
    end: int
    children: list[RawNode] = attrs.Factory(list)
    cause_heading: bool = False


@attrs.define(eq=False)
class RawPart:
    """A part: its heading line, intro paragraphs, items and (for shortcomings) causes."""

    marker: str | None
    heading: str | None
    start: int
    end: int
    paragraphs: list[Paragraph] = attrs.Factory(list)
    children: list[RawNode] = attrs.Factory(list)
    causes: list[RawCause] = attrs.Factory(list)
    kind: str = "measures"


def _marker_style(folded: str) -> tuple[str, int, int] | None:
    """``(style, number, length of the marker)`` when a paragraph opens with an item marker."""
    for style, pattern in _STYLES:
        match = pattern.match(folded)
        if match is None:
            continue
        numeral = match.group(1) or match.group(2)
        number = int(numeral) if numeral.isascii() and numeral.isdigit() else cn_number(numeral)
        if style == "circled":
            number = ord(numeral) - ord("①") + 1
        if number == 0:
            continue
        return style, number, match.end()
    return None


def part_heading(folded: str) -> tuple[int, int] | None:
    """``(number, length of the marker)`` when a line opens with a part marker such as 一、.

    A numeral followed by a space (一　工作开展情况) counts only on a short line without 。.
    """
    match = _PART.match(folded)
    if match is None and len(folded) <= 40 and "。" not in folded:
        match = _PART_SPACE.match(folded)
    if match is None or folded[match.end() : match.end() + 1] == "是":
        return None
    number = cn_number(match.group(1))
    if number == 0:
        return None
    return number, match.end()


def split_heading(
    rest: str, more_text: bool, *, whole_line: bool = True
) -> tuple[str | None, str | None]:
    """Split the text after a marker into a heading and a body.

    A line without closing punctuation is a heading (its body is the paragraphs that follow);
    a short first sentence ending in 。 before more text is a run-in heading; otherwise the
    whole is body text. ``whole_line`` is false for an enumerated item inside a paragraph
    (一是……), which has no line of its own.
    """
    rest = rest.strip(" \u3000")
    if not rest:
        return None, None
    if whole_line and rest[-1] not in _SENTENCE_END + "，、," and len(rest) <= 100:
        return rest.rstrip(":：") or None, None
    cut = rest.find("。")
    if cut == -1:
        return None, rest
    first = rest[:cut]
    remainder = rest[cut + 1 :].strip(" \u3000")
    if not first or len(first) > _LEAD_MAX or "：" in first or ":" in first:
        return None, rest
    if remainder or more_text:
        return first, remainder or None
    return None, rest


_WIDE = re.compile("[\u2e80-\U0010ffff]")


def _display_width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _wrap_width(lines: list[SourceLine]) -> tuple[int, int] | None:
    """``(characters, display width)`` text was hard-wrapped at (text taken from a PDF), if it
    was: most long lines are about as long as the longest usual line."""
    sample = [line.text for line in lines[:2000] if len(line.text) >= 15]
    if len(sample) < 8:
        return None
    chars = Counter(len(text) for text in sample).most_common(1)[0][0]
    width = Counter(_display_width(text) for text in sample).most_common(1)[0][0]
    full = sum(1 for text in sample if _is_full(text, (chars, width)))
    return (chars, width) if chars >= 15 and full >= len(sample) * 0.5 else None


def _is_full(text: str, wrap: tuple[int, int]) -> bool:
    chars, width = wrap
    return chars - 3 <= len(text) <= chars + 3 or width - 5 <= _display_width(text) <= width + 2


def _is_heading_line(paragraph: Paragraph) -> bool:
    """A part heading without a full stop: it may merely fill the wrap width."""
    return part_heading(fold(paragraph.text[:8])) is not None and "。" not in paragraph.text


def merge_broken_lines(lines: list[SourceLine]) -> list[Paragraph]:
    """Join lines that continue a paragraph: a line that stops mid-sentence (ends in ， or 、),
    and, in hard-wrapped text, a full line that does not end a sentence."""
    wrap = _wrap_width(lines)
    paragraphs: list[Paragraph] = []
    previous_line = ""
    for line in lines:
        last = paragraphs[-1] if paragraphs else None
        joins = last is not None and (
            (last.text[-1] in "，、," and len(last.text) >= 30)
            or (
                wrap is not None
                and last.text[-1] not in "。！？；：!?;:"
                and _is_full(previous_line, wrap)
                and (not _is_heading_line(last) or len(line.text) < wrap[0] * 0.6)
            )
        )
        previous_line = line.text
        if (
            joins
            and last is not None
            and part_heading(fold(line.text[:8])) is None
            and _marker_style(fold(line.text[:8])) is None
        ):
            paragraphs[-1] = Paragraph(
                text=last.text + line.text, start=last.start, end=line.number
            )
            continue
        paragraphs.append(Paragraph(text=line.text, start=line.number, end=line.number))
    return paragraphs


def _add_node(
    part: RawPart,
    stack: list[RawNode],
    node: RawNode,
    issues: list[Issue],
) -> bool:
    """Place ``node`` in the tree by its style; ``False`` when it would nest too deep."""
    styles = [entry.style for entry in stack]
    if node.style in styles:
        del stack[styles.index(node.style) :]
    elif len(stack) >= MAX_OUTLINE_DEPTH:
        issues.append(
            Issue(
                code="import.depth",
                message=f"outline deeper than {MAX_OUTLINE_DEPTH} levels: "
                f"{node.marker} kept as text of its parent",
                severity="warning",
                line=node.start,
            )
        )
        return False
    siblings = stack[-1].children if stack else part.children
    if siblings and node.number not in (siblings[-1].number + 1, 1) and node.style != "enum":
        issues.append(
            Issue(
                code="import.numbering",
                message=f"numbering jumps from {siblings[-1].marker} to {node.marker}",
                severity="warning",
                line=node.start,
            )
        )
    siblings.append(node)
    stack.append(node)
    return True


def _extend(stack: list[RawNode], part: RawPart, end: int) -> None:
    for node in stack:
        node.end = max(node.end, end)
    part.end = max(part.end, end)


def _open_node(paragraph: Paragraph, folded: str, marked: tuple[str, int, int]) -> RawNode:
    style, number, length = marked
    text = paragraph.text
    marker = text[:length].strip(" \u3000")
    rest = text[length:].lstrip(" \u3000、.．")  # （一）、加强…: a stray 、 after the marker
    return RawNode(
        marker=marker,
        style=style,
        number=number,
        heading=None,
        paragraphs=[
            Paragraph(text=rest.strip(" \u3000"), start=paragraph.start, end=paragraph.end)
        ],
        start=paragraph.start,
        end=paragraph.end,
    )


def _fill_part(part: RawPart, paragraphs: list[Paragraph], issues: list[Issue]) -> None:
    stack: list[RawNode] = []
    in_causes = False
    for paragraph in paragraphs:
        folded = fold(paragraph.text[:40])
        marked = _marker_style(folded)
        if marked is not None:
            node = _open_node(paragraph, folded, marked)
            if _add_node(part, stack, node, issues):
                in_causes = False
                _extend(stack, part, paragraph.end)
                continue
        if part.kind == "shortcomings" and (in_causes or _CAUSE_LEAD.match(folded)):
            in_causes = True
            part.causes.extend(split_causes(paragraph, lead=True))
            stack.clear()
            part.end = max(part.end, paragraph.end)
            continue
        target = stack[-1].paragraphs if stack else part.paragraphs
        target.append(paragraph)
        _extend(stack, part, paragraph.end)


# --- causes ----------------------------------------------------------------------------------


def _strip_cause_lead(text: str) -> tuple[str, bool]:
    """Drop a lead such as 分析原因，主要有以下几个方面： and say whether it announced a list."""
    folded = fold(text)
    match = _CAUSE_LEAD_FULL.match(folded)
    if match is None:
        return text, False
    lead = folded[: match.end()]
    listing = "主要是" in lead or "主要有" in lead or "在于" in lead
    body = text[match.end() :]
    if not lead.endswith(":") and fold(body).startswith("主要是"):
        body, listing = body[3:], True
    return body, listing


def split_causes(paragraph: Paragraph, *, lead: bool) -> list[RawCause]:
    """Cause statements of one paragraph: by 一是…二是…, else by ；, else the whole."""
    text = paragraph.text
    listing = False
    if lead and not _ENUM_START.match(fold(text[:4])):
        text, listing = _strip_cause_lead(text)
    folded = fold(text)
    segments = enumerate_segments(folded)
    pieces: list[tuple[str | None, str]] = []
    if segments:
        pieces = [(text[m0:m1], text[m1:end]) for m0, m1, end in segments]
    elif _ENUM_START.match(folded):
        opening = _ENUM_START.match(folded)
        assert opening is not None
        pieces = [(text[opening.start(1) : opening.end()], text[opening.end() :])]
    elif ";" in folded.rstrip(";。"):
        pieces = [(None, piece) for piece in _split_keep(text, "；;")]
    elif listing and "，" in text:
        pieces = [(None, piece) for piece in _split_keep(text, "，")]
    else:
        pieces = [(None, text)]
    return [
        RawCause(marker=marker, text=body, start=paragraph.start, end=paragraph.end)
        for marker, body in pieces
        if body.strip(" ，。；;")
    ]


def _split_keep(text: str, separators: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for index, ch in enumerate(text):
        if ch in separators:
            pieces.append(text[start : index + 1])
            start = index + 1
    if text[start:]:
        pieces.append(text[start:])
    return [piece.strip(" \u3000") for piece in pieces]


# --- enumerations 一是……二是…… -----------------------------------------------------------------


def _enum_run(folded_texts: list[str]) -> list[tuple[int, int, int, int]]:
    """The longest run 一、二、三 … of one enumeration style across texts, or ``[]``.

    Entries are ``(text index, marker start, body start, number)``.
    """
    for pattern in (_ENUM, _ENUM_LOOSE):
        runs: dict[str, list[tuple[int, int, int, int]]] = {}
        for index, folded in enumerate(folded_texts):
            if "是" not in folded and "要" not in folded and "第" not in folded:
                continue
            for match in pattern.finditer(folded):
                style = match.group("w") or "第"
                number = cn_number(match.group("n") or match.group("m"))
                run = runs.setdefault(style, [])
                if number == len(run) + 1:
                    start = match.start("n") if match.group("n") else match.start("m") - 1
                    run.append((index, start, match.end(), number))
        best = max(runs.values(), key=len, default=[])
        if len(best) >= 2:
            return best
    return []


def enumerate_segments(folded: str) -> list[tuple[int, int, int]]:
    """``(marker start, body start, body end)`` of a 一是、二是 … run in one text, or ``[]``."""
    run = _enum_run([folded])
    return [
        (start, body, run[position + 1][1] if position + 1 < len(run) else len(folded))
        for position, (_, start, body, _) in enumerate(run)
    ]


def _enum_children(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[RawNode]]:
    """Split 一是…二是… out of paragraphs; returns the remaining paragraphs and the new items."""
    if not any(("是" in p.text or "要" in p.text or "第" in p.text) for p in paragraphs):
        return paragraphs, []
    run = _enum_run([fold(p.text) for p in paragraphs])
    if not run:
        return paragraphs, []
    first_paragraph, first_marker = run[0][0], run[0][1]
    kept = paragraphs[:first_paragraph]
    head = paragraphs[first_paragraph].text[:first_marker].strip(" \u3000")
    if head:
        p = paragraphs[first_paragraph]
        kept.append(Paragraph(text=head, start=p.start, end=p.end))
    nodes: list[RawNode] = []
    for position, (index, marker_at, body_at, number) in enumerate(run):
        paragraph = paragraphs[index]
        following = run[position + 1] if position + 1 < len(run) else None
        if following is not None and following[0] == index:
            body = paragraph.text[body_at : following[1]]
            extra: list[Paragraph] = []
        else:
            body = paragraph.text[body_at:]
            stop = following[0] if following is not None else len(paragraphs)
            extra = paragraphs[index + 1 : stop]
        node = RawNode(
            marker=paragraph.text[marker_at:body_at],
            style="enum",
            number=number,
            heading=None,
            paragraphs=[
                Paragraph(text=body.strip(" \u3000"), start=paragraph.start, end=paragraph.end),
                *extra,
            ],
            start=paragraph.start,
            end=max([paragraph.end, *(p.end for p in extra)]),
        )
        nodes.append(node)
    return kept, nodes


def _expand_enumerations(nodes: list[RawNode], depth: int) -> None:
    """Turn 一是…二是… in an item's own text into its first children, depth permitting."""
    for node in nodes:
        if node.cause_heading:
            continue
        if depth < MAX_OUTLINE_DEPTH and node.style != "enum":
            kept, enum_nodes = _enum_children(node.paragraphs)
            if enum_nodes:
                node.paragraphs = kept
                node.children[:0] = enum_nodes
        _expand_enumerations(node.children, depth + 1)


# --- unnumbered items (paragraphs that open with a short lead sentence) -------------------------


def _lead_sentence(text: str) -> bool:
    cut = text.find("。")
    if cut <= 0 or cut > _LEAD_MAX or cut == len(text) - 1:
        return False
    first = fold(text[:cut])
    if ":" in first or re.match(r"^(?:\d{4}年|一年来|近年来|今年|去年|全年)", first):
        return False
    return not re.search(r"\d", first)


def _unnumbered_items(part: RawPart) -> None:
    if part.children:
        return
    leads = [p for p in part.paragraphs if _lead_sentence(p.text)]
    if len(leads) < 2:
        return
    intro: list[Paragraph] = []
    for paragraph in part.paragraphs:
        if _lead_sentence(paragraph.text):
            part.children.append(
                RawNode(
                    marker=None,
                    style="lead",
                    number=len(part.children) + 1,
                    heading=None,
                    paragraphs=[paragraph],
                    start=paragraph.start,
                    end=paragraph.end,
                )
            )
        elif part.children:
            node = part.children[-1]
            node.paragraphs.append(paragraph)
            node.end = paragraph.end
        else:
            intro.append(paragraph)
    part.paragraphs = intro


# --- causes inside shortcomings ---------------------------------------------------------------


def _causes_in_nodes(part: RawPart, nodes: list[RawNode]) -> None:
    for node in nodes:
        if node.cause_heading:
            _causes_under_heading(part, node)
            continue
        kept: list[Paragraph] = []
        for paragraph in node.paragraphs:
            folded = fold(paragraph.text)
            match = _CAUSE_IN_TEXT.search(folded)
            if match is None or (match.start() == 0 and paragraph is node.paragraphs[0]):
                kept.append(paragraph)
                continue
            before = paragraph.text[: match.start()].strip(" \u3000")
            if before:
                kept.append(Paragraph(text=before, start=paragraph.start, end=paragraph.end))
            part.causes.append(
                RawCause(
                    marker=None,
                    text=paragraph.text[match.start() :],
                    start=paragraph.start,
                    end=paragraph.end,
                    node=node,
                )
            )
        node.paragraphs = kept
        _causes_in_nodes(part, node.children)


def _causes_under_heading(part: RawPart, node: RawNode) -> None:
    """Everything below a heading such as （二）原因分析 is a cause; the heading stays an item."""
    first = node.paragraphs[0] if node.paragraphs else None
    rest = node.paragraphs[1:]
    if first is not None:
        heading, body = split_heading(first.text, more_text=True)
        node.paragraphs = [Paragraph(text=heading or first.text, start=first.start, end=first.end)]
        if heading is not None and body:
            rest = [Paragraph(text=body, start=first.start, end=first.end), *rest]
    for paragraph in rest:
        part.causes.extend(split_causes(paragraph, lead=False))
    for child in node.children:
        text = "".join(p.text for p in child.paragraphs)
        part.causes.append(
            RawCause(marker=child.marker, text=text, start=child.start, end=child.end)
        )
    node.children = []


def _mark_cause_headings(nodes: list[RawNode]) -> None:
    for node in nodes:
        first = node.paragraphs[0].text if node.paragraphs else ""
        heading = fold(first.split("。", 1)[0])
        if len(heading) <= 20 and _CAUSE_HEADING.search(heading) and "不足" not in heading:
            node.cause_heading = True
        _mark_cause_headings(node.children)


def parse_body(parts: list[RawPart], issues: list[Issue]) -> None:
    """Fill each part (whose kind and body paragraphs are known) with its outline."""
    for part in parts:
        body = part.paragraphs
        part.paragraphs = []
        _fill_part(part, body, issues)
        if part.kind == "shortcomings":
            _mark_cause_headings(part.children)
        _unnumbered_items(part)
        if not part.children:
            part.paragraphs, part.children = _enum_children(part.paragraphs)
        _expand_enumerations(part.children, 1)
        if part.kind == "shortcomings":
            _causes_in_nodes(part, part.children)
