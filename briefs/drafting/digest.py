"""What a digest of several articles is called: the dates it covers and what the stories are about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from briefs.dates import long_date
from briefs.drafting.stories import COMMON_WORDS

# A capitalised word after a lower-case word or a comma: a name, not a sentence's first word.
_INNER_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?: [A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)*)")


def date_range(published: Sequence[str | None]) -> str:
    """"18–20 November 2019", "30 November – 2 December 2019", or one date; "" when none is known."""
    days = sorted({date.fromisoformat(p) for p in published if p})
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{long_date(first)} – {long_date(last)}"


def topic(headlines: Sequence[str], openings: Sequence[str] = (), *, most: int = 3) -> str:
    """What a set of stories is about: one story, its headline; several, the name each story's opening
    mentions most (a place, an organisation, a person), so a digest reads "Norway, Veltron, Rovers and
    2 more".
    """
    if not headlines:
        return ""
    if len(headlines) == 1:
        return headlines[0]
    names: list[str] = []
    for index, headline in enumerate(headlines):
        text = openings[index] if index < len(openings) else headline
        # Capitalised words inside sentences are names; the first word of a sentence may be any word.
        inner = Counter(m.group(1) for m in _INNER_NAME.finditer(text) if m.group(1) not in COMMON_WORDS)
        for match in _INNER_NAME.finditer(headline):
            inner[match.group(1)] += 1
        found = [(count, -text.find(word), word) for word, count in inner.items() if word not in names]
        if found:
            names.append(max(found)[2])
    shown = names[:most]
    rest = len(headlines) - len(shown)
    if not shown:
        return f"{len(headlines)} stories"
    text = ", ".join(shown)
    return f"{text} and {rest} more" if rest > 0 else text
