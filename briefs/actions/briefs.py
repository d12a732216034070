"""Briefs: a new brief from a template, its fields edited without losing a colleague's edit, removal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from briefs.actions.history import BriefCreated, BriefRemoved, BriefRewritten, Change, with_content
from briefs.errors import ConflictError, InputError
from briefs.model import Brief, Section
from briefs.text import one_line

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.templates.spec import TemplateSpec


def new_brief(
    desk: Desk,
    spec: TemplateSpec,
    *,
    title: str,
    fields: Mapping[str, str] | None = None,
    marking: str | None = None,
) -> tuple[Brief, Change]:
    """Create and save a brief with every section of its template (empty), its fields at the template's
    defaults and then the values given."""
    title = one_line(title)
    if not title:
        raise InputError("a brief needs a title; type one")
    given = dict(fields or {})
    unknown = [name for name in given if spec.field(name) is None]
    if unknown:
        known = ", ".join(f.name for f in spec.fields)
        raise InputError(f"template {spec.name} has no field {unknown[0]!r}; its fields are: {known}")
    values = {f.name: f.default for f in spec.fields if f.default} | given
    with desk.transaction():
        brief = desk.create_brief(Brief(
            template=spec.name, title=title, fields=values, marking=marking or spec.marking,
            sections=tuple(Section(name=name) for name in spec.section_names()),
        ))
    return brief, BriefCreated(brief)


def remove_brief(desk: Desk, brief_id: int) -> Change:
    """Delete a brief (its snippets stay on the desk); undo recreates it."""
    with desk.transaction():
        return BriefRemoved(desk.remove_brief(brief_id))


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


def with_field(brief: Brief, name: str, value: str) -> Brief:
    """`brief` with one editable field (title and marking included) set to `value`."""
    if name == "title":
        return brief.replace(title=value)
    if name == "marking":
        return brief.replace(marking=value or None)
    return brief.replace(fields={**brief.fields, name: value})


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
            with desk.transaction():
                return desk.save_brief(with_field(brief, name, value))
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


def restore_revision(desk: Desk, brief_id: int, revision: int) -> tuple[Brief, Change]:
    """Bring back an earlier revision of a brief as its newest one: the history keeps everything between,
    so restoring is itself a change that can be undone or restored past."""
    with desk.transaction():
        old = desk.get_brief_revision(brief_id, revision)
        current = desk.get_brief(brief_id)
        if revision == current.revision:
            raise InputError(f"revision {revision} is already the current one of {current.ref}; "
                             f"`briefs show {current.ref} --history` lists the others")
        saved = desk.save_brief(with_content(current, old))
    return saved, BriefRewritten(current, f"restored {current.ref} revision {revision} as revision {saved.revision}")
