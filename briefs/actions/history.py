"""Undo and redo: every undoable action returns a Change that reverts itself and returns its redo.

The app keeps a `History`; the CLI has none (each command is one change the user can see and reverse).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from briefs.model import Brief, Section, Snippet, Source

if TYPE_CHECKING:
    from briefs.desk.base import Desk


class Change(Protocol):
    """A change already saved to the desk. `undo` reverts it and returns the change that redoes it."""

    label: str

    def undo(self, desk: Desk) -> Change: ...


class History:
    """The undo and redo stacks of one session."""

    def __init__(self) -> None:
        self.done: list[Change] = []
        self.undone: list[Change] = []

    def record(self, change: Change) -> bool:
        """Keep `change` for undo; False when it changed nothing (a NoChange, whose label says why)."""
        if isinstance(change, NoChange):
            return False
        self.done.append(change)
        self.undone.clear()
        return True

    def undo(self, desk: Desk) -> Change | None:
        """Revert the latest change (None when there is none); the change stays on the stack if it fails."""
        if not self.done:
            return None
        change = self.done[-1]
        with desk.transaction():
            redo = change.undo(desk)
        self.done.pop()
        self.undone.append(redo)
        return change

    def redo(self, desk: Desk) -> Change | None:
        if not self.undone:
            return None
        change = self.undone[-1]
        with desk.transaction():
            again = change.undo(desk)
        self.undone.pop()
        self.done.append(again)
        return change


@dataclass
class NoChange:
    label: str

    def undo(self, desk: Desk) -> Change:
        return self


@dataclass
class SnippetAdded:
    snippet: Snippet
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"picked {self.snippet.kind} {self.snippet.ref}"

    def undo(self, desk: Desk) -> Change:
        from briefs.actions.snippets import remove_snippet

        assert self.snippet.id is not None
        return remove_snippet(desk, self.snippet.id)


@dataclass
class SnippetRemoved:
    snippet: Snippet
    placements: list[tuple[int, str, int]] = field(default_factory=list)
    """(brief id, section name, position) of every place the snippet had."""
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"removed {self.snippet.kind} {self.snippet.ref}"

    def undo(self, desk: Desk) -> Change:
        from briefs.actions.arrange import insert_placed

        # The desk gives the restored snippet a new id; the briefs that placed it get the new id back
        # at the place it had.
        restored = desk.add_snippet(self.snippet.replace(id=None))
        assert restored.id is not None
        for brief_id, section, index in self.placements:
            insert_placed(desk, brief_id, restored.id, section, index)
        return SnippetAdded(restored, label=f"restored {restored.kind} {restored.ref}")


@dataclass
class SnippetEdited:
    before: Snippet
    after: Snippet
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"edited {self.after.ref}"

    def undo(self, desk: Desk) -> Change:
        desk.update_snippet(self.before)
        return SnippetEdited(self.after, self.before, label=f"restored {self.before.ref}")


@dataclass
class BriefChanged:
    """The arrangement (sections) of a brief before a change; undo puts it back as a new revision."""

    brief_id: int
    sections: tuple[Section, ...]
    label: str

    def undo(self, desk: Desk) -> Change:
        current = desk.get_brief(self.brief_id)
        desk.save_brief(current.replace(sections=self.sections))
        return BriefChanged(self.brief_id, current.sections, label=f"undid: {self.label}")


@dataclass
class BriefRewritten:
    """A brief's whole content before a change (a revision restored); undo saves it back as a new revision."""

    before: Brief
    label: str

    def undo(self, desk: Desk) -> Change:
        assert self.before.id is not None
        current = desk.get_brief(self.before.id)
        desk.save_brief(with_content(current, self.before))
        return BriefRewritten(current, label=f"undid: {self.label}")


def with_content(brief: Brief, content: Brief) -> Brief:
    """`brief` (its id and revision) carrying `content`'s template, title, fields, sections and marking."""
    return brief.replace(template=content.template, title=content.title, fields=dict(content.fields),
                         sections=content.sections, marking=content.marking)


@dataclass
class SourceRemoved:
    source: Source
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"removed {self.source.ref}"

    def undo(self, desk: Desk) -> Change:
        return SourceRestored(desk.restore_source(self.source.id))


@dataclass
class SourceRestored:
    source: Source
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"restored {self.source.ref}"

    def undo(self, desk: Desk) -> Change:
        return SourceRemoved(desk.remove_source(self.source.id))


@dataclass
class BriefRemoved:
    brief: Brief
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"deleted brief {self.brief.ref}"

    def undo(self, desk: Desk) -> Change:
        # Recreated under a new id, with its fields, arrangement and marking.
        return BriefCreated(desk.create_brief(self.brief.replace(id=None, revision=0)))


@dataclass
class BriefCreated:
    brief: Brief
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"created brief {self.brief.ref}"

    def undo(self, desk: Desk) -> Change:
        assert self.brief.id is not None
        return BriefRemoved(desk.remove_brief(self.brief.id))


@dataclass
class SuggestionRejected:
    """A suggested quote or fact the user rejected; undo shows it again."""

    source_id: int
    kind: str
    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"rejected the {self.kind} suggestion in s{self.source_id}"

    def undo(self, desk: Desk) -> Change:
        desk.unreject_suggestion(self.source_id, self.kind, self.start, self.end)
        return SuggestionRestored(self.source_id, self.kind, self.start, self.end)


@dataclass
class SuggestionRestored:
    source_id: int
    kind: str
    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"showed the {self.kind} suggestion in s{self.source_id} again"

    def undo(self, desk: Desk) -> Change:
        desk.reject_suggestion(self.source_id, self.kind, self.start, self.end)
        return SuggestionRejected(self.source_id, self.kind, self.start, self.end)
