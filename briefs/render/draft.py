"""`briefs draft`: a first draft of a brief from suggested quotes and facts, in one step.

The strongest attributed quotes and the best-ranked facts become snippets on the desk (their text is the
source's text at their offsets, which the desk verifies), are placed in the template's sections by the
kinds each section accepts, and the brief is created with sensible field values and a DRAFT label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from briefs.desk.base import Desk
from briefs.errors import InputError
from briefs.model import Brief, Section, Snippet, SnippetKind, Source
from briefs.render.environment import long_date
from briefs.render.spec import TemplateSpec

# A fact that opens with a pronoun reads wrongly out of its paragraph ("He added that ...").
_DANGLING = re.compile(r"^(he|she|they|it|this|that|these|those|his|her|their)\b", re.IGNORECASE)
_DEFAULT_MAX = 4


def _usable_quote(quote: Any) -> bool:
    speaker = (quote.speaker or "").strip()
    text = quote.text.strip()
    # A name, not a description ("a capability the report"): it starts with a capital letter.
    return bool(speaker) and speaker[0].isupper() and len(text) >= 40 and text[-1] in ".?!"


def suggestions(source: Source) -> tuple[list[Snippet], list[Snippet]]:
    """(quotes, facts) worth drafting with, strongest first, as unsaved snippets of `source`."""
    try:
        from briefs.extract import analyse
    except ImportError as exc:  # the suggestions engine is a separate part of Briefs
        raise InputError(f"briefs draft needs the suggestions engine (briefs.extract): {exc}") from None
    analysis = analyse(source.text)
    quotes = sorted((q for q in analysis.quotes if _usable_quote(q)), key=lambda q: -q.score)
    quote_snips = [
        Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=q.start, end=q.end,
                text=source.text[q.start:q.end], speaker=q.speaker.strip(), origin="suggested")
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
    fields: dict[str, str] | None = None,
    now: datetime | None = None,
) -> Brief:
    """Create the brief on the desk (snippets first), filled from the sources' suggestions."""
    if not sources:
        raise InputError("briefs draft needs at least one source")
    now = now or datetime.now(UTC)
    per_source = [suggestions(s) for s in sources]
    quotes = _interleave([q for q, _ in per_source])
    facts = _interleave([f for _, f in per_source])
    plan = plan_sections(spec, quotes, facts)
    saved: dict[tuple[int, int, int, str], int] = {}
    brief_sections: list[Section] = []
    for name, snippets in plan.items():
        ids = []
        for snip in snippets:
            key = (snip.source_id, snip.start, snip.end, snip.kind.value)
            if key not in saved:
                saved[key] = desk.add_snippet(snip).id or 0
            ids.append(saved[key])
        if ids:
            brief_sections.append(Section(name=name, snippet_ids=ids))
    values: dict[str, str] = {}
    for spec_field in spec.fields:
        if spec_field.draft:
            values[spec_field.name] = spec_field.draft
    if spec.field("date"):
        values["date"] = long_date(now)
    if spec.field("status"):
        values["status"] = "DRAFT for review (drafted with Briefs from suggested quotes and facts)"
    if spec.field("subject"):
        values["subject"] = title or sources[0].display_title
    values.update(fields or {})
    brief = Brief(
        template=spec.name,
        title=title or sources[0].display_title,
        fields=values,
        sections=brief_sections,
        marking=spec.marking,
    )
    return desk.create_brief(brief)
