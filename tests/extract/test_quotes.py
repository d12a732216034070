"""Direct quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from briefs.extract import Quote, analyse


def quotes(text: str) -> list[Quote]:
    return analyse(text).quotes


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"), ("\u201c", '"')],
    ids=["straight", "curly", "low-9", "guillemets", "mixed"],
)
def test_every_kind_of_quotation_mark_gives_the_words_inside_with_exact_offsets(opening: str, closing: str) -> None:
    text = f"{opening}The bridge will reopen in May,{closing} said Maria Lopez, the city engineer."
    q = only(text)
    assert q.text == "The bridge will reopen in May,"
    assert text[q.start : q.end] == q.text
    assert q.speaker == "Maria Lopez"
    assert text[q.speaker_start : q.speaker_end] == "Maria Lopez"
    assert q.cue == "said"


def test_a_quote_interrupted_by_its_attribution_gives_two_quotes_with_one_speaker() -> None:
    text = "Tom Reed runs the depot.\n\n\u201cWe ordered the parts,\u201d he said, \u201cbut none have come.\u201d"
    first, second = quotes(text)
    assert (first.text, second.text) == ("We ordered the parts,", "but none have come.")
    assert first.speaker == second.speaker == "Tom Reed"
    assert text[first.speaker_start : first.speaker_end] == "he"


def test_a_quote_over_several_paragraphs_is_one_quote_per_paragraph_with_the_same_speaker() -> None:
    text = (
        "Ana Ruiz, the fire chief, said: \u201cWe lost two engines this winter.\n\n"
        "\u201cWithout them, every call takes longer.\n\n"
        "\u201cThat is why we are asking for the levy.\u201d\n\n"
        "The council votes on Monday."
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "We lost two engines this winter.",
        "Without them, every call takes longer.",
        "That is why we are asking for the levy.",
    ]
    assert {q.speaker for q in found} == {"Ana Ruiz"}


def test_single_quotes_nested_inside_stay_part_of_the_quote() -> None:
    text = "\u201cHe told me \u2018wait until spring\u2019 and I did,\u201d said Omar Haddad."
    q = only(text)
    assert q.text == "He told me \u2018wait until spring\u2019 and I did,"
    assert q.speaker == "Omar Haddad"


@pytest.mark.parametrize(
    "text",
    [
        'Dubbed "miniFlame" by the analysts, the program spread quietly.',
        'The agency calls the plan a "reset" of its priorities.',
        'She starred in "The Long Winter Road" before moving to politics.',
        'The so-called "toll lanes" opened in 2019.',
        'Residents know him as "Big Mike" around town.',
    ],
    ids=["coined-name", "scare-quote", "title", "so-called", "nickname"],
)
def test_scare_quotes_titles_nicknames_and_coined_names_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ('"Rates will rise," warned Priya Natarajan.', "Priya Natarajan", "Priya Natarajan"),
        ('"Rates will rise," Priya Natarajan warned.', "Priya Natarajan", "Priya Natarajan"),
        ('Priya Natarajan wrote: "Rates will rise."', "Priya Natarajan", "Priya Natarajan"),
        ('Priya Natarajan told reporters, "Rates will rise."', "Priya Natarajan", "Priya Natarajan"),
        ('"Rates will rise," Priya Natarajan added on Friday.', "Priya Natarajan", "Priya Natarajan"),
    ],
    ids=["cue-before-name", "name-before-cue", "colon-after-cue", "told-comma", "added"],
)
def test_cue_verbs_before_or_after_the_quote_name_the_speaker(text: str, speaker: str, mention: str) -> None:
    q = only(text)
    assert q.speaker == speaker
    assert text[q.speaker_start : q.speaker_end] == mention


def test_according_to_names_the_speaker() -> None:
    q = only('According to Helen Park, "the budget is already spent."')
    assert q.speaker == "Helen Park"
    assert q.cue.lower() == "according to"


def test_a_name_and_a_colon_introduce_a_quote() -> None:
    q = only('Leo Brandt: "We will not sign this deal."')
    assert q.speaker == "Leo Brandt"
    assert q.cue == ":"


def test_an_apposition_between_the_name_and_the_cue_is_skipped() -> None:
    text = '"The contract is void," Karen Holt, a lawyer at Fenwick Partners, said.'
    q = only(text)
    assert q.speaker == "Karen Holt"
    assert text[q.speaker_start : q.speaker_end] == "Karen Holt"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We need the votes," said Sen. Rita Moreau.', "Rita Moreau"),
        ('"We need the votes," Dr. Rita Moreau said.', "Rita Moreau"),
        ('"We need the votes," said Prime Minister Rita Moreau.', "Rita Moreau"),
        ('"We need the votes," Rep. Rita Moreau (D-Ore.) said.', "Rita Moreau"),
    ],
)
def test_titles_are_part_of_the_mention_but_not_the_display_name(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker == speaker
    assert "Rita Moreau" in text[q.speaker_start : q.speaker_end]


def test_surnames_and_pronouns_resolve_to_the_fullest_name_in_the_article() -> None:
    text = (
        "Eugene Kaspersky founded the firm in 1997.\n\n"
        '"This is the most complex threat we have seen," Kaspersky said.\n\n'
        'Later, Kaspersky spoke again. "We are still counting the victims," he said.'
    )
    first, second = quotes(text)
    assert first.speaker == second.speaker == "Eugene Kaspersky"
    assert text[first.speaker_start : first.speaker_end] == "Kaspersky"
    assert text[second.speaker_start : second.speaker_end] == "he"


def test_a_pronoun_takes_the_person_named_in_its_own_paragraph_over_the_last_speaker() -> None:
    text = (
        '"Costs went up," said Ivan Petrov.\n\n'
        'Asked about the delay, Lena Fischer was blunt. "Nobody planned for it," she said.'
    )
    first, second = quotes(text)
    assert first.speaker == "Ivan Petrov"
    assert second.speaker == "Lena Fischer"


def test_groups_and_organisations_speak_and_resolve_to_the_article_s_fuller_name() -> None:
    text = (
        "Kaspersky Lab researchers found the tool in May.\n\n"
        '"It copies every document it finds," the researchers wrote.\n\n'
        '"We have patched the flaw," the Ministry of Transport said in a statement.'
    )
    first, second = quotes(text)
    assert first.speaker == "Kaspersky Lab researchers"
    assert text[first.speaker_start : first.speaker_end] == "the researchers"
    assert second.speaker == "Ministry of Transport"


def test_a_continuation_paragraph_inherits_the_previous_speaker() -> None:
    text = (
        '"The dam is safe," said Nora Quinn, who runs the utility.\n\n'
        '"We inspect it every spring and after every storm."\n\n'
        "The utility serves 40,000 homes."
    )
    first, second = quotes(text)
    assert second.speaker == first.speaker == "Nora Quinn"


def test_a_quote_with_no_speaker_is_returned_with_speaker_null() -> None:
    text = 'The banner on the gate was plain.\n\n"Nobody gets in without a pass. Nobody."'
    q = only(text)
    assert q.text == "Nobody gets in without a pass. Nobody."
    assert (q.speaker, q.speaker_start, q.speaker_end, q.cue) == (None, None, None, None)


def test_a_short_quote_is_speech_when_a_cue_is_attached() -> None:
    q = only('"No," said Ruth Adler.')
    assert (q.text, q.speaker) == ("No,", "Ruth Adler")


def test_a_fragment_woven_into_the_writer_s_sentence_takes_no_speaker_from_the_paragraph() -> None:
    text = 'Tom Hale said the vote was close. The rule could cause "lasting harm to the coast" in time.'
    assert all(q.speaker is None for q in quotes(text))
