"""Citations as a style guide writes them: authors, short notes, nothing empty, never a local path."""

from __future__ import annotations

import pytest

from briefs import citation
from briefs.model import SourceMeta


@pytest.mark.parametrize(("author", "line", "surname"), [
    ("Jane Doe", "Jane Doe", "Doe"),
    ("Jane Doe; Sam Lee", "Jane Doe and Sam Lee", "Doe"),
    ("Jane Doe and Sam Lee", "Jane Doe and Sam Lee", "Doe"),
    ("Jane Doe, Sam Lee and Ana Ruiz", "Jane Doe et al.", "Doe"),
    ("Jane Doe & Sam Lee", "Jane Doe and Sam Lee", "Doe"),
    ("Smith, John", "Smith, John", "Smith"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven", "van Beethoven"),
    ("Martin Luther King Jr.", "Martin Luther King Jr.", "King"),
])
def test_authors(author: str, line: str, surname: str) -> None:
    assert citation.author_line(author) == line
    assert citation.surname(citation.authors(author)[0]) == surname


def test_full_and_short_forms_leave_out_what_a_source_lacks() -> None:
    meta = SourceMeta(title="Floods cut off mountain towns as rivers burst their banks", author="Kari Nes; Ola Berg",
                      publication="Wire Service", published="2019-11-18", url="https://example.org/floods")
    assert citation.full(meta, "x") == ("Kari Nes and Ola Berg, “Floods cut off mountain towns as rivers burst their "
                                        "banks”, Wire Service, 18 November 2019, https://example.org/floods")
    assert citation.short(meta, "x") == "Nes, “Floods cut off mountain towns as…”, Wire Service, 18 November 2019"
    bare = SourceMeta(title="Water rates to rise")
    assert citation.full(bare, "/home/me/rates.txt") == "“Water rates to rise”"
    assert citation.short(bare, "/home/me/rates.txt") == "“Water rates to rise”"


def test_an_untitled_local_file_is_never_cited_by_its_path() -> None:
    assert citation.title_of(SourceMeta(), "/home/me/Downloads/story.txt") == "Untitled source"
    assert citation.title_of(SourceMeta(), "https://example.org/a") == "https://example.org/a"
