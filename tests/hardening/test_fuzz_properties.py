"""Property tests: whatever the input, importers, the extractor, the Markdown escaper and the Word writer
raise nothing but BriefsError, and every .docx written passes openxml-audit.

The suite runs a few dozen examples per property (seconds); bench/robustness.py runs the long fuzz.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs.errors import BriefsError
from briefs.extract import analyse
from briefs.render.docx_writer import markdown_to_docx
from briefs.selftest.corpus import mutate, seeds
from briefs.sources import load_bytes
from briefs.templates.sandbox import md_escape

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEEDS = seeds()
DIRTY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Characters an XML document can hold (no C0 controls but tab/newline, no surrogates, no U+FFFE/FFFF).
XML_CHARS = st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\ufffe\uffff")
EXTENSIONS = st.sampled_from(["x.txt", "x.md", "x.html", "x.htm", "x.pdf", "x.docx", "noext", "x.bin"])
QUOTE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(['"', "“", "”", "«", "»", "„", "‘", "’", "'", " said ", " told ", "according to ", ", ",
                         ". ", "\n\n", "\n", "Dr ", "Smith", "He", "she", ":", "—", "3%", "£4m", "2024"]),
        st.text(max_size=12),
    ),
    max_size=60,
).map("".join)


def _import(data: bytes, name: str) -> None:
    try:
        source = load_bytes(data, origin=name, name_hint=name)
    except BriefsError as exc:
        assert "\n" not in str(exc) and name in str(exc)
        return
    assert source.text.strip()
    assert not DIRTY.search(source.text)


@FAST
@given(data=st.binary(max_size=3000), name=EXTENSIONS)
def test_importers_take_any_bytes(data: bytes, name: str) -> None:
    _import(data, name)


@FAST
@given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "latin-1"]),
       name=st.sampled_from(["x.txt", "x.html", "x.md"]))
def test_importers_take_any_text_in_any_encoding(text: str, encoding: str, name: str) -> None:
    _import(text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace"), name)


TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<h1>", "</h1>", "<script>", "<br>",
                        "<meta charset='utf-7'>", "<title>", "&#1;", "&#0;", "&amp;", "&#xD800;", "&nbsp;", "<!--",
                        "-->", "<![CDATA[", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<table><tr><td>",
                        "<span class='byline'>By ", "<time datetime='2024-13-45'>",
                        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[[{}]]}</script>"])


@FAST
@given(parts=st.lists(st.one_of(TAGS, st.text(max_size=80), st.just("Officials said the plan was late. " * 5)),
                      max_size=40))
def test_html_importer_takes_any_tag_soup(parts: list[str]) -> None:
    _import("".join(parts).encode("utf-8", "surrogatepass"), "soup.html")


@FAST
@given(seed=st.sampled_from(range(len(SEEDS))), rounds=st.integers(1, 4), salt=st.integers(0, 2**32))
def test_importers_take_damaged_versions_of_real_files(seed: int, rounds: int, salt: int) -> None:
    import random

    rng = random.Random(salt)
    name, data = SEEDS[seed]
    for _ in range(rounds):
        data = mutate(data, rng)
    _import(data, name)


@FAST
@given(text=QUOTE_TEXT)
def test_the_quote_extractor_takes_any_text_and_its_offsets_match(text: str) -> None:
    try:
        analysis = analyse(text)
    except BriefsError:
        return
    for item in (*analysis.quotes, *analysis.facts):
        assert text[item.start : item.end] == item.text
    for quote in analysis.quotes:
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)


def _docx_text(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]


@FAST
@given(text=st.text(XML_CHARS, min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_escaped_text_prints_exactly_as_written_in_word(text: str) -> None:
    # What md_escape promises: Markdown that renders as the text itself (whitespace runs collapsed).
    assert _docx_text(markdown_to_docx(md_escape(text) + "\n")) == [" ".join(text.split())]


def _audit(data: bytes) -> None:
    from openxml_audit import OpenXmlValidator

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.docx"
        path.write_bytes(data)
        result = OpenXmlValidator(max_errors=20).validate(str(path))
    assert result.errors == [], "\n".join(str(e) for e in result.errors)


MARKDOWN = st.lists(
    st.one_of(
        st.sampled_from(["# ", "## ", "#### ", "- ", "1. ", "> ", "* ", "**", "_", "`", "```\n", "\n", "\n\n", "|",
                         "| a | b |\n|---|---|\n| 1 | 2 |\n", "[link](http://example.org)", "[bad](javascript:x)",
                         "<b>", "&#1;", "[^1]", "\n[^1]: note\n", "[^x]", "---\n", "***\n", "![img](x.png)",
                         "<http://example.org>", "\\", "  \n", "~~", "1) ", "    code\n", "<!-- c -->"]),
        st.text(max_size=20),
    ),
    max_size=40,
).map("".join)


@SLOW
@given(body=MARKDOWN, title=st.text(max_size=30))
def test_the_word_writer_takes_any_markdown_and_writes_a_valid_docx(body: str, title: str) -> None:
    front = f"---\ntitle: {__import__('json').dumps(title)}\nmarking: OFFICIAL\n---\n"
    try:
        data = markdown_to_docx(front + body)
    except BriefsError:
        return
    _audit(data)
