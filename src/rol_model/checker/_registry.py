"""The registry of the checker's rules; ``_run.check`` runs them.

A rule is a generator function plus declared metadata (:class:`Rule`): a stable code banded by
family (``ROL1xx`` structure, ``ROL2xx`` consistency, ``ROL3xx`` substance, ``ROL4xx`` year over
year), a short name, a default severity, English and Chinese titles, the rationale and the source
it enforces, and a worked example. The metadata is data, in ``rules.json`` beside this module;
``@rule(code)`` joins a function to its entry. The generator receives a :class:`Context` and yields
:class:`Hit` records; :func:`check` turns them into :class:`Finding` records with the severity the
profile gives the rule, and returns them in document order.

The rule families live in ``_rules_structure``, ``_rules_consistency``, ``_rules_substance`` and
``_rules_history``; this module imports them on first use, so the registry is complete whenever
:func:`rules` or :func:`check` is called.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from rol_model.checker._metadata import metadata
from rol_model.exceptions import Issue, Severity
from rol_model.model import (
    Indicator,
    Node,
    document_position,
    split_pointer,
    walk_part,
)
from rol_model.model import node_text as model_node_text
from rol_model.text import normalize

if TYPE_CHECKING:
    from rol_model.checker._profiles import Profile
    from rol_model.model import Node, Part, Report

__all__ = [
    "FAMILIES",
    "PART_NAMES",
    "Context",
    "Example",
    "Finding",
    "Hit",
    "Rule",
    "apply_patch",
    "excerpt",
    "gist",
    "metadata",
    "part_pointers",
    "position",
    "rule",
    "rules",
]

#: Family of a code by its first digit: ROL1xx … ROL4xx.
FAMILIES: Mapping[str, tuple[str, str]] = {
    "1": ("structure", "结构"),
    "2": ("consistency", "一致性"),
    "3": ("substance", "实质内容"),
    "4": ("year over year", "年度对比"),
}

_RULE_MODULES = (
    "rol_model.checker._rules_structure",
    "rol_model.checker._rules_consistency",
    "rol_model.checker._rules_substance",
    "rol_model.checker._rules_history",
)
_CODE = re.compile(r"ROL[1-4][0-9]{2}")
_EXCERPT_LENGTH = 40


@attrs.frozen(kw_only=True)
class Finding:
    """One problem the checker found in a report.

    Field names follow :class:`~rol_model.Issue` where they overlap (``code``, ``message``,
    ``pointer``, ``severity``). ``pointer`` is an RFC 6901 JSON Pointer into the checked report
    (``"/parts"`` when a part is missing). ``message`` is English, ``message_zh`` Chinese;
    ``excerpt`` quotes the start of the offending text, when there is one.
    """

    code: str
    name: str
    severity: Severity
    pointer: str
    message: str
    message_zh: str
    excerpt: str | None = None

    def to_issue(self) -> Issue:
        """The finding as the general problem record :class:`~rol_model.Issue`."""
        return Issue(
            code=self.code, message=self.message, pointer=self.pointer, severity=self.severity
        )

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.severity}: {self.message} [{self.code}]"


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule function yields: where, and what to tell the reader in both languages."""

    pointer: str
    message: str
    message_zh: str
    excerpt: str | None = None


@attrs.frozen(kw_only=True)
class Example:
    """A worked example of a rule, applied to the sample report of ``_examples``.

    ``fails`` and ``passes`` are JSON Patch operations (RFC 6902: ``add``, ``remove``,
    ``replace``) on the sample report; the failing one makes the rule fire at ``pointer``, the
    passing one keeps it silent. Rules that compare years set ``previous``: the patch makes the
    sample previous-year report of the failing example (the passing one uses it unchanged).
    ``profile`` is a profile document to check both with, instead of ``national``.
    """

    fails: tuple[Mapping[str, Any], ...]
    passes: tuple[Mapping[str, Any], ...] = ()
    pointer: str
    previous: tuple[Mapping[str, Any], ...] | None = None
    profile: Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True)
class Context:
    """What a rule sees: the report, the profile, last year's report when given."""

    report: Report
    profile: Profile
    previous: Report | None = None
    # The report as JSON-shaped data (``to_dict``), made only when a pointer needs it; see
    # :meth:`position`.
    _document: dict[str, Any] | None = attrs.field(default=None, init=False, repr=False, eq=False)
    # Normalized texts, computed once per text for this one check call (several
    # rules read the same item) and dropped with the context: the memory is the report's size.
    _normalized: dict[str, str] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    _walked: dict[str, list[Any]] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def part_nodes(self, index: int) -> list[tuple[str, Node]]:
        """``(pointer, node)`` for every item of the part at ``index``, in document order
        (``walk_part``); the report is walked once per check call (several rules read it)."""
        found = self._walked.get("parts")
        if found is None:
            found = self._walked["parts"] = [
                [(visit.pointer, visit.node) for visit in walk_part(i, part)]
                for i, part in enumerate(self.report.parts)
            ]
        items: list[tuple[str, Node]] = found[index]
        return items

    def nodes(self) -> list[tuple[str, Node]]:
        """``iter_nodes(report)`` as a list: the items of every part, in document order."""
        found = self._walked.get("nodes")
        if found is None:
            parts = range(len(self.report.parts))
            found = self._walked["nodes"] = [entry for i in parts for entry in self.part_nodes(i)]
        return found

    def indicators(self) -> list[tuple[str, Indicator]]:
        """``iter_indicators(report)`` as a list, from the same walk: the preamble's figures,
        then each part's own and its items'."""
        found = self._walked.get("indicators")
        if found is None:
            report = self.report
            found = []
            if report.preamble is not None:
                found += _numbered("/preamble/indicators", report.preamble.indicators)
            for i, part in enumerate(report.parts):
                found += _numbered(f"/parts/{i}/indicators", part.indicators)
                for pointer, node in self.part_nodes(i):
                    found += _numbered(f"{pointer}/indicators", node.indicators)
            self._walked["indicators"] = found
        return found

    @property
    def document(self) -> Mapping[str, Any]:
        """The report as JSON-shaped data (``to_dict``), made on first use."""
        if self._document is None:
            from rol_model.serialize import to_dict

            object.__setattr__(self, "_document", to_dict(self.report))
        assert self._document is not None
        return self._document

    def positions(self, pointers: Sequence[str]) -> list[tuple[int, ...]]:
        """Sort keys that order ``pointers`` as :func:`position` in :attr:`document` does, read
        off the model when it can answer for all of them.

        The model's keys count an object's members in the order of the class's fields, which is
        the order ``to_dict`` writes them in (tests/checker/test_golden.py checks the pointers of
        every fixture): they differ from the document's numbers but order the same way. When a
        pointer goes through a member the document may leave out (a default) or one that is no
        field, every key is taken from the document, so the keys are never mixed.
        """
        keys = [_model_target(self.report, pointer) for pointer in pointers]
        if all(key is not None for key in keys):
            return [key[0] for key in keys if key is not None]
        return [position(self.document, pointer) for pointer in pointers]

    def excerpt_at(self, pointer: str) -> str | None:
        """The excerpt of the text ``pointer`` points at: a string, or an item's heading, text or
        figure source; ``None`` for anything else (as read in :attr:`document`)."""
        found = _model_target(self.report, pointer)
        if found is None:
            return _document_excerpt(self.document, pointer)
        node = found[1]
        if isinstance(node, str):
            return excerpt(node)
        if isinstance(node, dt.date):
            return excerpt(node.isoformat())
        if attrs.has(type(node)):
            text = getattr(node, "heading", None) or getattr(node, "text", None)
            text = text or getattr(node, "source", None)
            return excerpt(text) if isinstance(text, str) else None
        return None

    def threshold(self, name: str) -> float:
        """A numeric threshold of the profile (see ``thresholds`` in the profile schema)."""
        return self.profile.thresholds[name]

    def normalized(self, text: str) -> str:
        """``normalize`` of ``text`` (see :mod:`rol_model.text`), once per text and check call."""
        found = self._normalized.get(text)
        if found is None:
            found = self._normalized[text] = normalize(text)
        return found

    def normalized_item(self, node: Node) -> str:
        """``normalize(node_text(node))``, from the normalized heading and text (as
        :meth:`normalized_joined`, for the one join every item has)."""
        heading, text = getattr(node, "heading", None), node.text
        if heading and text and _starts_cleanly(text):
            return self.normalized(heading) + self.normalized(text)
        return self.normalized(node_text(node))

    def normalized_joined(self, texts: Iterable[str]) -> str:
        """``normalize("".join(texts))``, from each text normalized (once per check call) when
        joining them cannot change the result (see :func:`_starts_cleanly`), so no text is
        normalized twice."""
        pieces = [text for text in texts if text]
        if all(_starts_cleanly(text) for text in pieces[1:]):
            return "".join(map(self.normalized, pieces))
        return self.normalized("".join(pieces))


_PLACES: dict[type, dict[str, tuple[int, Any]]] = {}


def _field_places(cls: type) -> dict[str, tuple[int, Any]]:
    """Each field of an attrs class: its place among the fields and its default (``NOTHING``
    when required; a factory's value)."""
    places = _PLACES.get(cls)
    if places is None:
        places = {}
        for place, field in enumerate(attrs.fields(cls)):
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = attrs.NOTHING if default.takes_self else default.factory()
            places[field.name] = (place, default)
        _PLACES[cls] = places
    return places


def _model_target(report: Report, pointer: str) -> tuple[tuple[int, ...], object] | None:
    """The position of ``pointer`` (as in the document) and the model value it points at, or
    ``None`` when the document must answer: a member that is no field or is left out of the
    document (``None``, empty or its default), or an index out of range."""
    key: list[int] = []
    node: object = report
    for token in split_pointer(pointer):
        if isinstance(node, tuple):
            if not token.isdigit() or int(token) >= len(node):
                return None
            index = int(token)
            key.append(index)
            node = node[index]
        elif attrs.has(type(node)):
            place = _field_places(type(node)).get(token)
            if place is None:
                return None
            value = getattr(node, token)
            if _left_out(value, place[1]):
                return None
            key.append(place[0])
            node = value
        else:
            return None
    return tuple(key), node


def _left_out(value: object, default: object) -> bool:
    """Whether ``to_dict`` may leave the member out: ``None``, empty, or at its default."""
    empty = isinstance(value, (str, tuple, list, dict, frozenset)) and not value
    return value is None or empty or value == default


def _document_excerpt(document: Any, pointer: str) -> str | None:
    node = document
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    if isinstance(node, str):
        return excerpt(node)
    if isinstance(node, dict):
        text = node.get("heading") or node.get("text") or node.get("source")
        return excerpt(text) if isinstance(text, str) else None
    return None


def _numbered(prefix: str, indicators: tuple[Indicator, ...]) -> list[tuple[str, Indicator]]:
    return [(f"{prefix}/{index}", indicator) for index, indicator in enumerate(indicators)]


def _starts_cleanly(text: str) -> bool:
    """Whether NFKC of anything followed by ``text`` is NFKC of each, joined.

    True when the first character is ASCII or a CJK unified ideograph (U+4E00–U+9FFF): both are
    starters (combining class 0) that never compose with what comes before and decompose to
    themselves, so normalization cannot cross the joint (UAX #15: a boundary before them).
    """
    first = text[0]
    return first < "\x80" or "\u4e00" <= first <= "\u9fff"


RuleFunction = Callable[[Context], Iterator[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule's declared metadata and the generator that applies it."""

    code: str
    name: str
    severity: Severity
    title: str
    title_zh: str
    rationale: str
    source: str
    example: Example
    function: RuleFunction = attrs.field(repr=False, eq=False)

    @property
    def family(self) -> str:
        """The family the code's band belongs to: structure, consistency, substance …"""
        return FAMILIES[self.code[3]][0]


_REGISTRY: dict[str, Rule] = {}


def _example(data: Mapping[str, Any]) -> Example:
    previous = data.get("previous")
    return Example(
        fails=tuple(data["fails"]),
        passes=tuple(data.get("passes", ())),
        pointer=data["pointer"],
        previous=None if previous is None else tuple(previous),
        profile=data.get("profile"),
    )


def rule(code: str) -> Callable[[RuleFunction], RuleFunction]:
    """Decorator that registers a generator function as the rule ``code``, with the metadata
    ``rules.json`` gives that code (name, severity, titles, rationale, source, example)."""
    if not _CODE.fullmatch(code):
        raise ValueError(f"rule code {code!r} is not ROL plus three digits in a known family")
    data = metadata()["rules"][code]

    def decorate(function: RuleFunction) -> RuleFunction:
        if code in _REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        _REGISTRY[code] = Rule(
            code=code,
            name=data["name"],
            severity=data["severity"],
            title=data["title"],
            title_zh=data["title_zh"],
            rationale=data["rationale"],
            source=data["source"].format_map(metadata()["sources"]),
            example=_example(data["example"]),
            function=function,
        )
        return function

    return decorate


@functools.cache
def _load_rules() -> None:
    for module in _RULE_MODULES:
        importlib.import_module(module)


def rules() -> tuple[Rule, ...]:
    """Every registered rule, ordered by code."""
    _load_rules()
    return tuple(_REGISTRY[code] for code in sorted(_REGISTRY))


# Text helpers shared by the rules (text similarity lives in ``_similarity``) --------------------


def gist(node: Node | Part) -> str:
    """What an item is about: its heading, or else the first clause of its text.

    Reports state the topic first (工作人员法治意识有待提高，部分工作人员……); the clauses after
    the first elaborate it and would dilute any comparison.
    """
    heading = getattr(node, "heading", None)
    if heading:
        return str(heading)
    text = node.text or ""
    return re.split(r"[。；;！!？?，,：:]", text, maxsplit=1)[0]


def excerpt(text: str | None, length: int = _EXCERPT_LENGTH) -> str | None:
    """The start of a text on one line, shortened to ``length`` characters with an ellipsis."""
    if not text:
        return None
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def node_text(node: Node | Part) -> str:
    """Heading and text of an item or part, joined; empty when it has neither."""
    return model_node_text(node, "")


#: Each part kind in words, English and Chinese, for messages.
PART_NAMES: Mapping[str, tuple[str, str]] = {
    "measures": ("main measures and results", "主要举措和成效"),
    "shortcomings": ("shortcomings and their causes", "存在的不足和原因"),
    "leadership": (
        "the principal leaders' duty as first responsible persons",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
    ),
    "plans": ("arrangements for the next year", "下一年度主要安排"),
    "other": ("other matters to report", "其他需要报告的情况"),
}


def part_pointers(report: Report, kind: str) -> list[str]:
    """Pointers of the parts of one kind, in document order."""
    return [f"/parts/{i}" for i, part in enumerate(report.parts) if part.kind == kind]


# Patches, for the worked examples -------------------------------------------------------------


def apply_patch(document: Any, operations: Iterable[Mapping[str, Any]]) -> Any:
    """Apply JSON Patch ``add``/``remove``/``replace`` operations to a copy of ``document``."""
    result = copy.deepcopy(document)
    for operation in operations:
        *parents, last = split_pointer(operation["path"])
        target = result
        for token in parents:
            target = target[int(token)] if isinstance(target, list) else target[token]
        op = operation["op"]
        if isinstance(target, list):
            index = len(target) if last == "-" else int(last)
            if op == "add":
                target.insert(index, copy.deepcopy(operation["value"]))
            elif op == "remove":
                del target[index]
            else:
                target[index] = copy.deepcopy(operation["value"])
        elif op == "remove":
            del target[last]
        else:
            target[last] = copy.deepcopy(operation["value"])
    return result


# Positions ----------------------------------------------------------------------------------------


def position(document: Any, pointer: str) -> tuple[int, ...]:
    """A sort key that orders pointers as their targets appear in the JSON document."""
    return document_position(document, split_pointer(pointer))
