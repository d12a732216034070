"""Two people on one team desk, each in the app: what one does shows in the other's within a second, and
nobody's typing is lost; a server that goes away keeps the edit and saves it when it is back."""

from __future__ import annotations

import dataclasses
import time

from textual.widgets import Input, Label

from briefs.actions.desk_setup import open_for_work
from briefs.clock import FixedClock
from briefs.desk import open_desk
from briefs.settings import load_settings
from tests.conftest import FIXED_NOW
from tests.tui.conftest import make_brief
from tui.app import BriefsApp
from tui.screens.editor import EditorScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.row_table import RowTable


def app_on(url: str, author: str) -> BriefsApp:
    settings = dataclasses.replace(load_settings(desk=url), author=author)
    return BriefsApp(settings, clock=FixedClock(FIXED_NOW))


async def until(pilot, condition, timeout: float = 1.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds until `condition()` holds in the running app (fails past `timeout`)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not seen within {timeout} s")
        await pilot.pause(0.02)
    return time.monotonic() - started


async def ready(pilot, settle) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await until(pilot, lambda: pilot.app._stop_watching is not None, timeout=10)
    watcher = pilot.app.desk._watchers[0]
    assert watcher.ready.wait(10)


async def test_a_second_app_sees_a_colleagues_new_snippet_within_a_second_while_typing(pg_url: str, settle) -> None:
    open_for_work(pg_url, clock=FixedClock(FIXED_NOW)).close()  # the sample article, s1
    sam, alex = app_on(pg_url, "Sam Ortiz"), app_on(pg_url, "Alex Kim")
    async with sam.run_test(size=(100, 30)) as sp, alex.run_test(size=(100, 30)) as ap:
        await ready(sp, settle)
        await ready(ap, settle)
        # Alex is typing a search in the library.
        await ap.press("slash", "w", "a", "t")
        search = alex.screen.query_one("#search", Input)
        assert search.value == "wat"
        table = alex.screen.query_one("#sources-table", RowTable)
        assert table.get_row_at(0)[5] == ""  # nothing picked from s1 yet

        # Sam accepts a suggested quote in the reader.
        await sp.press("enter")
        await settle(sp)
        reader = sam.screen
        assert isinstance(reader, ReaderScreen)
        await sp.press("n", "a")
        await settle(sp)
        with open_desk(pg_url) as desk:
            assert len(desk.list_snippets(1)) == 1
        seen = await until(ap, lambda: table.get_row_at(0)[5] == "1")
        assert seen < 1.0
        assert search.value == "wat" and search.has_focus  # Alex's typing is untouched ...
        await ap.press("e", "r")
        assert search.value == "water"  # ... and goes on

        # Alex opens the sample too; Sam picks another: Alex's Picked list grows by itself.
        await ap.press("escape", "enter")
        await settle(ap)
        assert isinstance(alex.screen, ReaderScreen)
        title = alex.screen.query_one("#picked-title", Label)
        assert str(title.content) == "Picked (1)"
        await sp.press("n", "a")
        await settle(sp)
        await until(ap, lambda: str(title.content) == "Picked (2)")


async def test_a_colleagues_save_shows_in_the_open_editor_and_a_clash_shows_both_texts(pg_url: str, settle) -> None:
    open_for_work(pg_url, clock=FixedClock(FIXED_NOW)).close()
    with open_desk(pg_url, author="Sam Ortiz") as desk:
        brief = make_brief(desk, ["takeaways"], fields={"background": "Old background.", "watch": "Old watch."})
    alex = app_on(pg_url, "Alex Kim")
    async with alex.run_test(size=(120, 40)) as ap:
        await ready(ap, settle)
        alex.open_brief(brief.id)
        await settle(ap)
        editor = alex.screen
        assert isinstance(editor, EditorScreen)
        status = editor.query_one("#editor-status")
        assert "last saved by Sam Ortiz" in str(status.render())
        watch = editor.query_one("#field-watch")
        background = editor.query_one("#field-background")
        background.focus()
        await ap.press("end", "!")  # Alex is typing in the background field
        with open_desk(pg_url, author="Sam Ortiz") as desk:
            from briefs.actions.briefs import set_field

            current = desk.get_brief(brief.id)
            current = set_field(desk, current, "watch", "Sam's watch list.")
            set_field(desk, current, "background", "Sam's background.")
        await until(ap, lambda: watch.text == "Sam's watch list.")
        assert background.text == "Old background.!"  # the field Alex is typing in keeps Alex's text
        await ap.press("?")  # and the next key meets the conflict dialog with both texts
        await settle(ap)
        from tui.screens.conflict import ConflictScreen

        assert isinstance(alex.screen, ConflictScreen)
        assert (alex.screen.mine, alex.screen.theirs) == ("Old background.!?", "Sam's background.")


async def test_when_the_server_goes_away_the_edit_is_kept_and_saved_when_it_is_back(own_server, settle) -> None:
    from tests.pgserver import wait_for

    url = own_server.url()
    open_for_work(url, clock=FixedClock(FIXED_NOW)).close()
    with open_desk(url) as desk:
        brief = make_brief(desk, ["takeaways"], fields={"background": "Before."})
    app = app_on(url, "Alex Kim")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot, settle)
        app.open_brief(brief.id)
        await settle(pilot)
        editor = app.screen
        field = editor.query_one("#field-background")
        field.focus()
        own_server.stop("fast")
        await pilot.press("end", " ", "k", "e", "p", "t")
        await settle(pilot)
        assert field.text == "Before. kept"
        assert app.desk_down
        notes = [n.message for n in app._notifications]
        assert len([m for m in notes if "not answering" in m]) == 1  # said once, in one line
        assert all("\n" not in m for m in notes)
        assert "not saved yet" in str(editor.query_one("#editor-status").render())
        own_server.start()
        wait_for(own_server)
        status = editor.query_one("#editor-status")
        await until(pilot, lambda: str(status.render()).endswith("· saved"), timeout=15)
        with open_desk(url) as desk:
            assert desk.get_brief(brief.id).fields["background"] == "Before. kept"
        assert not app.desk_down
