"""A desk with the bundled sample article (s1) and a helper to pick passages from it by their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.desk import Desk
from briefs.model import Brief, Section, Snippet, SnippetKind


@pytest.fixture
def desk(tmp_path: Path, clock):
    d = open_for_work(tmp_path / "desk.sqlite", clock=clock)
    yield d
    d.close()


def pick(desk: Desk, words: str, kind: str = "quote", *, source_id: int = 1, speaker: str | None = None,
         edited: str | None = None) -> Snippet:
    text = desk.get_source(source_id).text
    start = text.index(words)
    return desk.add_snippet(Snippet(source_id=source_id, kind=SnippetKind(kind), start=start, end=start + len(words),
                                    text=words, speaker=speaker, edited=edited))


def brief_of(desk: Desk, *sections: tuple[str, list[Snippet]], fields: dict[str, str] | None = None,
             template: str = "issue-brief") -> Brief:
    return desk.create_brief(Brief(
        template=template, title="Water utilities", fields=fields or {},
        sections=[Section(name=name, snippet_ids=[s.id for s in items]) for name, items in sections],
    ))
