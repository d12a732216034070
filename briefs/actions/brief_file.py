"""Briefs as YAML files: template, fields and items (source, kind, text, speaker, offsets).

A brief file can be kept in version control, edited by hand and exported with `briefs export FILE.yaml`;
`briefs show b3 --yaml` writes one. Sources are named by desk ID (`s1`), so the file travels with the
desk it was written from.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from briefs.desk.base import Desk
from briefs.errors import InputError, NotFound
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


# A brief file is a page or two of YAML. Past these it is not a brief but an attack on the reader: a
# billion-laughs alias chain is under 1 KB, 50,000 nested lists a few hundred.
MAX_BRIEF_FILE_BYTES = 2**20
MAX_DEPTH = 16
MAX_ITEMS = 2000
_TOP_KEYS = ("template", "title", "marking", "fields", "sections")
_ITEM_KEYS = ("source", "kind", "text", "speaker", "start", "end", "edited", "comment")
_TEMPLATE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_SOURCE_REF = re.compile(r"^\s*[sS]?([0-9]{1,18})\s*$")


class _BriefLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (`*name`: the billion laughs) and with a nesting cap (its
    composer recurses once per level)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a brief file",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"it nests deeper than {MAX_DEPTH} levels",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _load_yaml(path: Path) -> Any:
    from briefs.files import read_regular

    data = read_regular(path, MAX_BRIEF_FILE_BYTES, what="brief file",
                        hint="a brief file is a page or two of YAML; export the brief from the desk instead")
    try:
        text = data.decode("utf-8")
        loader = _BriefLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        detail = " ".join(str(exc).split())[:300] if not isinstance(exc, RecursionError) else "it nests too deeply"
        raise InputError(f"{path} is not a valid YAML brief file ({detail}); fix it or write it again with "
                         "`briefs show BRIEF --yaml`") from None


def _keys(value: dict[Any, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in value:
        if key not in allowed:
            raise InputError(f"{where}: unknown key {str(key)[:40]!r} (misspelt?); a brief file uses "
                             f"{', '.join(allowed)}")


def _text(value: Any, where: str, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(f"{where} must be text, not {_kind_name(value)}")
    return str(value)


def _kind_name(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false", type(None): "empty"}.get(type(value),
                                                                                          type(value).__name__)


def read_brief_file(
    path: str | os.PathLike[str], desk: Desk
) -> tuple[Brief, dict[int, Snippet], dict[int, Source]]:
    """A Brief (not saved) with its snippets and sources, checked against the desk's source texts.

    The file is read with a size cap, no aliases and a depth cap, and checked against the brief-file
    schema: an unknown (misspelt) key or a value of the wrong type is an error naming it, and a template
    is named, never a path."""
    path = Path(path)
    data = _load_yaml(path)
    if not isinstance(data, dict) or "template" not in data:
        raise InputError(f"{path}: a brief file needs at least `template:` and `title:`")
    _keys(data, _TOP_KEYS, str(path))
    template = data["template"]
    if not isinstance(template, str) or not _TEMPLATE_NAME.match(template):
        raise InputError(f"{path}: template must be a template's name like issue-brief (see `briefs templates`), "
                         "not a path")
    title = _text(data.get("title"), f"{path}: title")
    marking = _text(data.get("marking"), f"{path}: marking")
    fields = data.get("fields") or {}
    if not isinstance(fields, dict):
        raise InputError(f"{path}: fields must be a mapping of name: value")
    values = {}
    for key, value in fields.items():
        if not isinstance(key, str):
            raise InputError(f"{path}: field names must be text, not {_kind_name(key)}")
        if isinstance(value, list | dict):
            raise InputError(f"{path}: field {key[:40]!r} must be text, not {_kind_name(value)}")
        values[key] = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    raw_sections = data.get("sections") or {}
    if not isinstance(raw_sections, dict):
        raise InputError(f"{path}: sections must map a section name to a list of items")
    snippets: dict[int, Snippet] = {}
    sources: dict[int, Source] = {}
    sections: list[Section] = []
    next_id = 1
    for name, items in raw_sections.items():
        if not isinstance(name, str):
            raise InputError(f"{path}: section names must be text, not {_kind_name(name)}")
        if items is not None and not isinstance(items, list):
            raise InputError(f"{path}: section {name[:40]} must be a list of items (- source: s1 ...), "
                             f"not {_kind_name(items)}")
        ids = []
        for index, item in enumerate(items or [], 1):
            if next_id > MAX_ITEMS:
                raise InputError(f"{path} has more than {MAX_ITEMS} items, far more than a brief; split it")
            where = f"{path}: section {name[:40]}, item {index}"
            snip = _item(item, where, desk, sources)
            snip = snip.replace(id=next_id)
            snippets[next_id] = snip
            ids.append(next_id)
            next_id += 1
        sections.append(Section(name=name, snippet_ids=ids))
    try:
        brief = Brief(
            template=template,
            title=title or path.stem,
            fields=values,
            sections=tuple(sections),
            marking=marking,
        )
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    return brief, snippets, sources


def _item(item: Any, where: str, desk: Desk, sources: dict[int, Source]) -> Snippet:
    if not isinstance(item, dict) or "source" not in item or "text" not in item:
        raise InputError(f"{where}: each item needs source (like s1) and text")
    _keys(item, _ITEM_KEYS, where)
    raw_ref = item["source"]
    plain = isinstance(raw_ref, str | int) and not isinstance(raw_ref, bool)
    match = _SOURCE_REF.match(str(raw_ref)) if plain else None
    if match is None:
        raise InputError(f"{where}: source {str(raw_ref)[:40]!r} is not a source ID like s1")
    source_id = int(match.group(1))
    if source_id not in sources:
        try:
            sources[source_id] = desk.get_source(source_id)
        except NotFound:
            raise InputError(f"{where}: there is no source s{source_id} on the desk {desk.location}; list them "
                             "with `briefs sources`") from None
    text = _text(item["text"], f"{where}: text", optional=False) or ""
    speaker = _text(item.get("speaker"), f"{where}: speaker")
    comment = _text(item.get("comment"), f"{where}: comment")
    source_text = sources[source_id].text
    start, end = item.get("start"), item.get("end")
    for label, value in (("start", start), ("end", end)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise InputError(f"{where}: {label} must be a whole number (an offset into s{source_id}), "
                             f"not {_kind_name(value)}")
    if start is None or end is None:
        # Offsets may be left out by hand: find the text (once) in the source.
        start = source_text.find(text)
        if start < 0:
            raise InputError(f"{where}: the text is not in s{source_id}; copy it exactly or give start/end")
        end = start + len(text)
    if not 0 <= start <= end <= len(source_text):
        raise InputError(f"{where}: start/end {start}-{end} are not offsets into s{source_id}; fix or remove them")
    edited = _text(item.get("edited"), f"{where}: edited")
    if source_text[start:end] != text:
        # Someone edited the wording in the file. The offsets still say what the source said there, so
        # the edit becomes the brief's wording and the verbatim check judges it (and shows the diff),
        # rather than the file being refused for a reason the user cannot see.
        if edited is None:
            edited = text
        text = source_text[start:end]
    kind = _text(item.get("kind"), f"{where}: kind") or ("quote" if speaker else "fact")
    if kind not in {k.value for k in SnippetKind}:
        raise InputError(f"{where}: kind must be quote, fact or note, not {kind[:40]!r}")
    try:
        return Snippet(source_id=source_id, kind=SnippetKind(kind), start=start, end=end, text=text,
                       speaker=speaker, edited=edited, comment=comment)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
