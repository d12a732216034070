"""What an analysis returns: quotes with their speakers, and ranked facts (str offsets into the text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# Quote and Fact are named tuples, not frozen dataclasses: just as immutable, and built in a quarter of
# the time (a frozen dataclass sets each field through object.__setattr__), which counts at ~1,500 per
# 70,000 words of news.


class Quote(NamedTuple):
    """A direct quote. `text` is the words inside the marks; `start`/`end` are the offsets of that text.

    `speaker` is the resolved display name ("Eugene Kaspersky" for a "he" or a "Kaspersky"), and
    `speaker_start`/`speaker_end` point at the mention that attributes this quote (the pronoun, the
    surname, "the researchers"); all three are None when no speaker was found. `cue` is the attribution
    word ("said", "according to", ":").
    """

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    score: float


class Fact(NamedTuple):
    """A sentence outside quotes worth citing; `signals` name why (e.g. "percent", "money", "date")."""

    text: str
    start: int
    end: int
    score: float
    signals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    quotes: list[Quote]
    facts: list[Fact]  # best first
