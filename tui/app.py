"""The Briefs app: library → reader → brief editor → export.

Start-up is kept close to an empty Textual app's: this module imports only Textual's core and the
library screen; the desk (pydantic models, SQLite) is opened in a worker after the first frame, and the
reader, editor, extract engine and renderers are imported when first used.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.commands import desk_commands
from tui.config import TuiConfig, load_config
from tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from briefs.collect import Change
    from briefs.desk import SqliteDesk


class BriefsApp(App[None]):
    TITLE = "Briefs"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {desk_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme", show=False),
    ]

    def __init__(
        self, desk_path: str | Path | None = None, *, config: TuiConfig | None = None, now: datetime | None = None
    ) -> None:
        super().__init__()
        # Render previews as of a fixed moment (tests and screenshots); None is the real time.
        self.now = now
        self.desk_path = str(desk_path) if desk_path is not None else None
        self.config = config if config is not None else load_config()
        self._desk: SqliteDesk | None = None
        self.startup_error: BaseException | None = None
        self._froze = False  # whether this app froze the garbage collector's view (see _desk_ready)
        self.history: list[Change] = []
        self.redo_stack: list[Change] = []
        if self.config.theme:
            self.theme = self.config.theme if self.config.theme in self.available_themes else self.theme
        if self.config.keys:
            self.set_keymap(self.config.keys)

    # ------------------------------------------------------------------------------------ start-up
    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())
        for problem in self.config.problems:
            self.notify(problem, title="Config", severity="warning")
        if self.config.theme and self.theme != self.config.theme:
            self.notify(f"unknown theme {self.config.theme!r}; pick one with ctrl+t", severity="warning")
        # After the first frame: opening the desk imports the models (pydantic) in a thread, whose
        # imports hold the GIL and would hold up the frame. Two refreshes later the frame is written.
        self.call_after_refresh(self.call_after_refresh, self._open_desk_in_worker)

    def _open_desk_in_worker(self) -> None:
        self._prepare_desk()

    @work(thread=True, exclusive=True, group="desk", exit_on_error=False)
    def _prepare_desk(self) -> None:
        from briefs.desk import open_desk
        from briefs.errors import BriefsError

        try:
            # Created and seeded with the sample article on first run, then closed: SQLite connections
            # belong to the thread that opened them, and the UI thread keeps its own.
            open_desk(self.desk_path, seed_sample=True).close()
        except BriefsError as exc:
            # The CLI raises it again after the screen is restored, so it prints like any other error.
            self.startup_error = exc
            self.call_from_thread(self.exit, None, exc.exit_code)
            return
        self.call_from_thread(self._desk_ready)

    def _desk_ready(self) -> None:
        from briefs.desk import open_desk

        self._desk = open_desk(self.desk_path)
        self.desk_path = self._desk.path
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
    def desk(self) -> SqliteDesk:
        """The UI thread's desk connection (workers open their own with `desk_path`)."""
        if self._desk is None:
            from briefs.desk import open_desk

            self._desk = open_desk(self.desk_path)
            self.desk_path = self._desk.path
        return self._desk

    @property
    def desk_is_open(self) -> bool:
        return self._desk is not None

    def on_unmount(self) -> None:
        if self._desk is not None:
            self._desk.close()
        if self._froze:
            # The collector may reach this app's objects again once it is gone (tests run many apps in one
            # process).
            gc.unfreeze()
            self._froze = False

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
        from briefs.collect import NoChange

        if isinstance(change, NoChange):
            self.notify(change.label)
            return
        self.history.append(change)
        self.redo_stack.clear()

    def action_undo(self) -> None:
        if not self.history:
            self.notify("nothing to undo")
            return
        change = self.history.pop()
        redo = self.attempt(lambda: change.undo(self.desk), title="Undo failed")
        if redo is not None:
            self.redo_stack.append(redo)
            self.notify(f"undid: {change.label}")
            self.refresh_screens()

    def action_redo(self) -> None:
        if not self.redo_stack:
            self.notify("nothing to redo")
            return
        change = self.redo_stack.pop()
        again = self.attempt(lambda: change.undo(self.desk), title="Redo failed")
        if again is not None:
            self.history.append(again)
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
