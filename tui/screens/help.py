"""The help screen: how the screen below is used, then every binding of it and the app, with the id to
remap it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.keys import format_key
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tui.widgets.key_footer import KeyFooter

INTRO = (
    "Remap any key in the config file ([keys] section, id = \"key\"); ctrl+p opens the command palette, "
    "which offers every action below. Esc closes this screen."
)


class HelpScreen(Screen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        yield Header()
        # Plain text, never markup: "[keys]" is what to type in the config file, not a style.
        below = self._below()
        usage = getattr(below, "HELP", None) if below is not None else None
        if usage:
            yield Static(" ".join(usage.split()), id="help-usage", markup=False)
        yield Static(INTRO, id="help-intro", markup=False)
        yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def _below(self) -> Screen | None:
        stack = [s for s in self.app.screen_stack if s is not self]
        return stack[-1] if stack else None

    def on_mount(self) -> None:
        self.sub_title = "Keys"
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action", "Where", "Id")
        below = self._below()
        keymap = getattr(self.app, "_keymap", {})
        seen: set[str] = set()
        for where, node in ((type(below).__name__.replace("Screen", "") if below else "", below), ("App", self.app)):
            if node is None:
                continue
            for binding in node.BINDINGS:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                ident = binding.id or ""
                if ident and ident in seen:
                    continue
                seen.add(ident)
                key = keymap.get(ident, binding.key) if ident else binding.key
                table.add_row(Text(_keys(key)), Text(binding.description), where, ident)
        table.add_row("ctrl+p", "Command palette", "App", "")
        table.focus()


def _keys(key: str) -> str:
    """The keys of a binding as a person types them: `[` for left_square_bracket, `/` for slash."""
    return ", ".join(format_key(k.strip()).replace("delete", "del") for k in key.split(","))
