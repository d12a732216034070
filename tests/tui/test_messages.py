"""The app speaks in its own terms: no message it shows names a command-line flag or command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from briefs.errors import DeskError
from briefs.model import Snippet, SnippetKind
from tests.tui.conftest import desk_of, make_brief

CLI_TERMS = re.compile(r"(?<![\w-])--[a-z]|`briefs |\bbriefs (?:check|show|new|extract|import|export)\b")


def _altered_quote_brief(app) -> int:
    with desk_of(app) as desk:
        text = desk.get_source(1).text
        words = "We found it almost by accident"
        start = text.index(words)
        quote = desk.add_snippet(Snippet(source_id=1, kind=SnippetKind.QUOTE, start=start, end=start + len(words),
                                         text=words, edited="We found it by accident"))  # no speaker either
        brief = make_brief(desk, ["quotes", "key_facts"], title="Water",
                           fields={"date": "20 October 2026"})  # the required BLUF left empty
        desk.save_brief(brief.replace(sections=[s.replace(snippet_ids=[quote.id]) if s.name == "quotes" else s
                                                for s in brief.sections]))
        # A source without outlet or date: its citation is incomplete.
        desk.update_source_meta(1, desk.get_source(1).meta.replace(publication=None, published=None))
        return brief.id


async def test_export_and_check_messages_in_the_app_name_no_cli_flags(make_app, settle, tmp_path: Path) -> None:
    app = make_app(preview_delay=0)
    brief_id = _altered_quote_brief(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief_id)
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        checks = app.screen.query_one("#checks-list", OptionList)
        lines = [str(checks.get_option_at_index(i).prompt) for i in range(checks.option_count)]
        assert len(lines) >= 3, lines
        assert not [line for line in lines if CLI_TERMS.search(line)], lines
        await pilot.press("ctrl+e")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "water.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [error] = [n.message for n in app._notifications if n.severity == "error"]
        assert "not exported" in error and "UNVERIFIED QUOTE" in error
        assert not CLI_TERMS.search(error), error


def test_desk_errors_are_worded_for_any_shell_and_the_cli_adds_its_flag(tmp_path: Path, capsys) -> None:
    from briefs.cli import main
    from briefs.desk import open_desk

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(DeskError) as raised:
        open_desk(folder)
    assert not CLI_TERMS.search(str(raised.value)), raised.value
    assert main(["--desk", str(folder), "sources"]) == 1
    assert "--desk" in capsys.readouterr().err
