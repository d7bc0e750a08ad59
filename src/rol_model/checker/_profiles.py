"""Checker profiles: a regulation or guideline written as data, not code.

A profile says which rules run and how severe they are, which parts a report must have, the
submission and publication deadlines by level and kind of reporting body, the minimum number of
figures per part, length limits, required headings and title wording, and the thresholds of the
text-similarity rules. Profiles are JSON documents validated by ``schemas/profile.schema.json``;
the built-in ones live in ``rol_model/profiles/``. A profile may ``extend`` another: it starts
from that profile and replaces what it states (``rules`` and ``thresholds`` are merged key by key).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import attrs

from rol_model.checker._metadata import rule_codes
from rol_model.exceptions import InvalidProfileError, Issue, ReadError, Severity
from rol_model.model import Organization, OrganizationKind, OrganizationLevel, PartKind, pointer
from rol_model.trends import FOLLOW_THROUGH_THRESHOLD, RECURRING_THRESHOLD
from rol_model.validation import value_issues

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Deadline",
    "LengthLimit",
    "Profile",
    "RequiredHeading",
    "builtin_profiles",
    "load_profile",
    "profile_from_dict",
    "profile_schema",
]

RuleSetting = Literal["error", "warning", "info", "off"]

#: Thresholds of the rules that measure text; a profile may change any of them.
DEFAULT_THRESHOLDS: Mapping[str, float] = {
    # ROL304: two items whose bigram similarity reaches this are the same paragraph repeated.
    "repeated_similarity": 0.9,
    # ROL305: an item with fewer letters and digits than this (and no sub-items) is near-empty.
    "near_empty_characters": 10,
    # ROL306: an item whose text is at least this share stock phrases says nothing concrete.
    "boilerplate_share": 0.7,
    # ROL302: a plan whose wording covers this share of a shortcoming's gist addresses it.
    "addressed_overlap": 0.15,
    # ROL401: a shortcoming scoring this against one of last year's recurs; the default is the
    # threshold rol_model.trends uses, so check and trend agree (see _similarity).
    "recurring_overlap": RECURRING_THRESHOLD,
    # ROL402: a measure covering this much of one of last year's plans follows it up (idem).
    "follow_through_overlap": FOLLOW_THROUGH_THRESHOLD,
    # ROL403: a figure that grew or shrank by this factor changed sharply …
    "sharp_change_ratio": 3.0,
    # … or, for percentages, by this many percentage points.
    "sharp_change_points": 30,
}

_MAX_EXTENDS = 8


@attrs.frozen(kw_only=True)
class Deadline:
    """Deadlines for reporting bodies of the given levels and kinds (empty means any).

    ``submit_before`` and ``publish_before`` are ``(month, day)`` in the year after the reported
    year: a report is on time when dated (submitted) or published strictly before that day.
    """

    levels: tuple[OrganizationLevel, ...] = ()
    kinds: tuple[OrganizationKind, ...] = ()
    submit_before: tuple[int, int] | None = None
    publish_before: tuple[int, int] | None = None
    note: str | None = None

    def applies_to(self, organization: Organization) -> bool:
        """Whether this deadline covers the organization (by its level and kind)."""
        if self.levels and organization.level not in self.levels:
            return False
        return not self.kinds or organization.kind in self.kinds


@attrs.frozen(kw_only=True)
class LengthLimit:
    """Bounds on the number of letters and digits (punctuation and spaces are not counted)."""

    minimum: int | None = None
    maximum: int | None = None


@attrs.frozen(kw_only=True)
class RequiredHeading:
    """A heading a part must carry: some item heading of that part contains one of ``any_of``."""

    part: PartKind
    any_of: tuple[str, ...]
    note: str | None = None


@attrs.frozen(kw_only=True)
class Profile:
    """A set of requirements a report is checked against; see ``docs/check.md``."""

    name: str
    title: str
    title_zh: str
    source: str
    rules: Mapping[str, RuleSetting] = attrs.field(factory=dict)
    required_parts: tuple[PartKind, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    minimum_figures: Mapping[PartKind, int] = attrs.field(factory=dict)
    report_length: LengthLimit | None = None
    part_lengths: Mapping[PartKind, LengthLimit] = attrs.field(factory=dict)
    required_headings: tuple[RequiredHeading, ...] = ()
    title_terms: tuple[str, ...] = ()
    thresholds: Mapping[str, float] = attrs.field(factory=lambda: dict(DEFAULT_THRESHOLDS))

    def severity(self, code: str, default: Severity) -> Severity | None:
        """The severity this profile gives a rule, or ``None`` when the rule is switched off."""
        setting = self.rules.get(code)
        if setting is None:
            return default
        return None if setting == "off" else setting

    def deadline_for(self, organization: Organization) -> Deadline | None:
        """The first deadline entry that covers the organization, if any."""
        return next((d for d in self.deadlines if d.applies_to(organization)), None)


def deadline_date(year: int, month_day: tuple[int, int]) -> dt.date:
    """The deadline day in the year after ``year``; 29 February becomes 1 March in common years."""
    month, day = month_day
    try:
        return dt.date(year + 1, month, day)
    except ValueError:
        return dt.date(year + 1, month, day - 1) + dt.timedelta(days=1)


def _packaged(path: str) -> dict[str, Any]:
    """A JSON document shipped in the package (``path`` below ``rol_model/``)."""
    result: dict[str, Any] = json.loads(
        resources.files("rol_model").joinpath(path).read_text("utf-8")
    )
    return result


@functools.cache
def _schema() -> dict[str, Any]:
    return _packaged("schemas/profile.schema.json")


def profile_schema() -> dict[str, Any]:
    """The profile JSON Schema (draft 2020-12), as a new dict the caller may change."""
    return json.loads(json.dumps(_schema()))  # type: ignore[no-any-return]


def builtin_profiles() -> tuple[str, ...]:
    """Names of the profiles shipped with rol-model, sorted."""
    return _builtin_names()


@functools.cache
def _builtin_names() -> tuple[str, ...]:
    # the packaged folder does not change while the process runs: list it once, not per check
    folder = resources.files("rol_model").joinpath("profiles")
    return tuple(
        sorted(e.name[: -len(".json")] for e in folder.iterdir() if e.name.endswith(".json"))
    )


def _schema_issues(data: object) -> list[Issue]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [
        Issue(
            code=f"schema.{error.validator}",
            message=error.message if len(error.message) <= 300 else error.message[:297] + "...",
            pointer=pointer(error.absolute_path),
        )
        for error in errors
    ]


def _month_day(text: str, pointer: str) -> tuple[int, int]:
    month, day = int(text[:2]), int(text[3:])
    try:
        dt.date(2000, month, day)  # a leap year, so 02-29 is accepted
    except ValueError:
        raise InvalidProfileError(
            [Issue(code="profile.date", message=f"no such day: {text!r}", pointer=pointer)]
        ) from None
    return month, day


def _limit(data: Mapping[str, int], pointer: str) -> LengthLimit:
    limit = LengthLimit(minimum=data.get("minimum"), maximum=data.get("maximum"))
    if limit.minimum is not None and limit.maximum is not None and limit.minimum > limit.maximum:
        issue = Issue(
            code="profile.range", message="minimum is greater than maximum", pointer=pointer
        )
        raise InvalidProfileError([issue])
    return limit


def _unknown_rules(data: Mapping[str, Any]) -> list[Issue]:
    known = rule_codes()
    return [
        Issue(
            code="profile.unknown-rule",
            message=f"no rule {code}; known codes are listed in docs/rules.md",
            pointer=pointer(["rules", code]),
        )
        for code in data.get("rules", {})
        if code not in known
    ]


def _merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in child.items():
        if key in ("rules", "thresholds"):
            merged[key] = {**base.get(key, {}), **value}
        elif key != "extends":
            merged[key] = value
    return merged


def _resolve(data: Mapping[str, Any], source: str | None, seen: tuple[str, ...]) -> dict[str, Any]:
    parent = data.get("extends")
    if parent is None:
        return dict(data)
    if parent in seen or len(seen) > _MAX_EXTENDS:
        issue = Issue(
            code="profile.extends",
            message=f"profiles extend each other in a loop: {' → '.join((*seen, parent))}",
            pointer="/extends",
        )
        raise InvalidProfileError([issue], source=source)
    if parent not in builtin_profiles():
        issue = Issue(
            code="profile.extends",
            message=f"no built-in profile {parent!r}; built-in: {', '.join(builtin_profiles())}",
            pointer="/extends",
        )
        raise InvalidProfileError([issue], source=source)
    base = _resolve(_builtin_data(parent), parent, (*seen, parent))
    return _merge(base, data)


def _build(data: Mapping[str, Any]) -> Profile:
    length = data.get("length_limits", {})
    return Profile(
        name=data["name"],
        title=data["title"],
        title_zh=data["title_zh"],
        source=data["source"],
        rules=dict(data.get("rules", {})),
        required_parts=tuple(data.get("required_parts", ())),
        deadlines=tuple(
            Deadline(
                levels=tuple(entry.get("levels", ())),
                kinds=tuple(entry.get("kinds", ())),
                submit_before=(
                    _month_day(entry["submit_before"], f"/deadlines/{i}/submit_before")
                    if "submit_before" in entry
                    else None
                ),
                publish_before=(
                    _month_day(entry["publish_before"], f"/deadlines/{i}/publish_before")
                    if "publish_before" in entry
                    else None
                ),
                note=entry.get("note"),
            )
            for i, entry in enumerate(data.get("deadlines", ()))
        ),
        minimum_figures=dict(data.get("minimum_figures", {})),
        report_length=(
            _limit(length["report"], "/length_limits/report") if "report" in length else None
        ),
        part_lengths={
            kind: _limit(limit, f"/length_limits/parts/{kind}")
            for kind, limit in length.get("parts", {}).items()
        },
        required_headings=tuple(
            RequiredHeading(
                part=entry["part"], any_of=tuple(entry["any_of"]), note=entry.get("note")
            )
            for entry in data.get("required_headings", ())
        ),
        title_terms=tuple(data.get("title_terms", ())),
        thresholds={**DEFAULT_THRESHOLDS, **data.get("thresholds", {})},
    )


def profile_from_dict(data: object, *, source: str | None = None) -> Profile:
    """Build a profile from its parsed JSON form.

    Raises :class:`~rol_model.exceptions.InvalidProfileError` (with every problem and its JSON
    Pointer) when the document breaks the profile schema, names an unknown rule code, extends an
    unknown profile or gives an impossible date or range.
    """
    issues = _hostile_issues(data)
    if issues:
        raise InvalidProfileError(issues, source=source)
    data = _floats(data)
    issues = _schema_issues(data)
    if not issues:
        issues = _unknown_rules(cast("Mapping[str, Any]", data))
    if issues:
        raise InvalidProfileError(issues, source=source)
    document = cast("Mapping[str, Any]", data)
    try:
        return _build(_resolve(document, source, (document["name"],)))
    except InvalidProfileError as error:
        if error.source is None and source is not None:
            raise InvalidProfileError(error.issues, source=source) from None
        raise


def _builtin_data(name: str) -> dict[str, Any]:
    return _packaged(f"profiles/{name}.json")


@functools.cache
def _builtin(name: str) -> Profile:
    return profile_from_dict(_builtin_data(name), source=f"built-in profile {name!r}")


#: Largest profile file :func:`load_profile` reads (the built-in ones are a few kilobytes).
MAX_PROFILE_BYTES = 1024 * 1024
#: Deepest nesting of a profile document (the schema needs five levels).
_MAX_PROFILE_DEPTH = 32


def _read(path: Path) -> object:
    """A profile file read as strictly as a report: bounded, UTF-8, no duplicate keys or NaN."""
    from rol_model.exceptions import InvalidReportError
    from rol_model.serialize import Limits, parse_json, read_bounded

    data = read_bounded(path, MAX_PROFILE_BYTES, what="profile")
    try:
        return parse_json(data, Limits(max_bytes=MAX_PROFILE_BYTES))
    except InvalidReportError as error:
        raise InvalidProfileError(error.issues, source=str(path)) from None


def _hostile_issues(data: object) -> list[Issue]:
    """Values no profile holds and the schema validator cannot report safely.

    Those of :func:`~rol_model.validation.value_issues` (nesting deeper than 32 levels, integers
    too long for text, NaN and infinities, which compare false with everything and would switch
    rules off silently), before and after the decimals become floats (a decimal too large for a
    float would become an infinity).
    """
    issues = value_issues(data, max_depth=_MAX_PROFILE_DEPTH)
    return issues or value_issues(_floats(data), max_depth=_MAX_PROFILE_DEPTH)


def _floats(value: Any) -> Any:
    """Decimals (as the strict reader gives them) as floats, which the profile code expects."""
    if isinstance(value, dict):
        return {k: _floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_floats(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    return value


def load_profile(source: str | os.PathLike[str]) -> Profile:
    """Load a built-in profile by name (``"national"``) or a profile file by path.

    A bare name without ``.json`` that is not a built-in profile is an error, so a typo never
    silently falls back to another profile. Raises
    :class:`~rol_model.exceptions.InvalidProfileError` for a malformed profile and
    :class:`~rol_model.exceptions.ReadError` when the file cannot be read.
    """
    text = os.fspath(source)
    if text in builtin_profiles():
        return _builtin(text)
    path = Path(text)
    if path.suffix.lower() != ".json" and not path.exists():
        raise ReadError(
            f"no built-in profile {text!r} and no such file; "
            f"built-in profiles: {', '.join(builtin_profiles())}"
        )
    return profile_from_dict(_read(path), source=text)
