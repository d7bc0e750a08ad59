"""``rol profiles [--format text|json]``: the built-in checker profiles and what each changes."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from rol_model.cli import _options as options

#: Profile keys that are metadata, not requirements.
_METADATA = ("$schema", "name", "title", "title_zh", "source", "extends")


def builtin_summaries() -> list[dict[str, Any]]:
    """Each built-in profile's name, titles, base and the requirement keys it states itself.

    Reads the packaged JSON files alone (no rule module is imported), so ``rol check --help``
    can list the profiles cheaply.
    """
    from importlib import resources

    folder = resources.files("rol_model").joinpath("profiles")
    result = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text("utf-8"))
        result.append(
            {
                "name": data["name"],
                "title": data["title"],
                "title_zh": data["title_zh"],
                "extends": data.get("extends"),
                "states": {k: v for k, v in data.items() if k not in _METADATA},
            }
        )
    return result


def profile_list() -> str:
    """One line per built-in profile, for ``--help`` texts."""
    return "; ".join(f"{p['name']} ({p['title_zh']})" for p in builtin_summaries())


def configure(parser: argparse.ArgumentParser) -> None:
    """The output format."""
    options.output_format(
        parser,
        ("text", "json"),
        "a description (default), or JSON: a list of {name, title, title_zh, extends, "
        "states, required_parts, rules}",
    )


def _changes(states: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in states.items():
        if key == "rules":
            settings = ", ".join(f"{code} {setting}" for code, setting in value.items())
            lines.append(f"rules: {settings}")
        elif key == "deadlines":
            lines.append(f"deadlines: {len(value)} entr{'y' if len(value) == 1 else 'ies'}")
        elif isinstance(value, list):
            lines.append(f"{key}: {', '.join(map(str, value))}")
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return lines


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Describe every built-in profile; exit 0."""
    from rol_model.checker import load_profile

    summaries = builtin_summaries()
    for summary in summaries:
        profile = load_profile(summary["name"])
        summary["required_parts"] = list(profile.required_parts)
        summary["rules"] = dict(profile.rules)
    if args.format == "json":
        out.write(json.dumps(summaries, ensure_ascii=False, indent=2) + "\n")
        return 0
    for index, summary in enumerate(summaries):
        if index:
            print(file=out)
        base = f" (extends {summary['extends']})" if summary["extends"] else ""
        print(f"{summary['name']}{base}", file=out)
        print(f"  {summary['title']}", file=out)
        print(f"  {summary['title_zh']}", file=out)
        print(f"  requires the parts: {', '.join(summary['required_parts'])}", file=out)
        changes = _changes(summary["states"])
        print(f"  {'changes' if summary['extends'] else 'sets'}:", file=out)
        for line in changes:
            print(f"    {line}", file=out)
    print("\nUse one with `rol check FILE --profile NAME`, or pass a profile JSON file.", file=out)
    return 0
