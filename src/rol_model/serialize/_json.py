"""Reading and writing reports as JSON: strict on the way in, canonical on the way out."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator, Mapping
from decimal import Decimal
from json.encoder import encode_basestring
from typing import IO, Any

from rol_model.exceptions import InvalidReportError, Issue
from rol_model.model import Report, iter_indicators, pointer
from rol_model.serialize._convert import UnrepresentableValueError, converter
from rol_model.serialize._fasttext import LONG_DECIMAL
from rol_model.serialize._limits import DEFAULT_LIMITS, Limits, PathLike, read_document
from rol_model.validation import (
    DIAGNOSED,
    extension_issues,
    is_valid,
    iter_schema_issues,
    value_issues,
)

__all__ = [
    "canonical_json",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse_json",
    "to_dict",
]


class _NonFinite:
    """Stands in for NaN or Infinity while parsing, so the walk can point at it."""

    def __init__(self, name: str) -> None:
        self.name = name


class _DuplicateKeys(dict[str, Any]):
    """An object that repeated keys; plain ``json`` would silently keep only the last value."""

    duplicates: list[str]


class _Parser:
    def __init__(self) -> None:
        self.suspect = False
        self.long_decimal = False

    def decimal(self, text: str) -> Decimal:
        if len(text) > LONG_DECIMAL:  # more significant digits than a binary double keeps
            self.long_decimal = True
        return Decimal(text)

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        self.suspect = True
        flagged = _DuplicateKeys(pairs)
        seen: set[str] = set()
        flagged.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        return flagged

    def constant(self, name: str) -> _NonFinite:
        self.suspect = True
        return _NonFinite(name)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk_values(document: object) -> Iterator[tuple[list[object], object]]:
    stack: list[tuple[list[object], object]] = [([], document)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(([*path, k], v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(([*path, i], v) for i, v in reversed(list(enumerate(value))))


def _suspect_issues(document: object) -> Iterator[Issue]:
    """Duplicate keys, NaN/Infinity and lone surrogates, each with its JSON Pointer."""
    for path, value in _walk_values(document):
        where = pointer(path)
        if isinstance(value, _DuplicateKeys):
            for key in value.duplicates:
                yield Issue(
                    code="json.duplicate-key",
                    message=f"key {key!r} appears more than once in this object",
                    pointer=where,
                )
        if isinstance(value, dict):
            for key in value:
                if _has_surrogate(key):
                    yield Issue(
                        code="json.lone-surrogate",
                        message="an object key contains a lone UTF-16 surrogate (\\ud800-\\udfff)",
                        pointer=where,
                    )
        elif isinstance(value, _NonFinite):
            yield Issue(
                code="json.non-finite",
                message=f"{value.name} is not a JSON number; write a finite number",
                pointer=where,
            )
        elif isinstance(value, str) and _has_surrogate(value):
            yield Issue(
                code="json.lone-surrogate",
                message="text contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not "
                "a character and cannot be stored as UTF-8",
                pointer=where,
            )


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _StopError(
            Issue(
                code="encoding.utf16",
                message="the text is UTF-16 (it starts with a UTF-16 byte order mark); JSON "
                "reports must be UTF-8",
                line=1,
                column=1,
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = "; it decodes as GB18030 (GBK): convert it, e.g. iconv -f GB18030 -t UTF-8"
        except UnicodeDecodeError:
            pass
        raise _StopError(
            Issue(
                code="encoding.not-utf8",
                message=f"the text is not UTF-8 (byte 0x{data[start]:02x} at byte offset "
                f"{start}){hint}",
                line=line,
                column=column,
            )
        ) from None


class _StopError(Exception):
    def __init__(self, *issues: Issue) -> None:
        self.issues = issues


def _depth(value: object) -> int:
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item)
    return deepest


def parse_json(data: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse JSON text strictly; raise :class:`InvalidReportError` on anything doubtful.

    Numbers with a fraction or exponent become :class:`~decimal.Decimal`. Refused: text that is
    not UTF-8 (a UTF-8 BOM is accepted), malformed JSON, duplicate keys, NaN and Infinity, lone
    surrogates, and documents over ``limits.max_bytes``.
    """
    try:
        return _parse(data, limits)[0]
    except _StopError as stop:
        raise InvalidReportError(stop.issues) from None


def _parse(data: str | bytes | bytearray, limits: Limits) -> tuple[Any, bool]:
    """The document, and whether it holds a decimal too long for a binary double."""
    size = (
        len(data) if isinstance(data, (bytes, bytearray)) else len(data.encode("utf-8", "replace"))
    )
    if size > limits.max_bytes:
        raise _StopError(
            Issue(
                code="limit.size",
                message=f"the document has {size} bytes, over the limit of {limits.max_bytes} "
                "(raise Limits.max_bytes to read it)",
            )
        )
    if isinstance(data, (bytes, bytearray)):
        text = _decode(bytes(data))
    else:
        text = data.removeprefix("\ufeff")
        if _has_surrogate(text):
            index = next(i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff")
            line, column = _line_column(text, index)
            raise _StopError(
                Issue(
                    code="json.lone-surrogate",
                    message="the text contains a lone UTF-16 surrogate, which is not a character",
                    line=line,
                    column=column,
                )
            )
    parser = _Parser()
    try:
        document = json.loads(
            text,
            object_pairs_hook=parser.object_pairs,
            parse_float=parser.decimal,
            parse_constant=parser.constant,
        )
    except json.JSONDecodeError as error:
        raise _StopError(
            Issue(
                code="json.syntax",
                message=f"malformed JSON: {error.msg}",
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except RecursionError:
        raise _StopError(
            Issue(code="limit.depth", message="the JSON is nested too deeply to be read")
        ) from None
    except ValueError as error:  # an integer longer than Python's int_max_str_digits
        raise _StopError(Issue(code="json.number", message=f"unreadable number: {error}")) from None
    # "\\" first: one fast scan, where two substring searches cost a third of a parse
    if parser.suspect or ("\\" in text and ("\\ud" in text or "\\uD" in text)):
        issues = list(_suspect_issues(document))
        if issues:
            raise _StopError(*issues)
    return document, parser.long_decimal


def _structure(document: Any, limits: Limits, *, exact: bool = True) -> Report:
    if not isinstance(document, dict):
        found = "an array" if isinstance(document, list) else f"a {type(document).__name__}"
        raise _StopError(
            Issue(code="json.not-an-object", message=f"a report is a JSON object, found {found}")
        )
    if not is_valid(document, exact=exact):
        issues = list(iter_schema_issues(document))
        if issues:
            raise _StopError(*issues)
    extensions = document.get("extensions", {})
    for key, value in extensions.items():
        if _depth(value) > limits.max_depth:
            raise _StopError(
                Issue(
                    code="limit.depth",
                    message=f"extension value nests deeper than {limits.max_depth} levels "
                    "(raise Limits.max_depth to read it)",
                    pointer=pointer(["extensions", key]),
                )
            )
    if extensions:
        built = value_issues({"extensions": extensions})  # NaN or a huge integer built in code
        if built:
            raise _StopError(*built)
    try:
        report: Report = converter().structure(document, Report)
    except Exception as error:  # the schema admitted something the classes refuse: say so
        raise _StopError(
            Issue(code="structure", message=f"cannot build the report: {error!r}")
        ) from error
    return report


def from_dict(data: Mapping[str, Any], *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Build a :class:`Report` from JSON-shaped data (as :func:`json.loads` gives it).

    The data is validated against the schema first; raises :class:`InvalidReportError`
    listing every issue.
    """
    try:
        return _structure(data, limits)
    except _StopError as stop:
        raise InvalidReportError(stop.issues) from None
    except DIAGNOSED:  # data built in code: too deep, a huge integer, a signalling NaN
        issues = value_issues(data)
        if not issues:
            raise
        raise InvalidReportError(issues) from None


def loads(data: str | bytes | bytearray, *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read a report from JSON text (``str``, or UTF-8 ``bytes``); see :func:`parse_json`."""
    from rol_model.serialize._fastload import (
        load_fast,  # the same Report, or None: then the reference
    )

    report = load_fast(data, limits, _parse)
    if report is not None:
        return report
    return strict_loads(data, limits)


def strict_loads(data: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> Report:
    """The reference reading of :func:`loads`, which ``_fastload`` must agree with."""
    try:
        document, long_decimal = _parse(data, limits)
        return _structure(document, limits, exact=long_decimal)
    except _StopError as stop:
        raise InvalidReportError(stop.issues, source="<string>") from None


def _name(source: PathLike | IO[bytes]) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def load(source: PathLike | IO[bytes], *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read a report from a JSON file (a path or a binary stream).

    Raises :class:`ReadError` when the file cannot be read and :class:`InvalidReportError`
    (naming the file) when it is not a valid report.
    """
    data = read_document(source, limits)
    from rol_model.serialize._fastload import load_fast

    report = load_fast(data, limits, _parse)
    if report is not None:
        return report
    try:
        document, long_decimal = _parse(data, limits)
        return _structure(document, limits, exact=long_decimal)
    except _StopError as stop:
        raise InvalidReportError(stop.issues, source=_name(source)) from None


def _unrepresentable(report: Report) -> Issue:
    for where, indicator in iter_indicators(report):
        if not indicator.value.is_finite():
            return Issue(
                code="value.non-finite",
                message=f"{indicator.value} cannot be written as a JSON number",
                pointer=f"{where}/value",
            )
    return Issue(code="value.non-finite", message="a non-finite number cannot be written as JSON")


def to_dict(report: Report) -> dict[str, Any]:
    """Turn a report into JSON-shaped data: dicts, lists, str, int, Decimal and bool.

    Fields at their default (``None``, empty) are left out, as in the canonical JSON.
    """
    from rol_model.serialize._fastdump import unstructure_report

    try:  # the generated unstructuring: the same dict, key for key (tests/test_fastdump.py)
        return unstructure_report(report)
    except Exception:  # a value it does not vouch for: the reference
        return strict_to_dict(report)


def strict_to_dict(report: Report) -> dict[str, Any]:
    """The reference of :func:`to_dict` (cattrs), which ``_fastdump`` must agree with."""
    try:
        result: dict[str, Any] = converter().unstructure(report)
    except UnrepresentableValueError:
        raise InvalidReportError([_unrepresentable(report)]) from None
    except DIAGNOSED:  # built in code: nested too deep, or a value no JSON can carry
        issues = value_issues(report)
        if not issues:
            raise
        raise InvalidReportError(issues) from None
    return result


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None or isinstance(value, bool):
        out.append("null" if value is None else ("true" if value else "false"))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise UnrepresentableValueError(str(value))
        out.append(str(value))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise UnrepresentableValueError(repr(value))
        out.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise UnrepresentableValueError(f"the object key {key!r}")
            out.append(("," if index else "") + "\n" + inner + encode_basestring(key) + ": ")
            _emit(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + "\n" + inner)
            _emit(item, inner, out)
        out.append("\n" + indent + "]")
    else:
        raise UnrepresentableValueError(f"{type(value).__name__} is not JSON data")


def canonical_json(data: Any) -> str:
    """Canonical JSON text of JSON-shaped data: 2-space indent, unescaped Chinese, final newline."""
    out: list[str] = []
    _emit(data, "", out)
    out.append("\n")
    return "".join(out)


def dumps(report: Report) -> str:
    """Write a report as canonical JSON text.

    The text is UTF-8-safe, keeps Chinese unescaped, orders keys as the schema does, indents by
    two spaces and ends with a newline; ``dumps(loads(text)) == text`` for canonical text.
    Raises :class:`InvalidReportError` when the report breaks the schema or holds a value
    JSON cannot carry, so no invalid file is ever written.
    """
    from rol_model.serialize._fastdump import (
        dumps_fast,  # the same text, or None: then the reference
    )

    text = dumps_fast(report)
    if text is not None:
        return text
    return strict_dumps(report)


def strict_dumps(report: Report) -> str:
    """The reference writing of :func:`dumps`, which ``_fastdump`` must agree with byte for byte."""
    data = to_dict(report)
    try:
        issues = [] if is_valid(data, exact=True) else list(iter_schema_issues(data))
        if not issues and report.extensions:  # what load would refuse is never written
            issues = extension_issues(data.get("extensions"), DEFAULT_LIMITS.max_depth)
        if not issues:
            text = canonical_json(data)
    except DIAGNOSED as error:
        if isinstance(error, UnrepresentableValueError):  # in extensions: any JSON is allowed
            raise InvalidReportError(
                [Issue(code="value.unrepresentable", message=f"{error} cannot be written as JSON")]
            ) from None
        issues = value_issues(data)
        if not issues:
            raise
    if issues:
        raise InvalidReportError(issues)
    if _has_surrogate(text):  # one pass in C; the walk that names the place runs only then
        raise InvalidReportError(
            [i for i in _suspect_issues(data) if i.code == "json.lone-surrogate"]
        )
    return text


def dump(report: Report, path: PathLike) -> None:
    """Write a report to ``path`` as canonical UTF-8 JSON, atomically.

    The text goes to a temporary file in the same folder, which then replaces ``path`` in one
    step: a failure leaves any existing file untouched and no partial file behind. A new file
    gets the usual mode under the umask, an existing one keeps its mode; a symbolic link is
    followed (the file it points to is replaced). Raises :class:`WriteError` naming ``path``.
    """
    from rol_model.serialize._atomic import write_file

    write_file(path, dumps(report).encode("utf-8"))
