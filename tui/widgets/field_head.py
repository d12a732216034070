"""A field's name and its live word count on one line, drawn by one widget.

A Horizontal holding two Labels was three widgets per field, and every layout of the brief editor (a
preview arriving, a section changing) walks each of them: with a dozen fields that was a third of the
screen's widgets. The count repaints in place as the user types.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget


class FieldHead(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"field-head--name", "field-head--budget", "field-head--over"}
    DEFAULT_CSS = """
    FieldHead {
        height: 1;
        .field-head--name { text-style: bold; }
        .field-head--budget { color: $text-muted; }
        .field-head--over { color: $error; text-style: bold; }
    }
    """

    def __init__(self, label: str, budget: str = "", *, over: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.budget = budget
        self.over = over

    def set_budget(self, budget: str, over: bool) -> None:
        if (budget, over) != (self.budget, self.over):
            self.budget, self.over = budget, over
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        budget_style = self.get_component_rich_style("field-head--over" if self.over else "field-head--budget")
        right = Text(self.budget, style=budget_style)
        room = max(0, width - right.cell_len - (1 if self.budget else 0))
        left = Text(self.label, style=self.get_component_rich_style("field-head--name"), no_wrap=True,
                    overflow="ellipsis")
        left.truncate(room, overflow="ellipsis", pad=True)
        return Text.assemble(left, " " if self.budget else "", right, no_wrap=True, end="")
