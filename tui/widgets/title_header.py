"""A Header whose title changes without a layout pass.

Textual's HeaderTitle is a Static, and every Static.update() asks for a layout of the whole screen. The
library retitles itself on every key typed in its search box ("3 of 10,000 sources match …"); the title
row has a fixed size, so a repaint is all a new title needs.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


class _RepaintedTitle(HeaderTitle):
    def update(self, content: Any = "", *, layout: bool = False) -> None:
        # Header asks for the default (a layout); the title's box is fixed, so a repaint is enough.
        super().update(content, layout=False)


class TitleHeader(Header):
    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _RepaintedTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()
