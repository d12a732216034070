"""The brief editor: fields with live word budgets, sections and their snippets, live preview, checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Header,
    Input,
    Markdown,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.widgets.option_list import Option

from tui.widgets.field_head import FieldHead
from tui.widgets.fixed_input import FixedInput
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from briefs.model import Brief, Snippet, Source

RETRY_EVERY = 2.0  # seconds between tries to save edits kept while the desk's server was away
# Fields with a word budget this large or more get a multi-line editor; the rest are one line.
MULTILINE_FROM = 40
UNPLACED = "__unplaced__"


class EditorScreen(Screen[None]):
    CSS_PATH = "editor.tcss"
    HELP = (
        "F2 the fields, saved as you type; F3 the sections: Enter places the highlighted snippet, shift+up/down "
        "reorders it, [ and ] move it between sections, Delete takes it out and c copies it with its citation; "
        "F4 the checks. ctrl+r shows or hides the preview, ctrl+e exports."
    )
    BINDINGS = [
        Binding("escape", "back", "Back", id="editor.back"),
        Binding("ctrl+e", "export", "Export", id="editor.export", priority=True),
        Binding("f2", "show_tab('fields')", "Fields", id="editor.fields", show=False),
        Binding("f3", "show_tab('sections')", "Sections", id="editor.sections"),
        Binding("f4", "show_tab('checks')", "Checks", id="editor.checks", show=False),
        Binding("ctrl+r", "toggle_preview", "Preview", id="editor.preview"),
        Binding("shift+up,K", "move(-1)", "Move up", id="editor.move_up", tooltip="Move the snippet up"),
        Binding("shift+down,J", "move(1)", "Move down", id="editor.move_down", tooltip="Move the snippet down"),
        Binding("left_square_bracket", "to_section(-1)", "Prev section", id="editor.prev_section", show=False),
        Binding("right_square_bracket", "to_section(1)", "Next section", id="editor.next_section", show=False),
        Binding("delete,backspace", "unplace", "Take out", id="editor.unplace", show=False,
                tooltip="Take the snippet out of the brief (it stays on the desk)"),
        Binding("c", "copy", "Copy", id="editor.copy", show=False, tooltip="Copy the snippet with its citation"),
    ]

    def __init__(self, brief_id: int) -> None:
        super().__init__()
        self.brief_id = brief_id
        self.brief: Brief | None = None
        self.spec: Any = None
        self.snippets: dict[int, Snippet] = {}
        self.sources: dict[int, Source] = {}
        self.rows: list[tuple[str, int | None]] = []  # (section name, snippet id) for each option
        self._preview_timer: Timer | None = None
        self._preview_wanted = 0  # bumped by every change that needs a new preview
        # Edits typed while the desk's server was not answering: field name -> text, saved when it is back.
        self._pending: dict[str, str] = {}
        self._retry_timer: Timer | None = None

    # ------------------------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="editor-body"):
            with Vertical(id="editor-left"), TabbedContent(initial="fields", id="editor-tabs"):
                with TabPane("Fields", id="fields"):
                    yield VerticalScroll(id="field-list")
                with TabPane("Sections", id="sections"):
                    yield OptionList(id="arrangement")
                with TabPane("Checks", id="checks"):
                    yield OptionList(id="checks-list")
            with VerticalScroll(id="preview-pane"):
                yield Markdown("*Rendering the preview…*", id="preview")
        yield Static("", id="editor-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        app: Any = self.app
        brief = app.attempt(lambda: app.desk.get_brief(self.brief_id))
        if brief is None:
            self.app.pop_screen()
            return
        self.brief = brief
        self.spec = app.attempt(lambda: app.templates.get(brief.template), title="Template")
        self._build_fields()
        self.reload()
        self._narrow(self.size.width)
        self.call_after_refresh(self._focus_first_field)

    def on_resize(self, event: Any) -> None:
        self._narrow(event.size.width)

    def _narrow(self, width: int) -> None:
        # Under 90 columns the preview would leave the form too little room: it becomes a toggle.
        self.set_class(width < 90, "-narrow")

    def _build_fields(self) -> None:
        assert self.brief is not None
        container = self.query_one("#field-list", VerticalScroll)
        widgets: list[Any] = [self._field_block("title", "Title", self.brief.title, None, "what the brief is about")]
        widgets.append(self._field_block("marking", "Marking", self.brief.marking or "", None,
                                         "handling marking on every page"))
        for field in self.spec.fields if self.spec else []:
            widgets.append(self._field_block(field.name, field.label, self.brief.fields.get(field.name, ""),
                                             field.words, field.help))
        container.mount_all(widgets)

    def _field_block(self, name: str, label: str, value: str, budget: int | None, help_text: str) -> Vertical:
        if budget is not None and budget >= MULTILINE_FROM:
            editor: Any = TextArea(value, id=f"field-{name}", soft_wrap=True, show_line_numbers=False,
                                   tooltip=help_text or None, compact=True, placeholder=help_text)
        else:
            editor = FixedInput(value, id=f"field-{name}", placeholder=help_text, compact=True, select_on_focus=False)
        head = FieldHead(label, _budget_text(value, budget), over=_over(value, budget), id=f"budget-{name}")
        block = Vertical(head, editor, classes="field")
        block.budget = budget  # type: ignore[attr-defined]
        return block

    # ------------------------------------------------------------------------------------ fields
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.input.id.startswith("field-"):
            self._field_changed(event.input.id[6:], event.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id and event.text_area.id.startswith("field-"):
            self._field_changed(event.text_area.id[6:], event.text_area.text)

    def _field_changed(self, name: str, value: str) -> None:
        if self.brief is None:
            return
        current = self.brief.title if name == "title" else (
            self.brief.marking or "" if name == "marking" else self.brief.fields.get(name, "")
        )
        if value == current and name not in self._pending:
            return
        from briefs.actions import briefs as brief_actions
        from briefs.errors import DeskUnavailable

        app: Any = self.app
        saved = None
        if self._pending:
            # The server is away: keep typing locally, the retry saves it all when it answers again.
            self._pending[name] = value
            self._status("not saved yet: the desk server is not answering; retrying")
        else:
            try:
                saved = brief_actions.set_field(app.desk, self.brief, name, value)
            except brief_actions.FieldConflict as clash:
                self._resolve_conflict(clash)
            except DeskUnavailable as exc:
                self._keep_for_later(name, value, exc)
            except Exception as exc:  # every failure becomes a notification, never a crash
                app.report(exc, title="Not saved")
        if saved is not None:
            self.brief = saved
            self._status("saved")
        budget = self.spec.field(name).words if self.spec and self.spec.field(name) else None
        self.query_one(f"#budget-{name}", FieldHead).set_budget(_budget_text(value, budget), _over(value, budget))
        self.schedule_preview()

    # ------------------------------------------------------------------------ server gone, and back
    def _keep_for_later(self, name: str, value: str, exc: BaseException) -> None:
        """The desk's server is not answering: the edit stays in the field and in `_pending`, the app says
        so once, and a retry saves it when the server is back."""
        app: Any = self.app
        self._pending[name] = value
        app.desk_trouble(f"{exc}; your edit is kept and saved when it is back")
        self._status("not saved yet: the desk server is not answering; retrying")
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_EVERY, self._retry_pending)

    def _retry_pending(self) -> None:
        if self._pending:
            self._probe_desk()

    @work(thread=True, exclusive=True, group="retry", exit_on_error=False)
    def _probe_desk(self) -> None:
        # Off the UI thread: reaching a server that is away can take its connect timeout.
        app: Any = self.app
        try:
            app.desk.get_brief(self.brief_id)
        except Exception:  # still away (or the brief is gone: the save below will say so)
            return
        self.app.call_from_thread(self._flush_pending)

    def _flush_pending(self) -> None:
        from briefs.actions import briefs as brief_actions
        from briefs.errors import DeskUnavailable

        app: Any = self.app
        while self._pending and self.brief is not None:
            name, value = next(iter(self._pending.items()))
            try:
                self.brief = brief_actions.set_field(app.desk, self.brief, name, value)
            except DeskUnavailable:
                return  # away again: the next retry tries again
            except brief_actions.FieldConflict as clash:
                del self._pending[name]
                self._resolve_conflict(clash)
                continue
            except Exception as exc:
                del self._pending[name]
                app.report(exc, title="Not saved")
                continue
            del self._pending[name]
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        app.desk_fine()
        self._status("saved")
        self.schedule_preview()

    def desk_changed(self, events: list[Any]) -> None:
        """A colleague's save shows here as it happens: the fields they changed (unless the user is typing
        in one, or has text of their own in it: then their next keystroke meets the conflict dialog with
        both texts), the arrangement, the status line and the preview."""
        if any(e.kind == "desk" and e.op == "back" for e in events) and self._pending:
            self._probe_desk()
        ours = [e for e in events if (e.kind == "brief" and e.id == self.brief_id) or e.kind == "snippet"
                or (e.kind == "desk" and e.op == "back")]
        if not ours or self.brief is None or self._pending:
            return
        if any(e.kind == "brief" and e.op == "delete" for e in ours):
            self.notify(f"{self.brief.ref} was deleted on the desk by someone else; its text stays on screen",
                        severity="warning", timeout=10)
            return
        from briefs.actions.briefs import field_value

        app: Any = self.app
        base = self.brief
        current = app.attempt(lambda: app.desk.get_brief(self.brief_id), title="Desk")
        if current is None:
            return
        kept: dict[str, str] = {}
        if current.revision != base.revision:
            names = ["title", "marking", *(f.name for f in (self.spec.fields if self.spec else []))]
            for name in names:
                old, new = field_value(base, name), field_value(current, name)
                if old == new:
                    continue
                widgets = self.query(f"#field-{name}")
                if not widgets:
                    continue
                widget: Any = widgets.first()
                text = widget.text if isinstance(widget, TextArea) else widget.value
                if widget.has_focus or text != old:
                    kept[name] = old  # the user's own text stays; the desk's waits for their choice
                    continue
                if isinstance(widget, TextArea):
                    widget.load_text(new)
                else:
                    widget.value = new
        self.reload()
        if kept and self.brief is not None:
            # Seen as of the revision the user typed on, for the fields they kept: their next save of one
            # of them is then a conflict showing both texts, never a silent overwrite.
            merged = self.brief.replace(revision=base.revision)
            from briefs.actions.briefs import with_field

            for name, old in kept.items():
                merged = with_field(merged, name, old)
            self.brief = merged

    def _resolve_conflict(self, clash: Any) -> None:
        """Someone saved this field too: both texts stay (theirs on the desk, yours in the dialog) until
        the user picks; the choice is then saved on top of their revision."""
        from tui.screens.conflict import ConflictScreen

        self.brief = clash.brief
        name = clash.name
        label = "Title" if name == "title" else "Marking" if name == "marking" else (
            self.spec.field(name).label if self.spec and self.spec.field(name) else name
        )

        def chosen(text: str | None) -> None:
            widget: Any = self.query_one(f"#field-{name}")
            if text is None:  # decide later: the desk keeps theirs, the field keeps yours, unsaved
                self.notify(f"{label}: your text is kept in the field, not saved; edit it to save it",
                            severity="warning", timeout=8)
                self._status("not saved")
                return
            if isinstance(widget, TextArea):
                widget.load_text(text)
            else:
                widget.value = text
            self._field_changed(name, text)

        self.app.push_screen(ConflictScreen(label, clash.mine, clash.theirs), chosen)

    # -------------------------------------------------------------------------------- arrangement
    def reload(self) -> None:
        """Re-read the brief and its snippets from the desk and redraw the sections."""
        from briefs.actions.arrange import unplaced_snippets

        app: Any = self.app
        brief = app.attempt(lambda: app.desk.get_brief(self.brief_id))
        if brief is None:
            return
        self.brief = brief
        unplaced = app.attempt(lambda: unplaced_snippets(app.desk, brief)) or []
        self.snippets = app.attempt(lambda: app.desk.get_snippets(brief.snippet_ids())) or {}
        self.snippets.update({s.id: s for s in unplaced if s.id is not None})
        ids = {s.source_id for s in self.snippets.values()}
        self.sources = app.attempt(lambda: app.desk.get_sources(ids)) or {}
        self.sub_title = f"{brief.ref} · {self.spec.title if self.spec else brief.template}"
        self._draw_arrangement([s.id for s in unplaced if s.id is not None])
        self._status()
        self.schedule_preview(0)

    def _draw_arrangement(self, unplaced: list[int]) -> None:
        assert self.brief is not None
        options = self.query_one("#arrangement", OptionList)
        keep = self._current_row()
        options.clear_options()
        self.rows = []
        titles = {s.name: s for s in self.spec.sections} if self.spec else {}
        for section in self.brief.sections:
            spec = titles.get(section.name)
            title = spec.title if spec else section.name
            limit = f"/{spec.max_items}" if spec and spec.max_items else ""
            kinds = " · ".join(spec.accepts) if spec else ""
            head = Text.assemble((f"{title}", "bold"), f"  {len(section.snippet_ids)}{limit}  ", (kinds, "dim"))
            options.add_option(Option(head, id=f"h:{section.name}", disabled=True))
            self.rows.append((section.name, None))
            for sid in section.snippet_ids:
                options.add_option(Option(self._snippet_text(sid), id=f"n:{section.name}:{sid}"))
                self.rows.append((section.name, sid))
        options.add_option(Option(Text("Not in the brief (Enter places)", style="bold"), id="h:unplaced",
                                  disabled=True))
        self.rows.append((UNPLACED, None))
        for sid in unplaced:
            options.add_option(Option(self._snippet_text(sid), id=f"n:{UNPLACED}:{sid}"))
            self.rows.append((UNPLACED, sid))
        self._restore_row(keep)

    def _snippet_text(self, sid: int) -> Text:
        snippet = self.snippets.get(sid)
        if snippet is None:
            return Text(f"  n{sid} (missing from the desk)", style="red")
        source = self.sources.get(snippet.source_id)
        words = snippet.display_text
        text = Text("  ")
        text.append(f"{snippet.kind.value[0].upper()} ", style="bold")
        text.append(words if len(words) <= 100 else words[:97] + "…")
        if snippet.speaker:
            text.append(f" — {snippet.speaker}", style="italic")
        if source is not None:
            text.append(f"  [{source.meta.publication or source.ref}]", style="dim")
        return text

    def _current_row(self) -> tuple[str, int | None] | None:
        options = self.query_one("#arrangement", OptionList)
        if options.highlighted is None or options.highlighted >= len(self.rows):
            return None
        return self.rows[options.highlighted]

    def _restore_row(self, row: tuple[str, int | None] | None) -> None:
        options = self.query_one("#arrangement", OptionList)
        if row is not None:
            # The snippet may have moved to another section: find it by id first.
            for index, (_, sid) in enumerate(self.rows):
                if sid is not None and sid == row[1]:
                    options.highlighted = index
                    return
        first = next((i for i, (_, sid) in enumerate(self.rows) if sid is not None), None)
        if first is not None:
            options.highlighted = first

    def _selected_snippet(self) -> tuple[str, int] | None:
        row = self._current_row()
        if row is None or row[1] is None:
            self.notify("highlight a snippet in Sections (F3) first", severity="warning")
            return None
        return row[0], row[1]

    def _apply(self, operation: Any) -> None:
        app: Any = self.app
        result = app.attempt(lambda: operation(app.desk))
        if result is None:
            return
        brief, change = result
        app.record(change)
        self.brief = brief
        self.reload()

    @on(OptionList.OptionSelected, "#arrangement")
    def _place(self, event: OptionList.OptionSelected) -> None:
        section, sid = self.rows[event.option_index]
        if sid is None or self.brief is None:
            return
        from briefs.actions import arrange

        if section != UNPLACED:
            self.notify("already placed: shift+↑/↓ reorder, [ and ] move between sections, Del takes it out")
            return
        accepts = {s.name: list(s.accepts) for s in self.spec.sections} if self.spec else None
        snippet = self.snippets[sid]
        target = arrange.section_for(self.brief, snippet.kind, accepts)
        if target is None:
            self.notify("this template has no sections", severity="warning")
            return
        following = [s for section, s in self.rows[event.option_index + 1:] if section == UNPLACED]
        self._apply(lambda desk: arrange.place_snippet(desk, self.brief_id, sid, target))
        # Placing from the pool moves on to the next snippet in it, so Enter, Enter, Enter places a run.
        self._restore_row((UNPLACED, following[0]) if following else None)

    def action_move(self, delta: int) -> None:
        selected = self._selected_snippet()
        if selected is None or self.brief is None:
            return
        section, sid = selected
        if section == UNPLACED:
            self.notify("place it first: Enter puts it in the section that fits", severity="warning")
            return
        from briefs.actions.arrange import move_snippet

        self._apply(lambda desk: move_snippet(desk, self.brief_id, sid, delta))

    def action_to_section(self, step: int) -> None:
        selected = self._selected_snippet()
        if selected is None or self.brief is None:
            return
        section, sid = selected
        from briefs.actions import arrange

        if section == UNPLACED:
            if not self.brief.sections:
                return
            target = self.brief.sections[0 if step > 0 else -1].name
            self._apply(lambda desk: arrange.place_snippet(desk, self.brief_id, sid, target))
        else:
            self._apply(lambda desk: arrange.move_to_section(desk, self.brief_id, sid, step))

    def action_unplace(self) -> None:
        selected = self._selected_snippet()
        if selected is None or self.brief is None or selected[0] == UNPLACED:
            return
        from briefs.actions.arrange import unplace_snippet

        sid = selected[1]
        self._apply(lambda desk: unplace_snippet(desk, self.brief_id, sid))

    def action_copy(self) -> None:
        selected = self._selected_snippet()
        if selected is None:
            return
        from briefs.citation import with_citation

        snippet = self.snippets[selected[1]]
        source = self.sources.get(snippet.source_id)
        if source is not None:
            self.app.copy_to_clipboard(with_citation(snippet, source))
            self.notify(f"Copied {snippet.ref} with its citation")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Arrangement keys only make sense while the sections list has the focus (elsewhere the same
        # keys type text or move the caret).
        if action in {"move", "to_section", "unplace", "copy"}:
            return isinstance(self.focused, OptionList) and self.focused.id == "arrangement"
        return True

    # ---------------------------------------------------------------------------- preview/checks
    def schedule_preview(self, delay: float | None = None) -> None:
        """Re-render after a quiet spell, so typing never waits for Jinja2 and the Markdown widget."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_wanted += 1
        wait = getattr(self.app, "settings", None).preview_delay if delay is None else delay
        if wait <= 0:
            self._preview_timer = None
            self.call_after_refresh(self._render_preview)
        else:
            self._preview_timer = self.set_timer(wait, self._render_preview)

    def _render_preview(self) -> None:
        if self.brief is not None:
            self._render_brief(self._preview_wanted, self.brief)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _render_brief(self, wanted: int, brief: Brief) -> None:
        from briefs.actions.publish import preview

        app: Any = self.app
        try:
            shown = preview(app.desk, brief, app.templates)
        except Exception as exc:  # shown to the user; the brief on the desk is untouched
            self.app.call_from_thread(self._preview_failed, wanted, exc)
            return
        assert shown.rendered is not None
        self.app.call_from_thread(self._preview_ready, wanted, shown.markdown,
                                  list(shown.rendered.warnings), list(shown.report.findings))

    def _preview_ready(self, wanted: int, body: str, warnings: list[str], findings: list[Any] | None) -> None:
        # A render that began before the latest change is stale: a newer one is on its way. (A thread worker
        # is not stopped by a newer one in its group, so an older render can finish last.) Laying it out
        # would also hold up the keys being typed: ~40 ms on this screen.
        if wanted != self._preview_wanted:
            return
        self.query_one("#preview", Markdown).update(body)
        self._show_checks(warnings, findings)

    def _preview_failed(self, wanted: int, exc: BaseException) -> None:
        if wanted != self._preview_wanted:
            return
        from briefs.errors import BriefsError

        message = str(exc) if isinstance(exc, BriefsError) else f"{type(exc).__name__}: {exc}"
        self.query_one("#preview", Markdown).update(f"**The preview failed:** {message}")

    def _show_checks(self, warnings: list[str], findings: list[Any] | None) -> None:
        options = self.query_one("#checks-list", OptionList)
        options.clear_options()
        marks = {"error": ("✗ ", "bold red"), "warning": ("! ", "bold yellow"), "info": ("i ", "dim")}
        errors = 0
        if findings is not None:
            for finding in findings:
                mark, style = marks.get(finding.severity, ("· ", ""))
                errors += finding.severity == "error"
                line = Text.assemble((mark, style), f"{finding.item}: {finding.message}")
                if finding.fix:
                    line.append(f" — {finding.fix}", style="dim")
                options.add_option(Option(line))
        for warning in warnings:
            options.add_option(Option(Text.assemble(("! ", "bold yellow"), warning)))
        if not options.option_count:
            options.add_option(Option(Text("✓ No problems found.", style="bold green")))
        tabs = self.query_one("#editor-tabs", TabbedContent)
        label = f"Checks ({errors}✗)" if errors else "Checks"
        tabs.get_tab("checks").label = label  # type: ignore[assignment]

    def _status(self, state: str = "") -> None:
        if self.brief is None:
            return
        placed = len(self.brief.snippet_ids())
        words = sum(len(v.split()) for v in self.brief.fields.values())
        budget = f"/{self.spec.word_budget}" if self.spec and self.spec.word_budget else ""
        from briefs.text import counted

        count = f"{words}{budget} field words" if budget else counted(words, "field word")
        text = f"{self.brief.ref} · revision {self.brief.revision} · {counted(placed, 'snippet')} · {count}"
        me = getattr(getattr(self.app, "settings", None), "author", None)
        if self.brief.updated_by and self.brief.updated_by != me:
            # Who last changed it, when that is a colleague (one's own saves need no telling).
            text += f" · last saved by {self.brief.updated_by}"
        self.query_one("#editor-status", Static).update(text + (f" · {state}" if state else ""), layout=False)

    # ----------------------------------------------------------------------------------- actions
    def action_show_tab(self, tab: str) -> None:
        self.query_one("#editor-tabs", TabbedContent).active = tab
        target = {"fields": "#field-list", "sections": "#arrangement", "checks": "#checks-list"}[tab]
        widget = self.query_one(target)
        if tab == "fields":
            first = widget.query("Input, TextArea").first()
            first.focus()
        else:
            widget.focus()

    def _focus_first_field(self) -> None:
        # Only if the user has not gone elsewhere already (a key pressed before the fields mounted).
        if self.query_one("#editor-tabs", TabbedContent).active == "fields" and not isinstance(
            self.focused, Input | TextArea | OptionList
        ):
            self.action_show_tab("fields")

    def action_toggle_preview(self) -> None:
        self.toggle_class("-narrow")

    def action_export(self) -> None:
        if self.brief is None:
            return
        from tui.screens.export import ExportScreen
        from tui.screens.modals import ConfirmScreen

        app: Any = self.app

        def go(options: Any, overwrite: bool) -> None:
            self._status("exporting…")
            self._export(options, overwrite)

        def chosen(options: Any) -> None:
            if options is None:
                return
            app.last_exports[self.brief_id] = options
            if options.path.exists():
                # Nothing is overwritten without asking: a digest named like an issue brief is not lost.
                question = f"{options.path.name} already exists in {options.path.parent}. Replace it?"
                self.app.push_screen(ConfirmScreen(question, yes="Replace"),
                                     lambda yes: go(options, True) if yes else self._status("not exported"))
            else:
                go(options, False)

        marking = self.brief.marking or (self.spec.marking if self.spec else "")
        self.app.push_screen(ExportScreen(self.brief.title, marking, last=app.last_exports.get(self.brief_id)),
                             chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, options: Any, overwrite: bool = False) -> None:
        from briefs.actions.publish import publish

        app: Any = self.app
        try:
            brief = app.desk.get_brief(self.brief_id)
            result = publish(
                app.desk, brief, app.templates, fmt=options.fmt, out=options.path, reference=options.reference,
                marking=options.marking, allow_unverified=options.allow_unverified, overwrite=overwrite,
            )
        except Exception as exc:  # shown to the user; the brief on the desk is untouched
            self.app.call_from_thread(self.app.report, exc, title="Export failed")
            self.app.call_from_thread(self._status, "export failed")
            return
        self.app.call_from_thread(self._exported, result)

    def _exported(self, result: Any) -> None:
        self._status(f"exported {result.path}")
        self.notify(f"Wrote {result.path}", title="Exported", timeout=8)
        for warning in result.warnings[:3]:
            self.notify(warning, title="Export", severity="warning")

    def action_back(self) -> None:
        self.app.pop_screen()
        self.app.refresh_screens()


def _over(value: str, budget: int | None) -> bool:
    return budget is not None and len(value.split()) > budget


def _budget_text(value: str, budget: int | None) -> str:
    words = len(value.split())
    return f"{words}/{budget} words" if budget else ""
