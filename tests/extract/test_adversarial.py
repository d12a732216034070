"""Hostile text never breaks the analysis: offsets stay exact and nothing backtracks catastrophically.

Speed itself is measured by bench/extract_bench.py (10 MB inputs); here hypothesis checks that any
text, including floods of quote marks and control characters, gives well-formed results, and a
generous time budget per example (hypothesis' deadline) would catch a super-linear regex.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.extract import analyse

MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'
ALPHABET = st.sampled_from(list(MARKS + "\n\x00\x07\x1b\t ,.:;—-Aa Zz said he Dr. 42%$"))
PIECES = st.sampled_from(
    [' said ', '"', "\u201c", "\u201d", ", ", ".\n\n", " Dr. Ann Lee", " she ", " according to ", "\x00", ":", " "]
)


def check(text: str) -> None:
    result = analyse(text)
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
    for f in result.facts:
        assert text[f.start : f.end] == f.text
    assert [f.score for f in result.facts] == sorted((f.score for f in result.facts), reverse=True)


@settings(max_examples=150, deadline=timedelta(seconds=2))
@given(st.text(alphabet=ALPHABET, max_size=3000))
def test_any_mix_of_marks_and_control_characters_gives_well_formed_results(text: str) -> None:
    check(text)


@settings(max_examples=40, deadline=timedelta(seconds=5))
@given(st.lists(PIECES, min_size=1, max_size=200), st.integers(min_value=1, max_value=300))
def test_repeated_attribution_fragments_stay_within_the_time_budget(pieces: list[str], repeat: int) -> None:
    check("".join(pieces) * repeat)


def test_large_hostile_inputs_finish() -> None:
    for text in ('"' * 100_000, "\u201c" * 100_000, "x" * 500_000, '"a, " said ' * 4_000, "\x00\n" * 50_000):
        check(text)
