"""Time, injected: everything that stamps or shows a date asks a Clock, never the machine directly.

The desk stamps imports and saves with its clock, renders print "today" from it, and freshness checks
count from it, so tests (and SVG snapshots) pass on any day by handing in a FixedClock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC), to the second."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0)


class FixedClock:
    """A clock that says what it is told; `advance` moves it on (each save can be a distinct moment)."""

    def __init__(self, moment: datetime, *, step: timedelta = timedelta(0)) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        self.moment = moment.replace(microsecond=0)
        self.step = step

    def now(self) -> datetime:
        current = self.moment
        self.moment += self.step
        return current

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


SYSTEM_CLOCK = SystemClock()
