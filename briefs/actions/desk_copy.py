"""Copying a desk into another (`briefs desk copy SRC DST`): a personal SQLite desk into the team's
PostgreSQL desk, or back, losslessly.

Sources come over with their text, citation details, original bytes, SHA-256, import time and removed
state; snippets with their offsets, wording, speaker, author and time; briefs with every revision, who
saved it and when, and their uid. IDs are the destination's own, so every item is remapped (and sections
name the new snippet ids). What the destination already has is recognised, not copied again: a source
by its SHA-256, a snippet by its source, kind and offsets, a brief by its uid; so a second run copies
nothing, and an interrupted run is finished by running it again (each batch is one transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefs.model import Brief, NewSource, Section

if TYPE_CHECKING:
    from briefs.desk.base import Desk

BATCH = 200  # sources per destination transaction: a failure loses at most one batch, never half of one
SAMPLE_OFFERED = "sample_offered"


@dataclass
class Copied:
    """What a copy did: for each kind, source-desk id -> destination id, and which of those it created."""

    sources: dict[int, int] = field(default_factory=dict)
    snippets: dict[int, int] = field(default_factory=dict)
    briefs: dict[int, int] = field(default_factory=dict)
    created: set[tuple[str, int]] = field(default_factory=set)
    """(kind, source-desk id) of every item this run created."""
    dropped: int = 0
    """Placements of snippets the source desk no longer had (they named nothing there either)."""

    def count(self, kind: str) -> int:
        return sum(1 for k, _ in self.created if k == kind)


def copy_desk(src: Desk, dst: Desk, *, progress: Callable[[str, int, int], None] | None = None) -> Copied:
    """Copy everything on `src` that `dst` lacks onto `dst`; returns the id maps."""
    done = Copied()
    report = progress or (lambda what, n, total: None)
    listed = src.list_sources(include_removed=True)
    listed.sort(key=lambda s: s.id)
    for start in range(0, len(listed), BATCH):
        batch = listed[start:start + BATCH]
        full = src.get_sources(s.id for s in batch)
        with dst.transaction():
            for item in batch:
                source = full[item.id]
                media_type, original = src.source_original(source.id)
                added = dst.add_source(
                    NewSource(kind=source.kind, origin=source.origin, text=source.text, meta=source.meta,
                              original=original, original_type=media_type),
                    imported_at=source.imported_at, removed=source.removed,
                )
                done.sources[source.id] = added.source.id
                if added.created:
                    done.created.add(("source", source.id))
        report("sources", min(start + BATCH, len(listed)), len(listed))

    snippets = src.list_snippets()
    existing: dict[int, dict[tuple, int]] = {}
    with dst.transaction():
        for index, snippet in enumerate(snippets, 1):
            assert snippet.id is not None
            target = done.sources.get(snippet.source_id)
            if target is None:
                continue
            spans = existing.get(target)
            if spans is None:
                spans = existing[target] = {s.span: s.id for s in dst.list_snippets(target) if s.id is not None}
            moved = snippet.replace(id=None, source_id=target)
            if moved.span in spans:
                done.snippets[snippet.id] = spans[moved.span]
                continue
            added = dst.add_snippet(moved)
            assert added.id is not None
            spans[added.span] = added.id
            done.snippets[snippet.id] = added.id
            done.created.add(("snippet", snippet.id))
            if index % BATCH == 0:
                report("snippets", index, len(snippets))
    report("snippets", len(snippets), len(snippets))

    briefs = sorted(src.list_briefs(), key=lambda b: b.id or 0)
    for brief in briefs:
        assert brief.id is not None
        there = dst.find_brief(brief.uid) if brief.uid else None
        if there is not None:
            assert there.id is not None
            done.briefs[brief.id] = there.id
            continue
        history = [_remapped(revision, done) for revision in reversed(src.brief_history(brief.id))]
        with dst.transaction():
            adopted = dst.adopt_brief(history)
        assert adopted.id is not None
        done.briefs[brief.id] = adopted.id
        done.created.add(("brief", brief.id))
    report("briefs", len(briefs), len(briefs))
    if src.get_property(SAMPLE_OFFERED) is not None or done.sources:
        # A copied desk has had its start: opening it for work must not add the sample article to it.
        with dst.transaction():
            if dst.get_property(SAMPLE_OFFERED) is None:
                dst.set_property(SAMPLE_OFFERED, "1")
    return done


def _remapped(revision: Brief, done: Copied) -> Brief:
    sections = []
    for section in revision.sections:
        ids = [done.snippets[i] for i in section.snippet_ids if i in done.snippets]
        done.dropped += len(section.snippet_ids) - len(ids)
        sections.append(Section(name=section.name, snippet_ids=tuple(ids)))
    return revision.replace(sections=tuple(sections))


def desk_fingerprint(desk: Desk) -> dict[str, object]:
    """What two desks holding the same work share whatever their ids: counts, and digests of the sources
    (SHA-256 of text and original bytes, citation details), snippets and briefs with their histories."""
    import hashlib
    import json

    sources = sorted(desk.list_sources(include_removed=True), key=lambda s: s.id)
    sha_of = {s.id: s.sha256 for s in sources}
    source_rows = []
    for s in sources:
        media, original = desk.source_original(s.id)
        source_rows.append([s.sha256, s.kind.value, s.origin, s.meta.to_json(), s.words, s.imported_at.isoformat(),
                            s.removed, media, hashlib.sha256(original).hexdigest()])
    snippets = desk.list_snippets()
    key_of = {n.id: [sha_of.get(n.source_id), n.kind.value, n.start, n.end] for n in snippets}
    snippet_rows = sorted([*key_of[n.id], n.text, n.speaker, n.edited, n.comment, n.origin,
                           n.created_at.isoformat() if n.created_at else None, n.author] for n in snippets)
    brief_rows = []
    for b in desk.list_briefs():
        assert b.id is not None
        history = [[r.revision, r.template, r.title, r.fields, r.marking, r.updated_by,
                    r.updated_at.isoformat() if r.updated_at else None,
                    # A placement of a snippet that is gone names nothing, and a copy drops it.
                    [[s.name, [key_of[i] for i in s.snippet_ids if i in key_of]] for s in r.sections]]
                   for r in desk.brief_history(b.id)]
        brief_rows.append([b.uid, b.created_at.isoformat() if b.created_at else None, history])
    brief_rows.sort(key=lambda row: str(row[0]))

    def digest(rows: object) -> str:
        return hashlib.sha256(json.dumps(rows, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    return {"sources": len(source_rows), "snippets": len(snippet_rows), "briefs": len(brief_rows),
            "source_digest": digest(sorted(source_rows)), "snippet_digest": digest(snippet_rows),
            "brief_digest": digest(brief_rows)}
