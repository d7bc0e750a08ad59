"""Write ``js/test/expected.json``: rol_model's issues for every example and fixture.

The npm package's tests (``js/test/``, node's test runner) compare its ``validateText`` and
``validate`` with these: the same JSON Pointers and codes as :func:`rol_model.loads` gives,
each (pointer, code) pair once, issues at one place in code order. Run
``python tools/build_js_expected.py`` after adding a fixture; ``--check`` writes nothing and
exits 1 when the file is out of date (``tests/js/test_js_package.py`` runs it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import rol_model

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "js" / "test" / "expected.json"
GROUPS = (
    ("examples", "examples/**/*.json"),
    ("valid", "tests/fixtures/valid/*.json"),
    ("invalid", "tests/fixtures/invalid/*.json"),
    ("differences", "tests/ajv/differences/*.json"),
)


def issues_of(path: Path) -> list[dict[str, str]]:
    """rol_model's issues for one file as (pointer, code) records, normalised as described."""
    try:
        rol_model.loads(path.read_bytes())
    except rol_model.InvalidReportError as error:
        found: list[dict[str, str]] = []
        for issue in error.issues:
            record = {"pointer": issue.pointer, "code": issue.code}
            if record not in found:
                found.append(record)
        # a stable sort by position already holds; order each place's issues by code
        order = {p: i for i, p in enumerate(dict.fromkeys(r["pointer"] for r in found))}
        return sorted(found, key=lambda r: (order[r["pointer"]], r["code"]))
    return []


def expected() -> str:
    """The file's text: group → relative path → issues."""
    data = {
        group: {
            path.relative_to(ROOT).as_posix(): issues_of(path)
            for path in sorted(ROOT.glob(pattern))
        }
        for group, pattern in GROUPS
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    """Write the file, or with ``--check`` report whether it is current."""
    text = expected()
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text("utf-8") if TARGET.is_file() else None
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run tools/build_js_expected.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
