"""Render a brief: its template's Markdown body and front values, then the bytes of each format.

`render_brief` is what the app previews and what every export is made from; `to_bytes` turns it into a
.md, .docx or .pdf file's contents. Writing the file, and the checks before it, are the publish action's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefs.desk.base import Desk
from briefs.errors import InputError
from briefs.labels import UNVERIFIED_QUOTE
from briefs.model import Brief, Snippet, Source
from briefs.render.context import build_context, footnote_definitions
from briefs.templates.sandbox import render_template
from briefs.templates.spec import BODY_FILE, TemplateSpec

if TYPE_CHECKING:
    from briefs.sources.provenance import Provenance

FORMATS = ("docx", "md", "pdf")


@dataclass(frozen=True)
class Rendered:
    body: str
    """The Markdown body (with its footnote definitions), as the preview shows it and the writer reads it."""
    front: dict[str, str]
    """Title, subtitle, author, subject, keywords, marking and date: the document's properties."""
    spec: TemplateSpec
    context: Mapping[str, Any] = field(repr=False)
    warnings: tuple[str, ...] = ()

    @property
    def markdown(self) -> str:
        """The .md file: a YAML front matter block (as pandoc reads it), then the body."""
        return front_matter_text(self.front) + self.body


def render_brief(
    desk: Desk,
    brief: Brief,
    spec: TemplateSpec,
    *,
    now: datetime,
    marking: str | None = None,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
    unverified: Mapping[int, str] | None = None,
) -> Rendered:
    """The brief through its template. `unverified` maps quotes that failed their verbatim check (exported
    anyway, at the user's word) to the note that must stand beside them."""
    context = build_context(desk, brief, spec, marking=marking, snippets=snippets, sources=sources, now=now,
                            unverified=unverified)
    body = render_template(spec.folder, BODY_FILE, context).strip("\n") + "\n"
    flagged = [i for i in context["items"] if i.flag]
    if flagged:
        # The mark is the exporter's, not the template's: whatever the template printed (or left out), the
        # document opens with it. The template saw read-only data and rendered apart from this process,
        # so nothing it did can have changed `flagged`.
        refs = ", ".join(dict.fromkeys(i.ref for i in flagged))
        body = f"**\\[{UNVERIFIED_QUOTE}: {refs} failed the verbatim check against their sources\\]**\n\n" + body
    notes = footnote_definitions(context)
    if notes:
        body = _short_repeats(_one_note_per_block(body)) + "\n" + notes
    return Rendered(body, front_values(context, now), spec, context, tuple(context["warnings"]))


_NOTE_REF = re.compile(r"(?<!\\)\[\^(s\d+)\]")


_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||>)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _one_note_per_block(body: str) -> str:
    """A paragraph, list item or table row cites each source once: later notes to the same source in that
    block are dropped (seven identical notes on one bullet help no reader)."""
    out: list[str] = []
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        if match.group(1) in seen:
            return ""
        seen.add(match.group(1))
        return match.group(0)

    for line in body.split("\n"):
        if not line.strip() or _BLOCK_START.match(line):
            seen.clear()
        out.append(_NOTE_REF.sub(keep_first, line))
    return "\n".join(_one_note_per_run(out))


def _one_note_per_run(lines: list[str]) -> list[str]:
    """A run of list items that all cite the one same source carries its note once, on the last item:
    five bullets from one article need one note, not five identical ones."""
    out = list(lines)
    run: list[int] = []

    def close() -> None:
        sources = [set(_NOTE_REF.findall(out[i])) for i in run]
        if len(run) > 1 and all(len(s) == 1 for s in sources) and len(set.union(*sources)) == 1:
            for i in run[:-1]:
                out[i] = _NOTE_REF.sub("", out[i])
        run.clear()

    for index, line in enumerate(lines):
        if _LIST_ITEM.match(line):
            run.append(index)
        else:
            close()
    close()
    return out


def _short_repeats(body: str) -> str:
    """Cite each source in full in its first footnote and in short form after that (Chicago style)."""
    seen: set[str] = set()

    def swap(match: re.Match[str]) -> str:
        label = match.group(1)
        if label in seen:
            return f"[^{label}-short]"
        seen.add(label)
        return match.group(0)

    return _NOTE_REF.sub(swap, body)


_ANY_NOTE_REFS = re.compile(r"(?:(?<!\\)\[\^(?:s\d+(?:-short)?)\](?!:))+")
_ONE_NOTE_REF = re.compile(r"\[\^(s\d+(?:-short)?)\]")
_NOTE_DEFINITION = re.compile(r"^\[\^(s\d+(?:-short)?)\]:[ \t]*(.*)$\n?", re.MULTILINE)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def preview_markdown(rendered: Rendered) -> str:
    """The brief as a Markdown view without footnotes (the app's preview) shows it, as the .docx reads.

    The document's title and subtitle come first. Each note reference becomes the number Word gives its
    footnote: the .docx writer makes one footnote per reference, numbered in the order they come, so a short
    repeat has its own number; side by side they are kept apart by a comma. The notes follow under a rule,
    as at the foot of Word's pages."""
    from briefs.templates.sandbox import md_escape

    definitions = {m.group(1): m.group(2).strip() for m in _NOTE_DEFINITION.finditer(rendered.body)}
    body = _NOTE_DEFINITION.sub("", rendered.body).rstrip()
    notes: list[str] = []

    def numbered(run: re.Match[str]) -> str:
        numbers = []
        for ref in _ONE_NOTE_REF.finditer(run.group(0)):
            notes.append(definitions.get(ref.group(1), ""))
            numbers.append(str(len(notes)).translate(_SUPERSCRIPT))
        return ",".join(numbers)

    body = _ANY_NOTE_REFS.sub(numbered, body)
    head = [f"# {md_escape(rendered.front.get('title') or '')}"]
    if rendered.front.get("subtitle"):
        head.append(f"*{md_escape(rendered.front['subtitle'])}*")
    text = "\n\n".join(head) + "\n\n" + body + "\n"
    if notes:
        text += "\n---\n\n" + "".join(f"{n}. {note}\n" for n, note in enumerate(notes, 1))
    return text


def front_values(context: Mapping[str, Any], now: datetime) -> dict[str, str]:
    """Title, subtitle, author, subject, keywords, marking and date of the brief, for the front matter."""
    fields = context["fields"]
    return {
        "title": context["title"],
        "subtitle": context["template"]["title"],
        "author": fields.get("from") or fields.get("prepared_by") or "",
        "subject": fields.get("subject") or context["title"],
        "keywords": ", ".join(dict.fromkeys(s.short for s in context["sources"])),
        "marking": context["marking"],
        "date": now.replace(microsecond=0).isoformat(),
    }


def front_matter_text(values: Mapping[str, str]) -> str:
    # JSON strings are valid YAML scalars, and json.dumps quotes every character that YAML would not take.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def to_bytes(rendered: Rendered, fmt: str, *, reference: str | Path | None = None,
             provenance: Provenance | None = None) -> bytes:
    """The contents of the `fmt` file (md, docx or pdf) for a rendered brief. A .docx carries `provenance`
    (a custom XML part and a bookmark around each quote; briefs/render/provenance.py) when given."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "md":
        return rendered.markdown.encode("utf-8")
    from briefs.render.docx_writer import DocMeta, markdown_to_docx

    finish = None
    if provenance is not None and fmt == "docx":
        from briefs.render.provenance import stamp

        def finish(document: Any) -> None:
            stamp(document, provenance)

    # The writer gets the front values as they are, instead of parsing YAML text back.
    data = markdown_to_docx(rendered.body, reference=Path(reference) if reference else None,
                            meta=DocMeta.from_mapping(rendered.front), finish=finish)
    if fmt == "pdf":
        from briefs.render.pdf import docx_to_pdf

        data = docx_to_pdf(data)
    return data
