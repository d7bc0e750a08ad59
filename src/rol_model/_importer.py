"""Import a published report (plain text, or Word through ``import_docx``) into a :class:`Report`.

:func:`import_text` takes the text of a report as published and returns an
:class:`ImportResult`: the report, schema-valid, and the warnings about what was uncertain or
skipped, each with its line number. :func:`import_file` reads a file first, detecting its
encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK) and recording it in
``report.source.encoding``. See ``docs/import.md`` for what is recognised.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Union

import attrs

from rol_model._importer_outline import (
    Paragraph,
    RawCause,
    RawNode,
    RawPart,
    merge_broken_lines,
    parse_body,
    part_heading,
    split_heading,
)
from rol_model._importer_source import SourceLine, decode_bytes, fold, split_lines
from rol_model._indicators import find_figures, find_references
from rol_model._issue import Issue
from rol_model._model import (
    Cause,
    Indicator,
    Item,
    LeadershipPart,
    LineRange,
    Measure,
    MeasuresPart,
    Organization,
    OrganizationKind,
    OrganizationLevel,
    OtherPart,
    Part,
    PartKind,
    Plan,
    PlansPart,
    Preamble,
    Report,
    Shortcoming,
    ShortcomingsPart,
    Source,
    iter_nodes,
)
from rol_model.exceptions import InvalidReportError, ReadError

__all__ = ["MAX_IMPORT_BYTES", "ImportResult", "import_file", "import_text"]

#: Largest file :func:`import_file` reads (reports are tens of kilobytes; this is generous).
MAX_IMPORT_BYTES = 16 * 1024 * 1024

PathLike = Union[str, "os.PathLike[str]"]


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import produced: the report, and warnings about what was uncertain or skipped.

    Each warning is an :class:`~rol_model.Issue` with a stable ``code`` (``import.residue``,
    ``import.part-unrecognised``, ``import.numbering`` …), a ``severity`` (``info`` for residue
    that was dropped, ``warning`` for guesses a reviewer should check) and the ``line`` of the
    source it is about.
    """

    report: Report
    warnings: tuple[Issue, ...] = ()


# --- header and footer -------------------------------------------------------------------------

_TITLE_WORDS = re.compile(r"报告|总结|汇报|报$")
# a title line that starts like this lacks its organisation, which is on the line before
_TITLE_CONTINUES = re.compile(
    r"^(?:20\d{2} ?年|[二〇零○]{2}[一二三四五六七八九〇零○]{2}年|关于|年度|建设|法治|政府)"
)
_YEAR = re.compile(r"(20\d{2}) ?年")
_REGION_ONLY = re.compile(r"(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区|镇|乡|街道)$")
_CN_YEAR = re.compile(r"([二][〇零○][一二三四五六七八九〇零○]{2})年")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_DATE_LINE = re.compile(r"^(20\d{2}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日$")
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|更新时间)\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_ORG_SUFFIX = re.compile(
    r"(?:人民政府|政府|委员会|办公室|办公厅|管理局|局|厅|委|办|署|中心|镇|乡|街道办事处|街道|院)$"
)
_END_PUNCT = "。:;,!?"


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _is_title_like(line: SourceLine, limit: int = 80) -> bool:
    folded = fold(line.text)
    return (
        len(folded) <= limit
        and folded[-1] not in _END_PUNCT
        and part_heading(folded) is None
        and not _DATE_LINE.match(folded)
    )


def _find_title(lines: list[SourceLine], issues: list[Issue]) -> tuple[str | None, int]:
    """The title (joined when split over two lines) and the index of the first body line."""
    found = None
    candidates: list[int] = []
    for index, line in enumerate(lines[:10]):
        folded = fold(line.text)
        if part_heading(folded) is not None or len(folded) > 80:
            break
        if _TITLE_WORDS.search(folded) and _is_title_like(line):
            candidates.append(index)
    # a title names the subject (法治…); a page's section name such as 工作报告 does not
    named = [index for index in candidates if "法治" in fold(lines[index].text)]
    if named or candidates:
        found = (named or candidates)[0]
    if found is None:
        if lines and _is_title_like(lines[0], limit=60):
            found = 0
        else:
            return None, 0
    first = found
    title = lines[found].text
    if (
        found >= 1
        and _is_title_like(lines[found - 1], limit=40)
        and _TITLE_CONTINUES.match(fold(title))
    ):
        before = lines[found - 1].text
        if not _TITLE_WORDS.search(fold(before)):
            title = before + title
            first = found - 1
    elif found + 1 < len(lines) and not _TITLE_WORDS.search(fold(title)):
        after = lines[found + 1]
        if _is_title_like(after, limit=30) and _TITLE_WORDS.search(fold(after.text)):
            title += after.text
            found += 1
    for skipped in lines[:first]:
        issues.append(
            Issue(
                code="import.residue",
                message=f"skipped text above the title: {skipped.text[:40]}",
                severity="warning",
                line=skipped.number,
            )
        )
    body = found + 1
    while body < len(lines) and lines[body].text.replace(" ", "") in (
        title.replace(" ", ""),
        lines[found].text.replace(" ", ""),
    ):
        issues.append(
            Issue(
                code="import.residue",
                message="skipped a repeated title",
                severity="info",
                line=lines[body].number,
            )
        )
        body += 1
    return title.strip() or None, body


def _signature(lines: list[SourceLine]) -> tuple[str | None, dt.date | None, int]:
    """An organisation name and date signed at the end; returns how many lines they take."""
    if not lines:
        return None, None, 0
    date_match = _DATE_LINE.match(fold(lines[-1].text).replace(" ", ""))
    if date_match is None:
        return None, None, 0
    issued = _date(*date_match.groups())
    if len(lines) >= 2:
        name = lines[-2].text.strip()
        if len(name) <= 40 and _ORG_SUFFIX.search(fold(name)) and fold(name)[-1] not in _END_PUNCT:
            return name, issued, 2
    return None, issued, 1


def _organization_from_title(title: str) -> str | None:
    folded = fold(title)
    lead = re.match(r"^(?:20\d{2}|[二〇零一三四五六七八九]{4}) ?年度?", folded)
    if lead is not None:  # 2023年度某某局法治政府建设情况报告
        return _organization_from_title(title[lead.end() :])
    cut = len(folded)
    for pattern in (_YEAR, _CN_YEAR, re.compile("关于"), re.compile("法治政府|法治建设")):
        match = pattern.search(folded)
        if match is not None:
            cut = min(cut, match.start())
    name = title[:cut].strip(" ：:")
    return name or None


_PREAMBLE_SUBJECT = re.compile(
    r"^(?:20\d{2} ?年(?:度|以来)?|一年来|今年以来)[,，]?(?:在[^,，。]{2,40}?下[,，])?"
    r"([^,，。在以]{2,30}?(?:人民政府|管理局|委员会|办公室|局|厅|委|中心|镇|乡|街道办事处))"
)


def _organization_from_preamble(text: str) -> str | None:
    """The subject of an opening such as 2023年，某某局坚持……, when the title names no body."""
    match = _PREAMBLE_SUBJECT.match(fold(text))
    return text[match.start(1) : match.end(1)] if match is not None else None


def _organization(name: str) -> Organization:
    folded = fold(name)
    kind: OrganizationKind | None = None
    if folded.endswith("政府"):
        kind = "government"
    elif re.search(r"(?:局|厅|委员会|委|办公室|办|署|中心)$", folded):
        kind = "department"
    level: OrganizationLevel | None = None
    if re.search(r"镇|乡|街道", folded):
        level = "township"
    elif re.search(r"县|旗|区(?!域)", folded):
        level = "county"
    elif re.search(r"州|盟", folded):
        level = "prefectural"
    elif re.search(r"省|自治区", folded):
        level = "provincial"
    elif folded.startswith(("国务院", "国家", "中华人民共和国")):
        level = "national"
    return Organization(name=name, level=level, kind=kind)


# --- parts -------------------------------------------------------------------------------------

_LEADERSHIP = re.compile(r"第一责任人|主要负责人|负责同志|履行.{0,12}职责|述法")
_OTHER = re.compile(r"其他|其它")
_PLANS_STRONG = re.compile(r"下一步|下步|下一年|明年|来年|打算|展望|努力方向|今后")
_SHORTCOMINGS = re.compile(r"不足|问题|短板|差距|原因|薄弱|困难|挑战")
_PLANS = re.compile(r"安排|计划|思路|工作要点|重点工作|目标|任务")
_MEASURES = re.compile(r"举措|成效|措施|情况|主要工作|做法|成绩|进展|成果|亮点|经验|开展|总结|回顾")


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
    if short is not None and (plans_at == -1 or short.start() < plans_at):
        return "shortcomings", True  # also a combined part such as 存在的问题和下一步打算
    if plans_at != -1:
        return "plans", True
    if (
        _PLANS.search(folded)
        and not (year is not None and year in [y for _, y in years])
        and not re.search(r"完成|举措|成效", folded)
    ):
        return "plans", True
    return "measures", bool(_MEASURES.search(folded))


def _split_parts(
    paragraphs: list[Paragraph], year: int | None, issues: list[Issue]
) -> tuple[list[Paragraph], list[RawPart]]:
    preamble: list[Paragraph] = []
    parts: list[RawPart] = []
    for paragraph in paragraphs:
        found = part_heading(fold(paragraph.text[:12]))
        expected = len(parts) + 1
        if found is not None and found[0] in (expected, expected + 1):
            number, length = found
            if number != expected:
                issues.append(
                    Issue(
                        code="import.numbering",
                        message=f"part numbering skips to {paragraph.text[:length]}",
                        severity="warning",
                        line=paragraph.start,
                    )
                )
            heading, body = split_heading(paragraph.text[length:], more_text=True)
            kind, known = classify_part(heading or body or "", year)
            if not known:
                issues.append(
                    Issue(
                        code="import.part-unrecognised",
                        message=f"part heading not recognised, taken as {kind}: "
                        f"{(heading or '')[:40]}",
                        severity="warning",
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
        re.compile(r"下一步|下步|下一年|明年|打算|主要安排|工作思路|工作计划|工作重点|努力方向"),
    ),
    ("shortcomings", re.compile(r"存在.{0,4}(?:问题|不足|困难|短板)|不足|问题[和及与]原因")),
    (
        "measures",
        re.compile(
            r"主要举措|举措和成效|主要做法|主要工作|工作开展情况|开展情况|主要成效|工作成效"
        ),
    ),
)


def _strong_heading(paragraph: Paragraph) -> tuple[str | None, str, PartKind] | None:
    """``(marker, heading, kind)`` for an unnumbered or （一） line that names a part."""
    text = paragraph.text
    folded = fold(text[:50])
    marker = None
    match = re.match(r"^\( ?[一二三四五六七八九十]{1,2} ?\)|^[一二三四五六七八九十]{1,2}\)", folded)
    if match is not None:
        marker, text, folded = text[: match.end()], text[match.end() :], folded[match.end() :]
    heading = text.strip(" \u3000").rstrip("：:")
    if not heading or len(heading) > 40 or heading[-1] in "。；;！？，,":
        return None
    for kind, pattern in _STRONG_WORDING:
        if pattern.search(fold(heading)):
            return marker, heading, kind
    return None


def _fallback_parts(
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
            Issue(
                code="import.part-unnumbered",
                message=f"no 一、 part headings: took this line as the {kind} part",
                severity="warning",
                line=paragraph.start,
            )
        )
    return preamble, parts


def _split_combined_parts(parts: list[RawPart], issues: list[Issue]) -> list[RawPart]:
    """Split a part headed 存在的问题及下一步打算 at its sub-heading that names the plans.

    Only a part whose own heading names two kinds is split, so a leadership item folded into the
    measures (（一）落实第一责任人职责) stays where the report put it.
    """
    out: list[RawPart] = []
    for part in parts:
        heading = fold(part.heading or "")
        combined = part.kind == "shortcomings" and _PLANS_STRONG.search(heading)
        if not combined:
            out.append(part)
            continue
        split_at = None
        for index, paragraph in enumerate(part.paragraphs):
            strong = _strong_heading(paragraph)
            if strong is not None and strong[0] is not None and strong[2] == "plans":
                split_at = index
                break
        if split_at is None:
            out.append(part)
            continue
        marker, sub_heading, _ = _strong_heading(part.paragraphs[split_at]) or (None, None, None)
        rest = part.paragraphs[split_at + 1 :]
        start = part.paragraphs[split_at].start
        plans = RawPart(
            marker=marker,
            heading=sub_heading,
            start=start,
            end=max([start, *(p.end for p in rest)]),
            paragraphs=list(rest),
            kind="plans",
        )
        part.paragraphs = part.paragraphs[:split_at]
        part.end = max([part.start, *(p.end for p in part.paragraphs)])
        issues.append(
            Issue(
                code="import.part-split",
                message=f"the part {part.heading} holds the plans too: {sub_heading} is a "
                "plans part of its own",
                severity="warning",
                line=start,
            )
        )
        out.extend((part, plans))
    return out


# --- building the model ------------------------------------------------------------------------

_NODE_CLASS: dict[str, Callable[..., Any]] = {
    "measures": Measure,
    "shortcomings": Shortcoming,
    "plans": Plan,
    "leadership": Item,
    "other": Item,
}
_ID_PREFIX = {"measures": "m", "shortcomings": "s", "plans": "p", "leadership": "l", "other": "o"}


def _indicators(owner: str, *texts: str | None) -> tuple[Indicator, ...]:
    found = [figure for text in texts if text for figure in find_figures(text)]
    return tuple(
        Indicator(
            id=f"{owner}-i{index}",
            label=figure.label,
            value=figure.value,
            unit=figure.unit,
            source=figure.source,
            qualifier=figure.qualifier,
        )
        for index, figure in enumerate(found, start=1)
    )


def _references(*texts: str | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in texts:
        if text and "《" in text:
            for title in find_references(text):
                seen.setdefault(title, None)
    return tuple(seen)


def _node_heading_text(node: RawNode) -> tuple[str | None, str | None]:
    paragraphs = [p for p in node.paragraphs if p.text]
    if not paragraphs:
        return None, None
    more = len(paragraphs) > 1 or bool(node.children)
    heading, body = split_heading(
        paragraphs[0].text, more_text=more, whole_line=node.style != "enum"
    )
    if node.cause_heading:
        return heading or paragraphs[0].text, None
    texts = ([body] if body else []) + [p.text for p in paragraphs[1:]]
    return heading, "\n".join(texts) or None


@attrs.define
class _Builder:
    counters: dict[str, int] = attrs.Factory(dict)
    ids: dict[int, str] = attrs.Factory(dict)

    def node(self, raw: RawNode, kind: str, node_id: str) -> Any:
        self.ids[id(raw)] = node_id
        heading, text = _node_heading_text(raw)
        children = tuple(
            self.node(child, kind, f"{node_id}.{index}")
            for index, child in enumerate(raw.children, start=1)
        )
        fields: dict[str, Any] = {
            "id": node_id,
            "marker": raw.marker or None,
            "heading": heading or None,
            "text": text or None,
            "indicators": _indicators(node_id, heading, text),
            "references": _references(heading, text),
            "lines": LineRange(start=raw.start, end=raw.end),
        }
        if kind == "shortcomings" or children:
            fields["children"] = children
        else:
            fields["children"] = ()
        return _NODE_CLASS[kind](**fields)

    def top_nodes(self, raw_part: RawPart) -> tuple[Any, ...]:
        prefix = _ID_PREFIX[raw_part.kind]
        nodes = []
        for raw in raw_part.children:
            self.counters[prefix] = self.counters.get(prefix, 0) + 1
            nodes.append(self.node(raw, raw_part.kind, f"{prefix}{self.counters[prefix]}"))
        return tuple(nodes)

    def cause(self, raw: RawCause) -> Cause:
        self.counters["c"] = self.counters.get("c", 0) + 1
        cause_id = f"c{self.counters['c']}"
        linked = self.ids.get(id(raw.node)) if raw.node is not None else None
        return Cause(
            id=cause_id,
            text=raw.text,
            marker=raw.marker,
            shortcoming_ids=(linked,) if linked else (),
            indicators=_indicators(cause_id, raw.text),
            references=_references(raw.text),
            lines=LineRange(start=raw.start, end=raw.end),
        )

    def part(self, raw: RawPart, index: int) -> Part:
        text = "\n".join(p.text for p in raw.paragraphs if p.text) or None
        common: dict[str, Any] = {
            "marker": raw.marker or None,
            "heading": raw.heading or None,
            "text": text,
            "indicators": _indicators(f"part{index}", text),
            "references": _references(raw.heading, text),
            "lines": LineRange(start=raw.start, end=raw.end),
        }
        nodes = self.top_nodes(raw)
        if raw.kind == "measures":
            return MeasuresPart(measures=nodes, **common)
        if raw.kind == "shortcomings":
            causes = tuple(self.cause(cause) for cause in raw.causes)
            return ShortcomingsPart(shortcomings=nodes, causes=causes, **common)
        if raw.kind == "plans":
            return PlansPart(plans=nodes, **common)
        if raw.kind == "leadership":
            return LeadershipPart(items=nodes, **common)
        return OtherPart(items=nodes, **common)


_REMEDIES = re.compile(r"^针对(.{2,40}?)(?:等)?(?:的)?(?:问题|不足|短板|情况)")


def _shortcoming_texts(parts: tuple[Part, ...]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def walk(nodes: tuple[Shortcoming, ...]) -> None:
        for node in nodes:
            own = fold(node.heading or (node.text or "")[:60])
            found.append((node.id, own))
            walk(node.children)

    for part in parts:
        if isinstance(part, ShortcomingsPart):
            walk(part.shortcomings)
    return found


def _remedied(plan: Plan, shortcomings: list[tuple[str, str]]) -> tuple[str, ...]:
    """The shortcoming a plan says it addresses (针对……的问题), when exactly one matches."""
    match = _REMEDIES.match(fold(plan.heading or plan.text or ""))
    if match is None:
        return ()
    named = match.group(1)
    hits = [sid for sid, own in shortcomings if own and (named in own or own in named)]
    if not hits:  # the plan may shorten the wording: compare the first characters
        hits = [sid for sid, own in shortcomings if own[:6] and own[:6] == named[:6]]
    return tuple(hits) if len(hits) == 1 else ()


def _link_plans(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Fill ``Plan.shortcoming_ids`` from plans worded 针对……的问题."""
    shortcomings = _shortcoming_texts(parts)
    if not shortcomings:
        return parts

    def link(plan: Plan) -> Plan:
        children = tuple(link(child) for child in plan.children)
        ids = plan.shortcoming_ids or _remedied(plan, shortcomings)
        return attrs.evolve(plan, shortcoming_ids=ids, children=children)

    return tuple(
        attrs.evolve(part, plans=tuple(link(plan) for plan in part.plans))
        if isinstance(part, PlansPart)
        else part
        for part in parts
    )


def _preamble(paragraphs: list[Paragraph]) -> Preamble | None:
    text = "\n".join(p.text for p in paragraphs)
    if not text:
        return None
    return Preamble(
        text=text,
        indicators=_indicators("pre", text),
        references=_references(text),
        lines=LineRange(start=paragraphs[0].start, end=paragraphs[-1].end),
    )


def _published_on(chrome: list[SourceLine]) -> dt.date | None:
    for line in chrome:
        match = _PUBLISHED.search(fold(line.text))
        if match is not None:
            return _date(*match.groups())
    return None


def _reported_year(title: str | None, preamble: list[Paragraph]) -> int | None:
    for text in [title or "", *(p.text for p in preamble[:3])]:
        folded = fold(text)
        match = _YEAR.search(folded)
        chinese = _CN_YEAR.search(folded)
        if chinese is not None and (match is None or chinese.start() < match.start()):
            return int(chinese.group(1).translate(_CN_YEAR_DIGITS))  # 二〇二三年
        if match is not None:
            return int(match.group(1))
    return None


# The schema bounds that imported text can break (everything else the importer builds is valid by
# construction); checked directly, since full JSON Schema validation of a large report is slow.
_TEXT_LIMIT = 100_000
_HEADING_LIMIT = 1000
_ARRAY_LIMIT = 10_000


def _limit_issues(report: Report) -> list[Issue]:
    issues: list[Issue] = []

    def check(pointer: str, value: str | None, limit: int, line: int | None) -> None:
        if value is not None and len(value) > limit:
            issues.append(
                Issue(
                    code="import.too-long",
                    message=f"{len(value)} characters, more than the {limit} a report allows",
                    pointer=pointer,
                    line=line,
                )
            )

    if report.preamble is not None:
        line = report.preamble.lines.start if report.preamble.lines else None
        check("/preamble/text", report.preamble.text, _TEXT_LIMIT, line)
    if len(report.parts) > _ARRAY_LIMIT:
        issues.append(Issue(code="import.too-many", message="too many parts", pointer="/parts"))
    for index, part in enumerate(report.parts):
        line = part.lines.start if part.lines else None
        check(f"/parts/{index}/heading", part.heading, _HEADING_LIMIT, line)
        check(f"/parts/{index}/text", part.text, _TEXT_LIMIT, line)
    for pointer, node in iter_nodes(report):
        line = node.lines.start if node.lines else None
        check(f"{pointer}/text", node.text, _TEXT_LIMIT, line)
        if not isinstance(node, Cause):
            check(f"{pointer}/heading", node.heading, _HEADING_LIMIT, line)
            if len(node.children) > _ARRAY_LIMIT:
                issues.append(
                    Issue(code="import.too-many", message="too many items", pointer=pointer)
                )
    for index, part in enumerate(report.parts):
        for field in ("measures", "shortcomings", "causes", "plans", "items"):
            if len(getattr(part, field, ())) > _ARRAY_LIMIT:
                issues.append(
                    Issue(
                        code="import.too-many",
                        message=f"more than {_ARRAY_LIMIT} items in one part",
                        pointer=f"/parts/{index}/{field}",
                    )
                )
    return issues


def _validated(report: Report) -> Report:
    issues = _limit_issues(report)
    if issues:
        raise InvalidReportError(issues, source="import")
    return report


def _import(
    text: str,
    *,
    organization: str | None,
    year: int | None,
    source: Source | None,
) -> ImportResult:
    lines, chrome, issues = split_lines(text)
    if not lines:
        raise InvalidReportError(
            [Issue(code="import.empty", message="the text holds no report content")]
        )
    title, body_start = _find_title(lines, issues)
    body = lines[body_start:]
    signed_by, issued_on, signature_lines = _signature(body)
    if signature_lines:
        body = body[: len(body) - signature_lines]
    paragraphs = merge_broken_lines(body)
    early_year = year if year is not None else _reported_year(title, paragraphs[:3])
    preamble_paragraphs, raw_parts = _split_parts(paragraphs, early_year, issues)
    if not raw_parts:
        fallback = _fallback_parts(paragraphs, issues)
        if fallback is not None:
            preamble_paragraphs, raw_parts = fallback
    if not raw_parts:
        issues.append(
            Issue(
                code="import.no-parts",
                message="no part headings (一、 二、 …) found; the text is kept as the preamble",
                severity="warning",
                line=paragraphs[0].start if paragraphs else None,
            )
        )
    raw_parts = _split_combined_parts(raw_parts, issues)
    parse_body(raw_parts, issues)
    report_year = early_year
    name = organization or signed_by or (_organization_from_title(title) if title else None)
    if not name and preamble_paragraphs:
        name = _organization_from_preamble(preamble_paragraphs[0].text)
        if name:
            issues.append(
                Issue(
                    code="import.organization-guessed",
                    message=f"no organization in the title; taken from the preamble: {name}",
                    severity="warning",
                    line=preamble_paragraphs[0].start,
                )
            )
    if name and not organization and not signed_by and _REGION_ONLY.search(fold(name)):
        # a report titled by its region (某某区2023年…) is that region's people's government's
        name += "办事处" if name.endswith("街道") else "人民政府"
        issues.append(
            Issue(
                code="import.organization-guessed",
                message=f"the title names a region; organization taken as {name}",
                severity="info",
                line=lines[0].number,
            )
        )
    missing = []
    if report_year is None:
        missing.append(
            Issue(code="import.year-missing", message="no reported year found; pass year=")
        )
    if not name:
        missing.append(
            Issue(
                code="import.organization-missing",
                message="no reporting organization found; pass organization=",
            )
        )
    if missing:
        raise InvalidReportError(missing)
    assert report_year is not None
    assert name is not None
    if title is None:
        title = f"{name}{report_year}年度法治政府建设情况报告"
        issues.append(
            Issue(
                code="import.title-missing",
                message=f"no title line found; using {title}",
                severity="warning",
                line=lines[0].number,
            )
        )
    builder = _Builder()
    parts = _link_plans(
        tuple(builder.part(raw, index) for index, raw in enumerate(raw_parts, start=1))
    )
    report = Report(
        title=title,
        organization=_organization(name),
        year=report_year,
        issued_on=issued_on,
        published_on=_published_on(chrome),
        source=source,
        preamble=_preamble(preamble_paragraphs),
        parts=parts,
    )
    issues.sort(key=lambda issue: issue.line or 0)
    return ImportResult(report=_validated(report), warnings=tuple(issues))


def import_text(
    text: str, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import the text of a published report.

    ``organization`` and ``year`` override what the importer reads from the title. Raises
    :class:`~rol_model.InvalidReportError` when no report can be made of the text (no year or
    organization found, a paragraph longer than the schema allows); everything merely uncertain
    is reported in :attr:`ImportResult.warnings` instead.
    """
    return _import(text, organization=organization, year=year, source=None)


def import_file(
    path: PathLike, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import a report from a text file, detecting its encoding (see :func:`import_text`).

    The encoding used is recorded in ``report.source.encoding`` and the file name in
    ``report.source.file``. Raises :class:`~rol_model.ReadError` when the file cannot be read,
    is larger than :data:`MAX_IMPORT_BYTES`, is binary, or is not text in a supported encoding.
    """
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ReadError(f"{file_path}: {size} bytes is more than {MAX_IMPORT_BYTES} bytes")
        data = file_path.read_bytes()
    except ReadError:
        raise
    except OSError as error:
        raise ReadError(f"{file_path}: {error.strerror or error}") from None
    return import_bytes(data, name=file_path.name, organization=organization, year=year)


def import_bytes(
    data: bytes,
    *,
    name: str | None = None,
    organization: str | None = None,
    year: int | None = None,
) -> ImportResult:
    """Import report text given as bytes (a file's or standard input's), detecting the encoding.

    ``name`` is recorded as ``report.source.file``. Raises :class:`~rol_model.ReadError` for
    binary or undecodable bytes, as :func:`import_file` does.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise ReadError(f"{name or '<bytes>'}: more than {MAX_IMPORT_BYTES} bytes")
    text, encoding = decode_bytes(data, name=name or "<bytes>")
    return _import(
        text,
        organization=organization,
        year=year,
        source=Source(file=name, encoding=encoding),
    )


def import_lines(
    lines: Sequence[str],
    *,
    organization: str | None = None,
    year: int | None = None,
    source: Source | None = None,
) -> ImportResult:
    """Import a report given as paragraphs (one per entry), as read from a Word file."""
    return _import("\n".join(lines), organization=organization, year=year, source=source)
