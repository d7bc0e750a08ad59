"""Which parts a report must have: one answer for check, the views and the export tables.

The answer is the profile's ``required_parts`` (the national profile by default). The 2019
regulation lists five parts, but the fifth, other matters (其他需要报告的情况), exists only when
there is something to report, so the national profile requires four. Every consumer asks here
rather than keeping its own list: ``rol check`` (ROL101), the report and check views, and the
``missing_parts`` column of ``rol export`` (and so the completeness query in ``docs/scale.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rol_model.checker._profiles import Profile
    from rol_model.model._classes import PartKind, Report

__all__ = ["missing_parts", "required_parts"]

DEFAULT_PROFILE = "national"


def required_parts(profile: Profile | str | None = None) -> tuple[PartKind, ...]:
    """The part kinds ``profile`` requires (a :class:`Profile`, a profile name or path).

    ``None`` means the built-in national profile. Raises the errors of
    :func:`~rol_model.load_profile` for a name or path that is no profile.
    """
    from rol_model.checker._profiles import Profile, load_profile

    if not isinstance(profile, Profile):
        profile = load_profile(profile or DEFAULT_PROFILE)
    return profile.required_parts


def missing_parts(report: Report, profile: Profile | str | None = None) -> tuple[PartKind, ...]:
    """The required part kinds (:func:`required_parts`) that ``report`` lacks, in that order."""
    present = {part.kind for part in report.parts}
    return tuple(kind for kind in required_parts(profile) if kind not in present)
