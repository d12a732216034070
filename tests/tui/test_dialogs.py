"""Every dialog at the smallest supported terminal (80x24): its buttons show, and what does not fit scrolls."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, TextArea

from tests.tui.conftest import desk_of, make_brief
from tests.tui.test_flows import ARTICLE
from tui.screens.conflict import ConflictScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((100, 30), id="100x30")]


def shown_buttons(screen) -> list[str]:
    """The labels of the dialog's buttons drawn whole inside the dialog (and the terminal)."""
    dialog = screen.query_one(".dialog")
    inside = dialog.content_region.intersection(screen.region)
    return [str(b.label) for b in screen.query(Button) if inside.contains_region(b.region) and b.region.area]


async def _open_library_dialog(pilot, settle, key: str):
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("key", "buttons"), [
    ("n", ["Create", "Cancel"]),  # new brief
    ("v", ["Import", "Cancel"]),  # paste an article
    ("d", ["Remove", "Cancel"]),  # confirm
    ("u", ["Import", "Cancel"]),  # a URL
], ids=["new-brief", "paste", "confirm", "url"])
async def test_library_dialogs_show_their_buttons(make_app, settle, size, key, buttons) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open_library_dialog(pilot, settle, key)
        assert shown_buttons(screen) == buttons


@pytest.mark.parametrize("size", [*SIZES, pytest.param((80, 16), id="80x16")])
async def test_the_export_dialog_shows_its_buttons_and_scrolls_its_form(make_app, settle, size) -> None:
    app = make_app()
    with desk_of(app) as desk:
        brief = make_brief(desk, ["quotes"], title="Spy tool in water utilities")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert shown_buttons(app.screen) == ["Export", "Cancel"]
        # Every option can be reached, and is scrolled into view when it has the focus.
        form = app.screen.query_one(".dialog-body", VerticalScroll)
        checkbox = app.screen.query_one("#export-unverified")
        checkbox.focus()
        await pilot.pause()
        assert form.region.y <= checkbox.region.y and checkbox.region.bottom <= form.region.bottom
        assert form.region.right >= checkbox.region.right
        assert shown_buttons(app.screen) == ["Export", "Cancel"]
        if size[1] < 24:  # shorter than supported: the form scrolls, the buttons stay
            assert form.max_scroll_y > 0 and form.scroll_y > 0


@pytest.mark.parametrize("size", SIZES)
async def test_the_citation_dialog_shows_its_buttons(make_app, settle, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert shown_buttons(app.screen) == ["Save", "Cancel"]


@pytest.mark.parametrize("size", SIZES)
async def test_the_conflict_dialog_shows_its_buttons(make_app, settle, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        long = "\n".join(f"Line {n} of a long background." for n in range(40))
        app.push_screen(ConflictScreen("Background", long, long))
        await settle(pilot)
        assert shown_buttons(app.screen) == ["Keep both", "Keep mine", "Keep theirs"]


def _labels(screen, prefix: str) -> dict[str, str]:
    """Each input's id (without `prefix-`) and the label beside it."""
    found = {}
    for field in screen.query(Input):
        if field.id and field.id.startswith(f"{prefix}-"):
            label = field.parent.query_one(Label)
            found[field.id[len(prefix) + 1:]] = str(label.render())
    return found


async def test_the_citation_dialog_labels_its_fields(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert _labels(app.screen, "meta") == {"title": "Title", "author": "Author", "publication": "Outlet",
                                               "published": "Date", "url": "URL"}
        assert app.screen.query_one("#meta-publication", Input).value == "The Meridian Ledger"


async def test_paste_an_article_with_its_outlet_author_and_date(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert _labels(screen, "paste") == {"title": "Title", "author": "Author", "publication": "Outlet",
                                            "published": "Date", "url": "URL"}
        screen.query_one("#paste-text", TextArea).text = ARTICLE
        screen.query_one("#paste-author", Input).value = "Mira Sandoval"
        screen.query_one("#paste-publication", Input).value = "Harbour Gazette"
        screen.query_one("#paste-published", Input).value = "3 March 2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Not a date the citation can use: said in the dialog, which keeps the pasted text.
        assert app.screen is screen
        assert any("date" in n.message for n in app._notifications if n.severity == "error")
        screen.query_one("#paste-published", Input).value = "2026-03-03"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not screen
    with desk_of(app) as desk:
        meta = desk.list_sources()[0].meta
    assert (meta.title, meta.author, meta.publication, meta.published) == (
        "Port authority approves harbour dredging plan", "Mira Sandoval", "Harbour Gazette", "2026-03-03")


async def test_the_export_dialog_keeps_what_was_typed_after_a_failed_export(make_app, settle, tmp_path) -> None:
    from textual.widgets import Select

    from tui.screens.export import ExportScreen

    app = make_app()
    with desk_of(app) as desk:
        brief = make_brief(desk, ["quotes"], title="Spy tool in water utilities")
    reference = tmp_path / "house.docx"
    reference.write_bytes(b"not a Word file")  # a file, so the dialog takes it; the export fails on it
    typed = tmp_path / "briefs" / "spy-tool.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_brief(brief.id)
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        dialog.query_one("#export-path", Input).value = str(typed)  # a folder that does not exist
        dialog.query_one("#export-marking", Input).value = "OFFICIAL-SENSITIVE"
        dialog.query_one("#export-reference", Input).value = str(reference)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
        assert [n for n in app._notifications if n.severity == "error"], "the export should have failed"
        assert not typed.exists()
        await pilot.press("ctrl+e")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, ExportScreen)
        assert again.query_one("#export-format", Select).value == "md"
        assert again.query_one("#export-path", Input).value == str(typed)
        assert again.query_one("#export-marking", Input).value == "OFFICIAL-SENSITIVE"
        assert again.query_one("#export-reference", Input).value == str(reference)
        # Declining to replace an existing file is not an export either: what was typed stays.
        existing = tmp_path / "existing.md"
        existing.write_text("keep me", encoding="utf-8")
        again.query_one("#export-path", Input).value = str(existing)
        again.query_one("#export-reference", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Replace" in [str(b.label) for b in app.screen.query(Button)]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(existing)
        assert app.screen.query_one("#export-marking", Input).value == "OFFICIAL-SENSITIVE"
    assert existing.read_text(encoding="utf-8") == "keep me"
