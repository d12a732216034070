"""Picking, editing and removing snippets: suggestions accepted, passages selected, speakers corrected.

A passage picked twice (the same source, kind and offsets) is one snippet: picking it again returns the
one on the desk, so neither the app nor `briefs draft` fills a desk with copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefs.actions.history import (
    Change,
    NoChange,
    SnippetAdded,
    SnippetEdited,
    SnippetRemoved,
    SuggestionRejected,
)
from briefs.errors import InputError
from briefs.model import Snippet, SnippetKind, Source
from briefs.text import one_line

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.extract.results import Fact, Quote

# Quotation marks a selection may include by accident; a quote snippet holds the words inside them.
_QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚"


def quote_snippet(source_id: int, quote: Quote) -> Snippet:
    """The snippet an accepted quote suggestion becomes (not yet saved)."""
    return Snippet(
        source_id=source_id, kind=SnippetKind.QUOTE, start=quote.start, end=quote.end, text=quote.text,
        speaker=quote.speaker, origin="suggested",
    )


def fact_snippet(source_id: int, fact: Fact) -> Snippet:
    """The snippet an accepted fact suggestion becomes (not yet saved)."""
    return Snippet(
        source_id=source_id, kind=SnippetKind.FACT, start=fact.start, end=fact.end, text=fact.text,
        origin="suggested",
    )


def selection_snippet(
    source: Source, start: int, end: int, kind: SnippetKind | str, *, speaker: str | None = None
) -> Snippet:
    """The snippet a selected passage becomes: trimmed of surrounding space (and quote marks, for a quote).

    Offsets may come in either order (a selection made backwards). `source` must carry its text.
    """
    kind = SnippetKind(kind)
    start, end = sorted((start, end))
    text = source.text
    if not 0 <= start <= end <= len(text):
        raise InputError(f"the selection {start}-{end} is outside source {source.ref}; select the passage again")
    strip = " \t\r\n" + (_QUOTE_MARKS if kind is SnippetKind.QUOTE else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if start == end:
        raise InputError(f"nothing is selected in {source.ref}; select a passage first (shift+arrows or the mouse)")
    return Snippet(source_id=source.id, kind=kind, start=start, end=end, text=text[start:end], speaker=speaker)


def picked(desk: Desk, snippet: Snippet) -> Snippet | None:
    """The snippet already on the desk for the same passage and kind, if any."""
    return next((s for s in desk.list_snippets(snippet.source_id) if s.span == snippet.span), None)


def pick(desk: Desk, snippet: Snippet) -> tuple[Snippet, Change]:
    """Save a new snippet, unless the same passage is already picked as the same kind (then return that)."""
    with desk.transaction():
        existing = picked(desk, snippet)
        if existing is not None:
            return existing, NoChange(f"{existing.kind} {existing.ref} was already picked")
        saved = desk.add_snippet(snippet)
    return saved, SnippetAdded(saved)


def edit_snippet(desk: Desk, snippet_id: int, **changes: str | None) -> tuple[Snippet, Change]:
    """Change a snippet's speaker, kind, edited wording or comment."""
    with desk.transaction():
        before = desk.get_snippet(snippet_id)
        if isinstance(changes.get("speaker"), str):
            changes["speaker"] = one_line(changes["speaker"]) or None
        after = desk.update_snippet(before.replace(**changes))
    return after, SnippetEdited(before, after)


def remove_snippet(desk: Desk, snippet_id: int) -> Change:
    """Delete a snippet and take it out of every brief that places it (undo puts both back)."""
    with desk.transaction():
        placements: list[tuple[int, str, int]] = []
        for brief in desk.list_briefs():
            if snippet_id not in brief.snippet_ids():
                continue
            sections = []
            for section in brief.sections:
                if snippet_id in section.snippet_ids:
                    placements.append((brief.id or 0, section.name, section.snippet_ids.index(snippet_id)))
                    section = section.replace(snippet_ids=[i for i in section.snippet_ids if i != snippet_id])
                sections.append(section)
            desk.save_brief(brief.replace(sections=sections))
        snippet = desk.remove_snippet(snippet_id)
    return SnippetRemoved(snippet, placements)


def reject_suggestion(desk: Desk, source_id: int, kind: SnippetKind | str, start: int, end: int) -> Change:
    """Hide a suggested quote or fact (the extract engine's, at these offsets) for good: it stays hidden
    after a restart, in every window; undo shows it again."""
    kind = SnippetKind(kind)
    if kind is SnippetKind.NOTE:
        raise InputError("only a suggested quote or fact can be rejected; a note is never suggested")
    if not 0 <= start <= end:
        raise InputError(f"the suggestion {start}-{end} in s{source_id} is not a passage; select it again")
    with desk.transaction():
        if not desk.reject_suggestion(source_id, kind.value, start, end):
            return NoChange(f"that {kind.value} suggestion in s{source_id} was already rejected")
    return SuggestionRejected(source_id, kind.value, start, end)

