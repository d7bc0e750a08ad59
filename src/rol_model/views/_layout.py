"""The official layout shared by every view: part order, default headings, item markers."""

from __future__ import annotations

from rol_model.model import PartKind
from rol_model.text import chinese_number

__all__ = ["DEFAULT_HEADINGS", "ORDER", "marker", "paragraphs"]

ORDER: dict[PartKind, int] = {
    "measures": 0,
    "shortcomings": 1,
    "leadership": 2,
    "plans": 3,
    "other": 4,
}
DEFAULT_HEADINGS: dict[PartKind, str] = {
    "measures": "推进法治政府建设的主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leadership": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans": "推进法治政府建设的主要安排",
    "other": "其他需要报告的情况",
}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def marker(depth: int, number: int) -> str:
    """The official marker of an item at ``depth`` (1-based): （一）, 1., （1）, ①."""
    if depth == 1:
        return f"（{chinese_number(number)}）"
    if depth == 2:
        return f"{number}."
    if depth == 3:
        return f"（{number}）"
    return _CIRCLED[number - 1] if number <= len(_CIRCLED) else f"{number})"


def paragraphs(text: str | None) -> list[str]:
    """The non-blank lines of ``text``: its paragraphs."""
    return [line for line in (text or "").split("\n") if line.strip()]
