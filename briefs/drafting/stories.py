"""Which articles tell the same story: several outlets' reports of one event become one digest item.

Two reports of one event share its names and figures and much of its opening, whatever their headlines
say; two stories on one topic share the topic's words but not the event's particulars. So two articles
are one story when their openings agree closely as text (rapidfuzz's token-set ratio) and they share
most of the names and figures their openings mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# How much of an article's opening to compare: the lede and the paragraphs that carry the particulars.
_OPENING_WORDS = 160
_PARTICULAR = re.compile(r"(?<![\w.])(?:\d[\d,.]*%?|[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?|[A-Z]{2,6})(?![\w])")
COMMON_WORDS = frozenset("""
    The A An In On At For And But Or Of To By With From As It Its He She They We I His Her Their This That
    These Those There Here When While After Before Since Until If Mr Mrs Ms Dr Sir Lord Lady Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
# Thresholds from invented pairs (tests/drafting/test_stories.py): reports of one event score 55-90 on
# the ratio and share over half their particulars; two stories on one subject stay under both.
_RATIO = 55.0
_SHARED = 0.5


def opening(text: str) -> str:
    return " ".join(text.split()[:_OPENING_WORDS])


def particulars(text: str) -> set[str]:
    """The names and figures an opening mentions (sentence-initial common words left out)."""
    return {m for m in _PARTICULAR.findall(text) if m not in COMMON_WORDS}


def same_story(a: str, b: str) -> bool:
    """Whether two articles (their texts) report the same story."""
    from rapidfuzz import fuzz

    first, second = opening(a), opening(b)
    names_a, names_b = particulars(first), particulars(second)
    if min(len(names_a), len(names_b)) < 3:
        return fuzz.token_set_ratio(first, second) >= 85
    shared = len(names_a & names_b) / min(len(names_a), len(names_b))
    return shared >= _SHARED and fuzz.token_set_ratio(first, second) >= _RATIO


def group_stories(texts: Sequence[str]) -> list[list[int]]:
    """Indices of `texts` grouped by story, each group in input order, groups by their first member."""
    groups: list[list[int]] = []
    for index, text in enumerate(texts):
        for group in groups:
            if same_story(texts[group[0]], text):
                group.append(index)
                break
        else:
            groups.append([index])
    return groups
