"""Word (.docx) import: paragraphs and tables in order, core properties, and broken files."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefs.errors import ImportFailed
from briefs.model import SourceKind
from briefs.sources import load_source
from briefs.sources.docx import load_docx

from .docs_maker import make_docx

PARAS = ["The agency said 41 trusts reported attacks.", '"We cannot allow it," the minister said.']


def test_paragraphs_are_joined_by_blank_lines_with_metadata(tmp_path) -> None:
    data = make_docx(
        PARAS,
        title="Cyber memo",
        author="Jane Doe",
        heading="Hospitals get cyber plan",
        table=[["Trusts", "41"], ["Budget", "120m"]],
    )
    path = tmp_path / "memo.docx"
    path.write_bytes(data)
    source = load_source(str(path))
    assert source.kind == SourceKind.DOCX
    assert source.text == "Hospitals get cyber plan\n\n" + "\n\n".join(PARAS) + "\n\nTrusts | 41\n\nBudget | 120m"
    assert (source.meta.title, source.meta.author) == ("Cyber memo", "Jane Doe")
    assert source.original == data


def test_title_falls_back_to_the_first_heading_and_library_author_is_ignored() -> None:
    source = load_docx(make_docx(PARAS, heading="Hospitals get cyber plan", author="python-docx"), origin="m.docx")
    assert source.meta.title == "Hospitals get cyber plan"
    assert source.meta.author is None


def test_truncated_docx_is_reported_as_damaged() -> None:
    data = make_docx(PARAS)
    with pytest.raises(ImportFailed, match=r"cut\.docx is a damaged"):
        load_docx(data[: len(data) // 2], origin="cut.docx")


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    with pytest.raises(ImportFailed, match=r"other\.docx is a damaged"):
        load_docx(out.getvalue(), origin="other.docx")


def test_binary_junk_and_password_protected_files() -> None:
    with pytest.raises(ImportFailed, match=r"junk\.docx is not a Word document"):
        load_docx(bytes(range(256)) * 10, origin="junk.docx")
    with pytest.raises(ImportFailed, match=r"locked\.docx is password-protected"):
        load_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, origin="locked.docx")


def test_document_without_text() -> None:
    with pytest.raises(ImportFailed, match=r"empty\.docx has no text"):
        load_docx(make_docx([]), origin="empty.docx")
