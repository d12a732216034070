"""Arranging a brief: placing snippets in sections, reordering them, moving them between sections.

Each move starts from the desk's current revision of the brief, so a move made in one window lands on
top of what another window or a colleague saved, instead of overwriting it or failing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefs.actions.history import BriefChanged, Change, NoChange
from briefs.errors import InputError
from briefs.model import Brief, Section, Snippet, SnippetKind

if TYPE_CHECKING:
    from briefs.desk.base import Desk


def place_snippet(
    desk: Desk, brief_id: int, snippet_id: int, section: str, index: int | None = None
) -> tuple[Brief, Change]:
    """Put a snippet in a section (at `index`, else at the end), taking it out of any other section."""
    with desk.transaction():
        desk.get_snippet(snippet_id)  # a NotFound for a stale id, before anything changes
        brief = desk.get_brief(brief_id)
        sections = _with_placed(_without(brief.sections, snippet_id), snippet_id, section, index)
        return _save(desk, brief, sections, f"placed n{snippet_id} in {section}")


def insert_placed(desk: Desk, brief_id: int, snippet_id: int, section: str, index: int) -> None:
    """Put a snippet back where it was (undoing its removal), if the brief still has that section."""
    brief = desk.get_brief(brief_id)
    if brief.section(section) is None:
        return
    desk.save_brief(brief.replace(sections=_with_placed(_without(brief.sections, snippet_id), snippet_id,
                                                        section, index)))


def unplace_snippet(desk: Desk, brief_id: int, snippet_id: int) -> tuple[Brief, Change]:
    """Take a snippet out of the brief (it stays on the desk)."""
    with desk.transaction():
        brief = desk.get_brief(brief_id)
        return _save(desk, brief, _without(brief.sections, snippet_id), f"took n{snippet_id} out of the brief")


def move_snippet(desk: Desk, brief_id: int, snippet_id: int, delta: int) -> tuple[Brief, Change]:
    """Move a snippet up (`delta` < 0) or down within its section; past the edge it moves to the
    neighbouring section (last place when moving up, first when moving down)."""
    with desk.transaction():
        brief = desk.get_brief(brief_id)
        section_index, position = _locate(brief, snippet_id)
        ids = list(brief.sections[section_index].snippet_ids)
        target = position + delta
        if 0 <= target < len(ids):
            ids.insert(target, ids.pop(position))
            sections = list(brief.sections)
            sections[section_index] = sections[section_index].replace(snippet_ids=ids)
            return _save(desk, brief, sections, f"moved n{snippet_id} {'up' if delta < 0 else 'down'}")
        neighbour = section_index + (1 if delta > 0 else -1)
        if not 0 <= neighbour < len(brief.sections):
            return brief, NoChange(f"n{snippet_id} is already at the {'end' if delta > 0 else 'top'}")
        name = brief.sections[neighbour].name
        return place_snippet(desk, brief_id, snippet_id, name, 0 if delta > 0 else None)


def move_to_section(desk: Desk, brief_id: int, snippet_id: int, step: int) -> tuple[Brief, Change]:
    """Move a snippet to the next (`step` > 0) or previous section, at the end."""
    with desk.transaction():
        brief = desk.get_brief(brief_id)
        neighbour = _locate(brief, snippet_id)[0] + step
        if not 0 <= neighbour < len(brief.sections):
            return brief, NoChange(f"n{snippet_id} is already in the {'last' if step > 0 else 'first'} section")
        return place_snippet(desk, brief_id, snippet_id, brief.sections[neighbour].name)


def locate(brief: Brief, snippet_id: int) -> tuple[int, int] | None:
    """(section index, position) of a snippet in a brief, or None."""
    for i, section in enumerate(brief.sections):
        if snippet_id in section.snippet_ids:
            return i, section.snippet_ids.index(snippet_id)
    return None


def section_for(brief: Brief, kind: SnippetKind | str, accepts: dict[str, tuple[str, ...]] | None = None) -> str | None:
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


# ------------------------------------------------------------------------------------------ helpers
def _locate(brief: Brief, snippet_id: int) -> tuple[int, int]:
    where = locate(brief, snippet_id)
    if where is None:
        raise InputError(f"n{snippet_id} is not in brief {brief.ref}; place it in a section first")
    return where


def _without(sections: tuple[Section, ...], snippet_id: int) -> list[Section]:
    return [s.replace(snippet_ids=[i for i in s.snippet_ids if i != snippet_id]) for s in sections]


def _with_placed(sections: list[Section], snippet_id: int, name: str, index: int | None) -> list[Section]:
    for i, section in enumerate(sections):
        if section.name == name:
            ids = list(section.snippet_ids)
            ids.insert(len(ids) if index is None else max(0, min(index, len(ids))), snippet_id)
            sections[i] = section.replace(snippet_ids=ids)
            return sections
    raise InputError(f"the brief has no section {name!r}; pick one of {', '.join(s.name for s in sections)}")


def _save(desk: Desk, before: Brief, sections: list[Section], label: str) -> tuple[Brief, Change]:
    assert before.id is not None
    saved = desk.save_brief(before.replace(sections=sections))
    return saved, BriefChanged(before.id, before.sections, label)
