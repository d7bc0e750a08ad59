"""Text whose line breaks were lost: long lines split again before their outline markers.

A web page copied without its line breaks arrives as one or a few very long lines, each lost
break become a space: ``市人大常委会: 2024年，我市……提供法治保障。 一、2024年度法治政府建设情况
(一)发挥……作用，统筹推进法治政府建设。一是……``. :func:`split_run_on` cuts such lines where a
break was: at a space before a part marker (一、, 第一部分) or an item marker (（一）, 1., 1、 …)
that follows a sentence end or a short heading, after a short heading that opens a piece, and
after an addressee or a title that opens the text, and before a signature that closes a
line. Running text is never cut (一是…二是… has no
space before its points; a marker after a space in mid-sentence follows no sentence end), and a
text keeps its lines unless its long lines hold most of it and at least three such markers.
Pieces keep the number of the source line they come from, so issues still point at it.
"""

from __future__ import annotations

import re

from rol_model.exceptions import Issue
from rol_model.importer._header import _ADDRESSEE, _NOT_ADDRESSEE, _ORG_SUFFIX, _date_of
from rol_model.importer._outline import marker_style, part_heading
from rol_model.importer._problems import info
from rol_model.importer._source import SourceLine
from rol_model.text import fold

__all__ = ["split_run_on"]


_LONG = 300  # characters: longer than nearly every paragraph of a report
_MIN_MARKERS = 3  # outline markers after a sentence end and a space, over the whole text
_HEADING_MAX = 40  # a marker-led piece this short without a full stop is a heading
_HEADING_WORDS_MAX = 30  # a heading cut from the text after it: marker, then at most this
_ENDS = "。；;！!？?：:"  # folded: what ends a sentence (or introduces a list)
_CLOSERS = "”’」』"
_GAP = re.compile("[ \u3000\u00a0]+")
_PUNCTUATION = re.compile("[。，,；;：:！!？?、]")
# a marker of a part: 一、 一. 第一部分 (not 一 followed by a space alone)
_PART_MARK = re.compile(r"[一二三四五六七八九十]{1,3} ?[、.]|第[一二三四五六七八九十]{1,3}部分")
# a title opening the text, a space before the text: ……法治政府建设情况的报告 市人大常委会: ……
# a signature closing the line after a sentence end: 。 某某市人民政府 2025年3月20日
_CLOSING = re.compile(
    r"[ \u3000\u00a0]+(?:(?P<name>[^\s。,;:!?、]{2,40})[ \u3000\u00a0]+)?"
    r"(?P<date>[^\s。,;:!?]{6,16})[ \u3000\u00a0]*$"
)
_TITLE = re.compile(r"^[^。,;:!?\s]{6,60}?(?:报告|总结)(?=[ \u3000\u00a0]+\S)")


def _marker(folded: str) -> int:
    """Length of the part or item marker ``folded`` opens with, or 0."""
    head = folded[:16]
    part = part_heading(head)
    if part is not None and _PART_MARK.match(head):
        return part[1]
    item = marker_style(head)
    return item[2] if item is not None else 0


def _is_heading(folded: str) -> bool:
    """A short marker-led piece without a full stop (一、2024年度法治政府建设情况)."""
    return len(folded) <= _HEADING_MAX and "。" not in folded and _marker(folded) > 0


def _ends_sentence(folded: str, end: int, start: int) -> bool:
    """Whether ``folded[start:end]`` ends a sentence, closing quotes aside (read backwards: a
    long line has many spaces, and the text between two of them is not copied)."""
    at = end - 1
    while at >= start and folded[at] in _CLOSERS:
        at -= 1
    return at >= start and folded[at] in _ENDS


def _marker_cuts(folded: str) -> list[tuple[int, int]]:
    """``(gap start, gap end)`` of each space before a marker that follows a sentence end or a
    short marker-led heading."""
    cuts: list[tuple[int, int]] = []
    start = 0
    for gap in _GAP.finditer(folded):
        if _marker(folded[gap.end() : gap.end() + 16]) == 0:
            continue
        if _ends_sentence(folded, gap.start(), start) or (
            gap.start() - start <= _HEADING_MAX and _is_heading(folded[start : gap.start()])
        ):
            cuts.append((gap.start(), gap.end()))
            start = gap.end()
    return cuts


def _heading_cut(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The space after a short heading that opens the piece ``folded[start:end]`` and runs on
    into its text (二、存在的不足 2024年，我市……), or ``None``."""
    marker = _marker(folded[start : min(start + 16, end)])
    if marker == 0:
        return None
    words = start + marker
    while words < end and folded[words] in " \u3000\u00a0":
        words += 1
    gap = _GAP.search(folded, words, end)
    if gap is None or gap.end() >= end:
        return None
    heading = folded[words : gap.start()]
    if len(heading) < 2 or len(heading) > _HEADING_WORDS_MAX or _PUNCTUATION.search(heading):
        return None
    return gap.start(), gap.end()


def _opening_cuts(folded: str, first: bool) -> list[tuple[int, int]]:
    """The space after a title opening the text's first line, and the space after an addressee
    (市人大常委会:) opening the line or following that title."""
    cuts: list[tuple[int, int]] = []
    start = 0
    title = _TITLE.match(folded) if first else None
    if title is not None and "法治" in title.group(0):
        gap = _GAP.match(folded, title.end())
        assert gap is not None
        cuts.append((gap.start(), gap.end()))
        start = gap.end()
    colon = min(
        (at for at in (folded.find(":", start), folded.find("：", start)) if at != -1), default=-1
    )
    if start < colon <= start + 31 and folded[colon + 1 : colon + 2] in (" ", "\u3000", "\u00a0"):
        name = folded[start : colon + 1].replace(" ", "")
        if _ADDRESSEE.match(name) and not _NOT_ADDRESSEE.search(name):
            gap = _GAP.match(folded, colon + 1)
            assert gap is not None
            cuts.append((gap.start(), gap.end()))
    return cuts


def _closing_cuts(folded: str) -> list[tuple[int, int]]:
    """The spaces before a signature (a body's name and a date, or a date) that closes the line
    after a sentence end."""
    tail = max(0, len(folded) - 80)
    match = _CLOSING.search(folded, tail)
    if (
        match is None
        or not _ends_sentence(folded, match.start(), tail)
        or _date_of(match.group("date"), brackets=False) is None
    ):
        return []
    name = match.group("name")
    if name is None:
        return [(match.start(), match.start("date"))]
    if not _ORG_SUFFIX.search(name):
        return []
    return [(match.start(), match.start("name")), (match.end("name"), match.start("date"))]


def _pieces(
    line: SourceLine, folded: str, cuts: list[tuple[int, int]], first: bool
) -> list[SourceLine]:
    """The line (``folded``: its folded text) cut at its marker cuts, its opening cut and its
    heading cuts."""
    every = list(cuts)
    every += [cut for cut in _opening_cuts(folded, first) if not cuts or cut[1] <= cuts[0][0]]
    every += [cut for cut in _closing_cuts(folded) if not cuts or cut[0] >= cuts[-1][1]]
    starts = sorted([0, *(end for _, end in every)])
    ends = sorted([*(gap for gap, _ in every), len(folded)])
    for start, end in zip(starts, ends, strict=True):
        heading = _heading_cut(folded, start, end)
        if heading is not None:
            every.append(heading)
    every.sort()
    pieces: list[SourceLine] = []
    start = 0
    for gap_start, gap_end in [*every, (len(folded), len(folded))]:
        text = line.text[start:gap_start].strip(" \u3000\u00a0")
        if text:
            pieces.append(SourceLine(number=line.number, text=text))
        start = gap_end
    return pieces


def _folded_cuts(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` folded, and its marker cuts."""
    folded = fold(text)
    return folded, _marker_cuts(folded)


def _has_gap(text: str) -> bool:
    return " " in text or "\u3000" in text or "\u00a0" in text


def split_run_on(lines: list[SourceLine], issues: list[Issue]) -> list[SourceLine]:
    """Split the lines of a text that lost its line breaks before their outline markers.

    The text lost them when its lines of at least 300 characters hold at least half of its
    characters and, together, at least three spaces that follow a sentence end (。；：！？) or a
    short marker-led heading and come before a part marker (一、, 第一部分) or an item marker
    ((一), 1., 1、 …); a text with its line breaks is left alone. Then every line longer than a
    heading is cut at those spaces, a short heading that opens a piece is cut from the text
    after it, and an addressee (市人大常委会:) or a title opening a line from the text after the
    space, and a signature (a body's name and a date) closing a line after a sentence end from
    the text before it. Each line split gets an ``import.line-breaks`` info; its pieces keep
    its number.
    """
    long_lines = [
        i for i, line in enumerate(lines) if len(line.text) >= _LONG and _has_gap(line.text)
    ]
    if sum(len(lines[i].text) for i in long_lines) * 2 < sum(len(line.text) for line in lines):
        return lines
    # each long line folded and its marker cuts found once, for the test and for the split
    found = {i: _folded_cuts(lines[i].text) for i in long_lines}
    if sum(len(cuts) for _, cuts in found.values()) < _MIN_MARKERS:
        return lines
    out: list[SourceLine] = []
    for index, line in enumerate(lines):
        if len(line.text) <= _HEADING_MAX or not _has_gap(line.text):
            out.append(line)
            continue
        folded, cuts = found[index] if index in found else _folded_cuts(line.text)
        pieces = _pieces(line, folded, cuts, first=index == 0)
        if len(pieces) == 1:
            out.append(line)
            continue
        issues.append(
            info(
                "import.line-breaks",
                f"the text had lost its line breaks: a line of {len(line.text)} characters was "
                f"split into {len(pieces)} before its outline markers (each after a sentence end "
                "and a space), as if the breaks were there",
                line=line.number,
            )
        )
        out.extend(pieces)
    return out
