"""Saved web pages: article text, original bytes, encodings, and pages that hold no article."""

from __future__ import annotations

import pytest
from trafilatura import bare_extraction

from briefs.errors import ImportFailed
from briefs.model import SourceKind
from briefs.sources import load_source
from briefs.sources.html import load_html

from .html_pages import PARAGRAPHS, page


def test_saved_page_imports_article_text_and_keeps_the_bytes(tmp_path) -> None:
    data = page(byline='<div class="byline">By Jane Doe</div>')
    path = tmp_path / "story.html"
    path.write_bytes(data)
    source = load_source(str(path), url="https://www.examplepost.com/news/story")
    assert source.kind == SourceKind.HTML
    assert source.original == data and source.original_type == "text/html"
    assert source.meta.url == "https://www.examplepost.com/news/story"
    for paragraph in PARAGRAPHS:
        assert paragraph in source.text
    for boilerplate in ("Water firms fined", "Privacy", "Politics"):
        assert boilerplate not in source.text


def test_text_is_trafilaturas_text(tmp_path) -> None:
    data = page()
    expected = bare_extraction(data, with_metadata=True).text
    assert load_html(data, origin="p.html", url=None).text == expected


def test_legacy_encoding_declared_in_the_page_is_decoded() -> None:
    html = page(paragraphs=[p.replace("minister", "ministre déléguée") for p in PARAGRAPHS]).decode("utf-8")
    data = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("cp1252")
    assert "ministre déléguée, Priya Raman" in load_html(data, origin="p.html", url=None).text


def test_page_without_an_article_is_refused() -> None:
    data = b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ImportFailed, match=r"home\.html has no article text"):
        load_html(data, origin="home.html", url=None)


def test_binary_junk_named_html_is_refused(tmp_path) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ImportFailed, match=r"junk\.html looks like binary data"):
        load_source(str(path))


def test_a_drop_cap_set_apart_from_its_paragraph_is_put_back() -> None:
    # The first letter in an element of its own, as many news pages style it: the extraction alone leaves
    # it on a line of its own ("T" / "he Department"), or drops it.
    data = page().replace(b"<p>The Department", b'<span class="drop-cap">T</span><p>he Department')
    assert "T\nhe Department" in bare_extraction(data, with_metadata=True).text
    text = load_html(data, origin="page.html", url=None).text
    assert any(line.startswith("The Department for Digital Infrastructure") for line in text.split("\n"))
    assert "\nhe Department" not in text and "\nT\n" not in text
