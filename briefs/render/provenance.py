"""Provenance inside every .docx export: a custom XML part, and a bookmark around each printed quote.

The format (part namespace, bookmark names) is briefs/sources/provenance.py's; this module puts it into the
document the writer has just built, before it is zipped. Quotes are found in the body by their printed words
rather than flagged by the templates, so a user's template that knows nothing of provenance still gets it.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import re
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lxml import etree

from briefs.render.oxml import W_P, W_R, W_T, qn
from briefs.sources.provenance import PROVENANCE_NS, Provenance, ProvenanceItem, bookmark_name

if TYPE_CHECKING:
    from briefs.model import Brief, Snippet, Source
    from briefs.render.brief import Rendered

_W_BR, _W_CR, _W_TAB = qn("w:br"), qn("w:cr"), qn("w:tab")
_W_HYPERLINK = qn("w:hyperlink")
_W_BOOKMARK_START, _W_BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_W_ID, _W_NAME, _W_RPR = qn("w:id"), qn("w:name"), qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_SPACES = re.compile(r"\s+")
# Every character str.isspace() (and so `\s`, and str.split) takes for whitespace, but the space itself.
_OTHER_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + (
    "\u2028\u2029\u202f\u205f\u3000")


def provenance_for(brief: Brief, rendered: Rendered, snippets: Mapping[int, Snippet],
                   sources: Mapping[int, Source]) -> Provenance:
    """What the export of `brief` says about each snippet it printed."""
    printed = {item.ref: item for item in rendered.context["items"]}
    items: list[ProvenanceItem] = []
    for snippet_id in dict.fromkeys(brief.snippet_ids()):
        snippet = snippets.get(snippet_id)
        source = sources.get(snippet.source_id) if snippet is not None else None
        if snippet is None or source is None:
            continue
        view = printed.get(snippet.ref)
        items.append(ProvenanceItem(
            snippet_id=snippet_id, kind=snippet.kind.value, source_ref=source.ref, sha256=source.sha256,
            start=snippet.start, end=snippet.end,
            speaker=(view.speaker if view is not None else snippet.speaker) or "",
            text=view.text if view is not None else "",
        ))
    return Provenance(brief.ref if brief.id is not None else "", brief.revision, brief.template,
                      rendered.front.get("date", ""), tuple(items))


def stamp(document: Any, provenance: Provenance) -> None:
    """Bookmark every printed quote in the body of a python-docx `document` and add the provenance part."""
    body = document.element.body
    marks = _mark_quotes(body, provenance)
    # The part records how many printings were marked, so the check can tell a quote a reviewer deleted from
    # one this export could not find to mark (a user's template that prints it in its own way).
    items = tuple(dataclasses.replace(i, marks=marks.get(i.snippet_id, 0)) if i.kind == "quote" else i
                  for i in provenance.items)
    _add_part(document.part, dataclasses.replace(provenance, items=items))


# --------------------------------------------------------------------------------------------- quotes
def _mark_quotes(body: etree._Element, provenance: Provenance) -> dict[int, int]:
    """Bookmark each printing of each quote; how many were marked, by snippet id."""
    elements = list(body.iter(W_P))
    existing = [int(b.get(_W_ID)) for b in body.iter(_W_BOOKMARK_START) if (b.get(_W_ID) or "").isdigit()]
    next_id = max([0, *existing]) + 1
    # Quotes with the same words (one quote reported by two outlets) share their printings: the n-th printing
    # goes to the n-th of them in the brief's order, any printing beyond to the last (a template that prints a
    # quote twice). A quote of several paragraphs is printed as several: each line is marked on its own.
    groups: dict[str, list[ProvenanceItem]] = {}
    for item in provenance.items:
        if item.kind != "quote":
            continue
        for line in item.text.split("\n"):
            if line.strip():
                groups.setdefault(" ".join(line.split()), []).append(item)
    if not groups:
        return {}
    # Where to look, found cheaply: every paragraph's words (lxml gathers them in C) searched at once for each
    # quote; only the paragraphs that hold one are read run by run. NUL, which XML text cannot hold, joins
    # them, so no match spans two.
    pieces: list[str] = []
    seen_paragraph = False
    for el in body.iter(W_P, W_T):
        if el.tag == W_T:
            pieces.append(el.text or "")
        elif seen_paragraph:
            pieces.append("\x00")
        else:
            seen_paragraph = True
    joined = _fold("".join(pieces))
    starts = [0]
    for _ in range(len(elements) - 1):
        starts.append(joined.index("\x00", starts[-1]) + 1)
    paragraphs: dict[int, _Paragraph] = {}
    taken: dict[int, list[tuple[int, int]]] = {}
    marks: dict[int, int] = {}

    def candidates(needle: str) -> list[int]:
        found: list[int] = []
        at = joined.find(needle)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            if not found or found[-1] != index:
                found.append(index)
            at = joined.find(needle, at + len(needle))
        # A quote that spans a tab or a line break is not in the plain words: then every paragraph is a candidate.
        return found or list(range(len(elements)))

    # Longest first: a short quote whose words also appear inside a longer one marks its own printing only.
    for needle in sorted(groups, key=lambda n: -len(n)):
        items = groups[needle]
        found = 0
        for index in candidates(needle):
            para = paragraphs.get(index) or paragraphs.setdefault(index, _Paragraph(elements[index]))
            for start, end in para.find(needle):
                spans = taken.setdefault(index, [])
                if any(start < e and s < end for s, e in spans):
                    continue
                spans.append((start, end))
                item = items[min(found, len(items) - 1)]
                found += 1
                marks[item.snippet_id] = marks.get(item.snippet_id, 0) + 1
                para.bookmark(start, end, next_id, bookmark_name(item.snippet_id, item.sha256,
                                                                 marks[item.snippet_id]))
                next_id += 1
    return marks


class _Paragraph:
    """A body paragraph's visible text (runs, also inside hyperlinks), with whitespace runs folded to one
    space, and the means to put a bookmark around a stretch of it."""

    def __init__(self, p: etree._Element) -> None:
        self.p = p
        self.flat = "".join(_run_text(r) for r in self._runs())
        self.folded = _fold(self.flat)
        self._anchors: list[tuple[int, int]] | None = None

    def _to_flat(self, at: int) -> int:
        """Where the folded text's character `at` is in the flat text."""
        if len(self.folded) == len(self.flat):
            return at
        if self._anchors is None:
            # (folded offset, flat offset) just after each folded run of whitespace.
            self._anchors = [(0, 0)]
            shrink = 0
            for m in _SPACES.finditer(self.flat):
                shrink += (m.end() - m.start()) - 1
                self._anchors.append((m.end() - shrink, m.end()))
        k = bisect.bisect_right(self._anchors, (at, len(self.flat) + 1)) - 1
        folded_at, flat_at = self._anchors[k]
        return flat_at + (at - folded_at)

    def _runs(self) -> list[etree._Element]:
        runs: list[etree._Element] = []
        for child in self.p:
            if child.tag == W_R:
                runs.append(child)
            elif child.tag == _W_HYPERLINK:
                runs.extend(r for r in child if r.tag == W_R)
        return runs

    def find(self, needle: str) -> list[tuple[int, int]]:
        """(start, end) in the flat text of each occurrence of `needle` in the folded text."""
        out = []
        at = self.folded.find(needle)
        while at >= 0:
            out.append((self._to_flat(at), self._to_flat(at + len(needle) - 1) + 1))
            at = self.folded.find(needle, at + len(needle))
        return out

    def bookmark(self, start: int, end: int, bookmark_id: int, name: str) -> None:
        runs = self._runs()
        lengths = [len(_run_text(r)) for r in runs]
        _split(runs, lengths, end)
        first = _split(runs, lengths, start)
        last = _index_at(lengths, end)
        inside = runs[first:last]
        if not inside:
            return
        mark = etree.Element(_W_BOOKMARK_START)
        mark.set(_W_ID, str(bookmark_id))
        mark.set(_W_NAME, name)
        inside[0].addprevious(mark)
        close = etree.Element(_W_BOOKMARK_END)
        close.set(_W_ID, str(bookmark_id))
        inside[-1].addnext(close)


def _split(runs: list[etree._Element], lengths: list[int], pos: int) -> int:
    """Split the run holding text offset `pos` so that a run starts there (keeping `runs` and `lengths` in
    step); the index of the run that starts at `pos`."""
    offset = 0
    for index, (r, length) in enumerate(zip(runs, lengths, strict=True)):
        if pos == offset:
            return index
        if offset < pos < offset + length:
            cut = pos - offset
            texts = [c for c in r if c.tag != _W_RPR]
            if len(texts) == 1 and texts[0].tag == W_T:
                # The writer's usual run, properties and one text: cut the text, not the whole run.
                tail = etree.Element(W_R)
                props = r.find(_W_RPR)
                if props is not None:
                    tail.append(copy.deepcopy(props))
                text = texts[0].text or ""
                _set_text(texts[0], text[:cut])
                _set_text(etree.SubElement(tail, W_T), text[cut:])
            else:
                tail = copy.deepcopy(r)
                _keep(r, 0, cut)
                # The tail takes what ends the run too (a footnote reference after the last word).
                _keep(tail, cut, length + 1)
            r.addnext(tail)
            runs.insert(index + 1, tail)
            lengths[index:index + 1] = [pos - offset, length - (pos - offset)]
            return index + 1
        offset += length
    return len(runs)


def _index_at(lengths: list[int], pos: int) -> int:
    """The index of the first run that starts at or after text offset `pos`."""
    offset = 0
    for index, length in enumerate(lengths):
        if offset >= pos:
            return index
        offset += length
    return len(lengths)


def _fold(text: str) -> str:
    """`text` with each run of whitespace as one space, as `" ".join(text.split())` leaves a quote's words but
    keeping the ends. With str.replace rather than a regular expression: `re` tests a whitespace class at every
    character, some hundred times slower on prose, and most text has nothing to fold."""
    for space in _OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _run_text(r: etree._Element) -> str:
    parts = []
    for child in r:
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag == _W_TAB:
            parts.append("\t")
        elif child.tag in (_W_BR, _W_CR):
            parts.append("\n")
    return "".join(parts)


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text[:1] == " " or text[-1:] == " ":
        t.set(_XML_SPACE, "preserve")


def _keep(r: etree._Element, lo: int, hi: int) -> None:
    """Trim run `r` to the characters [lo, hi) of its text; an element without text (a footnote reference,
    a field character) stays in the half its position falls in."""
    offset = 0
    for child in list(r):
        if child.tag == _W_RPR:
            continue
        if child.tag == W_T:
            text = child.text or ""
            keep = text[max(lo - offset, 0):max(hi - offset, 0)]
            offset += len(text)
            if keep:
                _set_text(child, keep)
            else:
                r.remove(child)
            continue
        width = 1 if child.tag in (_W_TAB, _W_BR, _W_CR) else 0
        if not lo <= offset < hi:
            r.remove(child)
        offset += width


# ----------------------------------------------------------------------------------------------- part
def _add_part(document_part: Any, provenance: Provenance) -> None:
    """The provenance as a custom XML data-store item (item + itemProps), related from the document, as Word
    itself stores custom XML: Word keeps such parts when it saves, and LibreOffice through a .docx round trip."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document_part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in taken or f"/customXml/itemProps{n}.xml" in taken:
        n += 1
    # A fixed id per brief revision, so the same brief exports to the same bytes on any day.
    guid = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{PROVENANCE_NS}:{provenance.brief}:{provenance.revision}")
                     ).upper() + "}"
    props = (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{guid}" '
             f'xmlns:ds="{_DS}"><ds:schemaRefs><ds:schemaRef ds:uri="{PROVENANCE_NS}"/></ds:schemaRefs>'
             "</ds:datastoreItem>").encode()
    item = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml", provenance.to_xml(), package)
    props_part = Part(PackURI(f"/customXml/itemProps{n}.xml"), _PROPS_TYPE, props, package)
    item.relate_to(props_part, _CUSTOM_XML_PROPS)
    document_part.relate_to(item, _CUSTOM_XML)
