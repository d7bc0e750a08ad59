"""RFC 6902 JSON Patch between two reports, paired the same way as :func:`rol_model.diff`.

A list of items is patched in four steps: remove the items that have no partner (from the end,
so indexes stay valid), move the partnered items that are out of order (only those outside a
longest run that kept its order), add the new items at their final index, and last patch each
partnered item in place. Inserting one measure at the top is therefore one ``add`` operation.

:func:`json_patch` walks the two reports' model objects (``_view`` reads them as their JSON
form); only the values an operation carries are converted. :func:`document_patch` walks
JSON-shaped documents with the same code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any

from rol_model.diffing._match import Pair, align, longest_increasing
from rol_model.diffing._view import (
    content_key,
    entries,
    get,
    is_object,
    json_value,
    on_reports,
    same,
)
from rol_model.model import pointer

if TYPE_CHECKING:
    from rol_model.model import Report

__all__ = ["document_patch", "figure_label", "json_patch", "pairs_for", "same"]

_NODE_LISTS = frozenset({"measures", "shortcomings", "causes", "plans", "items", "children"})

Operation = dict[str, Any]


def _no_id(_: Any) -> Hashable:
    return None


def _kind(part: Any) -> Hashable:
    return get(part, "kind") if is_object(part) else None


def figure_label(indicator: Any) -> Hashable:
    """The key by which figures pair by label: label and unit."""
    if is_object(indicator):
        return (get(indicator, "label"), get(indicator, "unit"))
    return None


def pairs_for(
    field: str | None,
    old: Sequence[Any],
    new: Sequence[Any],
    model: bool,
    key: Callable[[Any], Hashable] = content_key,
) -> list[Pair]:
    """Pair the elements of the list stored under ``field`` (``model=False`` inside extensions).

    ``key`` is the content key the first step pairs by (one that remembers, for one run).
    """
    if model and field == "parts":
        # parts pair by kind; only two parts of one kind need their content compared
        kinds = [_kind(part) for part in (*old, *new)]
        ambiguous = any(
            kinds[: len(old)].count(k) > 1 or kinds[len(old) :].count(k) > 1 for k in set(kinds)
        )
        return align(old, new, ident=_kind, same_id_only=True, by_similarity=ambiguous, key=key)
    if model and field in _NODE_LISTS:
        return align(old, new, key=key)
    if model and field == "indicators":
        return align(old, new, label=figure_label, key=key)
    return align(old, new, ident=_no_id, by_similarity=False, key=key)


class _Patcher:
    """The operations between two documents, collected as both are walked once."""

    def __init__(self) -> None:
        self.ops: list[Operation] = []
        memo: dict[int, Hashable] = {}
        self.key: Callable[[Any], Hashable] = functools.partial(content_key, memo=memo)

    def value(self, old: Any, new: Any, path: str, *, field: str | None, model: bool) -> None:
        if same(old, new):
            return
        old_members, new_members = entries(old), entries(new)
        if old_members is not None and new_members is not None:
            before = dict(old_members)
            after = {key for key, _ in new_members}
            for key in before:
                if key not in after:
                    self.ops.append({"op": "remove", "path": f"{path}{pointer([key])}"})
            for key, value in new_members:
                where = f"{path}{pointer([key])}"
                if key in before:
                    inner = model and not (path == "" and key == "extensions")
                    self.value(before[key], value, where, field=key, model=inner)
                else:
                    self.ops.append({"op": "add", "path": where, "value": json_value(value)})
            return
        if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
            self.list(old, new, path, pairs_for(field, old, new, model, self.key), model=model)
            return
        self.ops.append({"op": "replace", "path": path, "value": json_value(new)})

    def list(
        self, old: Sequence[Any], new: Sequence[Any], path: str, pairs: list[Pair], *, model: bool
    ) -> None:
        ops = self.ops
        partnered = {pair.old for pair in pairs}
        for index in reversed(range(len(old))):
            if index not in partnered:
                ops.append({"op": "remove", "path": f"{path}/{index}"})
        work = sorted(partnered)  # the list now, as old indexes
        order = [pair.old for pair in pairs]  # the wanted order (pairs are sorted by new index)
        placed = {order[k] for k in longest_increasing(order)}
        for position, index in enumerate(order):
            if index in placed:
                continue
            before = next(
                (order[k] for k in range(position - 1, -1, -1) if order[k] in placed), None
            )
            source = work.index(index)
            work.pop(source)
            target = work.index(before) + 1 if before is not None else 0
            work.insert(target, index)
            placed.add(index)
            if source != target:
                ops.append({"op": "move", "from": f"{path}/{source}", "path": f"{path}/{target}"})
        added = {pair.new for pair in pairs}
        for index, value in enumerate(new):
            if index not in added:
                ops.append({"op": "add", "path": f"{path}/{index}", "value": json_value(value)})
        for pair in pairs:
            where = f"{path}/{pair.new}"
            self.value(old[pair.old], new[pair.new], where, field=None, model=model)


def document_patch(old: Any, new: Any) -> list[Operation]:
    """The JSON Patch operations that turn JSON-shaped report data ``old`` into ``new``.

    :func:`json_patch` calls it with the reports themselves: ``old`` and ``new`` may be model
    objects too, read as their JSON form.
    """
    patcher = _Patcher()
    patcher.value(old, new, "", field=None, model=True)
    return patcher.ops


def json_patch(old: Report, new: Report) -> list[Operation]:
    """An RFC 6902 JSON Patch that turns ``to_dict(old)`` into ``to_dict(new)``.

    Items are paired as :func:`rol_model.diff` pairs them, so an inserted measure is one
    ``add`` and a reordered group one ``move``. Values are JSON-shaped (figures are
    :class:`~decimal.Decimal`, as in :func:`rol_model.to_dict`). Raises
    :class:`~rol_model.InvalidReportError` when a figure is not a JSON number.
    """
    return on_reports(document_patch, old, new)
