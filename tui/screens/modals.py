"""Small modals: confirm, one-line prompt, paste an article; and the pieces every dialog is built of.

Every dialog has the same frame: its title docked at the top, its buttons docked at the bottom, and its
form between them in a `dialog_body()` that scrolls when the terminal is too short (80x24 and up show
every button).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, TextArea

# The citation details a user can give or correct, with their labels: the paste dialog and the citation
# dialog ask for the same ones, in the same order.
CITATION_FIELDS = (
    ("title", "Title", "the headline"),
    ("author", "Author", "Jane Doe, John Roe"),
    ("publication", "Outlet", "the newspaper, agency or site"),
    ("published", "Date", "YYYY-MM-DD, when it was published"),
    ("url", "URL", "https://…, where readers can find it"),
)


def dialog_body(*children: Widget, id: str | None = None) -> VerticalScroll:
    """The part of a dialog that scrolls; the focus moves through its fields, not onto it."""
    body = VerticalScroll(*children, classes="dialog-body", id=id, can_focus=False)
    return body


def form_row(label: str, widget: Widget, *, id: str | None = None) -> Horizontal:
    """One labelled field: the label at the left, the field filling the rest of the row."""
    return Horizontal(Label(label, classes="form-label"), widget, classes="form-row", id=id)


def citation_rows(values: Mapping[str, str | None], *, prefix: str, placeholders: Mapping[str, str] | None = None
                  ) -> list[Horizontal]:
    """A labelled input per citation detail, with ids `{prefix}-{name}`."""
    rows = []
    for name, label, hint in CITATION_FIELDS:
        placeholder = (placeholders or {}).get(name, hint)
        field = Input(values.get(name) or "", placeholder=placeholder, id=f"{prefix}-{name}", compact=True,
                      select_on_focus=False)
        field.cursor_position = 0  # a long title shows its start, not its last words
        rows.append(form_row(label, field))
    return rows


def buttons(*items: Button) -> Horizontal:
    return Horizontal(*items, classes="buttons")


class ConfirmScreen(ModalScreen[bool]):
    """Yes or no; Escape is no."""

    BINDINGS = [
        Binding("escape", "dismiss(False)", "Cancel", id="modal.cancel"),
        Binding("y", "dismiss(True)", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # In the body, not docked as a title: a dialog needs something undocked to have a height.
            yield dialog_body(Label(self.question, classes="question"))
            yield buttons(Button(self.yes, variant="error", id="yes"), Button("Cancel", id="no"))

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter (or the OK button) submits, Escape cancels (None)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="modal.cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "", hint: str = "",
                 ok: str = "OK") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.ok = ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with dialog_body():
                yield Input(self.value, placeholder=self.placeholder, id="prompt")
                if self.hint:
                    yield Label(self.hint, classes="hint")
            yield buttons(Button(self.ok, variant="primary", id="ok"), Button("Cancel", id="cancel"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one("#prompt", Input).value if event.button.id == "ok" else None)


@dataclass
class Pasted:
    text: str
    url: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    """The citation details typed (title, author, publication, published), already validated."""

    @property
    def title(self) -> str | None:
        return self.details.get("title")


class PasteScreen(ModalScreen[Pasted | None]):
    """Paste an article's text, with what its citation needs (title, author, outlet, date, URL)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="modal.cancel"),
        Binding("ctrl+s", "submit", "Import", id="paste.import", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="paste"):
            yield Label("Paste an article  (ctrl+s imports, Esc cancels)", classes="dialog-title")
            yield TextArea(id="paste-text", soft_wrap=True, show_line_numbers=False, compact=True,
                           placeholder="Paste the article's text here")
            yield Label("For its citation (all optional):", classes="hint")
            yield from citation_rows({}, prefix="paste", placeholders={
                "title": "the first line, when it reads as a headline",
                "url": "https://…, where readers can find it",
            })
            yield buttons(Button("Import", variant="primary", id="import"), Button("Cancel", id="cancel"))

    def on_mount(self) -> None:
        self.query_one("#paste-text", TextArea).focus()

    def action_submit(self) -> None:
        from briefs.actions.sources import citation_overrides
        from briefs.errors import BriefsError

        text = self.query_one("#paste-text", TextArea).text
        if not text.strip():
            self.notify("paste the article's text first", severity="warning")
            return
        values = {name: self.query_one(f"#paste-{name}", Input).value.strip() for name, _, _ in CITATION_FIELDS}
        url = values.pop("url") or None
        try:
            details = citation_overrides(values)
        except BriefsError as exc:  # a date that is not one: said here, with the pasted text still in place
            self.notify(str(exc), severity="error")
            return
        self.dismiss(Pasted(text, url, details))

    def on_input_submitted(self) -> None:
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import":
            self.action_submit()
        else:
            self.dismiss(None)
