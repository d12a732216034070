"""`briefs tui` (and `briefs` alone): open the drafting app."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("tui", parents=[common], help="open the drafting app (the default with no command)")
    p.set_defaults(func=run_tui)


def run_tui(args: argparse.Namespace) -> int:
    from briefs.desk import open_desk

    # Opened (and seeded on first run) here so a bad --desk fails with a one-line error before the
    # screen switches to the app.
    desk = open_desk(getattr(args, "desk", None), seed_sample=True)
    path = desk.path
    desk.close()
    # The one door from the core to the UI: a lazy import, declared in the import-linter contract.
    from tui.app import BriefsApp

    BriefsApp(desk_path=path).run()
    return 0
