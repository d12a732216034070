"""What a template folder holds: `template.toml` read into a TemplateSpec, validated.

A template is a folder with `template.toml` (name, fields, sections, budgets, marking, citation style)
and `body.md.j2` (Jinja2 producing Markdown). Validation is written out here rather than left to a schema
library: the spec is read on every export and check, and pydantic's import alone cost more than the rest of
reading a template. Every error names the file, the entry and what to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from briefs.errors import TemplateError

SPEC_FILE = "template.toml"
BODY_FILE = "body.md.j2"
KINDS = ("quote", "fact", "note")
# What `briefs draft` may put in a section: each story's lede, ranked facts that stand alone, facts about
# what comes next (deadlines, votes, plans), attributed quotes. A section without a `draft` list gets what
# it accepts (facts, quotes).
DRAFT_POOLS = ("lede", "facts", "ahead", "quotes")
CITATION_STYLES = ("footnote", "inline")
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
MAX_ENTRIES = 1000


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    help: str = ""
    required: bool = False
    default: str | None = None
    draft: str | None = None
    """The value `briefs draft` fills in."""
    words: int | None = None
    """Word budget."""


@dataclass(frozen=True)
class SectionSpec:
    name: str
    title: str
    accepts: tuple[str, ...] = KINDS
    min_items: int = 0
    max_items: int | None = None
    words: int | None = None
    help: str = ""
    draft: tuple[str, ...] = ()
    """What `briefs draft` fills the section with, in order (DRAFT_POOLS); empty: what it accepts."""
    per_source: bool = False
    """`max_items` counts per story rather than for the section: a digest gives every article its items."""

    def draft_pools(self) -> tuple[str, ...]:
        if self.draft:
            return self.draft
        pools = {"fact": "facts", "quote": "quotes"}
        return tuple(pools[kind] for kind in self.accepts if kind in pools)


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    title: str
    description: str = ""
    marking: str = "OFFICIAL"
    citation_style: str = "footnote"
    reading_level: float | None = None
    """Target grade level (Flesch-Kincaid)."""
    word_budget: int | None = None
    page_budget: int | None = None
    max_source_age_days: int | None = None
    """Older sources get a freshness warning."""
    fields: tuple[FieldSpec, ...] = ()
    sections: tuple[SectionSpec, ...] = ()
    folder: Path = field(default=Path("."), compare=False)

    @property
    def body_path(self) -> Path:
        return self.folder / BODY_FILE

    def field(self, name: str) -> FieldSpec | None:
        return self._by_name[0].get(name)

    def section(self, name: str) -> SectionSpec | None:
        return self._by_name[1].get(name)

    @cached_property
    def _by_name(self) -> tuple[dict[str, FieldSpec], dict[str, SectionSpec]]:
        # Looked up once per field of a brief by the checks and the editor: a scan per lookup made a
        # template of 50,000 fields take minutes (n lookups of n entries).
        return {f.name: f for f in self.fields}, {s.name: s for s in self.sections}

    def section_names(self) -> list[str]:
        return [s.name for s in self.sections]


class _Reader:
    """Reads one table of template.toml, collecting its keys, and names the first problem it finds."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"{where}: must be a table")
        self.data = data
        self.where = where
        self.seen: set[str] = set()

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> Any:
        self.seen.add(key)
        value = self.data.get(key, default)
        if value is None:
            if required:
                raise ValueError(f"{self._at(key)}: Field required")
            return None
        if not isinstance(value, str):
            raise ValueError(f"{self._at(key)}: must be text in quotes")
        return value

    def number(self, key: str, *, minimum: int | None = None, whole: bool = True) -> Any:
        self.seen.add(key)
        value = self.data.get(key)
        if value is None:
            return None
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise ValueError(f"{self._at(key)}: must be a {'whole ' if whole else ''}number")
        if minimum is not None and value < minimum:
            raise ValueError(f"{self._at(key)}: must be at least {minimum}")
        return value

    def flag(self, key: str) -> bool:
        self.seen.add(key)
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise ValueError(f"{self._at(key)}: must be true or false")
        return value

    def tables(self, key: str) -> list[Any]:
        self.seen.add(key)
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise ValueError(f"{self._at(key)}: must be a list of [[{key}]] tables")
        return value

    def done(self) -> None:
        extra = sorted(set(self.data) - self.seen)
        if extra:
            raise ValueError(f"{self._at(extra[0])}: Extra inputs are not permitted (misspelt?)")


def _identifier(value: str, where: str, what: str) -> str:
    if not _IDENTIFIER.match(value):
        raise ValueError(f"{where}: {what} {value!r} must be lower-case letters, digits and _ (a template variable)")
    return value


def _field(data: Any, where: str) -> FieldSpec:
    r = _Reader(data, where)
    spec = FieldSpec(
        name=_identifier(r.text("name", required=True), f"{where}.name", "field name"),
        label=r.text("label", required=True),
        help=r.text("help", ""),
        required=r.flag("required"),
        default=r.text("default"),
        draft=r.text("draft"),
        words=r.number("words", minimum=1),
    )
    r.done()
    return spec


def _section(data: Any, where: str) -> SectionSpec:
    r = _Reader(data, where)
    r.seen.add("accepts")
    accepts = data.get("accepts", list(KINDS)) if isinstance(data, dict) else []
    if not isinstance(accepts, list) or not all(a in KINDS for a in accepts):
        raise ValueError(f"{where}.accepts: must list some of {', '.join(KINDS)}")
    r.seen.add("draft")
    draft = data.get("draft", [])
    if isinstance(draft, str):
        draft = [draft]
    if not isinstance(draft, list) or not all(d in DRAFT_POOLS for d in draft):
        raise ValueError(f"{where}.draft: must list some of {', '.join(DRAFT_POOLS)}")
    spec = SectionSpec(
        name=_identifier(r.text("name", required=True), f"{where}.name", "section name"),
        title=r.text("title", required=True),
        accepts=tuple(accepts),
        min_items=r.number("min_items", minimum=0) or 0,
        max_items=r.number("max_items", minimum=1),
        words=r.number("words", minimum=1),
        help=r.text("help", ""),
        draft=tuple(draft),
        per_source=r.flag("per_source"),
    )
    r.done()
    return spec


def spec_from_dict(data: dict[str, Any], folder: Path) -> TemplateSpec:
    """Validate a parsed template.toml; ValueError names the entry ("fields.2.words: ...")."""
    r = _Reader(data, "")
    name = r.text("name", required=True)
    if not _NAME.match(name):
        raise ValueError(f"name: template name {name!r} must be lower-case letters, digits, - and _")
    style = r.text("citation_style", "footnote")
    if style not in CITATION_STYLES:
        raise ValueError(f"citation_style: must be one of {', '.join(CITATION_STYLES)}, not {style!r}")
    for table in ("fields", "sections"):
        if len(r.tables(table)) > MAX_ENTRIES:
            raise ValueError(f"{table}: {len(r.tables(table)):,} entries; a template may have at most {MAX_ENTRIES:,}")
    fields = tuple(_field(f, f"fields.{i}") for i, f in enumerate(r.tables("fields")))
    sections = tuple(_section(s, f"sections.{i}") for i, s in enumerate(r.tables("sections")))
    spec = TemplateSpec(
        name=name,
        title=r.text("title", required=True),
        description=r.text("description", ""),
        marking=r.text("marking", "OFFICIAL"),
        citation_style=style,
        reading_level=r.number("reading_level", whole=False),
        word_budget=r.number("word_budget", minimum=1),
        page_budget=r.number("page_budget", minimum=1),
        max_source_age_days=r.number("max_source_age_days", minimum=1),
        fields=fields,
        sections=sections,
        folder=folder,
    )
    r.done()
    for what, names in (("field", [f.name for f in fields]), ("section", [s.name for s in sections])):
        seen: set[str] = set()
        for item in names:
            if item in seen:
                raise ValueError(f"{what} {item!r} is defined twice; give each {what} one entry")
            seen.add(item)
    return spec


def load_spec(folder: str | os.PathLike[str]) -> TemplateSpec:
    """Read and validate one template folder; errors name the file and what to fix."""
    import tomllib

    from briefs.templates.paths import read_template_file, resolve_inside

    folder = Path(folder).expanduser()
    toml_path = folder / SPEC_FILE
    if not (folder / SPEC_FILE).exists():
        raise TemplateError(f"{folder} is not a template folder: it has no {SPEC_FILE}")
    text, _ = read_template_file(folder, SPEC_FILE)
    # Counted before parsing: tomllib takes seconds over 50,000 tables, and a template with more than a
    # few dozen fields is not one anyone fills in.
    for table in ("fields", "sections"):
        found = len(re.findall(rf"(?m)^\s*\[\[\s*{table}\s*\]\]", text))
        if found > MAX_ENTRIES:
            raise TemplateError(f"{toml_path} has {found:,} {table}; a template may have at most {MAX_ENTRIES:,}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{toml_path} is not valid TOML ({exc}); fix the file") from None
    except RecursionError:
        raise TemplateError(f"{toml_path} nests too deeply to be a template; fix the file") from None
    try:
        spec = spec_from_dict(data, folder)
    except ValueError as exc:
        raise TemplateError(f"{toml_path}: {exc}") from None
    if not spec.body_path.exists():
        raise TemplateError(f"template {spec.name} in {folder} has no {BODY_FILE}; add the Jinja2 body")
    body = resolve_inside(folder, BODY_FILE)  # a body that is a link out of the folder is refused here
    if not body.is_file():
        raise TemplateError(f"{spec.body_path} is not a file; make it the template's Jinja2 body")
    return spec
