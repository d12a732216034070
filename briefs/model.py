"""The typed model: what a source, a snippet and a brief are.

Validation lives here so that every path in (CLI, TUI, YAML brief files, the desk) gets the same rules.
Offsets are Python `str` indices into a source's clean text.

Plain dataclasses rather than pydantic: importing pydantic and building these models took about 140 ms,
most of a command's start-up budget, for checks that fit in a few lines each. Records that the desk
returns (Source, Snippet, Brief, Section) are frozen; `replace()` makes a changed copy and validates it
again. External files (template.toml, brief YAML) are validated where they are read.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Self

from briefs.text import clean_block, clean_line, strip_credentials


def sha256_text(text: str) -> str:
    import hashlib  # OpenSSL's start-up is paid only by the commands that hash (imports, checks)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


class _Record:
    """What every model class shares: a validated copy with changes, and a JSON-ready dict."""

    __slots__ = ()

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]

    def to_json(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _jsonable(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_json()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _set(obj: object, name: str, value: Any) -> None:
    # Frozen dataclasses normalise their own fields in __post_init__.
    object.__setattr__(obj, name, value)


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {type(value).__name__}")
    # The boundary: what a file, a page or a user gave is stored as one clean line, so no ESC sequence
    # or other control character is ever stored, listed or exported.
    return clean_line(value) or None


def iso_date(value: Any) -> str | None:
    """`value` as an ISO date (YYYY-MM-DD): a date, a datetime or a string that starts with one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published must be an ISO date like 2026-01-31, not {text!r}") from None


class SourceKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    PASTE = "paste"


@dataclasses.dataclass(slots=True)
class SourceMeta(_Record):
    """Citation metadata. Editable by the user; the text it describes is not."""

    title: str | None = None
    author: str | None = None
    publication: str | None = None
    published: str | None = None
    """ISO 8601 date (YYYY-MM-DD)."""
    url: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        for name in ("title", "author", "publication", "url", "language"):
            setattr(self, name, _text_or_none(getattr(self, name)))
        if self.url:
            # A password in a citation would be printed, exported and shared with the brief.
            self.url = strip_credentials(self.url)
        self.published = iso_date(self.published)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceMeta:
        unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ValueError(f"unknown citation field {sorted(unknown)[0]!r}")
        return cls(**data)


@dataclasses.dataclass(slots=True)
class NewSource(_Record):
    """A source as an importer produces it, before the desk gives it an id."""

    kind: SourceKind
    origin: str
    """The path, URL or '-' it was imported from."""
    text: str
    meta: SourceMeta = dataclasses.field(default_factory=SourceMeta)
    original: bytes = dataclasses.field(default=b"", repr=False)
    """The bytes as read, archived."""
    original_type: str = "text/plain"
    """Media type of `original`."""

    def __post_init__(self) -> None:
        self.kind = SourceKind(self.kind)
        # A file name or URL as a user sees it: no control characters, no credentials.
        self.origin = strip_credentials(clean_line(self.origin)) or "-"

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclasses.dataclass(frozen=True, slots=True)
class Source(_Record):
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
        return self.meta.title or origin_name(self.origin)


def origin_name(origin: str) -> str:
    """What names a source that has no title: a file's name (never the folders it sits in, which have no
    place in a brief), or the web address it came from."""
    if "://" in origin[:16] or origin in {"-", "paste"}:
        return origin
    return re.split(r"[/\\]", origin.rstrip("/\\"))[-1] or origin


class SnippetKind(StrEnum):
    QUOTE = "quote"
    FACT = "fact"
    NOTE = "note"


@dataclasses.dataclass(frozen=True, slots=True)
class Snippet(_Record):
    """A passage picked from a source: a quote, a fact or a note.

    `text` is the verbatim source text at [start, end). `edited` is the user's wording when it differs
    (an ellipsis, a [bracketed] insertion, a paraphrase for a note); checks compare it with the source.
    `author` is who picked it (the desk fills it in, with `created_at`).
    """

    source_id: int
    kind: SnippetKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    edited: str | None = None
    comment: str | None = None
    origin: str = "selected"
    """'suggested' when accepted from a suggestion."""
    id: int | None = None
    created_at: datetime | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        _set(self, "kind", SnippetKind(self.kind))
        for name in ("source_id", "start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"snippet {name} must be a whole number, not {value!r}")
        if self.start < 0:
            raise ValueError(f"snippet start {self.start} must not be negative")
        if self.end < self.start:
            raise ValueError(f"snippet end {self.end} is before its start {self.start}")
        for name in ("text", "speaker", "edited", "comment", "author"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"snippet {name} must be text, not {type(value).__name__}")
        # The text and its edit are checked against the source word for word, so they stay as given;
        # a speaker is a name on one line and a comment is the user's own note.
        if self.speaker is not None:
            _set(self, "speaker", clean_line(self.speaker))
        if self.comment is not None:
            _set(self, "comment", clean_block(self.comment))

    @property
    def ref(self) -> str:
        return f"n{self.id}"

    @property
    def display_text(self) -> str:
        return self.edited if self.edited is not None else self.text

    @property
    def span(self) -> tuple[int, SnippetKind, int, int]:
        """What makes two snippets the same pick: the source, the kind and the offsets."""
        return self.source_id, self.kind, self.start, self.end


@dataclasses.dataclass(frozen=True, slots=True)
class Section(_Record):
    """A named part of a brief and the snippets placed in it, in order."""

    name: str
    snippet_ids: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "snippet_ids", tuple(self.snippet_ids))


@dataclasses.dataclass(frozen=True, slots=True)
class Brief(_Record):
    """A brief in progress: a template, its field values and its sections.

    `revision` increases on every save; a save that names an older revision is a conflict. The desk
    fills in `updated_by` (who saved this revision) and `uid` (the brief's identity across desks, kept by
    `briefs desk copy`).
    """

    template: str
    title: str
    fields: dict[str, str] = dataclasses.field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    marking: str | None = None
    id: int | None = None
    revision: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    uid: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not isinstance(self.template, str):
            raise ValueError("a brief's template and title must be text")
        if self.marking is not None and not isinstance(self.marking, str):
            raise ValueError("a brief's marking must be text")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.fields.items()):
            raise ValueError("a brief's fields must map names to text")
        # What a user typed or a brief file held, stored as it will print: no control characters.
        _set(self, "title", clean_line(self.title))
        if self.marking is not None:
            _set(self, "marking", clean_line(self.marking))
        _set(self, "fields", {k: clean_block(v) for k, v in self.fields.items()})
        _set(self, "sections", tuple(s if isinstance(s, Section) else Section(**s) for s in self.sections))

    @property
    def ref(self) -> str:
        return f"b{self.id}"

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def snippet_ids(self) -> list[int]:
        seen: dict[int, None] = {}
        for section in self.sections:
            for sid in section.snippet_ids:
                seen.setdefault(sid, None)
        return list(seen)
