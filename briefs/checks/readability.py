"""Reading level: Flesch-Kincaid grade and the Coleman-Liau index of plain English prose.

Written here rather than taken from textstat: textstat 0.7.13 imports NLTK at start (about 650 ms, more
than the rest of `briefs check` together) and, for English, tries to download NLTK's pronouncing
dictionary on first use, which fails on an office machine without internet access. The two formulas are
the published ones; words, sentences and letters are counted the way textstat counts them, and syllables
come from Pyphen's hyphenation dictionary (what textstat falls back to when the dictionary is missing).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# A sentence is a run up to its end marks; runs of two words or fewer (a heading, "Mr.") are not counted.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# Straight and curly single quotes that are not inside a word (quotation marks, not apostrophes).
_LONE_QUOTE = re.compile(r"(?<![A-Za-z])['’]|['’](?![A-Za-z])")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s'’]")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")


def _words(text: str) -> list[str]:
    return _PUNCTUATION_KEEP_APOSTROPHE.sub("", _LONE_QUOTE.sub("", text)).split()


def _sentences(text: str) -> int:
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(1 for s in found if len(_words(s)) <= 2)
    return max(1, len(found) - short)


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def _syllables(words: list[str]) -> int:
    hyphenate = _hyphenator()
    return sum(len(hyphenate.positions(word.lower())) + 1 for word in words)


def reading_level(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade and Coleman-Liau index (a letters-based grade that needs no syllables)."""
    words = _words(text)
    sentences = _sentences(text)
    if not words or not sentences:
        return {"flesch_kincaid_grade": 0.0, "coleman_liau_index": 0.0}
    per_sentence = len(words) / sentences
    syllables = _syllables(words) / len(words)
    letters = len(_PUNCTUATION.sub("", _SPACE.sub("", text))) / len(words) * 100
    sentences_per_100 = sentences / len(words) * 100
    return {
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * syllables - 15.59, 1),
        "coleman_liau_index": round(0.058 * letters - 0.296 * sentences_per_100 - 15.8, 1),
    }
