"""Saved or fetched web pages: article text by trafilatura, citation metadata cleaned by `meta`.

The page is parsed once (trafilatura's own loader, which guesses the encoding from the bytes); the same
tree is read for metadata and handed to `bare_extraction`, which works on a copy of it.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from briefs.errors import ImportFailed
from briefs.model import NewSource, SourceKind, SourceMeta
from briefs.sources import meta as pagemeta
from briefs.sources.common import clean_text

# trafilatura logs every page it finds no article in at ERROR level; Briefs reports that itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


# Bytes that never occur in a text web page (tab, newline, form feed and carriage return aside).
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32)])


_MIN_ARTICLE_WORDS = 15

# `&#1;` and the like: references to characters XML cannot hold. lxml's HTML parser keeps them, and then
# trafilatura, which builds XML from the tree, drops the whole article. Turned into spaces before parsing,
# as clean_text does with raw control characters.
# The pattern only admits the numbers that can be bad (0-31, 127, the surrogates, U+FFFE/FFFF, past
# U+10FFFF, and a few ranges around them that the callback then sorts out): news pages are full of good
# references like &#8217;, and rewriting every page with a Python call per reference cost more than the
# rest of Briefs' work on it.
_BAD_CHAR_REF = re.compile(
    rb"&#(?:[xX]0*([0-9a-fA-F]|1[0-9a-fA-F]|7[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]|[0-9a-fA-F]{5,8})"
    rb"(?![0-9a-fA-F])|0*([0-9]|[12][0-9]|3[01]|127|5[5-9][0-9]{3}|6[0-9]{4}|[0-9]{6,10})(?![0-9]));?"
)


def _space_bad_char_ref(match: re.Match[bytes]) -> bytes:
    hexa, dec = match.groups()
    code = int(hexa, 16) if hexa is not None else int(dec)
    if code in (9, 10, 13) or 32 <= code < 127 or 127 < code < 0xD800 or 0xE000 <= code <= 0xFFFD or (
        0x10000 <= code <= 0x10FFFF
    ):
        return match.group(0)
    return b" "


def _looks_binary(data: bytes) -> bool:
    """Binary junk saved with an .html name. Checked on the raw bytes (cheap, in C) before parsing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 pages are full of zero bytes
        return False
    sample = data[:8192]
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > len(sample) // 100


# A paragraph that opens in lower case: on most pages none does, so the tree is searched for a drop cap
# only then.
_LOWER_PARAGRAPH = re.compile(r"(?:\A|\n)[a-z]")
_CAP_LINE = re.compile(r"(\A|\n)([A-Z])\n(?=[a-z])")


def _restore_drop_cap(tree: Any, text: str) -> str:
    """Put back a drop cap: the article's first letter set in an element of its own (`<span>T</span>
    <p>urkey, Poland ...`). The extraction keeps it as a line of its own ("T" / "urkey") or drops it."""
    joined = _CAP_LINE.sub(r"\1\2", text, count=1)
    if joined != text:
        return joined
    for letter in tree.xpath("//body//*[not(*)][string-length(normalize-space(.)) = 1]"):
        cap = letter.text_content().strip()
        following = letter.getnext()
        if not cap.isupper() or following is None:
            continue
        rest = " ".join(following.text_content().split())[:40]
        at = text.find(rest) if len(rest) >= 8 and rest[:1].islower() else -1
        if at >= 0 and (at == 0 or text[at - 1] == "\n"):
            return text[:at] + cap + text[at:]
    return text


_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def _too_short(text: str) -> bool:
    # On a home or list page trafilatura may return a menu's few words; no article is that short.
    # split() stops after _MIN_ARTICLE_WORDS words: counting all of an article's words is wasted work.
    return len(text.split(None, _MIN_ARTICLE_WORDS)) < _MIN_ARTICLE_WORDS


def _parse_and_extract(data: bytes, url: str | None, parse_html: Any, bare_extraction: Any, origin: str) -> Any:
    try:
        tree = parse_html(data)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        raise ImportFailed(f"{origin} is not a readable web page; save the page again as HTML and retry")
    try:
        document = bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError):
        document = None
    return tree, document


def load_html(data: bytes, *, origin: str, url: str | None) -> NewSource:
    """Import a web page: its article text and the metadata a citation needs."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html as parse_html

    if not data.strip():
        raise ImportFailed(f"{origin} is empty; nothing to import")
    if _looks_binary(data):
        raise ImportFailed(f"{origin} looks like binary data, not a web page; import the original document instead")
    tree, document = _parse_and_extract(data, url, parse_html, bare_extraction, origin)
    text = clean_text(document.text or "") if document is not None else ""
    if _too_short(text) and b"&#" in data and _BAD_CHAR_REF.search(data) is not None:
        # Only when no article came out: looking for the references on every page cost 2% of an import.
        tree, document = _parse_and_extract(_BAD_CHAR_REF.sub(_space_bad_char_ref, data), url, parse_html,
                                            bare_extraction, origin)
        text = clean_text(document.text or "") if document is not None else ""
    if text and _LOWER_PARAGRAPH.search(text):
        text = _restore_drop_cap(tree, text)
    if _too_short(text):
        raise ImportFailed(
            f"{origin} has no article text Briefs can find; save the article's own page (not a list or home page) "
            "or paste its text"
        )

    signals = pagemeta.read_signals(tree)
    page_url = url or document.url or signals.canonical or None
    host = pagemeta.host_of(page_url)
    outlet = pagemeta.choose_outlet(signals, document.sitename, host, document.author)
    metadata = SourceMeta(
        title=pagemeta.choose_title(signals, document.title, outlet, host),
        author=pagemeta.choose_author(signals, document.author, outlet, host),
        publication=outlet,
        published=pagemeta.choose_date(signals, document.date, page_url),
        url=page_url if page_url and page_url.startswith(("http://", "https://")) else None,
        language=pagemeta.choose_language(signals) or document.language,
    )
    for name in ("title", "author", "publication"):
        value = getattr(metadata, name)
        if value:
            if "&" in value and _ENTITY.search(value):
                value = html.unescape(value)  # escaped twice by the page (`&amp;#8211;`): the dash it means
            setattr(metadata, name, clean_text(value))
    return NewSource(
        kind=SourceKind.HTML,
        origin=origin,
        text=text,
        meta=metadata,
        original=data,
        original_type="text/html",
    )
