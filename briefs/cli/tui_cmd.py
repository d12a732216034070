"""`briefs tui` (and `briefs` alone): open the drafting app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("tui", parents=[common], help="open the drafting app (the default with no command)")
    p.set_defaults(func=run_tui)


def run_tui(args: argparse.Namespace) -> int:
    from briefs.settings import load_settings

    settings = load_settings(desk=getattr(args, "desk", None))
    # The desk is opened (and seeded with the sample on first run) by the app after its first frame, so
    # start-up does not wait for the models and SQLite; a desk that cannot be opened ends the app with
    # the same one-line message and exit code as any other command.
    # The one door from the core to the UI: a lazy import, declared in the import-linter contract.
    from tui.app import BriefsApp

    app = BriefsApp(settings)
    app.run()
    if app.startup_error is not None:
        raise app.startup_error
    return app.return_code or 0
