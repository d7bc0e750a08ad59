"""Figures and citations in report text: 专项检查40次, 3万余人, 98.6％, 《…》.

:func:`find_figures` finds every stated figure with its unit, qualifier, a label and the verbatim
phrase; :func:`find_references` finds the documents a text cites in 《…》. Both work in linear
time on any input (no nested quantifiers), so a megabyte of adversarial text is cheap.

What counts as a figure: a number (Arabic, or Chinese numerals such as 两万, 五百) with 万/亿
folded in, followed by a unit from a closed list of measure words (次 件 人次 % 个百分点 …).
Years, dates, document numbers (〔2023〕12号), article numbers (第二十四条), ordinals (第三批),
slogans in quotation marks (“八五”), hotline numbers (12345) and year ranges are not figures:
they have no unit from the list, or are masked before matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from rol_model.model import Qualifier
from rol_model.text import DIGIT_TABLE, chinese_value, fold

__all__ = ["Figure", "find_figures", "find_references"]

#: Measure words accepted as units (simplified forms; traditional text is folded first).
_UNITS = (  # noqa: SIM905 - one space-separated string reads better than 90 quoted words
    "个百分点 百分点 个工作日 工作日 个月 个次 人次 件次 户次 家次 场次 批次 台次 台件 车次 班次 "
    "架次 条次 期次 人日 平方公里 平方米 公顷 公里 千米 小时 分钟 学时 课时 万人 周岁 "
    "次 件 个 项 人 名 位 份 场 期 家 户 条 卷 起 台 吨 元 天 岁 分 门 批 处 张 所 篇 册 本 套 "
    "辆 艘 亩 米 座 宗 笔 例 轮 类 部 支 种 组 队 块 间 栋 片 株 头 只 节 堂 周 倍 届 % 万元 "
    "毫克/升 微克/立方米 千克 公斤"
).split()
_UNITS_SORTED = sorted(set(_UNITS) - {"万人", "万元", "届"}, key=len, reverse=True)
_UNIT_PATTERN = "|".join(re.escape(unit) for unit in _UNITS_SORTED)

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千"

_FIGURE = re.compile(
    r"(?P<num>(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,8})?|\d{1,20}(?:\.\d{1,8})?)"
    rf"|(?<![{_CN_ALL}])[{_CN_ALL}]{{1,8}})"
    r"(?P<q1>余|多)?(?P<mult>万亿|万|亿)?(?P<q2>余|多)?"
    rf"(?P<unit>{_UNIT_PATTERN})(?P<per>\((?:次|人次)\))?"
)
# 百分之九十七点五, 百分之百: a percentage written in words (unit %)
_PERCENT_WORDS = re.compile(
    rf"百分之(?P<int>[{_CN_ALL}]{{1,4}})(?:点(?P<dec>[{_CN_DIGITS}]{{1,4}}))?"
)
# a single numeral counting 次 场 期 轮 批 after these words is a count even mid-clause (分七期)
_COUNT_BEFORE = ("分", "共", "累计", "先后", "经过", "历经", "开展", "举办", "组织")
# N个 before these words counts the parts of a list, not things: 从三个方面, 7个方面
_GROUPING_AFTER = ("方面", "层面", "维度", "“", '"')

# units a single Chinese numeral may count when the figure ends its clause (开展培训两次。)
_COUNTED = frozenset("次场期轮批")
_CLAUSE_END = frozenset("，,。；;、：:！!？?）)") | {""}
# the rest of a pair sharing a unit: 0.8个[和1.2个百分点]
_SHARED_POINTS = re.compile(r"(?:和|、|及|与|或|,)\d{1,6}(?:\.\d{1,4})?个?百分点")
_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不少于", "at_least"),
    ("不低于", "at_least"),
    ("至少", "at_least"),
    ("超过", "at_least"),
    ("突破", "at_least"),
    ("多于", "at_least"),
    ("高于", "at_least"),
    ("逾", "at_least"),
    ("超", "at_least"),
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("不足", "at_most"),
    ("不到", "at_most"),
    ("将近", "at_most"),
    ("接近", "at_most"),
    ("近", "at_most"),
    ("最多", "at_most"),
    ("大约", "approximately"),
    ("约", "approximately"),
)
_PREFIX_BY_LENGTH = sorted(_PREFIX_QUALIFIERS, key=lambda pair: -len(pair[0]))
# the lower end of a range stated before a figure: 3至5天, 1到2个, 2-3名
_RANGE_LOWER = re.compile(
    rf"(?<![\d.{_CN_ALL}])(?:\d{{1,6}}(?:\.\d{{1,4}})?|[{_CN_ALL}]{{1,3}})(?:至|到|-|~|～|—|－)$"
)
_SUFFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("以上", "at_least"),
    ("及以上", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("之内", "at_most"),
    ("内", "at_most"),
    ("左右", "approximately"),
    ("上下", "approximately"),
)
# the characters a qualifier word can end (before a figure) or start (after one) with
_PREFIX_LAST = frozenset(word[-1] for word, _ in _PREFIX_QUALIFIERS)
_SUFFIX_FIRST = frozenset(word[0] for word, _ in _SUFFIX_QUALIFIERS)

# Spans whose numbers are never figures: citations, short quotations (slogans), document numbers.
_MASKS = (
    ("《", re.compile(r"《[^《》\n]{0,200}》")),
    ("“", re.compile(r"“[^“”\n]{0,24}”")),
    ('"', re.compile(r"\"[^\"\n]{0,24}\"")),
    ("‘", re.compile(r"‘[^‘’\n]{0,24}’")),
    ("〔[【", re.compile(r"[〔\[【][^〔〕\[\]【】\n]{0,12}[〕\]】]")),
    (
        "-/:·.",
        re.compile(r"(?<!\d)\d{1,4}[-/:·.]\d{1,4}(?:[-/:·]\d{1,8})+"),
    ),  # dates, times, phones
    ("-—–~～至", re.compile(r"(?<!\d)\d+[-—–~～至]\d+年")),  # year ranges
)
_MASK_TRIGGER = re.compile(
    "[" + re.escape("".join(sorted({ch for trigger, _ in _MASKS for ch in trigger}))) + "]"
)
_SLOGAN_WORDS = (
    "确立",
    "维护",
    "意识",
    "自信",
    "代表",
    "全面",
    "毫不动摇",
    "规定",
    "区分开来",
    "务必",
    "必须",
    "结合",
    "统筹",
    "坚持",
    "着力",
    "革命",
)
_ANY_NUMBER = re.compile(rf"[\d{_CN_ALL}兩]")

_LABEL_STOP = '，,。；;：:！!？?（()）“”"《》等\n'
_LABEL_TRIM_TAIL = (
    "均达到",
    "均达",
    "均为",
    "达到",
    "共计",
    "累计",
    "先后",
    "合计",
    "总计",
    "共有",
    "仅有",
    "不少于",
    "不低于",
    "不超过",
    "超过",
    "不足",
    "不到",
    "至少",
    "大约",
    "将近",
    "接近",
    "达",
    "为",
    "是",
    "共",
    "计",
    "约",
    "近",
    "逾",
    "有",
    "了",
    "至",
    "的",
)
_LABEL_TRIM_HEAD = ("、", "和", "及", "其中", "同时", "并", "全年", "共计", "共", "累计")
_TRIM_TAIL = re.compile("(?:" + "|".join(map(re.escape, _LABEL_TRIM_TAIL)) + ")+$")
_TRIM_HEAD = re.compile("(?:" + "|".join(map(re.escape, _LABEL_TRIM_HEAD)) + ")+")
# Words that name nothing a figure counts: prepositions, adverbs, scope words and light verbs.
# A label made only of these (对, 明确, 全年为, 依法对) gives way to the noun phrase after the
# measure word (对14个设区市开展… → 设区市).
_BARE_WORDS = (  # noqa: SIM905 - one space-separated string reads better than 90 quoted words
    "对 向 为 赴 在 于 从 由 将 把 给 和 与 及 或 同 共 计 共计 合计 总计 累计 先后 全年 年内 "
    "其中 均 已 已经 分别 再 又 另 并 同时 依法 全部 仅 仅有 共有 现有 有 新 还 达 达到 "
    "明确 开展 完成 实现 推动 组建 下设 帮助 涉及 覆盖 惠及 确定 建成 建立 设立 出台 制定 "
    "举办 组织 召开 选派 培育 创建 培养 聘请 配备 新增 设置 成立 打造 梳理 形成 指导 督促 "
    "走访 印发 评选 全县 全镇 全乡 全区 全市 全省 全州 全局 全系统"
).split()
_BARE_WORD = re.compile("|".join(map(re.escape, sorted(set(_BARE_WORDS), key=len, reverse=True))))
# Where the noun phrase after a measure word ends: punctuation, 、, or a verb that follows it.
_NOUN_END = frozenset('，,。；;：:！!？?“”"《》、\n \u3000')
_NOUN_VERBS = (  # noqa: SIM905 - as above
    "开展 进行 实现 完成 全部 全面 全覆盖 均 作出 获评 获得 纳入 实行 实施 提供 参与 参加 "
    "办理 落实 建立 配备 取得 达到 追回 挽回 开通 签订 接受 得到 提出 列入 设立 组建 被 已 "
    "依法 不予 予以 共 累计 分别 全年 进入 通过 开设"
).split()
_NOUN_VERB = re.compile("|".join(map(re.escape, sorted(_NOUN_VERBS, key=len, reverse=True))))
# a noun phrase opening with these is a relative clause: its noun follows the last 的
_RELATIVE_VERBS = ("涉及", "存在", "属于", "符合", "具有")
_PAIR_JOINS = frozenset(("和", "及", "与", "或", "、", "以及"))
_NOUN_REACH = 24
_NOUN_MAX = 12
_WINDOW = 12
_WINDOW_SLACK = 6  # how far past the window a label may reach back to its punctuation
# Where a label cut by the window may start instead of mid-word: after a subject (复议局|,
# 部门|, 会议|), before a scope word (|全年, |累计) or after a verb that introduces the counted
# noun (收到|). The lookarounds keep words such as 局长, 委员, 办理, 公共, 法治政府 whole.
_SUBJECT_END = re.compile(
    "局(?![面长部限势])|委(?![员托屈])|院(?![长校士])|办(?![理案件结事公法好学实成])"
    "|部门|(?<!法治)政府(?![办常工])|中心(?!组)|单位|机关|办公室|会议(?!室)|室"
)
_SCOPE_START = re.compile(
    "我局|我委|本局|全市|全县|全区|全镇|全年|累计|(?<![公总一])共(?![同享建治性识产])"
)
_COUNT_VERB = re.compile("收到|办理|开展|受理|审查|培训|检查|组织|承办|审核|评查|主持|召开")
_CUT_WORDS = (_SUBJECT_END, _SCOPE_START, _COUNT_VERB)
_PLACES = frozenset("省市县区镇乡")
_MAX_DIGITS = 15


@attrs.frozen(kw_only=True)
class Figure:
    """A figure found in a text: ``start``/``end`` delimit ``source`` within that text."""

    label: str
    value: Decimal
    unit: str
    qualifier: Qualifier
    source: str
    start: int
    end: int


def _masked(folded: str) -> str:
    if not _MASK_TRIGGER.search(folded):
        return folded
    chars: list[str] | None = None
    for trigger, pattern in _MASKS:
        if not any(ch in folded for ch in trigger):
            continue
        for match in pattern.finditer(folded):
            if chars is None:
                chars = list(folded)
            chars[match.start() : match.end()] = "□" * (match.end() - match.start())
    return folded if chars is None else "".join(chars)


# a count of kinds whose noun a colon follows names the list after it (3项制度：……)
_LISTING_UNITS = frozenset("项个类种条")
_LIST_NOUN_MAX = 8


def _names_a_list(folded: str, end: int) -> bool:
    """Whether the noun after a count runs, without punctuation, into a colon (3项制度：)."""
    for index in range(end, min(len(folded), end + _LIST_NOUN_MAX + 1)):
        ch = folded[index]
        if ch in ":：":
            return index > end
        if ch in _LABEL_STOP or ch in "、 ":
            return False
    return False


def _grouping(folded: str, match: re.Match[str]) -> bool:
    """Whether N个 names the parts of a text rather than counting things: a numeral in words
    before 方面 or a quoted name (从三个方面, 三个“一号工程”). With Arabic digits it stays a
    figure (细化为6个方面24项), as the corpus annotates it."""
    return match.group("num")[0] in _CN_ALL and folded.startswith(_GROUPING_AFTER, match.end())


def _accept_chinese(numeral: str, value: int, match: re.Match[str]) -> bool:
    if value < 2:
        return False
    if numeral in ("十", "百", "千") and not (match.group("q1") or match.group("q2")):
        # 千家万户, 数十次: a bare 十/百/千 is a figure only as 十余次, 百余人, 近千卷, 约百人
        before = match.string[max(0, match.start() - 3) : match.start()]
        return any(before.endswith(word) for word, _ in _PREFIX_QUALIFIERS)
    if any(ch in numeral for ch in "十百千") or match.group("mult"):
        return True
    if match.group("q1") or match.group("q2"):
        return True
    if len(numeral) == 1 and numeral != "二" and match.group("unit") in _COUNTED:
        # 开展培训两次。 召开会议三次，: a count that ends its clause (not 三次分配, 二次供水);
        # 两 is only ever a cardinal (两轮审议), and after 分 共 经过 … it counts (分七期)
        if numeral == "两":
            return True
        before = match.string[max(0, match.start() - 2) : match.start()]
        if before.endswith(_COUNT_BEFORE):
            return True
        return match.string[match.end() : match.end() + 1] in _CLAUSE_END
    if match.group("unit") != "个" or len(numeral) != 1:
        return False
    # 两个确立, 四个意识, 三个代表 …: slogans, not counts, even without quotation marks
    return not match.string.startswith(_SLOGAN_WORDS, match.end())


_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def _value(match: re.Match[str], original: str) -> Decimal | None:
    numeral = match.group("num")
    if numeral[0] in _CN_ALL:
        chinese = chinese_value(numeral)
        if chinese is None or not _accept_chinese(numeral, chinese, match):
            return None
        value = Decimal(chinese)
    else:
        if "," in numeral and "," not in original[match.start("num") : match.end("num")]:
            return None  # a full-width comma is a list separator, not a thousands separator
        digits = numeral.replace(",", "")
        if len(digits.replace(".", "")) > _MAX_DIGITS:
            return None
        try:
            value = Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
            return None
    multiplier = _MULTIPLIERS.get(match.group("mult") or "", 1)
    if multiplier != 1:
        value *= multiplier
    if value > 10**15:
        return None
    return Decimal(int(value)) if value == value.to_integral_value() else value


def _qualifier(folded: str, match: re.Match[str], start: int) -> tuple[Qualifier, int, int]:
    """The qualifier, and the source span widened to take in the words that state it."""
    end = match.end()
    if match.group("q1") or match.group("q2"):
        return "at_least", start, end
    after = folded[end : end + 3]
    if after[:1] in _SUFFIX_FIRST:
        for word, qualifier in _SUFFIX_QUALIFIERS:
            if after.startswith(word):
                return qualifier, start, end + len(word)
    if after.startswith("多") and match.group("unit") not in ("%",):
        return "at_least", start, end + 1
    lower = _RANGE_LOWER.search(folded, max(0, start - 10), start)
    if lower is not None:  # 3至5个工作日: the upper end of a range is at most
        return "at_most", lower.start(), end
    before = folded[max(0, start - 3) : start]
    if before[-1:] in _PREFIX_LAST:
        for word, qualifier in _PREFIX_BY_LENGTH:  # 不超过 before 超过
            if before.endswith(word):
                return qualifier, start - len(word), end
    return "exact", start, end


def _label(original: str, folded: str, clause_start: int, number_start: int) -> str:
    """The words before a figure, without the verbs and connectives that join them to it."""
    folded_label = folded[clause_start:number_start]
    tail = _TRIM_TAIL.search(folded_label)
    end = tail.start() if tail is not None and tail.start() > 0 else len(folded_label)
    head = _TRIM_HEAD.match(folded_label, 0, end)
    start = head.end() if head is not None and head.end() < end else 0
    return original[clause_start + start : clause_start + end].strip(" \u3000、")


def _is_bare(folded_label: str) -> bool:
    """Whether a label names nothing: empty, or only words of :data:`_BARE_WORDS`."""
    index = 0
    while index < len(folded_label):  # longest word first, no backtracking: linear time
        word = _BARE_WORD.match(folded_label, index)
        if word is None:
            return False
        index = word.end()
    return True


def _noun_after(masked: str, end: int) -> tuple[int, int] | None:
    """The noun phrase right after a measure word (42项[重点任务]。), as a span, or ``None``.

    It runs to the next punctuation or 、, or to a verb that follows it (14个[设区市]开展…);
    one that runs into another number, or past :data:`_NOUN_REACH` characters, is no noun.
    Before 的 it is the counted noun (32家[企业]的轻微违法行为); after a relative clause
    (涉及经营主体的[政策措施]) the noun after the last 的.
    """
    limit = min(len(masked), end + _NOUN_REACH)
    index = end
    while index < limit and masked[index] not in _NOUN_END and masked[index] not in "0123456789":
        index += 1
    verb = _NOUN_VERB.search(masked, end, index)
    if verb is not None and verb.start() == end:
        return None  # a verb right after the measure word: 检查76次发现…
    closed = [
        at for at in (masked.find(")", end, index), masked.find("）", end, index)) if at != -1
    ]
    joined = False
    if verb is not None:
        index = verb.start()
    elif index < limit and masked[index] in "0123456789":
        # 9个[村级调解室]和12个…: the noun ends at the word joining it to the next figure
        for join in ("以及", "和", "及", "与", "或", "、"):
            if masked.endswith(join, end, index) and index - len(join) > end:
                index, joined = index - len(join), True
                break
    if closed and min(closed) < index:
        index = min(closed) + 1  # 12个[乡镇（街道）]赋予…: a bracketed note ends the noun
    elif verb is None and not joined and index < len(masked) and masked[index] not in _NOUN_END:
        return None  # ran into the next figure or too far
    start = end
    phrase = masked[start:index]
    first = phrase.find("的")
    if first != -1:
        if phrase.startswith(_RELATIVE_VERBS):
            start += phrase.rfind("的") + 1
        else:
            index = start + first
        phrase = masked[start:index]
    for open_, close in (("（", "）"), ("(", ")")):
        opened = phrase.rfind(open_)
        if opened != -1 and close not in phrase[opened:]:
            index = start + opened
            phrase = masked[start:index]
    if not 0 < len(phrase) <= _NOUN_MAX or _is_bare(phrase) or set(phrase) <= {"□"}:
        return None
    return start, index


def _names_something(masked: str, start: int, number_start: int) -> bool:
    """Whether the words from ``start`` to the figure, joining verbs aside, name anything."""
    words = masked[start:number_start]
    tail = _TRIM_TAIL.search(words)
    if tail is not None:
        words = words[: tail.start()]
    return bool(words) and not _is_bare(words)


def _word_start(masked: str, floor: int, cut: int, number_start: int) -> int:
    """Where a label the window cut mid-word starts instead: at the start of a word the cut
    split (开|展 → 开展), at ``cut`` if it is a boundary already, else at the first boundary
    after it (议局|全年收到行政复议申请), past the scope words and counting verbs that follow
    (行政复议申请); ``cut`` itself if there is none. It never reaches back before ``floor``."""
    for pattern in _CUT_WORDS:
        for word in pattern.finditer(masked, max(floor, cut - 3), min(number_start, cut + 3)):
            if word.start() < cut < word.end():
                return word.start()
    for at in (max(floor, cut - 1), cut):  # a subject starts at the cut: (县)司法局, 市政府
        if (
            masked[at] in _PLACES
            and (at == 0 or masked[at - 1] != "全")
            and _SUBJECT_END.search(masked, at + 1, min(number_start, at + 6))
        ):
            return at
    if any(w.end() == cut for w in _SUBJECT_END.finditer(masked, max(0, cut - 3), cut)) or (
        _SCOPE_START.match(masked, cut, number_start)
    ):
        return cut
    starts = [m.end() for m in _SUBJECT_END.finditer(masked, cut, number_start)]
    starts += [m.start() for m in _SCOPE_START.finditer(masked, cut, number_start)]
    starts += [m.end() for m in _COUNT_VERB.finditer(masked, cut, min(number_start, cut + 4))]
    starts = [at for at in starts if at > cut and _names_something(masked, at, number_start)]
    if not starts:
        return cut
    index = min(starts)
    while True:
        lead = _SCOPE_START.match(masked, index, number_start) or _COUNT_VERB.match(
            masked, index, number_start
        )
        if lead is None or not _names_something(masked, lead.end(), number_start):
            return index
        index = lead.end()


def _clause_start(masked: str, floor: int, number_start: int) -> int:
    """Where the phrase stating a figure begins: after the nearest punctuation or 等, at most
    :data:`_WINDOW` characters of label back (the verbs joining label and figure, such as 达到,
    do not count), never inside a word of Latin letters or digits."""
    near = masked[max(floor, number_start - _WINDOW) : number_start]
    verbs = _TRIM_TAIL.search(near)
    joining = len(near) - verbs.start() if verbs is not None and verbs.start() > 0 else 0
    low = max(floor, number_start - _WINDOW - joining)
    index = number_start
    while index > low and masked[index - 1] not in _LABEL_STOP:
        index -= 1
    if index == low and index > 0 and masked[index - 1] not in _LABEL_STOP:
        comma = masked.find("、", index, number_start)
        reach = max(floor, index - _WINDOW_SLACK)
        back = index
        while back > reach and masked[back - 1] not in _LABEL_STOP:
            back -= 1
        if comma != -1:
            index = comma + 1  # the window cut a word: start at the next list item instead
        elif back == 0 or masked[back - 1] in _LABEL_STOP:
            index = back  # a label a little longer than the window: up to its punctuation
        else:
            index = _word_start(masked, floor, index, number_start)
    while index < number_start and (
        masked[index] in "、□" or (masked[index].isascii() and masked[index].isalnum())
    ):
        index += 1
    return index


def _figures(text: str) -> Iterator[Figure]:
    if not _ANY_NUMBER.search(text):
        return
    folded = fold(text)
    masked = _masked(folded)
    floor = 0
    previous_label, previous_end = "", 0
    for match in _FIGURE.finditer(masked):
        start = match.start()
        if start > 0 and (masked[start - 1].isascii() and masked[start - 1].isalnum()):
            continue  # part of a code such as App2 or ISO9001
        if start > 0 and masked[start - 1] in ".-_/":
            continue
        unit_text = match.group("unit")
        if (
            start > 0
            and masked[start - 1] == "第"
            and not (match.group("num")[0].isdigit() and unit_text in ("位", "名"))
        ):
            continue  # ordinals and article numbers: 第三批, 第二十四条 (ranks 第3位 stay)
        if unit_text in _LISTING_UNITS and _names_a_list(folded, match.end()):
            continue  # 落实3项制度：公示、记录、审核: the count of a list that follows
        if unit_text == "个" and _grouping(folded, match):
            continue  # 从三个方面, 7个方面58项, 三个“一号工程”: the parts of a list, not a count
        value = _value(match, text)
        if value is None:
            continue
        qualifier, source_start, source_end = _qualifier(folded, match, start)
        clause_start = _clause_start(masked, floor, source_start)
        label = _label(text, folded, clause_start, source_start)
        floor = match.end()
        if label and fold(label).endswith(("和", "及", "与", "或")) and len(label) > 1:
            # 设立调解室和9个村级调解室: the words before are the list's other member; the
            # figure counts the noun after it
            noun = _noun_after(masked, source_end)
            if noun is not None:
                label = text[noun[0] : noun[1]]
                clause_start, source_end = source_start, noun[1]
                floor = noun[1]
        if _is_bare(fold(label)):
            # 明确42项重点任务, 对14个设区市开展…: the words before name nothing, the noun follows
            noun = _noun_after(masked, source_end)
            if noun is not None:
                label = text[noun[0] : noun[1]]
                source_end = floor = noun[1]
            elif previous_label and folded[previous_end:source_start].strip() in _PAIR_JOINS:
                label = previous_label  # 提高0.8个和1.2个百分点: the pair shares its label
            if _is_bare(fold(label)):
                label = text[start : match.end()]  # nothing names it: its own words (37名)
        unit_end = match.end("per") if match.group("per") else match.end("unit")
        unit = "%" if unit_text == "%" else text[match.start("unit") : unit_end]
        if unit_text == "个" and _SHARED_POINTS.match(masked, match.end()):
            unit = "个百分点"  # 提高0.8个和1.2个百分点: the unit the pair shares
        previous_label, previous_end = label, source_end
        yield Figure(
            label=label[:500],
            value=value,
            unit=unit,
            qualifier=qualifier,
            source=text[clause_start:source_end],
            start=clause_start,
            end=source_end,
        )


# 连续5年, 连续三年: a duration in years (a bare N年 is a year or a date, never a figure)
_YEARS_RUNNING = re.compile(rf"连续(?P<num>\d{{1,2}}|[{_CN_ALL}]{{1,3}})年(?![度底初末前])")


def _word_value(match: re.Match[str]) -> Decimal | None:
    """The value of 百分之九十七点五 (97.5) or 连续三年 (3)."""
    numeral = match.group(1)
    whole = int(numeral) if numeral.isdigit() else chinese_value(numeral)
    if whole is None:
        return None
    decimals = match.groupdict().get("dec")
    if decimals:
        # digit by digit (点零五 is .05); 两 reads as 二 here
        return Decimal(f"{whole}.{decimals.replace('两', '二').translate(DIGIT_TABLE)}")
    return Decimal(whole)


def _worded_figures(text: str) -> Iterator[Figure]:
    """Figures the measure-word pattern cannot see: percentages in words, years running."""
    folded = fold(text)
    masked = _masked(folded)
    for pattern, unit in ((_PERCENT_WORDS, "%"), (_YEARS_RUNNING, "年")):
        if pattern.pattern[:2] not in masked:
            continue
        for match in pattern.finditer(masked):
            value = _value_checked(match)
            if value is None:
                continue
            start = match.start()
            before = folded[max(0, start - 3) : start]
            qualifier: Qualifier = "exact"
            source_start = start
            for word, found in _PREFIX_BY_LENGTH:
                if before.endswith(word):
                    qualifier, source_start = found, start - len(word)
                    break
            clause_start = _clause_start(masked, 0, source_start)
            label = _label(text, folded, clause_start, source_start) or text[start : match.end()]
            yield Figure(
                label=label[:500],
                value=value,
                unit=unit,
                qualifier=qualifier,
                source=text[clause_start : match.end()],
                start=clause_start,
                end=match.end(),
            )


def _value_checked(match: re.Match[str]) -> Decimal | None:
    value = _word_value(match)
    return value if value is not None and 0 < value <= 10**6 else None


def find_figures(text: str) -> tuple[Figure, ...]:
    """Every figure stated in ``text``, in order; see the module docstring for what counts."""
    if not _ANY_NUMBER.search(text):
        return ()  # most headings and many sentences: no number, no generator
    found = tuple(_figures(text))
    if "百分之" not in text and "连续" not in text:
        return found
    return tuple(sorted((*found, *_worded_figures(text)), key=lambda figure: figure.start))


_REFERENCE = re.compile(r"《([^《》\n]{1,300})》")


def find_references(text: str) -> tuple[str, ...]:
    """Titles cited in 《…》, without the brackets, first occurrence order, no repeats."""
    seen: dict[str, None] = {}
    for match in _REFERENCE.finditer(text):
        title = match.group(1).strip()
        if title and len(title) <= 500:
            seen.setdefault(title, None)
    return tuple(seen)
