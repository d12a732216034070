"""The provenance a Briefs export carries, as a format: what the Word file says about where its words came from.

Two carriers, because each survives what the other does not:
- a custom XML part (`customXml/itemN.xml`, namespace `PROVENANCE_NS`) with the brief's id and revision and,
  for each quote and fact, its snippet id, source SHA-256, offsets, speaker and printed words. Word keeps
  custom XML parts on save and LibreOffice keeps them through a .docx round trip, but a trip through .odt
  drops them;
- a bookmark around each printed quote, named `Briefs_n12_ab12cd34` (snippet id, first 8 hex digits of the
  source's SHA-256). Bookmarks survive Word, LibreOffice and .odt alike, so the name alone is enough to find
  the snippet and to know the snapshot it was checked against.

The writer (briefs/render/provenance.py) and the reader (briefs/sources/wordml.py) both use this module, so
the two can never disagree on a name or an attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROVENANCE_NS = "urn:briefs:provenance:1"
_P = "{" + PROVENANCE_NS + "}"
# Word allows 40 characters in a bookmark name, letters, digits and underscores, starting with a letter.
_BOOKMARK = re.compile(r"^Briefs_n(\d{1,12})_([0-9a-f]{8})(?:_(\d{1,6}))?$")
MAX_ITEMS = 100_000  # a provenance part lists what one brief printed: far fewer than this


@dataclass(frozen=True)
class ProvenanceItem:
    snippet_id: int
    kind: str
    """quote | fact | note"""
    source_ref: str
    sha256: str
    start: int
    end: int
    speaker: str = ""
    text: str = ""
    """The words as the export printed them (a quote without its quotation marks)."""
    marks: int = 0
    """How many bookmarks the export put around its printings (a quote only; 0 when none was found)."""

    @property
    def ref(self) -> str:
        return f"n{self.snippet_id}"


@dataclass(frozen=True)
class Provenance:
    brief: str
    revision: int
    template: str = ""
    exported: str = ""
    items: tuple[ProvenanceItem, ...] = ()

    def item(self, snippet_id: int) -> ProvenanceItem | None:
        for entry in self.items:
            if entry.snippet_id == snippet_id:
                return entry
        return None

    def to_xml(self) -> bytes:
        # Written as text rather than built with lxml: an export pays for it, and building one element per
        # snippet cost more than the rest of the part.
        head = "".join(f" {key}={_attr(value)}" for key, value in (
            ("brief", self.brief), ("revision", str(self.revision)), ("template", self.template),
            ("exported", self.exported)) if value)
        lines = [f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                 f'<provenance xmlns="{PROVENANCE_NS}"{head}>']
        for e in self.items:
            extra = (f" speaker={_attr(e.speaker)}" if e.speaker else "") + (f' marks="{e.marks}"' if e.marks else "")
            lines.append(f'<item id="{e.ref}" kind={_attr(e.kind)} source={_attr(e.source_ref)} '
                         f'sha256={_attr(e.sha256)} start="{e.start}" end="{e.end}"{extra}>{_text(e.text)}</item>')
        lines.append("</provenance>")
        return "".join(lines).encode("utf-8", "replace")


def parse_provenance(root: object) -> Provenance | None:
    """The provenance in a parsed custom XML part, or None when the part is not ours. Entries with a
    malformed attribute are skipped: a part someone edited by hand should not stop the check."""
    tag = getattr(root, "tag", None)
    if tag != _P + "provenance":
        return None
    get = root.get  # type: ignore[attr-defined]
    try:
        revision = int(get("revision") or 0)
    except ValueError:
        revision = 0
    items: list[ProvenanceItem] = []
    for el in root.iterfind(_P + "item"):  # type: ignore[attr-defined]
        if len(items) >= MAX_ITEMS:
            break
        ref = el.get("id") or ""
        try:
            snippet_id = int(ref[1:]) if ref[:1] == "n" else int(ref)
            start, end = int(el.get("start")), int(el.get("end"))
        except (TypeError, ValueError):
            continue
        sha = (el.get("sha256") or "").lower()
        if not re.fullmatch(r"[0-9a-f]{64}", sha) or not 0 <= start <= end:
            continue
        marks = el.get("marks") or "0"
        items.append(ProvenanceItem(snippet_id, el.get("kind") or "quote", el.get("source") or "", sha, start, end,
                                    el.get("speaker") or "", el.text or "", int(marks) if marks.isdigit() else 0))
    return Provenance(get("brief") or "", revision, get("template") or "", get("exported") or "", tuple(items))


def bookmark_name(snippet_id: int, sha256: str, occurrence: int = 1) -> str:
    """The bookmark around the `occurrence`th printing of a quote: `Briefs_n12_ab12cd34` (then `_2`, ...)."""
    name = f"Briefs_n{snippet_id}_{sha256[:8].lower()}"
    return name if occurrence == 1 else f"{name}_{occurrence}"


def parse_bookmark(name: str) -> tuple[int, str] | None:
    """(snippet id, source SHA-256 prefix) of a Briefs quote bookmark, or None for anyone else's bookmark."""
    match = _BOOKMARK.match(name or "")
    return (int(match.group(1)), match.group(2)) if match else None


# Characters XML 1.0 cannot hold are dropped, and markup escaped, in one str.translate each (a regular
# expression scanning every character cost more than the rest of the part). Lone surrogates, which cannot be
# encoded, become "?" when the text is encoded.
_DROP = {c: None for c in [*range(0x20), 0xFFFE, 0xFFFF] if c not in (0x9, 0xA, 0xD)}
_TEXT_ESCAPES = str.maketrans({**_DROP, ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("\r"): "&#13;"})
# In an attribute a parser turns a raw newline or tab into a space: they are written as references.
_ATTR_ESCAPES = str.maketrans({**_DROP, ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
                               ord("\n"): "&#10;", ord("\t"): "&#9;", ord("\r"): "&#13;"})


def _text(text: str) -> str:
    return text.translate(_TEXT_ESCAPES)


def _attr(value: str) -> str:
    return '"' + value.translate(_ATTR_ESCAPES) + '"'
