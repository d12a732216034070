"""PDF import: text layer, document info, and the files that cannot be imported."""

from __future__ import annotations

import pytest

from briefs.errors import ImportFailed
from briefs.model import SourceKind
from briefs.sources import load_source
from briefs.sources.pdf import load_pdf

from .docs_maker import encrypt_pdf, make_pdf

PAGE_ONE = ["Hospitals get cyber plan", "The agency said 41 trusts reported attacks that", "disrupted appointments."]
PAGE_TWO = ['"We cannot allow gangs to hold patients to ransom," the minister said.']


def test_text_and_info_are_imported(tmp_path) -> None:
    data = make_pdf(
        [PAGE_ONE, PAGE_TWO],
        {"Title": "Cyber plan briefing", "Author": "Jane Doe", "CreationDate": "D:20240305101500+01'00'"},
    )
    path = tmp_path / "briefing.pdf"
    path.write_bytes(data)
    source = load_source(str(path))
    assert source.kind == SourceKind.PDF
    assert source.meta.title == "Cyber plan briefing"
    assert source.meta.author == "Jane Doe"
    assert source.meta.published == "2024-03-05"
    assert source.original == data and source.original_type == "application/pdf"
    # A sentence broken across two lines reads as one; pages are separate paragraphs.
    assert "41 trusts reported attacks that disrupted appointments." in source.text
    assert '\n\n"We cannot allow gangs to hold patients to ransom," the minister said.' in source.text


def test_title_falls_back_to_the_first_line() -> None:
    assert load_pdf(make_pdf([PAGE_ONE]), origin="x.pdf").meta.title == "Hospitals get cyber plan"


def test_scanned_pdf_without_text_layer_asks_for_ocr() -> None:
    with pytest.raises(ImportFailed, match=r"scan\.pdf has no text layer.*OCR"):
        load_pdf(make_pdf([[], []], image_only=True), origin="scan.pdf")


def test_password_protected_pdf_is_refused_with_advice() -> None:
    data = encrypt_pdf(make_pdf([PAGE_ONE]))
    with pytest.raises(ImportFailed, match=r"locked\.pdf is password-protected; remove the password"):
        load_pdf(data, origin="locked.pdf")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n" + bytes(range(256)) * 20, make_pdf([PAGE_ONE])[:300], b"\x89PNG\r\n\x1a\n" + b"\x00" * 500],
    ids=["junk-after-header", "truncated", "not-a-pdf"],
)
def test_damaged_or_fake_pdf_gets_one_line(data: bytes) -> None:
    with pytest.raises(ImportFailed) as caught:
        load_pdf(data, origin="bad.pdf")
    assert "bad.pdf" in str(caught.value) and "\n" not in str(caught.value)
