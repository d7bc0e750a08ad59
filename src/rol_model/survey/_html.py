"""The survey page: one self-contained HTML file from ``survey/templates/survey.html.j2``.

Autoescaping is on, and characters that could make text display other than it reads
(bidirectional and other control characters) are shown as ``⟦U+XXXX⟧``, as in the other views.
The page carries its own small script (sorting and filters) and a Content Security Policy that
allows nothing to be fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rol_model._about import __version__
from rol_model.views import page_environment

if TYPE_CHECKING:
    from rol_model.survey._survey import Survey

__all__ = ["render_survey"]


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def render_survey(
    result: Survey,
    levels: Mapping[str, str],
    statuses: Mapping[str, str],
    kinds: Mapping[str, str],
    parts: Mapping[str, str],
) -> str:
    """Render the page for ``result`` with the Chinese names of levels, statuses, kinds, parts."""
    present_levels = sorted(
        {body.level for body in result.bodies if body.level},
        key=lambda level: list(levels).index(level) if level in levels else len(levels),
    )
    level_of = {(b.file, b.year): b.level or "" for b in result.bodies}
    return (
        page_environment("rol_model.survey", "the survey page")
        .get_template("survey.html.j2")
        .render(
            version=__version__,
            survey=result,
            levels=levels,
            present_levels=present_levels,
            statuses=statuses,
            kinds=kinds,
            part_names=parts,
            percent=_percent,
            level_of=level_of,
            errors=sum(b.errors for b in result.bodies),
            warnings=sum(b.warnings for b in result.bodies),
        )
    )
