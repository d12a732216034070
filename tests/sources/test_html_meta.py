"""Citation metadata from web pages: each test is one fault trafilatura's metadata has on real news pages."""

from __future__ import annotations

from briefs.model import SourceMeta
from briefs.sources.html import load_html

from .html_pages import ld, meta, page

URL = "https://www.examplepost.com/politics/hospitals-cyber-plan"


def imported(data: bytes, url: str | None = URL) -> SourceMeta:
    return load_html(data, origin="page.html", url=url).meta


def test_site_name_is_removed_from_the_title() -> None:
    data = page(
        title="Hospitals get cyber plan | The Example Post",
        h1=None,
        head=meta("og:title", "Hospitals get cyber plan - The Example Post") + meta("og:site_name", "The Example Post"),
    )
    assert imported(data).title == "Hospitals get cyber plan"


def test_site_name_before_a_colon_is_removed() -> None:
    data = page(title="Example Post: Hospitals get cyber plan", h1=None)
    assert imported(data).title == "Hospitals get cyber plan"


def test_section_and_site_after_dashes_are_removed_when_unknown_site() -> None:
    data = page(title="Hospitals get cyber plan – Politics | examplepost.com", h1=None)
    assert imported(data).title in {"Hospitals get cyber plan", "Hospitals get cyber plan – Politics"}


def test_visible_headline_beats_the_social_media_title() -> None:
    data = page(
        title="Cyber plan: what it means for you | The Example Post",
        h1="Ministers unveil £120m plan to shield hospitals from ransomware",
        head=meta("og:title", "Cyber plan: what it means for you")
        + meta("twitter:title", "Your hospital is about to get safer", "name"),
    )
    assert imported(data).title == "Ministers unveil £120m plan to shield hospitals from ransomware"


def test_logo_h1_in_the_site_header_is_not_the_headline() -> None:
    data = page(
        title="Ministers unveil hospital cyber plan - The Example Post",
        h1="Ministers unveil hospital cyber plan",
        before_article='<div class="masthead"><h1 class="site-title">The Example Post</h1></div>',
        head=meta("og:site_name", "The Example Post"),
    )
    assert imported(data).title == "Ministers unveil hospital cyber plan"


def test_account_name_is_not_an_author_and_the_byline_is_used() -> None:
    data = page(
        head=meta("author", "admin", "name"),
        byline='<div class="byline">By <a href="/author/jane-doe">Jane Doe</a></div>',
    )
    assert imported(data).author == "Jane Doe"


def test_outlet_named_as_author_gives_no_author() -> None:
    data = page(
        head=meta("og:site_name", "The Example Post")
        + meta("author", "The Example Post", "name")
        + ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "author": {"@type": "Organization", "name": "The Example Post"},
            }
        ),
    )
    assert imported(data).author is None


def test_view_all_posts_by_prefix_is_removed() -> None:
    data = page(
        byline='<span class="author-name"><a href="/a/jd" title="View all posts by Jane Doe">'
        "View all posts by Jane Doe</a></span>"
    )
    assert imported(data).author == "Jane Doe"


def test_organisation_glued_to_the_name_is_removed() -> None:
    data = page(byline='<div class="byline"><span>By Jane Doe</span><span>Reuters</span></div>')
    assert imported(data).author == "Jane Doe"
    glued = page(head=meta("author", "Jane DoeReuters", "name"))
    assert imported(glued).author == "Jane Doe"
    comma = page(head=ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Doe, Reuters"}]}))
    assert imported(comma).author == "Jane Doe"


def test_buttons_inside_the_byline_are_not_part_of_the_name() -> None:
    data = page(
        byline='<div class="byline"><a href="/a/jd">Jane Doe</a><button>Follow</button>'
        '<a class="share">Email</a><span>5 min read</span></div>'
    )
    assert imported(data).author == "Jane Doe"
    linked = page(byline='<div class="byline">By <a href="/a/jd">Jane Doe</a> <a href="/follow">Follow</a></div>')
    assert imported(linked).author == "Jane Doe"


def test_several_authors_are_all_kept_in_order() -> None:
    data = page(
        head=ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
            }
        )
    )
    assert imported(data).author == "Jane Doe; John Roe"
    byline = page(byline='<p class="byline">By Jane Doe and John Roe in London</p>')
    assert imported(byline).author == "Jane Doe; John Roe"


def test_handle_and_role_are_not_names() -> None:
    data = page(
        head=meta("twitter:creator", "@janedoe", "name"),
        byline='<div class="article-author">BY JANE DOE, SENIOR CORRESPONDENT</div>',
    )
    assert imported(data).author == "Jane Doe"


def test_wire_story_keeps_the_agency_when_no_person_is_named() -> None:
    data = page(
        head=meta("og:site_name", "The Example Post"),
        byline='<div class="byline">By Associated Press</div>',
    )
    assert imported(data).author == "Associated Press"


def test_article_date_beats_the_date_in_the_url() -> None:
    data = page(head=meta("article:published_time", "2024-03-05T09:12:00+00:00"))
    url = "https://www.examplepost.com/2023/01/02/hospitals-cyber-plan"
    assert imported(data, url=url).published == "2024-03-05"


def test_published_date_is_the_day_in_the_page_time_zone() -> None:
    data = page(
        head=ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "datePublished": "2024-03-05T23:30:00-05:00",
                "dateModified": "2024-03-07T10:00:00Z",
            }
        )
    )
    assert imported(data).published == "2024-03-05"


def test_fact_check_date_is_the_review_not_the_claim() -> None:
    # The claim comes first in the markup, as on many fact-check sites.
    review = {
        "@type": "ClaimReview",
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": "2023-11-01",
            "author": {"@type": "Person", "name": "Sam Poster"},
        },
        "datePublished": "2024-02-10",
        "url": URL,
        "claimReviewed": "Hospitals paid 1 billion pounds in ransoms last year",
        "author": {"@type": "Organization", "name": "The Example Post"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }
    data = page(head=ld(review), byline='<p class="byline">By Jane Doe</p>')
    got = imported(data)
    assert got.published == "2024-02-10"
    assert got.author == "Jane Doe"


def test_copyright_year_is_not_a_publication_date() -> None:
    assert imported(page()).published is None


def test_outlet_from_json_ld_publisher_not_the_bare_domain() -> None:
    data = page(
        head=ld(
            {
                "@type": "NewsArticle",
                "headline": "Hospitals get cyber plan",
                "publisher": {"@type": "NewsMediaOrganization", "name": "The Example Post"},
            }
        )
    )
    assert imported(data).publication == "The Example Post"


def test_outlet_from_the_title_suffix_that_names_the_domain() -> None:
    data = page(title="Hospitals get cyber plan | Example Post", h1=None)
    assert imported(data).publication == "Example Post"


def test_outlet_from_the_domain_is_the_last_resort_and_well_formed() -> None:
    data = page(title="Hospitals get cyber plan")
    assert imported(data, url="https://www.regional-herald.co.uk/news/1234").publication == "Regional Herald"
    assert imported(data, url="https://abc.net.au/news/1234").publication == "ABC"


def test_full_news_page_gets_every_field() -> None:
    head = (
        meta("og:title", "Hospitals to get new cyber shield")
        + meta("og:site_name", "The Example Post")
        + meta("author", "admin", "name")
        + ld(
            {
                "@type": "NewsArticle",
                "headline": "Ministers unveil cyber plan for hospitals",
                "datePublished": "2024-03-05T08:00:00Z",
                "author": [{"@type": "Person", "name": "Jane Doe"}],
                "publisher": {"@type": "Organization", "name": "The Example Post"},
            }
        )
    )
    data = page(
        title="Ministers unveil cyber plan for hospitals | The Example Post",
        h1="Ministers unveil cyber plan for hospitals",
        head=head,
        lang="en-GB",
        byline='<div class="byline">By <a rel="author" href="/a/jd">Jane Doe</a><span>Reuters</span></div>',
    )
    got = imported(data)
    assert got == SourceMeta(
        title="Ministers unveil cyber plan for hospitals",
        author="Jane Doe",
        publication="The Example Post",
        published="2024-03-05",
        url=URL,
        language="en",
    )


def test_odd_json_ld_shapes_do_not_break_the_import() -> None:
    odd = [
        '{"@graph": {"@type": ["NewsArticle"], "headline": ["Hospitals get cyber plan"], '
        '"author": {"name": ["x"], "givenName": "Jane", "familyName": "Doe"}, "datePublished": ["2024-03-05"]}}',
        '[{"@type": "NewsArticle", "author": "Jane Doe", "publisher": [{"name": 5}], "datePublished": 20240305}]',
        '{"@type": "NewsArticle", "author": [null, 3, "Jane Doe"], "publisher": "The Example Post",}',
        "<!-- {broken json -->",
        '"just a string"',
    ]
    for raw in odd:
        data = page(head=f'<script type="application/ld+json">{raw}</script>')
        got = imported(data)
        assert got.title == "Hospitals get cyber plan"
        assert got.author in {"Jane Doe", None}
