"""When someone else saved the same field first: show both texts and let the user choose."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea


class ConflictScreen(ModalScreen[str | None]):
    """Returns the text to keep: theirs, mine, or both (theirs first). Escape returns None: the desk keeps
    theirs and the editor keeps the user's text in the field, unsaved, to decide later."""

    DEFAULT_CSS = """
    #conflict TextArea { height: 1fr; min-height: 3; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Decide later", id="conflict.later")]

    def __init__(self, label: str, mine: str, theirs: str) -> None:
        super().__init__()
        self.label = label
        self.mine = mine
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="conflict"):
            yield Label(f"“{self.label}” was changed elsewhere while you typed", classes="dialog-title")
            yield Label("Theirs (saved on the desk)", classes="hint")
            yield TextArea(self.theirs, read_only=True, soft_wrap=True, id="theirs", compact=True)
            yield Label("Yours (not saved yet)", classes="hint")
            yield TextArea(self.mine, read_only=True, soft_wrap=True, id="mine", compact=True)
            with Horizontal(classes="buttons"):
                yield Button("Keep both", variant="primary", id="both")
                yield Button("Keep mine", id="mine-button")
                yield Button("Keep theirs", id="theirs-button")

    def on_mount(self) -> None:
        self.query_one("#both", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = {
            "both": f"{self.theirs.rstrip()}\n\n{self.mine.lstrip()}",
            "mine-button": self.mine,
            "theirs-button": self.theirs,
        }[event.button.id or "both"]
        self.dismiss(choice)
