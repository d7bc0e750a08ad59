"""Views of reports for people: text, Markdown and self-contained HTML pages."""

from __future__ import annotations

from rol_model.views._docx import write_docx
from rol_model.views._html import (
    html_check,
    html_diff,
    html_report,
    html_trend,
    inert,
    write_page,
)
from rol_model.views._html_base import environment as page_environment
from rol_model.views._render import (
    RenderFormat,
    render,
)

__all__ = [
    "RenderFormat",
    "html_check",
    "html_diff",
    "html_report",
    "html_trend",
    "inert",
    "page_environment",
    "render",
    "write_docx",
    "write_page",
]
