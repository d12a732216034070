"""The `briefs` argument parser, built only when a command is given: `briefs` alone opens the TUI, and
argparse plus every command module's parser would cost its start-up budget."""

from __future__ import annotations

import argparse
import importlib
import os

from briefs import __version__
from briefs.cli import COMMAND_MODULES, DESCRIPTION

DESK_HELP = ("the desk: a file, or a team desk URL postgresql://user@host/dbname (default: $BRIEFS_DESK, else "
             "desk.sqlite in the user data folder)")


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


def command_named(argv: list[str]) -> str | None:
    """The command a command line names (`briefs --desk d export b1` names export), if it names one."""
    words = iter(argv)
    for word in words:
        if word == "--desk":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or, given a known `command`, for the commands of its module only."""
    parser = argparse.ArgumentParser(prog="briefs", description=DESCRIPTION, formatter_class=Formatter)
    parser.add_argument("--version", action="version", version=f"briefs {__version__}")
    parser.add_argument("--desk", metavar="PATH", default=None, help=DESK_HELP)
    parser.add_argument("--debug", action="store_true", default=False, help="show a traceback when something fails")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    common = common_options()
    modules = [m for m, names in COMMAND_MODULES.items() if command in names] or list(COMMAND_MODULES)
    for name in modules:
        importlib.import_module(name).register(sub, common)
    return parser
