"""The render context: what a template sees of a brief, its snippets and their sources.

Values are plain strings (escaped for Markdown when printed) except the citation strings, which are
Markdown built here from escaped parts and marked safe. Text that XML cannot carry (control characters,
unpaired surrogates) is cleaned here, once, and each change is reported in `warnings`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from markupsafe import Markup

from briefs import citation
from briefs.dates import long_date
from briefs.desk.base import Desk
from briefs.drafting.digest import date_range
from briefs.model import Brief, Snippet, Source
from briefs.templates.sandbox import md_escape
from briefs.templates.spec import TemplateSpec
from briefs.templates.views import ItemView, SectionView, SourceView, StoryView, frozen
from briefs.text import clean_for_print, printed_quote, without_local_paths


def build_context(
    desk: Desk,
    brief: Brief,
    spec: TemplateSpec,
    *,
    marking: str | None = None,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
    now: datetime,
    unverified: Mapping[int, str] | None = None,
) -> Mapping[str, Any]:
    """Everything `body.md.j2` may use, read-only (tuples and FrozenMaps all the way down).
    `snippets`/`sources` override the desk (for YAML brief files); `unverified` maps the ids of quotes
    that failed their verbatim check to the note printed beside them."""
    warnings: list[str] = []
    ids = brief.snippet_ids()
    snippets = snippets if snippets is not None else desk.get_snippets(ids)
    missing = [i for i in ids if i not in snippets]
    if missing:
        warnings.append(f"brief {brief.ref}: snippet(s) {', '.join(f'n{i}' for i in missing)} no longer exist")
    needed = {s.source_id for s in snippets.values()}
    if sources is None:
        sources = desk.get_sources(needed)
    else:
        sources = {k: v for k, v in sources.items() if k in needed} or sources

    # Sources are numbered in the order the brief first cites them.
    order: list[int] = []
    for sid in ids:
        snip = snippets.get(sid)
        if snip is not None and snip.source_id not in order and snip.source_id in sources:
            order.append(snip.source_id)
    views = {src_id: _source_view(n, sources[src_id], spec, warnings) for n, src_id in enumerate(order, 1)}

    section_items: dict[str, list[ItemView]] = {sec.name: [] for sec in spec.sections}
    titles = {sec.name: sec.title for sec in spec.sections}
    all_items: list[ItemView] = []
    # A digest's per-story sections name the other outlets themselves ("also reported by").
    per_source = {sec.name for sec in spec.sections if sec.per_source}
    for section in brief.sections:
        placed = section_items.setdefault(section.name, [])
        titles.setdefault(section.name, section.name.replace("_", " "))
        for sid in section.snippet_ids:
            snip = snippets.get(sid)
            if snip is None or snip.source_id not in views:
                continue
            item = _item_view(snip, views[snip.source_id], warnings, (unverified or {}).get(sid))
            if placed and section.name not in per_source and _twins(placed[-1], item):
                # The same fact from another outlet: printed once, cited to both.
                merged = replace(placed[-1], also=(*placed[-1].also, item.source),
                                 cite=Markup(placed[-1].cite + item.source.cite))
                all_items[all_items.index(placed[-1])] = merged
                placed[-1] = merged
                continue
            placed.append(item)
            all_items.append(item)
    section_views = {name: SectionView(name, titles[name], tuple(items)) for name, items in section_items.items()}

    fields: dict[str, str] = {}
    for spec_field in spec.fields:
        if spec_field.default is not None:
            fields[spec_field.name] = spec_field.default
        elif not spec_field.required:
            fields[spec_field.name] = ""
    for name, value in brief.fields.items():
        fields[name] = clean_for_print(value, f"field {name}", warnings)

    # What the brief knows is as current as its newest source's publication date, not the day it was
    # imported: a brief on 2019 articles drafted today is current as of 2019.
    published = [s.meta.published for s in sources.values() if s.id in views and s.meta.published]
    current_as_of = long_date(max(published)) if published else ""
    cited = [views[s] for s in order]
    title = clean_for_print(brief.title, "title", warnings)
    marking_text = clean_for_print(marking or brief.marking or spec.marking, "marking", warnings)
    return frozen({
        "brief": {
            "ref": brief.ref if brief.id is not None else "",
            "title": title,
            "template": brief.template,
            "revision": brief.revision,
            "created": long_date(brief.created_at),
            "updated": long_date(brief.updated_at),
        },
        "title": title,
        "marking": marking_text,
        "fields": fields,
        "today": long_date(now),
        "checked_on": long_date(now),
        "sources_current_as_of": current_as_of,
        "sections": section_views,
        "items": all_items,
        "quotes": [i for i in all_items if i.kind == "quote"],
        "facts": [i for i in all_items if i.kind == "fact"],
        "notes": [i for i in all_items if i.kind == "note"],
        "sources": cited,
        "bibliography": bibliography(cited, sources),
        "stories": stories(cited, sources),
        "date_range": date_range([s.meta.published for s in sources.values() if s.id in views]),
        "template": {
            "name": spec.name,
            "title": spec.title,
            "citation_style": spec.citation_style,
            "word_budget": spec.word_budget,
        },
        "warnings": warnings,
    })


def _source_view(n: int, source: Source, spec: TemplateSpec, warnings: list[str]) -> SourceView:
    meta = source.meta
    where = f"source {source.ref}"
    # A local path (a title a PDF writer filled with "C:\\Users\\...\\report.docx", a file's own path)
    # says where someone keeps their files: it never reaches an export, only the file's name does.
    title = without_local_paths(clean_for_print(citation.title_of(meta, source.origin), where, warnings))
    author = without_local_paths(clean_for_print(meta.author, where, warnings))
    publication = without_local_paths(clean_for_print(meta.publication, where, warnings))
    published = long_date(meta.published)
    url = clean_for_print(meta.url, where, warnings)
    # Only a plain web address goes into a link; anything else is printed as text, never as Markdown.
    if url and not re.match(r"^https?://[^\s<>]+$", url):
        url = ""
    cleaned = source.meta.replace(title=title, author=author or None, publication=publication or None,
                                  url=url or None)
    full = citation.full(cleaned, source.origin, escape=md_escape, italic=_italic, link=lambda u: f"<{u}>")
    short = citation.label(cleaned, source.origin)
    view = SourceView(
        n=n, ref=source.ref, title=title, author=citation.author_line(author), publication=publication,
        published=published, url=url, citation=Markup(full + "."), short=short,
        short_citation=Markup(citation.short(cleaned, source.origin, escape=md_escape, italic=_italic) + "."),
        named=Markup(f"*{md_escape(short)}*" + (f" ({published})" if published else "")),
    )
    if spec.citation_style == "footnote":
        return replace(view, cite=Markup(f"[^{source.ref}]"))
    named = f"*{md_escape(short)}*" + (f", {published}" if published else "")
    return replace(view, cite=Markup(f"({named})"))


def _item_view(snip: Snippet, source: SourceView, warnings: list[str], unverified: str | None = None) -> ItemView:
    where = f"snippet {snip.ref}"
    text = clean_for_print(snip.display_text, where, warnings).strip()
    if snip.kind.value == "quote":
        text = printed_quote(text)
    flag = Markup(f" **\\[{md_escape(unverified)}\\]**") if unverified else Markup("")
    return ItemView(
        ref=snip.ref,
        kind=snip.kind.value,
        text=text,
        verbatim=clean_for_print(snip.text, where, []),
        speaker=clean_for_print(snip.speaker, where, []),
        comment=clean_for_print(snip.comment, where, []),
        edited=snip.edited is not None and snip.edited != snip.text,
        source=source,
        # The note rides on the citation, which every template prints beside an item, so even a user's
        # template that knows nothing of `flag` shows it.
        cite=source.cite + flag,
        flag=flag,
    )


def footnote_definitions(context: Mapping[str, Any]) -> str:
    """The Markdown footnote definitions the `[^sN]` citations point at (footnote-style templates)."""
    if context["template"]["citation_style"] != "footnote" or not context["sources"]:
        return ""
    # The first note citing a source gives it in full; the writer uses the `-short` form after that.
    lines = []
    for s in context["sources"]:
        lines.append(f"[^{s.ref}]: {s.citation}")
        lines.append(f"[^{s.ref}-short]: {s.short_citation}")
    return "\n".join(lines) + "\n"


def _twins(first: ItemView, second: ItemView) -> bool:
    if not (first.kind == second.kind == "fact" and first.source.ref != second.source.ref
            and second.source.ref not in {s.ref for s in first.also}):
        return False  # decided without loading the comparison (rapidfuzz) that a brief from one source never needs
    from briefs.drafting.facts import same_fact

    return same_fact(first.verbatim, second.verbatim)


def stories(views: list[SourceView], sources: Mapping[int, Source]) -> list[StoryView]:
    """The cited sources grouped by story (articles from several outlets on one event), in citation order."""
    from briefs.drafting.stories import group_stories

    by_ref = {s.ref: s for s in sources.values()}
    groups = group_stories([by_ref[v.ref].text for v in views])
    return [StoryView(views[g[0]], tuple(views[i] for i in g[1:])) for g in groups]


def bibliography(views: list[SourceView], sources: Mapping[int, Source]) -> list[SourceView]:
    """The sources list: alphabetical (by first author, else outlet, then title), each source once even
    when it was imported twice (the same web address, or the same title from the same outlet)."""
    by_ref = {s.ref: s for s in sources.values()}
    seen: set[tuple[str, ...]] = set()
    unique = []
    for view in views:
        source = by_ref[view.ref]
        key = ("url", view.url) if view.url else ("title", view.title.casefold(), view.publication.casefold())
        if key in seen:
            continue
        seen.add(key)
        unique.append((citation.sort_key(source.meta, source.origin), view))
    return [view for _, view in sorted(unique, key=lambda pair: pair[0])]


def _italic(text: str) -> str:
    return f"*{text}*"


__all__ = ["ItemView", "SectionView", "SourceView", "StoryView", "bibliography", "build_context",
           "footnote_definitions", "stories"]
