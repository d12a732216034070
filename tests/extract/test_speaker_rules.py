"""Rules added while measuring against annotated news: titles, misplaced marks, sentence subjects.

Every sentence here is written for the tests.
"""

from __future__ import annotations

import pytest

from briefs.extract import Quote, analyse


def quotes(text: str) -> list[Quote]:
    return analyse(text).quotes


def spoken(text: str) -> list[Quote]:
    return [q for q in quotes(text) if q.speaker]


def test_an_opening_mark_typed_as_the_closing_one_still_ends_the_quote() -> None:
    text = "\u201cWill the ferry run on Sunday?\u201c asked Carla Mendes, a commuter."
    found = quotes(text)
    assert [q.text for q in found] == ["Will the ferry run on Sunday?"]
    assert found[0].speaker == "Carla Mendes"


@pytest.mark.parametrize(
    "text",
    [
        'Speaking on KRTV\'s "Valley Morning Hour," Dale Brooks said the levy would pass.',
        'She appeared Sunday on "Inside the Statehouse," where Dale Brooks said little.',
        'The network\'s new series, "Harbor Lights," drew a small audience.',
        'Read more: "Council Delays Vote on Ferry Fares," by Joan Pike of the Herald.',
    ],
    ids=["show-after-possessive", "show-after-on", "series-in-apposition", "headline-with-byline"],
)
def test_titles_of_shows_series_and_headlines_are_not_quotes(text: str) -> None:
    assert spoken(text) == []


def test_a_title_case_sentence_of_its_own_with_a_cue_is_still_a_quote() -> None:
    q = quotes('"Not Today." That was all Ruth Adler said, before she added: "We Will Wait."')[-1]
    assert (q.text, q.speaker) == ("We Will Wait.", "Ruth Adler")


def test_the_cue_before_a_quote_is_taken_from_the_quote_s_own_sentence() -> None:
    text = 'A reporter asked Mira Olsen about the strike. She replied: "We will talk on Monday."'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "She"
    assert q.speaker == "Mira Olsen"


def test_a_sentence_opening_word_is_not_taken_for_the_speaker() -> None:
    text = 'Mira Olsen spoke last. When asked about the ferry, she said: "It stays."'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "she"
    assert q.speaker == "Mira Olsen"


def test_a_paragraph_that_is_all_quote_takes_the_speaker_named_before_the_colon() -> None:
    text = 'The full text follows:\n\n"Nobody has audited these books since 2012."'
    assert quotes(text)[0].speaker is None  # no speaker before the colon: nobody to credit
    text = 'Ruth Adler went on:\n\n"Nobody has audited these books since 2012."'
    q = quotes(text)[0]
    assert (q.speaker, text[q.speaker_start : q.speaker_end]) == ("Ruth Adler", "Ruth Adler")


def test_an_opening_clause_is_skipped_when_the_sentence_subject_introduces_the_quote() -> None:
    text = 'On Friday, after weeks of silence, Ruth Adler backed the plan, saying, "It is the only way."'
    q = quotes(text)[0]
    assert q.speaker == "Ruth Adler"


def test_a_pronoun_subject_introduces_a_quote_with_a_colon() -> None:
    text = 'Ruth Adler spoke last. She then turned to the crowd: "We start on Monday."'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "She"
    assert q.speaker == "Ruth Adler"


@pytest.mark.parametrize("cue", ["surmised", "assured them", "pressed", "interjected", "deadpanned"])
def test_less_common_speech_verbs_are_cues(cue: str) -> None:
    q = quotes(f'"We will be ready by June," Ruth Adler {cue}.')[0]
    assert q.speaker == "Ruth Adler"


def test_a_long_apposition_after_the_quote_is_skipped() -> None:
    text = '"Nobody asked us," Ann Lee, 30, of Salem, Ore., who was among those polled, said on Friday.'
    q = quotes(text)[0]
    assert (q.speaker, text[q.speaker_start : q.speaker_end]) == ("Ann Lee", "Ann Lee")


def test_as_someone_puts_it_names_the_speaker() -> None:
    q = quotes('As the analyst Ruth Adler puts it, "The market has already moved on."')[0]
    assert q.speaker == "Ruth Adler"


def test_a_cue_right_before_the_mark_introduces_a_whole_sentence() -> None:
    text = 'Ruth Adler spoke at the dock. She says "we will rebuild the pier this year."'
    q = quotes(text)[0]
    assert q.speaker == "Ruth Adler"


def test_a_cue_right_before_a_woven_phrase_gives_no_speaker() -> None:
    text = 'Ruth Adler says "the whole plan" is too costly for the town.'
    assert spoken(text) == []


def test_a_show_named_after_told_is_not_a_quote() -> None:
    text = '"We are ready," Ruth Adler told "Morning Harbor Report" on Friday.'
    assert [q.text for q in spoken(text)] == ["We are ready,"]


def test_an_ing_cue_without_a_comma_introduces_the_quote() -> None:
    text = 'Ruth Adler thanked the crew, adding "we could not have done it without you."'
    assert quotes(text)[0].speaker == "Ruth Adler"


def test_a_closing_mark_typed_at_a_paragraph_start_opens_the_quote_even_before_a_space() -> None:
    text = "The vote is on Friday.\n\n\u201d \u2026 and the ferry stays,\u201d wrote Ruth Adler."
    q = quotes(text)[0]
    assert (q.text, q.speaker) == ("\u2026 and the ferry stays,", "Ruth Adler")


def test_an_invisible_direction_mark_before_the_opening_mark_is_not_text() -> None:
    text = "Readers answered.\n\n\u202a\u201dThe ferry must stay!\u201d posted Ruth Adler."
    q = quotes(text)[0]
    assert (q.text, q.speaker) == ("The ferry must stay!", "Ruth Adler")


def test_a_short_ing_clause_with_its_listener_introduces_the_quote() -> None:
    text = 'Ruth Adler closed the meeting early, telling the crowd, "We will meet again in May."'
    assert quotes(text)[0].speaker == "Ruth Adler"


def test_a_name_before_the_colon_after_told_is_the_listener_not_the_speaker() -> None:
    text = 'Ruth Adler on Friday told Harbor Radio: "We will meet again in May."'
    q = quotes(text)[0]
    assert (q.speaker, text[q.speaker_start : q.speaker_end]) == ("Ruth Adler", "Ruth Adler")


def test_an_article_excerpt_after_its_headline_and_byline_has_no_speaker() -> None:
    text = 'FERRY NEWS \u2014 "Council delays vote," by the Herald\'s Joan Pike: "The council put off the vote."'
    assert spoken(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"The pier stays open," Ruth Adler is quoted as saying.',
        '"The pier stays open," reacted Ruth Adler.',
    ],
    ids=["quoted-as-saying", "reacted"],
)
def test_reported_speech_phrases_after_the_quote_are_cues(text: str) -> None:
    assert quotes(text)[0].speaker == "Ruth Adler"


def test_a_this_noun_phrase_after_the_quote_is_the_speaker() -> None:
    text = '"The pier stays open," this official told the Herald.'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "this official"


def test_a_bare_plural_after_the_quote_is_a_group_of_speakers() -> None:
    text = '"The harbor needs dredging," federal engineers wrote in the filing.'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "federal engineers"


def test_a_document_that_speaks_for_its_authors_is_the_speaker() -> None:
    text = 'The council sent a letter to the port.\n\nThe letter continues: "We expect an answer by May."'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "The letter"


def test_a_title_earlier_in_the_sentence_does_not_hide_the_speaker_of_the_quote() -> None:
    text = 'Ruth Adler named the book "Tides of Salem," explaining, "it shows the town as it was."'
    q = next(q for q in quotes(text) if q.speaker)
    assert (q.text, q.speaker) == ("it shows the town as it was.", "Ruth Adler")


def test_a_pronoun_refers_back_to_a_surname_named_just_before_not_the_last_speaker() -> None:
    text = (
        "“We will fight the fine,” said Marta Ruiz, the firm’s counsel.\n\n"
        "“The rules were never clear,” said Tomas Berg, who runs the harbour.\n\n"
        "Asked about the appeal, Ruiz was brief. “We expect to win,” she said."
    )
    quotes = analyse(text).quotes
    assert [q.speaker for q in quotes] == ["Marta Ruiz", "Tomas Berg", "Marta Ruiz"]


def test_a_relative_clause_without_that_credits_its_own_subject() -> None:
    text = "The new version can erase logs, a feature the audit calls “a serious escalation.”"
    (quote,) = analyse(text).quotes
    assert quote.speaker == "audit"


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        ('Mayor Ann Lee called the ferry plan "a costly mistake."', "Ann Lee", "a costly mistake."),
        ('Tom Hale, for his part, is labeling the levy "a tax on commuters."', "Tom Hale", "a tax on commuters."),
        ('In May, Tom Hale called the new bridge "an eyesore," and left.', "Tom Hale", "an eyesore,"),
        ('Tom Hale defended the vote, calling the critics "very badly informed."', "Tom Hale", "very badly informed."),
        ('Ann Lee welcomed "the end of a long wait."', "Ann Lee", "the end of a long wait."),
    ],
    ids=["called-it", "is-labeling", "called-comma", "participle", "welcomed"],
)
def test_a_fragment_woven_after_a_verb_of_speech_or_judgement_is_the_subject_s(
    text: str, speaker: str, fragment: str
) -> None:
    found = spoken(text)
    assert [(q.text, q.speaker) for q in found] == [(fragment, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee called the bridge "Harbor Crossing."',  # a name, in Title Case
        'Ann Lee says "the whole plan" is too costly.',  # the writer's sentence goes on around the phrase
        'Ann Lee slammed Tom Hale for suggesting that drivers "pay twice for roads."',  # another clause's words
        'Ann Lee said she would sail, but as Tom Hale went on about "how the tide turned," she left.',
    ],
    ids=["title-case", "clause-goes-on", "other-clause", "comma-between"],
)
def test_a_woven_fragment_far_from_its_verb_or_capitalised_gets_no_speaker(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee initially said in May, "The ferry will run all winter."',
        '"The ferry will run all winter," Ann Lee confidently predicted.',
    ],
    ids=["initially-said", "after-the-quote"],
)
def test_an_adverb_in_ly_between_the_speaker_and_the_cue(text: str) -> None:
    assert [q.speaker for q in quotes(text)] == ["Ann Lee"]


def test_a_noun_in_ly_before_a_cue_is_still_the_speaker() -> None:
    q = quotes('"We are relieved," the family said.')[0]
    assert q.speaker == "family"


def test_a_chant_or_a_shout_after_an_ing_verb_belongs_to_the_sentence_subject() -> None:
    text = 'Outside the town hall, about fifty dockers marched in a circle, chanting "Save the ferry!"'
    q = quotes(text)[0]
    assert (q.text, q.speaker) == ("Save the ferry!", "about fifty dockers")
    q = quotes('Ann Lee left the stage shouting "we will be back!"')[0]
    assert q.speaker == "Ann Lee"


def test_a_sentence_subject_that_starts_with_the_is_a_noun_phrase() -> None:
    text = 'The spokesman would not discuss the fares, adding: "We will decide in May."'
    q = quotes(text)[0]
    assert text[q.speaker_start : q.speaker_end] == "The spokesman"


def test_a_name_right_before_the_ing_verb_is_the_speaker_not_the_subject() -> None:
    text = 'The new ferry advert shows Ann Lee asking, "Why wait for the bridge?"'
    assert quotes(text)[0].speaker == "Ann Lee"


def test_no_subject_is_guessed_inside_a_quote_whose_mark_was_never_closed() -> None:
    text = '"The ferry question is simple, and here it is: \u201cShould the ferry run at night?\u201d'
    assert spoken(text) == []


def test_a_statement_introduced_with_a_comma_or_in_the_paragraph_before_is_the_subject_s() -> None:
    text = 'After the vote, Ann Lee issued a statement, "The ferry stays, and so do its crews."'
    assert quotes(text)[0].speaker == "Ann Lee"
    text = 'Late on Friday, Ann Lee released the following statement:\n\n"The ferry stays, and so do its crews."'
    q = quotes(text)[0]
    assert (q.speaker, text[q.speaker_start : q.speaker_end]) == ("Ann Lee", "Ann Lee")


@pytest.mark.parametrize(
    "text",
    [
        'She turned the offer down at once, she wrote in her memoir, "Open Water."',
        'The movie, "Harbor Lights: The Long Night," is based on a book, Ann Lee said.',
        'He read it in the book "The Ferry Years: How a Small Harbor Town Learned to Live With the Sea."',
        'It is not the first time this harbor "reporter" has revealed her bias.',
    ],
    ids=["memoir-after-comma", "film-in-apposition", "long-book-title", "woven-word-before-a-verb"],
)
def test_titles_after_their_noun_and_scare_quotes_before_an_auxiliary_are_not_quotes(text: str) -> None:
    assert spoken(text) == []


@pytest.mark.parametrize("lead", ["From Ann Lee writing at The Harbor Times:", "Ann Lee spoke in Salem:"])
def test_a_place_or_outlet_before_the_colon_is_not_the_speaker(lead: str) -> None:
    text = lead + '\n\n"The ferry will not run this winter, and nobody at the council will say why."'
    assert [q.speaker for q in quotes(text)] == [None]


def test_what_a_named_person_called_something_is_their_quote_but_a_label_is_not() -> None:
    text = 'The town hoped to shed what Ann Lee called "a ferry problem."'
    assert [(q.text, q.speaker) for q in spoken(text)] == [("a ferry problem.", "Ann Lee")]
    text = 'Ann Lee described the delay as "news to me."'
    assert [q.speaker for q in spoken(text)] == ["Ann Lee"]
    assert spoken('On the form, in a box labeled "medical problem," a clerk wrote nothing.') == []
