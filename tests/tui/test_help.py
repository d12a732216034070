"""F1 help: its text prints as written (brackets and all) and says how the screen below is used."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.tui.test_flows import open_sample_reader
from tui.screens.help import HelpScreen


def help_text(app) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(Static) if s.id and s.id.startswith("help-"))


async def test_help_shows_the_keys_section_and_how_the_reader_picks(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_sample_reader(pilot, settle)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(help_text(app).split())
        assert '([keys] section, id = "key")' in text  # not eaten as markup
        assert "shift+arrows" in text and "mouse" in text  # how to select text
        # Which snippet e, c and Delete act on.
        assert "under the caret" in text and "highlighted in the Picked list" in text
        table = app.screen.query_one(DataTable)
        keys = {table.get_row_at(i)[3]: str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert keys["reader.remove"] == "del, ⌫"


async def test_help_over_the_editor_shows_its_brackets(make_app, settle) -> None:
    from tests.tui.conftest import desk_of, make_brief

    app = make_app()
    with desk_of(app) as desk:
        brief = make_brief(desk, ["quotes"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        keys = {table.get_row_at(i)[3]: str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert keys["editor.prev_section"] == "[" and keys["editor.next_section"] == "]"
        assert "highlighted" in help_text(app)
