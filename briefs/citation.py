"""Citations: the one place that decides how a source is credited, in full and in short.

Plain text by default; the renderer passes `escape` and `italic` to get Markdown. Parts a source does
not have are left out with their punctuation, never printed empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefs.dates import long_date
from briefs.text import counted

if TYPE_CHECKING:
    from briefs.model import Snippet, Source, SourceMeta


def _same(text: str) -> str:
    return text


def title_of(meta: SourceMeta, origin: str) -> str:
    """The title to cite: the source's own, else where it came from (never a local path)."""
    if meta.title:
        return meta.title
    if origin.startswith(("http://", "https://")):
        return origin
    return "Untitled source"


# Authors arrive as one string however the page wrote them: "A; B", "A and B", "A, B and C", "A & B".
_AND = re.compile(r"\s*(?:;|&|\band\b|,\s*and\b)\s*")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "le", "la", "bin", "ibn",
                        "al", "el", "ter", "ten", "dos", "das"})


def authors(author: str | None) -> list[str]:
    """The separate names in an author string."""
    if not author:
        return []
    parts = [p.strip(" ,") for p in _AND.split(author) if p.strip(" ,")]
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        # "Smith, Jones" is two names; "Smith, John" (surname first) is one: split only when every piece
        # looks like a whole name (two words or more).
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part)
    return names


def surname(name: str) -> str:
    """The family name to cite a person by: the last word, with its particle ("van Dijk") and without a
    suffix ("Jr.")."""
    if "," in name:  # "Smith, John": written surname first
        return name.split(",")[0].strip()
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    if not words:
        return name
    if len(words) > 2 and words[-2].lower() in _PARTICLES:
        return " ".join(words[-2:])
    return words[-1]


def author_line(author: str | None) -> str:
    """One author, "A and B", or "A et al." for three or more, as a style guide writes them."""
    names = authors(author)
    if len(names) >= 3:
        return f"{names[0]} et al."
    return " and ".join(names)


def _short_title(title: str, words: int = 6) -> str:
    parts = title.split()
    return title if len(parts) <= words else " ".join(parts[:words]) + "…"


def full(meta: SourceMeta, origin: str, *, escape: Callable[[str], str] = _same,
         italic: Callable[[str], str] = _same, link: Callable[[str], str] = _same) -> str:
    """Author(s), “Title”, Outlet, 13 October 2026, URL: what a first note or a sources list says."""
    parts = [escape(author_line(meta.author))] if meta.author else []
    parts.append(f"“{escape(title_of(meta, origin))}”")
    parts += _outlet_and_date(meta, escape, italic)
    if meta.url:
        parts.append(link(meta.url))
    return ", ".join(parts)


def short(meta: SourceMeta, origin: str, *, escape: Callable[[str], str] = _same,
          italic: Callable[[str], str] = _same) -> str:
    """The short form for later notes: first author's surname, short title, outlet, date."""
    names = authors(meta.author)
    parts = [escape(surname(names[0]))] if names else []
    parts.append(f"“{escape(_short_title(title_of(meta, origin)))}”")
    return ", ".join(parts + _outlet_and_date(meta, escape, italic))


def _outlet_and_date(meta: SourceMeta, escape: Callable[[str], str], italic: Callable[[str], str]) -> list[str]:
    parts = [italic(escape(meta.publication))] if meta.publication else []
    published = long_date(meta.published)
    return [*parts, published] if published else parts


def sort_key(meta: SourceMeta, origin: str) -> tuple[str, str, str]:
    """Where a source goes in an alphabetical sources list: by first author's surname, else outlet, then
    title and date."""
    names = authors(meta.author)
    lead = surname(names[0]) if names else (meta.publication or "")
    return lead.casefold(), title_of(meta, origin).casefold(), meta.published or ""


def label(meta: SourceMeta, origin: str) -> str:
    """What names a source in a sentence or a list: its outlet, else its author(s), else its title."""
    return meta.publication or author_line(meta.author) or title_of(meta, origin)


def one_line(source: Source) -> str:
    """A citation for pasting into an email: author(s), “title”, outlet, date, URL (whatever it has)."""
    return full(source.meta, source.origin)


def with_citation(snippet: Snippet, source: Source) -> str:
    """A snippet as someone would paste it: the words, who said them, and where."""
    if snippet.kind.value == "quote":
        said = f" — {snippet.speaker}" if snippet.speaker else ""
        return f"“{snippet.display_text}”{said} ({one_line(source)})"
    return f"{snippet.display_text} ({one_line(source)})"


def import_line(source: Source, width: int = 70) -> str:
    """How an import reports a source: title (outlet, author, date; words)."""
    meta = source.meta
    extra = ", ".join(p for p in (meta.publication, meta.author, meta.published) if p)
    title = " ".join(title_of(meta, source.origin).split())
    if len(title) > width:
        title = title[: width - 1] + "…"
    words = counted(source.words, "word")
    return f"{title} ({extra}; {words})" if extra else f"{title} ({words})"
