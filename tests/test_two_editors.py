"""Two people (or two windows) editing one brief: no lost update, and a real clash keeps both texts."""

from __future__ import annotations

import pytest

from briefs.actions import briefs as collect
from briefs.actions.desk_setup import open_for_work
from briefs.desk import open_desk
from briefs.model import Snippet, SnippetKind


@pytest.fixture
def two_desks(desk_target: str):  # two people on one desk file, or on one team desk
    alice, bob = open_for_work(desk_target, author="Alice"), open_desk(desk_target, author="Bob")
    yield alice, bob
    alice.close()
    bob.close()


def _brief(desk):
    from briefs.templates import TemplateSet

    brief, _ = collect.new_brief(desk, TemplateSet().get("issue-brief"), title="Water",
                                 fields={"background": "Original background.", "watch": "Original watch."})
    return brief


def test_edits_to_different_fields_both_land(two_desks) -> None:
    alice, bob = two_desks
    brief = _brief(alice)
    alices_view, bobs_view = alice.get_brief(brief.id), bob.get_brief(brief.id)
    collect.set_field(alice, alices_view, "background", "Alice's background.")
    saved = collect.set_field(bob, bobs_view, "watch", "Bob's watch list.")  # Bob's view is stale
    assert saved.fields["background"] == "Alice's background."
    assert saved.fields["watch"] == "Bob's watch list."
    assert saved.revision == 3


def test_edits_to_the_same_field_raise_a_conflict_carrying_both_texts(two_desks) -> None:
    alice, bob = two_desks
    brief = _brief(alice)
    bobs_view = bob.get_brief(brief.id)
    collect.set_field(alice, alice.get_brief(brief.id), "background", "Alice's text.")
    with pytest.raises(collect.FieldConflict) as clash:
        collect.set_field(bob, bobs_view, "background", "Bob's text.")
    assert clash.value.mine == "Bob's text." and clash.value.theirs == "Alice's text."
    assert alice.get_brief(brief.id).fields["background"] == "Alice's text."  # nothing overwritten
    # Bob resolves by keeping both, on top of the revision the conflict brought back.
    both = f"{clash.value.theirs}\n\n{clash.value.mine}"
    resolved = collect.set_field(bob, clash.value.brief, "background", both)
    assert alice.get_brief(brief.id).fields["background"] == both
    assert resolved.revision == 3


def test_typing_on_after_a_save_elsewhere_of_the_same_words_is_no_conflict(two_desks) -> None:
    alice, bob = two_desks
    brief = _brief(alice)
    bobs_view = bob.get_brief(brief.id)
    collect.set_field(alice, alice.get_brief(brief.id), "background", "Same words.")
    assert collect.set_field(bob, bobs_view, "background", "Same words.").fields["background"] == "Same words."


def test_arranging_from_a_stale_view_lands_on_top_of_the_other_edit(two_desks) -> None:
    alice, bob = two_desks
    brief = _brief(alice)
    text = alice.get_source(1).text
    start = text.index("The researchers counted 23 versions")
    end = text.index(".", start) + 1
    fact = alice.add_snippet(Snippet(source_id=1, kind=SnippetKind.FACT, start=start, end=end, text=text[start:end]))
    bobs_view = bob.get_brief(brief.id)
    collect.set_field(alice, alice.get_brief(brief.id), "background", "Alice's text.")
    from briefs.actions.arrange import place_snippet

    placed, _ = place_snippet(bob, bobs_view.id, fact.id, "takeaways")
    assert placed.fields["background"] == "Alice's text."
    assert placed.section("takeaways").snippet_ids == (fact.id,)
