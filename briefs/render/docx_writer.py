"""Markdown to .docx on a reference document, mapped the way pandoc's docx writer maps it.

Block styles: Title and Subtitle (from the front matter), Heading 1-3, Body Text, Block Text (block
quotes), List Bullet / List Number (each numbered list restarts at 1), List Continue, a named table style
for tables, Footnote Text / Footnote Reference for real Word footnotes, Hyperlink for links (real
relationships). The header carries the handling marking; the footer the marking and "Page X of Y".

Markdown is parsed with markdown-it-py (CommonMark, tables, footnotes), the parser the TUI preview uses,
so the preview and the Word file read the same text the same way.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from briefs.errors import ExportError, InputError
from briefs.render import oxml
from briefs.render.oxml import W_PPR, add_run, new_paragraph, qn

DEFAULT_REFERENCE = Path(__file__).with_name("reference.docx")
TABLE_STYLE = "Fact Table"

@dataclass
class DocMeta:
    """Document properties and page furniture, read from the Markdown front matter."""

    title: str = ""
    subtitle: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    marking: str = ""
    header: str = ""
    created: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> DocMeta:
        def text(key: str) -> str:
            value = data.get(key)
            if value is None:
                return ""
            if isinstance(value, list | tuple):
                return ", ".join(str(v) for v in value)
            return oxml.xml_safe(str(value))

        created = data.get("date")
        when = None
        if isinstance(created, datetime):
            when = created
        elif created:
            try:
                when = datetime.fromisoformat(str(created))
            except ValueError:
                when = None
        return cls(
            title=text("title"),
            subtitle=text("subtitle"),
            author=text("author"),
            subject=text("subject"),
            keywords=text("keywords"),
            marking=text("marking"),
            header=text("header") or text("title"),
            created=when,
            extra=data,
        )


def _front_block(markdown: str) -> tuple[str | None, str]:
    """(the YAML text of a leading `---` block or None, the body after it)."""
    if not markdown.startswith("---\n"):
        return None, markdown
    end = markdown.find("\n---\n", 4)
    if end < 0:
        return None, markdown
    return markdown[4:end], markdown[end + 5 :]


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body) for Markdown that starts with a `---` YAML block, as pandoc reads it."""
    block, body = _front_block(markdown)
    if block is None:
        return {}, markdown
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(block, Loader=loader)
    except yaml.YAMLError as exc:
        raise InputError(f"the Markdown front matter is not valid YAML ({exc}); fix the block between ---") from None
    return (data if isinstance(data, dict) else {}), body


_PARSER = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin

        # Raw HTML off: a `<` in a quote is text, never markup. With it off the two HTML rules only return
        # False, but they are still tried at every line and every `<`: drop them from the chains.
        _PARSER = (
            MarkdownIt("commonmark", {"html": False})
            .enable("table")
            .disable(["html_block", "html_inline"])
            .use(footnote_plugin)
        )
    return _PARSER


@dataclass
class _Reference:
    """A reference document parsed once: a pristine package that exports deep-copy and never touch."""

    package: Any
    style_ids: dict[str, str]


# Keyed by (resolved path, mtime, size), so an organisation's reference edited on disk is read again.
_REFERENCES: dict[tuple[str, int, int], _Reference] = {}
_MAX_REFERENCES = 8


def _reference(reference: Path | None) -> _Reference:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(reference) if reference else DEFAULT_REFERENCE
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError):
        key = None
    cached = _REFERENCES.get(key) if key else None
    if cached is not None:
        return cached
    # The shipped reference is ours; a user's is read like any document a user names.
    data = path.read_bytes() if reference is None else _read_reference(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise InputError(f"the reference document {reference} is not a Word .docx file ({exc})") from None
    except Exception as exc:  # python-docx raises whatever its parts' parsers raise on a damaged package
        raise InputError(f"the reference document {reference} is a damaged .docx ({type(exc).__name__}); "
                         "open and save it again in Word, or use none for the shipped house style") from None
    if len(_REFERENCES) >= _MAX_REFERENCES:
        _REFERENCES.clear()
    cached = _Reference(document.part.package, _style_ids(document))
    if key:
        _REFERENCES[key] = cached
    return cached


def _read_reference(path: Path) -> bytes:
    """An organisation's reference document, read like any document a user names: a regular file within
    the import size limit, and a package that is not a zip bomb, encrypted or carrying a DTD."""
    from briefs.files import read_regular
    from briefs.settings import ImportLimits
    from briefs.sources.docx import check_package

    limits = ImportLimits.from_env()
    data = read_regular(path, limits.max_file_bytes, what="reference document", limit_name="import limit",
                        hint="use a smaller reference document or raise BRIEFS_MAX_FILE_MB")
    if not data.startswith(b"PK"):
        raise InputError(f"the reference document {path} is not a Word .docx file; choose another, or none for "
                         "the shipped house style")
    check_package(data, f"the reference document {path}", limits, error=InputError)
    return data


def _fresh_document(reference: Path | None) -> tuple[Any, dict[str, str]]:
    """A private copy of the reference document to write into, and its style name -> id map.

    Unzipping and parsing the reference took about a tenth of every export; a deep copy of the parsed
    package (python-docx parts with their lxml trees) costs a third of that and shares nothing mutable.
    """
    ref = _reference(reference)
    package = copy.deepcopy(ref.package)
    return package.main_document_part.document, dict(ref.style_ids)


# Deflate level 1: about 15% larger files than zlib's default 6 for less than half the compression time,
# which was a tenth of an export; Word, LibreOffice and the validators read either.
ZIP_LEVEL = 1


def _package_bytes(document: Any) -> bytes:
    """The .docx bytes: what python-docx's `Document.save` writes, with our deflate level.

    python-docx 1.2 always uses zlib's default level and has no option for it, so this repeats its
    `OpcPackage.save` / `PackageWriter.write` sequence (content types, package rels, each part and its
    rels) around a `zipfile.ZipFile` we open ourselves.
    """
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as package_zip:
        package_zip.writestr(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob)
        package_zip.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            package_zip.writestr(part.partname.membername, part.blob)
            if len(part.rels):
                package_zip.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


def markdown_to_docx(markdown: str, *, reference: Path | None = None, meta: DocMeta | None = None,
                     finish: Callable[[Any], None] | None = None) -> bytes:
    """Render Markdown as .docx bytes styled by `reference`.

    With `meta` given, `markdown` is the body alone and `meta` says what the document is; without it, a
    leading YAML front matter block (as pandoc reads it) gives the title, marking and the rest. `finish`
    gets the python-docx document last, before it is zipped (the export's provenance marks go in there).
    """
    if meta is None:
        front, body = split_front_matter(markdown)
        meta = DocMeta.from_mapping(front)
    else:
        body = markdown
    document, style_ids = _fresh_document(reference)
    writer = _Writer(document, style_ids)
    writer.front(meta)
    writer.blocks(_parser().parse(body))
    writer.page_furniture(meta)
    _core_properties(document, meta)
    if finish is not None:
        finish(document)
    try:
        return _package_bytes(document)
    except (ValueError, TypeError) as exc:
        raise ExportError(f"could not write the Word document: {exc}") from exc


def _core_properties(document: Any, meta: DocMeta) -> None:
    core = document.core_properties
    core.title = meta.title[:255]
    core.subject = (meta.subject or meta.subtitle)[:255]
    core.author = meta.author[:255] or "Briefs"
    core.last_modified_by = "Briefs"
    core.keywords = meta.keywords[:255]
    core.category = meta.marking[:255]
    core.comments = "Drafted with Briefs"
    when = meta.created or datetime.now(UTC).replace(microsecond=0)
    core.created = core.modified = when.replace(tzinfo=None) if when.tzinfo else when
    core.revision = 1


class _Writer:
    """Walks markdown-it block tokens and appends WordprocessingML to the document body."""

    def __init__(self, document: Any, style_ids: dict[str, str]) -> None:
        self.document = document
        self.part = document.part
        self.body = document.element.body
        # Content goes before the final <w:sectPr>: detach it now and put it back at the end.
        self.section = document.sections[0]
        self.sect_pr = self.body.find(qn("w:sectPr"))
        for child in list(self.body):
            self.body.remove(child)
        self.styles = style_ids
        self._footnotes: oxml.Footnotes | None = None
        self.notes: dict[int, list[Any]] = {}
        self.list_stack: list[dict[str, Any]] = []
        self.in_quote = 0
        self.new_item = False
        self.rules: list[Any] = []  # the paragraphs that draw a horizontal rule, in order

    # ------------------------------------------------------------------------------- styles
    def style(self, name: str) -> str:
        sid = self.styles.get(name)
        if sid:
            return sid
        return self._add_style(name)

    def _add_style(self, name: str) -> str:
        # An organisation's reference without the style: copy the house definition in, so the document
        # still uses the name a colleague can restyle (pandoc adds missing styles the same way).
        house = _house_styles().get(name)
        if house is None:
            from docx.enum.style import WD_STYLE_TYPE

            style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            self.styles[name] = style.style_id
            return style.style_id
        element = copy.deepcopy(house)
        for link in element.findall(qn("w:link")):
            element.remove(link)
        based = element.find(qn("w:basedOn"))
        if based is not None and based.get(qn("w:val")) not in self.styles.values():
            element.remove(based)
        self.document.styles.element.append(element)
        self.styles[name] = element.get(qn("w:styleId"))
        return self.styles[name]

    @property
    def footnotes(self) -> oxml.Footnotes:
        if self._footnotes is None:
            self._footnotes = oxml.Footnotes(self.part)
        return self._footnotes

    # ------------------------------------------------------------------------------- blocks
    def front(self, meta: DocMeta) -> None:
        if meta.title:
            add_run(new_paragraph(self.body, self.style("Title")), meta.title)
        if meta.subtitle:
            add_run(new_paragraph(self.body, self.style("Subtitle")), meta.subtitle)

    def blocks(self, tokens: list[Any]) -> None:
        self._collect_notes(tokens)
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            kind = tok.type
            if kind == "heading_open":
                level = min(int(tok.tag[1]), 3)
                self._inline_para(tokens[i + 1], self.style(f"Heading {level}"))
                i += 3
                continue
            if kind == "paragraph_open":
                self._inline_para(tokens[i + 1], self._paragraph_style())
                i += 3
                continue
            if kind == "blockquote_open":
                self.in_quote += 1
            elif kind == "blockquote_close":
                self.in_quote -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self._open_list(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_stack.pop()
            elif kind == "list_item_open":
                self.new_item = True
            elif kind == "table_open":
                i = self._table(tokens, i)
                continue
            elif kind == "hr":
                self.rules.append(self._rule())
            elif kind in ("fence", "code_block"):
                for line in tok.content.rstrip("\n").split("\n"):
                    add_run(new_paragraph(self.body, self.style("Body Text")), line, mono=True)
            elif kind == "footnote_block_open":
                # Definitions become real footnotes where they are referenced; skip the block itself.
                while i < n and tokens[i].type != "footnote_block_close":
                    i += 1
            i += 1
        self._keep_closing_block()
        if self.sect_pr is not None:
            self.body.append(self.sect_pr)

    def _keep_closing_block(self) -> None:
        """A signature or clearance block after the last rule ("Drafted by / Cleared by") stays on the page
        of what it signs: the paragraph before the rule, the rule and the block keep together."""
        if not self.rules:
            return
        rule = self.rules[-1]
        paragraphs = [el for el in self.body if el.tag == qn("w:p")]
        if rule not in paragraphs:
            return
        at = paragraphs.index(rule)
        after = paragraphs[at + 1:]
        if not after or len(after) > 3:
            return  # not a closing block: a rule in the middle of the brief
        for p in paragraphs[max(0, at - 1):-1]:
            oxml.keep_with_next(p)

    def _collect_notes(self, tokens: list[Any]) -> None:
        current: int | None = None
        for tok in tokens:
            if tok.type == "footnote_open":
                current = tok.meta["id"]
                self.notes[current] = []
            elif tok.type == "footnote_close":
                current = None
            elif current is not None and tok.type == "inline":
                self.notes[current].append(tok)

    def _paragraph_style(self) -> str:
        if self.in_quote:
            return self.style("Block Text")
        if self.list_stack:
            if self.new_item:
                self.new_item = False
                return self.list_stack[-1]["style"]
            return self.style("List Continue")
        return self.style("Body Text")

    def _open_list(self, ordered: bool) -> None:
        depth = len(self.list_stack)
        name = ("List Number" if ordered else "List Bullet") + (" 2" if depth else "")
        entry: dict[str, Any] = {"style": self.style(name), "ordered": ordered, "num_id": None}
        if ordered:
            entry["num_id"] = self._restart(name)
        self.list_stack.append(entry)

    def _restart(self, style_name: str) -> int | None:
        style_el = self.document.styles.element.xpath(f'./w:style[w:name/@w:val="{style_name}"]')
        num = style_el[0].xpath("./w:pPr/w:numPr/w:numId/@w:val") if style_el else []
        if not num:
            return None
        numbering = self.part.numbering_part.element
        return oxml.restarted_num_id(numbering, int(num[0]))

    def _inline_para(self, inline: Any, style_id: str) -> None:
        p = new_paragraph(self.body, style_id)
        entry = self.list_stack[-1] if self.list_stack and style_id == self.list_stack[-1]["style"] else None
        if entry and entry["num_id"] is not None:
            num_pr = etree.SubElement(p.find(W_PPR), qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
            etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), str(entry["num_id"]))
        self._inline(p, inline.children or [], self.part)

    def _inline(self, p: Any, children: list[Any], part: Any, *, allow_notes: bool = True) -> None:
        bold = italic = 0
        target = p
        previous = ""
        for tok in children:
            kind = tok.type
            if kind == "footnote_ref" and allow_notes and previous == "footnote_ref":
                # Two notes side by side read as one number ("²³"): a superscript comma keeps them apart.
                add_run(p, ",", style_id=self.style("Footnote Reference"))
            previous = kind
            if kind == "text":
                if tok.content:
                    add_run(target, tok.content, bold=bold > 0, italic=italic > 0,
                            style_id=self.style("Hyperlink") if target is not p else None)
            elif kind == "softbreak":
                add_run(target, " ")
            elif kind == "hardbreak":
                oxml.add_break(target)
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "code_inline":
                add_run(target, tok.content, mono=True)
            elif kind == "link_open":
                href = str(tok.attrs.get("href", ""))
                if href.startswith(("http://", "https://", "mailto:")):
                    target = oxml.add_hyperlink(p, part, oxml.xml_safe(href))
            elif kind == "link_close":
                target = p
            elif kind == "image":
                add_run(target, tok.content or "")
            elif kind == "footnote_ref" and allow_notes:
                self._footnote(p, tok.meta["id"])

    def _footnote(self, p: Any, note_id: int) -> None:
        note_p = self.footnotes.add(p, self.style("Footnote Reference"), self.style("Footnote Text"))
        inlines = self.notes.get(note_id, [])
        for index, inline in enumerate(inlines):
            if index:
                note_p = new_paragraph(note_p.getparent(), self.style("Footnote Text"))
            self._inline(note_p, inline.children or [], self.footnotes.part, allow_notes=False)

    def _table(self, tokens: list[Any], i: int) -> int:
        from docx.oxml.table import CT_Tbl
        from docx.shared import Emu

        rows: list[list[Any]] = []
        header_rows = 0
        in_head = False
        while tokens[i].type != "table_close":
            kind = tokens[i].type
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                rows.append([])
                header_rows += in_head
            elif kind == "inline":
                rows[-1].append(tokens[i])
            i += 1
        cols = max((len(r) for r in rows), default=0)
        if not rows or not cols:
            return i + 1
        section = self.section
        width = Emu(section.page_width - section.left_margin - section.right_margin)
        tbl = CT_Tbl.new_tbl(len(rows), cols, width)
        # Columns share the width by how much text they hold (a fact beside a short source), at least 15%.
        lengths = [sum(len(r[c].content) for r in rows if c < len(r)) + 1 for c in range(cols)]
        shares = [max(n / sum(lengths), 0.15) for n in lengths]
        widths = [Emu(int(width * s / sum(shares))) for s in shares]
        for grid_col, w in zip(tbl.tblGrid.gridCol_lst, widths, strict=False):
            grid_col.w = w
        for tr in tbl.tr_lst:
            for tc, w in zip(tr.tc_lst, widths, strict=False):
                tc.width = w
        tbl.tblStyle_val = self.style(TABLE_STYLE)
        trs = tbl.tr_lst
        for r_index, (tr, row) in enumerate(zip(trs, rows, strict=False)):
            if r_index < header_rows:
                # Repeat the header row on every page a long fact sheet spans.
                tr_pr = tr.get_or_add_trPr()
                etree.SubElement(tr_pr, qn("w:tblHeader"))
            for tc, inline in zip(tr.tc_lst, row, strict=False):
                self._inline(tc.p_lst[0], inline.children or [], self.part)
        for tr in trs:
            # A row is never cut across two pages (cantSplit comes before tblHeader in the schema).
            tr.get_or_add_trPr().insert(0, etree.Element(qn("w:cantSplit")))
        self.body.append(tbl)
        return i + 1

    def _rule(self) -> Any:
        p = new_paragraph(self.body, self.style("Body Text"))
        ppr = p.find(W_PPR)
        bdr = oxml.insert_ordered(ppr, etree.Element(qn("w:pBdr")), oxml.PPR_ORDER)
        edge = etree.SubElement(bdr, qn("w:bottom"))
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "A6B4C8")):
            edge.set(qn(f"w:{key}"), value)
        return p

    # ------------------------------------------------------------------------ header and footer
    def page_furniture(self, meta: DocMeta) -> None:
        section = self.section
        right_tab = int(section.page_width - section.left_margin - section.right_margin)
        marking_style = self.style("Marking")
        header_style, footer_style = self.style("Header"), self.style("Footer")
        running = [(section.header, False, False), (section.footer, True, False)]
        if section.different_first_page_header_footer:
            running += [(section.first_page_header, False, True), (section.first_page_footer, True, True)]
        for part_obj, is_footer, first in running:
            part_obj.is_linked_to_previous = False
            container = part_obj._element
            # Keep an organisation's own header/footer content (a logo, an address); add ours after it.
            for p in container.findall(qn("w:p")):
                if not "".join(p.itertext()).strip() and not p.findall(".//" + qn("w:drawing")):
                    container.remove(p)
            if is_footer:
                p = new_paragraph(container, footer_style)
                _tab(p, right_tab)
                add_run(p, meta.header[:90])
                add_run(p, "\t")
                add_run(p, "Page ")
                oxml.add_field(p, "PAGE", "1")
                add_run(p, " of ")
                oxml.add_field(p, "NUMPAGES", "1")
                if meta.marking:
                    p = new_paragraph(container, footer_style)
                    _align(p, "center")
                    add_run(p, meta.marking, style_id=marking_style)
            else:
                p = new_paragraph(container, header_style)
                if first:
                    _align(p, "center")
                    add_run(p, meta.marking or " ", style_id=marking_style)
                else:
                    _tab(p, right_tab)
                    add_run(p, meta.header[:90])
                    add_run(p, "\t")
                    add_run(p, meta.marking, style_id=marking_style)


def _tab(p: Any, position: int) -> None:
    ppr = p.find(W_PPR)
    tabs = oxml.insert_ordered(ppr, etree.Element(qn("w:tabs")), oxml.PPR_ORDER)
    tab = etree.SubElement(tabs, qn("w:tab"))
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position // 635))  # EMU -> twentieths of a point


def _align(p: Any, value: str) -> None:
    oxml.set_child(p.find(W_PPR), "w:jc", oxml.PPR_ORDER, val=value)


_HOUSE_STYLES: dict[str, Any] = {}


def _house_styles() -> dict[str, Any]:
    """name -> <w:style> of the shipped reference, parsed once."""
    if not _HOUSE_STYLES:
        import zipfile

        with zipfile.ZipFile(DEFAULT_REFERENCE) as package:
            root = etree.fromstring(package.read("word/styles.xml"))
        for style in root.findall(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                _HOUSE_STYLES[name.get(qn("w:val"))] = style
    return _HOUSE_STYLES


def _style_ids(document: Any) -> dict[str, str]:
    ids: dict[str, str] = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            ids.setdefault(name.get(qn("w:val")), style.get(qn("w:styleId")))
    # Word stores built-in names in lower case ("heading 1"); python-docx shows them capitalised.
    for key in list(ids):
        if key.islower() and key[:1].isalpha():
            ids.setdefault(key[0].upper() + key[1:], ids[key])
    return ids
