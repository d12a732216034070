"""The one-line footer: the focused screen's keys, clickable, following remaps and screen changes."""

from __future__ import annotations

from textual.command import CommandPalette

from tui.screens.new_brief import NewBriefScreen
from tui.widgets.key_footer import KeyFooter


def footer_text(app) -> str:
    return app.screen.query_one(KeyFooter).render().plain


async def test_the_footer_shows_the_screens_keys_and_a_click_presses_one(make_app, settle) -> None:
    app = make_app(keys={"library.new_brief": "ctrl+b"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = footer_text(app)
        assert "Import" in line and "Search" in line
        assert "^b New brief" in line  # the remapped key, not "n"
        assert line.rstrip().endswith("^p palette")  # the palette's key sits at the right edge
        footer = app.screen.query_one(KeyFooter)
        await pilot.click(KeyFooter, offset=(line.index("New brief"), 0))
        await pilot.pause()
        assert isinstance(app.screen, NewBriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(footer, offset=(len(line.rstrip()) - 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_footer_follows_the_screen_and_fits_80_columns(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the sample in the reader
        await settle(pilot)
        line = footer_text(app)
        assert "Accept" in line and "Import" not in line
        assert len(line) == 80 and line.endswith("^p palette ")
        # Hints that do not fit are left out whole, never cut in the middle of a word ("Me" of "Metadata").
        shown = line[: line.index("\u258f")].split()
        whole = {"esc", "Back", "n", "Next", "a", "Accept", "x", "Reject", "q", "Quote", "f", "Fact", "o", "Note",
                 "m", "Metadata", "f1", "Help", "^z", "Undo"}
        assert shown and set(shown) <= whole, shown


async def test_the_footer_takes_the_new_theme_s_colours(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)

        def key_colour() -> object:
            text = footer.render()
            return next(span.style for span in text.spans if text.plain[span.start:span.end].strip() == "i").color

        before = key_colour()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        assert key_colour() != before


async def test_quit_shows_in_the_footer_on_every_screen_at_80_columns(make_app, settle) -> None:
    from tests.tui.conftest import desk_of, make_brief

    app = make_app()
    with desk_of(app) as desk:
        brief = make_brief(desk, ["quotes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "^q Quit" in footer_text(app)
        await pilot.press("enter")  # the reader, whose hints fill the line
        await settle(pilot)
        line = footer_text(app)
        assert "^q Quit" in line and len(line) == 80
        app.open_brief(brief.id)
        await settle(pilot)
        assert "^q Quit" in footer_text(app)
        footer = app.screen.query_one(KeyFooter)
        line = footer_text(app)
        await pilot.click(footer, offset=(line.index("Quit"), 0))
        await pilot.pause()
        assert not app.is_running
