"""Drafting: a first draft of a brief from the sources' suggested quotes and facts, in one step.

The strongest attributed quotes and the best-ranked facts become snippets on the desk (their text is the
source's text at their offsets, which the desk verifies), are placed in the template's sections by the
kinds each section accepts, and the brief is created with sensible field values and a DRAFT label. A
passage already picked from the same source is reused, not picked again.
"""

from __future__ import annotations

import os
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

# A quote worth printing on its own: attributed, and long enough to say something (a woven fragment such
# as "baffling" belongs to the reporter's sentence, not to a "What they said" list).
_MIN_QUOTE_WORDS = 4
# At most two quotes per speaker: a brief should hear more than one voice.
_PER_SPEAKER = 2
_DEFAULT_MAX = 4


@dataclass
class Picks:
    """What one article offers a draft, strongest first, as unsaved snippets of its source."""

    source: Source
    lede: Snippet | None
    facts: list[Snippet]
    ahead: list[Snippet]
    quotes: list[Snippet]

    def pool(self, name: str) -> list[Snippet]:
        if name == "lede":
            return [self.lede] if self.lede is not None else self.facts[:1]
        return {"facts": self.facts, "ahead": self.ahead, "quotes": self.quotes}[name]


def _eligible(quote: object) -> bool:
    speaker = (getattr(quote, "speaker", None) or "").strip()
    return bool(speaker) and len(getattr(quote, "text", "").split()) >= _MIN_QUOTE_WORDS


def picks(source: Source) -> Picks:
    """The lede, the facts that stand alone and the attributed quotes of one article."""
    from briefs.drafting.facts import looks_ahead, reads_alone
    from briefs.drafting.lede import lede
    from briefs.extract import analyse
    from briefs.extract.boilerplate import opens_on_connective, without_lead_in

    text = source.text
    analysis = analyse(text)
    found = lede(text, title=source.meta.title)
    lede_snip = None
    if found is not None:
        lede_snip = Snippet(source_id=source.id, kind=SnippetKind.FACT, start=found[0], end=found[1],
                            text=text[found[0]:found[1]], origin="suggested")
    facts: list[Snippet] = []
    for fact in analysis.facts:
        start = without_lead_in(text, fact.start, fact.end)
        if lede_snip is not None and start < lede_snip.end and fact.end > lede_snip.start:
            continue  # the lede itself, or a sentence overlapping it
        sentence = text[start:fact.end]
        if not reads_alone(sentence, text, start):
            continue
        facts.append(Snippet(source_id=source.id, kind=SnippetKind.FACT, start=start, end=fact.end,
                             text=sentence, origin="suggested"))
    # Strongest first, whole sentences before fragments, a named speaker before a description ("the
    # report"); a quote that opens on "But" or "And" answers something the reader has not heard.
    quotes = sorted((q for q in analysis.quotes if _eligible(q)),
                    key=lambda q: (opens_on_connective(q.text), not q.text[:1].isupper(),
                                   not (q.speaker or " ")[0].isupper(), -q.score, -len(q.text.split())))
    quote_snips = [
        Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=q.start, end=q.end, text=text[q.start:q.end],
                speaker=(q.speaker or "").strip(), origin="suggested")
        for q in quotes
    ]
    return Picks(source, lede_snip, facts, [f for f in facts if looks_ahead(f.text)], quote_snips)


def _stories(all_picks: list[Picks]) -> list[list[Picks]]:
    from briefs.drafting.stories import group_stories

    return [[all_picks[i] for i in group] for group in group_stories([p.source.text for p in all_picks])]


class _Planner:
    """Hands out snippets to sections, each used once, with a limit on quotes per speaker."""

    def __init__(self) -> None:
        self.used: set[tuple[int, str, int, int]] = set()
        self.speakers: dict[str, int] = {}

    def take(self, pool: list[Snippet], want: int, chosen: list[Snippet]) -> None:
        for snip in pool:
            if want <= 0:
                return
            key = (snip.source_id, snip.kind.value, snip.start, snip.end)
            if key in self.used:
                continue
            if snip.kind is SnippetKind.QUOTE:
                speaker = (snip.speaker or "").casefold()
                if self.speakers.get(speaker, 0) >= _PER_SPEAKER:
                    continue
                self.speakers[speaker] = self.speakers.get(speaker, 0) + 1
            self.used.add(key)
            chosen.append(snip)
            want -= 1


def _corroborating(story: list[Picks], snip: Snippet) -> list[Snippet]:
    """The same fact as told by the story's other outlets: placed beside it and printed once, cited to all."""
    from briefs.drafting.facts import same_fact

    if snip.kind is not SnippetKind.FACT:
        return []
    found = []
    for other in story:
        if other.source.id == snip.source_id:
            continue
        for candidate in ([other.lede] if other.lede else []) + other.facts:
            if same_fact(snip.text, candidate.text):
                found.append(candidate)
                break
    return found


def plan_sections(spec: TemplateSpec, stories: list[list[Picks]]) -> dict[str, list[Snippet]]:
    """Fill the template's sections, in the order they appear, from each story's pools.

    A `per_source` section gives every story its items (a digest covers every article); any other section
    takes from the stories in turn, so one article does not crowd out the rest. A story told by several
    outlets puts the other outlets' version of a fact beside it (printed once, cited to each), and in a
    lede section each other outlet's lede too ("also reported by").
    """
    planner = _Planner()
    plan: dict[str, list[Snippet]] = {}
    for section in spec.sections:
        limit = section.max_items or _DEFAULT_MAX
        chosen: list[Snippet] = []
        pools = section.draft_pools()
        if section.per_source:
            for story in stories:
                lead = story[0]
                mine: list[Snippet] = []
                for name in pools:
                    planner.take(lead.pool(name), limit - len(mine), mine)
                    if name == "lede":
                        for other in story[1:]:
                            planner.take(other.pool("lede"), 1, mine)
                chosen.extend(mine)
        else:
            # Each story's lead article first, then the others', in turn across stories.
            members = [story[i] for i in range(max(map(len, stories), default=0)) for story in stories
                       if i < len(story)]
            for name in pools:
                # A story has one lede, its lead article's: other outlets' ledes would say it again.
                takers = [story[0] for story in stories] if name == "lede" else members
                depth = max((len(p.pool(name)) for p in takers), default=0)
                for index in range(depth):
                    for member in takers:
                        pool = member.pool(name)
                        if index < len(pool) and len(chosen) < limit:
                            planner.take([pool[index]], 1, chosen)
        groups: list[list[Snippet]] = []
        for snip in chosen:
            group = [snip]
            if not section.per_source:
                story = next((s for s in stories if any(p.source.id == snip.source_id for p in s)), [])
                for twin in _corroborating(story, snip):
                    key = (twin.source_id, twin.kind.value, twin.start, twin.end)
                    if key not in planner.used:
                        planner.used.add(key)
                        group.append(twin)
            groups.append(group)
        if "lede" not in pools:
            # A section reads as the stories tell them: story by story, each article in its own order (a
            # fact's twins from other outlets stay right after it). Lede sections keep the lede first.
            rank = {p.source.id: (i, j) for i, story in enumerate(stories) for j, p in enumerate(story)}
            groups.sort(key=lambda g: (*rank.get(g[0].source_id, (0, 0)), g[0].start))
        plan[section.name] = [snip for group in groups for snip in group]
    return plan


def default_title(spec: TemplateSpec, stories: list[list[Picks]]) -> str:
    """A digest is named for the dates it covers and what its stories are about; a brief for its story."""
    from briefs.drafting.digest import date_range, topic

    leads = [story[0].source for story in stories]
    if any(s.per_source for s in spec.sections) and (len(leads) > 1 or len(stories[0]) > 1):
        dates = date_range([p.source.meta.published for story in stories for p in story])
        about = topic([s.meta.title or _lede_words(story[0]) for s, story in zip(leads, stories, strict=True)],
                      [s.text[:2000] for s in leads])
        return f"{spec.title}, {dates}: {about}" if dates else f"{spec.title}: {about}"
    first = stories[0][0]
    return first.source.meta.title or _lede_words(first)


def _lede_words(picked: Picks, words: int = 12) -> str:
    """A title for an untitled article: the opening words of its lede."""
    text = (picked.lede or (picked.facts[0] if picked.facts else None))
    if text is None:
        return "Untitled article"
    parts = text.text.split()
    return " ".join(parts[:words]).rstrip(",;:") + ("…" if len(parts) > words else "")


def draft_brief(
    desk: Desk,
    sources: Sequence[Source],
    spec: TemplateSpec,
    *,
    title: str | None = None,
    fields: Mapping[str, str] | None = None,
    marking: str | None = None,
) -> Brief:
    """Create the brief on the desk (snippets first), filled from the sources' ledes, facts and quotes."""
    if not sources:
        raise InputError("briefs draft needs at least one source")
    unknown = [name for name in (fields or {}) if spec.field(name) is None]
    if unknown:
        known = ", ".join(f.name for f in spec.fields)
        raise InputError(f"template {spec.name} has no field {unknown[0]!r}; its fields are: {known}")
    stories = _stories([picks(s) for s in sources])
    plan = plan_sections(spec, stories)
    title = title or default_title(spec, stories)
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
            values["subject"] = title
        values.update(fields or {})
        return desk.create_brief(Brief(
            template=spec.name, title=title, fields=values, sections=tuple(brief_sections),
            marking=marking or spec.marking,
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
    overwrite: bool = False,
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
                            allow_unverified=allow_unverified, overwrite=overwrite)
    return Drafted(brief, tuple(sources), published)
