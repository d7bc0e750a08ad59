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

    from rol_model.checker import (
        Finding,
        Profile,
        Rule,
        builtin_profiles,
        check,
        findings_to_dict,
        format_findings,
        load_profile,
        missing_parts,
        profile_from_dict,
        required_parts,
        rules,
    )
    from rol_model.corpus import ExportSummary, FileResult, check_many, export_tables, iter_load
    from rol_model.diffing import (
        FieldChange,
        IndicatorChange,
        ItemChange,
        PartChange,
        ReportDiff,
        diff,
        diff_to_dict,
        format_diff,
        json_patch,
    )
    from rol_model.exceptions import (
        ComparisonError,
        InvalidProfileError,
        InvalidReportError,
        Issue,
        MissingExtraError,
        NotAReportError,
        ReadError,
        RolModelError,
        Severity,
        UnsupportedFormatError,
        WriteError,
    )
    from rol_model.importer import ImportResult, import_docx, import_file, import_pdf, import_text
    from rol_model.model import (
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
    from rol_model.serialize import (
        DEFAULT_LIMITS,
        Limits,
        dump,
        dumps,
        from_dict,
        load,
        loads,
        to_dict,
    )
    from rol_model.trends import (
        Comparison,
        FollowingMeasure,
        IndicatorTrend,
        Occurrence,
        PlanFollowThrough,
        RecurringShortcoming,
        TrendPoint,
        compare,
        comparison_csv,
        comparison_to_dict,
        format_comparison,
    )
    from rol_model.validation import schema, validate
    from rol_model.views import (
        RenderFormat,
        html_check,
        html_diff,
        html_report,
        html_trend,
        render,
        write_docx,
    )

#: Public name → the module that defines it. ``import rol_model`` imports none of them: each is
#: imported on first use (PEP 562), so ``import rol_model`` and ``rol --version`` stay fast. Add
#: a new public name here, in the ``TYPE_CHECKING`` imports above and in ``__all__``;
#: ``tests/cli/test_cold_start.py`` fails when the three differ.
_EXPORTS: dict[str, str] = {
    "Finding": "rol_model.checker",
    "Rule": "rol_model.checker",
    "check": "rol_model.checker",
    "findings_to_dict": "rol_model.checker",
    "format_findings": "rol_model.checker",
    "rules": "rol_model.checker",
    "Comparison": "rol_model.trends",
    "FollowingMeasure": "rol_model.trends",
    "IndicatorTrend": "rol_model.trends",
    "Occurrence": "rol_model.trends",
    "PlanFollowThrough": "rol_model.trends",
    "RecurringShortcoming": "rol_model.trends",
    "TrendPoint": "rol_model.trends",
    "compare": "rol_model.trends",
    "comparison_csv": "rol_model.trends",
    "comparison_to_dict": "rol_model.trends",
    "format_comparison": "rol_model.trends",
    "FileResult": "rol_model.corpus",
    "check_many": "rol_model.corpus",
    "iter_load": "rol_model.corpus",
    "FieldChange": "rol_model.diffing",
    "ItemChange": "rol_model.diffing",
    "PartChange": "rol_model.diffing",
    "ReportDiff": "rol_model.diffing",
    "diff": "rol_model.diffing",
    "IndicatorChange": "rol_model.diffing",
    "diff_to_dict": "rol_model.diffing",
    "format_diff": "rol_model.diffing",
    "ExportSummary": "rol_model.corpus",
    "export_tables": "rol_model.corpus",
    "html_check": "rol_model.views",
    "html_diff": "rol_model.views",
    "html_report": "rol_model.views",
    "html_trend": "rol_model.views",
    "ImportResult": "rol_model.importer",
    "import_file": "rol_model.importer",
    "import_text": "rol_model.importer",
    "import_docx": "rol_model.importer",
    "import_pdf": "rol_model.importer",
    "Issue": "rol_model.exceptions",
    "Severity": "rol_model.exceptions",
    "MAX_OUTLINE_DEPTH": "rol_model.model",
    "Cause": "rol_model.model",
    "Indicator": "rol_model.model",
    "Item": "rol_model.model",
    "LeadershipPart": "rol_model.model",
    "LineRange": "rol_model.model",
    "Measure": "rol_model.model",
    "MeasuresPart": "rol_model.model",
    "Node": "rol_model.model",
    "Organization": "rol_model.model",
    "OrganizationKind": "rol_model.model",
    "OrganizationLevel": "rol_model.model",
    "OtherPart": "rol_model.model",
    "Part": "rol_model.model",
    "PartKind": "rol_model.model",
    "Period": "rol_model.model",
    "Plan": "rol_model.model",
    "PlansPart": "rol_model.model",
    "Preamble": "rol_model.model",
    "Qualifier": "rol_model.model",
    "Report": "rol_model.model",
    "Shortcoming": "rol_model.model",
    "ShortcomingsPart": "rol_model.model",
    "Source": "rol_model.model",
    "iter_indicators": "rol_model.model",
    "iter_nodes": "rol_model.model",
    "json_patch": "rol_model.diffing",
    "Profile": "rol_model.checker",
    "builtin_profiles": "rol_model.checker",
    "load_profile": "rol_model.checker",
    "profile_from_dict": "rol_model.checker",
    "RenderFormat": "rol_model.views",
    "render": "rol_model.views",
    "schema": "rol_model.validation",
    "validate": "rol_model.validation",
    "DEFAULT_LIMITS": "rol_model.serialize",
    "Limits": "rol_model.serialize",
    "dump": "rol_model.serialize",
    "dumps": "rol_model.serialize",
    "from_dict": "rol_model.serialize",
    "load": "rol_model.serialize",
    "loads": "rol_model.serialize",
    "to_dict": "rol_model.serialize",
    "ComparisonError": "rol_model.exceptions",
    "InvalidProfileError": "rol_model.exceptions",
    "InvalidReportError": "rol_model.exceptions",
    "ReadError": "rol_model.exceptions",
    "RolModelError": "rol_model.exceptions",
    "UnsupportedFormatError": "rol_model.exceptions",
    "MissingExtraError": "rol_model.exceptions",
    "WriteError": "rol_model.exceptions",
    "NotAReportError": "rol_model.exceptions",
    "missing_parts": "rol_model.checker",
    "required_parts": "rol_model.checker",
    "write_docx": "rol_model.views",
}
_SUBMODULES = ("cli", "exceptions", "survey")


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
    "MissingExtraError",
    "Node",
    "NotAReportError",
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
    "UnsupportedFormatError",
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
    "findings_to_dict",
    "format_comparison",
    "format_diff",
    "format_findings",
    "from_dict",
    "html_check",
    "html_diff",
    "html_report",
    "html_trend",
    "import_docx",
    "import_file",
    "import_pdf",
    "import_text",
    "iter_indicators",
    "iter_load",
    "iter_nodes",
    "json_patch",
    "load",
    "load_profile",
    "loads",
    "missing_parts",
    "profile_from_dict",
    "render",
    "required_parts",
    "rules",
    "schema",
    "to_dict",
    "validate",
    "write_docx",
]
