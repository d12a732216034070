"""Facts: sentences outside quotes, ranked by the signals that make a sentence citable."""

from __future__ import annotations

from briefs.extract.quotes import Span
from briefs.extract.results import Fact


def rank_facts(text: str, spans: list[Span]) -> list[Fact]:
    return []
