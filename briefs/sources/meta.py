"""Citation metadata for a web page: title, author, date and outlet, cleaned.

trafilatura finds metadata on almost any page, but what it returns is often not what a citation needs:
the site name left in the title, a social-media title instead of the visible headline, an account name
or the outlet as author, a date read from the URL or from the claim a fact-check reviews, a bare domain
as outlet. News sites mark up the facts a citation needs in a few well-known places (JSON-LD
NewsArticle, OpenGraph and article: meta tags, itemprop, rel=author, byline classes), so this module
reads those from the parsed page once and decides each field, falling back to trafilatura's value,
cleaned the same way, when the page marks nothing up.

Everything here reads an lxml tree the caller has already parsed: the page is parsed only once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# schema.org types whose `headline`, `author` and `datePublished` describe the article on the page.
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "techarticle",
    "report",
    "scholarlyarticle",
    "satiricalarticle",
    "socialmediaposting",
}
# A fact-check page describes itself as a ClaimReview; its `itemReviewed` is the claim, whose date is
# not the article's.
REVIEW_TYPES = {"claimreview"}
ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "website", "onlinebusiness"}

# Wire services and words that mark an organisation rather than a person in a byline.
AGENCIES = {
    "reuters",
    "associated press",
    "the associated press",
    "ap",
    "afp",
    "agence france-presse",
    "agence france presse",
    "bloomberg",
    "bloomberg news",
    "pa media",
    "press association",
    "the canadian press",
    "dpa",
    "upi",
    "efe",
    "ansa",
    "xinhua",
    "kyodo",
    "aap",
    "cnn",
    "bbc",
    "bbc news",
    "npr",
}
ORG_WORDS = {
    "news",
    "press",
    "media",
    "agency",
    "agencies",
    "staff",
    "team",
    "desk",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "network",
    "editorial",
    "editors",
    "newsroom",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "contributor",
    "contributors",
    "service",
    "services",
    "daily",
    "weekly",
    "magazine",
    "radio",
    "tv",
    "television",
    "online",
    "digital",
    "group",
    "inc",
    "ltd",
    "llc",
    "company",
    "wire",
    "wires",
    "report",
    "bureau",
    "board",
    "office",
    "channel",
}
# Account names that content systems put where a person's name belongs.
ACCOUNT_NAMES = {
    "admin",
    "administrator",
    "editor",
    "editors",
    "webmaster",
    "webadmin",
    "user",
    "guest",
    "anonymous",
    "unknown",
    "staff",
    "author",
    "root",
    "system",
    "newsroom",
    "web team",
    "web desk",
    "online desk",
    "news desk",
    "digital desk",
    "site admin",
    "wpadmin",
    "wordpress",
    "content team",
}
# Lower-case words that belong inside a person's name.
NAME_PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "den",
    "van",
    "von",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "di",
    "bin",
    "bint",
    "al",
    "el",
    "ibn",
    "y",
    "e",
    "ter",
    "ten",
    "st.",
}

_SPACE = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:view|see|read|more)\s+(?:all\s+)?(?:posts|articles|stories|content)?\s*(?:from|by)"
    r"|(?:written|posted|published|story|reported|reporting|words|text|article|report|interview|analysis)"
    r"(?:\s+and\s+\w+)?\s+by"
    r"|by|authors?|about\s+the\s+author|contributors?|von|par|por|door|di)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_WEEKDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_SHORT = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_WEEKDAY_END = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri)"  # alone at a byline's end ("Sat", "Sun" are names)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# What follows a name in a byline: a place, a date, a role, an e-mail address.
_BYLINE_TAIL = re.compile(
    r"\s+(?:in|for|at|from|on|reporting\s+from|updated|published|posted|last\s+updated)\s+\S.*$"
    r"|\s+(?:updated|published|posted|last\s+updated)\s*:?\s*$"
    r"|\s*(?:\||•|·|—|–|-)\s+.*$"
    r"|\s+\S+@\S+.*$"
    r"|\s+\d.*$"
    # A date or a weekday after the name: "Jane Doe Nov 13, 2019", "Jane Doe Monday, November 18". Whole
    # words only, and a short form only before a date: Martin, Friedman, Mayer and Sun are names.
    rf"|\s+(?:{_WEEKDAY_FULL}\b|{_WEEKDAY_SHORT}\b\.?(?=,|\s+(?:{_MONTH}\b|\d))|{_WEEKDAY_END}\.?$)[.,]?(?:\s.*)?$"
    rf"|\s+{_MONTH}\b\.?\s+\d{{1,2}}\b.*$"
    r"|\s+(?:january|february|april|september|october|november|december|jan|feb|apr|aug|sept?|oct|nov|dec)"
    r"\.?,?\s*$",
    re.IGNORECASE,
)
# Words that end a section's name ("CNN Business", "Example Sport"): a byline piece ending in one is the
# outlet's section, not a person.
SECTION_WORDS = {
    "business",
    "politics",
    "sport",
    "sports",
    "tech",
    "technology",
    "health",
    "entertainment",
    "opinion",
    "markets",
    "lifestyle",
    "culture",
    "science",
    "money",
    "travel",
    "weather",
    "world",
    "investigates",
    "wellness",
    "football",
    "motoring",
    "finance",
    "economy",
    "climate",
    "style",
    "food",
    "books",
    "arts",
}
# Degrees and credentials after a name: "Jane Doe, MS, RD".
CREDENTIALS = {
    "md",
    "ms",
    "msc",
    "ma",
    "mba",
    "mph",
    "phd",
    "rd",
    "rdn",
    "rn",
    "dr",
    "do",
    "dds",
    "cpt",
    "cfp",
    "cpa",
    "jd",
    "ba",
    "bsc",
    "bs",
    "lcsw",
    "np",
    "pa",
    "ld",
    "cdn",
    "cscs",
    "facs",
    "frcp",
    "esq",
}
_NAME_SPLIT = re.compile(
    r"\s*(?:;|,|\s&\s|\sand\s|\sund\s|\set\s|\sy\s(?=[A-Z])|\n|/|\||(?<=[a-z]{2})\.\s+(?=[A-Z]))\s*", re.IGNORECASE
)
# "Jane DoeReuters": two names whose text nodes were joined without a space. A lower-case letter
# followed by an upper-case one inside a word is that join, except in prefixes like Mc/Mac/De/O'.
_GLUED = re.compile(
    r"(?<=[a-zà-ÿ]{2})(?<!\bMc)(?<!\bMac)(?<!\bDe)(?<!\bLa)(?<!\bLe)(?<!\bDi)(?<!\bDa)(?=[A-Z][a-zà-ÿ])"
)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " // ", " ~ ", " • ")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_DATE_WORDS_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DATE_WORDS_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_TWO_PART_SUFFIXES = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}
_HOST_PREFIXES = {"www", "m", "amp", "mobile", "edition", "news", "en", "uk", "us", "eu", "beta"}

DATE_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "citation_publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
    "datepublished",
)
AUTHOR_META_NAMES = (
    "author",
    "article:author",
    "og:article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "citation_author",
    "twitter:creator",
)
SITE_META_NAMES = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")


def norm(text: str) -> str:
    """Letters and digits only, lower case: for comparing names written in different ways."""
    return _NON_ALNUM.sub("", text.lower())


def squash(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass
class PageSignals:
    """What the page itself says about the article, read once from its tree."""

    title_tag: str = ""
    h1: list[tuple[str, bool]] = field(default_factory=list)  # (text, looks like the article's headline)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    ld_articles: list[dict[str, Any]] = field(default_factory=list)
    ld_reviews: list[dict[str, Any]] = field(default_factory=list)
    ld_orgs: list[str] = field(default_factory=list)
    bylines: list[list[str]] = field(default_factory=list)  # text chunks of each byline element
    itemprop_dates: list[str] = field(default_factory=list)
    lang: str = ""
    canonical: str = ""
    byline_times: list[str] = field(default_factory=list)  # shown text of <time> elements in bylines
    tree: HtmlElement | None = None
    headline: HtmlElement | None = None
    _header: tuple[str, list[tuple[str, str]]] | None = None

    def _read_header(self) -> tuple[str, list[tuple[str, str]]]:
        # Read on first use only: most pages are decided without it, and walking elements in Python is
        # what import time is made of.
        if self._header is None:
            times: list[tuple[str, str]] = []
            text = _text_after(self.headline, times) if self.headline is not None else ""
            self._header = (text, times)
        return self._header

    @property
    def header_text(self) -> str:
        """The text that follows the headline: standfirst, byline, dateline."""
        return self._read_header()[0]

    @property
    def header_times(self) -> list[tuple[str, str]]:
        """The <time> elements after the headline: (datetime attribute, shown text)."""
        return self._read_header()[1]

    def first_meta(self, *names: str) -> str:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return squash(value)
        return ""


# ------------------------------------------------------------------------------------------- reading
_SIGNAL_TAGS = {"title", "meta", "h1", "link", "script"}


def read_signals(tree: HtmlElement) -> PageSignals:
    """Collect metadata candidates from the page.

    Head tags and h1s are found by lxml's tag filter (in C). Bylines are looked for only around the
    headline (its article or main element, or the few levels above it): that is where the article's own
    byline sits, and it leaves out comment authors and "more from" boxes. It also keeps this pass, which
    is all Briefs adds to trafilatura's time, small: creating a Python proxy for each element of a whole
    page costs more than the rest of the metadata work together.
    """
    signals = PageSignals()
    root = tree.getroottree().getroot()
    signals.lang = squash(root.get("lang") or root.get("xml:lang") or "")
    headlines: list[HtmlElement] = []
    for el in tree.iter(*_SIGNAL_TAGS):
        if el.tag != "h1":
            _read_head_element(el, el.tag, signals)
            continue
        text = _h1_text(el)
        if text:
            headline = _is_headline_h1(el) and not _links_away(el, signals)
            signals.h1.append((text, headline))
            if headline:
                headlines.append(el)
    signals.tree = tree
    if headlines:
        signals.headline = headlines[0]
    scopes = _byline_scopes(tree, headlines)
    bylines: set[HtmlElement] = set()
    for scope in scopes:
        for el in scope.iter():
            tag = el.tag
            if type(tag) is not str or tag in _SIGNAL_TAGS:  # comments, processing instructions, head tags
                continue
            itemprop = el.get("itemprop")
            if itemprop:
                itemprop = itemprop.lower()
                if itemprop == "datepublished":
                    value = el.get("content") or el.get("datetime") or squash(el.text_content())
                    if value:
                        signals.itemprop_dates.append(value)
                    continue
            marks = el.get("class")
            ident = el.get("id")
            if not (
                itemprop == "author"
                or el.get("rel") == "author"
                or (marks and ("author" in marks or "byline" in marks))
                or (ident and ("author" in ident or "byline" in ident))
            ):
                continue
            if _is_byline(el, itemprop or "") and not any(a in bylines for a in el.iterancestors()):
                bylines.add(el)
                text = _byline_text(el, signals.byline_times)
                if text:
                    signals.bylines.append(text)
    return signals


_BLOCKS = {
    "p",
    "div",
    "section",
    "header",
    "ul",
    "ol",
    "li",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "aside",
    "address",
    "blockquote",
    "table",
    "footer",
}
_NOT_SHOWN = {"script", "style", "noscript", "svg", "button", "select", "option", "template"}


def _text_after(h1: HtmlElement, times: list[tuple[str, str]], limit: int = 400) -> str:
    """The text a reader sees after the headline, up to `limit` characters: where bylines and
    datelines sit whatever their markup. Walks the headline's following siblings, then its parents';
    the <time> elements met on the way go to `times`."""
    parts: list[str] = []
    size = 0
    node = h1
    for _ in range(4):
        if node.tail and node is not h1:
            parts.append(node.tail)
        for sib in node.itersiblings():
            if size >= limit:
                break
            if isinstance(sib.tag, str) and sib.tag not in _NOT_SHOWN:
                for piece in _shown_text(sib, times):
                    parts.append(piece)
                    size += len(piece.strip())
                    if size >= limit:
                        break
                if sib.tag in _BLOCKS:
                    # A byline paragraph ends where the next block starts: a "By ..." line must not run
                    # on into the article.
                    parts.append(" | ")
            if sib.tail:
                parts.append(sib.tail)
                size += len(sib.tail.strip())
        node = node.getparent()
        if size >= limit or node is None or node.tag in {"body", "html"}:
            break
    return squash(" ".join(parts))[:limit]


def _shown_text(node: HtmlElement, times: list[tuple[str, str]]) -> Iterator[str]:
    if node.tag == "time":
        times.append((node.get("datetime") or "", squash(node.text_content())))
    if node.text:
        yield node.text
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _NOT_SHOWN:
            yield from _shown_text(child, times)
        if child.tail:
            yield child.tail


def _byline_scopes(tree: HtmlElement, headlines: list[HtmlElement]) -> list[HtmlElement]:
    scopes: list[HtmlElement] = []
    for h1 in headlines[:2]:
        scope = h1
        for depth, anc in enumerate(h1.iterancestors()):
            if anc.tag in {"body", "html"}:
                break
            scope = anc
            if anc.tag in {"article", "main"} or depth >= 3:
                break
        scopes.append(scope)
    if not scopes:
        for tag in ("article", "main", "body"):
            found = next(tree.iter(tag), None)
            if found is not None:
                scopes.append(found)
                break
    # Drop a scope inside another one: its elements would be read twice.
    return [s for s in scopes if not any(o is not s and s in set(o.iterancestors()) for o in scopes)] or scopes


def _read_head_element(el: HtmlElement, tag: str, signals: PageSignals) -> None:
    if tag == "meta":
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content:
            signals.meta.setdefault(key.strip().lower(), []).append(content)
    elif tag == "title":
        if not signals.title_tag:
            signals.title_tag = squash(el.text_content())
    elif tag == "link":
        if el.get("rel") == "canonical" and not signals.canonical:
            signals.canonical = el.get("href") or ""
    elif tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
        _read_json_ld(el.text or "", signals)


def _h1_text(el: HtmlElement) -> str:
    """The headline as read: the part marked as the headline when a rubric shares the h1 (`<span>Open
    Progress</span><br><span itemprop="headline">Why ...</span>`), and a line break read as a space."""
    marked = el.find('.//*[@itemprop="headline"]')
    if marked is not None:
        text = squash(marked.text_content())
        if text:
            return text
    if el.find(".//br") is None:
        return squash(el.text_content())
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "br":
                parts.append(" ")
            elif isinstance(child.tag, str) and child.tag not in _NOT_SHOWN:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return squash("".join(parts))


def _links_away(el: HtmlElement, signals: PageSignals) -> bool:
    """An h1 that is wholly a link to another site's page is that story's headline (an aggregator's card
    for the story it points to), not this page's. The page's own address comes from its head, read
    before the body."""
    page = host_of(signals.canonical or signals.first_meta("og:url"))
    links = el.findall(".//a")
    if not page or len(links) != 1:
        return False
    target = host_of(links[0].get("href"))
    return (
        bool(target)
        and domain_label(target) != domain_label(page)
        and squash(links[0].text_content()) == squash(el.text_content())
    )


def _is_headline_h1(el: HtmlElement) -> bool:
    """An h1 inside the site's header or logo is the site's name, not the article's headline."""
    if el.find(".//img") is not None and not squash(el.text_content()):
        return False
    for anc in (el, *el.iterancestors()):
        if anc.tag in {"header", "nav"} and anc.getparent() is not None and anc.getparent().tag == "body":
            return False
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}".lower()
        if any(word in marks for word in ("logo", "masthead", "site-title", "site-name", "brand", "navbar")):
            return False
        if anc.tag in {"article", "main"}:
            return True
    return True


def _is_byline(el: HtmlElement, itemprop: str) -> bool:
    if itemprop == "author" or el.get("rel") == "author":
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "byline" in marks:
        return True
    # "author" classes also mark avatars, bios, comment authors and "more by this author" boxes.
    if any(
        word in marks for word in ("bio", "avatar", "comment", "image", "photo", "img", "social", "more", "related")
    ):
        return False
    return any(
        word in marks
        for word in ("author-name", "author_name", "authorname", "article-author", "post-author", "entry-author")
    ) or marks.strip() in {"author", "authors", "author vcard", "vcard author"}


def _byline_text(el: HtmlElement, times: list[str]) -> list[str]:
    # Kept as the separate text nodes the page shows: "Jane Doe" and "Reuters" in two spans must not
    # become one name ("Jane DoeReuters"). Dates and buttons are not names.
    if el.tag in _BYLINE_SKIP:
        return []
    parts: list[str] = []
    _collect_text(el, parts, times)
    chunks = [squash(part) for part in parts if part.strip()]
    return chunks if sum(len(c) for c in chunks) <= 200 else []


_BYLINE_SKIP = {"time", "script", "style", "button", "svg", "noscript", "img", "figure"}


def _hidden(node: HtmlElement) -> bool:
    # A copy of the byline kept for machines (`<a style="display:none">Jane Doe</a>`) is not shown twice.
    style = node.get("style")
    return node.get("hidden") is not None or (style is not None and "display:none" in style.replace(" ", ""))


def _collect_text(node: HtmlElement, parts: list[str], times: list[str]) -> None:
    if node.text:
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _BYLINE_SKIP and not _hidden(child):
            _collect_text(child, parts, times)
        elif child.tag == "time":
            times.append(squash(child.text_content()))
        if child.tail:
            parts.append(child.tail)


def _read_json_ld(raw: str, signals: PageSignals) -> None:
    raw = raw.strip()
    if not raw:
        return
    try:
        data = json.loads(raw, strict=False)
    except ValueError:
        # Some sites leave HTML comments or a trailing semicolon around the JSON.
        cleaned = raw.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        try:
            data = json.loads(cleaned, strict=False)
        except ValueError:
            return
    for node in _ld_nodes(data):
        types = {t.lower() for t in _as_list(node.get("@type")) if isinstance(t, str)}
        if types & ARTICLE_TYPES:
            signals.ld_articles.append(node)
        elif types & REVIEW_TYPES:
            signals.ld_reviews.append(node)
        elif types & ORG_TYPES:
            name = node.get("name")
            if isinstance(name, str) and name.strip():
                signals.ld_orgs.append(squash(name))


def _ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD nodes, including those in lists and @graph (not nested properties)."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _ld_nodes(data["@graph"])
        if "@type" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, dict) and "@type" in main:
            yield main


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# ------------------------------------------------------------------------------------------- outlet
def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def domain_label(host: str) -> str:
    """The registrable name of a host: 'www.example-news.co.uk' -> 'example-news'."""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return labels[0] if labels else ""
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _TWO_PART_SUFFIXES:
        labels = labels[:-1]
    return labels[-1]


def name_from_domain(host: str) -> str | None:
    """A readable outlet name from a domain, the last resort: 'example-news.com' -> 'Example News'."""
    label = domain_label(host)
    if not label or label.replace("-", "").isdigit():
        return None
    words = [w for w in label.split("-") if w]
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0].upper()
    return " ".join(w.capitalize() for w in words)


def _looks_like_domain(text: str) -> bool:
    return bool(re.fullmatch(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/?", text.strip().lower()))


# Words after a brand that name an edition of it, not another outlet: "Brand International", "Brand UK".
_EDITION_WORDS = (
    "international|global|worldwide|edition|english|online|uk|u\\.k\\.|us|u\\.s\\.|usa|europe|asia|africa|india|"
    "australia|canada|new york|los angeles|chicago|san francisco|miami|london|deutschland|germany|france|espa\u00f1a|"
    "spain|italia|italy|nederland|netherlands|ireland|scotland|new zealand|singapore|malaysia|philippines|"
    "indonesia|japan|south africa|nigeria|middle east|latin america|mexico|m\u00e9xico|brasil|brazil|polska|nordic"
)
_EDITION_SUFFIX = re.compile(
    rf"^(?P<brand>.*?\S)(?<!\bof)(?<!\bin)(?<!\bfor)\s+(?:{_EDITION_WORDS})\s*(?:edition)?$", re.IGNORECASE
)
# A company's legal form and the words around a logo or a copyright line: not part of the brand.
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:inc\.?|llc|ltd\.?|limited|gmbh|ag|plc|corp\.?|corporation|company|co\.|pvt\.?|s\.a\.|b\.v\.|"
    r"logo|all rights reserved\.?)\s*$",
    re.IGNORECASE,
)
_TAGLINE_SEPARATORS = (" | ", " - ", " – ", " — ", " : ", ": ", " · ", " • ")
_HOME_WORDS = {
    "home",
    "homepage",
    "home page",
    "latest news",
    "news",
    "breaking news",
    "official site",
    "official website",
    "front page",
}
# "CBSSports": an acronym glued to a word; "TheHill": a leading article glued to the name.
_ACRONYM_WORD = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z]{2})")
_GLUED_ARTICLE = re.compile(r"^The(?=[A-Z][a-z])")


def _from_domain_style(text: str) -> str:
    """'CBSSports.com' -> 'CBS Sports', 'cleveland.com' -> 'Cleveland': the name a domain-style brand
    stands for. Camel-case brands ('MacRumors') keep their spelling: only an acronym glued to a word, or
    a leading 'The', is split."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip().lower() if text.islower() else text.strip())
    name = name.rstrip("/")
    labels = name.split(".")
    if len(labels) >= 3 and labels[-2].lower() in _TWO_PART_SUFFIXES:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    name = labels[-1] if labels else name
    name = _GLUED_ARTICLE.sub("The ", _ACRONYM_WORD.sub(" ", name))
    if name.islower():
        # Lower case gives no clue to the spelling: as for a bare domain, a short name is an acronym.
        return name_from_domain(f"{name}.com") or name
    return squash(name.replace("-", " "))


def _brand_segment(text: str, label: str) -> str:
    """'Brand | tagline', 'Brand - description', 'The Brand | Brand.com': the segment that is the brand."""
    for separator in _TAGLINE_SEPARATORS:
        if separator not in text:
            continue
        parts = [squash(p) for p in text.split(separator) if squash(p)]
        parts = [p for p in parts if p.lower() not in _HOME_WORDS] or parts
        if len(parts) < 2:
            return parts[0] if parts else text
        # The segment that names the domain, spelt as a name rather than as a domain; else the first.
        naming = [p for p in parts if label and len(label) >= 3 and label in norm(p)]
        plain = [p for p in naming if not _looks_like_domain(p)]
        return (plain or naming or parts)[0]
    return text


def _clean_site_name(text: str | None, label: str = "") -> str | None:
    text = squash(text)
    if not text:
        return None
    text = text.lstrip("@").strip()
    if text.startswith(("http://", "https://")) and not _looks_like_domain(text):
        return None
    if text.lower().startswith(("all rights", "copyright")):
        return None
    text = _brand_segment(text, label)
    prev = None
    while prev != text:
        prev = text
        text = _LEGAL_SUFFIX.sub("", text).strip(" ,.-|_") or prev
    if _looks_like_domain(text):
        text = _from_domain_style(text)
    elif re.fullmatch(r"The[A-Z][a-z]\w*", text):
        text = _GLUED_ARTICLE.sub("The ", text)
    match = _EDITION_SUFFIX.match(text)
    if match and norm(match["brand"]) not in {"the", ""}:
        text = match["brand"]
    if not text or len(text) > 80 or len(text.split()) > 8:
        return None
    return text


def _site_from_title(title: str, host: str) -> str | None:
    """'Headline | The Example Times' on exampletimes.com: the part of the title that names the domain."""
    label = norm(domain_label(host))
    if len(label) < 3 or not title:
        return None
    for separator in _TITLE_SEPARATORS:
        if separator in title:
            for part in (title.rsplit(separator, 1)[1], title.split(separator, 1)[0]):
                key = norm(part)
                if (
                    key
                    and len(part) <= 60
                    and (key == label or (len(key) >= 3 and label in key and len(key) <= 3 * len(label)))
                ):
                    return squash(part)
    return None


def _title_brand(signals: PageSignals) -> str | None:
    """'Headline - Brand' in the title tag, where the headline part is the page's own headline: the
    last segment names the site even when it does not spell the domain ('... - The Example Times' on
    extimes.com)."""
    title = signals.title_tag
    heads = [text for text, headline in signals.h1 if headline] + [signals.first_meta("og:title")]
    heads += [_ld_text(a.get("headline")) for a in signals.ld_articles[:1]]
    heads = [h for h in heads if h]
    if not title or not heads:
        return None
    for separator in _TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, tail = title.rsplit(separator, 1)
        tail = squash(tail)
        if tail and len(tail.split()) <= 6 and not _similar(tail, heads[0]) and any(_similar(head, h) for h in heads):
            return tail
    return None


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() != "the"]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _abbreviates(short: str, name: str) -> bool:
    """'WSJ', 'NYTimes' and 'NYT' stand for 'The Wall Street Journal', 'The New York Times': the short
    form's letters are, in order, a non-empty start of each of the name's words (a leading 'The' aside)."""
    if len(short) > 12 or " " in short.strip() or len(short) >= len(name):
        return False
    key = norm(short)
    words = [norm(w) for w in re.split(r"[\s\-]+", name)]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < 2 or not key or len(key) >= len("".join(words)):
        return False

    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(key)
        word = words[j]
        return any(key.startswith(word[:n], i) and fits(i + n, j + 1) for n in range(len(word), 0, -1))

    return fits(0, 0)


def _outlet_key(text: str) -> str:
    key = norm(text)
    return key[3:] if key.startswith("the") and len(key) > 5 else key


def _form_rank(text: str, source_rank: int) -> tuple[int, int, int, int]:
    """Among spellings of one name, the one a reader would write: spaced or punctuated ('The Hill' over
    'TheHill', "Barron's" over 'Barrons'), not all lower case, with its article, then the earliest source."""
    spaced = sum(1 for ch in text if not ch.isalnum())
    return (-spaced, text.islower(), not text.lower().startswith("the "), source_rank)


def _agency_credit(signals: PageSignals, credit: str | None = None) -> str | None:
    """A wire agency credited in the byline or the dateline ('By A and B, Associated Press', 'LONDON
    (Reuters) -'): the name as the page spells it."""
    texts = [" ".join(chunks) for chunks in signals.bylines] + [signals.header_text[:400], credit or ""]
    for text in texts:
        low = f" {text.lower()} "
        for agency in sorted(AGENCIES, key=len, reverse=True):
            if agency in _NOT_WIRE:
                continue
            found = low.find(agency)
            while found != -1:
                before, after = low[found - 1], low[found + len(agency)]
                if not before.isalnum() and not after.isalnum():
                    start = found - 1
                    return text[start : start + len(agency)]
                found = low.find(agency, found + 1)
    return None


# Broadcasters in the agency list are outlets in their own right, never a host's wire credit.
_NOT_WIRE = {"cnn", "bbc", "bbc news", "npr", "bloomberg", "bloomberg news"}
# A host named after a wire service ('ap', 'afp', 'reuters'): the agency's own pages for other sites.
_AGENCY_KEYS = ({norm(a) for a in AGENCIES} | {_initials(a) for a in AGENCIES}) - {""}


def choose_outlet(
    signals: PageSignals, trafilatura_site: str | None, host: str, credit: str | None = None
) -> str | None:
    """The site's name as a reader would cite it. Every place a page names itself is a vote (og:site_name,
    the JSON-LD publisher, the title's brand segment, the app name, trafilatura's guess); spellings of one
    name (by letters, initials or a leading 'The') pool their votes, a name that spells the domain gets
    one more, and the best-written spelling of the winner is returned. The logo's alt text and the ©
    line are asked only when nothing else names the site; the domain is the last resort."""
    label = norm(domain_label(host))
    raw: list[str | None] = [signals.first_meta("og:site_name")]
    for article in signals.ld_articles:
        for publisher in _as_list(article.get("publisher")):
            if isinstance(publisher, dict):
                raw.append(publisher.get("name") if isinstance(publisher.get("name"), str) else None)
            elif isinstance(publisher, str):
                raw.append(publisher)
    raw.extend(signals.ld_orgs[:2])
    raw.append(_title_brand(signals) or _site_from_title(signals.title_tag, host))
    raw.append(signals.first_meta("application-name"))
    raw.append(signals.first_meta("apple-mobile-web-app-title"))
    raw.append(trafilatura_site)
    cleaned: dict[str | None, str | None] = {}  # the same name often comes from several places
    candidates = []
    for rank, r in enumerate(raw):
        if r not in cleaned:
            cleaned[r] = _clean_site_name(r, label)
        if cleaned[r]:
            candidates.append((cleaned[r], rank))
    if not candidates and signals.tree is not None:
        candidates = [
            (c, rank) for rank, r in enumerate(_site_name_in_page(signals.tree)) if (c := _clean_site_name(r, label))
        ]
    agency = _agency_credit(signals, credit) if label in _AGENCY_KEYS else None
    if agency and (label == norm(agency) or label == _initials(agency)):
        # A wire service's own hosting of its story for other sites: the outlet is the agency.
        return agency
    if not candidates:
        return name_from_domain(host) if host else None
    groups: list[list[tuple[str, int]]] = []
    for cand in candidates:
        key = _outlet_key(cand[0])
        for group in groups:
            other = group[0][0]
            if key == _outlet_key(other) or _abbreviates(cand[0], other) or _abbreviates(other, cand[0]):
                group.append(cand)
                break
        else:
            groups.append([cand])

    def votes(group: list[tuple[str, int]]) -> tuple[int, int]:
        sources = len({rank for _, rank in group})
        spells_domain = any(len(label) >= 3 and _outlet_key(c) in {label, label.removeprefix("the")} for c, _ in group)
        return (sources + spells_domain, -min(rank for _, rank in group))

    best = max(groups, key=votes)
    # A short form ('WSJ', 'NYTimes') gives way to the name it stands for, when the page spells that out.
    spelt = [c for c in best if any(_abbreviates(o, c[0]) for o, _ in best)]
    pool = spelt or best
    return min(pool, key=lambda c: _form_rank(c[0], c[1]))[0]


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?[,.]?\s*)?([^.|•\n]{2,60})", re.IGNORECASE
)


def _site_name_in_page(tree: HtmlElement) -> list[str]:
    """Where a page without metadata names itself: its logo's alt text, then its © line."""
    names: list[str] = []
    for img in tree.iter("img"):
        alt = img.get("alt")
        if not alt:
            continue
        marks = f"{img.get('class') or ''} {img.get('id') or ''} {img.get('src') or ''} {alt}".lower()
        parent = img.getparent()
        if parent is not None:
            marks += f" {parent.get('class') or ''} {parent.get('id') or ''}".lower()
        if "logo" in marks:
            # "Example Gazette logo", "example-image-Logo": the words around the name are the file's.
            words = re.sub(
                r"(?<![^\W_])(?:logo|image|img|icon|header|footer|print|site)(?![^\W_])", " ", alt, flags=re.I
            )
            names.append(words.replace("_", " ").strip(" -"))
            break
    for footer in tree.iter("footer"):
        match = _COPYRIGHT.search(footer.text_content())
        if match:
            names.append(match[1])
            break
    return names


# -------------------------------------------------------------------------------------------- title
def _site_keys(outlet: str | None, host: str) -> set[str]:
    keys = {norm(outlet)} if outlet else set()
    label = norm(domain_label(host))
    if len(label) >= 3:
        keys.add(label)
    return {k for k in keys if k}


def _names_site(part: str, keys: set[str]) -> bool:
    key = norm(part)
    if not key or len(part) > 70:
        return False
    for site in keys:
        if key == site or (len(site) >= 3 and site in key and len(key) <= len(site) + 12):
            return True
        if len(key) >= 4 and key in site:
            return True
    return False


def strip_site_name(title: str, outlet: str | None, host: str) -> str:
    """Remove ' | Site', ' - Site', 'Site: ' and the like from a headline."""
    title = squash(title)
    keys = _site_keys(outlet, host)
    changed = True
    while changed and title:
        changed = False
        for separator in _TITLE_SEPARATORS:
            if separator not in title:
                continue
            head, tail = title.rsplit(separator, 1)
            if head.strip() and _names_site(tail, keys):
                title, changed = head.strip(), True
                break
            first, rest = title.split(separator, 1)
            if rest.strip() and _names_site(first, keys):
                title, changed = rest.strip(), True
                break
        if not changed and ": " in title:
            first, rest = title.split(": ", 1)
            if rest.strip() and _names_site(first, keys):
                title, changed = rest.strip(), True
    # Without a known site name, a short segment after ' | ' is still a site or section name.
    if " | " in title:
        head, tail = title.split(" | ", 1)
        if len(tail.split()) <= 4 and len(head.split()) >= 3:
            title = head.strip()
    return title


def _similar(a: str, b: str) -> bool:
    ka, kb = norm(a), norm(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return True
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.6


# Labels a page sets before a headline: what kind of piece it is, not part of its title.
_TITLE_LABELS = (
    "column|opinion|op-ed|oped|editorial|analysis|commentary|breaking|breaking news|watch|watch live|video|"
    "live|live updates|exclusive|update|updated|just in|listen|photos|gallery|explainer|fact check|factcheck|"
    "developing|news alert|sponsored|advertorial|guest column|viewpoint"
)
_TITLE_LABEL = re.compile(rf"^\s*(?:{_TITLE_LABELS})\s*(?::|\||»|–|—|-)\s+(?=\S)", re.IGNORECASE)
# "Local News | Headline": a section name before the headline.
_TITLE_SECTION = re.compile(r"^\s*(?P<section>[^|»]{2,25}?)\s+(?:\||»)\s+(?P<rest>.+)$")


def strip_title_label(title: str) -> str:
    """'BREAKING NEWS: Headline', 'Opinion | Headline', 'Blog Archive » Headline': the headline."""
    changed = True
    while changed:
        changed = False
        match = _TITLE_LABEL.match(title)
        if match and len(title[match.end() :].split()) >= 3:
            # "Review: ..." and the like are kept when the label is all that reads as a headline.
            title, changed = title[match.end() :], True
            continue
        match = _TITLE_SECTION.match(title)
        if match and len(match["section"].split()) <= 3 and len(match["rest"].split()) >= 4:
            title, changed = match["rest"], True
    return title.strip()


def choose_title(signals: PageSignals, trafilatura_title: str | None, outlet: str | None, host: str) -> str | None:
    """The visible headline (h1) when the page has a plausible one, else the article's own title, without
    the site's name or a label before it."""
    title = _choose_title(signals, trafilatura_title, outlet, host)
    return strip_title_label(title) or title if title else title


def _choose_title(signals: PageSignals, trafilatura_title: str | None, outlet: str | None, host: str) -> str | None:
    keys = _site_keys(outlet, host)
    references = [_ld_text(article.get("headline")) or _ld_text(article.get("name")) for article in signals.ld_articles]
    references += [signals.first_meta("og:title"), signals.first_meta("twitter:title"), signals.title_tag]
    references = [r for r in references if r]
    h1s = [
        (text, headline)
        for text, headline in signals.h1
        if 3 <= len(text) <= 300
        and not _names_site(text, keys)
        and headline
        # "Example Daily Newsletter", "EXAMPLE The Complete Guide": a banner that opens with the site's
        # name and matches nothing the page calls its title.
        and not (
            any(len(k) >= 4 and norm(text).startswith(k) for k in keys)
            and not any(_similar(text, ref) for ref in references)
        )
    ]
    if h1s:
        agreeing = [text for text, _ in h1s if any(_similar(text, ref) for ref in references)]
        if agreeing:
            return strip_site_name(agreeing[0], outlet, host)
        # A visible headline that differs from the social title is still the headline, if it reads like one.
        if len(h1s) == 1 and len(h1s[0][0].split()) >= 3:
            return strip_site_name(h1s[0][0], outlet, host)
    for candidate in references:
        if candidate.endswith(("…", "...")):
            continue
        stripped = strip_site_name(candidate, outlet, host)
        if stripped and not _names_site(stripped, keys):
            return stripped
    if trafilatura_title:
        return strip_site_name(trafilatura_title, outlet, host) or None
    return None


def _ld_text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return squash(value) if isinstance(value, str) else ""


# ------------------------------------------------------------------------------------------- author
def _titlecase_name(name: str) -> str:
    if name.isupper() and len(name) > 3:
        return " ".join(
            part.capitalize() if "-" not in part else "-".join(p.capitalize() for p in part.split("-"))
            for part in name.split()
        )
    return name


def is_person_name(name: str, org_keys: set[str]) -> bool:
    """A plausible personal name: two to five capitalised words, not an account, outlet or agency."""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or "@" in name or "://" in name:
        return False
    low = name.lower().strip()
    key = norm(name)
    if low in ACCOUNT_NAMES or low in AGENCIES or key in org_keys:
        return False
    if any(len(k) >= 4 and key.startswith(k) for k in org_keys):  # "Example Post Staff", "Example International"
        return False
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(w.lower().strip(".,") in ORG_WORDS for w in words):
        return False
    # "The Russian ...": a noun phrase; "Example Sport": a section of the outlet; "AP Auto Writer": a
    # wire service's desk.
    if words[0].lower() in {"the", *AGENCIES} or words[-1].lower() in SECTION_WORDS:
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not (word[0].isupper() or word[0] in "'’"):
            return False
    return True


# Words that follow a name in a byline to give the writer's role: the name ends before them.
ROLE_WORDS = {
    "columnist",
    "editor",
    "writer",
    "correspondent",
    "contributor",
    "reporter",
    "staff",
    "senior",
    "chief",
    "deputy",
    "associate",
    "producer",
    "analyst",
    "critic",
    "photographer",
    "host",
    "anchor",
    "intern",
    "fellow",
    "opinion",
    "special",
    "contributing",
    "managing",
    "executive",
    "political",
    "digital",
}


def _cut_role(piece: str) -> str:
    words = piece.split()
    for i, word in enumerate(words[2:], start=2):
        if word.lower().strip(".,") in ROLE_WORDS:
            return " ".join(words[:i])
    return piece


def _strip_agency(piece: str) -> str:
    """'Eric Tucker Associated Press': the name, without the wire service credited after it."""
    low = piece.lower()
    for agency in AGENCIES:
        if low.endswith(" " + agency) and len(piece) - len(agency) > 4:
            return piece[: -len(agency)].strip(" ,")
    return piece


def split_names(raw: str, org_keys: Iterable[str] = ()) -> list[str]:
    """Separate the names in a byline: 'By Jane Doe and John Roe, Reuters' -> the pieces to check.

    A word that is the outlet's name (`Jane Doe PhillyStar Staff`) parts the names around it; it is no
    name's part, and its inner capital is no join of two names."""
    raw = squash(raw)
    prev = None
    while prev != raw:
        prev = raw
        raw = _BYLINE_PREFIX.sub("", raw, count=1).strip()
    if org_keys:
        # (Only a word with a capital inside: a plain word the outlet is named after may be a surname too.)
        raw = " ".join(
            ";" if word[1:] != word[1:].lower() and norm(word) in org_keys else word for word in raw.split(" ")
        )
    raw = _GLUED.sub(" ; ", raw)
    pieces = []
    for piece in _NAME_SPLIT.split(raw):
        piece = squash(_BYLINE_PREFIX.sub("", piece, count=1))
        piece = squash(_BYLINE_TAIL.sub("", piece))
        piece = piece.strip(" .,:;-–—|")
        piece = _strip_agency(_cut_role(piece))
        if piece:
            pieces.append(_titlecase_name(piece))
    return pieces


def _clean_author_list(raws: Iterable[str], org_keys: set[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        for piece in split_names(raw, org_keys):
            key = norm(piece)
            if key not in seen and is_person_name(piece, org_keys):
                seen.add(key)
                names.append(piece)
    return names


def _ld_people(value: Any) -> tuple[list[str], list[str]]:
    """JSON-LD `author`: the people's names and, separately, the organisations'."""
    people: list[str] = []
    orgs: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            types = {t.lower() for t in _as_list(item.get("@type")) if isinstance(t, str)}
            name = item.get("name")
            if not isinstance(name, str):
                given, family = item.get("givenName"), item.get("familyName")
                name = " ".join(p for p in (given, family) if isinstance(p, str)) or None
            if not name:
                continue
            (orgs if types & ORG_TYPES else people).append(name)
    return people, orgs


# Buttons and labels that sit inside byline elements next to the name.
_BYLINE_BUTTONS = {
    "follow",
    "unfollow",
    "share",
    "email",
    "e-mail",
    "twitter",
    "x",
    "facebook",
    "linkedin",
    "instagram",
    "subscribe",
    "read more",
    "more",
    "bio",
    "profile",
    "contact",
    "see all",
    "view all",
    "close",
    "menu",
    "whatsapp",
    "reddit",
    "pinterest",
    "flipboard",
    "tumblr",
    "telegram",
    "messenger",
    "sms",
    "print",
    "talk",
    "comments",
    "comment",
    "copy link",
    "share this article",
    "share this story",
    "show more sharing options",
}


def _is_org_chunk(chunk: str, org_keys: set[str]) -> bool:
    """A separate piece of a byline that names an organisation or a role, not a person."""
    text = chunk.strip(" ,|-–—·•/")
    low = text.lower()
    if not text or low in AGENCIES or low in _BYLINE_BUTTONS or norm(text) in org_keys:
        return True
    words = low.replace(",", " ").split()
    return 0 < len(words) <= 4 and words[0] != "by" and any(w in ORG_WORDS for w in words)


def _single_name(name: str, org_keys: set[str]) -> bool:
    """One capitalised word the page itself marks as its author ('written by Regan'): a name, unless it
    is an account, the outlet, an agency or a credential."""
    word = name.strip(" .,")
    low = word.lower()
    return (
        len(word) >= 3
        and word[0].isupper()
        and word.isalpha()
        and low not in ACCOUNT_NAMES
        and low not in AGENCIES
        and low not in ORG_WORDS
        and low not in CREDENTIALS
        and low not in _BYLINE_BUTTONS
        and norm(word) not in org_keys
    )


_CONNECTORS = {"and", "&", ",", "und", "y", "et", "e", "with", ";"}


def _byline_names(chunks: list[str], org_keys: set[str]) -> list[str]:
    """The names in one byline element, read piece by piece as the page shows them: after the first
    name, another piece counts only after 'and' or a comma ('Jane Doe' 'and' 'John Roe'); a role, a
    place, a date or a button ends the byline ('Jane Doe' 'Sioux Falls Argus Leader')."""
    merged: list[str] = []
    for chunk in chunks:
        # A word split over two text nodes ('Molly Woo' 'd'): glued back.
        if (
            merged
            and chunk[:1].islower()
            and len(chunk) <= 3
            and chunk not in _CONNECTORS
            and merged[-1][-1:].isalpha()
        ):
            merged[-1] += chunk
        else:
            merged.append(chunk)
    names: list[str] = []
    joined = True
    for chunk in merged:
        low = chunk.lower().strip()
        if low in _CONNECTORS:
            joined = True
            continue
        found = _clean_author_list([chunk], org_keys)
        if found:
            if names and not joined:
                break
            names += found
            joined = chunk.rstrip().endswith((",", " and", "&"))
        elif names and not _is_org_chunk(chunk, org_keys):
            break
        elif _is_phrase(chunk) and not low.endswith(" by"):
            # "Follow the topics within this article": the byline's own text is over; what follows is
            # a list of topics or links, not authors.
            break
    return names


def _is_phrase(chunk: str) -> bool:
    words = chunk.split()
    return len(words) >= 3 and sum(1 for w in words if w[:1].islower()) >= 2


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    return [n for n in names if not (norm(n) in seen or seen.add(norm(n)))]


_BY_WORDS = {"by", "written by", "posted by", "words by", "story by", "text by", "reported by"}
# "By A, B and C on March 3, 2020" in the text after the headline, whatever element holds it; not a
# photo, image or video credit.
_HEADER_BY = re.compile(r"(?<![\w])(?i:(?:(?:written|posted|reported|words|story|text)\s+)?by)\s+([A-Z][^|•\n]{2,160})")


_SEVERAL = re.compile(r",|\band\b|&|\bund\b|;")


def _may_list_more(signals: PageSignals) -> bool:
    """Whether the 'By ...' line after the headline lists several people (a comma or an 'and')."""
    match = _HEADER_BY.search(signals.header_text[:350])
    return bool(match) and ("," in match[1][:100] or " and " in match[1][:100] or " & " in match[1][:100])


def _header_line_names(signals: PageSignals, org_keys: set[str]) -> list[str]:
    header = signals.header_text[:350]
    for match in _HEADER_BY.finditer(header):
        before = header[max(0, match.start() - 12) : match.start()].lower()
        if any(word in before for word in ("photo", "image", "credit", "video", "courtesy", "illustrat")):
            continue
        # "a car driven by Jo Bell": a sentence of the article, not its byline.
        previous = header[: match.start()].split()[-1:]
        if previous and previous[0][-1:].islower() and not re.search(r"\d|^(?:am|pm)$", previous[0]):
            continue
        # Names hold no digits: the first one starts the date, and the byline is over.
        text = re.split(r"[\d@]", match[1], maxsplit=1)[0]
        words = text.split()
        for k, word in enumerate(words):
            if word.lower().strip(".,") in _BYLINE_BUTTONS:
                text = " ".join(words[:k])
                break
        # The line ends where the sentence or the article starts: a run of lower-case words.
        text = re.split(r"\s(?:[a-z]\w*\s+){3,}", text, maxsplit=1)[0]
        names = _clean_author_list([text], org_keys)
        if names:
            return names
        pieces = split_names(text, org_keys)
        if len(pieces) == 1 and _single_name(pieces[0], org_keys):
            return pieces
        return []
    return []


def choose_author(signals: PageSignals, trafilatura_author: str | None, outlet: str | None, host: str) -> str | None:
    """People named as the article's authors, in page order, joined by '; '; None when only an account
    name or the outlet itself is given."""
    org_keys = _site_keys(outlet, host)
    ld_people: list[str] = []
    ld_single: list[str] = []
    ld_orgs: list[str] = []
    for article in signals.ld_articles[:1] or signals.ld_reviews[:1]:
        people, orgs = _ld_people(article.get("author"))
        ld_people += people
        ld_orgs += orgs
        for item in _as_list(article.get("author")):
            types = (
                {t.lower() for t in _as_list(item.get("@type")) if isinstance(t, str)}
                if isinstance(item, dict)
                else set()
            )
            if (
                isinstance(item, dict)
                and not types & ORG_TYPES
                and isinstance(item.get("name"), str)
                and _single_name(item["name"], org_keys)
            ):
                ld_single.append(squash(item["name"]))
    meta_authors = [
        value
        for name in AUTHOR_META_NAMES
        for value in signals.meta.get(name, ())
        if not value.startswith(("http://", "https://", "@"))
    ]
    # The first byline element, and others only where the header shows them: further down, bylines are
    # those of related-article cards and comments.
    elements = signals.bylines[:1]
    if len(signals.bylines) > 1:
        header = norm(signals.header_text)
        elements += [chunks for chunks in signals.bylines[1:] if (key := norm(" ".join(chunks))) and key in header]
    from_ld = _clean_author_list(ld_people, org_keys)
    if from_ld:
        # The markup's names stand unless a byline lists several people.
        elements = [chunks for chunks in elements if _SEVERAL.search(" ".join(chunks))]
    from_bylines = _dedupe([name for chunks in elements for name in _byline_names(chunks, org_keys)])
    names = from_ld or from_bylines
    header_needed = not names or (not signals.bylines and _may_list_more(signals))
    from_header = _header_line_names(signals, org_keys) if header_needed else []
    names = names or from_header
    # A byline (or the author meta tag) that names everyone the markup names and more: the markup left
    # co-authors out. (Not a long list of meta names: a paper's tags name every work it cites.)
    from_meta = _clean_author_list(meta_authors, org_keys) if names else []
    from_meta = from_meta if len(from_meta) <= _MAX_CO_AUTHORS else []
    for fuller in (from_bylines, from_header, from_meta):
        if names and len(fuller) > len(names) and {norm(n) for n in names} <= {norm(n) for n in fuller}:
            names = fuller
    if not names:
        names = ld_single[:1] or _explicit_single(elements, org_keys)
    if not names:
        names = _clean_author_list(meta_authors, org_keys) or _clean_author_list([trafilatura_author or ""], org_keys)
    if names:
        return "; ".join(names)
    # No person named: a wire service that is not the outlet itself is the author a citation gives.
    for raw in [*ld_orgs, *(" ".join(chunks) for chunks in signals.bylines), *meta_authors]:
        for piece in split_names(raw):
            if piece.lower() in AGENCIES and norm(piece) not in org_keys:
                return piece
    return None


_MAX_CO_AUTHORS = 6


def _explicit_single(elements: list[list[str]], org_keys: set[str]) -> list[str]:
    for chunks in elements:
        for i, chunk in enumerate(chunks[:-1]):
            if chunk.lower().strip(" :") in _BY_WORDS and _single_name(chunks[i + 1], org_keys):
                return [chunks[i + 1].strip(" .,")]
    return []


# --------------------------------------------------------------------------------------------- date
def parse_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from the date formats pages use, in the page's own time zone."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    found: tuple[int, int, int] | None = None
    for pattern in (_DATE_ISO, _DATE_SLASH, _DATE_COMPACT):
        match = pattern.search(text)
        if match:
            found = (int(match[1]), int(match[2]), int(match[3]))
            break
    if found is None:
        match = _DATE_WORDS_MDY.search(text)
        if match and match[1].lower() in _MONTHS:
            found = (int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
        else:
            match = _DATE_WORDS_DMY.search(text)
            if match and match[2].lower() in _MONTHS:
                found = (int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    if found is None:
        try:
            parsed = parsedate_to_datetime(text)
            found = (parsed.year, parsed.month, parsed.day)
        except (TypeError, ValueError, IndexError):
            return None
    try:
        day = date(*found)
    except ValueError:
        return None
    if not 1990 <= day.year <= date.today().year + 1:
        return None
    return day.isoformat()


_HAS_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]([01]?\d|[a-z]{3,9})[/-]([0-3]?\d)(?:/|[-_.]|$)", re.IGNORECASE)
_DATE_IN_TEXT = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\b"
)
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})")
# Words before a date in a header that say it is the date the article was written or changed.
_DATE_MARKER = re.compile(
    r"(?:\bby\b|published|posted|updated|modified|on|\||—|–|-)\s*[:,]?\s*(?:\S+\s+){0,6}$", re.IGNORECASE
)
_UPDATE_WORDS = re.compile(r"updated|modified|edited", re.IGNORECASE)


def url_date(url: str | None) -> str | None:
    """A date in a URL's path: /2019/11/18/, /2019-11-18-, and /2019/nov/18/ as some sites write it."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path if "://" in url else url)
    if not match:
        return None
    month = match[2].lower()
    number = int(month) if month.isdigit() else _MONTHS.get(month)
    if not number:
        return None
    try:
        return date(int(match[1]), number, int(match[3])).isoformat()
    except ValueError:
        return None


def _parse_shown(text: str, year_hint: int | None) -> str | None:
    """A date as a page prints it; 'Posted Nov 18, 8:19 PM' takes the year of the article's own date."""
    match = _DATE_IN_TEXT.search(text)
    if match:
        return parse_date(match[0])
    match = _MONTH_DAY.search(text)
    if match and year_hint and match[1].lower().rstrip(".") in _MONTHS:
        try:
            return date(year_hint, _MONTHS[match[1].lower().rstrip(".")], int(match[2])).isoformat()
        except ValueError:
            return None
    return None


def _shown_dates(signals: PageSignals, year_hint: int | None) -> list[tuple[str, bool]]:
    """The dates the article's header shows a reader, in page order, each with whether it is labelled as
    an update: <time> elements by their text, byline pieces, and dates in the text after the headline
    that open it or follow a byline word ('By ...', 'Published', '|')."""
    found: list[tuple[str, bool]] = []
    # The byline's own <time>: what the reader sees next to the author, found without reading further.
    for text in signals.byline_times[:2]:
        shown = _parse_shown(text, year_hint)
        if shown:
            found.append((shown, bool(_UPDATE_WORDS.search(text))))
    if found:
        return found
    for _, text in signals.header_times[:3]:
        shown = _parse_shown(text, year_hint)
        if shown:
            found.append((shown, bool(_UPDATE_WORDS.search(text))))
    for chunks in signals.bylines[:2]:
        for i, chunk in enumerate(chunks):
            shown = _parse_shown(chunk, year_hint) if any(ch.isdigit() for ch in chunk) else None
            if shown:
                label = f"{chunks[i - 1] if i else ''} {chunk}"
                found.append((shown, bool(_UPDATE_WORDS.search(label))))
    header = signals.header_text[:300]
    for match in _DATE_IN_TEXT.finditer(header):
        before = header[max(0, match.start() - 60) : match.start()]
        if match.start() < 40 or _DATE_MARKER.search(before):
            shown = parse_date(match[0])
            if shown:
                found.append((shown, bool(_UPDATE_WORDS.search(before[-25:]))))
            break
    return found


def _days_apart(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def choose_date(signals: PageSignals, trafilatura_date: str | None, url: str | None = None) -> str | None:
    """The article's own publication date: JSON-LD datePublished, then article:published_time and
    similar tags, then itemprop; corrected by the date the page shows, then a date in the byline or the
    URL; htmldate's guess (via trafilatura) only when the page gives none."""
    candidates: list[Any] = [a.get("datePublished") for a in signals.ld_articles]
    # A fact-check's own date, never its itemReviewed's (the claim being checked).
    candidates += [r.get("datePublished") for r in signals.ld_reviews]
    candidates += [signals.first_meta(name) for name in DATE_META_NAMES]
    candidates += signals.itemprop_dates
    candidates += [a.get("dateCreated") for a in signals.ld_articles]
    raw, machine = None, None
    for candidate in candidates:
        text = _ld_text(candidate) if not isinstance(candidate, str) else candidate
        parsed = parse_date(text)
        if parsed:
            raw, machine = text, parsed
            break
    from_url = url_date(url or signals.canonical)
    if machine:
        if raw and _HAS_TIME.search(raw) and from_url != machine:
            shown = _shown_dates(signals, int(machine[:4]))
            # A timestamp is often written in UTC, a day ahead of (or behind) the date the page shows its
            # readers in its own time zone. A shown date a day earlier always wins (an update cannot
            # precede publication); a day later, unless it is labelled as an update.
            for day, is_update in shown:
                gap = _days_apart(machine, day)
                if gap == -1 or (gap == 1 and not is_update):
                    return day
            if from_url and abs(_days_apart(machine, from_url)) == 1:
                return from_url
        # Published and modified the same: a system stamped both when the page was last saved; an earlier
        # <time> in the header is the article's own date.
        modified = [_ld_text(a.get("dateModified")) for a in signals.ld_articles[:1]]
        modified += [signals.first_meta("article:modified_time")]
        if raw and raw in modified:
            for stamp, _ in signals.header_times[:2]:
                day = parse_date(stamp)
                if day and day < machine:
                    return day
        return machine
    # No date marked up: the date in the byline, then the URL's, before anything guessed from the body.
    for day, is_update in _shown_dates(signals, None):
        if not is_update:
            return day
    if from_url:
        return from_url
    guess = parse_date(trafilatura_date)
    # htmldate falls back to the year of a "© 2024" footer, as 1 January: that is no publication date.
    if guess and guess.endswith("-01-01"):
        return None
    return guess


# ----------------------------------------------------------------------------------------- language
def choose_language(signals: PageSignals) -> str | None:
    for raw in (signals.lang, signals.first_meta("content-language"), signals.first_meta("og:locale")):
        code = raw.replace("_", "-").split("-")[0].strip().lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return code
    return None
