"""Check a Word file: the report `briefs check FILE.docx` prints, with each quote beside its source passage.

`start_word_check` is the action (the library's `w` and the command palette's "Check a Word file"): a file
dialog, then this screen, which runs the check (briefs.actions.word_review) in a worker. The table lists every
quotation with its status; the panes below show the highlighted one as the document has it and as its source
has it, the word diff, the tracked changes that touch it and the comments on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.key_footer import KeyFooter
from tui.widgets.row_table import Column, RowTable
from tui.widgets.title_header import TitleHeader

if TYPE_CHECKING:
    from briefs.checks.word_file import DocumentReport, QuoteCheck

COLUMNS = (Column("#", 4, right=True), Column("Status", 16), Column("Mark", 6), Column("Source", 6),
           Column("Quote", 0))
LABELS = {"verbatim": "verbatim", "changed": "CHANGED", "speaker-changed": "SPEAKER CHANGED",
          "not-found": "not found", "removed": "removed"}


def start_word_check(app: App[Any]) -> None:
    """Ask for a Word file, then check it on its own screen."""
    from textual_fspicker import FileOpen, Filters

    from briefs.actions.word_review import SUFFIXES

    filters = Filters(("Word files", lambda p: p.suffix.lower() in SUFFIXES), ("Any file", lambda _: True))

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.push_screen(WordCheckScreen(path))

    app.push_screen(FileOpen(Path.cwd(), "Check a Word file against the desk", filters=filters), chosen)


class WordCheckScreen(Screen[None]):
    CSS_PATH = "word_check.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="word_check.back"),
        Binding("r", "recheck", "Check again", id="word_check.recheck"),
        Binding("c", "next_changed", "Next changed", id="word_check.next_changed"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.report: DocumentReport | None = None

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(f"Checking {self.path.name}…", id="word-summary")
        yield RowTable(COLUMNS, id="word-quotes")
        with Horizontal(id="word-panes"):
            with VerticalScroll(id="word-doc-pane", classes="word-pane"):
                yield Static("", id="word-doc")
            with VerticalScroll(id="word-source-pane", classes="word-pane"):
                yield Static("", id="word-source")
        yield Static("", id="word-comments")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = str(self.path)
        self.query_one("#word-doc-pane").border_title = "In the document"
        self.query_one("#word-source-pane").border_title = "In the source"
        self.query_one("#word-quotes", RowTable).focus()
        self.action_recheck()

    # --------------------------------------------------------------------------------------- checking
    def action_recheck(self) -> None:
        self.query_one("#word-summary", Static).update(f"Checking {self.path.name}…")
        self._check()

    @work(thread=True, exclusive=True, group="word-check", exit_on_error=False)
    def _check(self) -> None:
        from briefs.actions.word_review import check_word_file

        app: Any = self.app
        try:
            report = check_word_file(app.desk, self.path, limits=app.settings.limits)
        except Exception as exc:  # a file that cannot be read is a notification, never a crash
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self.show, report)

    def _failed(self, error: BaseException) -> None:
        self.app.report(error, title="Check failed")  # type: ignore[attr-defined]
        self.query_one("#word-summary", Static).update(Text(f"{self.path.name}: not checked ({error})"))

    def show(self, report: DocumentReport) -> None:
        self.report = report
        self.query_one("#word-summary", Static).update(Text(report.summary(self.path.name)))
        table = self.query_one("#word-quotes", RowTable)
        table.set_rows((str(q.n), (str(q.n), LABELS[q.status], q.marked, q.source_ref, " ".join(q.text.split())))
                       for q in report.quotes)
        first = next((q for q in report.quotes if q.status in ("changed", "speaker-changed")),
                     report.quotes[0] if report.quotes else None)
        if first is not None:
            table.move_to_key(str(first.n))
        self._show_quote(first)
        self._show_comments(report)

    # ------------------------------------------------------------------------------------------ panes
    @on(RowTable.RowHighlighted, "#word-quotes")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        self._show_quote(self._quote(event.key))

    def _quote(self, key: str | None) -> QuoteCheck | None:
        if self.report is None or not key:
            return None
        return next((q for q in self.report.quotes if str(q.n) == key), None)

    def _show_quote(self, q: QuoteCheck | None) -> None:
        doc, source = self.query_one("#word-doc", Static), self.query_one("#word-source", Static)
        source_pane = self.query_one("#word-source-pane")
        if q is None:
            doc.update("No quotations in this file." if self.report is not None else "")
            source.update("")
            return
        lines = [f"[b]#{q.n} {escape(LABELS[q.status])}[/b]" + (f"  (Briefs quote {q.marked})" if q.marked else ""),
                 "", f"“{escape(q.text)}”"]
        if q.speaker:
            lines.append(f"— {escape(q.speaker)}")
        if q.diff:
            lines += ["", "[b]Diff[/b] (source → document):", _diff_markup(q.diff)]
        if q.before:
            lines += ["", "[b]Before the tracked changes:[/b]", f"“{escape(q.before)}”"]
        for change in q.changes:
            verb = "inserted" if change.kind == "insertion" else "deleted"
            words = "a paragraph break" if change.text == "\n" else f"“{escape(change.text)}”"
            lines.append(f"tracked: {escape(change.author or 'someone')} {verb} {words} {escape(change.date[:10])}")
        if q.note:
            lines += ["", f"[i]{escape(q.note)}[/i]"]
        doc.update("\n".join(lines))
        source_pane.border_title = f"In the source {q.source_ref}" if q.source_ref else "In the source"
        if q.status == "not-found":
            source.update("No source on the desk holds these words. Import the article it comes from (library: i, "
                          "u or v) and check again (r), or correct the quote.")
            return
        if not q.passage and not q.source_ref:
            source.update("")
            return
        head = ", ".join(p for p in (q.source_outlet, f"“{q.source_title}”" if q.source_title else "") if p)
        out = [f"[b]{escape(q.source_ref)}[/b] {escape(head)}", "", f"“{escape(q.passage)}”" if q.passage else ""]
        if q.source_speaker:
            out.append(f"— {escape(q.source_speaker)}")
        source.update("\n".join(out))

    def _show_comments(self, report: DocumentReport) -> None:
        pane = self.query_one("#word-comments", Static)
        if not report.comments:
            pane.update("No reviewers' comments.")
            return
        lines = [f"[b]Comments ({len(report.comments)})[/b]"]
        for c in report.comments:
            where = f" (quote #{c.quote})" if c.quote else ""
            anchor = " ".join(c.anchor.split())[:60]
            remark = escape(" ".join(c.text.split()))
            lines.append(f"{escape(c.author or 'someone')} on “{escape(anchor)}”{where}: {remark}")
        pane.update("\n".join(lines))

    def action_next_changed(self) -> None:
        if self.report is None:
            return
        changed = [q for q in self.report.quotes if q.status in ("changed", "speaker-changed")]
        if not changed:
            self.notify("no changed quotes")
            return
        table = self.query_one("#word-quotes", RowTable)
        current = int(table.cursor_key or 0)
        target = next((q for q in changed if q.n > current), changed[0])
        table.move_to_key(str(target.n))
        self._show_quote(target)


def _diff_markup(diff: str) -> str:
    """The word diff with removals in red and struck through, additions in green."""
    import re

    out: list[str] = []
    pos = 0
    for match in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}", diff):
        out.append(escape(diff[pos:match.start()]))
        if match.group(1) is not None:
            out.append(f"[red strike]{escape(match.group(1))}[/red strike]")
        else:
            out.append(f"[green b]{escape(match.group(2))}[/green b]")
        pos = match.end()
    out.append(escape(diff[pos:]))
    return "".join(out)
