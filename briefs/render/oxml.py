"""What python-docx lacks, at the oxml level, in one place: footnotes, hyperlinks, fields, list restarts.

python-docx 1.2 has no API for footnotes, external hyperlinks, PAGE/NUMPAGES fields or restarting a
numbered list, so these helpers build the WordprocessingML elements directly. Everything that knows
element names and their schema order lives here, so the writer never does string surgery.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

# The schema order of <w:pPr> and <w:rPr> children (ECMA-376 §17.3.1.26, §17.3.2.28): Word and the
# validators reject a document whose children are out of this order.
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)

# Clark names computed once: the writer makes thousands of elements per export and `qn` splits and
# looks up its argument on every call.
W_P, W_R, W_T, W_PPR, W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr"), qn("w:rPr")
W_VAL, W_ID = qn("w:val"), qn("w:id")
W_PSTYLE, W_RSTYLE, W_RFONTS, W_B, W_I = qn("w:pStyle"), qn("w:rStyle"), qn("w:rFonts"), qn("w:b"), qn("w:i")
W_BR, W_TAB, W_ASCII, W_HANSI = qn("w:br"), qn("w:tab"), qn("w:ascii"), qn("w:hAnsi")
W_FLDCHAR, W_FLDCHARTYPE, W_INSTRTEXT = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
W_FOOTNOTE, W_FOOTNOTEREF, W_FOOTNOTEREFERENCE = qn("w:footnote"), qn("w:footnoteRef"), qn("w:footnoteReference")
W_HYPERLINK = qn("w:hyperlink")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
R_ID = qn("r:id")
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}

# Characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/FFFF).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with the characters XML cannot hold removed, so lxml never refuses a run."""
    return _XML_BAD.sub("", text)


@lru_cache(maxsize=64)
def _later_tags(order: tuple[str, ...], tag: str) -> frozenset[str]:
    tags = [qn(t) for t in order]
    return frozenset(tags[tags.index(tag) + 1 :])


def keep_with_next(p: etree._Element) -> None:
    """Keep a paragraph on the same page as the one after it (Word's "Keep with next")."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    if ppr.find(qn("w:keepNext")) is None:
        insert_ordered(ppr, etree.Element(qn("w:keepNext")), PPR_ORDER)


def insert_ordered(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> etree._Element:
    """Insert `child` into `parent` before the first sibling that the schema orders after it."""
    later = _later_tags(tuple(order), child.tag)
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def set_child(parent: etree._Element, tag: str, order: Sequence[str], **attrs: str) -> etree._Element:
    """The single `tag` child of `parent` (replacing any), with `w:`-prefixed attributes `attrs`."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    child = etree.Element(qn(tag))
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return insert_ordered(parent, child, order)


# ------------------------------------------------------------------------------------------ runs
def new_paragraph(parent: etree._Element, style_id: str | None) -> etree._Element:
    p = etree.SubElement(parent, W_P)
    if style_id:
        etree.SubElement(etree.SubElement(p, W_PPR), W_PSTYLE).set(W_VAL, style_id)
    return p


def add_run(
    parent: etree._Element,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    style_id: str | None = None,
    mono: bool = False,
) -> etree._Element:
    """Append a run of `text` to a paragraph (or hyperlink) element; newlines become line breaks."""
    r = etree.SubElement(parent, W_R)
    if bold or italic or style_id or mono:
        rpr = etree.SubElement(r, W_RPR)
        if style_id:
            etree.SubElement(rpr, W_RSTYLE).set(W_VAL, style_id)
        if mono:
            fonts = etree.SubElement(rpr, W_RFONTS)
            fonts.set(W_ASCII, "Courier New")
            fonts.set(W_HANSI, "Courier New")
        if bold:
            etree.SubElement(rpr, W_B)
        if italic:
            etree.SubElement(rpr, W_I)
    text = xml_safe(text)
    if "\n" not in text and "\t" not in text:
        # The common case (a sentence): one <w:t>, no splitting.
        if text:
            _add_text(r, text)
        return r
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(r, W_BR)
        for t_index, chunk in enumerate(line.split("\t")):
            # A tab inside <w:t> is not a tab stop in Word: it must be its own <w:tab/>.
            if t_index:
                etree.SubElement(r, W_TAB)
            if chunk:
                _add_text(r, chunk)
    return r


def _add_text(r: etree._Element, chunk: str) -> None:
    t = etree.SubElement(r, W_T)
    t.text = chunk
    if chunk[0] == " " or chunk[-1] == " ":
        t.set(XML_SPACE, "preserve")


def add_break(parent: etree._Element) -> None:
    etree.SubElement(etree.SubElement(parent, W_R), W_BR)


# ------------------------------------------------------------------------------------ hyperlinks
def add_hyperlink(paragraph: etree._Element, part: Part, url: str) -> etree._Element:
    """Append an empty <w:hyperlink> to an external `url`, related from `part` (document or footnotes).

    The caller adds the runs; a relationship (not a HYPERLINK field) is what Word and LibreOffice
    both follow and what pandoc writes.
    """
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = etree.SubElement(paragraph, W_HYPERLINK)
    link.set(R_ID, rid)
    return link


# ---------------------------------------------------------------------------------------- fields
def add_field(paragraph: etree._Element, instruction: str, placeholder: str, style_id: str | None = None) -> None:
    """Append a complex field (`PAGE`, `NUMPAGES`, ...) whose cached result is `placeholder`."""

    def run() -> etree._Element:
        r = etree.SubElement(paragraph, W_R)
        if style_id:
            etree.SubElement(etree.SubElement(r, W_RPR), W_RSTYLE).set(W_VAL, style_id)
        return r

    etree.SubElement(run(), W_FLDCHAR).set(W_FLDCHARTYPE, "begin")
    instr = etree.SubElement(run(), W_INSTRTEXT)
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    etree.SubElement(run(), W_FLDCHAR).set(W_FLDCHARTYPE, "separate")
    etree.SubElement(run(), W_T).text = placeholder
    etree.SubElement(run(), W_FLDCHAR).set(W_FLDCHARTYPE, "end")


# ------------------------------------------------------------------------------------- footnotes
_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class Footnotes:
    """The document's footnotes part (created when the reference has none) and the next free id."""

    def __init__(self, document_part: Part) -> None:
        part = None
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                part = rel.target_part
                break
        if part is None:
            part = XmlPart(
                PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML), document_part.package
            )
            document_part.relate_to(part, RT.FOOTNOTES)
        elif not isinstance(part, XmlPart):
            # python-docx loads parts it has no class for as plain bytes: parse them once here.
            part = _as_xml_part(document_part, part)
        self.part: XmlPart = part
        self._root = part.element
        ids = [int(x) for x in etree.XPath("./w:footnote/@w:id", namespaces=_NS)(part.element)]
        self._next = max([0, *ids]) + 1

    def add(self, body_paragraph: etree._Element, ref_style: str, text_style: str) -> etree._Element:
        """Put a footnote reference at the end of `body_paragraph`; return the note's paragraph to fill."""
        note_id = str(self._next)
        self._next += 1
        r = etree.SubElement(body_paragraph, W_R)
        etree.SubElement(etree.SubElement(r, W_RPR), W_RSTYLE).set(W_VAL, ref_style)
        etree.SubElement(r, W_FOOTNOTEREFERENCE).set(W_ID, note_id)
        note = etree.SubElement(self._root, W_FOOTNOTE)
        note.set(W_ID, note_id)
        p = new_paragraph(note, text_style)
        r = etree.SubElement(p, W_R)
        etree.SubElement(etree.SubElement(r, W_RPR), W_RSTYLE).set(W_VAL, ref_style)
        etree.SubElement(r, W_FOOTNOTEREF)
        add_run(p, " ")
        return p


def _as_xml_part(document_part: Part, part: Part) -> XmlPart:
    xml_part = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
    for rel_id, rel in list(document_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:
            document_part.rels.pop(rel_id)
            document_part.rels.add_relationship(RT.FOOTNOTES, xml_part, rel_id)
    # Relationships out of the old part (hyperlinks in the organisation's own notes) carry over.
    for rel_id, rel in part.rels.items():
        xml_part.rels.add_relationship(rel.reltype, rel.target_ref if rel.is_external else rel.target_part,
                                       rel_id, rel.is_external)
    return xml_part


# ------------------------------------------------------------------------------------- numbering
def restarted_num_id(numbering: etree._Element, base_num_id: int) -> int:
    """A new list instance of the same abstract definition as `base_num_id`, starting again at 1.

    Word continues numbering across every paragraph that shares a numId; pandoc and Word's own
    "Restart at 1" both make a new <w:num> with a startOverride.
    """
    abstract = etree.XPath(f'./w:num[@w:numId="{base_num_id}"]/w:abstractNumId/@w:val', namespaces=_NS)(numbering)
    if not abstract:
        return base_num_id
    num = numbering.add_num(int(abstract[0]))
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    return int(num.numId)
