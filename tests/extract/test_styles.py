"""Invented articles in many house styles (UK, US, wire, tabloid, business, sport), one file per failure
category in `styles/`: each case names the quotes that must be found and who said them.

Every sentence in `styles/` is written for the tests; none is copied from an article. A case is

    - style: uk            # uk | us | wire | tabloid | business | sport
      text: |              # one article or a few paragraphs of one
        Ms Park said the ruling was "baffling".
      quotes:              # every quote the analysis must find, in reading order
        - [baffling, Ms Park]          # [quote text, speaker]; speaker null when nobody is named
      absent: [a series of]            # optional: strings that must never be a speaker

A case with `quotes: []` says nothing in it is a quote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefs.extract import analyse

STYLES = Path(__file__).with_name("styles")
KNOWN_STYLES = {"uk", "us", "wire", "tabloid", "business", "sport"}


def _cases() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(STYLES.glob("*.yaml")):
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
            found.append((f"{path.stem}-{number}", case))
    return found


CASES = _cases()

# What a speaker must never be, whatever the case says: a possessive, a bare pronoun or number word, a
# clause fragment that starts with a determiner or a preposition.
_NOT_A_SPEAKER = re.compile(
    r"(?:'s|\u2019s|s'|\u2019)$"
    r"|^(?:it|he|she|they|one|another|his|her|their|its|this|that|these|those)$"
    r"|^(?:a|an|of|in|on|at|for|with|from|by|to|and|but)\s",
    re.IGNORECASE,
)


def test_the_corpus_is_big_and_covers_every_style() -> None:
    assert len(CASES) >= 150
    styles = {case["style"] for _, case in CASES}
    assert styles <= KNOWN_STYLES
    assert {"uk", "us", "wire", "tabloid"} <= styles


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_quotes_and_speakers(case: dict) -> None:
    text = case["text"]
    got = analyse(text).quotes
    want = [tuple(pair) for pair in case["quotes"]]
    assert [(q.text, q.speaker) for q in got] == want
    for quote in got:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert not _NOT_A_SPEAKER.search(quote.speaker), quote.speaker
            assert quote.speaker not in case.get("absent", [])
