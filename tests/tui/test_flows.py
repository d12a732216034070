"""The acceptance flows, driven through the real app with Pilot: what a person presses, what the desk holds."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from textual.widgets import DataTable, Input, OptionList, TextArea

from briefs.actions import arrange, snippets
from briefs.actions.desk_setup import open_for_work
from briefs.clock import FixedClock
from briefs.model import SnippetKind
from briefs.text import printed_quote
from tests.conftest import FIXED_NOW
from tests.tui.conftest import desk_of, make_brief
from tui.screens.editor import EditorScreen
from tui.screens.help import HelpScreen
from tui.screens.new_brief import NewBriefScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.reader_text import ReaderText
from tui.widgets.row_table import RowTable


@pytest.fixture
def sample_desk(desk_target: str) -> str:
    """These flows run on both backends: a desk file, and a team desk on PostgreSQL."""
    open_for_work(desk_target, clock=FixedClock(FIXED_NOW)).close()
    return desk_target


ARTICLE = """Port authority approves harbour dredging plan

The port authority voted 7 to 2 on Monday to dredge the northern channel, a project that will cost about $41 million.

"We cannot let the biggest ships go elsewhere," said Hana Lindqvist, the authority's chair.
"""


async def open_sample_reader(pilot, settle) -> ReaderScreen:
    await settle(pilot)
    await pilot.press("enter")  # the sample is the only row
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def test_import_a_file_through_the_file_dialog(make_app, settle, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog_input = app.screen.query_one(Input)
        dialog_input.value = str(article)
        dialog_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.query_one("#sources-table", RowTable)
        titles = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert "Port authority approves harbour dredging plan" in titles
        assert any("Imported" in n.message for n in app._notifications)
    with desk_of(app) as desk:
        assert desk.count_sources() == 2


async def test_an_import_that_fails_is_a_notification_not_a_crash(make_app, settle, tmp_path: Path) -> None:
    bad = tmp_path / "scan.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.import_source(str(bad), label=bad.name)
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "save it as .docx" in errors[0].message
        assert app.is_running


async def test_accept_a_suggested_quote_keeps_its_speaker(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        # Jump through suggestions until a quote with a speaker is selected, then accept it.
        for _ in range(30):
            await pilot.press("n")
            chosen = reader._selected_suggestion()
            if chosen is not None and chosen.kind == "quote" and chosen.speaker:
                break
        await pilot.press("a")
        await settle(pilot)
        with desk_of(app) as desk:
            [snippet] = desk.list_snippets()
        assert snippet.kind is SnippetKind.QUOTE and snippet.origin == "suggested"
        assert snippet.speaker == chosen.speaker and snippet.text == chosen.item.text
        picked = app.screen.query_one("#picked", OptionList)
        assert picked.option_count == 1
        # Undo takes it back off the desk.
        await pilot.press("ctrl+z")
        await settle(pilot)
        with desk_of(app) as desk:
            assert desk.list_snippets() == []


async def test_select_a_passage_with_the_keyboard_and_make_it_a_fact(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        text = reader.query_one(ReaderText)
        source_text = reader.source.text
        start = source_text.index("The researchers counted 23")
        text.move_cursor(text.location_of(start))
        text.focus()
        for _ in range(len("The researchers counted 23 versions of the implant.")):
            await pilot.press("shift+right")
        await pilot.press("f")
        await settle(pilot)
        with desk_of(app) as desk:
            [snippet] = desk.list_snippets()
        assert snippet.kind is SnippetKind.FACT
        assert snippet.text == "The researchers counted 23 versions of the implant."
        assert source_text[snippet.start:snippet.end] == snippet.text


async def test_edit_the_speaker_of_a_picked_quote(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        text = reader.query_one(ReaderText)
        start = reader.source.text.index("We found it almost")
        text.select_offsets(start, start + len("We found it almost by accident"))
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        prompt.value = "Dr. Amira Okafor, Northbridge Labs"
        await pilot.press("enter")
        await settle(pilot)
        with desk_of(app) as desk:
            [snippet] = desk.list_snippets()
        assert snippet.speaker == "Dr. Amira Okafor, Northbridge Labs"


async def test_create_a_brief_from_a_template(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, NewBriefScreen)
        options = modal.query_one("#templates", OptionList)
        options.highlighted = next(i for i, s in enumerate(modal.specs) if s.name == "issue-brief")
        await pilot.press("enter")  # chooses the template and moves to the title
        await pilot.press(*"Water utilities")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        with desk_of(app) as desk:
            [brief] = desk.list_briefs()
        spec = modal.specs[options.highlighted]
        assert brief.title == "Water utilities" and brief.template == "issue-brief"
        assert [s.name for s in brief.sections] == [s.name for s in spec.sections]
        assert brief.fields["audience"] == spec.field("audience").default


def _brief_with_snippets(app, count: int = 2):
    from briefs.extract import analyse

    with desk_of(app) as desk:
        source = desk.get_source(desk.list_sources()[0].id)
        brief = make_brief(desk, ["key_facts", "quotes"], fields={"date": "20 October 2026"})
        quote = next(q for q in analyse(source.text).quotes if q.speaker)
        picked = [snippets.pick(desk, snippets.quote_snippet(source.id, quote))[0]]
        for sentence in ("The researchers counted 23 versions of the implant.",
                         "None reported any disruption to water supplies.")[: count - 1]:
            start = source.text.index(sentence)
            picked.append(snippets.pick(
                desk, snippets.selection_snippet(source, start, start + len(sentence), "fact"))[0])
        return brief, picked


async def test_place_and_reorder_snippets_by_keys(make_app, settle) -> None:
    app = make_app()
    brief, (quote, fact) = _brief_with_snippets(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("f3")
        arrangement = app.screen.query_one("#arrangement", OptionList)
        assert arrangement.has_focus
        # The pool lists both; Enter places each in the section that accepts its kind.
        await pilot.press("enter", "enter")
        await settle(pilot)
        with desk_of(app) as desk:
            placed = desk.get_brief(brief.id)
        assert {s.name: s.snippet_ids for s in placed.sections} == {"key_facts": (fact.id,), "quotes": (quote.id,)}
        # The quote moves up past the start of its section into the end of the previous one.
        arrangement.highlighted = next(i for i, row in enumerate(app.screen.rows) if row[1] == quote.id)
        await pilot.press("shift+up")
        await settle(pilot)
        with desk_of(app) as desk:
            moved = desk.get_brief(brief.id)
        assert [s.snippet_ids for s in moved.sections] == [(fact.id, quote.id), ()]
        assert moved.revision > placed.revision
        await pilot.press("shift+up")
        await settle(pilot)
        with desk_of(app) as desk:
            assert desk.get_brief(brief.id).sections[0].snippet_ids == (quote.id, fact.id)
        await pilot.press("ctrl+z")
        await settle(pilot)
        with desk_of(app) as desk:
            assert desk.get_brief(brief.id).sections[0].snippet_ids == (fact.id, quote.id)


async def test_typing_in_a_field_saves_each_change_and_counts_words(make_app, settle) -> None:
    app = make_app(preview_delay=0)  # no debounce, so the preview is current when the workers are done
    brief, _ = _brief_with_snippets(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        background = app.screen.query_one("#field-background", TextArea)
        background.focus()
        await pilot.press(*"Utilities were told nobody would attack them")
        await settle(pilot)
        assert app.screen.query_one("#budget-background").render().plain.endswith(" 7/200 words")
        with desk_of(app) as desk:
            saved = desk.get_brief(brief.id)
        assert saved.fields["background"] == "Utilities were told nobody would attack them"
        assert saved.revision > brief.revision
        preview = app.screen.query_one("#preview")
        assert "Utilities were told nobody would attack them" in preview.source


async def test_export_writes_a_docx_with_the_quote_and_its_speaker(make_app, settle, tmp_path: Path) -> None:
    app = make_app()
    brief, (quote, _fact) = _brief_with_snippets(app)
    with desk_of(app) as desk:
        arrange.place_snippet(desk, brief.id, quote.id, "quotes")
    out = tmp_path / "out" / "water.docx"
    out.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(str(out) in n.message for n in app._notifications)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert printed_quote(quote.text) in text and quote.speaker in text


async def test_remove_a_source_with_confirmation_then_undo(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen.query_one("#sources-table", RowTable).row_count == 0
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.screen.query_one("#sources-table", RowTable).row_count == 1


async def test_search_as_you_type_filters_the_table(make_app, settle, tmp_path: Path) -> None:
    app = make_app()
    with desk_of(app) as desk:
        from briefs.sources import load_paste

        desk.add_source(load_paste(ARTICLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sources-table", RowTable)
        assert table.row_count == 2
        await pilot.press("slash", *"dredg")
        await pilot.pause()
        assert table.row_count == 1 and "harbour" in table.get_row_at(0)[1]


async def test_keys_are_remapped_from_the_config(make_app, settle) -> None:
    app = make_app(keys={"library.new_brief": "ctrl+b"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, NewBriefScreen)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, NewBriefScreen)


async def test_help_lists_bindings_with_their_ids_and_the_palette_offers_them(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        titles = {c.title for c in app.get_system_commands(reader)}
        assert {"Accept", "Quote", "Fact", "Note", "Speaker", "Undo"} <= titles
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        ids = {table.get_row_at(i)[3] for i in range(table.row_count)}
        assert {"reader.accept", "reader.fact", "app.undo"} <= ids


async def test_the_checks_tab_shows_what_the_checks_find(make_app, settle) -> None:
    app = make_app(preview_delay=0)
    with desk_of(app) as desk:
        source = desk.get_source(desk.list_sources()[0].id)
        start = source.text.index("We found it almost by accident")
        # A quote picked without its speaker: the attribution check names it.
        quote, _ = snippets.pick(
            desk, snippets.selection_snippet(source, start, start + len("We found it almost by accident"), "quote"))
        brief = make_brief(desk, ["quotes"], template="issue-brief", title="Water")
        arrange.place_snippet(desk, brief.id, quote.id, "quotes")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        checks = app.screen.query_one("#checks-list", OptionList)
        lines = [str(checks.get_option_at_index(i).prompt) for i in range(checks.option_count)]
        assert any(quote.ref in line and "speaker" in line.lower() for line in lines), lines


async def test_paste_an_article_with_its_title_and_url(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#paste-text", TextArea).text = ARTICLE
        app.screen.query_one("#paste-url", Input).value = "https://harbour.example/dredging"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with desk_of(app) as desk:
        pasted = desk.list_sources()[0]
    assert pasted.meta.title == "Port authority approves harbour dredging plan"
    assert pasted.meta.url == "https://harbour.example/dredging"


async def test_edit_a_sources_citation_details(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#meta-published", Input).value = "13 Oct 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Not a date: the modal stays open and says so; nothing is saved.
        assert any("ISO date" in n.message for n in app._notifications)
        app.screen.query_one("#meta-published", Input).value = "2026-10-14"
        app.screen.query_one("#meta-author", Input).value = "J. Whitfield"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is reader
    with desk_of(app) as desk:
        meta = desk.list_sources()[0].meta
    assert (meta.published, meta.author) == ("2026-10-14", "J. Whitfield")


async def test_copy_a_snippet_with_its_citation(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        text = reader.query_one(ReaderText)
        start = reader.source.text.index("We found it almost by accident")
        text.select_offsets(start, start + len("We found it almost by accident"))
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
    assert app.clipboard.startswith("“We found it almost by accident”")
    assert "The Meridian Ledger" in app.clipboard and "13 October 2026" in app.clipboard


async def test_select_a_passage_with_the_mouse_and_make_it_a_note(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        text = reader.query_one(ReaderText)
        text.scroll_home(animate=False)
        await pilot.pause()
        # Drag across the first words of the headline (row 0 of the text, after its 1-cell padding).
        await pilot.mouse_down(text, offset=(1, 0))
        await pilot.hover(text, offset=(12, 0))
        await pilot.mouse_up(text, offset=(12, 0))
        await pilot.press("o")
        await settle(pilot)
    with desk_of(app) as desk:
        [note] = desk.list_snippets()
    assert note.kind is SnippetKind.NOTE and note.start == 0 and note.text == "Researchers"


async def test_delete_in_the_text_removes_the_pick_under_the_caret(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        text = reader.query_one(ReaderText)
        start = reader.source.text.index("The researchers counted 23")
        text.select_offsets(start, start + len("The researchers counted 23 versions of the implant."))
        await pilot.press("f")
        await settle(pilot)
        text.move_cursor(text.location_of(start + 5))
        await pilot.press("delete")
        await settle(pilot)
        with desk_of(app) as desk:
            assert desk.list_snippets() == []
            assert desk.get_source(reader.source_id).text == reader.source.text  # the text never changes


async def test_a_slow_older_preview_never_replaces_a_newer_one(make_app, settle, monkeypatch) -> None:
    import threading

    import briefs.render.brief as rendering

    render = rendering.render_brief
    release = threading.Event()

    def slow_for_the_old_text(desk, brief, *args, **kw):
        if brief.fields.get("background") == "old":
            release.wait(5)  # the older render finishes last (a cold Jinja cache, a busy core)
        return render(desk, brief, *args, **kw)

    monkeypatch.setattr(rendering, "render_brief", slow_for_the_old_text)
    app = make_app(preview_delay=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with desk_of(app) as desk:
            brief = make_brief(desk, ["quotes"], template="issue-brief", title="Water")
        app.open_brief(brief.id)
        await settle(pilot)
        field = app.screen.query_one("#field-background", TextArea)
        field.text = "old"
        await pilot.pause(0.2)  # its render is now waiting
        field.text = "newer text"
        await pilot.pause(0.5)
        release.set()
        await settle(pilot)
        preview = app.screen.query_one("#preview").source
        assert "newer text" in preview and "old" not in preview.split()


async def test_one_enter_in_the_search_opens_the_highlighted_result(make_app, settle) -> None:
    app = make_app()
    with desk_of(app) as desk:
        from briefs.sources import load_paste

        harbour = desk.add_source(load_paste(ARTICLE)).source
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"dredg")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.source_id == harbour.id
        await pilot.press("escape")
        await settle(pilot)
        # The arrows move the highlighted result while the focus stays in the search.
        search = app.screen.query_one("#search", Input)
        search.focus()
        search.value = ""
        await pilot.pause()
        table = app.screen.query_one("#sources-table", RowTable)
        first, second = table.get_row_at(0)[0], table.get_row_at(1)[0]
        await pilot.press("down")
        assert search.has_focus and table.cursor_key == second
        await pilot.press("up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and f"s{app.screen.source_id}" == first
        await pilot.press("escape")
        await settle(pilot)
        # A search that finds nothing keeps the focus in the box and says so.
        search = app.screen.query_one("#search", Input)
        search.focus()
        search.value = "zzzz"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReaderScreen) and search.has_focus
        assert any("nothing matches" in n.message for n in app._notifications)


async def test_a_rejected_suggestion_stays_hidden_after_a_restart_and_undo_brings_it_back(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        await pilot.press("n")
        rejected = reader._selected_suggestion()
        assert rejected is not None
        count = len(reader._open_suggestions())
        await pilot.press("x")
        await settle(pilot)
        assert (rejected.start, rejected.end) not in {(s.start, s.end) for s in reader._open_suggestions()}
        assert len(reader._open_suggestions()) == count - 1
    again = make_app()  # a restart: a new app on the same desk
    async with again.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        assert (rejected.start, rejected.end) not in {(s.start, s.end) for s in reader._open_suggestions()}
        assert len(reader._open_suggestions()) == count - 1
    # Undo is per session; this one rejects and takes it back.
    third = make_app()
    async with third.run_test(size=(100, 30)) as pilot:
        reader = await open_sample_reader(pilot, settle)
        await pilot.press("n")
        second = reader._selected_suggestion()
        await pilot.press("x")
        await settle(pilot)
        assert len(reader._open_suggestions()) == count - 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (second.start, second.end) in {(s.start, s.end) for s in reader._open_suggestions()}
        assert any("undid: rejected" in n.message for n in third._notifications)


async def test_the_reader_header_and_counts_read_as_written(make_app, settle) -> None:
    from briefs.sources import load_paste

    app = make_app()
    with desk_of(app) as desk:
        harbour = desk.add_source(load_paste(ARTICLE)).source
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The sample: a long title, author, outlet, date and URL: no line ends on a separator.
        app.open_source(1)
        await settle(pilot)
        meta = app.screen.query_one("#meta-line")
        lines = [meta.render_line(y).text.rstrip() for y in range(meta.size.height)]
        assert lines and all(line and not line.endswith("·") for line in lines), lines
        assert "Jonas Whitfield" in lines[-1]
        await pilot.press("escape")
        await settle(pilot)
        app.open_source(harbour.id)
        await settle(pilot)
        status = str(app.screen.query_one("#suggestion-status").render())
        assert status == "1 quote · 1 fact suggested", status
        assert "1 words" not in app.screen.sub_title


async def test_the_editor_status_counts_one_snippet(make_app, settle) -> None:
    app = make_app()
    brief, (quote,) = _brief_with_snippets(app, count=1)
    with desk_of(app) as desk:
        arrange.place_snippet(desk, brief.id, quote.id, "quotes")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        status = str(app.screen.query_one("#editor-status").render())
        assert "· 1 snippet ·" in status, status
