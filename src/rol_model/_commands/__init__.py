"""One module per ``rol`` command: ``configure(parser)`` and ``run(args, out, err) -> int``."""
