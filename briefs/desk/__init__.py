"""Persistence: the desk holds sources, snippets and briefs. See base.Desk for the interface."""

from __future__ import annotations

import os
from pathlib import Path

from briefs.desk.base import AddResult, Desk
from briefs.desk.sqlite import SqliteDesk

__all__ = ["AddResult", "Desk", "SqliteDesk", "open_desk"]


def open_desk(path: str | os.PathLike[str] | None = None, *, seed_sample: bool = False) -> SqliteDesk:
    """Open (creating and migrating as needed) the desk at `path`, or the default desk.

    With `seed_sample`, a desk file created by this call receives the bundled sample article, so a new
    user's first screen shows Briefs at work rather than an empty table.
    """
    from briefs.paths import default_desk_path

    desk = SqliteDesk(Path(path) if path is not None else default_desk_path())
    if seed_sample and desk.created:
        from briefs.sample import sample_source

        desk.add_source(sample_source())
    return desk
