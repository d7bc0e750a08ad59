"""Self-contained HTML views of a report, its check findings, a diff and a series of reports.

Each view is one HTML file with inline CSS and no scripts, fonts or other files to fetch: it opens
offline in any browser, prints on A4 and can be attached to an email. The pages are built from
Jinja2 templates (``rol_model/templates``, optional extra ``rol-model[html]``) with autoescaping,
so every piece of report text is escaped. Characters that could make text display other than it
reads (bidirectional controls such as U+202E and other control characters) are replaced by a
visible marker ``⟦U+202E⟧`` wherever they occur; see ``docs/views.md``.

This module holds the public functions; ``_html_base`` the environment and the shared text
helpers; ``_html_report``, ``_html_diff`` and ``_html_trend`` build the context of each view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rol_model.model import Report
from rol_model.views._html_base import CONTROL_CHARACTERS, inert, render_template

if TYPE_CHECKING:
    from rol_model.checker import Finding
    from rol_model.diffing import ReportDiff
    from rol_model.trends import Comparison

__all__ = [
    "CONTROL_CHARACTERS",
    "html_check",
    "html_diff",
    "html_report",
    "html_trend",
    "inert",
    "write_page",
]


def html_report(
    report: Report,
    findings: Sequence[Finding] | None = None,
    *,
    required_parts: Sequence[str] | None = None,
) -> str:
    """The report as one self-contained HTML page in the official outline.

    Parts come in the regulation's order, numbered 一、 二、 …, items by depth （一） 1. （1） ①;
    a bar shows which of the five parts the report has, and the missing ones the profile
    requires (``required_parts``, default the national profile's: see
    :func:`~rol_model.required_parts`) are named where they belong. Figures are highlighted
    with value, unit and qualifier on hover, focus and in print. With ``findings`` (from
    :func:`~rol_model.check`), each finding stands next to the item it concerns; findings on
    the whole report stand at the top. Raises :class:`~rol_model.MissingExtraError` when
    Jinja2 (extra ``rol-model[html]``) is missing.
    """
    from rol_model.views._html_report import report_context

    context = report_context(report, findings, required_parts)
    return render_template("report.html.j2", check=False, profile=None, **context)


def html_check(
    report: Report,
    findings: Sequence[Finding],
    *,
    profile: str | None = None,
    required_parts: Sequence[str] | None = None,
) -> str:
    """The check results as one HTML page: counts, a table of findings, then the annotated report.

    ``profile`` names the profile the findings came from, for the page header. Each row of the
    table links to the item the finding concerns; ``required_parts`` is the profile's list of
    required parts (default the national profile's). Raises
    :class:`~rol_model.MissingExtraError` when Jinja2 is missing.
    """
    from rol_model.views._html_report import report_context

    context = report_context(report, findings, required_parts)
    return render_template("report.html.j2", check=True, profile=profile, **context)


def html_diff(old: Report, new: Report, report_diff: ReportDiff | None = None) -> str:
    """What changed from ``old`` to ``new`` as one HTML page (see :func:`~rol_model.diff`).

    Changed words are marked ``<del>``/``<ins>`` inside each changed item; figures changed,
    added and removed are in one table with arrows and notes on inexact comparisons. Pass
    ``report_diff`` when it is already computed. Raises :class:`~rol_model.RolModelError` when
    Jinja2 is missing.
    """
    from rol_model.views._html_diff import diff_context

    return render_template("diff.html.j2", **diff_context(old, new, report_diff))


def html_trend(comparison: Comparison) -> str:
    """A series of one body's reports (:func:`~rol_model.compare`) as one HTML page.

    One small inline SVG chart per figure across the years (gaps marked), a table of all values,
    plan follow-through and recurring shortcomings as tables. Raises
    :class:`~rol_model.RolModelError` when Jinja2 is missing.
    """
    from rol_model.views._html_trend import trend_context

    return render_template("trend.html.j2", **trend_context(comparison))


def write_page(page: str, path: str | None, out: TextIO) -> None:
    """Write an HTML page to ``path`` (UTF-8), or to ``out`` when ``path`` is ``None``.

    Raises :class:`~rol_model.WriteError` when the file cannot be written.
    """
    if path is None:
        out.write(page)
        return
    from rol_model.serialize import write_file

    write_file(path, page)
