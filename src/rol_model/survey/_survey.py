"""The supervisor's desk: every reporting body of a jurisdiction at once.

:func:`survey` reads and checks many reports (:func:`rol_model.check_many`), pairs each with the
same body's report of the year before (:func:`rol_model.compare`), finds copied paragraphs
(:mod:`rol_model.survey._copies`) and groups the shortcomings of all bodies by what they say
(:mod:`rol_model.survey._clusters`).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from rol_model.survey._clusters import CLUSTER_THRESHOLD, cluster_texts
from rol_model.survey._copies import (
    MAX_BUCKET,
    THRESHOLD,
    near_duplicates,
    normalize,
    paragraphs,
)

if TYPE_CHECKING:
    from rol_model import FileResult, Finding, Profile, Report

__all__ = [
    "PART_KINDS",
    "BodySummary",
    "Boilerplate",
    "Copy",
    "CopySide",
    "FindingRow",
    "ShortcomingCluster",
    "Survey",
    "TopFinding",
    "body_key",
    "publication_deadline",
    "submission_deadline",
    "survey",
]

PART_KINDS = ("measures", "shortcomings", "leadership", "plans", "other")
DateStatus = Literal["on_time", "late", "missing"]
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_TOP_FINDINGS = 3
#: Shortcomings shorter than this (normalised) are headings such as 存在的不足: not clustered.
_SHORTCOMING_CHARACTERS = 8


@attrs.frozen(kw_only=True)
class TopFinding:
    """One of a report's most serious kinds of finding: the rule and how often it fired."""

    code: str
    severity: str
    message_zh: str
    message: str
    count: int


@attrs.frozen(kw_only=True)
class FindingRow:
    """One checker finding of one report, for the findings table."""

    file: str
    body: str
    year: int
    code: str
    severity: str
    pointer: str
    message: str
    message_zh: str


@attrs.frozen(kw_only=True)
class BodySummary:
    """One reporting body's report of one year, as the supervisor sees it.

    ``parts`` are the five part kinds the report has, ``missing`` those it lacks. The dates are
    compared with :func:`submission_deadline` (``issued_on``) and :func:`publication_deadline`
    (``published_on``); ``days_late`` counts days after the deadline (``None`` when on time or no
    date). ``plans_previous`` is the number of plans in last year's report of the body (``None``
    without one) and ``plans_followed`` how many of them a measure of this year carries out.
    ``copied_share`` is the share of the report's text (normalised characters) found in another
    body's report of the same year; ``previous_share`` the share found in its own previous report.
    """

    file: str
    body: str
    region: str | None
    level: str | None
    kind: str | None
    year: int
    title: str
    parts: tuple[str, ...]
    missing: tuple[str, ...]
    errors: int
    warnings: int
    infos: int
    top_findings: tuple[TopFinding, ...]
    issued_on: dt.date | None
    published_on: dt.date | None
    submission_deadline: dt.date
    publication_deadline: dt.date
    issued_status: DateStatus
    published_status: DateStatus
    issued_days_late: int | None
    published_days_late: int | None
    figures: int
    previous_file: str | None
    plans_previous: int | None
    plans_followed: int | None
    recurring: tuple[str, ...]
    characters: int
    copies: int
    copied_share: float
    previous_share: float


@attrs.frozen(kw_only=True)
class CopySide:
    """One side of a copy: the report (file, body, year), the paragraph's pointer and text."""

    file: str
    body: str
    year: int
    pointer: str
    text: str


@attrs.frozen(kw_only=True)
class Copy:
    """Two near-identical paragraphs of two reports.

    ``kind`` is ``"same_year"`` (two bodies, one year; ``first`` is the file sorted first) or
    ``"previous_year"`` (one body; ``first`` is the later year). ``similarity`` is the Jaccard
    index of the paragraphs' character shingles (1.0: the same text after normalisation).
    """

    kind: Literal["same_year", "previous_year"]
    similarity: float
    first: CopySide
    second: CopySide


@attrs.frozen(kw_only=True)
class Boilerplate:
    """A paragraph that many bodies write (standard phrases): recognised and never counted."""

    text: str
    bodies: int
    paragraphs: int


@attrs.frozen(kw_only=True)
class ShortcomingCluster:
    """Shortcomings of several reports that state one problem; ``label`` is the first one's text."""

    label: str
    bodies: int
    items: int
    body_names: tuple[str, ...]
    examples: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Survey:
    """What :func:`survey` found: one row per body and year, copies, shared shortcomings."""

    year: int | None
    profile: str
    bodies: tuple[BodySummary, ...]
    copies: tuple[Copy, ...]
    shortcomings: tuple[ShortcomingCluster, ...]
    boilerplate: tuple[Boilerplate, ...]
    findings: tuple[FindingRow, ...]
    skipped: tuple[FileResult, ...] = ()
    threshold: float = THRESHOLD
    boilerplate_bodies: int = 3


def body_key(name: str) -> str:
    """The body a report belongs to: its organisation name, NFKC, without whitespace."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def publication_deadline(year: int) -> dt.date:
    """Last day to publish the report on ``year``: 31 March of the next year (2019 规定 art. 24)."""
    return dt.date(year + 1, 3, 31)


def submission_deadline(year: int, kind: str | None) -> dt.date:
    """Last day to submit: end of February for departments, 31 March for others (2019 规定)."""
    if kind == "department":
        return dt.date(year + 1, 3, 1) - dt.timedelta(days=1)
    return dt.date(year + 1, 3, 31)


def _status(date: dt.date | None, deadline: dt.date) -> tuple[DateStatus, int | None]:
    if date is None:
        return "missing", None
    if date <= deadline:
        return "on_time", None
    return "late", (date - deadline).days


def _top_findings(result: FileResult) -> tuple[TopFinding, ...]:
    counts: Counter[str] = Counter(f.code for f in result.findings)
    first: dict[str, Finding] = {}
    for finding in result.findings:
        first.setdefault(finding.code, finding)
    order = sorted(counts, key=lambda c: (_SEVERITY_RANK[first[c].severity], -counts[c], c))
    return tuple(
        TopFinding(
            code=code,
            severity=first[code].severity,
            message_zh=first[code].message_zh,
            message=first[code].message,
            count=counts[code],
        )
        for code in order[:_TOP_FINDINGS]
    )


def _shortcoming_text(heading: str | None, text: str | None) -> str:
    return "".join(part for part in (heading, text) if part)


@attrs.define
class Entry:
    """A report read for the survey: its file, the report, and its check result if checked."""

    file: str
    report: Report
    result: FileResult | None  # None for a previous-year report that was only loaded


def load_entries(
    sources: Iterable[str | os.PathLike[str]],
    previous: Iterable[str | os.PathLike[str]],
    profile: Profile | str | None,
    jobs: int,
) -> tuple[list[Entry], list[Entry], list[FileResult]]:
    """Check ``sources`` and load ``previous``: checked entries, loaded entries, skipped files."""
    from rol_model.corpus import check_many, iter_load

    checked: list[Entry] = []
    skipped: list[FileResult] = []
    for result in check_many(sources, profile=profile, jobs=jobs):
        if result.report is None:
            skipped.append(result)
        else:
            checked.append(Entry(result.path, result.report, result))
    loaded: list[Entry] = []
    seen = {entry.file for entry in checked}
    for result in iter_load(previous, jobs=jobs) if previous else ():
        if result.report is None:
            skipped.append(result)
        elif result.path not in seen:
            loaded.append(Entry(result.path, result.report, None))
    return checked, loaded, skipped


def survey(
    sources: Iterable[str | os.PathLike[str]],
    *,
    year: int | None = None,
    profile: Profile | str | None = None,
    previous: Sequence[str | os.PathLike[str]] = (),
    jobs: int = 1,
    threshold: float = THRESHOLD,
    boilerplate_bodies: int | None = None,
    cluster_threshold: float = CLUSTER_THRESHOLD,
    max_bucket: int = MAX_BUCKET,
) -> Survey:
    """Survey many reports of a jurisdiction: one :class:`BodySummary` per body and year.

    ``sources`` are report files or directories (every ``*.json`` below). ``year`` keeps only
    the reports on that year (the others still serve as previous years); default: all.
    ``previous`` are more files or directories holding last year's reports; a report's previous
    report is the same body's (:func:`body_key`) report on the year before, from either place.
    ``profile`` is the check profile (default ``national``), ``jobs`` the worker processes.

    Copies (:class:`Copy`) are paragraphs with a shingle Jaccard index of at least
    ``threshold`` in two bodies' reports of one year or in one body's reports of consecutive
    years, unless the paragraph is boilerplate: written by at least ``boilerplate_bodies``
    bodies (default: 3, or a tenth of the bodies surveyed when that is more), or belongs to an
    LSH bucket of more than ``max_bucket`` distinct texts from that many bodies.

    Invalid or unreadable files are left out and listed in :attr:`Survey.skipped`. Raises
    :class:`~rol_model.ReadError` for a directory without reports,
    :class:`~rol_model.exceptions.InvalidProfileError` for a bad profile and
    :class:`~rol_model.RolModelError` when ``datasketch`` (extra ``survey``) is missing.
    """
    checked, loaded, skipped = load_entries(sources, previous, profile, jobs)
    return build_survey(
        checked,
        loaded,
        skipped,
        year=year,
        profile=profile,
        threshold=threshold,
        boilerplate_bodies=boilerplate_bodies,
        cluster_threshold=cluster_threshold,
        max_bucket=max_bucket,
    )


def build_survey(
    checked: list[Entry],
    loaded: list[Entry],
    skipped: list[FileResult],
    *,
    year: int | None,
    profile: Profile | str | None,
    threshold: float = THRESHOLD,
    boilerplate_bodies: int | None = None,
    cluster_threshold: float = CLUSTER_THRESHOLD,
    max_bucket: int = MAX_BUCKET,
) -> Survey:
    """The survey of reports already read (``checked`` with findings, ``loaded`` without)."""
    surveyed = [e for e in checked if year is None or e.report.year == year]
    pool: dict[tuple[str, int], Entry] = {}
    for entry in [*loaded, *checked]:  # a checked report wins over a loaded one
        pool[(body_key(entry.report.organization.name), entry.report.year)] = entry
    previous_of: dict[int, Entry] = {}
    for index, entry in enumerate(surveyed):
        before = pool.get((body_key(entry.report.organization.name), entry.report.year - 1))
        if before is not None:
            previous_of[index] = before
    bodies_count = len({body_key(e.report.organization.name) for e in surveyed})
    minimum = boilerplate_bodies or max(3, math.ceil(bodies_count / 10))
    copies, boilerplate, shares = _copies(surveyed, previous_of, threshold, minimum, max_bucket)
    summaries = tuple(
        _summary(entry, previous_of.get(index), shares[index])
        for index, entry in enumerate(surveyed)
    )
    findings = tuple(
        FindingRow(
            file=entry.file,
            body=entry.report.organization.name,
            year=entry.report.year,
            code=f.code,
            severity=f.severity,
            pointer=f.pointer,
            message=f.message,
            message_zh=f.message_zh,
        )
        for entry in surveyed
        if entry.result is not None
        for f in entry.result.findings
    )
    return Survey(
        year=year,
        profile=_profile_name(profile),
        bodies=summaries,
        copies=copies,
        shortcomings=_clusters(surveyed, cluster_threshold),
        boilerplate=boilerplate,
        findings=findings,
        skipped=tuple(skipped),
        threshold=threshold,
        boilerplate_bodies=minimum,
    )


def _profile_name(profile: Profile | str | None) -> str:
    if profile is None:
        return "national"
    if isinstance(profile, str):
        return profile
    return str(getattr(profile, "name", "custom"))


@attrs.frozen
class _Shares:
    copies: int = 0
    same_year: float = 0.0
    previous_year: float = 0.0
    characters: int = 0


def _copies(  # noqa: PLR0915 - one pass over the pairs, kept together for reading
    surveyed: list[Entry],
    previous_of: dict[int, Entry],
    threshold: float,
    minimum: int,
    max_bucket: int = MAX_BUCKET,
) -> tuple[tuple[Copy, ...], tuple[Boilerplate, ...], list[_Shares]]:
    # Reports taking part: the surveyed ones, then the previous reports they point to.
    reports: list[Entry] = list(surveyed)
    position = {id(entry): n for n, entry in enumerate(reports)}
    for entry in previous_of.values():
        if id(entry) not in position:
            position[id(entry)] = len(reports)
            reports.append(entry)
    owner: list[int] = []
    pointers: list[str] = []
    texts: list[str] = []
    for number, entry in enumerate(reports):
        for pointer, text in paragraphs(entry.report):
            owner.append(number)
            pointers.append(pointer)
            texts.append(text)
    body = [body_key(entry.report.organization.name) for entry in reports]
    _, group, pairs, saturated = near_duplicates(
        texts,
        threshold=threshold,
        bodies=[body[number] for number in owner],
        minimum=minimum,
        max_bucket=max_bucket,
    )
    year = [entry.report.year for entry in reports]
    members: dict[int, list[int]] = defaultdict(list)
    for paragraph, distinct in enumerate(group):
        if distinct >= 0:
            members[distinct].append(paragraph)
    # Boilerplate: the bodies of a distinct text and of its near-duplicates.
    reach: dict[int, set[str]] = {d: {body[owner[p]] for p in ps} for d, ps in members.items()}
    spread = {d: set(bodies) for d, bodies in reach.items()}
    for pair in pairs:
        spread[pair.first] |= reach[pair.second]
        spread[pair.second] |= reach[pair.first]
    common = {d for d, bodies in spread.items() if len(bodies) >= minimum} | saturated
    # Pairs of paragraphs: within a distinct text (similarity 1) and across near-duplicates.
    linked: list[tuple[int, int, float]] = []
    for distinct, paragraphs_of in members.items():
        if distinct in common:
            continue
        for i, first in enumerate(paragraphs_of):
            linked.extend((first, second, 1.0) for second in paragraphs_of[i + 1 :])
    for pair in pairs:
        if pair.first in common or pair.second in common:
            continue
        for first in members[pair.first]:
            linked.extend((first, second, pair.similarity) for second in members[pair.second])
    surveyed_count = len(surveyed)
    found: dict[tuple[int, int], tuple[str, float]] = {}
    for first, second, score in linked:
        a, b = owner[first], owner[second]
        if a == b:
            continue
        if year[a] == year[b] and body[a] != body[b]:
            if a >= surveyed_count or b >= surveyed_count:
                continue
            kind = "same_year"
            ordered = sorted((first, second), key=lambda p: (reports[owner[p]].file, pointers[p]))
            key = (ordered[0], ordered[1])
        elif body[a] == body[b] and abs(year[a] - year[b]) == 1:
            kind = "previous_year"
            key = (first, second) if year[a] > year[b] else (second, first)
            if owner[key[0]] >= surveyed_count:
                continue
        else:
            continue
        if key not in found or found[key][1] < score:
            found[key] = (kind, score)
    copies = []
    copied: dict[int, set[int]] = defaultdict(set)
    from_previous: dict[int, set[int]] = defaultdict(set)
    count: Counter[int] = Counter()
    for (first, second), (kind, score) in found.items():
        sides = []
        for paragraph in (first, second):
            entry = reports[owner[paragraph]]
            sides.append(
                CopySide(
                    file=entry.file,
                    body=entry.report.organization.name,
                    year=entry.report.year,
                    pointer=pointers[paragraph],
                    text=texts[paragraph],
                )
            )
        copies.append(
            Copy(kind=kind, similarity=score, first=sides[0], second=sides[1])  # type: ignore[arg-type]
        )
        if kind == "same_year":  # both reports are surveyed: each shares the paragraph
            copied[owner[first]].add(first)
            copied[owner[second]].add(second)
        else:  # only the later report repeats last year's text
            from_previous[owner[first]].add(first)
        count[owner[first]] += 1
        if kind == "same_year":
            count[owner[second]] += 1
    copies.sort(
        key=lambda c: (
            c.kind != "same_year",
            -c.similarity,
            c.first.file,
            c.first.pointer,
            c.second.file,
            c.second.pointer,
        )
    )
    lengths = [len(normalize(text)) for text in texts]
    totals: Counter[int] = Counter()
    for paragraph, report in enumerate(owner):
        totals[report] += lengths[paragraph]
    shares = []
    for report in range(surveyed_count):
        total = totals[report]
        same = sum(lengths[p] for p in copied[report])
        before = sum(lengths[p] for p in from_previous[report])
        shares.append(
            _Shares(
                copies=count[report],
                same_year=round(same / total, 4) if total else 0.0,
                previous_year=round(before / total, 4) if total else 0.0,
                characters=total,
            )
        )
    boilerplate = sorted(
        (
            Boilerplate(
                text=texts[members[d][0]], bodies=len(spread[d]), paragraphs=len(members[d])
            )
            for d in common
        ),
        key=lambda b: (-b.bodies, -b.paragraphs, b.text),
    )
    return tuple(copies), tuple(boilerplate), shares


def _summary(entry: Entry, before: Entry | None, shares: _Shares) -> BodySummary:
    from rol_model.model import iter_indicators
    from rol_model.trends import compare

    report = entry.report
    result = entry.result
    severities: Counter[str] = Counter(f.severity for f in result.findings) if result else Counter()
    kinds = {part.kind for part in report.parts}
    organization = report.organization
    submission = submission_deadline(report.year, organization.kind)
    publication = publication_deadline(report.year)
    issued_status, issued_late = _status(report.issued_on, submission)
    published_status, published_late = _status(report.published_on, publication)
    plans_previous = plans_followed = None
    recurring: tuple[str, ...] = ()
    if before is not None:
        comparison = compare([before.report, report])
        plans = [p for p in comparison.plans if p.year == before.report.year]
        plans_previous = len(plans)
        plans_followed = sum(p.status == "carried_out" for p in plans)
        recurring = tuple(
            chain.occurrences[-1].text
            for chain in comparison.shortcomings
            if chain.occurrences[-1].year == report.year
        )
    return BodySummary(
        file=entry.file,
        body=organization.name,
        region=organization.region,
        level=organization.level,
        kind=organization.kind,
        year=report.year,
        title=report.title,
        parts=tuple(k for k in PART_KINDS if k in kinds),
        missing=tuple(k for k in PART_KINDS if k not in kinds),
        errors=severities["error"],
        warnings=severities["warning"],
        infos=severities["info"],
        top_findings=_top_findings(result) if result else (),
        issued_on=report.issued_on,
        published_on=report.published_on,
        submission_deadline=submission,
        publication_deadline=publication,
        issued_status=issued_status,
        published_status=published_status,
        issued_days_late=issued_late,
        published_days_late=published_late,
        figures=sum(1 for _ in iter_indicators(report)),
        previous_file=before.file if before else None,
        plans_previous=plans_previous,
        plans_followed=plans_followed,
        recurring=recurring,
        characters=shares.characters,
        copies=shares.copies,
        copied_share=shares.same_year,
        previous_share=shares.previous_year,
    )


def _clusters(surveyed: list[Entry], threshold: float) -> tuple[ShortcomingCluster, ...]:
    texts: list[str] = []
    owners: list[str] = []
    for entry in surveyed:
        for item in entry.report.shortcomings:
            text = _shortcoming_text(item.heading, item.text)
            if len(normalize(text)) >= _SHORTCOMING_CHARACTERS:
                texts.append(text)
                owners.append(entry.report.organization.name)
    normalized = [normalize(text) for text in texts]
    result = []
    for members in cluster_texts(normalized, threshold=threshold):
        names = tuple(dict.fromkeys(owners[m] for m in members))
        if len(names) < 2:
            continue
        examples = tuple(dict.fromkeys(texts[m] for m in members))[:3]
        result.append(
            ShortcomingCluster(
                label=texts[members[0]],
                bodies=len(names),
                items=len(members),
                body_names=names,
                examples=examples,
            )
        )
    result.sort(key=lambda c: (-c.bodies, -c.items, c.label))
    return tuple(result)
