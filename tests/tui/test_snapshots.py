"""What each screen looks like, at 100x30 and at the smallest supported terminal (80x24).

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`, and look at
the report before committing.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input
from textual.widgets.input import Selection

from briefs.actions import arrange, snippets
from tests.tui.conftest import desk_of, make_brief

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    # A blinking caret is drawn or not depending on when the picture is taken: keep it drawn.
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.pause()


def _prepare_brief(app) -> int:
    """A brief with a picked quote and fact placed, as a user would have it after a few minutes."""
    from briefs.extract import analyse

    with desk_of(app) as desk:
        source = desk.get_source(desk.list_sources()[0].id)
        quote = next(q for q in analyse(source.text).quotes if q.speaker)
        q, _ = snippets.pick(desk, snippets.quote_snippet(source.id, quote))
        sentence = "The researchers counted 23 versions of the implant."
        start = source.text.index(sentence)
        f, _ = snippets.pick(desk, snippets.selection_snippet(source, start, start + len(sentence), "fact"))
        brief = make_brief(
            desk, ["takeaways", "key_facts", "quotes"], title="Spy tool in water utilities", marking="OFFICIAL",
            fields={"audience": "Minister", "date": "20 October 2026", "background": "Utilities were warned."},
        )
        brief, _ = arrange.place_snippet(desk, brief.id, f.id, "key_facts")
        brief, _ = arrange.place_snippet(desk, brief.id, q.id, "quotes")
        return brief.id


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, make_app, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("n", "n", "a")  # accept the first quote; the next suggestion is selected
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_brief_editor_sections(snap_compare, make_app, size) -> None:
    app = make_app()
    brief_id = _prepare_brief(app)

    async def run_before(pilot) -> None:
        await _settle(pilot)
        pilot.app.open_brief(brief_id)
        await _settle(pilot)
        await pilot.press("f3")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_brief_editor_fields(snap_compare, make_app, size) -> None:
    app = make_app()
    brief_id = _prepare_brief(app)

    async def run_before(pilot) -> None:
        await _settle(pilot)
        pilot.app.open_brief(brief_id)
        await _settle(pilot)
        # The title field takes the focus once the fields are laid out (on a busy machine after the workers
        # settle), and its blinking caret would be on or off at the moment of the picture: hold it on.
        for _ in range(50):
            if getattr(pilot.app.focused, "id", None) == "field-title":
                break
            await pilot.pause(0.05)
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_export_modal(snap_compare, make_app, size) -> None:
    app = make_app()
    brief_id = _prepare_brief(app)

    async def run_before(pilot) -> None:
        await _settle(pilot)
        pilot.app.open_brief(brief_id)
        await _settle(pilot)
        await pilot.press("ctrl+e")
        await _settle(pilot)
        # The default path is in the current folder, which differs from run to run. The field opens with its
        # path selected; the new one is selected whole too (left alone, the selection keeps the old path's
        # length, so the picture would depend on the folder the tests run in).
        path = pilot.app.screen.query_one("#export-path", Input)
        path.value = "~/Briefs/Spy tool in water utilities.docx"
        path.selection = Selection(0, len(path.value))
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_new_brief_modal(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("n")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("f1")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_paste_modal(snap_compare, make_app, size) -> None:
    from textual.widgets import TextArea

    from tests.tui.test_flows import ARTICLE

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("v")
        await _settle(pilot)
        pilot.app.screen.query_one("#paste-text", TextArea).text = ARTICLE
        pilot.app.screen.query_one("#paste-publication", Input).value = "Harbour Gazette"
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_citation_modal(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_confirm_modal(snap_compare, make_app, size) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("d")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
