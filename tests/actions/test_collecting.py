"""Collecting snippets and arranging a brief: every operation saves at once and can be undone."""

from __future__ import annotations

import pytest

from briefs.actions import arrange, briefs, snippets, sources
from briefs.actions.sample import sample_source
from briefs.citation import with_citation
from briefs.desk import open_desk
from briefs.errors import InputError
from briefs.extract import analyse
from briefs.model import SnippetKind
from briefs.templates import SectionSpec, TemplateSpec


@pytest.fixture
def desk(desk_target: str, clock):  # on both backends
    d = open_desk(desk_target, clock=clock)
    yield d
    d.close()


def spec(*sections: str) -> TemplateSpec:
    return TemplateSpec(name="t", title="T", sections=tuple(SectionSpec(name=n, title=n) for n in sections))


@pytest.fixture
def source(desk):
    added = desk.add_source(sample_source()).source
    return desk.get_source(added.id)


def test_accepting_a_suggested_quote_keeps_its_speaker_and_offsets(desk, source) -> None:
    quote = next(q for q in analyse(source.text).quotes if q.speaker)
    snippet, change = snippets.pick(desk, snippets.quote_snippet(source.id, quote))
    assert snippet.id is not None
    assert source.text[snippet.start:snippet.end] == quote.text == snippet.text
    assert snippet.speaker == quote.speaker and snippet.origin == "suggested"
    # Accepting the same suggestion twice does not pick it twice.
    again, _ = snippets.pick(desk, snippets.quote_snippet(source.id, quote))
    assert again.id == snippet.id and len(desk.list_snippets(source.id)) == 1
    change.undo(desk)
    assert desk.list_snippets(source.id) == []


def test_a_selection_is_trimmed_of_space_and_quote_marks(desk, source) -> None:
    start = source.text.index("“This is not")
    end = source.text.index("operation,”") + len("operation,”") + 1
    snippet = snippets.selection_snippet(source, end, start, "quote", speaker="Amira Okafor")
    assert snippet.text == "This is not a smash-and-grab operation,"
    fact = snippets.selection_snippet(source, start - 1, start + 5, SnippetKind.FACT)
    assert fact.text == "“This"
    with pytest.raises(InputError, match="select a passage"):
        snippets.selection_snippet(source, start - 1, start, "fact")


def test_editing_the_speaker_can_be_undone(desk, source) -> None:
    snippet, _ = snippets.pick(desk, snippets.selection_snippet(source, 0, 20, "quote"))
    edited, change = snippets.edit_snippet(desk, snippet.id, speaker="  Dr.  Amira Okafor ")
    assert desk.get_snippet(edited.id).speaker == "Dr. Amira Okafor"
    change.undo(desk)
    assert desk.get_snippet(edited.id).speaker is None


def test_arranging_a_brief_saves_each_step_and_undoes(desk, source) -> None:
    brief, _ = briefs.new_brief(desk, spec("Key facts", "What they said"), title="Water")
    a, _ = snippets.pick(desk, snippets.selection_snippet(source, 0, 20, "fact"))
    b, _ = snippets.pick(desk, snippets.selection_snippet(source, 30, 60, "fact"))
    assert arrange.section_for(brief, "quote") == "What they said"
    brief, _ = arrange.place_snippet(desk, brief.id, a.id, "Key facts")
    brief, _ = arrange.place_snippet(desk, brief.id, b.id, "Key facts")
    revision = brief.revision
    brief, change = arrange.move_snippet(desk, brief.id, b.id, -1)
    assert brief.sections[0].snippet_ids == (b.id, a.id)
    assert desk.get_brief(brief.id).revision == revision + 1
    # Down past the end of a section moves it to the top of the next one.
    brief, _ = arrange.move_snippet(desk, brief.id, a.id, +1)
    assert [s.snippet_ids for s in brief.sections] == [(b.id,), (a.id,)]
    brief, _ = arrange.move_to_section(desk, brief.id, b.id, +1)
    assert [s.snippet_ids for s in brief.sections] == [(), (a.id, b.id)]
    change.undo(desk)
    assert [s.snippet_ids for s in desk.get_brief(brief.id).sections] == [(a.id, b.id), ()]


def test_removing_a_placed_snippet_takes_it_out_and_undo_puts_it_back(desk, source) -> None:
    brief, _ = briefs.new_brief(desk, spec("A"), title="T")
    a, _ = snippets.pick(desk, snippets.selection_snippet(source, 0, 20, "fact"))
    b, _ = snippets.pick(desk, snippets.selection_snippet(source, 30, 60, "fact"))
    brief, _ = arrange.place_snippet(desk, brief.id, a.id, "A")
    brief, _ = arrange.place_snippet(desk, brief.id, b.id, "A")
    change = snippets.remove_snippet(desk, a.id)
    assert desk.get_brief(brief.id).sections[0].snippet_ids == (b.id,)
    redo = change.undo(desk)
    ids = desk.get_brief(brief.id).sections[0].snippet_ids
    assert len(ids) == 2 and ids[1] == b.id and desk.get_snippet(ids[0]).text == a.text
    redo.undo(desk)
    assert desk.get_brief(brief.id).sections[0].snippet_ids == (b.id,)


def test_removing_a_source_is_undone(desk, source) -> None:
    change = sources.remove_source(desk, source.id)
    assert desk.count_sources() == 0
    change.undo(desk)
    assert desk.count_sources() == 1


def test_copy_with_citation_names_speaker_and_source(desk, source) -> None:
    snippet = snippets.selection_snippet(source, 0, 20, "quote", speaker="Amira Okafor")
    text = with_citation(snippet, source)
    assert "Amira Okafor" in text and "The Meridian Ledger" in text and "13 October 2026" in text


def test_section_for_follows_what_the_template_accepts(desk) -> None:
    brief, _ = briefs.new_brief(desk, spec("takeaways", "quotes", "watch"), title="T")
    accepts = {"takeaways": ("fact",), "quotes": ("quote",), "watch": ("fact", "note")}
    assert arrange.section_for(brief, "quote", accepts) == "quotes"
    assert arrange.section_for(brief, "note", accepts) == "watch"
    assert arrange.section_for(brief, "fact", accepts) == "takeaways"
