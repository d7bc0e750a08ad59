"""``rol serve [--host 127.0.0.1] [--port 8000]``: the library over HTTP (docs/service.md)."""

from __future__ import annotations

import argparse
from typing import TextIO


def configure(parser: argparse.ArgumentParser) -> None:
    """Where to listen, and the limits of one request."""
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="largest request body and document in bytes (default 16 MiB, as rol_model.Limits)",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="time limit of one request"
    )
    parser.add_argument(
        "--workers", type=int, default=4, metavar="N", help="requests worked on at once (default 4)"
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve until interrupted; exit 2 when the server extra is missing or an option is wrong."""
    import rol_model
    from rol_model.service import serve

    if args.max_bytes is not None and args.max_bytes < 1:
        print("rol serve: --max-bytes must be at least 1", file=err)
        return 2
    if not 0 <= args.port <= 65535:
        print("rol serve: --port must be between 0 and 65535", file=err)
        return 2
    limits = (
        rol_model.DEFAULT_LIMITS
        if args.max_bytes is None
        else rol_model.Limits(max_bytes=args.max_bytes)
    )
    serve(args.host, args.port, limits=limits, timeout=args.timeout, workers=args.workers)
    return 0
