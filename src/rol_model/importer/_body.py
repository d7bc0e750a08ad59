"""Filling each part: items placed by numbering style, causes of shortcomings, enumerations."""

from __future__ import annotations

import re

from rol_model.exceptions import Issue
from rol_model.importer._outline import (
    _CN,
    MASKED_NUMBER,
    Paragraph,
    RawCause,
    RawNode,
    RawPart,
    cn_number,
    enum_children,
    enumerate_segments,
    expand_enumerations,
    marker_style,
    split_heading,
    unnumbered_items,
)
from rol_model.importer._problems import info, warning
from rol_model.model import MAX_OUTLINE_DEPTH
from rol_model.text import fold

__all__ = ["parse_body", "split_causes"]


_CAUSE_LEAD = re.compile(r"^[^。:]{0,16}原因")


# 原因分析, 存在问题的原因 head a list of causes; 存在的问题及原因 heads problems (and causes)
_CAUSE_HEADING = re.compile(r"^(?:主要)?原因|(?:的|之)(?:主要)?原因(?:分析)?$|原因分析$|原因剖析$")


# 主要原因是…, 原因在于…, 究其原因，主要是…, 分析原因：…
_CAUSE_IN_TEXT = re.compile(
    r"(?:^|(?<=[。;,]))(?:究其|分析|追根溯源|深究)?(?:主要|根本|深层次)?原因"
    r"(?:,?(?:主要|还|则)?(?:是|在于|有)|:)"
)
# a sentence about the causes of the problems in general: 产生问题的原因主要有：……
_CAUSE_SENTENCE = re.compile(r"(?<=[。;])[^。;:]{1,12}?原因(?:,?(?:主要|还)?(?:是|在于|有)|:)")


_CAUSE_LEAD_FULL = re.compile(r"^[^。]{0,30}?原因[^。:]{0,16}?(?::|,(?=一是|一方面)|是|在于|,)")


_ENUM_START = re.compile(rf"^\s?([{_CN}]{{1,2}})是")


def _add_node(
    part: RawPart,
    stack: list[RawNode],
    node: RawNode,
    issues: list[Issue],
) -> bool:
    """Place ``node`` in the tree by its style; ``False`` when it would nest too deep."""
    for depth, entry in enumerate(stack):
        if entry.style == node.style:
            del stack[depth:]
            break
    else:
        if len(stack) >= MAX_OUTLINE_DEPTH:
            issues.append(
                warning(
                    "import.depth",
                    f"outline deeper than {MAX_OUTLINE_DEPTH} levels: "
                    f"{node.marker} kept as text of its parent",
                    line=node.start,
                )
            )
            return False
    siblings = stack[-1].children if stack else part.children
    if node.number == MASKED_NUMBER:
        node.number = siblings[-1].number + 1 if siblings else 1
        issues.append(
            warning(
                "import.marker-masked",
                f"marker {node.marker} has its digits masked; read as number {node.number}",
                line=node.start,
            )
        )
    if siblings and node.number not in (siblings[-1].number + 1, 1) and node.style != "enum":
        issues.append(
            warning(
                "import.numbering",
                f"numbering jumps from {siblings[-1].marker} to {node.marker}",
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
    # causes in paragraphs of their own under an item: that item's when another item of its
    # level follows (（一）… 究其原因，… （二）…); after the last item they are general
    owner: RawNode | None = None
    pending: list[RawCause] = []
    for paragraph in paragraphs:
        folded = fold(paragraph.text[:40])
        marked = marker_style(folded)
        if marked is not None:
            node = _open_node(paragraph, folded, marked)
            bracket = fold(node.marker or "") if node.style.endswith("paren") else ""
            if bracket.endswith(")") and bracket[:1] != "(":
                issues.append(
                    info(
                        "import.numbering",
                        f"marker {node.marker} lacks its opening bracket; read as "
                        f"{'（一）' if node.style == 'cn-paren' else '（1）'}",
                        line=paragraph.start,
                    )
                )
            if _add_node(part, stack, node, issues):
                if pending and owner is not None and node.style == owner.style:
                    for cause in pending:
                        cause.node = owner
                pending, owner = [], None
                in_causes = False
                _extend(stack, part, paragraph.end)
                continue
        if part.kind == "shortcomings" and (in_causes or _CAUSE_LEAD.match(folded)):
            if not in_causes:
                owner = stack[-1] if stack and not stack[-1].cause_heading else None
            in_causes = True
            causes = split_causes(paragraph, lead=True)
            pending.extend(causes)
            part.causes.extend(causes)
            stack.clear()
            part.end = max(part.end, paragraph.end)
            continue
        target = stack[-1].paragraphs if stack else part.paragraphs
        target.append(paragraph)
        _extend(stack, part, paragraph.end)


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
    elif lead.endswith(",") and fold(body).startswith(("是", "在于")) and body[:2] != "是否":
        body = body[2:] if fold(body).startswith("在于") else body[1:]  # 究其原因，是……
    return body, listing


def split_causes(paragraph: Paragraph, *, lead: bool) -> list[RawCause]:
    """Cause statements of one paragraph: by 一是…二是…, else by ；, else the whole."""
    text = paragraph.text
    listing = False
    if lead and not _ENUM_START.match(fold(text[:4])):
        text, listing = _strip_cause_lead(text)
    folded = fold(text)
    opening = _ENUM_START.match(folded)
    first = cn_number(opening.group(1)) if opening is not None else 1
    segments = enumerate_segments(folded, first if first > 1 else 1)
    pieces: list[tuple[str | None, str]] = []
    if segments:
        pieces = [(text[m0:m1], text[m1:end]) for m0, m1, end in segments]
    elif opening is not None:
        pieces = [(text[opening.start(1) : opening.end()], text[opening.end() :])]
    elif ";" in folded.rstrip(";。"):
        pieces = [(None, piece) for piece in _split_keep(text, "；;")]
    elif listing and "," in folded:
        pieces = [(None, piece) for piece in _clauses(text)]
    else:
        pieces = [(None, text)]
    if (
        lead
        and len(pieces) == 1
        and pieces[0][0] is None
        and text != paragraph.text
        and text.strip(" \u3000，。；;:：")  # a lead alone (产生上述问题的原因：) is no cause
    ):
        # one cause (究其原因，主要是……重视不够，存在……的现象。): kept whole, lead-in included
        pieces = [(None, paragraph.text)]
    return [
        RawCause(marker=marker, text=body, start=paragraph.start, end=paragraph.end)
        for marker, body in pieces
        if body.strip(" ，。；;")
    ]


# a clause opening with these continues the one before it (……重视不够，存在……的现象): the
# same cause, not a new one
_CONTINUING = (  # noqa: SIM905 - one space-separated string reads better than quoted words
    "存在 导致 造成 致使 使得 使 从而 以致 进而 影响 形成 出现 甚至 特别是 尤其是 以及 并且 并 "
    "且 也 还 而 但 却 仍 又 因而 因此 所以 难以 没有 未能 不能"
).split()


def _clauses(text: str) -> list[str]:
    """Causes listed with commas (主要是A，B，C): one per clause, a clause that continues the
    one before it (存在……, 导致……) joined back to it."""
    pieces: list[str] = []
    for piece in _split_keep(text, "，,"):
        if pieces and fold(piece).startswith(tuple(_CONTINUING)):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


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


def _causes_in_nodes(part: RawPart, nodes: list[RawNode]) -> None:
    for node in nodes:
        if node.cause_heading:
            _causes_under_heading(part, node)
            continue
        kept: list[Paragraph] = []
        for paragraph in node.paragraphs:
            folded = fold(paragraph.text)
            match = _CAUSE_IN_TEXT.search(folded)
            general = None
            if match is None:
                general = match = _CAUSE_SENTENCE.search(folded)
            if match is None or (match.start() == 0 and paragraph is node.paragraphs[0]):
                kept.append(paragraph)
                continue
            before = paragraph.text[: match.start()].strip(" \u3000")
            if before:
                kept.append(Paragraph(text=before, start=paragraph.start, end=paragraph.end))
            # a cause inside one shortcoming's text is that shortcoming's; a general sentence
            # (产生问题的原因…) in the last item, or any after the last 一是…二是… item, sums
            # them all up
            last = node is nodes[-1]
            owner = None if last and (general is not None or node.style == "enum") else node
            cause = Paragraph(
                text=paragraph.text[match.start() :], start=paragraph.start, end=paragraph.end
            )
            listed = split_causes(cause, lead=True)
            if len(listed) < 2:  # one cause (主要原因是……): kept whole, its lead included
                listed = [RawCause(marker=None, text=cause.text, start=cause.start, end=cause.end)]
            for raw in listed:
                raw.node = owner
            part.causes.extend(listed)
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
        if len(heading) <= 20 and _CAUSE_HEADING.search(heading.rstrip(":")):
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
        if not part.children:  # 一是…二是…, in one paragraph or opening several
            part.paragraphs, part.children = enum_children(part.paragraphs)
        unnumbered_items(part)
        expand_enumerations(part.children, 1)
        if part.kind == "shortcomings":
            _causes_in_nodes(part, part.children)
