"""`briefs draft` on the bundled sample article, for each shipped template: a valid, styled Word file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from briefs.cli import main
from briefs.desk import open_desk
from tests.render.conftest import audit, body_paragraphs, needs_soffice

TEMPLATES = ["issue-brief", "decision-memo", "info-memo", "talking-points", "media-digest"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_draft_sample_gives_a_valid_styled_document(template: str, tmp_path: Path, desk_path: Path, capsys) -> None:
    out = tmp_path / f"{template}.docx"
    assert main(["--desk", str(desk_path), "draft", "s1", "--template", template, "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    assert printed[0].startswith("b") and str(out) in " ".join(printed)
    audit(out)

    paragraphs = body_paragraphs(out)
    texts = "\n".join(t for _, t in paragraphs)
    assert paragraphs[0][0] == "Title" and paragraphs[1][0] == "Subtitle"
    for bad in ("None", "{{", "{%", "**", "[^", "\\"):
        assert bad not in texts, f"{bad!r} leaked into the document"
    # No heading without something under it.
    for (style, text), (next_style, _) in zip(paragraphs, [*paragraphs[1:], ("end", "")], strict=True):
        if style.startswith("Heading"):
            assert text.strip() and not next_style.startswith("Heading"), f"empty heading {text!r}"

    with open_desk(desk_path) as desk:
        brief = desk.list_briefs()[0]
        snippets = desk.get_snippets(brief.snippet_ids())
    quotes = [s for s in snippets.values() if s.kind.value == "quote"]
    facts = [s for s in snippets.values() if s.kind.value == "fact"]
    assert quotes and facts
    block = [t for s, t in paragraphs if s == "Block Text"]
    for quote in quotes:
        # Every quote is in a Block Text paragraph, attributed there or in the attribution line after it.
        hits = [i for i, t in enumerate(block) if quote.text.strip(" ,") in t]
        assert hits, quote.text
        assert any(quote.speaker in " ".join(block[i : i + 2]) for i in hits), quote.speaker
    for fact in facts:
        assert fact.text in texts, fact.text

    document = docx.Document(str(out))
    section = document.sections[0]
    marking = brief.marking
    for header in (section.header, section.first_page_header):
        assert marking in "".join(p.text for p in header.paragraphs)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and marking in footer_xml
    assert document.core_properties.title == brief.title

    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        if template in {"issue-brief", "talking-points", "media-digest"}:
            notes = z.read("word/footnotes.xml").decode()
            assert "The Meridian Ledger" in notes and "footnoteRef" in notes
            assert z.read("word/document.xml").decode().count("<w:footnoteReference") >= len(facts)
            rels = z.read("word/_rels/footnotes.xml.rels").decode()
            assert "meridian-ledger.example" in rels and 'TargetMode="External"' in rels
        else:
            # Decision and information memos name the source in the sentence instead of footnoting.
            assert "word/footnotes.xml" not in names
            assert "The Meridian Ledger" in texts


@needs_soffice
@pytest.mark.libreoffice
def test_libreoffice_converts_the_export_to_pdf(tmp_path: Path, desk_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "brief.pdf"
    assert main(["--desk", str(desk_path), "draft", "s1", "-t", "issue-brief", "--out", str(out)]) == 0
    reader = PdfReader(str(out))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 1
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text and "OFFICIAL" in text


def test_pdf_without_libreoffice_says_how_to_install(tmp_path: Path, desk_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    code = main(["--desk", str(desk_path), "draft", "s1", "-t", "info-memo", "--out", str(tmp_path / "x.pdf")])
    assert code == 1
    assert "libreoffice-writer-nogui" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_numbered_lists_restart(tmp_path: Path) -> None:
    from briefs.render.docx_writer import markdown_to_docx

    out = tmp_path / "lists.docx"
    out.write_bytes(markdown_to_docx("1. a\n2. b\n\ntext\n\n1. c\n2. d\n"))
    audit(out)
    document = docx.Document(str(out))
    num_ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs if p.style.name == "List Number"]
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]


def test_reference_docx_is_reproducible_from_the_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "reference.docx"
    subprocess.run([sys.executable, str(root / "scripts" / "make_reference_docx.py"), str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (root / "briefs" / "render" / "reference.docx").read_bytes()
    audit(out)


def test_organisation_reference_is_used(tmp_path: Path, desk_path: Path) -> None:
    # A plain python-docx document as someone's own house style: its page size wins, missing styles are added.
    from docx.shared import Cm

    reference = tmp_path / "house.docx"
    house = docx.Document()
    house.sections[0].page_width = Cm(20)
    house.save(str(reference))
    out = tmp_path / "b.docx"
    assert main(["--desk", str(desk_path), "draft", "s1", "-t", "issue-brief", "-o", str(out),
                 "--reference", str(reference)]) == 0
    document = docx.Document(str(out))
    assert abs(document.sections[0].page_width - Cm(20)) < Cm(0.01)
    assert any(p.style.name == "Block Text" for p in document.paragraphs)
