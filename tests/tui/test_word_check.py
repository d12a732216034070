"""The app's "check a Word file": the file dialog, then the report with each changed quote beside its source."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Static

from briefs.cli import main
from briefs.model import Snippet, SnippetKind
from tests.checks.word_edits import comment_on, track_change
from tests.tui.conftest import desk_of, make_brief
from tui.widgets.row_table import RowTable

ADVICE = "That advice was wrong, and the bill for it is coming due."


def _edited_export(app, folder: Path) -> Path:
    """A brief with one quote exported by Briefs, then a word of it changed as a tracked change, and commented."""
    with desk_of(app) as desk:
        text = desk.get_source(1).text
        start = text.index(ADVICE)
        quote = desk.add_snippet(Snippet(source_id=1, kind=SnippetKind.QUOTE, start=start, end=start + len(ADVICE),
                                         text=ADVICE, speaker="Daniel Reyes"))
        brief = make_brief(desk, ["quotes"])
        from briefs.actions import arrange

        arrange.place_snippet(desk, brief.id, quote.id, "quotes")
    out = folder / "brief.docx"
    assert main(["--desk", str(app.settings.desk), "export", brief.ref, "-o", str(out)]) == 0
    tracked = track_change(out, "wrong", "right", folder / "tracked.docx")
    return comment_on(tracked, "Daniel Reyes", "Is he still at Halvard?", folder / "reviewed.docx")


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_report_shows_the_changed_quote_beside_its_source(make_app, settle, tmp_path: Path) -> None:
    from tui.screens.word_check import WordCheckScreen

    app = make_app()
    path = _edited_export(app, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(WordCheckScreen(path))
        await settle(pilot)
        assert "1 quote: 1 changed" in _text(app, "#word-summary")
        table = app.screen.query_one("#word-quotes", RowTable)
        assert table.row_count == 1 and table.get_row_at(0)[1:4] == ("CHANGED", "n1", "s1")
        document = _text(app, "#word-doc")
        assert "That advice was right" in document and "— Daniel Reyes" in document
        assert "wrong" in document and "right" in document  # the diff
        assert "Alex Reviewer deleted “wrong”" in document and "Before the tracked changes" in document
        source = _text(app, "#word-source")
        assert "s1" in source and ADVICE in source and "The Meridian Ledger" in source
        assert app.screen.query_one("#word-source-pane").border_title == "In the source s1"
        comments = _text(app, "#word-comments")
        assert "Is he still at Halvard?" in comments and "Alex Reviewer" in comments


async def test_w_opens_a_file_dialog_and_checks_the_file_chosen(make_app, settle, tmp_path: Path) -> None:
    from textual_fspicker import FileOpen

    from tui.screens.word_check import WordCheckScreen

    app = make_app()
    path = _edited_export(app, tmp_path)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("w")
            await settle(pilot)
            assert isinstance(app.screen, FileOpen)
            box = app.screen.query_one(Input)
            box.value = path.name
            box.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, WordCheckScreen) and app.screen.path.name == path.name
            assert "a quote was changed" in _text(app, "#word-summary")
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, WordCheckScreen)
    finally:
        os.chdir(cwd)


async def test_a_bad_file_is_a_notification_not_a_crash(make_app, settle, tmp_path: Path) -> None:
    from tui.screens.word_check import WordCheckScreen

    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(WordCheckScreen(bad))
        await settle(pilot)
        assert "not checked" in _text(app, "#word-summary")
        assert any("is not a Word document" in n.message for n in app._notifications)


async def test_the_palette_offers_it_from_any_screen(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the reader
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"check a word")
        await settle(pilot)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Check a Word file" in p for p in prompts)
