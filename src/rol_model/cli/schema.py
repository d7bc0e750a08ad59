"""``rol schema``: print the report JSON Schema."""

from __future__ import annotations

import argparse
import json
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """No options: the schema goes to standard output."""
    parser.set_defaults()


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the packaged schema exactly as shipped."""
    from rol_model.validation import schema

    out.write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n")
    return 0
