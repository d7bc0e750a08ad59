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

    from rol_model._checks import Finding, Rule, check, rules
    from rol_model._compare import (
        Comparison,
        FollowingMeasure,
        IndicatorTrend,
        Occurrence,
        PlanFollowThrough,
        RecurringShortcoming,
        TrendPoint,
        compare,
    )
    from rol_model._compare_output import comparison_csv, comparison_to_dict, format_comparison
    from rol_model._corpus import FileResult, check_many, iter_load
    from rol_model._diff import FieldChange, ItemChange, PartChange, ReportDiff, diff
    from rol_model._diff_indicators import IndicatorChange
    from rol_model._diff_output import diff_to_dict, format_diff
    from rol_model._export import ExportSummary, export_tables
    from rol_model._html import html_check, html_diff, html_report, html_trend
    from rol_model._importer import ImportResult, import_file, import_text
    from rol_model._importer_docx import import_docx
    from rol_model._issue import Issue, Severity
    from rol_model._model import (
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
    from rol_model._patch import json_patch
    from rol_model._profiles import Profile, builtin_profiles, load_profile, profile_from_dict
    from rol_model._render import RenderFormat, render
    from rol_model._schema import schema, validate
    from rol_model._serialize import (
        DEFAULT_LIMITS,
        Limits,
        dump,
        dumps,
        from_dict,
        load,
        loads,
        to_dict,
    )
    from rol_model.exceptions import (
        ComparisonError,
        InvalidProfileError,
        InvalidReportError,
        ReadError,
        RolModelError,
        WriteError,
    )

#: Public name → the module that defines it. ``import rol_model`` imports none of them: each is
#: imported on first use (PEP 562), so ``import rol_model`` and ``rol --version`` stay fast. Add
#: a new public name here, in the ``TYPE_CHECKING`` imports above and in ``__all__``;
#: ``tests/test_cold_start.py`` fails when the three differ.
_EXPORTS: dict[str, str] = {
    "Finding": "rol_model._checks",
    "Rule": "rol_model._checks",
    "check": "rol_model._checks",
    "rules": "rol_model._checks",
    "Comparison": "rol_model._compare",
    "FollowingMeasure": "rol_model._compare",
    "IndicatorTrend": "rol_model._compare",
    "Occurrence": "rol_model._compare",
    "PlanFollowThrough": "rol_model._compare",
    "RecurringShortcoming": "rol_model._compare",
    "TrendPoint": "rol_model._compare",
    "compare": "rol_model._compare",
    "comparison_csv": "rol_model._compare_output",
    "comparison_to_dict": "rol_model._compare_output",
    "format_comparison": "rol_model._compare_output",
    "FileResult": "rol_model._corpus",
    "check_many": "rol_model._corpus",
    "iter_load": "rol_model._corpus",
    "FieldChange": "rol_model._diff",
    "ItemChange": "rol_model._diff",
    "PartChange": "rol_model._diff",
    "ReportDiff": "rol_model._diff",
    "diff": "rol_model._diff",
    "IndicatorChange": "rol_model._diff_indicators",
    "diff_to_dict": "rol_model._diff_output",
    "format_diff": "rol_model._diff_output",
    "ExportSummary": "rol_model._export",
    "export_tables": "rol_model._export",
    "html_check": "rol_model._html",
    "html_diff": "rol_model._html",
    "html_report": "rol_model._html",
    "html_trend": "rol_model._html",
    "ImportResult": "rol_model._importer",
    "import_file": "rol_model._importer",
    "import_text": "rol_model._importer",
    "import_docx": "rol_model._importer_docx",
    "Issue": "rol_model._issue",
    "Severity": "rol_model._issue",
    "MAX_OUTLINE_DEPTH": "rol_model._model",
    "Cause": "rol_model._model",
    "Indicator": "rol_model._model",
    "Item": "rol_model._model",
    "LeadershipPart": "rol_model._model",
    "LineRange": "rol_model._model",
    "Measure": "rol_model._model",
    "MeasuresPart": "rol_model._model",
    "Node": "rol_model._model",
    "Organization": "rol_model._model",
    "OrganizationKind": "rol_model._model",
    "OrganizationLevel": "rol_model._model",
    "OtherPart": "rol_model._model",
    "Part": "rol_model._model",
    "PartKind": "rol_model._model",
    "Period": "rol_model._model",
    "Plan": "rol_model._model",
    "PlansPart": "rol_model._model",
    "Preamble": "rol_model._model",
    "Qualifier": "rol_model._model",
    "Report": "rol_model._model",
    "Shortcoming": "rol_model._model",
    "ShortcomingsPart": "rol_model._model",
    "Source": "rol_model._model",
    "iter_indicators": "rol_model._model",
    "iter_nodes": "rol_model._model",
    "json_patch": "rol_model._patch",
    "Profile": "rol_model._profiles",
    "builtin_profiles": "rol_model._profiles",
    "load_profile": "rol_model._profiles",
    "profile_from_dict": "rol_model._profiles",
    "RenderFormat": "rol_model._render",
    "render": "rol_model._render",
    "schema": "rol_model._schema",
    "validate": "rol_model._schema",
    "DEFAULT_LIMITS": "rol_model._serialize",
    "Limits": "rol_model._serialize",
    "dump": "rol_model._serialize",
    "dumps": "rol_model._serialize",
    "from_dict": "rol_model._serialize",
    "load": "rol_model._serialize",
    "loads": "rol_model._serialize",
    "to_dict": "rol_model._serialize",
    "ComparisonError": "rol_model.exceptions",
    "InvalidProfileError": "rol_model.exceptions",
    "InvalidReportError": "rol_model.exceptions",
    "ReadError": "rol_model.exceptions",
    "RolModelError": "rol_model.exceptions",
    "WriteError": "rol_model.exceptions",
}
_SUBMODULES = ("cli", "exceptions")


def _version() -> str:
    from rol_model._about import __version__

    return __version__


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
