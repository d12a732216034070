"""Citation metadata rules from issue 12, each on a small invented page: outlet, date, author, title."""

from __future__ import annotations

import pytest

from briefs.model import SourceMeta
from briefs.sources.html import load_html

from .html_pages import PARAGRAPHS, ld, meta, page

URL = "https://www.northfieldledger.com/politics/harbour-plan"


def imported(data: bytes, url: str | None = URL) -> SourceMeta:
    return load_html(data, origin="page.html", url=url).meta


# ------------------------------------------------------------------------------------------ outlet
@pytest.mark.parametrize(
    "site_name",
    [
        "Northfield Ledger | News you can trust",
        "Northfield Ledger - Local news for the valley",
        "Northfield Ledger | NorthfieldLedger.com",
    ],
)
def test_site_name_with_a_tagline_keeps_the_brand(site_name: str) -> None:
    data = page(title="Harbour plan approved", head=meta("og:site_name", site_name))
    assert imported(data).publication == "Northfield Ledger"


def test_the_spaced_spelling_beats_the_squashed_one() -> None:
    data = page(
        title="Harbour plan approved | The Ledger",
        h1="Harbour plan approved",
        head=meta("og:site_name", "TheLedger")
        + ld(
            {
                "@type": "NewsArticle",
                "headline": "Harbour plan approved",
                "publisher": {"@type": "Organization", "name": "The Ledger"},
            }
        ),
    )
    assert imported(data, url="https://theledger.com/news/1").publication == "The Ledger"


def test_the_punctuated_spelling_beats_the_bare_one() -> None:
    data = page(
        title="Harbour plan approved - Harrow's", h1="Harbour plan approved", head=meta("og:site_name", "Harrows")
    )
    assert imported(data, url="https://www.harrows.com/articles/1").publication == "Harrow's"


def test_a_domain_style_name_is_split_into_words() -> None:
    data = page(title="Harbour plan approved", head=meta("og:site_name", "NBXSports.com"))
    assert imported(data, url="https://www.nbxsports.com/news/1").publication == "NBX Sports"


def test_an_initialism_gives_way_to_the_name_it_stands_for() -> None:
    data = page(
        title="Harbour plan approved - NVL",
        h1="Harbour plan approved",
        head=meta("og:site_name", "NVL")
        + ld(
            {
                "@type": "NewsArticle",
                "headline": "Harbour plan approved",
                "publisher": {"@type": "Organization", "name": "Northern Valley Ledger"},
            }
        ),
    )
    assert imported(data, url="https://www.nvl.com/articles/1").publication == "Northern Valley Ledger"


def test_the_logo_names_the_site_when_nothing_else_does() -> None:
    data = page(
        title="Harbour plan approved",
        before_article='<div class="brand"><img class="site-logo" src="/l.png" alt="Harbour Gazette logo"></div>',
    )
    assert imported(data, url=None).publication == "Harbour Gazette"


def test_an_edition_suffix_is_not_part_of_the_outlet() -> None:
    data = page(title="Harbour plan approved", head=meta("og:site_name", "The Quarter Deal New York"))
    assert imported(data, url="https://therealquarter.com/ny/1").publication == "The Quarter Deal"


@pytest.mark.parametrize(
    "site_name", ["Northfield Ledger Deutschland", "Northfield Ledger España", "Northfield Ledger_"]
)
def test_a_country_edition_or_a_stray_mark_is_not_part_of_the_outlet(site_name: str) -> None:
    data = page(title="Harbour plan approved", head=meta("og:site_name", site_name))
    assert imported(data).publication == "Northfield Ledger"


def test_a_wire_story_hosted_by_the_agency_cites_the_agency() -> None:
    data = page(
        title="Harbour plan approved | Hosted",
        head=meta("og:site_name", "Hosted"),
        byline="<p>By JANE DOE and OMAR HADDAD Associated Press</p>",
    )
    got = imported(data, url="https://hosted.ap.org/partnerpaper/article/abc123/harbour-plan")
    assert got.publication == "Associated Press"
    assert got.author == "Jane Doe; Omar Haddad"


# -------------------------------------------------------------------------------------------- date
def test_a_utc_timestamp_a_day_ahead_yields_to_the_date_the_byline_shows() -> None:
    data = page(
        head=meta("article:published_time", "2024-03-05T02:30:00Z"),
        byline='<div class="byline">By Jane Doe <time>March 4, 2024 9:30 pm ET</time></div>',
    )
    assert imported(data).published == "2024-03-04"


def test_a_utc_timestamp_a_day_off_the_url_date_yields_to_it() -> None:
    data = page(head=meta("article:published_time", "2024-03-05T01:00:00+00:00"))
    assert imported(data, url="https://www.northfieldledger.com/2024/03/04/harbour-plan/").published == "2024-03-04"


def test_a_later_update_shown_in_the_byline_does_not_move_the_date() -> None:
    data = page(
        head=meta("article:published_time", "2024-03-04T10:00:00Z"),
        byline='<div class="byline">By Jane Doe · Updated March 5, 2024</div>',
    )
    assert imported(data).published == "2024-03-04"


def test_published_equal_to_modified_yields_to_an_earlier_header_time() -> None:
    stamp = "2024-05-10T08:00:00+01:00"
    data = page(
        head=ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "datePublished": stamp,
                "dateModified": stamp,
            }
        ),
        byline='<p class="meta">By Jane Doe <time datetime="2024-05-02T09:00:00+01:00">2 May 2024</time></p>',
    )
    assert imported(data).published == "2024-05-02"


def test_a_url_date_with_a_month_name() -> None:
    data = page()
    assert (
        imported(data, url="https://www.northfieldledger.com/world/2019/nov/18/harbour-plan").published == "2019-11-18"
    )


def test_the_date_in_the_byline_beats_a_date_in_the_body() -> None:
    body = [*PARAGRAPHS[:2], "The claim first appeared on 3 January 2021 on a forum.", *PARAGRAPHS[2:]]
    data = page(byline='<div class="byline">By Jane Doe, 12 June 2023</div>', paragraphs=body)
    assert imported(data, url="https://www.northfieldledger.com/fact-check/harbour-claim").published == "2023-06-12"


# ------------------------------------------------------------------------------------------ author
def test_a_by_line_after_the_headline_whatever_its_class() -> None:
    data = page(byline='<p class="meta-line">By Jane Doe, Omar Haddad on March 3, 2024</p>')
    assert imported(data).author == "Jane Doe; Omar Haddad"


def test_written_by_with_credentials_and_a_date() -> None:
    data = page(byline='<p class="post-info">Written by Jane Doe, MS, RD on March 3, 2024</p>')
    assert imported(data).author == "Jane Doe"


def test_names_on_related_article_cards_are_not_authors() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    cards = "".join(
        f'<li class="card"><a href="/{i}">Story {i}</a><span class="byline">By {n}</span></li>'
        for i, n in enumerate(["Tom Ellery", "Mei Chen"])
    )
    html = (
        "<html><head><title>Hospitals get cyber plan</title></head><body><main><article>"
        '<h1>Hospitals get cyber plan</h1><div class="byline">By Priya Raman</div>'
        f'<div class="body">{body}</div><ul class="more">{cards}</ul></article></main></body></html>'
    )
    assert imported(html.encode()).author == "Priya Raman"


def test_a_section_brand_after_the_name_is_dropped() -> None:
    data = page(byline='<div class="byline">By Jane Doe, Ledger Business</div>')
    assert imported(data).author == "Jane Doe"


def test_co_authors_in_separate_elements_and_a_role_after_them() -> None:
    data = page(
        byline='<div class="byline"><a>Jane Doe</a> and <a>Omar Haddad</a><span>Valley Courier staff</span></div>'
    )
    assert imported(data).author == "Jane Doe; Omar Haddad"


def test_a_byline_listing_more_people_than_the_markup_wins() -> None:
    data = page(
        head=ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "author": {"@type": "Person", "name": "Jane Doe"},
            }
        ),
        byline='<div class="byline">By Jane Doe, Omar Haddad, Mei Chen</div>',
    )
    assert imported(data).author == "Jane Doe; Omar Haddad; Mei Chen"


@pytest.mark.parametrize("name", ["Sean Martin", "Kate Mayer", "Ann Friedman", "Tom Novak", "Jane Sun", "Theresa May"])
def test_a_surname_that_starts_like_a_month_or_a_weekday_stays_whole(name: str) -> None:
    data = page(byline=f'<div class="byline">By {name} <time datetime="2024-03-03">March 3, 2024</time></div>')
    assert imported(data).author == name


def test_a_hidden_copy_of_the_byline_and_a_published_label_are_not_names() -> None:
    byline = (
        '<div class="publish-info"><div class="author">By <a href="/j/1"><span>Sean Martin</span></a> '
        '<a href="" rel="author" style="display: none">Sean Martin</a></div>'
        '<div class="dates">PUBLISHED: 00:01, Tue, Mar 3, 2024</div></div>'
    )
    data = page(byline=byline)
    assert imported(data).author == "Sean Martin"


def test_a_wire_agency_is_the_author_when_the_byline_is_the_agency() -> None:
    data = page(byline='<div class="byline">Reuters</div>')
    assert imported(data).author == "Reuters"


# ------------------------------------------------------------------------------------------- title
def test_a_title_the_page_escaped_twice_reads_as_the_headline() -> None:
    data = page(title="Harbour plan approved &amp;#8211; what it means", h1=None)
    assert imported(data).title == "Harbour plan approved \u2013 what it means"


@pytest.mark.parametrize("label", ["Column: ", "BREAKING NEWS: ", "WATCH: ", "Opinion: ", "Opinion | "])
def test_a_label_before_the_headline_goes(label: str) -> None:
    headline = "Ministers unveil plan to shield hospitals"
    data = page(title=f"{label}{headline}", h1=f"{label}{headline}")
    assert imported(data).title == headline


def test_a_rubric_above_the_headline_in_the_same_h1_is_not_part_of_it() -> None:
    h1 = '<span class="rubric">Open Ledger</span><br/><span itemprop="headline">Why councils share their data</span>'
    data = page(title="Open Ledger - Why councils share their data | Northfield Ledger", h1=h1)
    assert imported(data).title == "Why councils share their data"


def test_a_line_break_inside_the_headline_reads_as_a_space() -> None:
    data = page(title="Harbour plan approved after long fight", h1="Harbour plan approved<br>after long fight")
    assert imported(data).title == "Harbour plan approved after long fight"


def test_an_h1_that_links_to_another_site_is_that_story_not_this_one() -> None:
    # An aggregator's page: its one h1 is a card for a story elsewhere; its head names its own story.
    card = '<a href="https://www.othersite.example/2024/03/ferry-strike">Ferry workers vote to strike</a>'
    data = page(
        title="Early reviews of the harbour plan are not kind - Ledger Digest",
        head='<link rel="canonical" href="https://www.ledgerdigest.example/2024/harbour-reviews">'
        + meta("og:title", "Early reviews of the harbour plan are not kind - Ledger Digest"),
        h1=card,
    )
    assert imported(data).title == "Early reviews of the harbour plan are not kind"


def test_the_outlets_camel_case_name_in_a_byline_is_not_glued_to_the_author() -> None:
    # "NorthfieldLedger" is the site's name, not "Northfield" ending Jane Doe's name and "Ledger Staff".
    data = page(byline='<div class="byline">By Jane Doe NorthfieldLedger Staff</div>')
    assert imported(data).author == "Jane Doe"


def test_the_author_tag_naming_a_co_author_the_markup_left_out_adds_them() -> None:
    data = page(
        head=meta("author", "Jane Doe, Omar Haddad")
        + ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "author": {"@type": "Person", "name": "Jane Doe"},
            }
        ),
    )
    assert imported(data).author == "Jane Doe; Omar Haddad"


def test_an_author_who_shares_a_plain_word_with_the_outlets_name_keeps_it() -> None:
    data = page(
        head=meta("og:site_name", "Hill"), byline='<div class="byline">By Jane Hill</div>'
    )
    assert load_html(data, origin="page.html", url="https://www.hill.example/politics/a").meta.author == "Jane Hill"
