"""The parts of a template the checks need: budgets, reading-level target and source age.

`CheckSpec` is read from the templates' TemplateSpec (briefs.render.spec) when given one, or built
directly (tests, other callers). Keeping this small view lets the checks run on a brief whose template is
missing: budgets are then skipped and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CheckSpec:
    name: str | None = None
    field_budgets: dict[str, int] = field(default_factory=dict)
    """Word budget per brief field."""
    field_labels: dict[str, str] = field(default_factory=dict)
    required_fields: tuple[str, ...] = ()
    section_budgets: dict[str, int] = field(default_factory=dict)
    """Word budget per section (the words of its items)."""
    section_titles: dict[str, str] = field(default_factory=dict)
    section_max_items: dict[str, int] = field(default_factory=dict)
    word_budget: int | None = None
    page_budget: float | None = None
    reading_level: float | None = None
    """Target Flesch-Kincaid grade: above it the report advises shorter sentences and words."""
    max_source_age_days: int | None = None


def as_check_spec(spec: Any) -> CheckSpec | None:
    """A CheckSpec from a CheckSpec, a TemplateSpec (or anything shaped like one), or a parsed
    template.toml mapping; None stays None."""
    if spec is None or isinstance(spec, CheckSpec):
        return spec

    def get(name: str) -> Any:
        return _get(spec, name)

    fields = list(get("fields") or [])
    sections = list(get("sections") or [])
    return CheckSpec(
        name=get("name"),
        field_budgets={_get(f, "name"): _get(f, "words") for f in fields if _get(f, "words")},
        field_labels={_get(f, "name"): _get(f, "label") or _get(f, "name") for f in fields},
        required_fields=tuple(_get(f, "name") for f in fields if _get(f, "required")),
        section_budgets={_get(s, "name"): _get(s, "words") for s in sections if _get(s, "words")},
        section_titles={_get(s, "name"): _get(s, "title") or _get(s, "name") for s in sections},
        section_max_items={_get(s, "name"): _get(s, "max_items") for s in sections if _get(s, "max_items")},
        word_budget=get("word_budget"),
        page_budget=get("page_budget"),
        reading_level=get("reading_level"),
        max_source_age_days=get("max_source_age_days"),
    )


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)
