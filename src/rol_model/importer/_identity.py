"""A report's identity: its title cleaned of page residue, and the body that reports.

The reporting body is read from, in order of trust: the title, the subject of the opening
sentence (``2022年，某某局坚持……``, ``现将省政府2022年度……报告如下``), the signature (or the
issuer line under the title), and the page's metadata rows (发布机构, 发布单位, 来源). Whatever is
chosen is recorded in an ``import.organization-source`` issue naming the line it came from. A
region prefix is kept when the text states it and never invented.
"""

from __future__ import annotations

import re

import attrs

from rol_model.exceptions import Issue
from rol_model.importer._problems import warning
from rol_model.importer._source import SourceLine
from rol_model.text import fold

__all__ = [
    "Candidate",
    "clean_title",
    "disclosure_opening",
    "is_traditional",
    "made_up_title",
    "metadata_organization",
    "opening_subject",
    "split_glued_title",
    "strip_watermarks",
    "usable_body",
]


@attrs.frozen
class Candidate:
    """A name the reporting body may have, where it was read (``source``) and on which line."""

    name: str
    source: str
    line: int | None


# --- the title ------------------------------------------------------------------------------

_SPACED = re.compile(r"^(?:[\u3400-\u9fff] ){2,}[\u3400-\u9fff](?![\u3400-\u9fff])")
# a portal's category tag before the title: 【2022年】, 【法治政府建设】, [专题]
_LEADING_TAG = re.compile(r"^\s*[【\[][^【】\[\]]{1,12}[】\]]\s*")
_DOC_NUMBER_WRAP = re.compile(r"^[^《》]{1,20}〔\d{4}〕\d{1,4}号\s*《(?P<title>[^《》]{6,})》$")
_TRAILING = (
    (re.compile(r"\s*\(\d{4}-\d{1,2}-\d{1,2}\)$"), "a publication date"),
    (re.compile(r"\s*\([^()]{0,16}〔\d{4}〕\d{1,4}号\)$"), "a document number"),
    (re.compile(r"\s*\([^()]{1,16}$"), "a bracket the line end cut (a document number)"),
    (re.compile(r"\.(?:docx?|pdf|wps|txt|html?)$", re.IGNORECASE), "a file name extension"),
    (
        re.compile(r"\s*[-_|—–]+\s*[^-_|—–\s]{2,30}(?:网|网站)$"),
        "a site name",
    ),
    # a page title's site part after the report's own last word: …情况的报告-某某资讯
    (
        re.compile(r"(?<=报告|总结)\s*[-_|—–]+\s*[^-_|—–]{2,30}$"),
        "a site name",
    ),
)
# a space between the body and 关于 (古丈县司法局 关于…): a printed line break or layout; a space
# between two bodies of a joint title (中共某县县委 某县人民政府关于…) separates them and stays
_INNER_SPACE = re.compile(r"(?<=[\u3400-\u9fff])[ \u3000]+(?=关于)")


def clean_title(text: str, line: int, issues: list[Issue]) -> str:
    """The title without the page's residue, each removal reported with its line.

    Removed: letter-spacing (``青 海 省 卫 生``), a space between the body and 关于
    (``某某局 关于……``), a document number wrapped around the title in
    book-title marks (``浙卫〔2024〕3号《……报告》``), and a trailing publication date
    ``(2024-02-26)``, document number ``(某字〔2025〕79号)``, file extension ``.docx`` or site name
    (``- 某某市人民政府网``, or anything after a dash that follows the closing 报告 or 总结).
    """
    title = text.strip()
    tag = _LEADING_TAG.match(fold(title))
    if tag is not None and len(title) - tag.end() >= 6:
        issues.append(
            _cleaned(line, f"removed a category tag before the title: {title[: tag.end()]}")
        )
        title = title[tag.end() :]
    spaced = _SPACED.match(title)
    if spaced is not None:
        title = title[: spaced.end()].replace(" ", "") + title[spaced.end() :]
        issues.append(_cleaned(line, "removed the letter-spacing of the title"))
    if " " in title or "\u3000" in title:
        joined = _INNER_SPACE.sub("", title)
        if joined != title:
            issues.append(_cleaned(line, f"removed the space before 关于 in the title: {title}"))
            title = joined
    wrapped = _DOC_NUMBER_WRAP.match(fold(title))
    if wrapped is not None:
        title = title[wrapped.start("title") : wrapped.end("title")]
        issues.append(_cleaned(line, "took the title out of the document number line around it"))
    changed = True
    while changed:
        changed = False
        for pattern, what in _TRAILING:
            match = pattern.search(fold(title))
            if match is not None and match.start() >= 6:
                removed = title[match.start() :]
                issues.append(
                    _cleaned(line, f"removed {what} from the end of the title: {removed}")
                )
                title = title[: match.start()].rstrip()
                changed = True
    return title


def _cleaned(line: int, message: str) -> Issue:
    return warning("import.title-cleaned", message, line=line)


# 湖北省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持…… (line breaks lost)
_GLUED = re.compile(
    r"^(?P<title>[^。,;:!?]{6,60}?(?:的报告|情况报告|工作报告|工作总结))"
    r"(?=20\d{2} ?年|根据|按照|今年以来|一年来|近年来|[一二]、)"
)


def split_glued_title(lines: list[SourceLine], issues: list[Issue]) -> list[SourceLine]:
    """Split a title from the text glued to it on the first line (a page whose line breaks
    were lost); a warning names the line."""
    if not lines or len(lines[0].text) <= 40:
        return lines
    if len(lines[0].text) <= 80 and fold(lines[0].text)[-1] not in "。;:":
        return lines  # a title-length line that does not end as text does
    first = lines[0]
    match = _GLUED.match(fold(first.text))
    if match is None or "法治" not in match.group("title"):
        return lines
    cut = match.end("title")
    issues.append(
        warning(
            "import.title-glued",
            "the title ran on into the text on the same line; split after " + first.text[:cut],
            line=first.number,
        )
    )
    return [
        SourceLine(number=first.number, text=first.text[:cut]),
        SourceLine(number=first.number, text=first.text[cut:]),
        *lines[1:],
    ]


_URL = re.compile(r"www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)


def strip_watermarks(lines: list[SourceLine], issues: list[Issue]) -> list[SourceLine]:
    """Remove a reposting site's watermark (a phrase ending in the site's address, repeated
    through the text: ``秘书之家—全网资源每日更新www.mishuzj.com``), with one warning."""
    if not any("www." in line.text for line in lines):
        return lines
    text = "\n".join(line.text for line in lines)
    found: dict[str, list[int]] = {}
    for match in _URL.finditer(text):
        found.setdefault(match.group(0), []).append(match.start())
    marks = []
    for url, starts in found.items():
        if len(starts) < 2:
            continue
        # the phrase before the address that every occurrence shares
        before = [text[max(0, at - 24) : at] for at in starts]
        common = ""
        for size in range(1, 25):
            tails = {b[-size:] for b in before if len(b) >= size}
            if len(tails) != 1 or any(len(b) < size for b in before):
                break
            tail = tails.pop()
            if "\n" in tail or "。" in tail:
                break
            common = tail
        marks.append(common + url)
    if not marks:
        return lines
    kept = []
    first: int | None = None
    for line in lines:
        cleaned = line.text
        for mark in marks:
            cleaned = cleaned.replace(mark, "")
        if cleaned != line.text and first is None:
            first = line.number
        if cleaned.strip():
            kept.append(SourceLine(number=line.number, text=cleaned.strip()))
    issues.append(
        warning(
            "import.residue",
            "removed a reposting site's watermark repeated through the text: " + " / ".join(marks),
            line=first,
        )
    )
    return kept


# --- the script of the text -------------------------------------------------------------------


def is_traditional(lines: list[SourceLine]) -> bool:
    """Whether the text is written in traditional characters (a traditional mirror)."""
    sample = "".join(line.text for line in lines[:30])[:3000]
    folded = fold(sample)
    changed = sum(
        1 for a, b in zip(sample, folded, strict=True) if a != b and "\u3400" <= a <= "\u9fff"
    )
    cjk = sum(1 for ch in sample if "\u3400" <= ch <= "\u9fff")
    return cjk > 0 and changed * 20 >= cjk  # one character in twenty differs


_TRADITIONAL_WORDS = str.maketrans(
    {"设": "設", "报": "報", "况": "況", "处": "處", "办": "辦", "事": "事"}
)


def made_up_title(name: str, year: int, *, traditional: bool) -> str:
    """The title the importer gives a text with none: organization + year +
    年度法治政府建设情况报告, in the script of the text."""
    tail = "年度法治政府建设情况报告"
    return f"{name}{year}{tail.translate(_TRADITIONAL_WORDS) if traditional else tail}"


# --- the reporting body ---------------------------------------------------------------------

_ORG_END = re.compile(
    r"(?:人民政府|政府|委员会|办公室|办公厅|管理局|局|厅|委|办|署|部|中心|街道办事处|院)$"
)
_REGION_END = re.compile(r"(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区|镇|乡|街道)$")
_NOT_A_NAME = re.compile(r"^(?:全|各|我|本|该|原单位|上述|以上)")
_JOINT = re.compile(r"[ \u3000、]+")
# a party committee glued to the government of a joint title: 中共某市委某市人民政府
_GLUED_COMMITTEE = re.compile(r"^(中共[^ \u3000、]{1,20}?委(?:员会)?)(?=[^ \u3000、]{2,}政府$)")
# a region's party committee and government named together: 某自治区党委和政府, 某市委、政府
_COMMITTEE_AND_GOVERNMENT = re.compile(
    r"^(?P<region>[^ \u3000、和与及]{2,20}?)(?:党委|委员会|委)(?:和|与|及|、)(?:人民)?政府$"
)


def usable_body(name: str | None) -> str | None:
    """``name`` when it can name a reporting body, else ``None``.

    A joint title's bodies (``中共某县县委 某县人民政府``) and a region's committee and
    government named together (``某自治区党委和政府``) give the government; a name that ends
    with neither an organization's nor a region's word (``某县教育系统``) or that stands for a
    group (``全区各级人民政府``, ``我局``) names no body.
    """
    if not name:
        return None
    name = name.strip(" \u3000:：")
    together = _COMMITTEE_AND_GOVERNMENT.match(fold(name))
    if together is not None and _REGION_END.search(together.group("region")):
        name = name[: together.end("region")] + "人民政府"
    glued = _GLUED_COMMITTEE.match(fold(name))
    if glued is not None:
        name = name[: glued.end()] + " " + name[glued.end() :]
    parts = [part for part in _JOINT.split(name) if part]
    if len(parts) > 1:
        governments = [part for part in parts if fold(part).endswith("政府")]
        if governments:
            name = governments[-1]
    folded = fold(name)
    if len(folded) < 2 or _NOT_A_NAME.match(folded):
        return None
    if _ORG_END.search(folded) or _REGION_END.search(folded):
        return name
    return None


_YEAR_WORD = r"(?:20\d{2}|[二〇零○][〇零○一二三四五六七八九]{3}) ?年"
_OPENING = (
    # a lead clause may come first: 根据……部署,2023年,某街道以……
    r"^(?:(?:根据|按照|为|在|围绕)[^。]{0,160}?,)?"
    r"(?:" + _YEAR_WORD + r"(?:度|以来)?|一年来|今年以来|过去的一年)"
    r"[,]?(?:在[^,。]{2,40}?下[,]?)?"
)
# the verbs that open the predicate after the subject, simplified and traditional (the fold
# table does not cover every traditional character)
_PREDICATE = (
    r"(?:[坚堅]持|[坚堅][决決]|全面|深入|[认認][真]|始[终終]|[紧緊](?:[紧緊]|扣|密|盯|跟)|[围圍][绕繞]|以|在|"
    r"法治|[扎紮][实實]|持[续續]|聚焦|牢牢|[积積]极|[积積]極|[着著]力|不[断斷]|[进進]一步|切[实實]|"
    r"[严嚴]格|按照|根[据據]|把|[将將]|高度|[继繼][续續]|大力|[强強]化|全力|立足|[锚錨]定|[对對][标標]|"
    r"[贯貫][彻徹]|[学學][习習]|[统統][筹籌]|主[动動]|牢固|按|依法|推[进進]|加快|加[强強]|狠抓|抓|"
    r"[结結]合)"
)
_OPENING_SUBJECT = "the subject of the opening sentence"
_NAME = r"(?P<name>[^,。、;:!?()《》“”\"]{2,30}?)"
_SUBJECT = re.compile(_OPENING + _NAME + "(?=" + _PREDICATE + ")")
_REPORTED_AS = re.compile("现将" + _NAME + _YEAR_WORD)
# a body named by its level alone: 省政府, 市人民政府, 自治区人民政府, 全区各级人民政府
_BARE_LEVEL = re.compile(
    r"^(?:全(?P<all>省|自治区|区|市|州|县|旗)各级(?:人民)?政府"
    r"|(?P<level>省|自治区|市|州|县|区|旗)(?:人民)?政府)$"
)


def opening_subject(text: str, line: int, body_text: str, issues: list[Issue]) -> Candidate | None:
    """The body that is the subject of the opening sentence, or that the sentence 现将……报告如下
    names; a body named by its level alone (省政府) is completed with the region the text
    states (湖南省人民政府), else kept as written, with a warning."""
    folded = fold(text)
    for pattern in (_SUBJECT, _REPORTED_AS):
        match = pattern.search(folded) if pattern is _REPORTED_AS else pattern.match(folded)
        if match is None:
            continue
        name = text[match.start("name") : match.end("name")]
        bare = _BARE_LEVEL.match(fold(name))
        if bare is not None:
            level = bare.group("all") or bare.group("level")
            return _complete_level(name, level, line, body_text, issues)
        usable = usable_body(name)
        if usable is not None:
            return Candidate(usable, _OPENING_SUBJECT, line)
    return None


# the provincial-level regions, by the short name a text uses: their full names' level words
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_PROVINCE_SHORT = (
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾"
)
_PROVINCES = {
    **dict.fromkeys(_MUNICIPALITIES, "市"),
    **dict.fromkeys(_PROVINCE_SHORT.split(" "), "省"),
    "内蒙古": "自治区",
    "广西": "壮族自治区",
    "西藏": "自治区",
    "宁夏": "回族自治区",
    "新疆": "维吾尔自治区",
}
_PROVINCE_NAME = re.compile("|".join(sorted(_PROVINCES, key=len, reverse=True)))


def _complete_level(
    name: str, level: str, line: int, body_text: str, issues: list[Issue]
) -> Candidate:
    """省政府 → 湖南省人民政府 when the text names one province (or autonomous region) far more
    than any other; a city's or county's name is not guessed (it is kept as written)."""
    folded_body = fold(body_text)
    if level == "区" and "自治区" in folded_body:
        level = "自治区"
    written = name
    if "全" in fold(name)[:1]:  # 全区各级人民政府: the region's government reports for them all
        written = _written_level(level, body_text) or level + "人民政府"
    elif not fold(name).endswith("人民政府"):
        written = name[: -len("政府")] + "人民政府"
    if level in ("省", "自治区"):
        counts: dict[str, int] = {}
        for match in _PROVINCE_NAME.finditer(folded_body):
            if _PROVINCES[match.group(0)].endswith(level):
                counts[match.group(0)] = counts.get(match.group(0), 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] * 2 < ranked[0][1]):
            short = ranked[0][0]
            at = folded_body.find(short)
            as_written = body_text[at : at + len(short)]
            middle = _PROVINCES[short][: -len(level)]
            full = f"{as_written}{middle}{written}"
            why = (
                f"the opening names the body by its level ({name}); the text names "
                f"{as_written} {ranked[0][1]} times, so the body is taken as {full}"
            )
            return _guessed(full, why, line, issues)
    why = (
        f"the opening names the body by its level only ({name}) and the text states "
        f"no region for it; kept as {written} (pass organization= to name it)"
    )
    return _guessed(written, why, line, issues)


def _guessed(name: str, why: str, line: int, issues: list[Issue]) -> Candidate:
    """The opening's subject taken as ``name``, with the warning that says ``why``."""
    issues.append(warning("import.organization-guessed", why, line=line))
    return Candidate(name, _OPENING_SUBJECT, line)


def _written_level(level: str, body_text: str) -> str | None:
    """The text's own spelling of the level's government (自治區人民政府 in a mirror)."""
    target = f"{level}人民政府"
    folded = fold(body_text)
    at = folded.find(target)
    return body_text[at : at + len(target)] if at >= 0 else None


_METADATA_ROW = re.compile(
    r"(?:发布机构|发布单位|发文机关|文章来源|信息来源|来源)\s*[:]?\s*(?P<name>[^\s:|,。]{3,30})"
)


def metadata_organization(chrome: list[SourceLine]) -> Candidate | None:
    """A body named by the page's metadata rows (发布机构 first, then 来源), or ``None``."""
    found: list[tuple[int, Candidate]] = []
    for line in chrome:
        text = line.text  # a metadata row in its plain form (split_lines)
        folded = fold(text)
        for match in _METADATA_ROW.finditer(folded):
            name = usable_body(text[match.start("name") : match.end("name")])
            if name is None or not _ORG_END.search(fold(name)):
                continue
            key = folded[match.start() : match.start("name")]
            rank = 0 if key.startswith(("发布机构", "发布单位", "发文机关")) else 1
            where = f"the page's metadata row {key.strip(' :')}"
            found.append((rank, Candidate(name, where, line.number)))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]


# --- the genre from the body ------------------------------------------------------------------

_DISCLOSURE_BASIS = re.compile(r"政府信息公开条例|政府信息公开工作年度报告")
# 现将我局2021年政府信息公开工作报告如下, 现公布某市人民政府2023年度政府信息公开工作报告
_DISCLOSURE_ANNOUNCED = re.compile(
    r"(?:现将|现公布|现予公布|特发布|现发布)[^。]{0,40}政府信息公开工作(?:年度)?报告"
)
_DISCLOSURE_HEADINGS = re.compile(r"总体情况|主动公开|依申请公开|政府信息管理|政府信息公开申请")


def disclosure_opening(lines: list[SourceLine]) -> bool:
    """The opening and headings of a government information disclosure annual report: the text
    rests on the 政府信息公开条例 and its parts are 总体情况, 主动公开, 依申请公开 … (the national
    format), while the opening never names 法治 as its subject."""
    opening = " ".join(fold(line.text) for line in lines[:2])
    if not _DISCLOSURE_BASIS.search(opening) or "法治政府" in opening:
        return False
    if _DISCLOSURE_ANNOUNCED.search(opening):
        return True
    headings = {
        match.group(0)
        for line in lines[:40]
        for match in _DISCLOSURE_HEADINGS.finditer(fold(line.text)[:16])
    }
    return len(headings) >= 2
