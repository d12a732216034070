"""The typed model: what a source, a snippet and a brief are.

Validation lives here so that every path in (CLI, TUI, YAML brief files, the desk) gets the same rules.
Offsets are Python `str` indices into a source's clean text.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


class SourceKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    PASTE = "paste"


class SourceMeta(BaseModel):
    """Citation metadata. Editable by the user; the text it describes is not."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    author: str | None = None
    publication: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date (YYYY-MM-DD)")
    url: str | None = None
    language: str | None = None

    @field_validator("title", "author", "publication", "url", "language", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = " ".join(value.split())
            return value or None
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date().isoformat()
        text = str(value).strip()
        try:
            return datetime.fromisoformat(text[:10]).date().isoformat()
        except ValueError as exc:
            raise ValueError(f"published must be an ISO date like 2026-01-31, not {text!r}") from exc


class NewSource(BaseModel):
    """A source as an importer produces it, before the desk gives it an id."""

    kind: SourceKind
    origin: str = Field(description="the path, URL or '-' it was imported from")
    text: str
    meta: SourceMeta = Field(default_factory=SourceMeta)
    original: bytes = Field(default=b"", repr=False, description="the bytes as read, archived")
    original_type: str = Field(default="text/plain", description="media type of `original`")

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)

    @property
    def words(self) -> int:
        return count_words(self.text)


class Source(BaseModel):
    """An immutable snapshot on the desk. `text` may be empty when listed without it."""

    id: int
    kind: SourceKind
    origin: str
    sha256: str
    meta: SourceMeta
    words: int
    imported_at: datetime
    text: str = ""
    removed: bool = False
    snippet_count: int = 0

    @property
    def ref(self) -> str:
        return f"s{self.id}"

    @property
    def display_title(self) -> str:
        return self.meta.title or self.origin


class SnippetKind(StrEnum):
    QUOTE = "quote"
    FACT = "fact"
    NOTE = "note"


class Snippet(BaseModel):
    """A passage picked from a source: a quote, a fact or a note.

    `text` is the verbatim source text at [start, end). `edited` is the user's wording when it differs
    (an ellipsis, a [bracketed] insertion, a paraphrase for a note); checks compare it with the source.
    """

    model_config = ConfigDict(validate_assignment=True)

    id: int | None = None
    source_id: int
    kind: SnippetKind
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str
    speaker: str | None = None
    edited: str | None = None
    comment: str | None = None
    origin: str = Field(default="selected", description="'suggested' when accepted from a suggestion")
    created_at: datetime = Field(default_factory=utcnow)

    @model_validator(mode="after")
    def _ordered(self) -> Snippet:
        if self.end < self.start:
            raise ValueError(f"snippet end {self.end} is before its start {self.start}")
        return self

    @property
    def ref(self) -> str:
        return f"n{self.id}"

    @property
    def display_text(self) -> str:
        return self.edited if self.edited is not None else self.text


class Section(BaseModel):
    """A named part of a brief and the snippets placed in it, in order."""

    name: str
    snippet_ids: list[int] = Field(default_factory=list)


class Brief(BaseModel):
    """A brief in progress: a template, its field values and its sections.

    `revision` increases on every save; a save that names an older revision is a conflict.
    """

    model_config = ConfigDict(validate_assignment=True)

    id: int | None = None
    template: str
    title: str
    fields: dict[str, str] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)
    marking: str | None = None
    revision: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def ref(self) -> str:
        return f"b{self.id}"

    def section(self, name: str) -> Section:
        """The section called `name`, created at the end when missing."""
        for section in self.sections:
            if section.name == name:
                return section
        section = Section(name=name)
        self.sections = [*self.sections, section]
        return section

    def snippet_ids(self) -> list[int]:
        seen: dict[int, None] = {}
        for section in self.sections:
            for sid in section.snippet_ids:
                seen.setdefault(sid, None)
        return list(seen)
