"""Provenance inside every .docx export: a custom XML part, and a bookmark around each printed quote.

The format (part namespace, bookmark names) is briefs/sources/provenance.py's; this module puts it into the
document the writer has just built, before it is zipped. Quotes are found in the body by their printed words
rather than flagged by the templates, so a user's template that knows nothing of provenance still gets it.
"""

from __future__ import annotations

import copy
import dataclasses
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
_W_ID, _W_NAME = qn("w:id"), qn("w:name")
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


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
    paragraphs = [_Paragraph(p) for p in body.iter(W_P)]
    taken: dict[int, list[tuple[int, int]]] = {}
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
    marks: dict[int, int] = {}
    # Longest first: a short quote whose words also appear inside a longer one marks its own printing only.
    for needle in sorted(groups, key=lambda n: -len(n)):
        items = groups[needle]
        found = 0
        for index, para in enumerate(paragraphs):
            for start, end in para.find(needle):
                spans = taken.setdefault(index, [])
                if any(start < e and s < end for s, e in spans):
                    continue
                spans.append((start, end))
                item = items[min(found, len(items) - 1)]
                found += 1
                marks[item.snippet_id] = marks.get(item.snippet_id, 0) + 1
                para.bookmark(start, end, next_id, bookmark_name(item.snippet_id, item.sha256, marks[item.snippet_id]))
                next_id += 1
    return marks


class _Paragraph:
    """A body paragraph's visible text (runs, also inside hyperlinks), with whitespace runs folded to one
    space, and the means to put a bookmark around a stretch of it."""

    def __init__(self, p: etree._Element) -> None:
        self.p = p
        pieces = [_run_text(r) for r in self._runs()]
        self.flat = "".join(pieces)
        # The folded text and, for each of its characters, where it is in the flat text.
        folded: list[str] = []
        self.where: list[int] = []
        space = False
        for n, ch in enumerate(self.flat):
            if ch.isspace():
                if space:
                    continue
                space = True
                ch = " "
            else:
                space = False
            folded.append(ch)
            self.where.append(n)
        self.folded = "".join(folded)

    def _runs(self) -> list[etree._Element]:
        return [r for r in self.p.iter(W_R) if r.getparent() is self.p or r.getparent().tag == _W_HYPERLINK]

    def find(self, needle: str) -> list[tuple[int, int]]:
        """(start, end) in the flat text of each occurrence of `needle` (whitespace-folded)."""
        out = []
        at = self.folded.find(needle) if needle else -1
        while at >= 0:
            start = self.where[at]
            end = self.where[at + len(needle) - 1] + 1
            out.append((start, end))
            at = self.folded.find(needle, at + len(needle))
        return out

    def bookmark(self, start: int, end: int, bookmark_id: int, name: str) -> None:
        first = self._split(start)
        last = self._split(end)
        runs = self._runs()
        # The runs from the one that starts at `start` up to the one that ends at `end`.
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

    def _split(self, pos: int) -> int:
        """Split the run holding flat offset `pos` so that a run starts there; the index of that run."""
        offset = 0
        runs = self._runs()
        for index, r in enumerate(runs):
            length = len(_run_text(r))
            if pos == offset:
                return index
            if offset < pos < offset + length:
                tail = copy.deepcopy(r)
                _keep(r, 0, pos - offset)
                # The tail takes what ends the run too (a footnote reference after the last word).
                _keep(tail, pos - offset, length + 1)
                r.addnext(tail)
                return index + 1
            offset += length
        return len(runs)


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


def _keep(r: etree._Element, lo: int, hi: int) -> None:
    """Trim run `r` to the characters [lo, hi) of its text; an element without text (a footnote reference,
    a field character) stays in the half its position falls in."""
    offset = 0
    for child in list(r):
        if child.tag == qn("w:rPr"):
            continue
        if child.tag == W_T:
            text = child.text or ""
            keep = text[max(lo - offset, 0):max(hi - offset, 0)]
            offset += len(text)
            if keep:
                child.text = keep
                if keep[0] == " " or keep[-1] == " ":
                    child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
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
