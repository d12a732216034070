"""The `briefs` command: parse arguments, call the core, print results.

Each group of commands lives in its own module with a `register(subparsers, common)` function. Heavy
libraries are imported inside the handlers, so `briefs --help` and the TUI start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from briefs import __version__
from briefs.errors import BriefsError

# Command modules, in the order their commands appear in `briefs --help`.
COMMAND_MODULES = [
    "briefs.cli.sources_cmd",
    "briefs.cli.extract_cmd",
    "briefs.cli.render_cmd",
    "briefs.cli.check_cmd",
    "briefs.cli.tui_cmd",
]

DESCRIPTION = """\
Briefs turns news articles into short, cited policy briefs as Word documents.

Run `briefs` with no arguments to open the drafting app on your desk.
The desk is one SQLite file: --desk PATH or BRIEFS_DESK choose another."""


DESK_HELP = "the desk file (default: $BRIEFS_DESK, else desk.sqlite in the user data folder)"


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=min(100, _terminal_width()))


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts too, so `briefs import x --desk d` works like `briefs --desk d import x`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--desk", metavar="PATH", default=argparse.SUPPRESS, help=DESK_HELP)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback when something fails"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefs", description=DESCRIPTION, formatter_class=Formatter)
    parser.add_argument("--version", action="version", version=f"briefs {__version__}")
    parser.add_argument("--desk", metavar="PATH", default=None, help=DESK_HELP)
    parser.add_argument("--debug", action="store_true", default=False, help="show a traceback when something fails")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    common = common_options()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else list(argv)):
        # `briefs` alone opens the TUI: building every command's parser would cost its start-up budget.
        args = argparse.Namespace(command=None, desk=None, debug=False)
    else:
        args = build_parser().parse_args(argv)
    if args.command is None:
        args.func = importlib.import_module("briefs.cli.tui_cmd").run_tui
    try:
        result = args.func(args)
        return int(result or 0)
    except BriefsError as exc:
        if args.debug:
            raise
        print(f"briefs: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `briefs sources | head`: the reader left; not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
