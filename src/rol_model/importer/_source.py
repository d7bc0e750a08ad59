"""Reading report text for the importer: encoding detection, line splitting, residue removal.

Everything here works on whole lines and keeps the content of each line exactly as written;
only residue (Word export bookmarks, web page chrome) is dropped, and every drop is reported.
Matching is done on a *folded* copy of the text (:func:`fold`): full-width ASCII becomes
half-width and traditional characters become simplified, one character for one character, so a
match position in the folded copy is the same position in the original.
"""

from __future__ import annotations

import re

import attrs

from rol_model.exceptions import Issue, ReadError
from rol_model.importer._problems import info, warning
from rol_model.text import fold

__all__ = [
    "SourceLine",
    "decode_bytes",
    "metadata_row_text",
    "remove_readings",
    "split_lines",
]


@attrs.frozen(kw_only=True)
class SourceLine:
    """One non-empty line of the source after residue removal; ``number`` is 1-based."""

    number: int
    text: str


_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx Word file? use import_docx or `rol import` on it)"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.doc/.xls); save it as .docx or text"),
    (b"%PDF", "a PDF file; extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF file; save it as .docx or text"),
)


def _looks_like_text(text: str) -> bool:
    """Most characters of a decoded sample are printable (not control or private-use)."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(
        1
        for ch in sample
        if (ord(ch) < 32 and ch not in "\t\n\r\f\v")
        or 0xE000 <= ord(ch) <= 0xF8FF
        or ch == "\ufffd"
    )
    return bad <= len(sample) // 100


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``.

    Tries, in order: a byte order mark (UTF-8 with BOM, UTF-16), strict UTF-8, then GB18030
    (which covers GBK and GB2312). Raises :class:`ReadError` for binary files and for bytes that
    are no text in any of these encodings, naming the file and what was found.
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"{name}: not a text file: it is {what}")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"{name}: starts with a {label} byte order mark but is not valid {label} "
                    f"(byte offset {error.start})"
                ) from None
            return text.lstrip("\ufeff"), label
    if b"\x00" in data[:65536]:
        raise ReadError(
            f"{name}: not a text file: it holds NUL bytes (binary data, or UTF-16 without a byte "
            "order mark; save it as UTF-8)"
        )
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, codec
    raise ReadError(
        f"{name}: cannot decode the text as UTF-8, UTF-16 (with BOM) or GB18030/GBK; convert it "
        "to UTF-8 first"
    )


# --- residue -------------------------------------------------------------------------------------

_BOOKMARK = re.compile(r"\[(?:bookmark|BOOKMARK|Bookmark): ?[^\]\n]{0,200}\]")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
_SPACE = " \t\u3000\u00a0\u2002\u2003\ufeff\u200b"

# Keys that open a line of web page chrome or of a metadata block; matched on folded text.
_CHROME_KEYS = (
    "发布时间",
    "更新时间",
    "文章来源",
    "时间:",
    "编辑:",
    "责任编辑",
    "发布日期",
    "发文日期",
    "信息来源",
    "来源:",
    "作者:",
    "浏览次数",
    "访问次数",
    "阅读次数",
    "点击数",
    "点击率",
    "点击量",
    "浏览量",
    "阅读量",
    "字号",
    "【打印",
    "【关闭",
    "【字体",
    "[打印",
    "[关闭",
    "打印本页",
    "关闭窗口",
    "分享到",
    "上一篇",
    "下一篇",
    "主办:",
    "主办单位",
    "承办:",
    "网站标识码",
    "网站地图",
    "当前位置",
    "您现在的位置",
    "您所在的位置",
    "今天是",
    "索引号",
    "发文字号",
    "文号:",
    "主题分类",
    "发文机关",
    "发布机构",
    "成文日期",
    "公开方式",
    "公开范围",
    "有效性",
    "扫一扫",
    "相关链接",
    "版权所有",
    "无障碍",
    "分享:",
    "【我要纠错",
    "【收藏",
    "视力保护色",
    "返回顶部",
    "打印此页",
    "关闭此页",
    "【大】",
    "[大]",
    # rows of a portal's metadata table (信息公开 pages) and of document-sharing sites
    "发布单位",
    "公开日期",
    "公开时限",
    "统一登记号",
    "内容概述",
    "标题:",
    "资源ID",
    "资源大小",
    "全文页数",
    "资源格式",
    "下载积分",
    "快捷下载",
    "会员登录下载",
    "微信登录下载",
    "三方登录下载",
    "微信扫一扫",
    "友情提示",
)
_CHROME_START = re.compile("|".join(re.escape(key) for key in _CHROME_KEYS))
_CHROME_FIRST = frozenset(key[0] for key in _CHROME_KEYS)
_PAGE_DATE = re.compile(r"\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?(?:星期|周)[一二三四五六日天]")
_BREADCRUMB = re.compile(r"^(?:首页|主页|网站首页)\s*(?:>|›|»|→|/|\|)")
# a breadcrumb however it starts (7首页 > 政务公开 > 年度报告, 当前栏目 › 信息公开 › 年报): three or
# more short pieces joined by arrows, no sentence in it
_ARROWS = frozenset(">›»→")
_BREADCRUMB_TRAIL = re.compile(r"^[^>›»→。,;]{1,20}(?:\s*[>›»→]\s*[^>›»→。,;]{1,24}){2,}$")
_NAV_BAR = re.compile(r"^[^|。]{1,12}(?:\|[^|。]{1,12}){2,}$")
_SITE_TITLE_ENDS = ("门户网站", "政府网", "官方网站", "政务网")
_SITE_TITLE = re.compile("(?:" + "|".join(_SITE_TITLE_ENDS) + ")$")
_PRINT_BAR = re.compile(r"^(?:[【\[]\s*[^】\]]{1,6}\s*[】\]]\s*){1,6}$")
# a bulleted row of a metadata table: • 索引号: …, • 题: … (a known key, or a key of one or two
# characters left of a table cell; a bulleted line of text has a longer lead or a comma)
_BULLET_ROW = re.compile(
    r"^[•·●▪◆]\s*(?:索引号|发文字号|文号|发布机构|发文机关|成文日期|发布日期|生效日期|主题分类|"
    r"有效性|标题|名称|内容概述|[^:。;,\s]{1,2})\s*:[^,。;]*$"
)
# the keys of a metadata table's rows, as the rows above are recognised when written plainly or
# after a bullet; only these keys count when a row is written in a list or letter-spaced
_ROW_KEYS = frozenset(
    (
        "索引号",
        "发文字号",
        "文号",
        "发布机构",
        "发文机关",
        "发布单位",
        "成文日期",
        "发布日期",
        "发文日期",
        "生效日期",
        "公开日期",
        "发布时间",
        "更新时间",
        "主题分类",
        "有效性",
        "公开方式",
        "公开范围",
        "公开时限",
        "统一登记号",
        "内容概述",
        "标题",
        "名称",
        "文章来源",
        "信息来源",
        "来源",
        "责任编辑",
        "编辑",
        "作者",
        "时间",
    )
)
# a list bullet before a row: - 索引号: …, * 发布机构: …, – 成文日期: … (a single dash; a doubled
# dash —— is punctuation of the text)
_ROW_BULLETS = "-–—*•·●▪◆"
_ROW_BULLET = re.compile(r"^(?:[-–*•·●▪◆]|—(?!—))[ \t]*")
# a short key justified to a cell's width: 索 引 号:, 名    称:, 发 布 机 构 : (two to six
# characters with spaces between them, then a colon)
_SPACED_KEY = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \t]{1,8}[\u4e00-\u9fff]){1,5}(?=[ \t]*:)"
)
# a row's key at the start of a line, after what metadata_row_text took away
_ROW_KEY = re.compile(r"^(?P<key>[\u4e00-\u9fff]{2,6})[ \t]*:")


def _row_spans(folded: str) -> tuple[int, list[tuple[int, int]]]:
    """What a metadata row written as a list item or with letter-spaced keys has more than the
    plain row: the length of a leading bullet (0 when none is taken away) and the spans of the
    letter-spaced known keys (each key is read without its spaces)."""
    spaced = [
        (match.start(), match.end())
        for match in _SPACED_KEY.finditer(folded)
        if re.sub(r"[ \t]", "", match.group(0)) in _ROW_KEYS
    ]
    bullet = 0
    if folded[:1] in _ROW_BULLETS:
        lead = _ROW_BULLET.match(folded)
        if lead is not None:
            rest = _collapse(folded, folded, lead.end(), spaced)
            key = _ROW_KEY.match(rest)
            if key is not None and key.group("key") in _ROW_KEYS:
                bullet = lead.end()
    return bullet, spaced


def _collapse(text: str, folded: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text`` from ``start`` with the spaces (in the folded copy ``folded``) inside ``spans``
    left out."""
    pieces: list[str] = []
    at = start
    for begin, end in spans:
        if end <= start:
            continue
        first = max(begin, start)
        pieces.append(text[at:first])
        pieces.extend(text[i] for i in range(first, end) if folded[i] not in " \t")
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def metadata_row_text(text: str) -> str:
    """A metadata row as it is written plainly: ``- 发 布 机 构: 某某局`` is ``发布机构: 某某局``.

    A leading list bullet (``-`` ``–`` ``—`` ``*`` ``•`` ``·`` ``●`` ``▪`` ``◆``) is taken away
    when a known key and a colon follow it, and the spaces between the characters of a known key
    before its colon are left out; any other line is returned as it is. The result keeps the
    original characters (matching is done on the folded text, one character for one).
    """
    if len(text) > 200:
        return text
    return _plain_row(text, fold(text))


def _plain_row(text: str, folded: str) -> str:
    """:func:`metadata_row_text` of ``text``, whose folded copy the caller has."""
    if folded[:1] not in _ROW_BULLETS and not _SPACED_KEY.search(folded):
        return text
    bullet, spaced = _row_spans(folded)
    return _collapse(text, folded, bullet, spaced)


def _listed_row(folded: str) -> bool:
    """A metadata row written as a list item or with a letter-spaced key: ``- 索引号: …``,
    ``索 引 号: …``, ``* 名 称: …`` — a known key and a colon, then a value that is no sentence.
    (A dash-led line of text, ``- 加强组织领导,…。``, is no row.)"""
    if folded[:1] not in _ROW_BULLETS and " " not in folded[:24]:
        return False
    row = _plain_row(folded, folded)
    if row == folded:
        return False
    key = _ROW_KEY.match(row)
    return key is not None and key.group("key") in _ROW_KEYS and not is_sentence(row)


# a metadata row inside a line: 某某网 www.… 发布时间:2025-12-24, 来源:… 浏览次数:
_INLINE_META = re.compile(r"(?:发布时间|发布日期|发文日期|浏览次数|访问次数|点击数)\s*[:]")
# a portal's section name alone on a line (a header, never the report's title)
_PORTAL_SECTIONS = frozenset(
    ("政府信息公开", "信息公开", "政务公开", "政府信息公开目录", "政府信息公开专栏", "法定主动公开")
)


_CLAUSES = re.compile(r"[\u4e00-\u9fff]{4},[\u4e00-\u9fff]{2}")


def is_sentence(folded: str) -> bool:
    """Whether a folded line has the shape of report prose, not of a metadata field.

    Metadata is a key and a short value (``有效性:有效``, ``无障碍 | 长辈版``); prose ends a
    sentence (。 ; ! ?), holds a full stop, or joins clauses with a comma
    (``无障碍环境建设稳步推进,改造无障碍设施30处``), whatever word it starts with.
    """
    return "。" in folded or folded[-1:] in ";!?" or _CLAUSES.search(folded) is not None


def chrome_kind(folded: str) -> str | None:
    """Why a stripped, folded line is web page chrome, or ``None`` when it is content."""
    if len(folded) > 200:
        return None
    if folded[:1] in _CHROME_FIRST and _CHROME_START.match(folded) and not is_sentence(folded):
        return "page metadata"
    if _listed_row(folded):
        return "page metadata"
    # each pattern only where the character it cannot do without is there: most lines are
    # content, and this runs on every line
    if len(folded) <= 60 and "年" in folded and _PAGE_DATE.search(folded):
        return "page date"
    if folded[:1] in "首主网" and _BREADCRUMB.match(folded):
        return "breadcrumb"
    if len(folded) <= 120 and not _ARROWS.isdisjoint(folded) and _BREADCRUMB_TRAIL.match(folded):
        return "breadcrumb"
    compact = folded.replace(" ", "") if " " in folded else folded
    if "|" in compact and _NAV_BAR.match(compact):
        return "navigation bar"
    if compact[:1] in "【[" and _PRINT_BAR.match(compact):
        return "page buttons"
    if len(folded) <= 30 and compact.endswith(_SITE_TITLE_ENDS) and _SITE_TITLE.search(compact):
        return "site title"
    if compact[:1] in "•·●▪◆" and len(folded) <= 100 and _BULLET_ROW.match(compact):
        return "page metadata"
    if len(folded) <= 100 and "。" not in folded and _INLINE_META.search(folded):
        return "page metadata"
    if len(compact) <= 10 and compact in _PORTAL_SECTIONS:
        return "portal section"
    return None


# a reading a mirror site added after a character: 區(qū), 關(guān), 設(shè) — one Latin syllable in
# brackets, with a tone mark (a bracketed word in the text itself never carries one)
_READING = re.compile(
    r"(?<=[\u3400-\u9fff])[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]"
)


def remove_readings(text: str) -> tuple[str, Issue | None]:
    """Remove the pinyin readings a traditional-character mirror adds (``區(qū)`` is ``區``).

    Returns the text without them and one warning naming the first line that had one and how
    many were removed, or ``None`` when there were none.
    """
    if "(" not in text and "（" not in text:
        return text, None
    first = _READING.search(text)
    if first is None:
        return text, None
    count = 0

    def drop(_match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return ""

    cleaned = _READING.sub(drop, text)
    line = text.count("\n", 0, first.start()) + 1
    return cleaned, warning(
        "import.readings",
        f"removed {count} machine-added pinyin readings such as {first.group(0)} "
        "(a mirror site's annotation, not part of the report)",
        line=line,
    )


# a row of a list of key-value pairs: - 备注/文号: 某委〔2025〕5号 (a short key, then a colon)
_LIST_ROW = re.compile(r"^([-–*•·●▪◆])[ \t]*[^\s:。,;!?]{1,8}[ \t]*:[ \t]*\S")


def _metadata_list_row(
    row: re.Match[str], raw_lines: list[str], index: int, previous: str | None
) -> bool:
    """Whether the bulleted ``key: value`` line ``raw_lines[index]`` (``row``: its match of
    ``_LIST_ROW``), whose key is not a known metadata key, belongs to the page's metadata list:
    the line before (``previous``, folded, when it is page metadata) or the next non-empty line
    is a metadata row listed with the same bullet, and the row itself is no sentence."""
    if is_sentence(row.string):
        return False
    bullet = row.group(1)
    if previous is not None and previous[:1] == bullet:
        return True
    following = _next_line(raw_lines, index)
    return following[:1] == bullet and chrome_kind(following) == "page metadata"


def _next_line(raw_lines: list[str], index: int) -> str:
    """The next non-empty line after ``raw_lines[index]``, stripped and folded (``""`` if none)."""
    for raw in raw_lines[index + 1 :]:
        line = raw.strip().strip(_SPACE).strip()
        if line:
            return fold(line)
    return ""


def split_lines(text: str) -> tuple[list[SourceLine], list[SourceLine], list[Issue]]:
    """Split text into stripped non-empty lines, dropping residue; report every drop.

    Line numbers count ``\\n``, ``\\r\\n`` and ``\\r`` line ends, as editors do. Web page chrome
    is dropped only when a whole line is chrome; content lines are never cut. Returns the kept
    lines, the dropped chrome lines (they may carry a publication date; metadata rows in their
    plain form, :func:`metadata_row_text`) and the issues.
    """
    lines: list[SourceLine] = []
    chrome: list[SourceLine] = []
    issues: list[Issue] = []
    text, readings = remove_readings(text)
    if readings is not None:
        issues.append(readings)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    previous_metadata: str | None = None  # the line before, folded, when it is page metadata
    for number, raw in enumerate(raw_lines, start=1):
        line = raw
        if "[" in line:
            stripped_bookmarks = _BOOKMARK.sub("", line)
            if stripped_bookmarks != line:
                issues.append(
                    info("import.residue", "removed Word export bookmark residue", line=number)
                )
                line = stripped_bookmarks
        line = line.strip().strip(_SPACE).strip()
        if line.startswith("**") and line.endswith("**") and len(line) > 4:
            line = line[2:-2].strip()  # bold markers left by a converter
        if line.startswith("#"):
            line = _MARKDOWN_HEADING.sub("", line, count=1)  # text written by render(markdown)
        if not line:
            continue
        folded = fold(line) if len(line) <= 200 else ""
        kind = chrome_kind(folded) if folded else None
        if kind is None and folded[:1] in _ROW_BULLETS:
            # a row of the metadata list whose key is not one we know (备注/文号, 公文生成日期)
            row = _LIST_ROW.match(folded)
            previous = previous_metadata
            if row is not None and _metadata_list_row(row, raw_lines, number - 1, previous):
                kind = "page metadata"
        previous_metadata = folded if kind == "page metadata" else None
        if kind is not None:
            # an info, not a warning: `rol import` shows it all the same, line by line
            issues.append(
                info("import.residue", f"skipped web page residue ({kind}): {line}", line=number)
            )
            # a metadata row as written plainly (- 发 布 机 构: … is 发布机构: …), for the
            # organization and the publication date read from it
            plain = _plain_row(line, folded) if kind == "page metadata" else line
            chrome.append(SourceLine(number=number, text=plain))
            continue
        lines.append(SourceLine(number=number, text=line))
    return lines, chrome, issues
