"""What changed between two versions of a report: :func:`diff` and the :class:`ReportDiff` record.

Items are paired by the rule in ``_match`` (same content, then similar content or same
id). Paired items report the fields that changed; ids and markers that merely follow the
new position (``m3`` → ``m4``, ``（三）`` → ``（四）``) and line numbers are not changes of
content: renumbered ids are listed in :attr:`ReportDiff.renumbered` and nothing else.

The walker reads the two reports' model objects (or, for :func:`diff_documents`, two JSON
documents) through ``_view``; a value is converted to its JSON form only when a
:class:`FieldChange` records it, so the records are what they would be for ``to_dict`` data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from rol_model.diffing._indicators import IndicatorChange, indicator_change, lone_indicator
from rol_model.diffing._match import Pair, align, longest_increasing
from rol_model.diffing._patch import figure_label, pairs_for
from rol_model.diffing._records import ChangeKind, FieldChange, ItemChange, PartChange, ReportDiff
from rol_model.diffing._view import (
    content_key,
    entries,
    get,
    has,
    is_object,
    items,
    json_value,
    on_reports,
    same,
)
from rol_model.model import pointer as json_pointer

if TYPE_CHECKING:
    from rol_model.model import Report

__all__ = ["diff", "diff_documents"]


_ITEM_NAMES = {
    "measures": "measure",
    "shortcomings": "shortcoming",
    "causes": "cause",
    "plans": "plan",
    "items": "item",
}
_METADATA = ("title", "organization", "year", "issued_on", "published_on", "source")
_POSITIONAL = re.compile(r"(.*?)(\d+(?:\.\d+)*)(-i\d+)?")
_NUMBERING = re.compile(r"[0-9０-９一二三四五六七八九十百零〇]+|[①-⑳]")


def _positional(old: str, new: str) -> bool:
    """Whether an id change is a renumbering: same prefix and shape, other numbers."""
    a, b = _POSITIONAL.fullmatch(old), _POSITIONAL.fullmatch(new)
    return bool(
        a
        and b
        and a[1] == b[1]
        and a[2].count(".") == b[2].count(".")
        and (a[3] is None) == (b[3] is None)
    )


def _renumbered_marker(old: str, new: str) -> bool:
    return _NUMBERING.sub("#", old) == _NUMBERING.sub("#", new)


def _display(node: Any) -> str:
    return " ".join(str(get(node, key)) for key in ("heading", "text") if get(node, key))


def _subtree(node: Any) -> Iterator[Any]:
    yield node
    for child in items(node, "children"):
        yield from _subtree(child)


@attrs.frozen
class _Place:
    item: str
    depth: int
    parent: str | None

    def change(self, kind: ChangeKind, **fields: Any) -> ItemChange:
        """An :class:`ItemChange` of an item standing here."""
        return ItemChange(
            kind=kind, item=self.item, depth=self.depth, parent_id=self.parent, **fields
        )


#: An item, part or figure: a model object, or its JSON form (see ``_view``).
Node = Any


class _Walker:
    """Walks both reports once to pair items, then again to describe the changes."""

    def __init__(self) -> None:
        memo: dict[int, Hashable] = {}  # content keys of the model objects of this one diff
        self.key: Callable[[Any], Hashable] = functools.partial(content_key, memo=memo)
        self.cache: dict[tuple[str, str], list[Pair]] = {}
        self.ids: dict[str, str] = {}
        self.renumbered: list[tuple[str, str]] = []
        self.indicators: list[IndicatorChange] = []
        self.lost: list[tuple[str, Node]] = []  # unpaired old figures
        self.found: list[tuple[str, Node]] = []  # unpaired new figures
        self.nodes: dict[tuple[str, str], Node] = {}  # added/removed, by pointer

    def pairs(
        self, field: str, old: Sequence[Node], new: Sequence[Node], old_ptr: str, new_ptr: str
    ) -> list[Pair]:
        key = (f"{old_ptr}/{field}", f"{new_ptr}/{field}")
        if key not in self.cache:
            self.cache[key] = pairs_for(field, old, new, True, self.key)
        return self.cache[key]

    def collect_ids(self, field: str, old: Node, new: Node, old_ptr: str, new_ptr: str) -> None:
        olds, news = items(old, field), items(new, field)
        for pair in self.pairs(field, olds, news, old_ptr, new_ptr):
            a, b = olds[pair.old], news[pair.new]
            self.ids[get(a, "id")] = get(b, "id")
            optr, nptr = f"{old_ptr}/{field}/{pair.old}", f"{new_ptr}/{field}/{pair.new}"
            self.collect_ids("children", a, b, optr, nptr)

    def figures(self, old: Node, new: Node, old_ptr: str, new_ptr: str) -> bool:
        """Record figure changes between two matched owners; true when the lists differ at all."""
        olds, news = items(old, "indicators"), items(new, "indicators")
        paired = self.pairs("indicators", olds, news, old_ptr, new_ptr)
        for pair in paired:
            change = indicator_change(
                olds[pair.old],
                news[pair.new],
                f"{old_ptr}/indicators/{pair.old}",
                f"{new_ptr}/indicators/{pair.new}",
            )
            if change is not None:
                self.indicators.append(change)
        old_paired, new_paired = {p.old for p in paired}, {p.new for p in paired}
        self.lost.extend(
            (f"{old_ptr}/indicators/{i}", v) for i, v in enumerate(olds) if i not in old_paired
        )
        self.found.extend(
            (f"{new_ptr}/indicators/{i}", v) for i, v in enumerate(news) if i not in new_paired
        )
        return self.key(olds) != self.key(news)

    def subtree_figures(self, node: Node, pointer: str, bucket: list[tuple[str, Node]]) -> None:
        bucket.extend(
            (f"{pointer}/indicators/{i}", v) for i, v in enumerate(items(node, "indicators"))
        )
        for index, child in enumerate(items(node, "children")):
            self.subtree_figures(child, f"{pointer}/children/{index}", bucket)

    def unpaired_figures(self) -> None:
        """Pair figures left over anywhere by label and unit (a figure moved between items)."""
        olds = [v for _, v in self.lost]
        news = [v for _, v in self.found]
        pairs = align(
            olds, news, label=figure_label, by_similarity=False, ident=_anonymous, key=self.key
        )
        for pair in pairs:
            change = indicator_change(
                olds[pair.old], news[pair.new], self.lost[pair.old][0], self.found[pair.new][0]
            )
            if change is not None:
                self.indicators.append(change)
        old_paired, new_paired = {p.old for p in pairs}, {p.new for p in pairs}
        for index, (where, ind) in enumerate(self.lost):
            if index not in old_paired:
                self.indicators.append(lone_indicator("removed", ind, where))
        for index, (where, ind) in enumerate(self.found):
            if index not in new_paired:
                self.indicators.append(lone_indicator("added", ind, where))

    def own_fields(self, old: Node, new: Node, new_ptr: str) -> list[FieldChange]:
        """Changed fields of two paired items or parts, apart from figures and children."""
        result = []
        old_id, new_id = get(old, "id"), get(new, "id")
        if has(old, "id") and old_id != new_id:
            if _positional(old_id, new_id):
                self.renumbered.append((old_id, new_id))
            else:
                result.append(_field_change("id", new_ptr, old_id, new_id))
        a, b = get(old, "marker"), get(new, "marker")
        if a != b and not (a and b and _renumbered_marker(a, b)):
            result.append(_field_change("marker", new_ptr, a, b))
        for field in ("heading", "text", "references"):
            a, b = get(old, field), get(new, field)
            if not same(a, b):
                result.append(_field_change(field, new_ptr, a, b))
        before = [self.ids.get(i, i) for i in items(old, "shortcoming_ids")]
        if before != list(items(new, "shortcoming_ids")):
            a, b = get(old, "shortcoming_ids"), get(new, "shortcoming_ids")
            result.append(_field_change("shortcoming_ids", new_ptr, a, b))
        return result

    def items(
        self, field: str, old: Node, new: Node, old_ptr: str, new_ptr: str, *, place: _Place
    ) -> Iterator[ItemChange]:
        olds, news = items(old, field), items(new, field)
        pairs = self.pairs(field, olds, news, old_ptr, new_ptr)
        steady = longest_increasing([p.old for p in pairs])
        paired_old = {p.old for p in pairs}
        removed = iter(i for i in range(len(olds)) if i not in paired_old)
        pending = next(removed, None)
        pair_at = {p.new: (k, p) for k, p in enumerate(pairs)}
        for j, node in enumerate(news):
            if j not in pair_at:
                yield self.lone("added", node, f"{new_ptr}/{field}/{j}", place)
                continue
            k, pair = pair_at[j]
            while pending is not None and (k in steady and pending < pair.old):
                yield self.lone("removed", olds[pending], f"{old_ptr}/{field}/{pending}", place)
                pending = next(removed, None)
            pointers = (f"{old_ptr}/{field}/{pair.old}", f"{new_ptr}/{field}/{j}")
            yield from self.paired(
                olds[pair.old], node, pointers, place, pair=pair, moved=k not in steady
            )
        while pending is not None:
            yield self.lone("removed", olds[pending], f"{old_ptr}/{field}/{pending}", place)
            pending = next(removed, None)

    def lone(
        self, kind: Literal["added", "removed"], node: Node, where: str, place: _Place
    ) -> ItemChange:
        self.subtree_figures(node, where, self.found if kind == "added" else self.lost)
        side = "new" if kind == "added" else "old"
        self.nodes[side, where] = node
        return place.change(
            kind,
            size=sum(1 for _ in _subtree(node)),
            **{
                f"{side}_id": get(node, "id"),
                f"{side}_pointer": where,
                f"{side}_text": _display(node),
            },
        )

    def paired(
        self,
        old: Node,
        new: Node,
        pointers: tuple[str, str],
        place: _Place,
        *,
        pair: Pair,
        moved: bool,
    ) -> Iterator[ItemChange]:
        old_ptr, new_ptr = pointers
        fields = self.own_fields(old, new, new_ptr)
        if self.figures(old, new, old_ptr, new_ptr):
            fields.append(
                FieldChange(
                    field="indicators",
                    pointer=f"{new_ptr}/indicators",
                    old=[get(i, "source") for i in items(old, "indicators")],
                    new=[get(i, "source") for i in items(new, "indicators")],
                )
            )
        if fields or moved:
            yield place.change(
                "modified" if fields else "moved",
                old_id=get(old, "id"),
                new_id=get(new, "id"),
                old_pointer=old_ptr,
                new_pointer=new_ptr,
                old_text=_display(old),
                new_text=_display(new),
                fields=tuple(fields),
                moved=moved,
                similarity=round(pair.similarity, 4),
            )
        inner = _Place(item=place.item, depth=place.depth + 1, parent=get(new, "id"))
        yield from self.items("children", old, new, old_ptr, new_ptr, place=inner)

    def part(
        self, old: Node, new: Node, old_index: int, new_index: int, moved: bool
    ) -> PartChange | None:
        old_ptr, new_ptr = f"/parts/{old_index}", f"/parts/{new_index}"
        fields = self.own_fields(old, new, new_ptr)
        if self.figures(old, new, old_ptr, new_ptr):
            fields.append(FieldChange(field="indicators", pointer=f"{new_ptr}/indicators"))
        items: list[ItemChange] = []
        for field, item in _ITEM_NAMES.items():
            if has(old, field) or has(new, field):
                place = _Place(item=item, depth=1, parent=None)
                items.extend(self.items(field, old, new, old_ptr, new_ptr, place=place))
        items = self.relink(items)
        if not (fields or items or moved):
            return None
        return PartChange(
            kind="modified" if fields or items else "moved",
            part=get(new, "kind"),
            old_index=old_index,
            new_index=new_index,
            heading=get(new, "heading") or get(old, "heading"),
            fields=tuple(fields),
            items=tuple(items),
            moved=moved,
        )

    def relink(self, items: list[ItemChange]) -> list[ItemChange]:
        """Pair items removed from one group with items added to another: moved across groups.

        The same rule pairs them as siblings (same content, then similar content), ids aside:
        an item that changed its group has a new positional id anyway.
        """
        removed = [c for c in items if c.kind == "removed"]
        added = [c for c in items if c.kind == "added"]
        replaced: dict[int, list[ItemChange]] = {}
        for item in {c.item for c in removed} & {c.item for c in added}:
            olds = [c for c in removed if c.item == item]
            news = [c for c in added if c.item == item]
            old_nodes = [self.nodes["old", c.old_pointer or ""] for c in olds]
            new_nodes = [self.nodes["new", c.new_pointer or ""] for c in news]
            for pair in align(old_nodes, new_nodes, ident=_anonymous, key=self.key):
                gone, came = olds[pair.old], news[pair.new]
                pointers = (gone.old_pointer or "", came.new_pointer or "")
                _forget(self.lost, pointers[0])
                _forget(self.found, pointers[1])
                place = _Place(item=item, depth=came.depth, parent=came.parent_id)
                replaced[id(gone)] = []
                replaced[id(came)] = list(
                    self.paired(
                        old_nodes[pair.old],
                        new_nodes[pair.new],
                        pointers,
                        place,
                        pair=pair,
                        moved=True,
                    )
                )
        return [c for change in items for c in replaced.get(id(change), [change])]

    def lone_part(self, kind: Literal["added", "removed"], part: Node, index: int) -> PartChange:
        bucket = self.found if kind == "added" else self.lost
        where = f"/parts/{index}"
        bucket.extend(
            (f"{where}/indicators/{i}", v) for i, v in enumerate(items(part, "indicators"))
        )
        for field in _ITEM_NAMES:
            for n, node in enumerate(items(part, field)):
                self.subtree_figures(node, f"{where}/{field}/{n}", bucket)
        return PartChange(
            kind=kind,
            part=get(part, "kind"),
            heading=get(part, "heading"),
            old_index=None if kind == "added" else index,
            new_index=index if kind == "added" else None,
        )


def _anonymous(_: Any) -> Hashable:
    return object()  # never equal: items in different groups pair by content only


def _forget(bucket: list[tuple[str, Node]], pointer: str) -> None:
    bucket[:] = [(p, v) for p, v in bucket if p != pointer and not p.startswith(pointer + "/")]


def _field_change(field: str, owner: str, old: Any, new: Any, *, name: str = "") -> FieldChange:
    """A changed field of the object at ``owner``, its values recorded in their JSON form."""
    return FieldChange(
        field=name or field,
        pointer=f"{owner}/{field}",
        old=json_value(old),
        new=json_value(new),
    )


def _members(value: Any) -> dict[str, Any]:
    return dict(entries(value) or ()) if value is not None else {}


def _metadata(old: Node, new: Node) -> list[FieldChange]:
    result: list[FieldChange] = []
    for key in _METADATA:
        a, b = get(old, key), get(new, key)
        if same(a, b):
            continue
        if is_object(a) or is_object(b):
            a, b = _members(a), _members(b)
            result.extend(
                _field_change(sub, f"/{key}", a.get(sub), b.get(sub), name=f"{key}.{sub}")
                for sub in [*b, *(k for k in a if k not in b)]
                if not same(a.get(sub), b.get(sub))
            )
        else:
            result.append(_field_change(key, "", a, b))
    a, b = get(old, "extensions") or {}, get(new, "extensions") or {}
    for key in sorted(set(a) | set(b)):
        if not same(a.get(key, _MISSING), b.get(key, _MISSING)):
            pointer = json_pointer(["extensions", key])
            result.append(
                FieldChange(
                    field=f"extensions.{key}",
                    pointer=pointer,
                    old=json_value(a.get(key)),
                    new=json_value(b.get(key)),
                )
            )
    return result


_MISSING = object()


def _diff(old: Node, new: Node) -> ReportDiff:
    """The diff of two reports, model objects or JSON-shaped data (both of one form)."""
    walker = _Walker()
    old_parts, new_parts = items(old, "parts"), items(new, "parts")
    part_pairs = walker.pairs("parts", old_parts, new_parts, "", "")
    for pair in part_pairs:
        for field in _ITEM_NAMES:
            walker.collect_ids(
                field,
                old_parts[pair.old],
                new_parts[pair.new],
                f"/parts/{pair.old}",
                f"/parts/{pair.new}",
            )
    old_pre, new_pre = get(old, "preamble") or {}, get(new, "preamble") or {}
    preamble = walker.own_fields(old_pre, new_pre, "/preamble")
    walker.figures(old_pre, new_pre, "/preamble", "/preamble")
    steady = longest_increasing([p.old for p in part_pairs])
    parts: list[PartChange] = []
    paired_old = {p.old for p in part_pairs}
    parts.extend(
        walker.lone_part("removed", part, i)
        for i, part in enumerate(old_parts)
        if i not in paired_old
    )
    at = {p.new: (k, p) for k, p in enumerate(part_pairs)}
    for j, part in enumerate(new_parts):
        if j not in at:
            parts.append(walker.lone_part("added", part, j))
            continue
        k, pair = at[j]
        change = walker.part(old_parts[pair.old], part, pair.old, j, k not in steady)
        if change is not None:
            parts.append(change)
    walker.unpaired_figures()
    return ReportDiff(
        old_title=get(old, "title"),
        new_title=get(new, "title"),
        old_year=get(old, "year"),
        new_year=get(new, "year"),
        identical=same(old, new),
        metadata=tuple(_metadata(old, new)),
        preamble=tuple(preamble),
        parts=tuple(parts),
        indicators=tuple(walker.indicators),
        renumbered=tuple(walker.renumbered),
    )


def diff_documents(old: Mapping[str, Any], new: Mapping[str, Any]) -> ReportDiff:
    """:func:`diff` for JSON-shaped report data (what :func:`rol_model.to_dict` returns).

    The same engine reads the documents directly, so ``diff_documents(to_dict(a), to_dict(b))``
    equals ``diff(a, b)``.
    """
    return _diff(dict(old), dict(new))


def diff(old: Report, new: Report) -> ReportDiff:
    """Compare two reports: metadata, preamble, parts, items and figures that changed.

    Items are paired by id and by content (see ``_match`` and ``docs/diff.md``),
    so reworded, inserted, removed and reordered items show as such, and an item inserted at the
    top is one addition. ``diff(a, a)`` is empty. The reports' model objects are compared
    directly; a value is converted to its JSON form only when a change records it. Raises
    :class:`~rol_model.InvalidReportError` when a report holds a value JSON cannot carry.
    """
    return on_reports(_diff, old, new)
