"""The Briefs app: library → reader → brief editor → export.

Start-up is kept close to an empty Textual app's: this module imports only Textual's core and the
library screen; the desk (pydantic models, SQLite) is opened in a worker after the first frame, and the
reader, editor, extract engine and renderers are imported when first used.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from tui.commands import desk_commands
from tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from briefs.actions.history import Change
    from briefs.clock import Clock
    from briefs.desk import Desk, DeskEvent
    from briefs.settings import Settings
    from briefs.templates.discovery import TemplateSet


class DeskChanged(Message):
    """What other clients changed on a shared desk (posted from the desk's watcher thread)."""

    def __init__(self, events: list[DeskEvent]) -> None:
        super().__init__()
        self.events = events


class BriefsApp(App[None]):
    TITLE = "Briefs"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {desk_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme", show=False),
    ]

    def __init__(self, settings: Settings | None = None, *, clock: Clock | None = None) -> None:
        super().__init__()
        if settings is None:
            from briefs.settings import load_settings

            settings = load_settings()
        self.settings = settings
        # The desk's clock: what "today" is in previews and when changes are stamped (tests fix it).
        self.clock = clock or settings.clock
        self._desk: Desk | None = None
        self._templates: TemplateSet | None = None
        self.startup_error: BaseException | None = None
        self._froze = False  # whether this app froze the garbage collector's view (see _desk_ready)
        self._stop_watching: Callable[[], None] | None = None
        self.desk_down = False  # the desk's server was found not answering, and has not been seen back
        from briefs.actions.history import History

        self.history = History()
        self.last_exports: dict[int, Any] = {}  # brief id -> the export options chosen last, this session
        if settings.theme:
            self.theme = settings.theme if settings.theme in self.available_themes else self.theme
        if settings.keys:
            self.set_keymap(settings.keys)

    # ------------------------------------------------------------------------------------ start-up
    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())
        for problem in self.settings.problems:
            self.notify(problem, title="Config", severity="warning")
        if self.settings.theme and self.theme != self.settings.theme:
            self.notify(f"unknown theme {self.settings.theme!r}; pick one with ctrl+t", severity="warning")
        # After the first frame: opening the desk imports the models (pydantic) in a thread, whose
        # imports hold the GIL and would hold up the frame. Two refreshes later the frame is written.
        self.call_after_refresh(self.call_after_refresh, self._open_desk_in_worker)

    def _open_desk_in_worker(self) -> None:
        self._prepare_desk()

    @work(thread=True, exclusive=True, group="desk", exit_on_error=False)
    def _prepare_desk(self) -> None:
        from briefs.actions.desk_setup import open_for_work
        from briefs.errors import BriefsError

        try:
            # Created and seeded with the sample article on first run. The desk gives each thread its
            # own connection, so the one opened here serves the UI thread and every worker.
            desk = open_for_work(self.settings.desk, clock=self.clock, author=self.settings.author)
        except BriefsError as exc:
            # The CLI raises it again after the screen is restored, so it prints like any other error.
            self.startup_error = exc
            self.call_from_thread(self.exit, None, exc.exit_code)
            return
        from briefs.templates.sandbox import prestart

        prestart()  # renders run in a bounded helper process: have it ready before the first preview
        self.call_from_thread(self._desk_ready, desk)

    def _desk_ready(self, desk: Desk) -> None:
        if self._desk is None:
            self._desk = desk
        else:
            desk.close()  # the UI thread needed the desk first and opened it itself
        if self._stop_watching is None and self._desk is not None:
            # A team desk tells what colleagues change; the screens show it as it happens. post_message is
            # safe from the watcher's thread and never waits for the UI (which may be shutting down).
            self._stop_watching = self._desk.watch(lambda events: self.post_message(DeskChanged(events)))
        for screen in self.screen_stack:
            if hasattr(screen, "desk_ready"):
                screen.desk_ready()
        # What is alive now (Textual's widgets and styles, our modules, the desk) lives as long as the app:
        # frozen out of the collector's reach, it is not walked again by every full collection, which
        # otherwise landed on random keystrokes (search as you type: p95 40 ms -> 27 ms per key).
        if not self._froze:
            gc.collect()
            gc.freeze()
            self._froze = True

    @property
    def desk(self) -> Desk:
        """The desk, usable from the UI thread and from workers alike."""
        if self._desk is None:
            from briefs.actions.desk_setup import open_for_work

            self._desk = open_for_work(self.settings.desk, clock=self.clock, author=self.settings.author)
        return self._desk

    @property
    def desk_is_open(self) -> bool:
        return self._desk is not None

    @property
    def templates(self) -> TemplateSet:
        """The templates the settings name, scanned once per session."""
        if self._templates is None:
            from briefs.templates.discovery import TemplateSet

            self._templates = TemplateSet(self.settings.templates)
        return self._templates

    def on_unmount(self) -> None:
        if self._stop_watching is not None:
            self._stop_watching()
            self._stop_watching = None
        if self._desk is not None:
            self._desk.close()
        if self._froze:
            # The collector may reach this app's objects again once it is gone (tests run many apps in one
            # process).
            gc.unfreeze()
            self._froze = False

    # ---------------------------------------------------------------------------------------- live
    def on_desk_changed(self, message: DeskChanged) -> None:
        """A colleague's change (or the server going and coming back): every open screen shows it; none
        touches what the user is typing."""
        for event in message.events:
            if event.kind == "desk" and event.op == "lost":
                self.desk_trouble(f"the desk server {getattr(self.desk, 'server', self.desk.location)} is not "
                                  "answering; your work is kept and saved when it is back")
            elif event.kind == "desk" and event.op == "back":
                self.desk_fine()
        for screen in self.screen_stack:
            if hasattr(screen, "desk_changed"):
                screen.desk_changed(message.events)

    def desk_trouble(self, message: str) -> None:
        """Say once (one line) that the desk cannot be reached; screens keep unsaved work meanwhile."""
        if not self.desk_down:
            self.desk_down = True
            self.notify(message, title="Desk", severity="warning", timeout=10)

    def desk_fine(self) -> None:
        if self.desk_down:
            self.desk_down = False
            self.notify("the desk server is back; changes are saved again", title="Desk")

    # -------------------------------------------------------------------------------------- errors
    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        # Our messages quote user text (titles, speakers, paths with [brackets]): never read as markup.
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def report(self, exc: BaseException, *, title: str = "Error") -> None:
        """Show a failure as a notification; a BriefsError's message is already written for the user."""
        from briefs.errors import BriefsError

        message = str(exc) if isinstance(exc, BriefsError) else f"{type(exc).__name__}: {exc}"
        self.notify(message, title=title, severity="error", timeout=8)

    def attempt(self, fn: Callable[[], Any], *, title: str = "Error") -> Any:
        """Run a desk operation on the UI thread; a failure becomes a notification and returns None."""
        try:
            return fn()
        except Exception as exc:  # every failure becomes a notification, never a crash
            self.report(exc, title=title)
            return None

    # ---------------------------------------------------------------------------------------- undo
    def record(self, change: Change) -> None:
        if not self.history.record(change):
            self.notify(change.label)

    def action_undo(self) -> None:
        change = self.attempt(lambda: self.history.undo(self.desk), title="Undo failed")
        if change is None:
            if not self.history.done:
                self.notify("nothing to undo")
            return
        self.notify(f"undid: {change.label}")
        self.refresh_screens()

    def action_redo(self) -> None:
        change = self.attempt(lambda: self.history.redo(self.desk), title="Redo failed")
        if change is None:
            if not self.history.undone:
                self.notify("nothing to redo")
            return
        self.notify(f"redid: {change.label}")
        self.refresh_screens()

    def refresh_screens(self) -> None:
        """Re-read what every open screen shows from the desk (after an undo, an import, ...)."""
        for screen in self.screen_stack:
            if hasattr(screen, "reload"):
                screen.reload()

    # ------------------------------------------------------------------------------------- screens
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_source(self, source_id: int) -> None:
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(source_id))

    def open_brief(self, brief_id: int) -> None:
        from tui.screens.editor import EditorScreen

        self.push_screen(EditorScreen(brief_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Every binding of the screen and the app is a command too, so the palette offers every action.
        yield from super().get_system_commands(screen)
        seen = {"quit", "command_palette", "change_theme"}
        for node in (screen, self):
            for binding in getattr(node, "BINDINGS", []):
                if not isinstance(binding, Binding) or binding.action in seen or not binding.description:
                    continue
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description, _binding_help(binding), _runner(node, binding.action)
                )


def _binding_help(binding: Binding) -> str:
    return binding.tooltip or f"{binding.description} ({binding.key})"


def _runner(node: Screen | App, action: str) -> Callable[[], Any]:
    async def run() -> None:
        await node.run_action(action)

    return run
