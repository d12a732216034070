"""Reading a reviewed Word file at the XML level: the accepted text, each tracked change, comments, bookmarks."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefs.errors import InputError
from briefs.sources.wordml import read_word

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"'
        ' Target="comments.xml"/></Relationships>')


def package(body: str, comments: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if comments:
            z.writestr("word/_rels/document.xml.rels", RELS)
            z.writestr("word/comments.xml", f"<w:comments {W}>{comments}</w:comments>")
    return buffer.getvalue()


def change(tag: str, inner: str, author: str = "Ann") -> str:
    return f'<w:{tag} w:id="1" w:author="{author}" w:date="2026-10-21T09:00:00Z">{inner}</w:{tag}>'


def test_tracked_changes_are_accepted_and_each_is_listed() -> None:
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">We lost </w:t></w:r>"
            + change("del", "<w:r><w:delText>the</w:delText></w:r>")
            + change("ins", "<w:r><w:t>a</w:t></w:r>", "Bob")
            + "<w:r><w:t xml:space=\"preserve\"> plant.</w:t></w:r></w:p>")
    doc = read_word(package(body), origin="x.docx")
    assert doc.text == "We lost a plant.\n"
    assert [(c.kind, c.text, c.author, c.start, c.end) for c in doc.changes] == [
        ("deletion", "the", "Ann", 8, 8), ("insertion", "a", "Bob", 8, 9)]
    assert doc.before_changes(0, len("We lost a plant.")) == "We lost the plant."


def test_moves_hidden_text_fields_and_a_deleted_paragraph_mark() -> None:
    body = ("<w:p><w:pPr><w:rPr>" + change("del", "") + "</w:rPr></w:pPr>"
            + "<w:r><w:t>One</w:t></w:r>"
            + change("moveFrom", "<w:r><w:t>gone</w:t></w:r>")
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            + "<w:p>" + change("moveTo", "<w:r><w:t>two</w:t></w:r>") + "<w:r><w:tab/><w:t>three</w:t></w:r></w:p>")
    doc = read_word(package(body), origin="x.docx")
    # The deleted paragraph mark joins the two paragraphs; the moved words are where they went.
    assert doc.text == "One7two\tthree\n"
    assert [(c.kind, c.text) for c in doc.changes] == [("deletion", "gone"), ("deletion", "\n"), ("insertion", "two")]


def test_tables_content_controls_and_hyperlinks_are_read_in_order() -> None:
    body = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:sdt><w:sdtPr><w:tag w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:hyperlink><w:r><w:t>linked</w:t>'
            '</w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>')
    assert read_word(package(body), origin="x.docx").text == "cell one\ncell two\nlinked\n"


def test_comments_with_their_anchor_and_bookmarks() -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">He said </w:t></w:r><w:commentRangeStart w:id="4"/>'
            '<w:bookmarkStart w:id="0" w:name="Briefs_n3_0123abcd"/><w:r><w:t>we lost</w:t></w:r>'
            '<w:bookmarkEnd w:id="0"/><w:commentRangeEnd w:id="4"/>'
            '<w:r><w:commentReference w:id="4"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Point comment here</w:t></w:r><w:r><w:commentReference w:id="5"/></w:r></w:p>')
    comments = ('<w:comment w:id="4" w:author="Ann" w:date="2026-10-21T09:00:00Z"><w:p><w:r><w:t>Which plant?</w:t>'
                '</w:r></w:p></w:comment><w:comment w:id="5" w:author="Bob"><w:p><w:r><w:t>Source?</w:t></w:r></w:p>'
                '</w:comment>')
    doc = read_word(package(body, comments), origin="x.docx")
    assert [(c.author, c.text, c.anchor) for c in doc.comments] == [
        ("Ann", "Which plant?", "we lost"), ("Bob", "Source?", "Point comment here")]
    (mark,) = doc.bookmarks
    assert (mark.name, doc.text[mark.start:mark.end]) == ("Briefs_n3_0123abcd", "we lost")


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "not a Word document"),
    (b"PK\x05\x06" + b"\0" * 18, "no document body"),
])
def test_what_is_not_a_document_says_so(data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        read_word(data, origin="x.docx")


def test_an_external_entity_is_never_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", xml)
    with pytest.raises(InputError, match="entity declarations"):
        read_word(buffer.getvalue(), origin="x.docx")
