"""The library: the desk's sources (search as you type, import, remove) and its briefs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, ProgressBar

from tui.widgets.fixed_input import FixedInput
from tui.widgets.key_footer import KeyFooter
from tui.widgets.row_table import Column, RowTable
from tui.widgets.title_header import TitleHeader

if TYPE_CHECKING:
    from tui.screens.modals import Pasted

SOURCE_COLUMNS = (
    Column("ID", 5), Column("Title", 0), Column("Outlet", 16), Column("Date", 10),
    Column("Words", 6, right=True), Column("Picked", 6, right=True),
)
SEARCH_LIMIT = 20  # rows a search shows: more than the pane holds; typing more narrows it
NARROW = 90  # below this many columns the outlet column shrinks so titles stay readable
BRIEF_COLUMNS = (
    Column("ID", 6), Column("Title", 0), Column("Template", 18), Column("Rev", 4, right=True), Column("Updated", 16),
)


class LibraryScreen(Screen[None]):
    HELP = (
        "/ searches the sources as you type, and Enter opens the highlighted result (the arrows move it); "
        "Enter on a row opens it. i, u and v import a file, a URL or pasted text; n starts a brief."
    )
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="library.search"),
        Binding("i", "import_file", "Import", id="library.import_file"),
        Binding("u", "import_url", "URL", id="library.import_url"),
        Binding("v", "import_paste", "Paste", id="library.import_paste"),
        Binding("n", "new_brief", "New brief", id="library.new_brief"),
        Binding("w", "check_word_file", "Check a Word file", id="library.check_word_file", show=False),
        Binding("d,delete", "remove", "Remove", id="library.remove"),
        Binding("s", "show_tab('sources')", "Sources", id="library.sources", show=False),
        Binding("b", "show_tab('briefs')", "Briefs", id="library.briefs", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        # Two panes rather than tabs: TabbedContent alone costs a third of the start-up budget, and
        # seeing the briefs beside the sources saves a key.
        yield FixedInput(placeholder="Search the desk… ( / )", id="search", compact=True)
        yield RowTable(SOURCE_COLUMNS, id="sources-table")
        yield Label("Briefs  (b)", id="briefs-title", classes="pane-title")
        yield RowTable(BRIEF_COLUMNS, id="briefs-table")
        with Horizontal(id="import-status"):
            yield Label("", id="import-label")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._total = 0
        self._words: list[str] | None = None  # the search words the sources table shows
        self._narrow: bool | None = None
        self.sub_title = "opening the desk…"
        self._columns()
        self.query_one("#sources-table", RowTable).focus()
        self.query_one("#import-status").display = False
        if self.app.desk_is_open:
            self.desk_ready()

    def desk_ready(self) -> None:
        self.reload()

    def desk_changed(self, events: list[Any]) -> None:
        # A colleague imported, picked (the Picked counts) or saved a brief: the tables show it; the search
        # box, its words and the cursor's row stay as they are.
        if any(e.kind in {"source", "snippet", "brief"} or e.op == "back" for e in events):
            self.app.attempt(self.reload, title="Desk")

    # ------------------------------------------------------------------------------------- tables
    def _columns(self) -> None:
        # The tables give their title column what the fixed columns leave, at every width; only the
        # outlet and template columns change, below NARROW.
        narrow = self.size.width < NARROW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for table_id, columns in (("#sources-table", SOURCE_COLUMNS), ("#briefs-table", BRIEF_COLUMNS)):
            if narrow:
                columns = tuple(c._replace(width=11) if c.label in {"Outlet", "Template"} else c for c in columns)
            self.query_one(table_id, RowTable).set_columns(columns)

    def on_resize(self) -> None:
        self._columns()

    def reload(self) -> None:
        if not self.app.desk_is_open:
            return
        self.load_sources(self.query_one("#search", Input).value)
        self.load_briefs()

    def load_sources(self, query: str, *, count: bool = True) -> None:
        self._words = query.split()
        desk = self.app.desk
        sources = desk.search_sources(query, limit=SEARCH_LIMIT) if query.strip() else desk.list_sources(limit=500)
        if count:  # the total only changes on import and removal, which reload with count=True
            self._total = desk.count_sources()
        self._show_sources(query, sources, self._total)

    def _show_sources(self, query: str, sources: list[Any], total: int) -> None:
        self.query_one("#sources-table", RowTable).set_rows(
            (s.ref, (s.ref, s.display_title, s.meta.publication or "", s.meta.published or "", f"{s.words:,}",
                     str(s.snippet_count or "")))
            for s in sources
        )
        from briefs.text import counted

        if query.strip():
            more = "+" if len(sources) >= SEARCH_LIMIT else ""
            shown = f"{len(sources)}{more} of {counted(total, 'source')} match “{' '.join(query.split())}”"
        else:
            shown = counted(total, "source")
        self.sub_title = f"{shown} · {os.path.basename(self.app.desk.location)}"

    def load_briefs(self) -> None:
        self.query_one("#briefs-table", RowTable).set_rows(
            (brief.ref, (brief.ref, brief.title, brief.template, str(brief.revision),
                         brief.updated_at.strftime("%Y-%m-%d %H:%M")))
            for brief in self.app.desk.list_briefs()
        )

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        if self.app.desk_is_open and event.value.split() != self._words:
            # A space searches the same words as before it: nothing to redo. On the UI thread, on purpose:
            # the query takes less than a frame, and running it here paints the typed key and its results
            # in one frame instead of two.
            self.load_sources(event.value, count=False)

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        # Enter opens the highlighted result at once (the first, unless the arrows moved it).
        if self.app.desk_is_open and event.value.split() != self._words:
            self.load_sources(event.value, count=False)
        table = self.query_one("#sources-table", RowTable)
        key = table.cursor_key
        if key is None:
            self.notify("nothing matches; change the search or press Esc", severity="warning")
            return
        table.focus()
        self.app.open_source(int(key[1:]))

    @on(RowTable.RowSelected, "#sources-table")
    def _open_source(self, event: RowTable.RowSelected) -> None:
        self.app.open_source(int(event.key[1:]))

    @on(RowTable.RowSelected, "#briefs-table")
    def _open_brief(self, event: RowTable.RowSelected) -> None:
        self.app.open_brief(int(event.key[1:]))

    def key_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.query_one("#sources-table", RowTable).focus()

    def key_down(self) -> None:
        # While typing a search, the arrows move the highlighted result that Enter opens.
        if self.query_one("#search", Input).has_focus:
            self.query_one("#sources-table", RowTable).action_cursor_down()

    def key_up(self) -> None:
        if self.query_one("#search", Input).has_focus:
            self.query_one("#sources-table", RowTable).action_cursor_up()

    # ------------------------------------------------------------------------------------ actions
    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(f"#{tab}-table", RowTable).focus()

    def action_import_file(self) -> None:
        from textual_fspicker import FileOpen, Filters

        from briefs.sources import SUPPORTED

        filters = Filters(
            ("Sources", lambda p: p.suffix.lower() in SUPPORTED), ("Any file", lambda _: True)
        )

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.import_source(str(path), label=path.name)

        self.app.push_screen(FileOpen(Path.cwd(), "Import an article", filters=filters), chosen)

    def action_import_url(self) -> None:
        from tui.screens.modals import PromptScreen

        def chosen(url: str | None) -> None:
            if url and url.strip():
                self.import_source(url.strip(), label=url.strip())

        self.app.push_screen(
            PromptScreen("Import from a URL", placeholder="https://…", hint="Enter imports, Esc cancels", ok="Import"),
            chosen,
        )

    def action_import_paste(self) -> None:
        from tui.screens.modals import PasteScreen

        def chosen(pasted: Pasted | None) -> None:
            if pasted is not None:
                self.import_source(None, label=pasted.title or "pasted text", pasted=pasted)

        self.app.push_screen(PasteScreen(), chosen)

    def import_source(self, target: str | None, *, label: str, pasted: Pasted | None = None) -> None:
        self.query_one("#import-label", Label).update(f"Importing {label}…")
        status = self.query_one("#import-status")
        if not status.query("#import-progress"):
            # Mounted on the first import rather than at start-up: the first frame does not need it.
            status.mount(ProgressBar(total=None, show_eta=False, show_percentage=False, id="import-progress"))
        status.display = True
        self._imports_pending = getattr(self, "_imports_pending", 0) + 1
        self._import(target, pasted)

    @work(thread=True, group="import", exit_on_error=False)
    def _import(self, target: str | None, pasted: Pasted | None) -> None:
        from briefs.actions.sources import import_paste, import_source

        app: Any = self.app
        try:
            if pasted is not None:
                result = import_paste(app.desk, pasted.text, url=pasted.url, overrides=pasted.details)
            else:
                result = import_source(app.desk, target or "", limits=app.settings.limits)
        except Exception as exc:  # a failed import is a notification, never a crash
            self.app.call_from_thread(self._import_finished, None, exc)
            return
        self.app.call_from_thread(self._import_finished, result, None)

    def _import_finished(self, result: Any, error: BaseException | None) -> None:
        self._imports_pending -= 1
        self.query_one("#import-status").display = self._imports_pending > 0
        if error is not None:
            self.app.report(error, title="Import failed")
            return
        source = result.source
        if result.status == "imported":
            message = f"Imported {source.ref}: {source.display_title}"
        elif result.status == "restored":
            message = f"{source.ref} was removed; restored it: {source.display_title}"
        else:
            message = f"Already on the desk as {source.ref}: {source.display_title}"
        self.notify(message, title="Import")
        self.query_one("#search", Input).value = ""
        self.reload()
        self.query_one("#sources-table", RowTable).move_to_key(source.ref)
        self.action_show_tab("sources")

    def _current(self) -> tuple[str, str] | None:
        briefs = self.query_one("#briefs-table", RowTable)
        tab = "briefs" if briefs.has_focus else "sources"
        key = self.query_one(f"#{tab}-table", RowTable).cursor_key
        return (tab, key) if key else None

    def action_remove(self) -> None:
        current = self._current()
        if current is None:
            return
        tab, ref = current
        from tui.screens.modals import ConfirmScreen

        if tab == "sources":
            source = self.app.attempt(lambda: self.app.desk.get_source(int(ref[1:]), with_text=False))
            if source is None:
                return
            question = f"Remove {ref} “{source.display_title}” from the library? (ctrl+z undoes)"
        else:
            brief = self.app.attempt(lambda: self.app.desk.get_brief(int(ref[1:])))
            if brief is None:
                return
            question = f"Delete brief {ref} “{brief.title}”? Its snippets stay on the desk."

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._remove(tab, int(ref[1:]))

        self.app.push_screen(ConfirmScreen(question, yes="Remove"), confirmed)

    def _remove(self, tab: str, item_id: int) -> None:
        from briefs.actions.briefs import remove_brief
        from briefs.actions.sources import remove_source

        if tab == "sources":
            change = self.app.attempt(lambda: remove_source(self.app.desk, item_id))
        else:
            change = self.app.attempt(lambda: remove_brief(self.app.desk, item_id))
        if change is not None:
            self.app.record(change)
            self.notify(f"{change.label} · ctrl+z to undo")
            self.reload()

    def action_new_brief(self) -> None:
        from tui.screens.new_brief import NewBriefScreen

        def created(brief_id: int | None) -> None:
            if brief_id is not None:
                self.reload()
                self.app.open_brief(brief_id)

        self.app.push_screen(NewBriefScreen(), created)

    def action_check_word_file(self) -> None:
        from tui.screens.word_check import start_word_check

        start_word_check(self.app)
