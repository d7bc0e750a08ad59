"""The packaged JSON Schema and validation against it."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from rol_model.exceptions import Issue
from rol_model.model import document_position, pointer
from rol_model.validation._hostile import DIAGNOSED, extension_issues, value_issues
from rol_model.validation._verdict import is_integer

if TYPE_CHECKING:
    import jsonschema
    import jsonschema.protocols

__all__ = ["is_valid", "iter_schema_issues", "schema", "validate"]


def _schema_text() -> str:
    return resources.files("rol_model").joinpath("schemas/report.schema.json").read_text("utf-8")


@functools.cache
def _schema() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(_schema_text())
    return result


def schema() -> dict[str, Any]:
    """Return the report JSON Schema (draft 2020-12) as a new dict the caller may change."""
    return copy.deepcopy(_schema())


def _is_integer(checker: object, instance: object) -> bool:
    return is_integer(instance)


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema

    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("integer", _is_integer)
    cls = jsonschema.validators.extend(base, type_checker=checker)  # type: ignore[no-untyped-call]
    return cls(_schema(), format_checker=base.FORMAT_CHECKER)  # type: ignore[no-any-return]


@functools.cache
def _compiled() -> Callable[[Any], bool]:
    from rol_model.validation._verdict import compile_schema

    return compile_schema(_schema())


@functools.cache
def _rust() -> Callable[[Any], bool] | None:
    """jsonschema-rs' verdict when the ``fast`` extra is installed, else ``None``."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    validator = jsonschema_rs.Draft202012Validator(
        _rust_schema(),
        validate_formats=True,
        pattern_options=jsonschema_rs.RegexOptions(),
    )
    return validator.is_valid


#: How the schema's patterns end, as written in its JSON text: "end of text, not before a final
#: newline" for Python's ``re`` (whose ``$`` also matches before a final ``\\n``).
_PYTHON_END = "(?!\\\\n)$"


def _rust_schema() -> dict[str, Any]:
    """The schema with each pattern's ``(?!\\n)$`` written ``$`` for Rust's ``regex`` crate.

    There ``$`` already means the very end of the text, so the two say the same; without the
    look-around (the only one the patterns use) every pattern compiles to the linear-time
    ``regex`` engine instead of ``fancy-regex``'s backtracking one, which takes a third off
    jsonschema-rs' verdict on a report (docs/scale.md). ``tests/validation/test_verdict.py``
    holds the engines to the same verdict, trailing newlines included.
    """
    result: dict[str, Any] = json.loads(_schema_text().replace(_PYTHON_END, "$"))
    return result


def is_valid(data: object, *, exact: bool = False) -> bool:
    """Whether ``data`` is valid under the report schema: the verdict alone, fast.

    Uses jsonschema-rs when the ``fast`` extra is installed, else the schema compiled to Python
    closures; both give the verdict :func:`validate` gives. jsonschema-rs compares numbers as
    binary doubles, so pass ``exact=True`` when the data may hold a decimal with more digits
    than a double keeps: the exact pure-Python check is used then.
    """
    rust = None if exact else _rust()
    if rust is not None:
        try:
            return rust(data)
        except (ValueError, TypeError, OverflowError):  # e.g. an integer beyond 64 bits
            pass
    return _compiled()(data)


def _unknown_field_message(key: str, allowed: Mapping[str, Any]) -> str:
    from rol_model.validation._relevance import suggestion

    meant = suggestion(key, [name for name in allowed if isinstance(name, str)])
    hint = f"did you mean {meant!r}? " if meant else ""
    return (
        f"unknown field {key!r}: {hint}not part of the report schema "
        "(namespaced data belongs in 'extensions')"
    )


def _issues_of(error: jsonschema.ValidationError) -> Iterator[tuple[list[object], Issue]]:
    path: list[object] = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        for key in error.instance:
            if key not in allowed:
                where = [*path, key]
                yield (
                    where,
                    Issue(
                        code="schema.unknown-field",
                        message=_unknown_field_message(key, allowed),
                        pointer=pointer(where),
                    ),
                )
        return
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    yield path, Issue(code=f"schema.{error.validator}", message=message, pointer=pointer(path))


def iter_schema_issues(data: object) -> Iterator[Issue]:
    """Yield every schema violation of ``data``, in document order."""
    errors = _validator().iter_errors(data)  # type: ignore[arg-type]
    found = [pair for error in errors for pair in _issues_of(error)]
    found.sort(key=lambda pair: document_position(data, pair[0]))
    for _, issue in found:
        yield issue


def validate(data: object) -> list[Issue]:
    """Check a parsed JSON document against the report schema.

    Returns every issue in document order; an empty list means the document is a valid
    report. Numbers may be :class:`int`, :class:`float` or :class:`~decimal.Decimal`.
    """
    try:
        if not is_valid(data, exact=True):
            return list(iter_schema_issues(data))
    except DIAGNOSED:  # data built in code: too deep, a huge integer, a signalling NaN
        issues = value_issues(data)
        if not issues:
            raise
        return issues
    if isinstance(data, dict) and data.get("extensions"):
        # the schema allows any JSON there; the readers refuse NaN and deep nesting: so here
        return extension_issues(data["extensions"])
    return []
