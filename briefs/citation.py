"""Citations: the one place that decides how a source is credited, in full and in short.

Plain text by default; the renderer passes `escape` and `italic` to get Markdown. Parts a source does
not have are left out with their punctuation, never printed empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefs.dates import long_date
from briefs.model import origin_name

if TYPE_CHECKING:
    from briefs.model import Snippet, Source, SourceMeta


def _same(text: str) -> str:
    return text


def title_of(meta: SourceMeta, origin: str) -> str:
    # Without a title, the file's name stands in: never its folders, which are no one else's business.
    return meta.title or origin_name(origin)


def full(meta: SourceMeta, origin: str, *, escape: Callable[[str], str] = _same,
         italic: Callable[[str], str] = _same, link: Callable[[str], str] = _same) -> str:
    """Author, “Title”, Outlet, 13 October 2026, URL — what a first footnote or a sources list says."""
    parts = [escape(meta.author)] if meta.author else []
    parts.append(f"“{escape(title_of(meta, origin))}”")
    if meta.publication:
        parts.append(italic(escape(meta.publication)))
    published = long_date(meta.published)
    if published:
        parts.append(published)
    if meta.url:
        parts.append(link(meta.url))
    return ", ".join(parts)


def short(meta: SourceMeta, origin: str, *, escape: Callable[[str], str] = _same,
          italic: Callable[[str], str] = _same) -> str:
    """The short form for later notes: surname, outlet and date, or the title when it has none of them."""
    parts = []
    if meta.author:
        parts.append(escape(meta.author.split()[-1]))
    if meta.publication:
        parts.append(italic(escape(meta.publication)))
    published = long_date(meta.published)
    if published:
        parts.append(published)
    return ", ".join(parts) or f"“{escape(title_of(meta, origin))}”"


def label(meta: SourceMeta, origin: str) -> str:
    """What names a source in a sentence or a list: its outlet, else its author, else its title."""
    return meta.publication or meta.author or title_of(meta, origin)


def one_line(source: Source) -> str:
    """A citation for pasting into an email: author, "title", outlet, date, URL (whatever it has)."""
    meta = source.meta
    parts = [meta.author, f"“{meta.title}”" if meta.title else origin_name(source.origin), meta.publication,
             meta.published,
             meta.url]
    return ", ".join(p for p in parts if p)


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
    return f"{title} ({extra}; {source.words} words)" if extra else f"{title} ({source.words} words)"
