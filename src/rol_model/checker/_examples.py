"""The sample reports the rules' worked examples patch, and a runner for those examples.

They are data, in ``rules.json`` beside the rules' metadata. ``SAMPLE_REPORT`` is a small,
complete 2023 report of a fictional county justice bureau that
passes every rule of the ``national`` profile; ``SAMPLE_PREVIOUS`` is the same bureau's 2022
report. Each rule's :class:`Example` patches them so that the rule fires (and
stays silent). ``tools/build_rules_doc.py`` prints the examples into ``docs/rules.md`` and the
tests run every one of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rol_model.checker._metadata import metadata
from rol_model.checker._registry import Finding, Rule, apply_patch
from rol_model.checker._run import check
from rol_model.model import Report

__all__ = ["SAMPLE_PREVIOUS", "SAMPLE_REPORT", "run_example"]


SAMPLE_REPORT: Mapping[str, Any] = metadata()["sample_report"]
SAMPLE_PREVIOUS: Mapping[str, Any] = metadata()["sample_previous"]


def run_example(rule: Rule, *, failing: bool) -> list[Finding]:
    """The findings of ``rule`` on its failing (or passing) example."""
    from rol_model.checker._profiles import load_profile, profile_from_dict
    from rol_model.serialize import from_dict

    example = rule.example
    patch = example.fails if failing else example.passes
    report: Report = from_dict(apply_patch(SAMPLE_REPORT, patch))
    previous = None
    if example.previous is not None:
        previous = from_dict(apply_patch(SAMPLE_PREVIOUS, example.previous if failing else ()))
    profile = (
        profile_from_dict(example.profile, source=f"example of {rule.code}")
        if example.profile is not None
        else load_profile("national")
    )
    return [f for f in check(report, profile=profile, previous=previous) if f.code == rule.code]
