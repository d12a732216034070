"""The export modal: it only collects options; the editor calls the core export in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from tui.screens.modals import buttons, dialog_body, form_row


@dataclass
class ExportOptions:
    fmt: str
    path: Path
    marking: str | None
    reference: Path | None
    allow_unverified: bool = False


FORMATS = [("Word document (.docx)", "docx"), ("Markdown (.md)", "md"), ("PDF via LibreOffice (.pdf)", "pdf")]


class ExportScreen(ModalScreen[ExportOptions | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="modal.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.go", priority=True),
        Binding("ctrl+o", "browse_reference", "Reference…", id="export.reference"),
    ]

    def __init__(self, title: str, marking: str | None, *, last: ExportOptions | None = None) -> None:
        super().__init__()
        self.brief_title = title
        self.marking = marking or ""
        # What the user chose the last time they exported this brief in this session: kept, not retyped.
        self.last = last

    def compose(self) -> ComposeResult:
        from briefs.actions.publish import default_out_path
        from briefs.labels import UNVERIFIED_QUOTE

        last = self.last
        fmt = last.fmt if last else "docx"
        path = last.path if last else default_out_path(self.brief_title, "docx").resolve()
        marking = (last.marking or "") if last else self.marking
        reference = str(last.reference) if last and last.reference else ""
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(f"Export “{self.brief_title}”", classes="dialog-title")
            with dialog_body():
                yield form_row("Format", Select(FORMATS, value=fmt, allow_blank=False, id="export-format",
                                                compact=True))
                yield form_row("Save as", Input(str(path), id="export-path", compact=True))
                yield form_row("Marking", Input(marking, placeholder="none (printed on every page)",
                                                id="export-marking", compact=True, tooltip="printed on every page"))
                yield form_row("Style", Input(reference, placeholder="the shipped house style · ctrl+o: a .docx",
                                              id="export-reference", compact=True,
                                              tooltip="a reference .docx whose styles the export takes"))
                # Not kept from the last export: letting an unverified quote out is decided each time.
                yield Checkbox(f"Export quotes failing their check, marked {UNVERIFIED_QUOTE}",
                               id="export-unverified", compact=True)
            yield buttons(Button("Export", variant="primary", id="export"), Button("Cancel", id="cancel"))

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix.lower() in {".docx", ".md", ".pdf"}:
            path_input.value = str(path.with_suffix(f".{event.value}"))

    def action_browse_reference(self) -> None:
        from textual_fspicker import FileOpen, Filters

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#export-reference", Input).value = str(path)

        self.app.push_screen(
            FileOpen(Path.cwd(), "Reference document", filters=Filters(("Word", lambda p: p.suffix == ".docx"))),
            chosen,
        )

    def action_export(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("give a file name to save as", severity="warning")
            return
        reference = self.query_one("#export-reference", Input).value.strip()
        if reference and not Path(reference).expanduser().is_file():
            self.notify(f"{reference} is not a file; leave it empty for the shipped house style", severity="error")
            return
        self.dismiss(
            ExportOptions(
                fmt=str(self.query_one("#export-format", Select).value),
                path=Path(path).expanduser(),
                marking=self.query_one("#export-marking", Input).value.strip() or None,
                reference=Path(reference).expanduser() if reference else None,
                allow_unverified=self.query_one("#export-unverified", Checkbox).value,
            )
        )

    def on_input_submitted(self) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.dismiss(None)
