"""Everything the checks read about one brief, fetched from the desk once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefs.desk.base import Desk
from briefs.model import Brief, Snippet, Source
from briefs.templates.spec import TemplateSpec


@dataclass
class CheckContext:
    desk: Desk
    brief: Brief
    spec: TemplateSpec | None
    today: date
    snippets: dict[int, Snippet] = field(default_factory=dict)
    sources: dict[int, Source] = field(default_factory=dict)
    placed: list[tuple[str, int]] = field(default_factory=list)
    """(section name, snippet id) for every item in the brief, in order (an id may repeat)."""

    @classmethod
    def load(
        cls,
        desk: Desk,
        brief: Brief,
        spec: TemplateSpec | None,
        today: date,
        snippets: dict[int, Snippet] | None = None,
        sources: dict[int, Source] | None = None,
    ) -> CheckContext:
        """Fetch what `brief` cites; a brief read from a YAML file brings its own snippets and sources."""
        placed = [(section.name, sid) for section in brief.sections for sid in section.snippet_ids]
        if snippets is None:
            snippets = desk.get_snippets({sid for _, sid in placed})
        wanted = {s.source_id for s in snippets.values()}
        if sources is None:
            sources = desk.get_sources(wanted)
        elif not wanted <= sources.keys():
            sources = {**desk.get_sources(wanted - sources.keys()), **sources}
        return cls(desk, brief, spec, today, snippets, sources, placed)

    def items(self) -> list[Snippet]:
        """Each snippet in the brief once, in the order it first appears."""
        seen: dict[int, Snippet] = {}
        for _, sid in self.placed:
            if sid in self.snippets and sid not in seen:
                seen[sid] = self.snippets[sid]
        return list(seen.values())
