"""Rejecting a suggestion is a change on the desk like any other: it lasts, and undo takes it back."""

from __future__ import annotations

import pytest

from briefs.actions import snippets
from briefs.actions.history import History, NoChange
from briefs.actions.sample import sample_source
from briefs.desk import open_desk
from briefs.errors import InputError


@pytest.fixture
def desk(desk_path, clock):
    with open_desk(desk_path, clock=clock) as desk:
        yield desk


def test_reject_then_undo_and_redo(desk) -> None:
    source = desk.add_source(sample_source()).source
    history = History()
    change = snippets.reject_suggestion(desk, source.id, "quote", 100, 140)
    assert history.record(change) and "rejected" in change.label
    assert desk.rejected_suggestions(source.id) == {("quote", 100, 140)}
    # Rejecting it again changes nothing and is not an undo step.
    again = snippets.reject_suggestion(desk, source.id, "quote", 100, 140)
    assert isinstance(again, NoChange) and not history.record(again)
    history.undo(desk)
    assert desk.rejected_suggestions(source.id) == set()
    history.redo(desk)
    assert desk.rejected_suggestions(source.id) == {("quote", 100, 140)}


def test_only_suggestions_are_rejected(desk) -> None:
    source = desk.add_source(sample_source()).source
    with pytest.raises(InputError, match="quote or fact"):
        snippets.reject_suggestion(desk, source.id, "note", 0, 10)
