"""`briefs desk copy SRC DST` (a desk into another, losslessly) and `briefs restore b3 REVISION`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefs.cli.common import print_json, ref_id, settings_from

if TYPE_CHECKING:
    from briefs.model import Brief


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from briefs.cli import Formatter

    p = sub.add_parser(
        "desk",
        parents=[common],
        formatter_class=Formatter,
        help="work with whole desks: copy one into another (desk copy SRC DST)",
        description=(
            "`briefs desk copy SRC DST` copies every source (text, citation details, original bytes,\n"
            "SHA-256), snippet and brief (with every revision and who saved it) from the desk SRC into\n"
            "the desk DST: a personal desk file into a team desk (postgresql://user@host/dbname), or back.\n"
            "IDs are DST's own: each item's new ID is printed. What DST already has is recognised (a\n"
            "source by its text, a snippet by its passage, a brief by its identity), so running the copy\n"
            "again copies nothing twice, and finishes a copy that was interrupted."
        ),
    )
    p.add_argument("action", choices=["copy"], help="copy: copy SRC into DST")
    p.add_argument("src", metavar="SRC", help="the desk to copy from: a file path or URL")
    p.add_argument("dst", metavar="DST", help="the desk to copy into (created if new): a file path or URL")
    p.add_argument("--json", action="store_true", help="print the ID maps and counts as JSON")
    p.set_defaults(func=cmd_desk)

    p = sub.add_parser(
        "restore",
        parents=[common],
        formatter_class=Formatter,
        help="bring back an earlier revision of a brief as its newest (restore b3 REVISION)",
        description=(
            "Save revision REVISION of BRIEF again as its newest revision. Nothing is lost: the history\n"
            "(`briefs show b3 --history`) keeps every revision, this one included."
        ),
    )
    p.add_argument("brief", metavar="BRIEF", help="a brief ID, like b3")
    p.add_argument("revision", metavar="REVISION", type=int, help="the revision to bring back")
    p.set_defaults(func=cmd_restore)


def cmd_desk(args: argparse.Namespace) -> int:
    from briefs.actions.desk_copy import copy_desk
    from briefs.desk import display_location, open_desk

    settings = settings_from(args)
    src = open_desk(args.src, clock=settings.clock, author=settings.author)
    try:
        dst = open_desk(args.dst, clock=settings.clock, author=settings.author)
        try:
            def progress(what: str, done: int, total: int) -> None:
                if sys.stderr.isatty() and total:
                    print(f"\rcopying {what}: {done}/{total}", end="", file=sys.stderr, flush=True)

            copied = copy_desk(src, dst, progress=progress)
            if sys.stderr.isatty():
                print("\r\033[K", end="", file=sys.stderr)
        finally:
            dst.close()
    finally:
        src.close()
    kinds = (("source", "s", copied.sources), ("snippet", "n", copied.snippets), ("brief", "b", copied.briefs))
    if args.json:
        print_json({
            "from": display_location(args.src), "to": display_location(args.dst),
            **{f"{kind}s": {f"{p}{old}": f"{p}{new}" for old, new in ids.items()} for kind, p, ids in kinds},
            "copied": {f"{kind}s": copied.count(kind) for kind, _, _ in kinds},
        })
        return 0
    for kind, prefix, ids in kinds:
        for old, new in ids.items():
            state = "copied" if (kind, old) in copied.created else "already there"
            print(f"{prefix}{old} -> {prefix}{new}  {state}")
    totals = ", ".join(f"{copied.count(kind)} of {len(ids)} {kind}s" for kind, _, ids in kinds)
    print(f"copied {totals} from {display_location(args.src)} to {display_location(args.dst)}"
          + ("" if any(copied.created) else " (it already had everything)"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from briefs.actions.briefs import restore_revision
    from briefs.cli.common import desk_from

    with desk_from(args) as desk:
        saved, change = restore_revision(desk, ref_id(args.brief, "brief"), args.revision)
    print(f"{change.label} (by {saved.updated_by or 'unknown'})")
    return 0


def print_history(brief: Brief, history: list[Brief], *, as_json: bool) -> None:
    """`briefs show b3 --history`: every revision, newest first, with who saved it, when and what changed."""
    changes = [_changed(newer, older) for newer, older in zip(history, [*history[1:], None], strict=True)]
    if as_json:
        print_json([{"revision": r.revision, "author": r.updated_by, "saved_at": r.updated_at.isoformat()
                     if r.updated_at else None, "title": r.title, "changed": changed}
                    for r, changed in zip(history, changes, strict=True)])
        return
    print(f"{brief.ref}  {brief.title}: {len(history)} revision{'s' if len(history) != 1 else ''}, newest first")
    width = max((len(r.updated_by or "unknown") for r in history), default=7)
    for revision, changed in zip(history, changes, strict=True):
        when = f"{revision.updated_at:%Y-%m-%d %H:%M}" if revision.updated_at else ""
        note = "  (current)" if revision.revision == brief.revision else ""
        print(f"  rev {revision.revision:<4} {when}  {revision.updated_by or 'unknown':<{width}}  "
              f"{', '.join(changed) or 'no change'}{note}")
    if len(history) > 1:
        print(f"bring one back as the newest: briefs restore {brief.ref} REVISION")


def _changed(newer: Brief, older: Brief | None) -> list[str]:
    if older is None:
        return ["created"] if newer.revision == 1 else ["(earlier revisions were not kept)"]
    changed: list[Any] = [name for name in ("template", "title", "marking") if getattr(newer, name) !=
                          getattr(older, name)]
    changed += [name for name in dict.fromkeys([*older.fields, *newer.fields])
                if newer.fields.get(name, "") != older.fields.get(name, "")]
    if newer.sections != older.sections:
        changed.append("sections")
    return changed
