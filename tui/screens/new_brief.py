"""Create a brief: pick a template, give it a title."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.screens.modals import buttons, dialog_body, form_row


class NewBriefScreen(ModalScreen[int | None]):
    """Returns the new brief's id, or None when cancelled."""

    AUTO_FOCUS = "#templates"

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="modal.cancel"),
        Binding("ctrl+s", "create", "Create", id="new_brief.create", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[Any] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-brief"):
            yield Label("New brief  (Enter in the title creates it, Esc cancels)", classes="dialog-title")
            with dialog_body():
                yield Label("Template", classes="field-label")
                yield OptionList(id="templates", compact=True)
                yield Label("", id="template-help", classes="hint")
                yield form_row("Title", Input(placeholder="What is the brief about?", id="brief-title", compact=True))
            yield buttons(Button("Create", variant="primary", id="create"), Button("Cancel", id="cancel"))

    def on_mount(self) -> None:
        templates: Any = self.app.templates
        self.specs = self.app.attempt(templates.all, title="Templates") or []
        for problem in templates.problems:
            self.notify(problem, title="Templates", severity="warning")
        options = self.query_one("#templates", OptionList)
        for spec in self.specs:
            options.add_option(Option(spec.title, id=spec.name))
        if self.specs:
            options.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # One line per template in the list; the highlighted one's description below it.
        spec = self.specs[event.option_index] if event.option_index < len(self.specs) else None
        self.query_one("#template-help", Label).update(spec.description if spec else "")

    def on_option_list_option_selected(self) -> None:
        self.query_one("#brief-title", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self.action_create()
        else:
            self.dismiss(None)

    def action_create(self) -> None:
        options = self.query_one("#templates", OptionList)
        if options.highlighted is None or not self.specs:
            self.notify("pick a template first", severity="warning")
            return
        spec = self.specs[options.highlighted]
        title = self.query_one("#brief-title", Input).value
        from briefs.actions.briefs import new_brief

        app: Any = self.app
        result = app.attempt(lambda: new_brief(app.desk, spec, title=title), title="New brief")
        if result is not None:
            brief, change = result
            app.record(change)
            self.dismiss(brief.id)
