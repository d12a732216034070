"""The desk's one narrow interface.

Everything above the desk (actions, render, checks, the shells) talks to this Protocol and never to SQL
or to a storage engine: a desk is opened by URL (`open_desk`), is safe to use from any thread (each
thread gets its own connection), stamps what it stores with its injected clock, and groups changes
with `transaction()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

from briefs.clock import Clock
from briefs.model import Brief, NewSource, Snippet, Source, SourceMeta


class AddResult:
    """What happened when a source was added: a new snapshot, or the one already on the desk."""

    __slots__ = ("created", "restored", "source")

    def __init__(self, source: Source, created: bool, restored: bool = False) -> None:
        self.source = source
        self.created = created
        self.restored = restored


@dataclass(frozen=True, slots=True)
class DeskEvent:
    """Something another client changed on a shared desk, as `Desk.watch` reports it.

    `kind` is source, snippet or brief (with the item's `id`, `op` insert/update/delete and, for a
    snippet, its `source_id`), or `desk` when the connection to the desk was `lost` or is `back` (after
    which anything may have changed: a screen re-reads what it shows).
    """

    kind: str
    id: int | None = None
    op: str = "update"
    source_id: int | None = None


class Rejected(NamedTuple):
    """A suggestion the user rejected: the extract engine's quote or fact at these offsets of a source."""

    kind: str  # "quote" | "fact"
    start: int
    end: int


class Desk(Protocol):
    location: str
    """The desk as a user would name it in a message (a path or a URL without its password)."""
    clock: Clock
    author: str
    """Who this desk's changes are by: it stamps the snippets it adds and the brief revisions it saves."""

    def transaction(self) -> AbstractContextManager[None]:
        """All the desk changes made inside happen together or not at all; transactions nest."""
        ...

    # desk properties ---------------------------------------------------------------------------
    def get_property(self, key: str) -> str | None: ...
    def set_property(self, key: str, value: str) -> None: ...

    # sources -----------------------------------------------------------------------------------
    def add_source(self, new: NewSource, *, imported_at: datetime | None = None, removed: bool = False) -> AddResult:
        """Store a snapshot (the same text twice is one source: imported again, a removed one comes back).
        `imported_at` and `removed` keep a copied source's history (`briefs desk copy`), and a copy leaves
        a source the desk already has as it is."""
        ...

    def get_source(self, source_id: int, *, with_text: bool = True) -> Source: ...
    def get_sources(self, source_ids: Iterable[int]) -> dict[int, Source]: ...
    def list_sources(self, *, limit: int | None = None, include_removed: bool = False) -> list[Source]: ...
    def search_sources(self, query: str, *, limit: int = 200) -> list[Source]: ...
    def count_sources(self, *, include_removed: bool = False) -> int: ...
    def source_original(self, source_id: int) -> tuple[str, bytes]: ...
    def update_source_meta(self, source_id: int, meta: SourceMeta) -> Source: ...
    def remove_source(self, source_id: int) -> Source: ...
    def restore_source(self, source_id: int) -> Source: ...
    def sources_with_url(self, url: str) -> list[Source]: ...

    # snippets ----------------------------------------------------------------------------------
    def add_snippet(self, snippet: Snippet) -> Snippet: ...
    def get_snippet(self, snippet_id: int) -> Snippet: ...
    def get_snippets(self, snippet_ids: Iterable[int]) -> dict[int, Snippet]: ...
    def list_snippets(self, source_id: int | None = None) -> list[Snippet]: ...
    def update_snippet(self, snippet: Snippet) -> Snippet: ...
    def remove_snippet(self, snippet_id: int) -> Snippet: ...

    # rejected suggestions ------------------------------------------------------------------------
    def reject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        """Keep a suggestion hidden; False when it was already rejected."""
        ...

    def unreject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        """Show a rejected suggestion again; False when it was not rejected."""
        ...

    def rejected_suggestions(self, source_id: int) -> set[Rejected]: ...

    # briefs ------------------------------------------------------------------------------------
    def create_brief(self, brief: Brief) -> Brief: ...
    def get_brief(self, brief_id: int) -> Brief: ...
    def list_briefs(self) -> list[Brief]: ...
    def save_brief(self, brief: Brief) -> Brief: ...
    def remove_brief(self, brief_id: int) -> Brief: ...
    def brief_history(self, brief_id: int) -> list[Brief]:
        """Every revision of a brief, newest first, each with who saved it (`updated_by`) and when."""
        ...
    def get_brief_revision(self, brief_id: int, revision: int) -> Brief: ...
    def find_brief(self, uid: str) -> Brief | None:
        """The brief with this uid (its identity across desks), if this desk has it."""
        ...
    def adopt_brief(self, revisions: Sequence[Brief]) -> Brief:
        """Store a brief from another desk with its whole history (oldest revision first, each with its
        author and time, sections naming this desk's snippet ids), keeping its uid and revision numbers."""
        ...

    def watch(self, on_events: Callable[[list[DeskEvent]], None]) -> Callable[[], None] | None:
        """Call `on_events` (from another thread) with what other clients change on this desk, batched,
        within a second of their commit; returns a function that stops watching, or None when this kind
        of desk cannot tell (one person's SQLite file)."""
        ...

    def integrity_problems(self) -> list[str]:
        """What a full check of the stored desk finds wrong (nothing, on a healthy desk)."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Desk: ...
    def __exit__(self, *exc: object) -> None: ...
