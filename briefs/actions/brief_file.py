"""Briefs as YAML files: template, fields and items (source, kind, text, speaker, offsets).

A brief file can be kept in version control, edited by hand and exported with `briefs export FILE.yaml`;
`briefs show b3 --yaml` writes one. Sources are named by desk ID (`s1`), so the file travels with the
desk it was written from.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from briefs.desk.base import Desk
from briefs.errors import InputError
from briefs.model import Brief, Section, Snippet, SnippetKind, Source


def brief_to_yaml(desk: Desk, brief: Brief) -> str:
    snippets = desk.get_snippets(brief.snippet_ids())
    sections: dict[str, list[dict[str, Any]]] = {}
    for section in brief.sections:
        items = []
        for sid in section.snippet_ids:
            snip = snippets.get(sid)
            if snip is None:
                continue
            item: dict[str, Any] = {"source": f"s{snip.source_id}", "kind": snip.kind.value, "text": snip.text}
            if snip.speaker:
                item["speaker"] = snip.speaker
            item["start"], item["end"] = snip.start, snip.end
            if snip.edited is not None:
                item["edited"] = snip.edited
            items.append(item)
        sections[section.name] = items
    data = {
        "template": brief.template,
        "title": brief.title,
        "marking": brief.marking,
        "fields": dict(brief.fields),
        "sections": sections,
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def read_brief_file(
    path: str | os.PathLike[str], desk: Desk
) -> tuple[Brief, dict[int, Snippet], dict[int, Source]]:
    """A Brief (not saved) with its snippets and sources, checked against the desk's source texts."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path} is not a valid YAML brief file ({' '.join(str(exc).split())})") from None
    if not isinstance(data, dict) or "template" not in data:
        raise InputError(f"{path}: a brief file needs at least `template:` and `title:`")
    fields = data.get("fields") or {}
    if not isinstance(fields, dict):
        raise InputError(f"{path}: fields must be a mapping of name: value")
    raw_sections = data.get("sections") or {}
    if not isinstance(raw_sections, dict):
        raise InputError(f"{path}: sections must map a section name to a list of items")
    snippets: dict[int, Snippet] = {}
    sources: dict[int, Source] = {}
    sections: list[Section] = []
    next_id = 1
    for name, items in raw_sections.items():
        ids = []
        for index, item in enumerate(items or [], 1):
            where = f"{path}: section {name}, item {index}"
            snip = _item(item, where, desk, sources)
            snip = snip.replace(id=next_id)
            snippets[next_id] = snip
            ids.append(next_id)
            next_id += 1
        sections.append(Section(name=str(name), snippet_ids=ids))
    try:
        brief = Brief(
            template=str(data["template"]),
            title=str(data.get("title") or path.stem),
            fields={str(k): "" if v is None else str(v) for k, v in fields.items()},
            sections=tuple(sections),
            marking=data.get("marking"),
        )
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    return brief, snippets, sources


def _item(item: Any, where: str, desk: Desk, sources: dict[int, Source]) -> Snippet:
    if not isinstance(item, dict) or "source" not in item or "text" not in item:
        raise InputError(f"{where}: each item needs source (like s1) and text")
    ref = str(item["source"]).strip().lower().lstrip("s")
    if not ref.isdigit():
        raise InputError(f"{where}: source {item['source']!r} is not a source ID like s1")
    source_id = int(ref)
    if source_id not in sources:
        sources[source_id] = desk.get_source(source_id)
    text = str(item["text"])
    source_text = sources[source_id].text
    start, end = item.get("start"), item.get("end")
    if start is None or end is None:
        # Offsets may be left out by hand: find the text (once) in the source.
        start = source_text.find(text)
        if start < 0:
            raise InputError(f"{where}: the text is not in s{source_id}; copy it exactly or give start/end")
        end = start + len(text)
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start <= end <= len(source_text):
        raise InputError(f"{where}: start/end {start}-{end} are not offsets into s{source_id}; fix or remove them")
    edited = item.get("edited")
    if source_text[start:end] != text:
        # Someone edited the wording in the file. The offsets still say what the source said there, so
        # the edit becomes the brief's wording and the verbatim check judges it (and shows the diff),
        # rather than the file being refused for a reason the user cannot see.
        if edited is None:
            edited = text
        text = source_text[start:end]
    kind = str(item.get("kind") or ("quote" if item.get("speaker") else "fact"))
    if kind not in {k.value for k in SnippetKind}:
        raise InputError(f"{where}: kind must be quote, fact or note, not {kind!r}")
    try:
        return Snippet(source_id=source_id, kind=SnippetKind(kind), start=start, end=end, text=text,
                       speaker=item.get("speaker"), edited=None if edited is None else str(edited))
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
