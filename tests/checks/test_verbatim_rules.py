"""One test per verbatim rule, on the bundled sample article."""

from __future__ import annotations

import pytest

from briefs.actions.sample import sample_source
from briefs.checks import verify_quote

SOURCE = sample_source().text


def at(words: str) -> tuple[int, int]:
    start = SOURCE.index(words)
    return start, start + len(words)


def test_an_exact_quote_is_exact_and_points_at_its_passage() -> None:
    quote = "This is not a smash-and-grab operation,"
    verdict = verify_quote(quote, SOURCE, *at(quote))
    assert verdict.ok and verdict.status == "exact"
    assert SOURCE[verdict.span[0]:verdict.span[1]] == quote


@pytest.mark.parametrize("quote", [
    'Someone spent years learning how these plants work, and they were careful never to break anything',
    "That advice was wrong, and the bill for it is coming due.",
    "that advice was wrong, and the bill for it is coming due.",   # lowered first letter
    "This is not a smash–and–grab   operation",                      # en dashes, spaces
    "This is not a smash — and — grab operation,",                   # spaced em dashes
    '"a clear step from spying toward sabotage."',                   # straight quotes for curly
    "a town with one engineer and a budget smaller than a car dealership's",  # straight apostrophe
    "That advice was wrong.",                                        # period for the source's comma
])
def test_typographic_differences_pass(quote: str) -> None:
    verdict = verify_quote(quote, SOURCE)
    assert verdict.ok, verdict.diff
    assert verdict.status in {"exact", "typographic"}


def test_ellipsis_parts_pass_in_order_within_one_passage() -> None:
    quote = "For ten years, we have told small utilities … That advice was wrong"
    assert verify_quote(quote, SOURCE).status == "ellipsis"
    assert verify_quote(quote.replace("…", "..."), SOURCE).ok
    assert not verify_quote("That advice was wrong … For ten years", SOURCE).ok


def test_ellipsis_parts_from_different_paragraphs_fail_without_offsets() -> None:
    # Both parts are in the source, in order, but in different paragraphs: that is not one passage.
    assert not verify_quote("This is not a smash-and-grab operation … We found it almost by accident", SOURCE).ok


def test_ellipsis_parts_must_lie_inside_the_quoted_passage_when_offsets_are_given() -> None:
    passage = "For ten years, we have told small utilities that nobody would bother attacking them"
    start, end = at(passage)
    assert verify_quote("For ten years … nobody would bother attacking them", SOURCE, start, end).ok
    verdict = verify_quote("For ten years … That advice was wrong", SOURCE, start, end)
    assert verdict.ok and verdict.moved  # in the source, but beyond the passage the snippet points at


def test_a_bracketed_insertion_passes_and_says_what_it_replaced() -> None:
    verdict = verify_quote("[The attackers] spent years learning how these plants work", SOURCE)
    assert verdict.ok and verdict.status == "bracketed"
    assert verdict.replacements == (("[The attackers]", "Someone"),)
    inner = verify_quote("For ten years, we have told [operators] that nobody would bother attacking them", SOURCE)
    assert inner.ok and inner.replacements == (("[operators]", "small utilities"),)


def test_a_bracket_does_not_excuse_a_changed_word_elsewhere() -> None:
    assert not verify_quote("[The attackers] spent months learning how these plants work", SOURCE).ok


@pytest.mark.parametrize(("quote", "removed", "added"), [
    ("That advice was right, and the bill for it is coming due.", "wrong,", "right,"),
    ("For ten years, we have told utilities that nobody would bother attacking them", "small", ""),
    ("We found it almost entirely by accident", "", "entirely"),
])
def test_a_changed_quote_fails_with_the_closest_passage_and_a_word_diff(quote: str, removed: str, added: str) -> None:
    verdict = verify_quote(quote, SOURCE)
    assert not verdict.ok and verdict.status == "failed"
    assert verdict.closest and verdict.closest in SOURCE
    if removed:
        assert f"[-{removed}-]" in verdict.diff
    if added:
        assert f"{{+{added}+}}" in verdict.diff


def test_a_quote_must_match_whole_words_at_its_edges() -> None:
    # "at nobody would" is inside "that nobody would": a fragment of a word is not what the speaker said.
    assert not verify_quote("at nobody would bother attacking them", SOURCE).ok
    assert verify_quote("that nobody would bother attacking them", SOURCE).ok


def test_an_empty_quote_fails() -> None:
    assert not verify_quote("   ", SOURCE).ok
    assert not verify_quote("…", SOURCE).ok


def test_a_many_part_quote_that_matches_nothing_fails_on_a_long_source() -> None:
    # The parts are matched greedily, one passage at a time, so this returns (and fails) at once.
    long = (SOURCE + "\n") * 50
    quote = " … ".join(["the"] * 30 + ["zzzz"])
    assert not verify_quote(quote, long).ok


def test_print_may_end_a_quote_with_a_full_stop_for_its_comma_and_no_more() -> None:
    from briefs.checks import verify_quote
    from briefs.text import printed_quote

    source = "“We lost the final,” the coach said. Later: “We lost; that is all.”"
    start = source.index("We lost the final,")
    end = start + len("We lost the final,")
    assert printed_quote(source[start:end]) == "We lost the final."
    assert verify_quote("We lost the final.", source, start, end).ok
    assert not verify_quote("We lost the final;", source, start, end).ok
    assert not verify_quote("We lost.", source, start, start + len("We lost")).ok  # a cut quote gains no stop
    assert verify_quote("We lost", source, start, start + len("We lost")).ok
