"""The screen's key hints in one line: Textual's Footer, drawn by one widget.

Textual's Footer is a container that recomposes a FooterKey widget per binding every time the bindings
change (each screen push and focus change). Each of those widgets is styled through the whole CSS
cascade; at start-up the footer recomposed a dozen times and cost ~40 ms of the app's first frame
(measured with bench/tui_bench.py's cold start: 1.51x an empty app with it, 1.33x without). This one
paints the same hints as a single line of text and repaints when the bindings change: same look, same
mouse behaviour (click a hint to press its key, hover for its tooltip).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Hint(NamedTuple):
    key: str
    start: int  # first cell of the hint in the line
    end: int
    enabled: bool
    tooltip: str


class KeyFooter(Widget):
    """The focused screen's shown bindings, with quit and the command palette's key at the right."""

    ALLOW_SELECT = False
    RIGHT_ACTIONS: ClassVar[tuple[str, ...]] = ("quit",)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            background: $block-hover-background;
        }
        .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._line: tuple[int, Text, list[Hint]] | None = None  # (width, text, hints), until bindings change
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line = None  # a new theme or stylesheet: the hints' colours come from it

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self._line = None
            self.refresh()

    def _shown_bindings(self) -> tuple[list[tuple[Binding, bool, str]], list[tuple[Binding, bool, str]]]:
        """Shown bindings, one per action (the first key bound to it), and those kept at the right edge
        (quit and the command palette), which are never left out for want of room."""
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        right = [shown.pop(action) for action in self.RIGHT_ACTIONS if action in shown]
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            right.append((binding, enabled, tooltip))
            shown.pop(binding.action, None)
        return list(shown.values()), right

    def _build(self, width: int) -> tuple[Text, list[Hint]]:
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        description_style = self.get_component_rich_style("key-footer--description", partial=True)
        dim = Style(dim=True)
        bindings, kept = self._shown_bindings()

        def hint_text(binding: Binding, enabled: bool) -> Text:
            text = Text.assemble(
                (f" {self.app.get_key_display(binding)} ", key_style),
                (f"{binding.description} " if binding.description else "", description_style),
            )
            if not enabled:
                text.stylize(dim)
            return text

        right = Text()
        right_hints: list[tuple[int, int, tuple[Binding, bool, str]]] = []  # (start, end) within `right`
        if kept:
            right = Text.assemble(("▏", self.get_component_rich_style("key-footer--separator", partial=False)))
            for item in kept:
                start = right.cell_len
                right.append_text(hint_text(item[0], item[1]))
                right_hints.append((start, right.cell_len, item))
        room = max(0, width - right.cell_len)
        line = Text(no_wrap=True, overflow="crop", end="")
        hints: list[Hint] = []
        for binding, enabled, tooltip in bindings:
            text = hint_text(binding, enabled)
            if line.cell_len + text.cell_len > room:
                break  # no room for the whole hint: leave it out rather than cut it
            start = line.cell_len
            line.append_text(text)
            hints.append(Hint(binding.key, start, line.cell_len, enabled, tooltip or binding.description))
        if right_hints and right.cell_len <= width:
            line.append(" " * (width - line.cell_len - right.cell_len))
            offset = line.cell_len
            line.append_text(right)
            for start, end, (binding, enabled, tooltip) in right_hints:
                hints.append(Hint(binding.key, offset + start, offset + end, enabled,
                                  tooltip or binding.description))
        return line, hints

    def _current(self) -> tuple[Text, list[Hint]]:
        width = self.size.width
        if self._line is None or self._line[0] != width:
            text, hints = self._build(width)
            self._line = (width, text, hints)
        return self._line[1], self._line[2]

    def render(self) -> Text:
        text, hints = self._current()
        if self._hover is not None and self._hover < len(hints):
            hint = hints[self._hover]
            text = text.copy()
            text.stylize(self.get_component_rich_style("key-footer--hover", partial=False), hint.start, hint.end)
        return text

    def _hint_at(self, x: int) -> int | None:
        _text, hints = self._current()
        for index, hint in enumerate(hints):
            if hint.start <= x < hint.end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._hint_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = self._current()[1][index].tooltip if index is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._hint_at(event.x)
        if index is None:
            return
        hint = self._current()[1][index]
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
