"""The reader: one source's clean text, its suggested quotes and facts, and the snippets picked from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.key_footer import KeyFooter
from tui.widgets.reader_text import ReaderText

if TYPE_CHECKING:
    from briefs.model import Snippet, Source, SourceMeta

# How many of the best-ranked facts are suggested; the rest would bury the text in underlines.
FACTS_SHOWN = 12


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "quote" | "fact"
    start: int
    end: int
    speaker: str | None
    item: Any  # the extract engine's Quote or Fact


class ReaderScreen(Screen[None]):
    CSS_PATH = "reader.tcss"
    HELP = (
        "Select a passage with shift+arrows or by dragging the mouse, then q, f or o makes it a quote, fact or "
        "note; n and p jump between suggestions, a accepts and x rejects the one selected. e, c and Delete act "
        "on the picked snippet under the caret in the text, else on the one highlighted in the Picked list."
    )
    BINDINGS = [
        Binding("escape", "back", "Back", id="reader.back"),
        Binding("n", "jump(1)", "Next", id="reader.next", tooltip="Select the next suggestion"),
        Binding("p", "jump(-1)", "Prev", id="reader.prev", show=False, tooltip="Select the previous suggestion"),
        Binding("a", "accept", "Accept", id="reader.accept", tooltip="Pick the selected suggestion"),
        Binding("x", "reject", "Reject", id="reader.reject", tooltip="Hide the selected suggestion"),
        Binding("q", "pick('quote')", "Quote", id="reader.quote", tooltip="Make the selection a quote"),
        Binding("f", "pick('fact')", "Fact", id="reader.fact", tooltip="Make the selection a fact"),
        Binding("o", "pick('note')", "Note", id="reader.note", tooltip="Make the selection a note"),
        Binding("e", "edit_speaker", "Speaker", id="reader.speaker", show=False,
                tooltip="Edit the speaker of the picked quote under the caret (else the one highlighted in Picked)"),
        Binding("c", "copy", "Copy", id="reader.copy", show=False,
                tooltip="Copy the picked snippet under the caret (else the one highlighted) with its citation"),
        Binding("delete,backspace", "remove", "Remove", id="reader.remove", show=False,
                tooltip="Remove the picked snippet under the caret (else the one highlighted in Picked)"),
        Binding("m", "edit_meta", "Metadata", id="reader.meta", tooltip="Edit title, author, outlet, date, URL"),
    ]

    def __init__(self, source_id: int) -> None:
        super().__init__()
        self.source_id = source_id
        self.source: Source | None = None
        self.snippets: list[Snippet] = []
        self.suggestions: list[Suggestion] = []
        self.rejected: set[tuple[str, int, int]] = set()  # (kind, start, end), as the desk keeps them
        self.current: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meta-line")
        with Horizontal(id="reader-body"):
            yield ReaderText("", id="reader-text")
            with Vertical(id="reader-side"):
                yield Label("Finding suggestions…", id="suggestion-status")
                yield Label("Picked", id="picked-title")
                yield OptionList(id="picked")
        yield KeyFooter()

    def on_mount(self) -> None:
        app: Any = self.app
        source = app.attempt(lambda: app.desk.get_source(self.source_id))
        if source is None:
            self.app.pop_screen()
            return
        self.source = source
        from briefs.text import counted

        self.sub_title = f"{source.ref} · {counted(source.words, 'word')}"
        text = self.query_one(ReaderText)
        text.load_text(source.text)
        text.focus()
        self._show_meta()
        self.reload()
        self._analyse(source.text)

    # ------------------------------------------------------------------------------ suggestions
    @work(thread=True, exclusive=True, group="analyse", exit_on_error=False)
    def _analyse(self, text: str) -> None:
        try:
            from briefs.extract import analyse

            analysis = analyse(text)
        except Exception as exc:  # no suggestions is a notification, not a crash
            self.app.call_from_thread(self.app.report, exc, title="Suggestions failed")
            self.app.call_from_thread(self._set_status, "No suggestions")
            return
        self.app.call_from_thread(self._suggestions_ready, analysis)

    def _suggestions_ready(self, analysis: Any) -> None:
        found = [Suggestion("quote", q.start, q.end, q.speaker, q) for q in analysis.quotes]
        found += [Suggestion("fact", f.start, f.end, None, f) for f in analysis.facts[:FACTS_SHOWN]]
        self.suggestions = sorted(found, key=lambda s: (s.start, s.end))
        self._refresh_spans()
        self._set_status()

    def _open_suggestions(self) -> list[Suggestion]:
        """Suggestions not yet picked or rejected, in reading order."""
        picked = {(s.start, s.end) for s in self.snippets}
        return [s for s in self.suggestions
                if (s.start, s.end) not in picked and (s.kind, s.start, s.end) not in self.rejected]

    def _set_status(self, text: str | None = None) -> None:
        from briefs.text import counted

        if text is None:
            open_ = self._open_suggestions()
            quotes = sum(1 for s in open_ if s.kind == "quote")
            text = f"{counted(quotes, 'quote')} · {counted(len(open_) - quotes, 'fact')} suggested"
            if self.current is not None and self.current < len(open_):
                s = open_[self.current]
                who = f" · {s.speaker}" if s.speaker else (" · no speaker found" if s.kind == "quote" else "")
                text = f"{s.kind.title()} {self.current + 1}/{len(open_)}{who}"
        self.query_one("#suggestion-status", Label).update(text)

    def _refresh_spans(self) -> None:
        spans = [(s.start, s.end, f"suggested-{s.kind}") for s in self._open_suggestions()]
        spans += [(s.start, s.end, f"picked-{s.kind}") for s in self.snippets]
        self.query_one(ReaderText).set_spans(spans)

    def action_jump(self, step: int) -> None:
        open_ = self._open_suggestions()
        if not open_:
            self.notify("no suggestions left; select a passage and press q, f or o")
            return
        text = self.query_one(ReaderText)
        cursor = text.offset_of(text.selection.start if step < 0 else text.selection.end)
        if step > 0:
            index = next((i for i, s in enumerate(open_) if s.start >= cursor), 0)
        else:
            index = next((i for i in range(len(open_) - 1, -1, -1) if open_[i].end < cursor), len(open_) - 1)
        self._select(index)

    def _select(self, index: int) -> None:
        open_ = self._open_suggestions()
        if not open_:
            self.current = None
            self._set_status()
            return
        self.current = max(0, min(index, len(open_) - 1))
        chosen = open_[self.current]
        text = self.query_one(ReaderText)
        text.select_offsets(chosen.start, chosen.end)
        text.focus()
        self._set_status()

    def _selected_suggestion(self) -> Suggestion | None:
        open_ = self._open_suggestions()
        start, end = self.query_one(ReaderText).selected_offsets()
        for s in open_:
            if s.start == start and s.end == end:
                return s
        # A caret inside a suggestion (no selection) also names it.
        if start == end:
            for s in open_:
                if s.start <= start < s.end:
                    return s
        return None

    def action_accept(self) -> None:
        chosen = self._selected_suggestion()
        if chosen is None:
            self.notify("select a suggestion first: n and p jump between them", severity="warning")
            return
        from briefs.actions import snippets

        make = snippets.quote_snippet if chosen.kind == "quote" else snippets.fact_snippet
        self._save(lambda desk: snippets.pick(desk, make(self.source_id, chosen.item)), after=chosen)

    def action_reject(self) -> None:
        chosen = self._selected_suggestion()
        if chosen is None:
            self.notify("select a suggestion first: n and p jump between them", severity="warning")
            return
        from briefs.actions.snippets import reject_suggestion

        app: Any = self.app
        change = app.attempt(
            lambda: reject_suggestion(app.desk, self.source_id, chosen.kind, chosen.start, chosen.end))
        if change is None:
            return
        app.record(change)
        self.rejected.add((chosen.kind, chosen.start, chosen.end))
        self.notify(f"{change.label} · ctrl+z brings it back")
        self._after_pick(chosen)

    def action_pick(self, kind: str) -> None:
        from briefs.actions import snippets

        text = self.query_one(ReaderText)
        start, end = text.selected_offsets()
        suggestion = self._selected_suggestion()
        speaker = suggestion.speaker if suggestion is not None and kind == "quote" else None
        assert self.source is not None
        source = self.source
        def pick(desk: Any) -> Any:
            return snippets.pick(desk, snippets.selection_snippet(source, start, end, kind, speaker=speaker))

        self._save(pick, after=suggestion)

    def _save(self, operation: Any, *, after: Suggestion | None) -> None:
        app: Any = self.app
        result = app.attempt(lambda: operation(app.desk))
        if result is None:
            return
        snippet, change = result
        app.record(change)
        self.reload()
        self._highlight_picked(snippet.id)
        who = f" — {snippet.speaker}" if snippet.speaker else ""
        self.notify(f"{change.label}{who}", title="Picked")
        self._after_pick(after)

    def _after_pick(self, chosen: Suggestion | None) -> None:
        # Move on to the next open suggestion after the one just handled, as a reviewer would.
        self._refresh_spans()
        if chosen is None:
            self._set_status()
            return
        open_ = self._open_suggestions()
        index = next((i for i, s in enumerate(open_) if s.start >= chosen.start), None)
        if index is None:
            self.current = None
            self._set_status()
        else:
            self._select(index)

    def desk_changed(self, events: list[Any]) -> None:
        # A colleague picked from (or corrected) this source: the Picked list and the highlights follow.
        if any((e.kind == "snippet" and e.source_id == self.source_id) or e.op == "back" for e in events):
            self.reload()
        if any(e.kind == "source" and e.id == self.source_id for e in events) and self.source is not None:
            app: Any = self.app
            fresh = app.attempt(lambda: app.desk.get_source(self.source_id, with_text=False))
            if fresh is not None:
                self.source = self.source.replace(meta=fresh.meta)
                self._show_meta()

    # ---------------------------------------------------------------------------------- picked
    def reload(self) -> None:
        app: Any = self.app
        snippets = app.attempt(lambda: app.desk.list_snippets(self.source_id))
        if snippets is None:
            return
        self.snippets = snippets
        self.rejected = {tuple(r) for r in app.attempt(lambda: app.desk.rejected_suggestions(self.source_id)) or ()}
        picked = self.query_one("#picked", OptionList)
        highlighted = picked.highlighted
        picked.clear_options()
        picked.add_options([Option(_snippet_label(s), id=str(s.id)) for s in snippets])
        if snippets:
            picked.highlighted = min(highlighted or 0, len(snippets) - 1)
        self.query_one("#picked-title", Label).update(f"Picked ({len(snippets)})")
        if self.suggestions:
            self._refresh_spans()
            self._set_status()
        else:
            self._refresh_spans()

    def _highlight_picked(self, snippet_id: int | None) -> None:
        picked = self.query_one("#picked", OptionList)
        for index, snippet in enumerate(self.snippets):
            if snippet.id == snippet_id:
                picked.highlighted = index

    def _focused_snippet(self) -> Snippet | None:
        """The snippet the user means: the one under the caret in the text, else the one highlighted."""
        text = self.query_one(ReaderText)
        if text.has_focus:
            start, _ = text.selected_offsets()
            for snippet in self.snippets:
                if snippet.start <= start < snippet.end:
                    return snippet
        picked = self.query_one("#picked", OptionList)
        if picked.highlighted is not None and picked.highlighted < len(self.snippets):
            return self.snippets[picked.highlighted]
        return None

    @on(OptionList.OptionSelected, "#picked")
    def _show_snippet(self, event: OptionList.OptionSelected) -> None:
        snippet = self.snippets[event.option_index]
        self.query_one(ReaderText).select_offsets(snippet.start, snippet.end)

    def action_edit_speaker(self) -> None:
        snippet = self._focused_snippet()
        if snippet is None:
            self.notify("pick a quote first, then press e on it", severity="warning")
            return
        from tui.screens.modals import PromptScreen

        def chosen(value: str | None) -> None:
            if value is None:
                return
            from briefs.actions.snippets import edit_snippet

            assert snippet.id is not None
            self._save(lambda desk: edit_snippet(desk, snippet.id, speaker=value), after=None)

        self.app.push_screen(
            PromptScreen(f"Speaker of {snippet.ref}", value=snippet.speaker or "", placeholder="Full name, role",
                         ok="Save"),
            chosen,
        )

    def action_copy(self) -> None:
        snippet = self._focused_snippet()
        if snippet is None or self.source is None:
            self.notify("pick a snippet first", severity="warning")
            return
        from briefs.citation import with_citation

        self.app.copy_to_clipboard(with_citation(snippet, self.source))
        self.notify(f"Copied {snippet.ref} with its citation")

    def action_remove(self) -> None:
        snippet = self._focused_snippet()
        if snippet is None or snippet.id is None:
            return
        from briefs.actions.snippets import remove_snippet

        app: Any = self.app
        change = app.attempt(lambda: remove_snippet(app.desk, snippet.id))
        if change is not None:
            app.record(change)
            self.notify(f"{change.label} · ctrl+z to undo")
            self.reload()

    # -------------------------------------------------------------------------------- metadata
    def _show_meta(self) -> None:
        if self.source is None:
            return
        meta = self.source.meta
        # The title on one line and the citation details on the next, each cut with "…" where the screen
        # ends (the CSS): wrapped, a separator was left dangling at the end of a line.
        line = Text()
        line.append(self.source.display_title, style="bold")
        details = [part for part in (meta.author, meta.publication, meta.published, meta.url) if part]
        if details:
            line.append("\n" + "  ·  ".join(details))
        self.query_one("#meta-line", Static).update(line)

    def action_edit_meta(self) -> None:
        if self.source is None:
            return

        def chosen(meta: SourceMeta | None) -> None:
            if meta is None:
                return
            app: Any = self.app
            from briefs.actions.sources import update_citation

            updated = app.attempt(lambda: update_citation(app.desk, self.source_id, meta))
            if updated is not None and self.source is not None:
                self.source = self.source.replace(meta=updated.meta)
                self._show_meta()
                self.notify("Saved the citation details")

        self.app.push_screen(MetaScreen(self.source.meta), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()
        self.app.refresh_screens()


class MetaScreen(ModalScreen["SourceMeta | None"]):
    """Edit a source's citation details; the text itself never changes."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="modal.cancel"),
        Binding("ctrl+s", "save", "Save", id="meta.save", priority=True),
    ]

    def __init__(self, meta: SourceMeta) -> None:
        super().__init__()
        self.meta = meta

    def compose(self) -> ComposeResult:
        from tui.screens.modals import CITATION_FIELDS, buttons, citation_rows, dialog_body

        values = {name: getattr(self.meta, name) for name, _, _ in CITATION_FIELDS}
        with Vertical(classes="dialog", id="citation"):
            yield Label("Citation details  (ctrl+s saves, Esc cancels)", classes="dialog-title")
            yield dialog_body(*citation_rows(values, prefix="meta"))
            yield buttons(Button("Save", variant="primary", id="save"), Button("Cancel", id="cancel"))

    def action_save(self) -> None:
        from tui.screens.modals import CITATION_FIELDS

        values = {name: self.query_one(f"#meta-{name}", Input).value for name, _, _ in CITATION_FIELDS}
        try:
            meta = self.meta.replace(**values)
        except ValueError as exc:  # the model's own rule (an ISO date), said in its words
            self.notify(str(exc), severity="error")
            return
        self.dismiss(meta)

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)


def _snippet_label(snippet: Snippet) -> Text:
    label = Text()
    label.append(f"{snippet.kind.value[0].upper()} ", style="bold")
    words = snippet.display_text
    label.append(words if len(words) <= 90 else words[:87] + "…")
    if snippet.speaker:
        label.append(f" — {snippet.speaker}", style="italic")
    return label

