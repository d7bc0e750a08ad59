"""The head and foot of a report: title, organization, reported year, signature and dates."""

from __future__ import annotations

import datetime as dt
import re

from rol_model.exceptions import Issue
from rol_model.importer._identity import clean_title
from rol_model.importer._outline import Paragraph, cn_number, marker_style, part_heading
from rol_model.importer._problems import info, warning
from rol_model.importer._source import SourceLine
from rol_model.model import Organization, OrganizationKind, OrganizationLevel
from rol_model.text import DIGIT_TABLE, fold

__all__ = [
    "attachments",
    "dated_line",
    "find_title",
    "front_matter",
    "organization_from_preamble",
    "organization_from_title",
    "organization_of",
    "other_genre",
    "published_on",
    "reported_year",
    "signature",
]


_TITLE_WORDS = re.compile(r"报告|总结|汇报|报$")


# a title line that starts like this lacks its organisation, which is on the line before
_TITLE_CONTINUES = re.compile(
    r"^(?:20\d{2} ?年|[二〇零○]{2}[一二三四五六七八九〇零○]{2}年|关于|年度|建设|法治|政府)"
)


_YEAR = re.compile(r"(20\d{2}) ?年")


_REGION_ONLY = re.compile(r"(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区|镇|乡|街道)$")


_CN_YEAR = re.compile(r"([二][〇零○][一二三四五六七八九〇零○]{2})年")


_CN_YEAR_DIGITS = DIGIT_TABLE


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
        and "。" not in folded  # a title is no sentence
    )


# how the first sentence of a report's text opens: a line starting so is no title, even when
# a fixed line width cut it short (2022年，某某局坚持…… / 根据《……》要求)
_TEXT_OPENING = re.compile(
    r"^(?:20\d{2} ?年(?:度|以来)?,|根据|按照|为(?:深入|全面|进一步)|今年以来|一年来|近年来)"
)


def find_title(lines: list[SourceLine], issues: list[Issue]) -> tuple[str | None, int]:
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
    if not candidates:  # 2025年法治政府部门建设工作情况: a title without 报告 or 总结
        named = [
            index
            for index, line in enumerate(lines[:6])
            if _is_title_like(line, limit=40) and _UNNAMED_TITLE.search(fold(line.text))
        ]
    if named or candidates:
        found = (named or candidates)[0]
    if found is None:
        if (
            lines
            and _is_title_like(lines[0], limit=60)
            and not _TEXT_OPENING.match(fold(lines[0].text))
        ):
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
    elif found + 1 < len(lines) and not _TITLE_WORDS.search(fold(title)) and found not in named:
        after = lines[found + 1]
        if _is_title_like(after, limit=30) and _TITLE_WORDS.search(fold(after.text)):
            title += after.text
            found += 1
    for skipped in lines[:first]:
        issues.append(
            warning(
                "import.residue",
                f"skipped text above the title: {skipped.text[:40]}",
                line=skipped.number,
            )
        )
    title = clean_title(title, lines[first].number, issues)
    body = found + 1
    while body < len(lines) and lines[body].text.replace(" ", "") in (
        title.replace(" ", ""),
        lines[found].text.replace(" ", ""),
    ):
        issues.append(info("import.residue", "skipped a repeated title", line=lines[body].number))
        body += 1
    title, body = _repeated_title(lines, body, title, issues)
    return title.strip() or None, body


_UNNAMED_TITLE = re.compile(r"法治.{0,8}建设.{0,6}(?:情况|工作)$")


def _repeated_title(
    lines: list[SourceLine], body: int, title: str, issues: list[Issue]
) -> tuple[str, int]:
    """The title printed again over up to four lines under a page's title, perhaps with the
    issuer before it (湖南省交通运输厅 / 关于……建设 / 工作情况的报告): those lines are skipped, and
    the fuller form (issuer + title) is the title."""
    want = fold(title).replace(" ", "")
    joined = ""
    for end in range(body, min(body + 4, len(lines))):
        text = fold(lines[end].text).replace(" ", "")
        if len(text) > 60:
            break
        joined += text
        if joined == want or (
            joined.endswith(want) and want.startswith("关于") and _issuer(joined[: -len(want)])
        ):
            if joined != want:
                fuller = "".join(line.text.replace(" ", "") for line in lines[body : end + 1])
                title = fuller[: len(joined) - len(want)] + title
            issues.append(
                info(
                    "import.residue",
                    f"skipped the title printed again over {end + 1 - body} lines",
                    line=lines[body].number,
                )
            )
            return title, end + 1
        if len(joined) >= len(want) + 40:
            break
    return title, body


_CN_DATE = re.compile(
    r"^([二][〇零○][一二三四五六七八九〇零○]{2})年([一二三四五六七八九十]{1,2})月"
    r"([一二三四五六七八九十]{1,3})日$"
)


def _date_of(text: str, *, brackets: bool) -> dt.date | None:
    """The date a line consists of: 2024年2月20日 or 二〇二四年二月二十日, in brackets when
    ``brackets`` (（2024年2月20日） under a title)."""
    folded = fold(text).replace(" ", "")
    if brackets:
        if len(folded) < 3 or folded[0] != "(" or folded[-1] != ")":
            return None
        folded = folded[1:-1]
    match = _DATE_LINE.match(folded)
    if match is not None:
        return _date(*match.groups())
    chinese = _CN_DATE.match(folded)
    if chinese is None:
        return None
    year, month, day = chinese.groups()
    return _date(year.translate(_CN_YEAR_DIGITS), str(cn_number(month)), str(cn_number(day)))


def dated_line(line: SourceLine) -> dt.date | None:
    """The date of a line such as （2024年2月20日） printed under a title."""
    return _date_of(line.text, brackets=True)


# notes printed under a signature: （此件公开发布）, （联系人：…）
_FOOT_NOTE = re.compile(r"^[(（](?:此件|此文|本件|联系人|联系电话)[^)）]{0,60}[)）]$")


# 市委、市政府： / 县人民政府： / 各乡镇人民政府，县直各单位： — the body a report is addressed to
_ADDRESSEE = re.compile(r"^[^。;,!?:\d]{2,30}[:：]$")
_NOT_ADDRESSEE = re.compile(r"如下|报告|情况|主要|工作|措施|问题")


def _issuer(text: str) -> str | None:
    """A line that is nothing but an organisation's name (the issuer under a title)."""
    name = text.strip(" \u3000")
    folded = fold(name)
    if (
        2 <= len(name) <= 40
        and _ORG_SUFFIX.search(folded)
        and not re.search(r"[\d。;,!?:、]", folded)
        and not _TITLE_WORDS.search(folded)
    ):
        return name
    return None


def front_matter(
    lines: list[SourceLine], start: int, issues: list[Issue]
) -> tuple[str | None, dt.date | None, int]:
    """The issuer, date and addressee printed between a title and its text.

    Returns ``(issuer, date, first body line)``: a line that is only an organisation's name
    (石门县人民政府), a date line (（2023年2月25日） or 2023年2月25日) and an addressee line
    (市委、市政府：) are front matter, in any order, not preamble text.
    """
    issuer: str | None = None
    date: dt.date | None = None
    index = start
    while index < len(lines) and index < start + 4:
        text = lines[index].text
        folded = fold(text).replace(" ", "")
        found = dated_line(lines[index]) or _date_of(text, brackets=False)
        if found is not None and date is None:
            date = found
        elif issuer is None and _issuer(text) is not None:
            issuer = _issuer(text)
        elif (
            _ADDRESSEE.match(folded)
            and not _NOT_ADDRESSEE.search(folded)
            and part_heading(folded) is None
            and marker_style(folded) is None
        ):
            issues.append(
                info(
                    "import.addressee",
                    f"the report is addressed to {text.strip()}; not part of its text",
                    line=lines[index].number,
                )
            )
            index += 1
            break  # the text follows its addressee
        else:
            break
        index += 1
    return issuer, date, index


# 附件：1.……, 附件1：……, 附件 or 附件： alone (its title on the next line)
_ATTACHMENT = re.compile(
    r"^附件 ?(?=[\d一二三四五六七八九十:：]|$)(?:\d{1,2}|[一二三四五六七八九十])? ?(?:[:：] ?)?"
    r"(?P<title>.*)$"
)
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2} ?[.、．]")
_ATTACHMENT_REACH = 15  # an attachment list is among the last lines of a report
_ATTACHMENT_LINE_MAX = 80


def _attachment_line(line: SourceLine) -> bool:
    if not line.text.startswith("附") or len(line.text) > _ATTACHMENT_LINE_MAX:
        return False
    text = fold(line.text)
    return "。" not in text and _ATTACHMENT.match(text) is not None


def attachments(lines: list[SourceLine], issues: list[Issue]) -> list[SourceLine]:
    """Cut the list of attachments (附件：1.…… 2.……) from the end of a report's lines.

    It may come before the signature or after it. It is no part of the report body: its
    numbered titles would otherwise be read as items of the last part. The block runs from a
    short line opening with 附件 (among the last lines, no 。) over the numbered lines that
    follow it, and the title line after each bare 附件： or 附件N; everything after it (a
    signature) is kept. After a signature, everything to the end is attachments (their tables
    too). Returns the lines without the block; an info issue names it.
    """
    first = max(0, len(lines) - _ATTACHMENT_REACH)
    found = next((at for at in range(first, len(lines)) if _attachment_line(lines[at])), None)
    signed = found is not None and signature(lines[:found])[1] is not None
    if not signed:  # after a signature attachments may be long (a table): look further back
        found = next(
            (
                at
                for at in range(len(lines) - 1, -1, -1)
                if _attachment_line(lines[at]) and signature(lines[:at])[1] is not None
            ),
            found,
        )
        signed = found is not None and signature(lines[:found])[1] is not None
    if found is None:
        return lines
    start = found
    match = _ATTACHMENT.match(fold(lines[start].text))
    # after the signature everything is attachments, tables included
    end = len(lines) if signed else start + 1
    while end < len(lines):
        if match is not None and not match.group("title").strip():
            end += 1  # 附件： or 附件2 alone: the title is on the next line
            if end >= len(lines):
                break
        text = fold(lines[end].text)
        if len(text) > _ATTACHMENT_LINE_MAX or "。" in text:
            break
        match = _ATTACHMENT.match(text)
        if match is None and not _ATTACHMENT_ITEM.match(text):
            break
        end += 1
    block = lines[start:end]
    issues.append(
        info(
            "import.attachments",
            f"a list of attachments ({len(block)} lines), not part of the report body: "
            + " / ".join(line.text for line in block)[:200],
            line=block[0].number,
        )
    )
    return lines[:start] + lines[end:]


def signature(lines: list[SourceLine]) -> tuple[str | None, dt.date | None, int]:
    """An organisation name and date signed at the end; returns how many lines they take."""
    notes = 0
    while notes < min(3, len(lines)) and _FOOT_NOTE.match(fold(lines[-1 - notes].text.strip())):
        notes += 1
    lines = lines[: len(lines) - notes]
    if not lines:
        return None, None, 0
    issued = _date_of(lines[-1].text, brackets=False)
    if issued is None:
        return None, None, 0
    if len(lines) >= 2:
        name = lines[-2].text.strip()
        if len(name) <= 40 and _ORG_SUFFIX.search(fold(name)) and fold(name)[-1] not in _END_PUNCT:
            return name, issued, 2 + notes
    return None, issued, 1 + notes


def organization_from_title(title: str) -> str | None:
    folded = fold(title)
    if folded.startswith("关于") and len(folded) > 4:  # 关于石门县2022年度…的报告
        return organization_from_title(title[2:])
    lead = re.match(r"^(?:20\d{2}|[二〇零一三四五六七八九]{4}) ?年度?", folded)
    if lead is not None:  # 2023年度某某局法治政府建设情况报告
        return organization_from_title(title[lead.end() :])
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


def organization_from_preamble(text: str) -> str | None:
    """The subject of an opening such as 2023年，某某局坚持……, when the title names no body."""
    match = _PREAMBLE_SUBJECT.match(fold(text))
    return text[match.start(1) : match.end(1)] if match is not None else None


def organization_of(name: str) -> Organization:
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


def published_on(chrome: list[SourceLine]) -> dt.date | None:
    for line in chrome:
        match = _PUBLISHED.search(fold(line.text))
        if match is not None:
            return _date(*match.groups())
    return None


_RANGE_DASHES = frozenset("-—–~～至到")


def reported_year(title: str | None, preamble: list[Paragraph]) -> int | None:
    for text in [title or "", *(p.text for p in preamble[:3])]:
        folded = fold(text)
        # the end of a period (《纲要（2021-2025年）》) is not the year reported on
        match = next(
            (
                found
                for found in _YEAR.finditer(folded)
                if folded[found.start() - 1 : found.start()] not in _RANGE_DASHES
                or found.start() == 0
            ),
            None,
        )
        chinese = _CN_YEAR.search(folded)
        if chinese is not None and (match is None or chinese.start() < match.start()):
            return int(chinese.group(1).translate(_CN_YEAR_DIGITS))  # 二〇二三年
        if match is not None:
            return int(match.group(1))
    return None


# the fixed tables of the 政府信息公开工作年度报告 (information disclosure annual report)
_DISCLOSURE_TABLES = re.compile(
    r"主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况"
)


def other_genre(title: str | None, lines: list[SourceLine]) -> str | None:
    """The genre of a report that is not a rule-of-law report, or ``None``.

    The government information disclosure annual report (政府信息公开工作年度报告) is published by
    the same bodies at the same time of year, and is often mixed up with it.
    """
    folded = fold(title or "")
    if "信息公开" in folded and "法治" not in folded:
        return "a government information disclosure annual report (政府信息公开工作年度报告)"
    tables = {
        match.group(0) for line in lines for match in _DISCLOSURE_TABLES.finditer(fold(line.text))
    }
    if len(tables) >= 2 and "法治" not in folded:
        return "a government information disclosure annual report (政府信息公开工作年度报告)"
    return None
