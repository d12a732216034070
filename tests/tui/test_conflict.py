"""Two windows on one brief: the second to save the same field is told, and both texts are kept."""

from __future__ import annotations

from textual.widgets import Button, TextArea

from briefs.actions import briefs as briefs_actions
from tests.tui.conftest import desk_of, make_brief
from tui.screens.conflict import ConflictScreen


async def test_a_field_changed_elsewhere_opens_a_choice_and_keep_both_saves_both(make_app, settle) -> None:
    app = make_app(preview_delay=0)
    with desk_of(app) as desk:
        brief = make_brief(desk, ["takeaways"], fields={"background": "Start."})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        # A colleague (another window, another process: another connection) saves the same field.
        with desk_of(app) as other:
            briefs_actions.set_field(other, other.get_brief(brief.id), "background", "Their background.")
        field = app.screen.query_one("#field-background", TextArea)
        field.focus()
        field.move_cursor(field.document.end)
        await pilot.press("!")  # the very next save finds their revision
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.query_one("#theirs", TextArea).text == "Their background."
        assert app.screen.query_one("#mine", TextArea).text == "Start.!"
        with desk_of(app) as desk:
            assert desk.get_brief(brief.id).fields["background"] == "Their background."  # nothing lost yet
        app.screen.query_one("#both", Button).press()
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen)
        with desk_of(app) as desk:
            saved = desk.get_brief(brief.id).fields["background"]
        assert saved == "Their background.\n\nStart.!"
        assert app.screen.query_one("#field-background", TextArea).text == saved
