"""Collecting: turn suggestions and selections into snippets, and arrange snippets in a brief.

These are the operations the drafting app offers (accept a suggestion, make a selection a quote, move
a snippet between sections, ...). Each one saves to the desk at once and returns a `Change` that knows
how to undo itself, so the UI only keeps a stack of changes and holds no rules of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from briefs.errors import ConflictError, InputError
from briefs.model import Brief, Section, Snippet, SnippetKind, Source

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.extract.results import Fact, Quote

# Quotation marks a selection may include by accident; a quote snippet holds the words inside them.
_QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚"


class Change(Protocol):
    """A change already saved to the desk. `undo` reverts it and returns the change that redoes it."""

    label: str

    def undo(self, desk: Desk) -> Change: ...


# ----------------------------------------------------------------------------------------- snippets
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


def add_snippet(desk: Desk, snippet: Snippet) -> tuple[Snippet, Change]:
    """Save a new snippet, unless the same passage is already picked as the same kind (then return that)."""
    for existing in desk.list_snippets(snippet.source_id):
        if (existing.kind, existing.start, existing.end) == (snippet.kind, snippet.start, snippet.end):
            return existing, NoChange(f"{existing.kind} {existing.ref} was already picked")
    saved = desk.add_snippet(snippet)
    return saved, SnippetAdded(saved)


def update_snippet(desk: Desk, snippet: Snippet, **changes: object) -> tuple[Snippet, Change]:
    """Change a snippet's speaker, kind, edited wording or comment."""
    if snippet.id is None:
        raise InputError("this snippet was never saved; pick it again")
    before = desk.get_snippet(snippet.id)
    if "speaker" in changes and isinstance(changes["speaker"], str):
        changes["speaker"] = " ".join(changes["speaker"].split()) or None
    after = desk.update_snippet(before.model_copy(update=changes))
    return after, SnippetEdited(before, after)


def remove_snippet(desk: Desk, snippet_id: int) -> Change:
    """Delete a snippet and take it out of every brief that places it."""
    placements: list[tuple[int, str, int]] = []
    for brief in desk.list_briefs():
        changed = False
        for section in brief.sections:
            if snippet_id in section.snippet_ids:
                placements.append((brief.id or 0, section.name, section.snippet_ids.index(snippet_id)))
                section.snippet_ids = [i for i in section.snippet_ids if i != snippet_id]
                changed = True
        if changed:
            brief.sections = list(brief.sections)
            desk.save_brief(brief)
    snippet = desk.remove_snippet(snippet_id)
    return SnippetRemoved(snippet, placements)


# ------------------------------------------------------------------------------------------- briefs
def new_brief(
    desk: Desk, *, template: str, title: str, sections: list[str], fields: dict[str, str] | None = None,
    marking: str | None = None,
) -> Brief:
    """Create and save a brief with the template's sections, empty."""
    title = " ".join(title.split())
    if not title:
        raise InputError("a brief needs a title; type one")
    return desk.create_brief(
        Brief(
            template=template, title=title, fields=dict(fields or {}), marking=marking,
            sections=[Section(name=name) for name in sections],
        )
    )


class FieldConflict(ConflictError):
    """Someone else saved a different text for the same field: both texts are kept here for the user."""

    def __init__(self, brief: Brief, name: str, mine: str, theirs: str) -> None:
        super().__init__(
            f"{name} of brief {brief.ref} was changed elsewhere while you edited it; both texts are kept: "
            "choose yours, theirs, or both",
            current_revision=brief.revision,
        )
        self.brief = brief
        self.name = name
        self.mine = mine
        self.theirs = theirs


def field_value(brief: Brief, name: str) -> str:
    """A brief's text for an editable field; `title` and `marking` are fields too."""
    if name == "title":
        return brief.title
    if name == "marking":
        return brief.marking or ""
    return brief.fields.get(name, "")


def _with_field(brief: Brief, name: str, value: str) -> Brief:
    if name == "title":
        return brief.model_copy(update={"title": value})
    if name == "marking":
        return brief.model_copy(update={"marking": value or None})
    return brief.model_copy(update={"fields": {**brief.fields, name: value}})


def set_field(desk: Desk, brief: Brief, name: str, value: str) -> Brief:
    """Save one field's value over `brief` (the revision the editor last saw).

    When someone else saved the brief meanwhile, the edit is applied on top of their revision if they
    left this field as it was (no lost update either way); if they changed this field too, FieldConflict
    carries both texts so the user decides. `title` and `marking` are fields here.
    """
    if name == "title" and not value.strip():
        return brief
    base = field_value(brief, name)
    for _ in range(5):
        try:
            return desk.save_brief(_with_field(brief, name, value))
        except ConflictError:
            if brief.id is None:
                raise
            current = desk.get_brief(brief.id)
            theirs = field_value(current, name)
            if theirs not in (base, value):
                raise FieldConflict(current, name, mine=value, theirs=theirs) from None
            brief = current
    raise ConflictError(f"brief {brief.ref} keeps changing elsewhere; your text was kept, try again")


def set_marking(desk: Desk, brief: Brief, marking: str | None) -> Brief:
    return set_field(desk, brief, "marking", marking or "")


def place_snippet(
    desk: Desk, brief: Brief, snippet_id: int, section: str, index: int | None = None
) -> tuple[Brief, Change]:
    """Put a snippet in a section (at `index`, else at the end), taking it out of any other section."""
    desk.get_snippet(snippet_id)  # a NotFound for a stale id, before anything changes
    brief = latest(desk, brief)
    before = brief
    sections = _without(brief.sections, snippet_id)
    target = _find(sections, section)
    ids = list(target.snippet_ids)
    ids.insert(len(ids) if index is None else max(0, min(index, len(ids))), snippet_id)
    target.snippet_ids = ids
    return _save(desk, before, sections, f"placed n{snippet_id} in {section}")


def unplace_snippet(desk: Desk, brief: Brief, snippet_id: int) -> tuple[Brief, Change]:
    """Take a snippet out of the brief (it stays on the desk)."""
    brief = latest(desk, brief)
    return _save(desk, brief, _without(brief.sections, snippet_id), f"took n{snippet_id} out of the brief")


def move_snippet(desk: Desk, brief: Brief, snippet_id: int, delta: int) -> tuple[Brief, Change]:
    """Move a snippet up (`delta` < 0) or down within its section; past the edge it moves to the
    neighbouring section (last place when moving up, first when moving down)."""
    brief = latest(desk, brief)
    where = locate(brief, snippet_id)
    if where is None:
        raise InputError(f"n{snippet_id} is not in brief {brief.ref}; place it in a section first")
    section_index, position = where
    ids = brief.sections[section_index].snippet_ids
    target = position + delta
    if 0 <= target < len(ids):
        sections = [s.model_copy(deep=True) for s in brief.sections]
        moved = sections[section_index].snippet_ids
        moved.insert(target, moved.pop(position))
        return _save(desk, brief, sections, f"moved n{snippet_id} {'up' if delta < 0 else 'down'}")
    neighbour = section_index + (1 if delta > 0 else -1)
    if not 0 <= neighbour < len(brief.sections):
        return brief, NoChange(f"n{snippet_id} is already at the {'end' if delta > 0 else 'top'}")
    name = brief.sections[neighbour].name
    return place_snippet(desk, brief, snippet_id, name, 0 if delta > 0 else None)


def move_to_section(desk: Desk, brief: Brief, snippet_id: int, step: int) -> tuple[Brief, Change]:
    """Move a snippet to the next (`step` > 0) or previous section, at the end."""
    brief = latest(desk, brief)
    where = locate(brief, snippet_id)
    if where is None:
        raise InputError(f"n{snippet_id} is not in brief {brief.ref}; place it in a section first")
    neighbour = where[0] + step
    if not 0 <= neighbour < len(brief.sections):
        return brief, NoChange(f"n{snippet_id} is already in the {'last' if step > 0 else 'first'} section")
    return place_snippet(desk, brief, snippet_id, brief.sections[neighbour].name)


def locate(brief: Brief, snippet_id: int) -> tuple[int, int] | None:
    """(section index, position) of a snippet in a brief, or None."""
    for i, section in enumerate(brief.sections):
        if snippet_id in section.snippet_ids:
            return i, section.snippet_ids.index(snippet_id)
    return None


def section_for(brief: Brief, kind: SnippetKind | str, accepts: dict[str, list[str]] | None = None) -> str | None:
    """The section a snippet of `kind` most likely belongs in.

    `accepts` maps section names to the kinds the template lets in (a template's `accepts` lists); the
    first section that takes the kind wins. Without it, section names are matched ("Key facts", "What
    they said").
    """
    kind = SnippetKind(kind)
    if accepts:
        for section in brief.sections:
            if kind.value in accepts.get(section.name, ()):
                return section.name
    hints = {
        SnippetKind.QUOTE: ("quote", "said", "say", "voices"),
        SnippetKind.FACT: ("fact", "figure", "number", "background", "happened"),
        SnippetKind.NOTE: ("note", "background", "discussion", "context"),
    }[kind]
    for section in brief.sections:
        if any(h in section.name.lower() for h in hints):
            return section.name
    return brief.sections[0].name if brief.sections else None


def unplaced_snippets(desk: Desk, brief: Brief) -> list[Snippet]:
    """Snippets on the desk that the brief does not use yet, newest first."""
    used = set(brief.snippet_ids())
    return [s for s in reversed(desk.list_snippets()) if s.id not in used]


# ---------------------------------------------------------------------------------------- citations
def citation(source: Source) -> str:
    """A one-line citation: author, "title", outlet, date, URL (whatever the source has)."""
    meta = source.meta
    title = f"“{meta.title}”" if meta.title else source.origin
    parts = [meta.author, title, meta.publication, meta.published, meta.url]
    return ", ".join(p for p in parts if p)


def with_citation(snippet: Snippet, source: Source) -> str:
    """A snippet as someone would paste it into an email: the words, who said them, and where."""
    if snippet.kind is SnippetKind.QUOTE:
        said = f" — {snippet.speaker}" if snippet.speaker else ""
        return f"“{snippet.display_text}”{said} ({citation(source)})"
    return f"{snippet.display_text} ({citation(source)})"


# ------------------------------------------------------------------------------------------ changes
@dataclass
class NoChange:
    label: str

    def undo(self, desk: Desk) -> Change:
        return self


@dataclass
class SnippetAdded:
    snippet: Snippet
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"picked {self.snippet.kind} {self.snippet.ref}"

    def undo(self, desk: Desk) -> Change:
        assert self.snippet.id is not None
        return remove_snippet(desk, self.snippet.id)


@dataclass
class SnippetRemoved:
    snippet: Snippet
    placements: list[tuple[int, str, int]] = field(default_factory=list)
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"removed {self.snippet.kind} {self.snippet.ref}"

    def undo(self, desk: Desk) -> Change:
        # The desk gives the restored snippet a new id; the briefs that placed it get the new id back
        # at the place it had.
        restored = desk.add_snippet(self.snippet.model_copy(update={"id": None}))
        assert restored.id is not None
        for brief_id, section, index in self.placements:
            brief = desk.get_brief(brief_id)
            place_snippet(desk, brief, restored.id, section, index)
        return SnippetAdded(restored, label=f"restored {restored.kind} {restored.ref}")


@dataclass
class SnippetEdited:
    before: Snippet
    after: Snippet
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"edited {self.after.ref}"

    def undo(self, desk: Desk) -> Change:
        desk.update_snippet(self.before)
        return SnippetEdited(self.after, self.before, label=f"restored {self.before.ref}")


@dataclass
class BriefChanged:
    """The arrangement (sections) of a brief before a change; undo puts it back as a new revision."""

    brief_id: int
    sections: list[Section]
    label: str

    def undo(self, desk: Desk) -> Change:
        current = desk.get_brief(self.brief_id)
        desk.save_brief(current.model_copy(update={"sections": self.sections}))
        return BriefChanged(self.brief_id, current.sections, label=f"undid: {self.label}")


@dataclass
class SourceRemoved:
    source: Source
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"removed {self.source.ref}"

    def undo(self, desk: Desk) -> Change:
        restored = desk.restore_source(self.source.id)
        return SourceRestored(restored)


@dataclass
class SourceRestored:
    source: Source
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"restored {self.source.ref}"

    def undo(self, desk: Desk) -> Change:
        return SourceRemoved(desk.remove_source(self.source.id))


@dataclass
class BriefRemoved:
    brief: Brief
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"deleted brief {self.brief.ref}"

    def undo(self, desk: Desk) -> Change:
        # Recreated under a new id, with its fields, arrangement and marking.
        restored = desk.create_brief(self.brief.model_copy(update={"id": None, "revision": 0}))
        return BriefCreated(restored)


@dataclass
class BriefCreated:
    brief: Brief
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"created brief {self.brief.ref}"

    def undo(self, desk: Desk) -> Change:
        assert self.brief.id is not None
        return BriefRemoved(desk.remove_brief(self.brief.id))


def remove_brief(desk: Desk, brief_id: int) -> Change:
    """Delete a brief (its snippets stay on the desk); undo recreates it."""
    return BriefRemoved(desk.remove_brief(brief_id))


def remove_source(desk: Desk, source_id: int) -> Change:
    """Hide a source from the library (its snapshot stays, so briefs citing it still verify)."""
    return SourceRemoved(desk.remove_source(source_id))


# ------------------------------------------------------------------------------------------ helpers
def latest(desk: Desk, brief: Brief) -> Brief:
    """The desk's current revision of `brief`. Arrangement changes start from it, so a move made here
    lands on top of what another window or colleague saved, instead of overwriting it or failing."""
    return desk.get_brief(brief.id) if brief.id is not None else brief


def _find(sections: list[Section], name: str) -> Section:
    for section in sections:
        if section.name == name:
            return section
    raise InputError(f"the brief has no section {name!r}; pick one of {', '.join(s.name for s in sections)}")


def _without(sections: list[Section], snippet_id: int) -> list[Section]:
    return [Section(name=s.name, snippet_ids=[i for i in s.snippet_ids if i != snippet_id]) for s in sections]


def _save(desk: Desk, before: Brief, sections: list[Section], label: str) -> tuple[Brief, Change]:
    assert before.id is not None
    saved = desk.save_brief(before.model_copy(update={"sections": sections}))
    return saved, BriefChanged(before.id, [s.model_copy(deep=True) for s in before.sections], label)
