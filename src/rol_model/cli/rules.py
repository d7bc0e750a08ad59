"""``rol rules [--profile NAME|PATH] [--format text|json]``: the rules ``rol check`` applies."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from rol_model.cli import _options as options


def configure(parser: argparse.ArgumentParser) -> None:
    """The profile whose severities to show, and the output format."""
    parser.add_argument(
        "--profile",
        metavar="NAME|PATH",
        default="national",
        help="show the severities this profile gives (default national; see `rol profiles`)",
    )
    options.output_format(
        parser,
        ("text", "json"),
        "a table (default), or JSON: a list of {code, name, family, severity, "
        "default_severity, title, title_zh, rationale, source}",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List every rule with its code, name, severity and bilingual title; exit 0."""
    from rol_model.checker import load_profile, rules

    profile = load_profile(args.profile)
    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "family": rule.family,
            "severity": profile.severity(rule.code, rule.severity) or "off",
            "default_severity": rule.severity,
            "title": rule.title,
            "title_zh": rule.title_zh,
            "rationale": rule.rationale,
            "source": rule.source,
        }
        for rule in rules()
    ]
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{len(rows)} rules; severities of profile {profile.name}", file=out)
    family = None
    for row in rows:
        if row["family"] != family:
            family = row["family"]
            print(f"\n{family}", file=out)
        changed = "*" if row["severity"] != row["default_severity"] else " "
        print(f"  {row['code']} {row['severity']:<7}{changed} {row['name']}", file=out)
        print(f"          {row['title']} / {row['title_zh']}", file=out)
    if any(row["severity"] != row["default_severity"] for row in rows):
        print("\n* set by the profile (default severity differs)", file=out)
    return 0
