"""Facts: sentences outside quotes, with their signals, best first."""

from __future__ import annotations

import itertools

from briefs.extract import analyse

ARTICLE = (
    "Harbor town weighs a new sea wall\n\n"
    "The council met on Tuesday to discuss the plan.\n\n"
    "The wall would cost $42 million and protect about 3,000 homes, according to the Regional Planning Agency.\n\n"
    "Flooding rose 18% last year, the highest level since 1998.\n\n"
    '"We cannot wait for the next storm," said Mayor Ella Price.\n\n'
    "Residents were divided and many left early.\n"
)


def test_sentences_with_signals_are_facts_with_exact_offsets_and_their_signals() -> None:
    facts = analyse(ARTICLE).facts
    by_text = {f.text: f for f in facts}
    money = by_text[
        "The wall would cost $42 million and protect about 3,000 homes, according to the Regional Planning Agency."
    ]
    assert ARTICLE[money.start : money.end] == money.text
    assert {"money", "number", "according", "organisation"} <= set(money.signals)
    flood = by_text["Flooding rose 18% last year, the highest level since 1998."]
    assert {"percent", "comparative", "date"} <= set(flood.signals)
    assert "date" in by_text["The council met on Tuesday to discuss the plan."].signals


def test_facts_are_ranked_best_first_and_quotes_and_plain_sentences_are_not_facts() -> None:
    facts = analyse(ARTICLE).facts
    scores = [f.score for f in facts]
    assert scores == sorted(scores, reverse=True)
    assert facts[0].text.startswith("The wall would cost $42 million")
    texts = " ".join(f.text for f in facts)
    assert "next storm" not in texts  # inside a quote
    assert "Residents were divided" not in texts  # no signal


def test_a_number_inside_a_word_or_may_the_verb_is_not_a_signal() -> None:
    text = "The F16 pilots may return home soon, officials hope.\n"
    assert analyse(text).facts == []


def test_euro_pound_and_yen_amounts_are_money() -> None:
    text = (
        "The port spent \u20ac4.5 million on new cranes this spring.\n\n"
        "The ferry line lost \u00a3300 on every crossing last winter.\n\n"
        "A ticket to the island costs \u00a5900 for each adult passenger.\n"
    )
    facts = analyse(text).facts
    assert len(facts) == 3
    assert all("money" in f.signals for f in facts)


def test_a_sentence_starting_with_a_word_seen_in_the_one_before_is_still_its_own_sentence() -> None:
    from briefs.extract.sentences import sentences

    # "He" also stands inside "Helena" in the sentence before: the next sentence must not start there.
    text = "Voters in Helena backed the $4 million plan by 62 percent. He said so. A vote is a vote."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Voters in Helena backed the $4 million plan by 62 percent.",
        "He said so.",
        "A vote is a vote.",
    ]


def test_a_sentence_with_a_short_quoted_name_is_still_a_fact_but_a_quoted_sentence_is_not() -> None:
    from briefs.extract import analyse

    text = (
        "Dubbed \u201cRiverline,\u201d the $2 billion pipeline will carry gas to 40,000 homes by 2028.\n\n"
        "\u201cWe expect 40,000 homes to be connected by 2028,\u201d said Noor Haddad, the project lead."
    )
    facts = [f.text for f in analyse(text).facts]
    assert any(f.startswith("Dubbed \u201cRiverline,\u201d the $2 billion pipeline") for f in facts)
    assert not any("We expect" in f for f in facts)


def test_a_title_opening_a_sentence_stays_with_it() -> None:
    from briefs.extract.sentences import sentences

    # Bling Fire alone ends a sentence after "Mr." here ("... council.\nMr.\nLee agreed ...").
    text = "The plan was approved on Monday by the council. Mr. Lee agreed to it.\n\nDr. Ines Varga was there."
    assert [text[a:b] for a, b in sentences(text)] == [
        "The plan was approved on Monday by the council.",
        "Mr. Lee agreed to it.",
        "Dr. Ines Varga was there.",
    ]


def test_a_paragraph_opening_with_the_word_that_ended_the_last_is_found_where_it_starts() -> None:
    # The second paragraph's first word also ends the first one: its sentence, and the fact in it, must
    # start at the paragraph, not at "Okafor." the line before.
    text = (
        "A poll of 900 voters in the county found a close race between Lindqvist and Okafor.\n\n"
        "Okafor received 41 percent, Lindqvist had 39 percent and 20 percent were undecided.\n"
    )
    facts = {f.text for f in analyse(text).facts}
    assert "Okafor received 41 percent, Lindqvist had 39 percent and 20 percent were undecided." in facts


def test_sentences_in_non_ascii_lines_have_str_offsets() -> None:
    from briefs.extract.sentences import sentences

    text = (
        "Caf\u00e9 \u201cd\u00e9j\u00e0 vu\u201d costs \u20ac5 a cup. The owner, \u00c9lan, said so.\n\n"
        "  \U0001f600 Emoji line here. Next one!"
    )
    assert [text[a:b] for a, b in sentences(text)] == [
        "Caf\u00e9 \u201cd\u00e9j\u00e0 vu\u201d costs \u20ac5 a cup.",
        "The owner, \u00c9lan, said so.",
        "\U0001f600 Emoji line here.",
        "Next one!",
    ]


def test_a_paragraph_longer_than_a_splitter_batch_is_split_in_pieces_without_losing_text() -> None:
    from briefs.extract.sentences import sentences

    unit = "The rate rose 5 percent in 2020. "
    text = unit * 40_000  # 1.3 MB on one line: more than one batch for the splitter
    found = sentences(text)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(found))
    assert found[0][0] == 0 and found[-1][1] == len(text.rstrip())
    whole = sum(1 for a, b in found if text[a:b] == unit.strip())
    assert whole >= 0.99 * 40_000  # only where a piece was cut does a sentence break early


def test_splitting_one_text_does_not_leak_into_the_next() -> None:
    from briefs.extract.sentences import sentences

    first = "Alpha met Beta. Gamma left at noon.\n\nDelta stayed."
    second = "One. Two three four five six seven eight nine ten eleven twelve. " * 50
    before = sentences(first)
    sentences(second)
    assert sentences(first) == before


def test_lone_surrogates_neither_stop_the_splitter_nor_shift_offsets() -> None:
    from briefs.extract.sentences import sentences

    text = "Prices rose 5 percent \ud800 in the city. Rents were 3 percent \udfff lower than before.\n\nA\ud83d b c."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Prices rose 5 percent \ud800 in the city.",
        "Rents were 3 percent \udfff lower than before.",
        "A\ud83d b c.",
    ]
    assert len(analyse(text).facts) == 2


def test_a_fact_reads_the_same_whatever_the_paragraph_before_it_holds() -> None:
    # Facts split only the paragraphs with a signal; a paragraph must split the same whether or not the one
    # before it was split too, and an initial stays with its name.
    fact = "J. Smith said sales rose 5 percent, more than last year."
    for before in ("The minister spoke to reporters outside.", "The minister spoke to 40 reporters outside."):
        assert fact in {f.text for f in analyse(f"{before}\n\n{fact}\n").facts}
