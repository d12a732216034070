"""Plain-text import: every common encoding decodes, and offsets line up with the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefs.errors import ImportFailed
from briefs.sources import load_paste, load_source
from briefs.sources.common import Limits

TEXT = (
    "Ministers met on Tuesday.\n\n\u201cWe are ready,\u201d said Ana Pereira. "
    "Costs rose 12% \u2014 to \u20ac4 million."
)
LATIN = (
    "Le ministre a d\u00e9clar\u00e9 que la r\u00e9forme co\u00fbtera 12 millions. "
    "\u00ab Nous sommes pr\u00eats \u00bb, a-t-il dit."
)


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("utf-16-le"), None),  # no BOM: still decodes, via charset detection
        (TEXT.replace("\u20ac", "EUR").encode("cp1252"), TEXT.replace("\u20ac", "EUR")),
        (LATIN.encode("latin-1") * 3, LATIN * 3),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "cp1252", "latin1"],
)
def test_common_encodings_decode_to_the_same_text(tmp_path: Path, encoded: bytes, expected: str | None) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    if expected is None:
        expected = TEXT
    assert load_source(str(path)).text == expected


def test_crlf_becomes_lf_and_nothing_else_changes(tmp_path: Path) -> None:
    original = "Title\r\n\r\n  Indented line  \r\nTabs\there\r\nLast"
    path = tmp_path / "windows.txt"
    path.write_bytes(original.encode())
    source = load_source(str(path))
    assert source.text == original.replace("\r\n", "\n")
    assert source.original == original.encode()
    assert source.meta.title == "Title"


def test_offsets_line_up_with_the_file_even_with_control_characters(tmp_path: Path) -> None:
    original = "Alpha\x07beta \u201cquoted\u201d gamma"
    path = tmp_path / "bell.txt"
    path.write_text(original, encoding="utf-8")
    text = load_source(str(path)).text
    assert len(text) == len(original)
    assert "\x07" not in text
    assert text.index("quoted") == original.index("quoted")


def test_markdown_files_import_as_text_with_their_heading_as_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Grid resilience\n\nUtilities reported 3 outages.", encoding="utf-8")
    source = load_source(str(path))
    assert source.meta.title == "Grid resilience"
    assert source.text.startswith("# Grid resilience")


def test_stdin_is_read_with_a_dash() -> None:
    source = load_source("-", stdin=io.BytesIO(TEXT.encode("utf-16")))
    assert source.text == TEXT
    assert source.origin == "-"


def test_pasted_text_keeps_what_was_typed() -> None:
    source = load_paste("Headline\r\n\r\nBody text.", url="https://example.org/a")
    assert source.text == "Headline\n\nBody text."
    assert source.meta.title == "Headline"
    assert source.meta.url == "https://example.org/a"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("nul.txt", b"abc\x00def" * 100, "binary"),
        ("notes.rtf", b"{\\rtf1 hello}", "unknown file type .rtf"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
    ],
)
def test_bad_files_fail_with_one_line_naming_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as err:
        load_source(str(path))
    assert message in str(err.value)
    assert name in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_files_folders_and_oversized_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no such file"):
        load_source(str(tmp_path / "missing.txt"))
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ImportFailed, match="is a folder"):
        load_source(str(folder))
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    with pytest.raises(ImportFailed, match="import limit"):
        load_source(str(big), limits=Limits(max_file_bytes=1_000_000))
