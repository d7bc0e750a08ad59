"""The outline of a report body: paragraphs, markers, headings, enumerations, lead sentences.

The light tree of :class:`RawPart` and :class:`RawNode` (paragraphs with line numbers) is
filled by :mod:`rol_model.importer._body` and turned into model objects by
:mod:`rol_model.importer._build`. Numbering styles are not tied to depths: the first style met
below a part heading is depth 1, the next new style depth 2, and so on, so reports that go
一、 → 1、 or 一、 → （一） → （1） all come out right. Every pattern is anchored and bounded.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from rol_model.importer._figures import Figure
from rol_model.importer._source import SourceLine
from rol_model.model import MAX_OUTLINE_DEPTH, PartKind
from rol_model.text import CHINESE_DIGITS, chinese_value, fold

__all__ = [
    "MASKED_NUMBER",
    "Paragraph",
    "RawCause",
    "RawNode",
    "RawPart",
    "cn_number",
    "enum_children",
    "enumerate_segments",
    "expand_enumerations",
    "marker_style",
    "merge_broken_lines",
    "part_heading",
    "split_heading",
    "unnumbered_items",
]


_CN = CHINESE_DIGITS


def cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (numbers used in outline markers); 0 if none."""
    return chinese_value(numeral) or 0


_PART = re.compile(rf"([{_CN}]{{1,3}}) ?[、.](?![{_CN}])")


_PART_SPACE = re.compile(rf"([{_CN}]{{1,3}}) +(?=[^ {_CN}\d])")
_PART_FIRST = frozenset(_CN + "第")
_PART_SECTION = re.compile(rf"第([{_CN}]{{1,3}})部分 ?[、.:]? ?")


_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-paren", re.compile(rf"\( ?([{_CN}]{{1,3}}) ?\)|([{_CN}]{{1,3}})\)|([㈠-㈩])")),
    ("arabic-paren", re.compile(r"\( ?(\d{1,2}) ?\)|(\d{1,2})\)|([⑴-⒇])")),
    ("arabic", re.compile(r"(\d{1,2}) ?[.、](?:(?!\d)|(?=20\d{2} ?年))")),  # not 3.5万; 3.2025年
    ("circled", re.compile(r"([①-⑳])")),
    # 一、 inside a part: items under 第一部分 headings, or a part numbered past its place
    ("cn", re.compile(rf"([{_CN}]{{1,3}})、(?![{_CN}])")),
)


# 一是…二是…, 一要…二要…, 第一，…第二，…; a comma before the marker counts only when no run
# of at least two markers is found with stronger punctuation.
_ENUM_BODY = (
    rf"\s?(?:(?P<n>[{_CN}]{{1,2}})(?P<w>是|要)|第(?P<m>[{_CN}]{{1,2}})(?P<c>[,、])"
    # inline 1、…2、… and (1)…(2)… inside a paragraph (never 1、2月 or 1.5)
    r"|(?P<a>[1-9]\d?)(?P<d>、)(?=[^\d\s])|\((?P<p>[1-9]\d?)\)(?=[^\d\s)])"
    ")"
)


_ENUM = re.compile(rf"(?:^|(?<=[。;:!?])){_ENUM_BODY}")


_ENUM_LOOSE = re.compile(rf"(?:^|(?<=[。;:!?,])){_ENUM_BODY}")


# a later point of a 一是 run whose writer forgot the 。 before it (…重大问题三是健全…): read only
# to continue a run already begun, never to begin one
_ENUM_RUN_ON = re.compile(rf"(?<![第其之{_CN}])(?P<n>[{_CN}]{{1,2}})(?P<w>是)")


_SENTENCE_END = "。!?;；！？"


_LEAD_MAX = 40
_UNNUMBERED_LEAD_MAX = 30  # stricter: without a number, only a short lead makes an item


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
    kind: PartKind = "measures"
    # figures read from a table rather than from the text (an attachment's data table)
    figures: list[Figure] = attrs.Factory(list)


_MARKER_FIRST = frozenset("(㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇0123456789" + _CN) | {
    chr(code) for code in range(ord("①"), ord("⑳") + 1)
}


# the styles as one pattern, tried in the same order (a regex alternation takes the first
# alternative that matches): one match per paragraph instead of one per style
_ANY_STYLE = re.compile(
    "|".join(f"(?P<s{index}>{pattern.pattern})" for index, (_, pattern) in enumerate(_STYLES))
)
_STYLE_GROUPS: dict[str, tuple[str, tuple[int, ...]]] = {}
_first_group = 1
for _index, (_style, _pattern) in enumerate(_STYLES):
    _STYLE_GROUPS[f"s{_index}"] = (
        _style,
        tuple(range(_first_group + 1, _first_group + 1 + _pattern.groups)),
    )
    _first_group += 1 + _pattern.groups


def _marker_number(style: str, numeral: str) -> int:
    if style == "circled":
        return ord(numeral) - ord("①") + 1
    if "⑴" <= numeral <= "⒇":
        return ord(numeral) - ord("⑴") + 1
    if "㈠" <= numeral <= "㈩":
        return ord(numeral) - ord("㈠") + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    return cn_number(numeral)


# *.加强组织领导。: a marker whose digits the publisher masked (as in ****年); its number is
# the one after its elder sibling's (:data:`MASKED_NUMBER` until the item is placed)
_MASKED_MARKER = re.compile(r"\*{1,4} ?[.、](?=[^\d\s*])")
MASKED_NUMBER = -1


def marker_style(folded: str) -> tuple[str, int, int] | None:
    """``(style, number, length of the marker)`` when a paragraph opens with an item marker.

    A marker with masked digits (*.) is read as an Arabic one numbered :data:`MASKED_NUMBER`.
    """
    if folded[:1] == "*":
        masked = _MASKED_MARKER.match(folded)
        return ("arabic", MASKED_NUMBER, masked.end()) if masked is not None else None
    if folded[:1] not in _MARKER_FIRST:
        return None
    match = _ANY_STYLE.match(folded)
    if match is None:
        return None
    style, groups = _STYLE_GROUPS[match.lastgroup or ""]
    numeral = next(match.group(group) for group in groups if match.group(group))
    number = _marker_number(style, numeral)
    if number != 0:
        return style, number, match.end()
    # 0、 or (0): not a marker in this style; the later styles may still read one
    for later, pattern in _STYLES[[name for name, _ in _STYLES].index(style) + 1 :]:
        found = pattern.match(folded)
        if found is None:
            continue
        numeral = next(group for group in found.groups() if group)
        number = _marker_number(later, numeral)
        if number != 0:
            return later, number, found.end()
    return None


def part_heading(folded: str) -> tuple[int, int] | None:
    """``(number, length of the marker)`` when a line opens with a part marker such as 一、.

    第一部分 counts too; a numeral followed by a space (一　工作开展情况) only on a short line
    without 。.
    """
    if folded[:1] not in _PART_FIRST:
        return None  # every part marker opens with a numeral or 第
    match = _PART.match(folded) or _PART_SECTION.match(folded)
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
    if not whole_line:  # 一是加强学习；…: in a run, ； ends a lead clause as 。 does
        semicolon = min((at for at in (rest.find("；"), rest.find(";")) if at != -1), default=-1)
        if semicolon != -1 and (cut == -1 or semicolon < cut):
            cut = semicolon
    if cut == -1:
        return None, rest
    first = rest[:cut]
    remainder = rest[cut + 1 :].strip(" \u3000")
    if not first or len(first) > _LEAD_MAX or "：" in first or ":" in first:
        return None, rest
    if remainder or more_text:
        return first, remainder or None
    return None, rest


# characters drawn one column wide (below the CJK radicals) that are not ASCII: “”—…, rare
_NARROW_NOT_ASCII = re.compile("[\x80-\u2e7f]")


_SENTENCE_MARKS = re.compile("[。，；、,;]")
_CLAUSE_MARKS = re.compile("[。，；：,;:]")  # what a heading line does without (、 it may have)


_NUMBER_END = re.compile(r"[^\d\s　][\d０-９]+[.．]?[\d０-９]*$")
_NUMBER_START = re.compile(r"[\d０-９.．%％]")


def _display_width(text: str) -> int:
    """Columns ``text`` takes: two for each character from U+2E80 on, one for the others.

    Counted without a string a character: the ASCII ones by the encoder dropping the rest, the
    few other narrow ones by a pattern."""
    ascii_count = len(text.encode("ascii", "ignore"))
    return 2 * len(text) - ascii_count - len(_NARROW_NOT_ASCII.findall(text))


def _most_common(values: list[int]) -> tuple[int, int]:
    """``(value, count)`` of the most common value (the first met among equals)."""
    return Counter(values).most_common(1)[0]


def _wrap_width(lines: list[SourceLine]) -> tuple[int, int] | None:
    """``(characters, display width)`` text was hard-wrapped at (text taken from a PDF), if it
    was: most long lines are about as long as the usual line, and most of those stop in the
    middle of a sentence (paragraphs that merely happen to be as long end with 。)."""
    # lines of running text only: headings (no comma or stop), often as long as each other and
    # never ending a sentence, would look like wrapped lines; each with its length and width
    sample = [
        (line.text, len(line.text), _display_width(line.text))
        for line in lines[:2000]
        if len(line.text) >= 15 and _SENTENCE_MARKS.search(line.text)
    ]
    if len(sample) < 5:
        return None
    # the usual line: the most common display width, or, when lines mix half-width digits, the
    # most common length in characters
    width = _most_common([shown for _, _, shown in sample])[0]
    lengths = Counter(length for _, length, shown in sample if shown == width)
    chars = lengths.most_common(1)[0][0]
    common_chars, count = _most_common([length for _, length, _ in sample])
    if count > lengths[chars]:
        chars = common_chars
        width = _most_common([shown for _, length, shown in sample if length == chars])[0]
    full = [text for text, length, shown in sample if _is_full(length, shown, (chars, width))]
    broken = sum(1 for text in full if text[-1] not in "。！？；：!?;:")
    if chars < 15 or broken < len(full) * 0.5:
        return None
    # most long lines are full; or, in a short text with many short paragraphs, at least five
    # long lines (longer than headings) are full and nearly all of them stop mid-sentence
    if len(full) >= len(sample) * 0.5 or (
        chars >= 25
        and len(full) >= 5
        and len(full) >= len(sample) * 0.4
        and broken >= len(full) * 0.8
    ):
        return chars, width
    return None


def _is_full(length: int, shown: int, wrap: tuple[int, int]) -> bool:
    """Whether a line of ``length`` characters and display width ``shown`` fills the wrap."""
    chars, width = wrap
    return chars - 3 <= length <= chars + 3 or width - 5 <= shown <= width + 2


_NOT_NUMBER_CHAR = re.compile(r"[^\d.．]")


def _ends_with_number(pieces: list[str]) -> bool:
    """:data:`_NUMBER_END` on the joined pieces, reading only the last ones: a match lies in the
    trailing run of digits and points and the one character before it."""
    tail: list[str] = []
    for piece in reversed(pieces):
        tail.append(piece)
        if _NOT_NUMBER_CHAR.search(piece):
            break
    text = "".join(reversed(tail))
    run = len(text)
    while run > 0 and not _NOT_NUMBER_CHAR.match(text, run - 1):
        run -= 1
    return _NUMBER_END.search(text, max(run - 1, 0)) is not None


def merge_broken_lines(lines: list[SourceLine]) -> list[Paragraph]:
    """Join lines that continue a paragraph: a line that stops mid-sentence (ends in ， or 、),
    and, in hard-wrapped text, a full line that does not end a sentence."""
    wrap = _wrap_width(lines)
    paragraphs: list[Paragraph] = []
    # the last paragraph as pieces, joined once when the next one opens (joining on every line
    # would copy a long paragraph again for each of its lines), with its length, first eight
    # characters, whether it holds a 。 and whether any clause punctuation
    pieces: list[str] = []
    length, head, stop, marks = 0, "", False, False
    previous_line = ""
    for line in lines:
        ending = pieces[-1][-1] if pieces else ""
        joins = bool(pieces) and (
            (ending in "，、," and length >= 30)
            # a number cut by the line break: 评查合格率98.1 / %, 会前学法1 / 0次
            or (_NUMBER_START.match(line.text) is not None and _ends_with_number(pieces))
            or (
                wrap is not None
                and ending not in "。！？：!?:"
                and _is_full(len(previous_line), _display_width(previous_line), wrap)
                # a part heading without a full stop, or a numbered line without any sentence
                # punctuation (2、……职责情况), is a heading that may merely fill the wrap width
                and (
                    len(line.text) < wrap[0] * 0.6
                    or not (
                        (not stop and part_heading(fold(head)) is not None)
                        or (not marks and marker_style(fold(head)) is not None)
                    )
                )
            )
        )
        previous_line = line.text
        if (
            joins
            and part_heading(fold(line.text[:8])) is None
            and marker_style(fold(line.text[:8])) is None
        ):
            pieces.append(line.text)
            paragraphs[-1].end = line.number
            length += len(line.text)
            if len(head) < 8:
                head = (head + line.text)[:8]
            stop = stop or "。" in line.text
            marks = marks or _CLAUSE_MARKS.search(line.text) is not None
            continue
        if len(pieces) > 1:
            paragraphs[-1].text = "".join(pieces)
        pieces = [line.text]
        length, head, stop = len(line.text), line.text[:8], "。" in line.text
        marks = _CLAUSE_MARKS.search(line.text) is not None
        paragraphs.append(Paragraph(text=line.text, start=line.number, end=line.number))
    if len(pieces) > 1:
        paragraphs[-1].text = "".join(pieces)
    return _split_run_in(paragraphs)


# a paragraph break that a copy turned into a space: ……报告如下: 一、工作状况 (一)强化组织领导
_RUN_IN_MARKER = re.compile(
    rf"(?<=\S) (?=(?:[{_CN}]{{1,3}}、|[(（][{_CN}]{{1,3}}[)）])[^\s\d{_CN}])"
)
_RUN_IN_MIN = 150  # only a line this long can be several paragraphs run together


def _split_run_in(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Split a long line at a space before 一、 or （一） where the text before the space ends a
    sentence (。 ： ；) or is a short marker-led heading: paragraphs a copy ran into one line."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        if len(text) < _RUN_IN_MIN or " " not in text:
            out.append(paragraph)
            continue
        cuts: list[int] = []
        start = 0
        for match in _RUN_IN_MARKER.finditer(text):
            before = text[start : match.start()]
            heading = len(before) <= _LEAD_MAX and (
                part_heading(fold(before[:8])) is not None
                or marker_style(fold(before[:8])) is not None
            )
            if before[-1:] in "。：:；;！!？?" or heading:
                cuts.append(match.start())
                start = match.end()
        if not cuts or not any(part_heading(fold(text[at + 1 : at + 9])) for at in cuts):
            out.append(paragraph)  # no part heading among them: a space inside running text
            continue
        start = 0
        for at in [*cuts, len(text)]:
            piece = text[start:at].strip(" ")
            if piece:
                out.append(Paragraph(text=piece, start=paragraph.start, end=paragraph.end))
            start = at + 1
    return out


def _enum_style(match: re.Match[str]) -> tuple[str, int, int]:
    """``(style, number, marker start)`` of one enumeration marker match."""
    if match.group("a"):
        return "a、", int(match.group("a")), match.start("a")
    if match.group("p"):
        return "(a)", int(match.group("p")), match.start("p") - 1
    if match.group("n"):
        return match.group("w"), cn_number(match.group("n")), match.start("n")
    return "第", cn_number(match.group("m")), match.start("m") - 1


_ENUM_HINTS = "是要第、(（"


def _has_hint(text: str) -> bool:
    """Whether a text holds a character every enumeration marker needs (a substring search
    each: faster than building a set of the text's characters)."""
    return any(ch in text for ch in _ENUM_HINTS)


def _enum_run(
    folded_texts: list[str], first: int = 1, *, single: bool = False
) -> list[tuple[int, int, int, int]]:
    """The longest run 一、二、三 … of one enumeration style across texts, or ``[]``.

    Entries are ``(text index, marker start, body start, number)``. ``first`` is the number the
    run starts at (a paragraph may continue a run begun in the one before it). A run needs two
    markers, except with ``single``: a lone 一是 opening a sentence, or a lone 1、 or (1) right
    after a colon, is a run of one (a text cut after its first point).
    """
    for pattern in (_ENUM, _ENUM_LOOSE):
        runs: dict[str, list[tuple[int, int, int, int]]] = {}
        colon: dict[str, bool] = {}
        for index, folded in enumerate(folded_texts):
            if not _has_hint(folded):
                continue
            for match in pattern.finditer(folded):
                style, number, start = _enum_style(match)
                run = runs.setdefault(style, [])
                if number == len(run) + first:
                    if not run:
                        colon[style] = folded[start - 1 : start] in (":", "：")
                    run.append((index, start, match.end(), number))
        best_style, best = max(runs.items(), key=lambda item: len(item[1]), default=("", []))
        if len(best) >= 2:
            return _run_on(folded_texts, best) if best_style == "是" else best
        if single and len(best) == 1 and (best_style == "是" or colon.get(best_style)):
            return _run_on(folded_texts, best) if best_style == "是" else best
    return []


def _run_on(
    folded_texts: list[str], run: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """Extend a 一是 run, in the text of its last point, with the next points written without
    the 。 before them (…及时解决重大问题三是健全工作机制)."""
    run = list(run)
    index, _, body, number = run[-1]
    text = folded_texts[index]
    extended = True
    while extended:
        extended = False
        for match in _ENUM_RUN_ON.finditer(text, body):
            if cn_number(match.group("n")) == number + 1:
                number += 1
                run.append((index, match.start("n"), match.end(), number))
                body, extended = match.end(), True
                break
    return run


def enumerate_segments(folded: str, first: int = 1) -> list[tuple[int, int, int]]:
    """``(marker start, body start, body end)`` of a 一是、二是 … run in one text, or ``[]``."""
    run = _enum_run([folded], first)
    return [
        (start, body, run[position + 1][1] if position + 1 < len(run) else len(folded))
        for position, (_, start, body, _) in enumerate(run)
    ]


def enum_children(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[RawNode]]:
    """Split 一是…二是… out of paragraphs; returns the remaining paragraphs and the new items."""
    if not any(_has_hint(p.text) for p in paragraphs):
        return paragraphs, []
    run = _enum_run([fold(p.text) for p in paragraphs], single=True)
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


def expand_enumerations(nodes: list[RawNode], depth: int) -> None:
    """Turn 一是…二是… in an item's own text into its first children, depth permitting."""
    for node in nodes:
        if node.cause_heading:
            continue
        if depth < MAX_OUTLINE_DEPTH and node.style != "enum":
            kept, enum_nodes = enum_children(node.paragraphs)
            if enum_nodes:
                node.paragraphs = kept
                node.children[:0] = enum_nodes
        expand_enumerations(node.children, depth + 1)


def _lead_sentence(text: str) -> bool:
    """A paragraph opening with a short sentence like 抓好学法用法，提升干部法治素养。 and more."""
    cut = text.find("。")
    if cut <= 0 or cut > _UNNUMBERED_LEAD_MAX or cut == len(text) - 1:
        return False
    first = fold(text[:cut])
    if ":" in first or re.match(r"^(?:\d{4}年|一年来|近年来|今年|去年|全年)", first):
        return False
    return not re.search(r"\d", first)


def unnumbered_items(part: RawPart) -> None:
    if part.children:
        return
    leads = [p for p in part.paragraphs if _lead_sentence(p.text)]
    # an intro paragraph and then only lead paragraphs (a text cut after its first item, as
    # 司法部党组坚持…… / 深入学习宣传贯彻习近平法治思想。……) are items too
    after_intro = (
        len(part.paragraphs) >= 2
        and not _lead_sentence(part.paragraphs[0].text)
        and len(leads) == len(part.paragraphs) - 1
    )
    if not after_intro and (len(leads) < 2 or len(leads) * 2 <= len(part.paragraphs)):
        return  # narrative paragraphs that merely open with a short sentence are no items
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
