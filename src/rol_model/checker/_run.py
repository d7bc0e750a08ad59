"""Running the checker: :func:`check` applies the rules of a profile to a report."""

from __future__ import annotations

from collections.abc import Sequence

from rol_model.checker._profiles import Profile, load_profile
from rol_model.checker._registry import Context, Finding, rules
from rol_model.model import Report

__all__ = ["check"]


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(pattern.upper()) for pattern in patterns)


def check(
    report: Report,
    *,
    profile: Profile | str | None = None,
    previous: Report | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Check a report against the rules of a profile; return the findings in document order.

    ``profile`` is a :class:`~rol_model.Profile`, the name of a built-in profile or the path of
    a profile file (default: the built-in ``national`` profile, the 2019 regulation).
    ``previous`` is last year's report of the same body: the year-over-year rules (ROL4xx) run
    only when it is given. ``select`` keeps only rules whose code starts with one of the given
    prefixes (``"ROL1"`` is the structure family); ``ignore`` drops rules the same way.

    Never raises on a valid :class:`~rol_model.Report`. Raises
    :class:`~rol_model.exceptions.InvalidProfileError` for a malformed profile file and
    :class:`~rol_model.exceptions.ReadError` when it cannot be read.
    """
    active = profile if isinstance(profile, Profile) else load_profile(profile or "national")
    context = Context(report=report, profile=active, previous=previous)
    found: list[tuple[int, Finding]] = []
    for order, rule in enumerate(rules()):
        severity = active.severity(rule.code, rule.severity)
        if severity is None or (select and not _matches(rule.code, select)):
            continue
        if ignore and _matches(rule.code, ignore):
            continue
        for hit in rule.function(context):
            finding = Finding(
                code=rule.code,
                name=rule.name,
                severity=severity,
                pointer=hit.pointer,
                message=hit.message,
                message_zh=hit.message_zh,
                excerpt=hit.excerpt or context.excerpt_at(hit.pointer),
            )
            found.append((order, finding))
    if len(found) < 2:  # nothing to put in order
        return [finding for _, finding in found]
    keys = context.positions([finding.pointer for _, finding in found])
    ordered = sorted(zip(keys, found, strict=True), key=lambda entry: (entry[0], entry[1][0]))
    return [finding for _, (_, finding) in ordered]
