"""Sources on the desk: importing (a file, a URL, standard input or pasted text), correcting a
citation, removing and restoring."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from briefs.actions.history import Change, SourceRemoved
from briefs.errors import InputError
from briefs.model import NewSource, Source, SourceMeta

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.settings import ImportLimits

META_FIELDS = ("title", "author", "publication", "published")


@dataclass(frozen=True)
class Imported:
    source: Source
    status: str
    """imported, exists (the same text was already on the desk), restored (it had been removed), or
    updated (it was on the desk and the citation details given now corrected it)."""


def citation_overrides(values: Mapping[str, str | None]) -> dict[str, str]:
    """The citation details a user gave (title, author, publication, published), validated."""
    given = {k: v for k, v in values.items() if v}
    unknown = set(given) - set(META_FIELDS)
    if unknown:
        raise InputError(f"{sorted(unknown)[0]} is not a citation detail; use one of {', '.join(META_FIELDS)}")
    try:
        SourceMeta(**given)
    except ValueError as exc:
        raise InputError(f"date {given.get('published')!r}: {exc}") from None
    return given


def add_source(desk: Desk, new: NewSource, overrides: Mapping[str, str] | None = None) -> Imported:
    """Put an imported snapshot on the desk, with the citation details the user gave over the found ones."""
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    if overrides:
        new = new.replace(meta=new.meta.replace(**overrides))
    with desk.transaction():
        added = desk.add_source(new)
        source = added.source
        status = "imported" if added.created else ("restored" if added.restored else "exists")
        if status == "exists" and overrides:
            # The text is already on the desk: the details given now correct its citation.
            meta = source.meta.replace(**overrides)
            if meta != source.meta:
                source = desk.update_source_meta(source.id, meta)
                status = "updated"
    return Imported(source, status)


def import_source(
    desk: Desk,
    target: str,
    *,
    url: str | None = None,
    overrides: Mapping[str, str] | None = None,
    limits: ImportLimits | None = None,
    stdin: BinaryIO | None = None,
) -> Imported:
    """Import one path, http(s) URL or `-` (standard input) onto the desk."""
    from briefs.sources import load_source

    return add_source(desk, load_source(target, url=url, limits=limits, stdin=stdin), overrides)


def import_paste(desk: Desk, text: str, *, url: str | None = None,
                 overrides: Mapping[str, str] | None = None) -> Imported:
    """Import pasted text, with what the user typed about it (title, outlet, author, date)."""
    from briefs.sources import load_paste

    return add_source(desk, load_paste(text, url=url), overrides)


def update_citation(desk: Desk, source_id: int, meta: SourceMeta) -> Source:
    """Correct a source's citation details (its text never changes)."""
    with desk.transaction():
        return desk.update_source_meta(source_id, meta)


def remove_source(desk: Desk, source_id: int) -> Change:
    """Hide a source from the library (its snapshot stays, so briefs citing it still verify)."""
    with desk.transaction():
        return SourceRemoved(desk.remove_source(source_id))
