"""What a sentence lifted from an article needs before it can stand in a brief on its own.

A drafted line must start at its news (no dateline, agency tag or byline) and not lean on the sentence
before it ("But they have struggled...", "He said he pressed..."). The rules are the ones the suggested
facts are ranked by, kept once in `briefs.extract.boilerplate`, so that what the reader is never offered as
a fact is never drafted either; drafting reads them through this module.
"""

from __future__ import annotations

from briefs.extract.boilerplate import (
    is_furniture,
    lead_in_length,
    opens_on_connective,
    stands_alone,
    without_lead_in,
)

__all__ = [
    "is_furniture",
    "lead_in_length",
    "opens_on_connective",
    "stands_alone",
    "without_lead_in",
]
