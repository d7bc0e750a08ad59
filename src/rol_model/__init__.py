"""rol-model: China's annual rule-of-law government reports as typed, validated, comparable data.

Load a report with :func:`load`, check it against the JSON Schema with :func:`validate`, build
one in code from the frozen attrs classes (:class:`Report`, :class:`Measure` …) and save it with
:func:`dump`. Every error rol-model raises derives from :class:`RolModelError`.
"""

from __future__ import annotations

import importlib

# Not typing.TYPE_CHECKING: importing typing alone costs more than the rest of this module.
TYPE_CHECKING = False
if TYPE_CHECKING:  # for type checkers and IDEs; at run time the names load on first use
    from typing import Any

    __version__: str

    from rol_model.checker._profiles import (
        Profile,
        builtin_profiles,
        load_profile,
        profile_from_dict,
    )
    from rol_model.checker._registry import Finding, Rule, check, rules
    from rol_model.corpus._corpus import FileResult, check_many, iter_load
    from rol_model.corpus._export import ExportSummary, export_tables
    from rol_model.diffing._diff import FieldChange, ItemChange, PartChange, ReportDiff, diff
    from rol_model.diffing._indicators import IndicatorChange
    from rol_model.diffing._output import diff_to_dict, format_diff
    from rol_model.diffing._patch import json_patch
    from rol_model.exceptions import (
        ComparisonError,
        InvalidProfileError,
        InvalidReportError,
        Issue,
        ReadError,
        RolModelError,
        Severity,
        WriteError,
    )
    from rol_model.importer._docx import import_docx
    from rol_model.importer._pipeline import ImportResult, import_file, import_text
    from rol_model.model._classes import (
        MAX_OUTLINE_DEPTH,
        Cause,
        Indicator,
        Item,
        LeadershipPart,
        LineRange,
        Measure,
        MeasuresPart,
        Node,
        Organization,
        OrganizationKind,
        OrganizationLevel,
        OtherPart,
        Part,
        PartKind,
        Period,
        Plan,
        PlansPart,
        Preamble,
        Qualifier,
        Report,
        Shortcoming,
        ShortcomingsPart,
        Source,
        iter_indicators,
        iter_nodes,
    )
    from rol_model.serialize._json import (
        DEFAULT_LIMITS,
        Limits,
        dump,
        dumps,
        from_dict,
        load,
        loads,
        to_dict,
    )
    from rol_model.trends._compare import (
        Comparison,
        FollowingMeasure,
        IndicatorTrend,
        Occurrence,
        PlanFollowThrough,
        RecurringShortcoming,
        TrendPoint,
        compare,
    )
    from rol_model.trends._output import comparison_csv, comparison_to_dict, format_comparison
    from rol_model.validation._schema import schema, validate
    from rol_model.views._html import html_check, html_diff, html_report, html_trend
    from rol_model.views._render import RenderFormat, render

#: Public name → the module that defines it. ``import rol_model`` imports none of them: each is
#: imported on first use (PEP 562), so ``import rol_model`` and ``rol --version`` stay fast. Add
#: a new public name here, in the ``TYPE_CHECKING`` imports above and in ``__all__``;
#: ``tests/test_cold_start.py`` fails when the three differ.
_EXPORTS: dict[str, str] = {
    "Finding": "rol_model.checker._registry",
    "Rule": "rol_model.checker._registry",
    "check": "rol_model.checker._registry",
    "rules": "rol_model.checker._registry",
    "Comparison": "rol_model.trends._compare",
    "FollowingMeasure": "rol_model.trends._compare",
    "IndicatorTrend": "rol_model.trends._compare",
    "Occurrence": "rol_model.trends._compare",
    "PlanFollowThrough": "rol_model.trends._compare",
    "RecurringShortcoming": "rol_model.trends._compare",
    "TrendPoint": "rol_model.trends._compare",
    "compare": "rol_model.trends._compare",
    "comparison_csv": "rol_model.trends._output",
    "comparison_to_dict": "rol_model.trends._output",
    "format_comparison": "rol_model.trends._output",
    "FileResult": "rol_model.corpus._corpus",
    "check_many": "rol_model.corpus._corpus",
    "iter_load": "rol_model.corpus._corpus",
    "FieldChange": "rol_model.diffing._diff",
    "ItemChange": "rol_model.diffing._diff",
    "PartChange": "rol_model.diffing._diff",
    "ReportDiff": "rol_model.diffing._diff",
    "diff": "rol_model.diffing._diff",
    "IndicatorChange": "rol_model.diffing._indicators",
    "diff_to_dict": "rol_model.diffing._output",
    "format_diff": "rol_model.diffing._output",
    "ExportSummary": "rol_model.corpus._export",
    "export_tables": "rol_model.corpus._export",
    "html_check": "rol_model.views._html",
    "html_diff": "rol_model.views._html",
    "html_report": "rol_model.views._html",
    "html_trend": "rol_model.views._html",
    "ImportResult": "rol_model.importer._pipeline",
    "import_file": "rol_model.importer._pipeline",
    "import_text": "rol_model.importer._pipeline",
    "import_docx": "rol_model.importer._docx",
    "Issue": "rol_model.exceptions",
    "Severity": "rol_model.exceptions",
    "MAX_OUTLINE_DEPTH": "rol_model.model._classes",
    "Cause": "rol_model.model._classes",
    "Indicator": "rol_model.model._classes",
    "Item": "rol_model.model._classes",
    "LeadershipPart": "rol_model.model._classes",
    "LineRange": "rol_model.model._classes",
    "Measure": "rol_model.model._classes",
    "MeasuresPart": "rol_model.model._classes",
    "Node": "rol_model.model._classes",
    "Organization": "rol_model.model._classes",
    "OrganizationKind": "rol_model.model._classes",
    "OrganizationLevel": "rol_model.model._classes",
    "OtherPart": "rol_model.model._classes",
    "Part": "rol_model.model._classes",
    "PartKind": "rol_model.model._classes",
    "Period": "rol_model.model._classes",
    "Plan": "rol_model.model._classes",
    "PlansPart": "rol_model.model._classes",
    "Preamble": "rol_model.model._classes",
    "Qualifier": "rol_model.model._classes",
    "Report": "rol_model.model._classes",
    "Shortcoming": "rol_model.model._classes",
    "ShortcomingsPart": "rol_model.model._classes",
    "Source": "rol_model.model._classes",
    "iter_indicators": "rol_model.model._classes",
    "iter_nodes": "rol_model.model._classes",
    "json_patch": "rol_model.diffing._patch",
    "Profile": "rol_model.checker._profiles",
    "builtin_profiles": "rol_model.checker._profiles",
    "load_profile": "rol_model.checker._profiles",
    "profile_from_dict": "rol_model.checker._profiles",
    "RenderFormat": "rol_model.views._render",
    "render": "rol_model.views._render",
    "schema": "rol_model.validation._schema",
    "validate": "rol_model.validation._schema",
    "DEFAULT_LIMITS": "rol_model.serialize._json",
    "Limits": "rol_model.serialize._json",
    "dump": "rol_model.serialize._json",
    "dumps": "rol_model.serialize._json",
    "from_dict": "rol_model.serialize._json",
    "load": "rol_model.serialize._json",
    "loads": "rol_model.serialize._json",
    "to_dict": "rol_model.serialize._json",
    "ComparisonError": "rol_model.exceptions",
    "InvalidProfileError": "rol_model.exceptions",
    "InvalidReportError": "rol_model.exceptions",
    "ReadError": "rol_model.exceptions",
    "RolModelError": "rol_model.exceptions",
    "WriteError": "rol_model.exceptions",
}
_SUBMODULES = ("cli", "exceptions")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rol-model")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    """Import a public name on first use and keep it (PEP 562)."""
    if name == "__version__":
        value: Any = _version()
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"rol_model.{name}")
    else:
        raise AttributeError(f"module 'rol_model' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_LIMITS",
    "MAX_OUTLINE_DEPTH",
    "Cause",
    "Comparison",
    "ComparisonError",
    "ExportSummary",
    "FieldChange",
    "FileResult",
    "Finding",
    "FollowingMeasure",
    "ImportResult",
    "Indicator",
    "IndicatorChange",
    "IndicatorTrend",
    "InvalidProfileError",
    "InvalidReportError",
    "Issue",
    "Item",
    "ItemChange",
    "LeadershipPart",
    "Limits",
    "LineRange",
    "Measure",
    "MeasuresPart",
    "Node",
    "Occurrence",
    "Organization",
    "OrganizationKind",
    "OrganizationLevel",
    "OtherPart",
    "Part",
    "PartChange",
    "PartKind",
    "Period",
    "Plan",
    "PlanFollowThrough",
    "PlansPart",
    "Preamble",
    "Profile",
    "Qualifier",
    "ReadError",
    "RecurringShortcoming",
    "RenderFormat",
    "Report",
    "ReportDiff",
    "RolModelError",
    "Rule",
    "Severity",
    "Shortcoming",
    "ShortcomingsPart",
    "Source",
    "TrendPoint",
    "WriteError",
    "__version__",
    "builtin_profiles",
    "check",
    "check_many",
    "compare",
    "comparison_csv",
    "comparison_to_dict",
    "diff",
    "diff_to_dict",
    "dump",
    "dumps",
    "export_tables",
    "format_comparison",
    "format_diff",
    "from_dict",
    "html_check",
    "html_diff",
    "html_report",
    "html_trend",
    "import_docx",
    "import_file",
    "import_text",
    "iter_indicators",
    "iter_load",
    "iter_nodes",
    "json_patch",
    "load",
    "load_profile",
    "loads",
    "profile_from_dict",
    "render",
    "rules",
    "schema",
    "to_dict",
    "validate",
]
