"""The ``rol`` command line: a thin layer over the library.

``main(argv, stdout, stderr) -> int`` takes its streams as arguments so tests call it directly.
Exit codes: 0 clean, 1 problems found, 2 usage error or unreadable input. Errors that users
cause are printed as one line each, never as a traceback.

Each command lives in ``rol_model.cli.<name>`` with two functions, ``configure(parser)``
and ``run(args, out, err) -> int``; those modules import heavy libraries inside ``run`` only,
so ``rol --version`` stays fast.
"""

from __future__ import annotations

import importlib
import sys

# argparse and typing load only when a command runs: ``rol --version`` answers without them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import TextIO

__all__ = ["main", "run"]

#: Command name → one-line help. The module is ``rol_model.cli.<name>``.
COMMANDS: dict[str, str] = {
    "import": "import a published report (text or Word) into JSON / 导入已发布的报告",
    "validate": "check report JSON files against the schema / 校验报告 JSON 文件",
    "check": "check a report against the rules of a profile / 按规则检查报告",
    "render": "write a report in the official layout (text, Markdown, HTML, Word) / 按规范格式输出",
    "diff": "show what changed between two reports / 比较两份报告的变化",
    "trend": "follow one body's reports across years / 跨年度比较同一单位的报告",
    "export": "flatten reports into CSV or JSON Lines tables / 将报告导出为数据表",
    "survey": "a jurisdiction's reports at once: overview, copies, shared problems / 辖区报告汇总",
    "schema": "print the report JSON Schema / 输出报告 JSON Schema",
    "rules": "list the rules of rol check / 列出检查规则",
    "profiles": "list the built-in checker profiles / 列出内置规则配置",
    "serve": "serve the library over HTTP (extra server) / 以 HTTP 服务提供本库功能",
}


#: Command name → module name, where the command is a Python keyword (``import``).
_MODULES: dict[str, str] = {"import": "import_"}


class _UsageError(Exception):
    pass


def _parser_class() -> type[argparse.ArgumentParser]:
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            # argparse's own layout: the usage line first, then the error, then where to read more
            raise _UsageError(
                f"{self.format_usage().rstrip()}\n{self.prog}: error: {message}\n"
                f"(run '{self.prog} --help' for every option)"
            )

    return _Parser


def _version() -> str:
    from rol_model._about import __version__

    return __version__


def _version_action() -> type[argparse.Action]:
    import argparse

    class _VersionAction(argparse.Action):
        """``--version`` as an option of the full parser (``rol --version`` alone is quicker)."""

        def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
            super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

        def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
            sys.stdout.write(f"rol {_version()}\n")
            parser.exit()

    return _VersionAction


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command configured."""
    parser_class = _parser_class()
    parser = parser_class(
        prog="rol",
        description="Load, validate and compare rule-of-law government annual reports "
        "(法治政府建设年度报告).",
    )
    parser.add_argument("--version", action=_version_action())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"rol_model.cli.{_MODULES.get(name, name)}")
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module.configure(sub)
    return parser


def _print_version(out: TextIO, err: TextIO) -> int:
    try:
        print(f"rol {_version()}", file=out)
        out.flush()
    except BrokenPipeError:
        return 1
    except OSError as error:  # the guarded stream's WriteError (an OSError): no attrs import
        print(f"rol: {error}", file=err)
        return 2
    return 0


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``rol`` with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    from rol_model.cli._streams import guard

    out = guard(stdout if stdout is not None else sys.stdout, "standard output")
    err = stderr if stderr is not None else sys.stderr
    if err is None:  # descriptor 2 closed: messages go nowhere, exit codes still tell
        import io

        err = io.StringIO()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):  # answer before building every parser: cold start
        return _print_version(out, err)
    from rol_model.exceptions import RolModelError  # here, not above: keeps --version fast

    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except _UsageError as error:
        print(error, file=err)
        return 2
    except SystemExit as exit_:  # --help and --version print and exit 0
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(err)
        return 2
    module = importlib.import_module(f"rol_model.cli.{_MODULES.get(args.command, args.command)}")
    try:
        code: int = module.run(args, out, err)
    except RolModelError as error:
        from rol_model.exceptions import InvalidReportError

        if isinstance(error, InvalidReportError) and hasattr(args, "all_issues"):
            from rol_model.cli._issues import print_invalid

            print_invalid(error, args.command, args.all_issues, err)
            return 2
        print(f"rol {args.command}: {error}", file=err)
        return 2
    except ModuleNotFoundError as error:  # a missing extra the command did not name itself
        from rol_model._extras import missing_extra

        problem = missing_extra(error, f"rol {args.command}")
        if problem is None:
            raise
        print(f"rol {args.command}: {problem}", file=err)
        return 2
    except KeyboardInterrupt:
        print("rol: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 1
    try:
        out.flush()
    except BrokenPipeError:
        return 1
    except RolModelError as error:
        print(f"rol {args.command}: {error}", file=err)
        return 2
    return code


def run() -> None:
    """Console-script entry point: configure UTF-8 output and exit with :func:`main`'s code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")
    from rol_model.cli._streams import flush_at_exit

    code = main()
    if not flush_at_exit(sys.stdout) and code == 0:
        code = 2
    sys.exit(code)
