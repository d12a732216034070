"""The Briefs app: the desk's library of sources."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input

from briefs.desk import open_desk


class BriefsApp(App[None]):
    TITLE = "Briefs"
    CSS = """
    #search { dock: top; margin: 0 1; }
    DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit"),
        Binding("slash", "focus_search", "Search", id="search"),
    ]

    def __init__(self, desk_path: str | None = None) -> None:
        super().__init__()
        self.desk_path = desk_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search the desk…", id="search")
        yield DataTable(id="sources", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("ID", "Title", "Outlet", "Date", "Words", "Picked")
        self.refresh_sources("")
        table.focus()

    def refresh_sources(self, query: str) -> None:
        desk = open_desk(self.desk_path)
        try:
            sources = desk.search_sources(query) if query.strip() else desk.list_sources()
        finally:
            desk.close()
        table = self.query_one(DataTable)
        table.clear()
        for s in sources:
            table.add_row(
                s.ref, s.display_title, s.meta.publication or "", s.meta.published or "", str(s.words),
                str(s.snippet_count), key=s.ref,
            )
        self.sub_title = f"{len(sources)} source(s)"

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_sources(event.value)

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()
