"""Facts a reader is offered: never a page's furniture, and never a sentence that leans on the one before
ahead of one that stands alone. Invented sentences in UK, US, wire and tabloid styles."""

from __future__ import annotations

import pytest

from briefs.extract import analyse

# A sentence that is a fact on its own: the furniture lines below sit beside it in each article.
FACT = "The county spent $4.2 million on flood defences in 2023, up 18% on the year before."


def _facts(text: str) -> list[str]:
    return [f.text for f in analyse(text).facts]


FURNITURE = {
    "numbered subhead": "2. Never urged the council to cut 40 jobs",
    "numbered subhead with a full stop": "3. Spent $5 million on a bridge.",
    "tweet sign-off": "— Jo Bell (@jobell_news) November 18, 2019",
    "tweet sign-off, UK date": "— Harbour Watch (@harbourwatch) 18 November 2019",
    "byline with role": "By Jo Bell, Political Editor, 4 March 2024.",
    "byline with date and time": "By Sam Okoro and Lee Park, Staff Writers, May 4, 2024 2:30 pm",
    "photo credit": "Photo: Jo Bell/Agency, 12 March 2024.",
    "picture credit": "Picture: Sam Okoro for the 2024 appeal.",
    "caption with bracketed credit": "Volunteers fill 3,000 sandbags in Upton on Tuesday (Jo Bell/Getty Images).",
    "caption with agency photo credit": "A crane lifts the 40-tonne gate into place (AP Photo/Sam Okoro).",
    "wire credit": "Reporting by Tom Archer in 2024; Editing by Priya Shah.",
    "wire credit in brackets": "(Additional reporting by Lee Park; editing by 3 desks.)",
    "read more": "Read more: Flood bill tops $3 million for the third year.",
    "sign up": "Sign up for our 7am briefing, sent to 40,000 readers every weekday.",
    "click here": "Click here to see all 25 photos from the night.",
    "related link": "Related: Council votes 7-2 to raise parking fees by 10%.",
    "newsletter offer": "Our free weekly newsletter brings the 5 biggest stories to your inbox.",
    "copyright line": "© 2024 Harbour Media Group. All rights reserved.",
    "headline-like line": "Council approves $41 million harbour plan after 3-hour debate",
    "stamp line": "Updated: 4 March 2024 at 10:15 GMT.",
}


@pytest.mark.parametrize("line", FURNITURE.values(), ids=FURNITURE.keys())
def test_a_page_furniture_line_is_not_among_the_suggested_facts(line: str) -> None:
    text = f"{FACT}\n\n{line}\n\nResidents said the water rose 2 metres in 40 minutes on Monday night.\n"
    facts = _facts(text)
    assert FACT in facts  # the article's facts are still offered
    assert not any(line.strip(" .") in fact or fact in line for fact in facts)


def test_a_quoted_tweet_and_its_sign_off_are_not_facts() -> None:
    text = (
        f"{FACT}\n\n"
        "The harbour gate closed 2 hours early tonight, 40 boats stuck outside https://t.co/abc123\n\n"
        "— Harbour Watch (@harbourwatch) November 18, 2019\n"
    )
    facts = _facts(text)
    assert facts == [FACT]


@pytest.mark.parametrize(
    ("line", "fact"),
    [
        ("LONDON (Reuters) - Shares in Acme fell 14% on Friday after a profit warning.", "Shares in Acme"),
        ("WASHINGTON (AP) — The Senate passed the $2 billion bill on Tuesday, 52 to 48.", "The Senate passed"),
        ("LONDON, Jan 3 (Reuters) - Oil prices rose 2% for a third day.", "Oil prices rose"),
        ("MANCHESTER — Police arrested 14 people after the derby on Saturday.", "Police arrested"),
    ],
)
def test_a_dateline_is_cut_from_the_fact_it_opens(line: str, fact: str) -> None:
    facts = analyse(line + "\n").facts
    assert [f.text[: len(fact)] for f in facts] == [fact]
    assert line[facts[0].start : facts[0].end] == facts[0].text  # offsets still point at the fact


def test_a_dateline_alone_on_its_line_is_not_a_fact() -> None:
    text = "LONDON, Jan 3 (Reuters) -\n\n" + FACT + "\n"
    assert _facts(text) == [FACT]


def test_a_dateline_date_is_not_what_makes_a_sentence_a_fact() -> None:
    # The only signal is the dateline's date: cut, the sentence has nothing left to offer.
    assert analyse("LONDON, Jan 3 (Reuters) - The talks will resume after the holiday break.\n").facts == []


LEANING = [
    "But he said the county spent $4.2 million on defences in 2023.",
    "And the county spent $4.2 million on defences in 2023.",
    "So the county spent $4.2 million on defences in 2023.",
    "Yet the county spent $4.2 million on defences in 2023.",
    "However, the county spent $4.2 million on defences in 2023.",
    "He said the county spent $4.2 million on defences in 2023.",
    "She said the county spent $4.2 million on defences in 2023.",
    "They spent $4.2 million on defences in 2023, the county said.",
    "It spent $4.2 million on defences in 2023, the county said.",
    "This cost the county $4.2 million in 2023.",
    "That took spending to $4.2 million in 2023.",
    "These defences cost the county $4.2 million in 2023.",
    "Those defences cost the county $4.2 million in 2023.",
]


@pytest.mark.parametrize("leaning", LEANING)
def test_a_fact_that_leans_on_the_sentence_before_ranks_below_one_that_stands_alone(leaning: str) -> None:
    # The leaning sentence comes first and carries more signals; the one that stands alone still leads.
    alone = "Flood claims in the county rose in 2023."
    text = f"Storm season\n\n{leaning} It was 18% more than in 2022.\n\n{alone}\n"
    facts = _facts(text)
    assert leaning in facts and alone in facts
    assert facts.index(alone) < facts.index(leaning)


@pytest.mark.parametrize(
    "sentence",
    [
        "This year the county spent $4.2 million on flood defences.",
        "There are now 3,000 homes behind the new wall, the county said.",
        "He Jianxiong, a trade adviser, said exports rose 12% in 2023.",
        "Those living near the river pay 40% more for insurance than in 2020.",
        "In addition to the wall, the county bought 12 pumps for $300,000.",
        "While the wall cost $4.2 million, repairs after the 2020 floods cost twice that.",
    ],
)
def test_an_opening_that_names_its_subject_is_not_ranked_down(sentence: str) -> None:
    plain = "Flood claims in the county rose in 2023."
    facts = _facts(f"{plain}\n\n{sentence}\n")
    assert facts.index(sentence) < facts.index(plain)  # more signals, and it stands alone


def test_a_sentence_that_only_looks_like_furniture_is_still_a_fact() -> None:
    lines = [
        "By law, firms must report emissions above 40 tonnes a year.",
        "By 2030 the county expects 5,000 more homes on the coast.",
        "Download speeds rose 40% after the upgrade, the regulator said.",
        "Tap water prices will rise 6% in April, the utility said.",
        "Subscribers to the service rose 12% to 3 million last year.",
        "Click-through rates fell 8% in 2023, the study found.",
        "More than 1,200 people were moved from their homes on Tuesday.",
    ]
    facts = _facts("\n\n".join(lines) + "\n")
    assert sorted(facts) == sorted(lines)
