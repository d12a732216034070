"""Generate the shipped house-style reference.docx, reproducibly.

    python scripts/make_reference_docx.py [OUT]      (default: briefs/render/reference.docx)

The house style is code, not a hand-edited binary: this script starts from python-docx's default
template, removes what a brief never uses (dozens of table styles, the Word 2010 stylesWithEffects part
that no longer matches styles.xml, the thumbnail), defines the styles the Markdown writer maps to (the
same names pandoc's docx writer uses), and writes the zip with fixed timestamps so that running it twice
gives identical bytes. An organisation can design its own reference in Word from these style names and
pass it with `--reference`.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from briefs.render.oxml import PPR_ORDER, insert_ordered

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "briefs" / "render" / "reference.docx"

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
INK = RGBColor(0x22, 0x22, 0x22)
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
NAVY_HEX, RULE_HEX, TINT_HEX = "1F3864", "A6B4C8", "EEF2F7"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}


def build() -> bytes:
    document = docx.Document()
    _prune(document)
    _page(document)
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, size=10.5, color=INK)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _doc_defaults(document)

    body = _para_style(styles, "Body Text", base="Normal")
    body.paragraph_format.space_after = Pt(8)

    title = _para_style(styles, "Title", base="Normal", next_style="Subtitle")
    _font(title, size=22, bold=True, color=NAVY)
    title.paragraph_format.space_after = Pt(2)
    _clear_borders(title)
    subtitle = _para_style(styles, "Subtitle", base="Normal", next_style="Body Text")
    _font(subtitle, size=12, italic=False, color=GREY)
    subtitle.paragraph_format.space_after = Pt(12)
    _border(subtitle, "bottom", size=12, color=NAVY_HEX, space=6)

    for level, (size, before) in enumerate(((13, 14), (11.5, 10), (10.5, 8)), start=1):
        heading = _para_style(styles, f"Heading {level}", base="Normal", next_style="Body Text")
        _font(heading, size=size, bold=True, italic=level == 3, color=NAVY)
        fmt = heading.paragraph_format
        fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(before), Pt(4), True
        if level == 1:
            _border(heading, "bottom", size=4, color=RULE_HEX, space=2)

    block = _para_style(styles, "Block Text", base="Body Text")
    _font(block, size=10.5, italic=True, color=INK)
    block.paragraph_format.left_indent = Cm(0.6)
    block.paragraph_format.right_indent = Cm(0.6)
    block.paragraph_format.space_before = Pt(4)
    _border(block, "left", size=18, color=NAVY_HEX, space=8)
    _shade(block, TINT_HEX)

    for name in ("List Bullet", "List Number", "List Bullet 2", "List Number 2", "List Continue"):
        style = _para_style(styles, name, base="Normal")
        style.paragraph_format.space_after = Pt(3)

    caption = _para_style(styles, "Caption", base="Normal")
    _font(caption, size=9, italic=True, color=GREY)

    note = _para_style(styles, "Footnote Text", base="Normal")
    _font(note, size=8.5, color=GREY)
    note.paragraph_format.space_after = Pt(0)
    note.paragraph_format.line_spacing = 1.0
    ref = _char_style(styles, "Footnote Reference")
    ref.font.superscript = True
    link = _char_style(styles, "Hyperlink")
    link.font.color.rgb = NAVY
    link.font.underline = True

    for name in ("Header", "Footer"):
        style = _para_style(styles, name, base="Normal")
        _font(style, size=8, color=GREY)
        style.paragraph_format.space_after = Pt(0)
        # The default template's centre/right tab stops would catch the writer's one right-aligned tab.
        for tabs in _ppr(style).findall(qn("w:tabs")):
            _ppr(style).remove(tabs)
    marking = _char_style(styles, "Marking")
    marking.font.bold = True
    marking.font.all_caps = True
    marking.font.color.rgb = RGBColor(0x9C, 0x1C, 0x1C)

    meta = _para_style(styles, "Memo Header", base="Normal", next_style="Body Text")
    meta.paragraph_format.space_after = Pt(2)
    _add_fact_table_style(document)
    _one_font(document)
    _core(document)

    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


# ---------------------------------------------------------------------------------------- pieces
def _prune(document: docx.document.Document) -> None:
    root = document.styles.element
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "table" and name is not None and name.get(qn("w:val")) not in KEEP_TABLE_STYLES:
            root.remove(style)
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.is_external:
            continue
        if rel.target_part.partname.endswith(("stylesWithEffects.xml", "customXml/item1.xml")):
            part.drop_rel(rel_id) if hasattr(part, "drop_rel") else part.rels.pop(rel_id)
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)


def _page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.0)
    # The house style gives the first page its own header (a marking banner without the running title).
    section.different_first_page_header_footer = True
    for header in (section.header, section.first_page_header):
        header.is_linked_to_previous = False
        header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False


def _doc_defaults(document: docx.document.Document) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)


def _para_style(styles, name: str, *, base: str | None = None, next_style: str | None = None):
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = styles[base]
    if next_style:
        style.next_paragraph_style = styles[next_style]
    style.quick_style = True
    style.hidden = False
    return style


def _char_style(styles, name: str):
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.base_style = styles["Default Paragraph Font"]
        return style


def _font(style, *, size: float, bold: bool = False, italic: bool = False, color: RGBColor | None = None) -> None:
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold, font.italic = bold, italic
    if color is not None:
        font.color.rgb = color
        font.color.theme_color = None


def _ppr(style) -> etree._Element:
    return style.element.get_or_add_pPr()


def _clear_borders(style) -> None:
    ppr = _ppr(style)
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)


def _border(style, side: str, *, size: int, color: str, space: int) -> None:
    ppr = _ppr(style)
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = insert_ordered(ppr, etree.Element(qn("w:pBdr")), PPR_ORDER)
    edge = etree.SubElement(bdr, qn(f"w:{side}"))
    for key, value in (("val", "single"), ("sz", str(size)), ("space", str(space)), ("color", color)):
        edge.set(qn(f"w:{key}"), value)


def _shade(style, fill: str) -> None:
    shd = etree.Element(qn("w:shd"))
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    insert_ordered(_ppr(style), shd, PPR_ORDER)


def _add_fact_table_style(document: docx.document.Document) -> None:
    """A named table style for fact sheets: ruled rows, a navy header row with white bold text."""
    xml = f"""<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="FactTable">
  <w:name w:val="Fact Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{NAVY_HEX}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY_HEX}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>
    </w:tblBorders>
    <w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY_HEX}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
    document.styles.element.append(parse_xml(xml))
    table_normal = document.styles.element.xpath('./w:style[@w:type="table" and w:name/@w:val="Normal Table"]')
    if table_normal:
        table_normal[0].set(qn("w:styleId"), "TableNormal")


def _one_font(document: docx.document.Document) -> None:
    # The default template points headings at theme fonts (Calibri/Cambria), which override the
    # explicit names: drop the theme references so every style uses the house font.
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        fonts.set(qn("w:ascii"), FONT)
        fonts.set(qn("w:hAnsi"), FONT)


def _core(document: docx.document.Document) -> None:
    core = document.core_properties
    core.author = "Briefs"
    core.last_modified_by = "Briefs"
    core.title = "Briefs house style"
    core.comments = "Reference document for Briefs exports; generated by scripts/make_reference_docx.py"
    core.created = core.modified = FIXED_TIME
    core.revision = 1


def _normalise_zip(data: bytes) -> bytes:
    """Re-pack with fixed timestamps and order so the output is byte-for-byte reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        # [Content_Types].xml first, as Office writes it.
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.write_bytes(build())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
