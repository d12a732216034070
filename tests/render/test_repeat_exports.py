"""Many exports in one process (the TUI, the bench): each starts from the reference as it is on disk.

The writer parses a reference document once per process and copies it for every export, so these check
that nothing one export adds (footnotes, list numbering, hyperlinks, styles) shows up in the next, that an
organisation's reference edited on disk is read again, and that a broken one is still a clear error.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from briefs.errors import InputError
from briefs.render.docx_writer import markdown_to_docx
from tests.render.conftest import audit

NOTES = "A point.[^1]\n\n1. one\n2. two\n\nSee [the report](https://example.org/r).\n\n[^1]: A source, 2026.\n"
PLAIN = "Just a paragraph.\n"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_an_export_leaves_nothing_behind_for_the_next(tmp_path: Path) -> None:
    first = parts(markdown_to_docx(NOTES))
    plain = parts(markdown_to_docx(PLAIN))
    again = parts(markdown_to_docx(NOTES))

    # The plain document has no footnotes part, no hyperlink relationship and no restarted list.
    assert "word/footnotes.xml" not in plain
    assert b"example.org/r" not in plain["word/_rels/document.xml.rels"]
    assert b"Just a paragraph." in plain["word/document.xml"] and b"A point." not in plain["word/document.xml"]
    # The same Markdown again gives the same parts: one footnote, one list restart, one link.
    for name in ("word/document.xml", "word/footnotes.xml", "word/numbering.xml", "word/styles.xml",
                 "word/_rels/document.xml.rels"):
        assert again[name] == first[name], name
    assert again["word/footnotes.xml"].count(b"<w:footnote ") == 3  # separator, continuation, our note

    out = tmp_path / "again.docx"
    out.write_bytes(markdown_to_docx(NOTES))
    audit(out)


def test_an_organisation_reference_edited_on_disk_is_read_again(tmp_path: Path) -> None:
    reference = tmp_path / "house.docx"
    house = docx.Document()
    house.sections[0].page_width = Cm(20)
    house.save(str(reference))
    first = docx.Document(io.BytesIO(markdown_to_docx(PLAIN, reference=reference)))
    assert abs(first.sections[0].page_width - Cm(20)) < Cm(0.01)

    house.sections[0].page_width = Cm(18)
    house.add_paragraph("padding so the file size changes as well as its time")
    house.save(str(reference))
    second = docx.Document(io.BytesIO(markdown_to_docx(PLAIN, reference=reference)))
    assert abs(second.sections[0].page_width - Cm(18)) < Cm(0.01)


def test_a_reference_that_is_not_a_word_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip at all", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.docx"):
        markdown_to_docx(PLAIN, reference=bad)
    with pytest.raises(InputError, match=r"missing\.docx: no such reference document"):
        markdown_to_docx(PLAIN, reference=tmp_path / "missing.docx")
