"""Import a published report (plain text, or Word through ``import_docx``) into a :class:`Report`.

:func:`import_text` takes the text of a report as published and returns an
:class:`ImportResult`: the report, schema-valid, and the warnings about what was uncertain or
skipped, each with its line number. Files and bytes of every format (``_files``) and Word
paragraphs (:func:`import_lines`) come here as text. See ``docs/import.md`` for what is
recognised.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Union

import attrs

from rol_model.exceptions import InvalidReportError, Issue
from rol_model.importer._attachment import attachment_parts
from rol_model.importer._body import parse_body
from rol_model.importer._build import Builder, link_plans, preamble, validated
from rol_model.importer._header import (
    _REGION_ONLY,
    attachments,
    find_title,
    front_matter,
    organization_from_title,
    organization_of,
    other_genre,
    published_on,
    reported_year,
    signature,
)
from rol_model.importer._identity import (
    Candidate,
    disclosure_opening,
    is_traditional,
    made_up_title,
    metadata_organization,
    opening_subject,
    split_glued_title,
    strip_watermarks,
    usable_body,
)
from rol_model.importer._outline import Paragraph, merge_broken_lines
from rol_model.importer._parts import (
    classify_part,
    fallback_parts,
    lift_leadership,
    split_combined_parts,
    split_parts,
)
from rol_model.importer._problems import error, info, warning
from rol_model.importer._runon import split_run_on
from rol_model.importer._source import (
    SourceLine,
    split_lines,
)
from rol_model.model import Report, Source
from rol_model.text import fold, remembered_folds

__all__ = [
    "MAX_IMPORT_BYTES",
    "ImportResult",
    "classify_part",
    "import_lines",
    "import_text",
]


#: Largest file :func:`import_file` reads (reports are tens of kilobytes; this is generous).
MAX_IMPORT_BYTES = 16 * 1024 * 1024


PathLike = Union[str, "os.PathLike[str]"]


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import produced: the report, and warnings about what was uncertain or skipped.

    Each warning is an :class:`~rol_model.Issue` with a stable ``code`` (``import.residue``,
    ``import.part-unrecognised``, ``import.numbering`` …), a ``severity`` (``info`` for residue
    that was dropped, ``warning`` for guesses a reviewer should check) and the ``line`` of the
    source it is about.
    """

    report: Report
    warnings: tuple[Issue, ...] = ()


#: How a Python caller supplies what the text does not state (the CLI rewrites these).
ORGANIZATION_HINT = 'pass the keyword organization="…" (import_text, import_file, import_docx)'
YEAR_HINT = "pass the keyword year=… (import_text, import_file, import_docx)"


_TITLE = "the title"
_SIGNATURE = "the signature or the issuer line"


def _reporting_body(
    title: str | None,
    *,
    opening: list[Paragraph],
    paragraphs: list[Paragraph],
    signed_by: str | None,
    signed_line: int | None,
    chrome: list[SourceLine],
    lines: list[SourceLine],
    issues: list[Issue],
) -> str | None:
    """The reporting body from the title, the opening sentence's subject, the signature and the
    page's metadata rows, in that order of trust; the source is recorded in an issue."""
    first = (opening or paragraphs)[:1]
    body_text = "\n".join(line.text for line in lines[:400])
    candidates: list[Candidate] = []
    from_title = usable_body(organization_from_title(title)) if title else None
    if from_title:
        candidates.append(Candidate(from_title, _TITLE, lines[0].number))
    if first:
        subject = opening_subject(first[0].text, first[0].start, body_text, issues)
        if subject is not None:
            candidates.append(subject)
    signed = usable_body(signed_by)
    if signed:
        candidates.append(Candidate(signed, _SIGNATURE, signed_line))
    metadata = metadata_organization(chrome)
    if metadata is not None:
        candidates.append(metadata)
    if not candidates:
        return None
    chosen = candidates[0]
    name = chosen.name
    if _REGION_ONLY.search(fold(name)):
        # a region (某某区): the fuller name another source gives, else its people's government
        fuller = next(
            (
                other.name
                for other in candidates[1:]
                if fold(other.name).startswith(fold(name))
                and fold(other.name).endswith(("政府", "办事处"))
            ),
            None,
        )
        if fuller is not None:
            name = fuller
        else:
            name += "办事处" if fold(name).endswith("街道") else "人民政府"
        issues.append(
            info(
                "import.organization-guessed",
                f"{chosen.source} names a region ({chosen.name}); organization taken as {name}",
                line=chosen.line,
            )
        )
    others = sorted({c.name for c in candidates[1:] if fold(c.name) != fold(name)})
    issues.append(
        Issue(
            code="import.organization-source",
            message=f"organization {name} read from {chosen.source}"
            + (f"; other sources name {', '.join(others)}" if others else ""),
            # the title and the signature state the body; an opening's subject or a page's
            # metadata row only suggests it
            severity="info" if chosen.source in (_TITLE, _SIGNATURE) else "warning",
            line=chosen.line,
        )
    )
    return name


def _refuse_other_genre(title: str | None, lines: list[SourceLine]) -> None:
    genre = other_genre(title, lines)
    if genre is None and (title is None or "法治" not in fold(title)) and disclosure_opening(lines):
        genre = "a government information disclosure annual report (政府信息公开工作年度报告)"
    if genre is not None:
        raise InvalidReportError(
            [
                error(
                    "import.wrong-genre",
                    f"this is {genre}, not a report on building a rule-of-law government "
                    "(法治政府建设年度报告); it has its own national format and is not imported",
                    line=lines[0].number if lines else None,
                )
            ]
        )


def _year(
    given: int | None,
    title: str | None,
    paragraphs: list[Paragraph],
    dates: tuple[dt.date | None, ...],
    issues: list[Issue],
) -> int | None:
    """The reported year: given, else from the title or opening, else from the date the report
    was signed or published (reports are due by 1 April of the next year), with a warning."""
    if given is not None:
        return given
    found = reported_year(title, paragraphs[:3])
    if found is not None:
        return found
    for when in dates:
        if when is not None:
            guessed = when.year - 1 if when.month <= 6 else when.year
            issues.append(
                warning(
                    "import.year-guessed",
                    f"no year in the title or opening; taken as {guessed} from the date "
                    f"{when.isoformat()} the report was signed or published",
                    line=paragraphs[0].start if paragraphs else None,
                )
            )
            return guessed
    return None


def _characters_only(text: str, notes: tuple[Issue, ...]) -> tuple[str, tuple[Issue, ...]]:
    """``text`` with each lone UTF-16 surrogate (no character JSON can carry) made U+FFFD, and
    the notes with a warning when there was one."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
        notes = (
            *notes,
            warning(
                "import.surrogate",
                "the text held lone UTF-16 surrogates, which are no characters; "
                "each became U+FFFD (�)",
            ),
        )
    return text, notes


@remembered_folds()  # each distinct line folded once however many readers look at it
def _import(
    text: str,
    *,
    organization: str | None,
    year: int | None,
    source: Source | None,
    notes: tuple[Issue, ...] = (),
) -> ImportResult:
    """The report in ``text``, with the warnings (``notes`` first: what reading the file found).

    The importer leaves the garbage collector alone: pausing it would save about a fifth of the
    time on a megabyte of adversarial text, but the collector is process-wide, and a library
    called from a web server must not change it under other threads.
    """
    text, notes = _characters_only(text, notes)
    lines, chrome, issues = split_lines(text)
    issues[:0] = notes
    if not lines:
        raise InvalidReportError([error("import.empty", "the text holds no report content")])
    lines = split_run_on(split_glued_title(strip_watermarks(lines, issues), issues), issues)
    title, body_start = find_title(lines, issues)
    _refuse_other_genre(title, lines[body_start : body_start + 60])
    # 石门县人民政府 / （2023年2月25日） / 市委、市政府： under the title
    issuer, dated, body_start = front_matter(lines, body_start, issues)
    body = attachments(lines[body_start:], issues)
    signed_by, issued_on, signature_lines = signature(body)
    signed_line = next(
        (
            line.number
            for line in (body[len(body) - signature_lines :] if signed_by else lines[:body_start])
            if (signed_by or issuer) and line.text.strip() == (signed_by or issuer or "").strip()
        ),
        None,
    )
    signed_by = signed_by or issuer
    issued_on = issued_on or dated
    paragraphs = merge_broken_lines(body[: len(body) - signature_lines])
    page_published = published_on(chrome)
    early_year = _year(year, title, paragraphs, (issued_on, page_published), issues)
    preamble_paragraphs, raw_parts = split_parts(paragraphs, early_year, issues)
    if not raw_parts:
        fallback = fallback_parts(paragraphs, issues)
        if fallback is not None:
            preamble_paragraphs, raw_parts = fallback
    if not raw_parts:
        issues.append(
            warning(
                "import.no-parts",
                "no part headings (一、 二、 …) found; the text is kept as the preamble",
                line=paragraphs[0].start if paragraphs else None,
            )
        )
    raw_parts = split_combined_parts(raw_parts, issues)
    parse_body(raw_parts, issues)
    # an attachment with the year's figures (a data table) is kept as a part of its own
    raw_parts = lift_leadership(raw_parts, issues) + attachment_parts(
        lines[body_start:], body, issues
    )
    report_year = early_year
    name = organization or _reporting_body(
        title,
        opening=preamble_paragraphs,
        paragraphs=paragraphs,
        signed_by=signed_by,
        signed_line=signed_line,
        chrome=chrome,
        lines=lines,
        issues=issues,
    )
    # the two facts no report can go without, each named when the text does not state it
    missing = [
        error(f"import.{fact}-missing", message, line=lines[0].number)
        for fact, value, message in (
            (
                "year",
                report_year,
                "the text states no reported year (not in the title, the opening, the "
                f"signature date or the page's dates); {YEAR_HINT}",
            ),
            (
                "organization",
                name,
                "the text names no reporting body (not in the title, the opening "
                f"sentence, the signature or the page's metadata rows); {ORGANIZATION_HINT}",
            ),
        )
        if value is None or value == ""
    ]
    if missing:
        raise InvalidReportError(missing)
    assert report_year is not None
    assert name is not None
    if title is None:
        title = made_up_title(name, report_year, traditional=is_traditional(lines))
        issues.append(
            warning(
                "import.title-missing", f"no title line found; using {title}", line=lines[0].number
            )
        )
    builder = Builder()
    parts = link_plans(
        tuple(builder.part(raw, index) for index, raw in enumerate(raw_parts, start=1))
    )
    report = Report(
        title=title,
        organization=organization_of(name),
        year=report_year,
        issued_on=issued_on,
        published_on=page_published,
        source=source,
        preamble=preamble(preamble_paragraphs),
        parts=parts,
    )
    issues.sort(key=lambda issue: issue.line or 0)
    return ImportResult(report=validated(report), warnings=tuple(issues))


def import_text(
    text: str, *, organization: str | None = None, year: int | None = None
) -> ImportResult:
    """Import the text of a published report.

    ``organization`` and ``year`` override what the importer reads from the title. Raises
    :class:`~rol_model.InvalidReportError` when no report can be made of the text (no year or
    organization found, a paragraph longer than the schema allows); everything merely uncertain
    is reported in :attr:`ImportResult.warnings` instead.
    """
    return _import(text, organization=organization, year=year, source=None)


def import_lines(
    lines: Sequence[str],
    *,
    organization: str | None = None,
    year: int | None = None,
    source: Source | None = None,
) -> ImportResult:
    """Import a report given as paragraphs (one per entry), as read from a Word file."""
    return _import("\n".join(lines), organization=organization, year=year, source=source)
