"""Chinese numerals: reading them (三 → 3, 二十三 → 23, 三千五百 → 3500) and writing them.

One place for the numerals that outline markers (（一）, 十二、), dates (二〇二三年), figures
(三次, 一百二十人) and the official layout use.
"""

from __future__ import annotations

__all__ = ["CHINESE_DIGITS", "DIGIT_TABLE", "chinese_number", "chinese_value"]

#: The numerals of outline markers, 一 to 十, in order.
CHINESE_DIGITS = "一二三四五六七八九十"
#: ``str.translate`` table turning digit-by-digit numerals into ASCII digits (二〇二三 → 2023).
DIGIT_TABLE = str.maketrans("〇零○一二三四五六七八九", "000123456789")

_DIGITS = {"零": 0, "〇": 0, "两": 2, **{ch: i + 1 for i, ch in enumerate(CHINESE_DIGITS[:9])}}
_SCALES = {"十": 10, "百": 100, "千": 1000}


def chinese_value(numeral: str) -> int | None:
    """三 → 3, 十二 → 12, 一百二十 → 120, 三千五百 → 3500; ``None`` for runs like 一一 or 三五.

    Also ``None`` for text that is not a numeral and for zero.
    """
    if not numeral or (len(numeral) > 1 and not any(ch in _SCALES for ch in numeral)):
        return None
    total = 0
    current = 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _SCALES:
            total += (current or 1) * _SCALES[ch]
            current = 0
        else:
            return None
    total += current
    return total or None


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 99 → 九十九 (larger numbers stay Arabic)."""
    if number < 1 or number > 99:
        return str(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return CHINESE_DIGITS[ones - 1]
    head = "" if tens == 1 else CHINESE_DIGITS[tens - 1]
    return head + "十" + (CHINESE_DIGITS[ones - 1] if ones else "")
