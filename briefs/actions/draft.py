"""Drafting: a first draft of a brief from the sources' suggested quotes and facts, in one step.

The strongest attributed quotes and the best-ranked facts become snippets on the desk (their text is the
source's text at their offsets, which the desk verifies), are placed in the template's sections by the
kinds each section accepts, and the brief is created with sensible field values and a DRAFT label. A
passage already picked from the same source is reused, not picked again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefs.actions.snippets import picked
from briefs.dates import long_date
from briefs.errors import InputError
from briefs.labels import DRAFT_STATUS
from briefs.model import Brief, NewSource, Section, Snippet, SnippetKind, Source

if TYPE_CHECKING:
    from briefs.actions.publish import Published
    from briefs.desk.base import Desk
    from briefs.templates.discovery import TemplateSet
    from briefs.templates.spec import TemplateSpec

# A fact that opens with a pronoun reads wrongly out of its paragraph ("He added that ...").
_DANGLING = re.compile(r"^(he|she|they|it|this|that|these|those|his|her|their)\b", re.IGNORECASE)
_DEFAULT_MAX = 4


def _usable_quote(quote: object) -> bool:
    speaker = (getattr(quote, "speaker", None) or "").strip()
    text = getattr(quote, "text", "").strip()
    # A name, not a description ("a capability the report"): it starts with a capital letter.
    return bool(speaker) and speaker[0].isupper() and len(text) >= 40 and text[-1] in ".?!"


def suggestions(source: Source) -> tuple[list[Snippet], list[Snippet]]:
    """(quotes, facts) worth drafting with, strongest first, as unsaved snippets of `source`."""
    from briefs.extract import analyse

    analysis = analyse(source.text)
    quotes = sorted((q for q in analysis.quotes if _usable_quote(q)), key=lambda q: -q.score)
    quote_snips = [
        Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=q.start, end=q.end,
                text=source.text[q.start:q.end], speaker=(q.speaker or "").strip(), origin="suggested")
        for q in quotes
    ]
    fact_snips = [
        Snippet(source_id=source.id, kind=SnippetKind.FACT, start=f.start, end=f.end,
                text=source.text[f.start:f.end], origin="suggested")
        for f in analysis.facts
        if not _DANGLING.match(f.text.strip())
    ]
    return quote_snips, fact_snips


def _interleave(lists: Sequence[list[Snippet]]) -> list[Snippet]:
    # Several sources: take the best of each in turn so one article does not crowd out the rest.
    out: list[Snippet] = []
    for index in range(max((len(x) for x in lists), default=0)):
        out.extend(x[index] for x in lists if index < len(x))
    return out


def plan_sections(spec: TemplateSpec, quotes: list[Snippet], facts: list[Snippet]) -> dict[str, list[Snippet]]:
    """Place quotes and facts into the template's sections, each used once, in the order sections appear."""
    pools = {"quote": list(quotes), "fact": list(facts)}
    seen_speakers: dict[str, int] = {}
    plan: dict[str, list[Snippet]] = {}
    for section in spec.sections:
        limit = section.max_items or _DEFAULT_MAX
        chosen: list[Snippet] = []
        for kind in section.accepts:
            pool = pools.get(kind, [])
            while pool and len(chosen) < limit:
                snip = pool.pop(0)
                if kind == "quote":
                    # At most two quotes per speaker: a brief should hear more than one voice.
                    count = seen_speakers.get(snip.speaker or "", 0)
                    if count >= 2:
                        continue
                    seen_speakers[snip.speaker or ""] = count + 1
                chosen.append(snip)
        # Keep reading order inside a section: a brief follows the story.
        chosen.sort(key=lambda s: (s.source_id, s.start))
        plan[section.name] = chosen
    return plan


def draft_brief(
    desk: Desk,
    sources: Sequence[Source],
    spec: TemplateSpec,
    *,
    title: str | None = None,
    fields: Mapping[str, str] | None = None,
    marking: str | None = None,
) -> Brief:
    """Create the brief on the desk (snippets first), filled from the sources' suggestions."""
    if not sources:
        raise InputError("briefs draft needs at least one source")
    unknown = [name for name in (fields or {}) if spec.field(name) is None]
    if unknown:
        known = ", ".join(f.name for f in spec.fields)
        raise InputError(f"template {spec.name} has no field {unknown[0]!r}; its fields are: {known}")
    per_source = [suggestions(s) for s in sources]
    plan = plan_sections(spec, _interleave([q for q, _ in per_source]), _interleave([f for _, f in per_source]))
    with desk.transaction():
        brief_sections = []
        for section in spec.sections:
            ids: list[int] = []
            for snip in plan.get(section.name, []):
                saved = picked(desk, snip) or desk.add_snippet(snip)
                if saved.id is not None and saved.id not in ids:
                    ids.append(saved.id)
            brief_sections.append(Section(name=section.name, snippet_ids=ids))
        values = {f.name: f.draft for f in spec.fields if f.draft}
        if spec.field("date"):
            values["date"] = long_date(desk.clock.now())
        if spec.field("status"):
            values["status"] = DRAFT_STATUS
        if spec.field("subject"):
            values["subject"] = title or sources[0].display_title
        values.update(fields or {})
        return desk.create_brief(Brief(
            template=spec.name, title=title or sources[0].display_title, fields=values,
            sections=tuple(brief_sections), marking=marking or spec.marking,
        ))


@dataclass(frozen=True)
class Drafted:
    brief: Brief
    sources: tuple[Source, ...]
    published: Published


def draft_and_publish(
    desk: Desk,
    targets: Sequence[Source | NewSource],
    templates: TemplateSet,
    template: str,
    *,
    title: str | None = None,
    fields: Mapping[str, str] | None = None,
    marking: str | None = None,
    fmt: str = "docx",
    out_for: Callable[[str], str | os.PathLike[str] | None] | None = None,
    reference: str | os.PathLike[str] | None = None,
    allow_unverified: bool = False,
) -> Drafted:
    """Put the sources on the desk, draft the brief and export it, all or nothing: an export that fails
    (a folder that does not exist, a quote that fails its check) leaves the desk as it was.

    `targets` are sources already on the desk or freshly loaded ones (fetched before this is called, so
    no network wait holds the desk). `out_for(title)` picks the file once the brief's title is known.
    """
    from briefs.actions.publish import publish
    from briefs.actions.sources import add_source

    spec = templates.get(template)
    with desk.transaction():
        sources = []
        for target in targets:
            if isinstance(target, NewSource):
                target = desk.get_source(add_source(desk, target).source.id)
            sources.append(target)
        brief = draft_brief(desk, sources, spec, title=title, fields=fields, marking=marking)
        path = out_for(brief.title) if out_for is not None else None
        published = publish(desk, brief, templates, fmt=fmt, out=path, reference=reference,
                            allow_unverified=allow_unverified)
    return Drafted(brief, tuple(sources), published)
