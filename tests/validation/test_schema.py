"""The schema is well-formed, self-explanatory, and the same in schemas/ and in the package."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

import rol_model as rm

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}/properties/{name}", sub
        for key, sub in node.items():
            if key not in ("properties", "if"):  # an `if` is a condition, not a field
                yield from _properties(sub, f"{where}/{key}")
        for name, sub in node.get("properties", {}).items():
            yield from _properties(sub, f"{where}/properties/{name}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{where}/{index}")


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = rm.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_packaged_schema_and_schemas_folder_are_identical() -> None:
    shipped = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    assert rm.schema() == shipped, "run: python tools/build_schema.py"


def test_the_schema_files_are_what_the_builder_produces() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_schema.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + "\nrun: python tools/build_schema.py"


def test_every_property_and_definition_has_an_english_and_chinese_title_and_description() -> None:
    schema = rm.schema()
    named = [("", schema), *((f"/$defs/{k}", v) for k, v in schema["$defs"].items())]
    named += list(_properties(schema))
    missing = [
        where
        for where, node in named
        if not all(
            isinstance(node.get(key), str)
            and CJK.search(node[key])
            and re.search("[A-Za-z]", node[key])
            for key in ("title", "description")
        )
    ]
    assert missing == []


def test_every_pattern_is_anchored_the_same_way_in_python_and_ecma_262() -> None:
    patterns = re.findall(r'"pattern": "([^"]*)"', json.dumps(rm.schema()))
    assert patterns
    for pattern in patterns:
        assert pattern.startswith("^")
        assert pattern.endswith("(?!\\\\n)$"), pattern


def test_schema_returns_a_copy_callers_cannot_corrupt() -> None:
    rm.schema()["properties"].clear()
    assert rm.schema()["properties"]
