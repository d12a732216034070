"""What a lifted sentence needs to stand in a brief: no dateline, no furniture, no leaning on the sentence
before it. Invented sentences in wire, UK, US and tabloid styles."""

from __future__ import annotations

import pytest

from briefs.drafting.lede import lede
from briefs.extract.boilerplate import is_furniture, lead_in_length, stands_alone

from .articles import REUTERS_SHARES, TABLOID_SPORT, UK_FLOOD, US_BUDGET, WIRE_FLOOD

DATELINES = [
    ("WASHINGTON (AP) — The Senate passed the bill on Tuesday.", "The Senate passed"),
    ("HANOI, Vietnam (AP) — Floods killed 12 people in the north.", "Floods killed"),
    ("LONDON, Jan 3 (Reuters) - Shares in Acme fell 3% on Friday.", "Shares in Acme"),
    ("NEW YORK, Nov. 18, 2019 /PRNewswire/ -- Acme Corp said it would buy Beta.", "Acme Corp said"),
    ("BRUSSELS — European ministers met again on Monday.", "European ministers"),
    ("Sept 12 (Reuters) - Oil prices rose for a third day.", "Oil prices"),
    ("(CNN) — A storm cut power to 40,000 homes.", "A storm cut"),
    ("NEW DELHI: The government raised fuel prices by 2%.", "The government"),
    ("FLINT, Mich., Oct. 4 (UPI) — The mayor declared an emergency.", "The mayor"),
    ("PARIS (AFP) ― Unions called a strike for Thursday.", "Unions called"),
]


@pytest.mark.parametrize(("line", "starts"), DATELINES)
def test_datelines_and_agency_tags_are_cut(line: str, starts: str) -> None:
    assert line[lead_in_length(line):].startswith(starts)


@pytest.mark.parametrize("line", [
    "The Senate passed the bill on Tuesday.", "NASA said on Monday it would delay the launch.",
    "UK inflation rose to 3% in May.", "US STOCKS-Wall St ends higher", "EU leaders meet in Brussels.",
])
def test_a_sentence_without_a_dateline_is_kept_whole(line: str) -> None:
    assert lead_in_length(line) == 0


@pytest.mark.parametrize("line", [
    "By Jane Doe and Sam Lee, Staff Writers", "Written by Ana Ruiz, MS, RD", "Photo: Getty Images",
    "2. Never urged a boycott", "— Jo Bell (@jobell) November 18, 2019", "Read more", "WATCH: the vote",
    "Reporting by Tom Archer; editing by Priya Shah",
    "Reporting by Tom Archer; Editing by Priya Shah.", "(Jo Bell/Getty Images)", "Picture: Sam Okoro.",
    "— Harbour Watch (@harbourwatch) 18 November 2019", "Related: Council votes to raise fees.",
    "© 2024 Harbour Media Group. All rights reserved.",
])
def test_furniture_is_not_a_statement(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(("sentence", "alone"), [
    ("But they have struggled to hire engineers.", False),
    ("And the council has not said when.", False),
    ("He said he pressed his team to finish.", False),
    ("This was the third flood in a decade.", False),
    ("That's a total of ten breaches.", False),
    ("However, the plan was dropped.", False),
    ("This year the council spent £4m on roads.", True),
    ("The council spent £4m on roads this year.", True),
    ("Some 40 people were taken to hospital.", True),
    ("“We lost,” he said.", False),
    ("There are now 3,000 homes behind the wall.", True),
    ("There, 40 homes were flooded.", False),
    ("While the wall cost £4m, repairs cost twice that.", True),
    ("In addition, the council bought 12 pumps.", False),
    ("He Jianxiong said exports rose 12%.", True),
])
def test_a_sentence_that_leans_on_the_one_before_does_not_stand_alone(sentence: str, alone: bool) -> None:
    assert stands_alone(sentence) is alone


@pytest.mark.parametrize(("article", "expected"), [
    (WIRE_FLOOD, "Floodwater cut off four mountain towns"),
    (UK_FLOOD, "Around 1,200 people have been forced"),
    (US_BUDGET, "The city council voted 7 to 2"),
    (REUTERS_SHARES, "Shares in chipmaker Veltron fell 14%"),
    (TABLOID_SPORT, "Danny Kerr's late double"),
])
def test_the_lede_is_the_opening_news_sentence_without_byline_or_dateline(article: str, expected: str) -> None:
    title = article.split("\n", 1)[0]
    start, end = lede(article, title=title)
    assert article[start:end].startswith(expected)
    assert article[start:end].endswith(".")


@pytest.mark.parametrize(("sentence", "alone"), [
    ("Granollers and Lopez won the doubles 6-4, 7-6.", False),
    ("Okafor said the team first saw it in July.", False),
    ("Google said it would appeal.", True),  # never named in full before: an organisation
])
def test_people_named_in_full_earlier_are_not_a_standalone_subject(sentence: str, alone: bool) -> None:
    from briefs.drafting.facts import reads_alone

    article = ("Marcel Granollers and Feliciano Lopez met Dr. Amira Okafor. " + sentence)
    assert reads_alone(sentence, article, article.index(sentence)) is alone


@pytest.mark.parametrize("line", [
    "By law, firms must report emissions above 40 tonnes.", "Download speeds rose 40% after the upgrade.",
    "Tap water prices will rise 6% in April.", "More than 1,200 people were moved on Tuesday.",
])
def test_a_sentence_that_only_looks_like_furniture_is_a_statement(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize("line", ["Get Motor Cycle Monthly delivered through your letterbox every month.",
                                  "Subscribe to our newsletter for the latest updates.", "Sign up for alerts."])
def test_a_page_talking_to_its_reader_is_not_a_fact(line: str) -> None:
    assert is_furniture(line)


def test_a_question_is_not_the_lede() -> None:
    text = ("Slogans and states\n\nRemember the state that ran a contest for a new slogan?\n\n"
            "The governor launched a new campaign on Monday to tackle a drug crisis in rural counties.\n")
    start, end = lede(text, title="Slogans and states")
    assert text[start:end].startswith("The governor launched")


def test_a_definite_noun_the_sentence_before_just_used_points_back() -> None:
    from briefs.drafting.facts import reads_alone

    article = ("The utility began a blackout for 800,000 homes on Tuesday. The planned blackout would be the "
               "third this year. The public comment period closes on December 15.")
    blackout = "The planned blackout would be the third this year."
    comment = "The public comment period closes on December 15."
    assert not reads_alone(blackout, article, article.index(blackout))
    assert reads_alone(comment, article, article.index(comment))
