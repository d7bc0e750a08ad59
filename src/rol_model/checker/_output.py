"""The checker's findings as text or data: :func:`format_findings`, :func:`findings_to_dict`.

The same pattern as the diff (``format_diff``, ``diff_to_dict``) and the trends
(``format_comparison``, ``comparison_to_dict``): one function gives text, the other JSON-shaped
data. ``rol check`` prints exactly these.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from rol_model.checker._registry import PART_NAMES, Finding
from rol_model.exceptions import UnsupportedFormatError
from rol_model.model import Report
from rol_model.text import terminal_text

__all__ = ["FindingsFormat", "count_findings", "findings_to_dict", "format_findings"]

FindingsFormat = Literal["text", "json"]
"""Output of :func:`format_findings`: text grouped by part, or JSON."""

_SEVERITIES = ("error", "warning", "info")
_PLURALS = {"error": "errors", "warning": "warnings", "info": "info"}


def count_findings(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity: ``{"error": 2, "warning": 1, "info": 0}``."""
    return {severity: sum(f.severity == severity for f in findings) for severity in _SEVERITIES}


def findings_to_dict(
    findings: Sequence[Finding],
    *,
    file: str | None = None,
    profile: str = "national",
    previous: str | None = None,
) -> dict[str, Any]:
    """The findings as JSON-shaped data: file, previous, profile, counts and every finding."""
    return {
        "file": file,
        "previous": previous,
        "profile": profile,
        "counts": count_findings(findings),
        "findings": [attrs.asdict(finding) for finding in findings],
    }


def _part_label(report: Report, index: int) -> str:
    part = report.parts[index]
    heading = part.heading or PART_NAMES[part.kind][1]
    return f"{part.marker or ''}{heading} (/parts/{index})"


def _group(report: Report, finding: Finding) -> tuple[int, str]:
    tokens = finding.pointer.split("/")
    if len(tokens) > 2 and tokens[1] == "parts" and tokens[2].isdigit():
        index = int(tokens[2])
        if index < len(report.parts):
            return index, _part_label(report, index)
    return -1, "Whole report / 全文"


def _text(report: Report, findings: Sequence[Finding], name: str, profile: str) -> str:
    lines: list[str] = []
    summary = ", ".join(
        f"{n} {s if n == 1 else _PLURALS[s]}" for s, n in count_findings(findings).items()
    )
    lines.append(f"{terminal_text(name, one_line=True)}: {summary} (profile {profile})")
    current: int | None = None
    for finding in sorted(findings, key=lambda f: _group(report, f)[0]):
        index, label = _group(report, finding)
        if index != current:
            lines += ["", label]
            current = index
        lines.append(
            f"  {finding.severity:<7} {finding.code} {finding.name}  {finding.pointer or '/'}"
        )
        if finding.excerpt:
            lines.append(f"          “{finding.excerpt}”")
        lines.append(f"          {finding.message}")
        lines.append(f"          {finding.message_zh}")
    # report text is data: control and bidi characters are shown, never obeyed by a terminal
    return "\n".join(terminal_text(line) for line in lines) + "\n"


def format_findings(
    report: Report,
    findings: Sequence[Finding],
    format: FindingsFormat = "text",
    *,
    file: str = "<report>",
    profile: str = "national",
    previous: str | None = None,
) -> str:
    """The findings of :func:`~rol_model.check` on ``report`` as text or JSON.

    Text gives a summary line, then the findings grouped by the part they concern, each with its
    code, pointer, excerpt and English and Chinese message. JSON is :func:`findings_to_dict`
    indented by two spaces. Raises :class:`~rol_model.UnsupportedFormatError` for another format.
    """
    if format == "text":
        return _text(report, findings, file, profile)
    if format == "json":
        document = findings_to_dict(findings, file=file, profile=profile, previous=previous)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    raise UnsupportedFormatError("findings", format, ("text", "json"))
