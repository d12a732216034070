"""Helpers every command module shares: opening the desk, parsing IDs, printing."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from briefs.errors import InputError
from briefs.text import printable

if TYPE_CHECKING:
    # Imported when a command runs, not when the parser is built: `briefs` alone opens the TUI.
    from briefs.desk.base import Desk
    from briefs.settings import Settings
    from briefs.templates.discovery import TemplateSet

T = TypeVar("T")
_REF = re.compile(r"^\s*([sbnSBN]?)(\d{1,18})\s*$")
_PREFIX = {"source": "s", "brief": "b", "snippet": "n"}


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings in force for this command (`--desk` and `--templates` over the config file), with
    any problem in the config file printed once as a warning."""
    cached = getattr(args, "_settings", None)
    if cached is not None:
        return cached
    from briefs.settings import load_settings

    settings = load_settings(desk=getattr(args, "desk", None), templates=getattr(args, "templates", None) or ())
    for problem in settings.problems:
        warn(problem)
    args._settings = settings
    return settings


def templates_from(args: argparse.Namespace) -> TemplateSet:
    """The templates this command sees; folders that cannot be read are reported, not fatal."""
    from briefs.templates.discovery import TemplateSet

    templates = TemplateSet(settings_from(args).templates)
    return templates


@contextmanager
def desk_from(args: argparse.Namespace) -> Iterator[Desk]:
    """The desk named by --desk / BRIEFS_DESK / the config; a desk opened for the first time receives the
    sample article."""
    from briefs.actions.desk_setup import open_for_work

    settings = settings_from(args)
    desk = open_for_work(settings.desk, clock=settings.clock, author=settings.author)
    try:
        yield desk
    finally:
        desk.close()


# A count past this asks for more rows than any desk holds (and past 2**63 SQLite cannot take it at all).
MAX_COUNT = 1_000_000_000


def count(text: str) -> int:
    """An argparse type for a positive whole number, such as --limit (a huge one means "all")."""
    import argparse

    value = text.strip()
    if not value.isascii() or not value.isdigit() or int(value[:12] or 0) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return min(int(value[:12]), MAX_COUNT)


def warn(message: str) -> None:
    echo(f"briefs: warning: {message}", file=sys.stderr)


def echo(*values: object, file: Any = None, end: str = "\n") -> None:
    """print() for lines that carry what came from outside (titles, file names, URLs, template text):
    a terminal escape or bidi override in them is shown as `\\x1b` or `\\u202e`, never sent raw."""
    print(*(printable(v) for v in values), file=file, end=end)


def cell(value: object) -> Any:
    """A table cell for rich that prints `value` as written: rich would read `[red]` in a title as markup."""
    from rich.text import Text

    return Text(printable("" if value is None else value))


def parse_ref(text: str, default: str = "source") -> tuple[str, int]:
    """`s3` -> ("source", 3), `b2` -> ("brief", 2), `n7` -> ("snippet", 7); a bare number is `default`."""
    match = _REF.match(text)
    if not match:
        raise InputError(f"{text!r} is not an ID; use s12 for a source, b3 for a brief, n7 for a snippet")
    prefix, number = match.group(1).lower(), int(match.group(2))
    if not prefix:
        return default, number
    kind = {v: k for k, v in _PREFIX.items()}[prefix]
    return kind, number


def ref_id(text: str, kind: str) -> int:
    """The number of an ID that must be of `kind` (a bare number is taken as that kind)."""
    got, number = parse_ref(text, kind)
    if got != kind:
        raise InputError(f"{text} is a {got} ID; this command takes a {kind} ID like {_PREFIX[kind]}{number}")
    return number


def print_json(value: Any) -> None:
    print(_terminal_safe_json(json.dumps(value, ensure_ascii=False, indent=2, default=str)))


def print_jsonl(value: Any) -> None:
    sys.stdout.write(_terminal_safe_json(json.dumps(value, ensure_ascii=False, default=str)) + "\n")


# json.dumps escapes C0 controls but not DEL, C1 controls (CSI is one) or bidi overrides: as \uXXXX they
# mean the same to a JSON reader and nothing to a terminal.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _terminal_safe_json(text: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def is_tty() -> bool:
    return sys.stdout.isatty()


def progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """Yield items, drawing a progress bar on stderr when stdout is a terminal and there is more than one."""
    if total < 2 or not is_tty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
    ) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def shorten(text: str | None, width: int) -> str:
    text = printable(" ".join((text or "").split()))
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
