"""The `briefs` command: parse arguments, call the core, print results.

Each group of commands lives in its own module with a `register(subparsers, common)` function. Heavy
libraries are imported inside the handlers, so `briefs --help` and the TUI start fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace

from briefs.errors import BriefsError

# Command modules, in the order their commands appear in `briefs --help`, with the commands each adds:
# a command line names one, and only its module's parsers are built (argparse costs its start-up).
COMMAND_MODULES = {
    "briefs.cli.sources_cmd": ("import", "sources", "briefs", "show", "remove"),
    "briefs.cli.extract_cmd": ("extract",),
    "briefs.cli.render_cmd": ("templates", "new", "export", "draft"),
    "briefs.cli.check_cmd": ("check",),
    "briefs.cli.desk_cmd": ("desk", "restore"),
    "briefs.cli.tui_cmd": ("tui",),
}

DESCRIPTION = """\
Briefs turns news articles into short, cited policy briefs as Word documents.

Run `briefs` with no arguments to open the drafting app on your desk.
The desk is one SQLite file, or a team desk on PostgreSQL: --desk PATH|URL or BRIEFS_DESK choose it."""


_PARSER_NAMES = {"DESK_HELP", "Formatter", "common_options", "build_parser"}


def __getattr__(name: str) -> object:
    # The parser lives in briefs.cli.parser (imported only when a command runs); command modules and
    # tests still reach it as briefs.cli.Formatter / build_parser.
    if name in _PARSER_NAMES:
        from briefs.cli import parser

        return getattr(parser, name)
    raise AttributeError(name)


def _with_flag_hint(exc: BriefsError) -> str:
    """The core words its errors for any shell (the app shows the same ones); a desk that cannot be used
    is chosen on the command line with --desk."""
    from briefs.errors import DeskError

    if isinstance(exc, DeskError):
        return f"{exc} (--desk PATH or BRIEFS_DESK chooses the desk)"
    return str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else list(argv)):
        # `briefs` alone opens the TUI: building every command's parser would cost its start-up budget.
        args = SimpleNamespace(command=None, desk=None, debug=False)
    else:
        from briefs.cli.parser import build_parser, command_named

        words = list(sys.argv[1:] if argv is None else argv)
        args = build_parser(command_named(words)).parse_args(words)
    if args.command is None:
        args.func = importlib.import_module("briefs.cli.tui_cmd").run_tui
    try:
        result = args.func(args)
        return int(result or 0)
    except BriefsError as exc:
        if args.debug:
            raise
        print(f"briefs: {_with_flag_hint(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `briefs sources | head`: the reader left; not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
