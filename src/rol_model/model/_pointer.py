"""RFC 6901 JSON Pointers: building, splitting, and ordering them as a document reads."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["document_position", "pointer", "split_pointer"]


def pointer(path: Iterable[object]) -> str:
    """Turn a path of keys and indexes into a JSON Pointer (``[]`` gives ``""``, the root)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def split_pointer(text: str) -> list[str]:
    """The unescaped reference tokens of a JSON Pointer (``""`` gives ``[]``)."""
    return [token.replace("~1", "/").replace("~0", "~") for token in text.split("/")[1:]]


def document_position(document: object, path: Iterable[object]) -> tuple[int, ...]:
    """A sort key that orders paths as their targets appear in ``document``.

    Object members count in the order they were read; a member that does not exist sorts after
    its siblings (a missing required field is reported at the end of its object). List indexes
    may be integers or digit strings, as they come from a JSON Pointer.
    """
    key: list[int] = []
    node = document
    for part in path:
        if isinstance(node, dict):
            key.append(list(node).index(part) if part in node else len(node))
            node = node.get(part)
        elif isinstance(node, list) and (
            isinstance(part, int) or (isinstance(part, str) and part.isdigit())
        ):
            index = int(part)
            key.append(index)
            node = node[index] if index < len(node) else None
        else:
            break
    return tuple(key)
