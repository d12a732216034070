"""A read-only table of text rows with a row cursor, drawn one pre-built line per row (Textual's Line API).

Written by hand rather than using DataTable because the library replaces its rows on every key typed in
the search box: DataTable's clear() + add_row() drop its caches and each visible row then costs about a
millisecond to render through Rich, most of a frame on a 100x30 terminal. Here a row is one Segment of
text cut to fixed column widths (computed once per width), so replacing 20 rows and drawing the pane
costs well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Column(NamedTuple):
    label: str
    width: int  # cells; 0 takes what the fixed columns leave
    right: bool = False  # right-aligned (numbers)


class Row(NamedTuple):
    key: str
    cells: tuple[str, ...]


PADDING = 1  # cells each side of every column, as DataTable draws them
MIN_FLEX = 12  # the flexible column (the title) never gets narrower than this


class RowTable(ScrollView, can_focus=True):
    """Rows of text under a fixed header; a row cursor moves with the keys and opens a row with Enter."""

    ALLOW_SELECT = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rowtable--header",
        "rowtable--cursor",
        "rowtable--hover",
        "rowtable--even-row",
    }

    # The same look as Textual's DataTable (and its theme variables), so this table sits beside others.
    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .rowtable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .rowtable--header { background-tint: $foreground 5%; }
        }
        &:dark > .rowtable--even-row { background: $surface-darken-1 40%; }
        & > .rowtable--even-row { background: $surface-lighten-1 50%; }
        & > .rowtable--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .rowtable--header { background: ansi_bright_blue; color: ansi_default; }
        & > .rowtable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .rowtable--hover { background: $block-hover-background; }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)
    hover_row: reactive[int | None] = reactive(None, repaint=False)

    class _RowMessage(Message):
        def __init__(self, table: RowTable, key: str, index: int) -> None:
            super().__init__()
            self.table = table
            self.key = key
            self.index = index

        @property
        def control(self) -> RowTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved to another row."""

    class RowSelected(_RowMessage):
        """Enter, or a click on the cursor's row: open the row."""

    def __init__(
        self, columns: Sequence[Column] = (), *, zebra_stripes: bool = True,
        name: str | None = None, id: str | None = None, classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.zebra_stripes = zebra_stripes
        self._columns: tuple[Column, ...] = tuple(columns)
        self._rows: list[Row] = []
        self._index: dict[str, int] = {}
        self._widths: tuple[int, ...] = ()
        self._widths_for = -1  # the line width the column widths were computed for
        # Row text depends only on the row and the widths; the style on cursor, zebra, hover and focus.
        self._text_cache: dict[tuple[tuple[str, ...], tuple[int, ...]], str] = {}
        self._strip_cache: dict[tuple[object, ...], Strip] = {}

    # -------------------------------------------------------------------------------------- data
    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._columns = tuple(columns)
        self._widths_for = -1
        self._text_cache.clear()
        self._strip_cache.clear()
        self.refresh()

    def set_rows(self, rows: Iterable[Row | tuple[str, Sequence[str]]]) -> None:
        """Replace every row. The cursor stays on the same key when it is still there."""
        selected = self.cursor_key
        self._rows = [Row(key, tuple(cells)) for key, cells in rows]
        self._index = {row.key: i for i, row in enumerate(self._rows)}
        if len(self._text_cache) > 4096:  # rows come and go as the user types; keep the cache bounded
            self._text_cache.clear()
        self._strip_cache.clear()
        height = len(self._rows) + 1  # the header line
        if self.virtual_size.height != height:
            # Only a change of height needs a layout (the scrollbar); equal-length results repaint only.
            self.virtual_size = Size(self.virtual_size.width, height)
        index = self._index.get(selected, self.cursor_row) if selected is not None else self.cursor_row
        self._move(min(index, max(0, len(self._rows) - 1)), force=True)
        self.refresh()

    def get_row_at(self, index: int) -> tuple[str, ...]:
        return self._rows[index].cells

    def get_row_index(self, key: str) -> int:
        return self._index[key]

    @property
    def cursor_key(self) -> str | None:
        if 0 <= self.cursor_row < len(self._rows):
            return self._rows[self.cursor_row].key
        return None

    def move_to_key(self, key: str | None) -> bool:
        """Put the cursor on the row with `key`; False (and the cursor stays) when there is none."""
        index = self._index.get(key) if key is not None else None
        if index is None:
            return False
        self._move(index)
        return True

    # ------------------------------------------------------------------------------------ layout
    def _layout(self, width: int) -> tuple[int, ...]:
        if width != self._widths_for:
            fixed = sum(c.width + 2 * PADDING for c in self._columns if c.width)
            flex = max(MIN_FLEX, width - fixed - 2 * PADDING)
            self._widths = tuple(c.width or flex for c in self._columns)
            self._widths_for = width
            self._strip_cache.clear()
        return self._widths

    def _line_text(self, cells: Sequence[str], widths: tuple[int, ...]) -> str:
        pad = " " * PADDING
        parts = []
        for column, width, value in zip(self._columns, widths, cells, strict=False):
            parts.append(pad + _fit(value, width, column.right) + pad)
        return "".join(parts)

    def _row_text(self, row: Row, widths: tuple[int, ...]) -> str:
        key = (row.cells, widths)
        text = self._text_cache.get(key)
        if text is None:
            text = self._text_cache[key] = self._line_text(row.cells, widths)
        return text

    # ------------------------------------------------------------------------------------ render
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip_cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._layout(width)
        base = self.rich_style
        if y == 0:
            key: tuple[object, ...] = ("header", width, self.has_focus)
            strip = self._strip_cache.get(key)
            if strip is None:
                style = base + self.get_component_rich_style("rowtable--header")
                text = self._line_text([c.label for c in self._columns], widths)
                strip = self._strip_cache[key] = _strip(text, style, width)
            return strip
        index = y - 1 + self.scroll_offset.y
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        cursor = index == self.cursor_row
        even = self.zebra_stripes and index % 2 == 0
        hover = index == self.hover_row
        key = (row.cells, width, cursor, even, hover, self.has_focus)
        strip = self._strip_cache.get(key)
        if strip is None:
            style = base
            if even:
                style += self.get_component_rich_style("rowtable--even-row")
            if hover:
                style += self.get_component_rich_style("rowtable--hover")
            if cursor:
                style += self.get_component_rich_style("rowtable--cursor")
            strip = self._strip_cache[key] = _strip(self._row_text(row, widths), style, width)
        return strip

    # ------------------------------------------------------------------------------------ cursor
    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _move(self, index: int, *, force: bool = False) -> None:
        if not self._rows:
            self.cursor_row = 0
            return
        index = max(0, min(index, len(self._rows) - 1))
        if index != self.cursor_row or force:
            previous = self.cursor_row
            self.cursor_row = index
            self._refresh_row(previous)
            self._refresh_row(index)
            self.post_message(self.RowHighlighted(self, self._rows[index].key, index))
        self._scroll_to_cursor()

    def _refresh_row(self, index: int | None) -> None:
        if index is not None:
            self.refresh_line(index + 1)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._page:
            self.scroll_to(y=self.cursor_row - self._page + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.hover_row = None
        self._move(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.hover_row = None
        self._move(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self._move(self.cursor_row - self._page)

    def action_page_down(self) -> None:
        self._move(self.cursor_row + self._page)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self._rows[self.cursor_row].key, self.cursor_row))

    # ------------------------------------------------------------------------------------- mouse
    def _row_under(self, y: int) -> int | None:
        if y < 1:
            return None
        index = y - 1 + round(self.scroll_offset.y)
        return index if index < len(self._rows) else None

    def watch_hover_row(self, previous: int | None, current: int | None) -> None:
        self._refresh_row(previous)
        self._refresh_row(current)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover_row = self._row_under(event.y)

    def _on_leave(self, _: events.Leave) -> None:
        self.hover_row = None

    def _on_click(self, event: events.Click) -> None:
        index = self._row_under(event.y)
        if index is None:
            return
        event.stop()
        if index == self.cursor_row:
            self.action_select_cursor()
        else:
            self._move(index)


def _fit(text: str, width: int, right: bool) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis when too long, padded when short."""
    if "\n" in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    padding = " " * (width - length)
    return padding + text if right else text + padding


def _strip(text: str, style: Style, width: int) -> Strip:
    return Strip([Segment(text, style)], cell_len(text)).adjust_cell_length(width, style)
