"""What an analysis returns: quotes with their speakers, and ranked facts (str offsets into the text)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
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


@dataclass(frozen=True, slots=True)
class Fact:
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
