"""``rules.json``: the checker's rules as data, read once per process.

The registry (``_registry``) joins each code's entry to its function; profiles (``_profiles``) ask
which codes exist. Both read them here, so neither imports the other.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

__all__ = ["metadata", "rule_codes"]


@functools.cache
def metadata() -> Mapping[str, Any]:
    """``rules.json`` beside this module: every rule's metadata, the sources they cite and the
    sample reports their worked examples patch."""
    text = resources.files("rol_model.checker").joinpath("rules.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def rule_codes() -> frozenset[str]:
    """The code of every rule ``rules.json`` describes (each has one registered function)."""
    return frozenset(metadata()["rules"])
