"""RFC 6902 JSON Patch between two reports, paired the same way as :func:`rol_model.diff`.

A list of items is patched in four steps: remove the items that have no partner (from the end,
so indexes stay valid), move the partnered items that are out of order (only those outside a
longest run that kept its order), add the new items at their final index, and last patch each
partnered item in place. Inserting one measure at the top is therefore one ``add`` operation.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rol_model.diffing._match import Pair, align, longest_increasing
from rol_model.model import pointer

if TYPE_CHECKING:
    from rol_model.model import Report

__all__ = ["document_patch", "json_patch"]

_NODE_LISTS = frozenset({"measures", "shortcomings", "causes", "plans", "items", "children"})

Operation = dict[str, Any]


def same(a: Any, b: Any) -> bool:
    """Equal as JSON text would be: ``1``, ``1.0`` and ``true`` all differ."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal):
        return str(a) == str(b)
    return bool(a == b)


def _no_id(_: Any) -> Hashable:
    return None


def _kind(part: Any) -> Hashable:
    return part.get("kind") if isinstance(part, dict) else None


def _label(indicator: Any) -> Hashable:
    if isinstance(indicator, dict):
        return (indicator.get("label"), indicator.get("unit"))
    return None


def pairs_for(field: str | None, old: Sequence[Any], new: Sequence[Any], model: bool) -> list[Pair]:
    """Pair the elements of the list stored under ``field`` (``model=False`` inside extensions)."""
    if model and field == "parts":
        # parts pair by kind; only two parts of one kind need their content compared
        kinds = [_kind(part) for part in (*old, *new)]
        ambiguous = any(
            kinds[: len(old)].count(k) > 1 or kinds[len(old) :].count(k) > 1 for k in set(kinds)
        )
        return align(old, new, ident=_kind, same_id_only=True, by_similarity=ambiguous)
    if model and field in _NODE_LISTS:
        return align(old, new)
    if model and field == "indicators":
        return align(old, new, label=_label)
    return align(old, new, ident=_no_id, by_similarity=False)


def _value_ops(
    old: Any, new: Any, path: str, ops: list[Operation], *, field: str | None, model: bool
) -> None:
    if same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                ops.append({"op": "remove", "path": f"{path}{pointer([key])}"})
        for key, value in new.items():
            where = f"{path}{pointer([key])}"
            if key in old:
                inner = model and not (path == "" and key == "extensions")
                _value_ops(old[key], value, where, ops, field=key, model=inner)
            else:
                ops.append({"op": "add", "path": where, "value": value})
        return
    if isinstance(old, list) and isinstance(new, list):
        _list_ops(old, new, path, ops, pairs=pairs_for(field, old, new, model), model=model)
        return
    ops.append({"op": "replace", "path": path, "value": new})


def _list_ops(
    old: list[Any],
    new: list[Any],
    path: str,
    ops: list[Operation],
    *,
    pairs: list[Pair],
    model: bool,
) -> None:
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
        before = next((order[k] for k in range(position - 1, -1, -1) if order[k] in placed), None)
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
            ops.append({"op": "add", "path": f"{path}/{index}", "value": value})
    for pair in pairs:
        _value_ops(old[pair.old], new[pair.new], f"{path}/{pair.new}", ops, field=None, model=model)


def document_patch(old: Any, new: Any) -> list[Operation]:
    """The JSON Patch operations that turn JSON-shaped report data ``old`` into ``new``."""
    ops: list[Operation] = []
    _value_ops(old, new, "", ops, field=None, model=True)
    return ops


def json_patch(old: Report, new: Report) -> list[Operation]:
    """An RFC 6902 JSON Patch that turns ``to_dict(old)`` into ``to_dict(new)``.

    Items are paired as :func:`rol_model.diff` pairs them, so an inserted measure is one
    ``add`` and a reordered group one ``move``. Values are JSON-shaped (figures are
    :class:`~decimal.Decimal`, as in :func:`rol_model.to_dict`).
    """
    from rol_model.serialize import to_dict

    return document_patch(to_dict(old), to_dict(new))
