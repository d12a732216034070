"""What a template sees: read-only views of a brief, its items and their sources.

Every sequence is a tuple and every mapping a FrozenMap, so a template cannot change what it was given
(`items.clear()`, `warnings.clear()`, `fields.update(...)` have nothing to call), and the exporter's own
copy, from which it marks unverified quotes, is never the template's to touch. The views are plain data
that pickle, so a render can run in a separate, bounded process (briefs.templates.sandbox).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup


class FrozenMap(Mapping[str, Any]):
    """A read-only mapping (a dict a template may read, by key or as `map.key`, but not change)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a template's data is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return FrozenMap, (self._data,)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def frozen(value: Any) -> Any:
    """`value` with every list, tuple and dict in it made a tuple or FrozenMap, all the way down."""
    if isinstance(value, Mapping) and not isinstance(value, FrozenMap):
        return FrozenMap({k: frozen(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class SourceView:
    n: int
    ref: str
    title: str
    author: str
    publication: str
    published: str
    url: str
    citation: Markup
    short: str
    short_citation: Markup = field(default_factory=Markup)
    named: Markup = field(default_factory=Markup)
    """How a sentence names the source: "*The Wire* (20 November 2019)", or "*The Wire*" when undated."""
    cite: str = ""


@dataclass(frozen=True)
class ItemView:
    ref: str
    kind: str
    text: str
    verbatim: str
    speaker: str
    comment: str
    edited: bool
    source: SourceView
    cite: Markup
    flag: Markup = field(default_factory=Markup)
    """A visible "UNVERIFIED QUOTE" note, for a quote exported with --allow-unverified; else empty."""
    also: tuple[SourceView, ...] = ()
    """Other outlets that report the same fact (their notes are in `cite` too)."""


@dataclass(frozen=True)
class SectionView:
    name: str
    title: str
    items: tuple[ItemView, ...] = ()

    @property
    def quotes(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "quote")

    @property
    def facts(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "fact")

    @property
    def notes(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "note")


@dataclass(frozen=True)
class StoryView:
    """One story as a digest shows it: the article that leads it and the outlets that also reported it."""

    lead: SourceView
    also: tuple[SourceView, ...] = ()

    @property
    def sources(self) -> tuple[SourceView, ...]:
        return (self.lead, *self.also)

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(s.ref for s in self.sources)
