"""Opening the desk to work on: a desk that has never had a source starts with the bundled sample
article, so a new user's first screen shows Briefs at work rather than an empty table."""

from __future__ import annotations

import os

from briefs.clock import Clock
from briefs.desk import Desk, open_desk

SAMPLE_OFFERED = "sample_offered"


def open_for_work(target: str | os.PathLike[str], *, clock: Clock | None = None, author: str = "") -> Desk:
    """Open the desk at `target` (a path or URL), seeding the sample article on its first opening.
    `author` (the settings' author) is who the changes made through it are by."""
    desk = open_desk(target, clock=clock, author=author)
    try:
        if desk.get_property(SAMPLE_OFFERED) is None:
            seed_sample(desk)
    except BaseException:
        desk.close()
        raise
    return desk


def seed_sample(desk: Desk) -> None:
    """Add the sample article once in a desk's life: removing it, or any source, never brings it back."""
    from briefs.actions.sample import sample_source

    with desk.transaction():
        if desk.get_property(SAMPLE_OFFERED) is not None:
            return  # another process seeded it meanwhile
        if desk.count_sources(include_removed=True) == 0:
            desk.add_source(sample_source())
        desk.set_property(SAMPLE_OFFERED, "1")
