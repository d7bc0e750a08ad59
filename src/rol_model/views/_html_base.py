"""What every HTML view shares: the Jinja2 environment, inert text, figures and anchors."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.exceptions import require_extra
from rol_model.model import Indicator
from rol_model.text import plain

if TYPE_CHECKING:
    import jinja2


#: Characters never written as they are: bidirectional controls (U+202A–U+202E, U+2066–U+2069,
#: U+200E, U+200F, U+061C) and C0 controls other than tab and line feed, plus DEL.
CONTROL_CHARACTERS = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b-\x1f\x7f]"
)

_QUALIFIERS = {
    "exact": ("", "确数", "exact"),
    "at_least": ("≥", "以上", "at least"),
    "approximately": ("≈", "约数", "about"),
    "at_most": ("≤", "以内", "at most"),
}


def _label(char: str) -> str:
    return f"⟦U+{ord(char):04X}⟧"


def inert(text: str) -> str:
    """``text`` with every character of :data:`CONTROL_CHARACTERS` replaced by ``⟦U+XXXX⟧``."""
    return CONTROL_CHARACTERS.sub(lambda match: _label(match[0]), text)


@functools.lru_cache(maxsize=4)
def environment(
    package: str = "rol_model.views", feature: str = "HTML views"
) -> jinja2.Environment:
    """The Jinja2 environment of the pages whose templates are in ``package``/templates.

    Autoescaping is on, every text passes :func:`inert`, and the ``t`` (text with control
    characters shown) and ``number`` filters are there. Raises
    :class:`~rol_model.exceptions.MissingExtraError` naming ``feature`` when Jinja2 is missing.
    """
    require_extra("jinja2", extra="html", feature=feature)
    import jinja2
    import markupsafe  # installed with Jinja2

    def finalize(value: Any) -> Any:
        # Every {{ … }} passes here before escaping: a safety net for attributes and SVG text.
        if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
            return inert(value)
        return value

    def text(value: Any) -> markupsafe.Markup:
        escaped = str(markupsafe.escape("" if value is None else str(value)))
        return markupsafe.Markup(  # noqa: S704 - escaped above; only our own spans are added
            CONTROL_CHARACTERS.sub(
                lambda m: f'<span class="ctl" title="{_label(m[0])}">{_label(m[0])}</span>',
                escaped,
            )
        )

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["t"] = text
    env.filters["number"] = number
    return env


def render_template(name: str, **context: Any) -> str:
    """Render one of the packaged templates with ``context``."""
    from rol_model._about import __version__  # a constant: package metadata is slow to read

    return environment().get_template(name).render(version=__version__, **context)


def number(value: Decimal | None) -> str:
    """A figure for display: plain digits with thousands separators, no exponent unless the
    plain digits would run past 40 zeros (a value built in code, like ``1E-999999999``)."""
    if value is None:
        return "—"
    text = plain(value, ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def anchor(pointer: str) -> str:
    """An HTML id for a JSON Pointer: ``/parts/0/measures/1`` → ``at-parts-0-measures-1``."""
    return "at" + re.sub(r"[^A-Za-z0-9]+", "-", pointer).rstrip("-")


# Figures in the text ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Figure:
    """A figure as shown: ``shown`` is the value with its qualifier sign and unit."""

    id: str
    label: str
    shown: str
    title: str


@attrs.frozen(kw_only=True)
class Segment:
    """A run of text, highlighted when it states a figure."""

    text: str
    figure: Figure | None = None


Paragraph = tuple[Segment, ...]


def figure(indicator: Indicator) -> Figure:
    """How a figure is shown: value and unit, with its label, qualifier and period on hover."""
    sign, word_zh, word_en = _QUALIFIERS[indicator.qualifier]
    shown = f"{sign}{number(indicator.value)} {indicator.unit}".strip()
    title = f"{indicator.label}：{shown}（{word_zh} {word_en}）"
    if indicator.period is not None:
        title += f" {indicator.period.start.isoformat()}–{indicator.period.end.isoformat()}"
    return Figure(
        id=indicator.id, label=indicator.label, shown=shown, title=f"{title} [{indicator.id}]"
    )


def locate(
    texts: Sequence[str], indicators: Iterable[Indicator]
) -> tuple[list[Paragraph], tuple[Figure, ...]]:
    """Split each text into segments, highlighting each figure's source phrase where it occurs.

    A figure takes the first occurrence of its phrase not taken by another; figures whose phrase
    is in none of the texts are returned apart, to be listed after the text.
    """
    taken: list[list[tuple[int, int, Figure]]] = [[] for _ in texts]
    loose: list[Figure] = []
    for indicator in indicators:
        shown = figure(indicator)
        if not indicator.source or not _place(texts, taken, indicator.source, shown):
            loose.append(shown)
    paragraphs = []
    for text, spans in zip(texts, taken, strict=True):
        segments: list[Segment] = []
        cursor = 0
        for start, end, shown in sorted(spans, key=lambda span: span[0]):
            if start > cursor:
                segments.append(Segment(text=text[cursor:start]))
            segments.append(Segment(text=text[start:end], figure=shown))
            cursor = end
        if cursor < len(text) or not segments:
            segments.append(Segment(text=text[cursor:]))
        paragraphs.append(tuple(segments))
    return paragraphs, tuple(loose)


def _place(
    texts: Sequence[str], taken: list[list[tuple[int, int, Figure]]], phrase: str, shown: Figure
) -> bool:
    for text, spans in zip(texts, taken, strict=True):
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if all(end <= a or start >= b for a, b, _ in spans):
                spans.append((start, end, shown))
                return True
            start = text.find(phrase, start + 1)
    return False
