"""rol-model: China's annual rule-of-law government reports as typed, validated, comparable data.

Load a report with :func:`load`, check it against the JSON Schema with :func:`validate`, build
one in code from the frozen attrs classes (:class:`Report`, :class:`Measure` …) and save it with
:func:`dump`. Every error rol-model raises derives from :class:`RolModelError`.
"""

from importlib.metadata import PackageNotFoundError, version

from rol_model._checks import Finding, Rule, check, rules
from rol_model._corpus import FileResult, check_many, iter_load
from rol_model._importer import ImportResult, import_file, import_text
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
from rol_model._profiles import Profile, builtin_profiles, load_profile, profile_from_dict
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
    "FileResult",
    "Finding",
    "ImportResult",
    "Indicator",
    "InvalidProfileError",
    "InvalidReportError",
    "Issue",
    "Item",
    "LeadershipPart",
    "Limits",
    "LineRange",
    "Measure",
    "MeasuresPart",
    "Node",
    "Organization",
    "OrganizationKind",
    "OrganizationLevel",
    "OtherPart",
    "Part",
    "PartKind",
    "Period",
    "Plan",
    "PlansPart",
    "Preamble",
    "Profile",
    "Qualifier",
    "ReadError",
    "Report",
    "RolModelError",
    "Rule",
    "Severity",
    "Shortcoming",
    "ShortcomingsPart",
    "Source",
    "WriteError",
    "__version__",
    "builtin_profiles",
    "check",
    "check_many",
    "dump",
    "dumps",
    "from_dict",
    "import_file",
    "import_text",
    "iter_indicators",
    "iter_load",
    "iter_nodes",
    "load",
    "load_profile",
    "loads",
    "profile_from_dict",
    "rules",
    "schema",
    "to_dict",
    "validate",
]
