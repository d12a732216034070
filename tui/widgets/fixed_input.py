"""An Input whose typing repaints it instead of laying out the whole screen.

Textual's Input sets its virtual size on every change to its value, and `virtual_size` is a reactive that
asks for a layout of the whole screen: ~8 ms per key on the brief editor (about 100 widgets with the
Markdown preview), and a layout plus a repaint of the sources table per key in the library's search box.
When the Input's box does not depend on its text (its width and height come from the CSS, not `auto`),
the new virtual size is set without the layout and the Input repaints.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input


class FixedInput(Input):
    def _watch_value(self, value: str) -> None:
        size = Size(self.content_width, 1)
        if size != self.virtual_size and not self.styles.auto_dimensions:
            self.set_reactive(Widget.virtual_size, size)
            self.refresh()
        # Input's own watcher then finds the size unchanged: validation, Changed and the cursor as always.
        super()._watch_value(value)
