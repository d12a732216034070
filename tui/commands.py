"""Command palette providers: what is on the desk (sources and briefs to open)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.command import Provider


def desk_commands() -> type[Provider]:
    # Returned lazily so that importing the app does not import the palette machinery before it is used.
    from textual.command import DiscoveryHit, Hit, Hits, Provider

    class DeskCommands(Provider):
        """Open a source in the reader or a brief in the editor by typing part of its title."""

        def _entries(self) -> list[tuple[str, str, object]]:
            app = self.app
            if not getattr(app, "desk_is_open", False):
                return []
            desk = app.desk
            entries: list[tuple[str, str, object]] = []
            if not any(getattr(b, "action", "") == "check_word_file" for b in getattr(self.screen, "BINDINGS", [])):
                # From any screen; the library's own binding already offers it there.
                entries.append(("Check a Word file", "Every quote in a .docx (or .odt) colleagues edited, against "
                                "the desk", partial(_check_word_file, app)))
            for source in desk.list_sources(limit=300):
                entries.append(
                    (f"Open source {source.ref}: {source.display_title}", "Read it and pick quotes and facts",
                     partial(app.open_source, source.id))
                )
            for brief in desk.list_briefs():
                entries.append(
                    (f"Open brief {brief.ref}: {brief.title}", f"Edit the {brief.template} brief",
                     partial(app.open_brief, brief.id))
                )
            return entries

        async def discover(self) -> Hits:
            for title, help_text, callback in self._entries()[:20]:
                yield DiscoveryHit(title, callback, help=help_text)

        async def search(self, query: str) -> Hits:
            matcher = self.matcher(query)
            for title, help_text, callback in self._entries():
                score = matcher.match(title)
                if score > 0:
                    yield Hit(score, matcher.highlight(title), callback, help=help_text)

    return DeskCommands


def _check_word_file(app: object) -> None:
    from tui.screens.word_check import start_word_check

    start_word_check(app)  # type: ignore[arg-type]
