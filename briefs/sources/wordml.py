"""Read a Word file as a reviewer left it: the text with tracked changes accepted, each change, the comments
and their anchors, bookmarks, and Briefs' provenance part. At the XML level, since python-docx has no API for
tracked changes.

Parsed with the import hardening (briefs/sources/docx.py): an encrypted or old-format file, a file that is not
a zip, a zip bomb (parts counted and sizes summed from the zip's directory before anything is inflated, and
every part read with a cap) and XML with a DTD are refused with a one-line message; lxml never resolves
entities, loads a DTD or touches the network.

Offsets are `str` indices into `WordDocument.text`: the body as a reader sees it once every tracked change
is accepted (insertions in, deletions out), one line per paragraph, table cells one paragraph each, hidden
text, drawings and field codes left out. A deletion sits at the point where its text was.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from briefs.errors import InputError
from briefs.sources.common import declares_dtd
from briefs.sources.provenance import PROVENANCE_NS, Provenance, parse_provenance

if TYPE_CHECKING:
    from lxml import etree

    from briefs.settings import ImportLimits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NS + "}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_PARTS = 10_000
_MAX_CUSTOM_PARTS = 200
_DEFAULT_MAIN = "word/document.xml"

# Elements whose content is never part of the text a reader sees: properties, field codes, drawings and
# text boxes (whose paragraphs would land in the middle of the sentence that anchors them), the fallback
# copy of an mc:AlternateContent.
_SKIP = {_W + t for t in ("pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
                          "instrText", "delInstrText", "drawing", "pict", "object", "rPrChange", "pPrChange",
                          "fldData", "footnoteReference", "endnoteReference", "annotationRef")}
_SKIP |= {_MC + "Fallback"}

ChangeKind = Literal["insertion", "deletion"]


@dataclass(frozen=True)
class TrackedChange:
    kind: ChangeKind
    author: str
    date: str
    text: str
    """The inserted or deleted words ("\\n" for a paragraph mark)."""
    start: int
    end: int
    """Where it is in the accepted text: an insertion's words; a deletion is the point where they were."""

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "author": self.author, "date": self.date, "text": self.text,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    date: str
    text: str
    start: int
    end: int
    anchor: str
    """The accepted text the comment is anchored to (the paragraph, when it marks only a point)."""


@dataclass(frozen=True)
class Bookmark:
    name: str
    start: int
    end: int


@dataclass
class WordDocument:
    origin: str
    text: str
    bookmarks: list[Bookmark] = field(default_factory=list)
    changes: list[TrackedChange] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    provenance: Provenance | None = None

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding `pos`."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def before_changes(self, start: int, end: int) -> str:
        """text[start:end] as it read before the tracked changes inside it: insertions out, deletions back."""
        pieces: list[str] = []
        pos = start
        for change in sorted(self.changes, key=lambda c: (c.start, c.kind != "deletion")):
            if change.end < start or change.start > end:
                continue
            if change.kind == "deletion":
                if change.start < pos:
                    continue
                pieces.append(self.text[pos:change.start])
                pieces.append(change.text)
                pos = change.start
            else:
                lo, hi = max(change.start, start), min(change.end, end)
                if lo < pos or hi <= lo:
                    continue
                pieces.append(self.text[pos:lo])
                pos = hi
        pieces.append(self.text[pos:end])
        return "".join(pieces)


# -------------------------------------------------------------------------------------------- package
def read_word(data: bytes, *, origin: str, limits: ImportLimits | None = None) -> WordDocument:
    """The document in `data` (a .docx), or InputError naming `origin` and what to do."""
    if limits is None:
        from briefs.settings import ImportLimits

        limits = ImportLimits.from_env()
    if data.startswith(_OLE_SIGNATURE):
        raise InputError(f"{origin} is password-protected (encrypted) or an old-format .doc; save it unprotected "
                         "as .docx and check it again")
    if not data.startswith(b"PK"):
        raise InputError(f"{origin} is not a Word document (not a .docx package); check the file or its extension")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _read_package(package, origin, limits)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, ValueError, OSError,
            EOFError, RuntimeError, KeyError) as exc:  # RuntimeError: an encrypted member
        raise InputError(f"{origin} is a damaged or incomplete .docx ({type(exc).__name__}); open and save it "
                         "again in Word") from None


def _read_package(package: zipfile.ZipFile, origin: str, limits: ImportLimits) -> WordDocument:
    members = package.infolist()
    if len(members) > _MAX_PARTS:
        raise InputError(f"{origin} holds {len(members)} parts, more than any Word document; check the file")
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        cap = limits.max_unpacked_bytes / 2**20
        raise InputError(f"{origin} unpacks to {unpacked / 2**20:.0f} MB, over the {cap:.0f} MB limit for a .docx "
                         "(a zip bomb?); check the file or raise BRIEFS_MAX_UNPACKED_MB")
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(f"{origin} is encrypted; save it unprotected as .docx and check it again")
    names = {member.filename: member for member in members}
    reader = _Parts(package, names, origin, limits.max_unpacked_bytes)

    main = _target(reader.xml("_rels/.rels"), "/officeDocument", "") or _DEFAULT_MAIN
    if main not in names:
        raise InputError(f"{origin} has no document body ({main}); it is not a Word document, or it is damaged")
    root = reader.xml(main)
    if root is None or root.tag != _W + "document":
        namespace = (root.tag[1:].split("}")[0] if root is not None and root.tag.startswith("{") else "")
        if namespace == _STRICT_NS:
            raise InputError(f"{origin} is saved as Strict Open XML; save it as a Word Document (.docx) and retry")
        raise InputError(f"{origin} is not a Word document (its body is not WordprocessingML); check the file")
    folder = posixpath.dirname(main)
    rels = reader.xml(posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"))
    comments_name = _target(rels, "/comments", folder)

    walker = _Walker()
    body = root.find(_W + "body")
    if body is not None:
        walker.visit(body)
    text = "".join(walker.out)
    document = WordDocument(origin, text)
    for bid, (name, start) in walker.bookmark_starts.items():
        end = walker.bookmark_ends.get(bid, start)
        document.bookmarks.append(Bookmark(name, start, max(start, end)))
    document.changes = walker.changes
    if comments_name and comments_name in names:
        document.comments = _comments(reader.xml(comments_name), walker, text)
    document.provenance = _provenance(reader, names)
    return document


class _Parts:
    """Reads and parses parts with the caps and the parser settings of the import hardening."""

    def __init__(self, package: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], origin: str, cap: int) -> None:
        from lxml import etree

        self.package, self.names, self.origin, self.cap = package, names, origin, cap
        # No entities, no DTD, no network, and lxml's default limits on depth and node size (no huge_tree).
        self.parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                                      remove_comments=True, remove_pis=True)

    def raw(self, name: str) -> bytes | None:
        member = self.names.get(name)
        if member is None:
            return None
        with self.package.open(member) as part:
            # Never more than the part declares (zipfile checks it) nor than the cap allows.
            data = part.read(min(member.file_size, self.cap) + 1)
        if len(data) > self.cap:
            raise InputError(f"{self.origin}: {name} is larger than the .docx limit; check the file or raise "
                             "BRIEFS_MAX_UNPACKED_MB")
        if declares_dtd((data,)):
            raise InputError(f"{self.origin} has XML entity declarations (a DTD) in {name}, which Word never writes; "
                             "refused for safety. Open and save it again in Word")
        return data

    def xml(self, name: str) -> etree._Element | None:
        from lxml import etree

        data = self.raw(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.origin} is a damaged .docx (bad XML in {name}: {exc.msg}); open and save it "
                             "again in Word") from None


def _target(rels: etree._Element | None, type_suffix: str, folder: str) -> str | None:
    """The part a relationship of the given type points at, as a zip member name."""
    if rels is None:
        return None
    for rel in rels.iter(_REL_NS + "Relationship"):
        if (rel.get("Type") or "").endswith(type_suffix) and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(path)
    return None


def _provenance(reader: _Parts, names: dict[str, zipfile.ZipInfo]) -> Provenance | None:
    """Briefs' part among the custom XML items, found by its namespace (LibreOffice renumbers the items)."""
    candidates = [n for n in names if re.fullmatch(r"customXml/item\d+\.xml", n)][:_MAX_CUSTOM_PARTS]
    for name in sorted(candidates):
        data = reader.raw(name)
        if data is None or PROVENANCE_NS.encode() not in data:
            continue
        root = reader.xml(name)
        found = parse_provenance(root)
        if found is not None:
            return found
    return None


def _comments(root: etree._Element | None, walker: _Walker, text: str) -> list[Comment]:
    if root is None:
        return []
    out: list[Comment] = []
    for el in root.iter(_W + "comment"):
        cid = el.get(_W + "id") or ""
        paragraphs = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in el.iter(_W + "p")]
        start = walker.comment_starts.get(cid)
        end = walker.comment_ends.get(cid)
        point = walker.comment_refs.get(cid)
        if start is None:
            start = end if end is not None else point
        if start is None:
            continue  # anchored nowhere in the body (a comment in a footnote or header)
        if end is None or end < start:
            end = start
        anchor = text[start:end]
        if not anchor.strip():
            lo = text.rfind("\n", 0, start) + 1
            hi = text.find("\n", start)
            anchor = text[lo:hi if hi >= 0 else len(text)]
        out.append(Comment(cid, el.get(_W + "author") or "", el.get(_W + "date") or "",
                           "\n".join(p for p in paragraphs if p), start, end, anchor.strip()))
    return sorted(out, key=lambda c: (c.start, c.id))


# ----------------------------------------------------------------------------------------------- body
def _on(el: etree._Element, tag: str) -> bool:
    """Whether a toggle property (w:vanish, ...) is set: present, and not w:val="0"/"false"/"off"."""
    prop = el.find(tag)
    return prop is not None and (prop.get(_W + "val") or "true").lower() not in {"0", "false", "off"}


class _Walker:
    """One pass over the body in document order, building the accepted text and noting where each
    bookmark, comment range and tracked change falls in it."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.deleted: list[str] | None = None  # collects the words inside a w:del
        self.changes: list[TrackedChange] = []
        self.bookmark_starts: dict[str, tuple[str, int]] = {}
        self.bookmark_ends: dict[str, int] = {}
        self.comment_starts: dict[str, int] = {}
        self.comment_ends: dict[str, int] = {}
        self.comment_refs: dict[str, int] = {}

    def emit(self, text: str) -> None:
        if not text:
            return
        if self.deleted is not None:
            self.deleted.append(text)
            return
        self.out.append(text)
        self.pos += len(text)

    def visit(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "r":
                self.run(child)
            elif tag in (_W + "ins", _W + "moveTo"):
                self.insertion(child)
            elif tag in (_W + "del", _W + "moveFrom"):
                self.deletion(child)
            elif tag == _W + "bookmarkStart":
                self.bookmark_starts[child.get(_W + "id") or ""] = (child.get(_W + "name") or "", self.pos)
            elif tag == _W + "bookmarkEnd":
                self.bookmark_ends[child.get(_W + "id") or ""] = self.pos
            elif tag == _W + "commentRangeStart":
                self.comment_starts[child.get(_W + "id") or ""] = self.pos
            elif tag == _W + "commentRangeEnd":
                self.comment_ends[child.get(_W + "id") or ""] = self.pos
            else:
                # Tables, rows and cells, content controls (w:sdtContent), hyperlinks, smart tags, simple
                # fields, mc:Choice: their text is the document's.
                self.visit(child)

    def paragraph(self, p: etree._Element) -> None:
        self.visit(p)
        mark = p.find(f"{_W}pPr/{_W}rPr")
        if mark is not None and mark.find(_W + "del") is not None and self.deleted is None:
            # A deleted paragraph mark: once accepted, this paragraph runs on into the next one.
            change = mark.find(_W + "del")
            self.changes.append(TrackedChange("deletion", change.get(_W + "author") or "",
                                              change.get(_W + "date") or "", "\n", self.pos, self.pos))
            return
        if mark is not None and mark.find(_W + "ins") is not None and self.deleted is None:
            change = mark.find(_W + "ins")
            self.changes.append(TrackedChange("insertion", change.get(_W + "author") or "",
                                              change.get(_W + "date") or "", "\n", self.pos, self.pos + 1))
        self.emit("\n")

    def run(self, r: etree._Element) -> None:
        rpr = r.find(_W + "rPr")
        if rpr is not None and _on(rpr, _W + "vanish"):
            return  # hidden text: not what a reader sees
        for child in r:
            tag = child.tag
            if tag in (_W + "t", _W + "delText"):
                # Word writes deleted words as w:delText inside w:del; a w:delText anywhere else is not shown.
                if tag == _W + "t" or self.deleted is not None:
                    self.emit(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                self.emit("\t")
            elif tag in (_W + "br", _W + "cr"):
                self.emit("\n")
            elif tag == _W + "noBreakHyphen":
                self.emit("\u2011")
            elif tag == _W + "commentReference":
                self.comment_refs.setdefault(child.get(_W + "id") or "", self.pos)
            elif tag == _MC + "AlternateContent":
                continue  # a drawing or text box in its modern and fallback forms

    def insertion(self, el: etree._Element) -> None:
        if self.deleted is not None:
            self.visit(el)  # inserted, then deleted by someone else: part of the deletion
            return
        start = self.pos
        self.visit(el)
        if self.pos > start:
            self.changes.append(TrackedChange("insertion", el.get(_W + "author") or "", el.get(_W + "date") or "",
                                              self._since(start), start, self.pos))

    def deletion(self, el: etree._Element) -> None:
        if self.deleted is not None:
            self.visit(el)
            return
        self.deleted = []
        try:
            self.visit(el)
            words = "".join(self.deleted)
        finally:
            self.deleted = None
        if words:
            self.changes.append(TrackedChange("deletion", el.get(_W + "author") or "", el.get(_W + "date") or "",
                                              words, self.pos, self.pos))

    def _since(self, start: int) -> str:
        """The accepted text from `start` to now (the output is a list of pieces, so walk back from the end)."""
        need = self.pos - start
        pieces: list[str] = []
        for piece in reversed(self.out):
            if need <= 0:
                break
            pieces.append(piece[-need:] if len(piece) > need else piece)
            need -= len(piece)
        return "".join(reversed(pieces))
