"""Folding Chinese text for matching: half-width ASCII, simplified characters, one for one.

:func:`fold` returns a copy of a string of the same length in which full-width ASCII is
half-width and the traditional characters that matter for matching are simplified, so a match
position in the folded copy is the same position in the original. Content is never converted:
only the matching copy is folded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SIMPLIFIED", "TRADITIONAL", "fold", "remembered_folds"]

# Traditional → simplified, one character each, for the characters the importer's patterns use
# (headings, units, qualifiers, page residue, organisation names). Content is never converted.
TRADITIONAL = (
    "責負職領導報項況問題難劃計點標舉開績進設產現發佈時間來資訊瀏覽數擊號關閉辦網識碼備聯繫係話"
    "頁當類機構戶門無礙長簡體糾錯個條場張臺輛萬億餘約過於歲畝噸處捲筆組隊輪屆員會廳鎮鄉縣區黨兩"
    "內節課學頭隻種為爲總結匯彙與務專據實際達將較級並從規範執審覈檢違書記鐘週層邊單樣傳統線應則"
    "讀說請護環衛農業勞動營權證參試賽質價貨車頃裡論訴復複議決採納徵稅訪調審慶幹羣眾眾優濟態礎"
    "億歷屆戰罰醫藥遊園圖氣標準興構買賣費錄斷顯證億陽陰後齊衝僅傷鬥鬧壓驗險錢針對針"
)
SIMPLIFIED = (
    "责负职领导报项况问题难划计点标举开绩进设产现发布时间来资讯浏览数击号关闭办网识码备联系系话"
    "页当类机构户门无碍长简体纠错个条场张台辆万亿余约过于岁亩吨处卷笔组队轮届员会厅镇乡县区党两"
    "内节课学头只种为为总结汇汇与务专据实际达将较级并从规范执审核检违书记钟周层边单样传统线应则"
    "读说请护环卫农业劳动营权证参试赛质价货车顷里论诉复复议决采纳征税访调审庆干群众众优济态础"
    "亿历届战罚医药游园图气标准兴构买卖费录断显证亿阳阴后齐冲仅伤斗闹压验险钱针对针"
)
assert len(TRADITIONAL) == len(SIMPLIFIED)

_FOLD: dict[int, str] = {ord(t): s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
_FOLD.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})  # full-width ASCII
_FOLD.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0xFEFF: " "})
_FOLD.update({ord("％"): "%", ord("﹪"): "%", ord("﹒"): ".", ord("〇"): "〇"})


def _table() -> list[int]:
    """:data:`_FOLD` as a list indexed by code point: ``str.translate`` looks a character up in
    a list without the ``KeyError`` a dict raises for every character it does not hold (half
    the time of the dict for Chinese text); past its end the character stays as it is."""
    table = list(range(max(_FOLD) + 1))
    for code, simple in _FOLD.items():
        table[code] = ord(simple)
    return table


_TABLE: list[int] = []


# An import folds the same lines many times (the title, date, issuer, year and signature
# readers all look at the first lines; a paragraph is folded by each reader of its items): in a
# block of :func:`remembered_folds` each distinct string is folded once. Each thread has its
# own (``threading``, unlike ``contextvars``, is loaded anyway when a command starts).
_remembered = threading.local()


def fold(text: str) -> str:
    """A copy of ``text`` for matching only: same length, half-width, simplified characters.

    Every character is folded on its own into one character, so ``fold(a + b)`` is
    ``fold(a) + fold(b)`` and a slice of a folded text is the fold of the same slice; line
    breaks are never folded.
    """
    folds: dict[str, str] | None = getattr(_remembered, "folds", None)
    if folds is not None:
        folded = folds.get(text)
        if folded is None:
            folded = folds[text] = text.translate(_TABLE or _filled_table())
        return folded
    return text.translate(_TABLE or _filled_table())


def _filled_table() -> list[int]:
    # built on first use, not when a command starts (about 3 ms); filled in one
    # step, so two threads that both build it leave one whole table
    _TABLE[:] = _table()
    return _TABLE


@contextmanager
def remembered_folds() -> Iterator[None]:
    """Within the block, :func:`fold` folds each distinct string once and then returns the same
    copy (an import folds its lines many times); the copies are dropped when the block ends.
    The memory is the current thread's own."""
    outer = getattr(_remembered, "folds", None)
    _remembered.folds = {}
    try:
        yield
    finally:
        _remembered.folds = outer
