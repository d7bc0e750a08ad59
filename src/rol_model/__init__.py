"""rol-model: China's annual rule-of-law government reports as typed, validated, comparable data.

Load a report with :func:`load`, check it against the JSON Schema with :func:`validate`, build
one in code from the frozen attrs classes (:class:`Report`, :class:`Measure` …) and save it with
:func:`dump`. Every error rol-model raises derives from :class:`RolModelError`.
"""

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("rol-model")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

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
