"""The article text: read-only, selectable by keyboard and mouse, with suggestions and picks highlighted."""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from textual.color import Color
from textual.widgets import TextArea

# Highlight names → how each looks; colours come from the app theme so every theme keeps them distinct.
# str.splitlines (which TextArea uses) breaks lines at these too; shown as spaces, one for one, so that
# offsets into the source text stay the same as offsets into what is displayed.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))
KINDS = ("suggested-quote", "suggested-fact", "picked-quote", "picked-fact", "picked-note")


class ReaderText(TextArea):
    """A TextArea that never edits and paints our own spans instead of syntax highlighting.

    Spans are (start, end, name) in str offsets of the text; TextArea's highlight map wants rows and
    UTF-8 byte columns, which `_build_highlight_map` converts to.
    """

    def __init__(self, text: str, **kwargs: object) -> None:
        text = text.translate(_LINE_BREAKS)
        self._spans: list[tuple[int, int, str]] = []
        self._line_starts: list[int] = _line_starts(text)
        super().__init__(
            text, read_only=True, soft_wrap=True, show_line_numbers=False, highlight_cursor_line=False,
            **kwargs,  # type: ignore[arg-type]
        )

    def load_text(self, text: str) -> None:
        text = text.translate(_LINE_BREAKS)
        self._spans = []
        self._line_starts = _line_starts(text)
        super().load_text(text)

    # The text never changes, so TextArea's own undo keys mean the app's undo (of picks) here.
    def action_undo(self) -> None:
        self.app.action_undo()  # type: ignore[attr-defined]

    def action_redo(self) -> None:
        self.app.action_redo()  # type: ignore[attr-defined]

    # Delete and backspace would edit; here they remove the picked snippet under the caret.
    def action_delete_left(self) -> None:
        self._remove_pick()

    def action_delete_right(self) -> None:
        self._remove_pick()

    def _remove_pick(self) -> None:
        remove = getattr(self.screen, "action_remove", None)
        if remove is not None:
            remove()

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = sorted(spans)
        self._build_highlight_map()
        self.refresh()

    def offset_of(self, location: tuple[int, int]) -> int:
        row, column = location
        return self._line_starts[row] + column

    def location_of(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def selected_offsets(self) -> tuple[int, int]:
        start, end = self.selection
        a, b = self.offset_of(start), self.offset_of(end)
        return (a, b) if a <= b else (b, a)

    def select_offsets(self, start: int, end: int) -> None:
        from textual.widgets.text_area import Selection

        self.selection = Selection(self.location_of(start), self.location_of(end))
        self.scroll_cursor_visible(center=True)

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        spans = getattr(self, "_spans", None)
        if not spans:
            return
        lines = self.document.lines
        for start, end, name in spans:
            first, first_col = self.location_of(start)
            last, last_col = self.location_of(end)
            for row in range(first, last + 1):
                line = lines[row]
                a = first_col if row == first else 0
                b = last_col if row == last else len(line)
                highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), name))

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        app_theme = self.app.current_theme
        background = Color.parse(app_theme.background or "#000000")

        def tint(colour: str | None, amount: float) -> str:
            return background.blend(Color.parse(colour or "#888888"), amount).hex

        self._theme.syntax_styles = {
            **self._theme.syntax_styles,
            "suggested-quote": Style(underline=True, color=app_theme.warning, bold=True),
            "suggested-fact": Style(underline=True, color=app_theme.success),
            "picked-quote": Style(bgcolor=tint(app_theme.warning, 0.35)),
            "picked-fact": Style(bgcolor=tint(app_theme.success, 0.35)),
            "picked-note": Style(bgcolor=tint(app_theme.secondary, 0.35)),
        }


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts
