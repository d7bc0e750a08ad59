"""The checker: rules by family, their registry, and profiles.

:func:`check` runs the rules of a :class:`Profile` over a report and returns
:class:`Finding` records. Rules live in ``_rules_structure``, ``_rules_substance``,
``_rules_consistency`` and ``_rules_history`` (one family each); see docs/architecture.md
for how to add one.
"""

from __future__ import annotations

from rol_model.checker._output import (
    FindingsFormat,
    count_findings,
    findings_to_dict,
    format_findings,
)
from rol_model.checker._profiles import (
    Profile,
    builtin_profiles,
    load_profile,
    profile_from_dict,
)
from rol_model.checker._registry import (
    FAMILIES,
    PART_NAMES,
    Finding,
    Rule,
    rules,
)
from rol_model.checker._required import missing_parts, required_parts
from rol_model.checker._run import (
    check,
)

__all__ = [
    "FAMILIES",
    "PART_NAMES",
    "Finding",
    "FindingsFormat",
    "Profile",
    "Rule",
    "builtin_profiles",
    "check",
    "count_findings",
    "findings_to_dict",
    "format_findings",
    "load_profile",
    "missing_parts",
    "profile_from_dict",
    "required_parts",
    "rules",
]
