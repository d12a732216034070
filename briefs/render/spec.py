"""Brief templates: what a template folder holds (TemplateSpec) and where templates are found.

A template is a folder with `template.toml` (name, fields, sections, budgets, marking, citation style)
and `body.md.j2` (Jinja2 producing Markdown). Shipped templates travel in the wheel as
`briefs/_templates`; an editable install reads the repository's `templates/` folder instead. User folders
(`--templates DIR`, and `templates = [...]` in the config file) come last, so an organisation's template
of the same name replaces the shipped one.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefs.errors import TemplateError

SPEC_FILE = "template.toml"
BODY_FILE = "body.md.j2"
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_FIELD = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")


class FieldSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    label: str
    help: str = ""
    required: bool = False
    default: str | None = None
    draft: str | None = Field(default=None, description="the value `briefs draft` fills in")
    words: int | None = Field(default=None, ge=1, description="word budget")

    @field_validator("name")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not _FIELD.match(value):
            raise ValueError(f"field name {value!r} must be lower-case letters, digits and _ (a template variable)")
        return value


class SectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    accepts: list[Literal["quote", "fact", "note"]] = Field(default_factory=lambda: ["quote", "fact", "note"])
    min_items: int = Field(default=0, ge=0)
    max_items: int | None = Field(default=None, ge=1)
    words: int | None = Field(default=None, ge=1)
    help: str = ""

    @field_validator("name")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not _FIELD.match(value):
            raise ValueError(f"section name {value!r} must be lower-case letters, digits and _")
        return value


class TemplateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    description: str = ""
    marking: str = "OFFICIAL"
    citation_style: Literal["footnote", "inline"] = "footnote"
    reading_level: float | None = Field(default=None, description="target grade level (Flesch-Kincaid)")
    word_budget: int | None = Field(default=None, ge=1)
    page_budget: int | None = Field(default=None, ge=1)
    max_source_age_days: int | None = Field(default=None, ge=1, description="older sources get a freshness warning")
    fields: list[FieldSpec] = Field(default_factory=list)
    sections: list[SectionSpec] = Field(default_factory=list)
    folder: Path = Field(default=Path("."), exclude=True)

    @field_validator("name")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"template name {value!r} must be lower-case letters, digits, - and _")
        return value

    @property
    def body_path(self) -> Path:
        return self.folder / BODY_FILE

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def section(self, name: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.name == name), None)


def load_spec(folder: str | os.PathLike[str]) -> TemplateSpec:
    """Read and validate one template folder; errors name the file and what to fix."""
    folder = Path(folder).expanduser()
    toml_path = folder / SPEC_FILE
    if not toml_path.is_file():
        raise TemplateError(f"{folder} is not a template folder: it has no {SPEC_FILE}")
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read {toml_path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{toml_path} is not valid TOML ({exc}); fix the file") from None
    try:
        spec = TemplateSpec.model_validate({**data, "folder": folder})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TemplateError(f"{toml_path}: {where}: {first['msg']}") from None
    names = [f.name for f in spec.fields]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise TemplateError(f"{toml_path}: field {dupes[0]!r} is defined twice; give each field one entry")
    if not spec.body_path.is_file():
        raise TemplateError(f"template {spec.name} in {folder} has no {BODY_FILE}; add the Jinja2 body")
    return spec


# ---------------------------------------------------------------------------------------- discovery
def shipped_dirs() -> list[Path]:
    """The shipped templates: inside the installed package first, else the repository's `templates/`."""
    package = Path(__file__).resolve().parents[1] / "_templates"
    if package.is_dir():
        return [package]
    repo = Path(__file__).resolve().parents[2] / "templates"
    return [repo] if repo.is_dir() else []


def config_dirs() -> list[Path]:
    """Folders named by `templates = [...]` in the config file (relative paths are relative to it)."""
    from briefs.paths import config_file

    path = config_file()
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"cannot read the config file {path} ({exc}); fix or remove it") from None
    entries = data.get("templates", [])
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise TemplateError(f"{path}: templates must be a list of folder paths, like templates = [\"~/briefs\"]")
    return [(path.parent / Path(e).expanduser()) for e in entries]


class TemplateSet:
    """Every template visible from the shipped, config and `--templates` folders, by name."""

    def __init__(self, extra_dirs: Sequence[str | os.PathLike[str]] = (), *, use_config: bool = True) -> None:
        self.dirs: list[Path] = [*shipped_dirs(), *(config_dirs() if use_config else []),
                                 *(Path(d).expanduser() for d in extra_dirs)]
        self._specs: dict[str, TemplateSpec] | None = None
        self.problems: list[str] = []

    def _scan(self) -> dict[str, TemplateSpec]:
        if self._specs is not None:
            return self._specs
        specs: dict[str, TemplateSpec] = {}
        for base in self.dirs:
            if not base.is_dir():
                self.problems.append(f"template folder {base} does not exist")
                continue
            for folder in _template_folders(base):
                try:
                    spec = load_spec(folder)
                except TemplateError as exc:
                    self.problems.append(str(exc))
                    continue
                specs[spec.name] = spec  # later folders (the user's) replace earlier ones
        self._specs = specs
        return specs

    def names(self) -> list[str]:
        return sorted(self._scan())

    def all(self) -> list[TemplateSpec]:
        return [self._scan()[n] for n in self.names()]

    def get(self, name: str) -> TemplateSpec:
        specs = self._scan()
        if name in specs:
            return specs[name]
        path = Path(name).expanduser()
        if (path / SPEC_FILE).is_file():
            return load_spec(path)
        known = ", ".join(self.names()) or "none found"
        raise TemplateError(f"no template called {name!r}; available: {known} (list them with `briefs templates`)")


def _template_folders(base: Path) -> Iterable[Path]:
    # A folder given directly may itself be a template; otherwise each subfolder with a template.toml is.
    if (base / SPEC_FILE).is_file():
        yield base
        return
    for child in sorted(base.iterdir()):
        if child.is_dir() and (child / SPEC_FILE).is_file():
            yield child
