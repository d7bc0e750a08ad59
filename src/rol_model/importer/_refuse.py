"""Inputs that are not a published report: refused before import, with what to run instead.

``rol import`` reads the text of a published report (plain text, a saved web page, Word). A
report JSON file fed to it by mistake used to import as a "report" titled ``{``; JSON and XML
documents are refused here with :class:`~rol_model.exceptions.NotAReportError` (an
``UnsupportedFormatError``).
"""

from __future__ import annotations

import json
import re

from rol_model.exceptions import NotAReportError

__all__ = ["refuse_non_report"]

_XML = re.compile(r"\A\s*<\?xml\b(?![^>]*\bhtml\b)", re.IGNORECASE)
_REPORT_KEYS = ("title", "organization", "year", "parts")


def refuse_non_report(text: str, name: str | None) -> None:
    """Raise :class:`NotAReportError` when ``text`` is a JSON or XML document.

    A report JSON file (one with title, organization, year and parts) gets the commands that
    take it; any other JSON or XML gets the kinds of input ``rol import`` reads.
    """
    where = name or "<stdin>"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if data is not None or (stripped[:1] == "{" and re.match(r'\{\s*"', stripped)):
            if isinstance(data, dict) and all(key in data for key in _REPORT_KEYS):
                raise NotAReportError(
                    f"{where}: this is already a report JSON file, not the text of a published "
                    f"report; nothing to import: run `rol validate {where}` or "
                    f"`rol check {where}` to check it, `rol render {where}` to see it as text",
                    format="report JSON",
                )
            raise NotAReportError(
                f"{where}: this is JSON, not the text of a published report; `rol import` reads "
                "a report as text, a saved web page (.html) or Word (.docx)",
                format="JSON",
            )
    if _XML.match(stripped) and "<html" not in stripped[:2000].lower():
        raise NotAReportError(
            f"{where}: this is an XML document, not the text of a published report; "
            "`rol import` reads a report as text, a saved web page (.html) or Word (.docx)",
            format="XML",
        )
