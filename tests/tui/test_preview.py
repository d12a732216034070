"""The editor's preview is the document: its title first, and its notes numbered as the .docx numbers them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from briefs.actions import arrange, publish, snippets
from briefs.templates import TemplateSet
from tests.tui.conftest import desk_of, make_brief

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _brief_citing_one_source_four_times(app) -> int:
    from briefs.extract import analyse

    with desk_of(app) as desk:
        source = desk.get_source(1)
        quotes = [q for q in analyse(source.text).quotes if q.speaker][:2]
        picked = [snippets.pick(desk, snippets.quote_snippet(1, q))[0] for q in quotes]
        facts = []
        for sentence in ("The researchers counted 23 versions of the implant.",
                         "None reported any disruption to water supplies."):
            start = source.text.index(sentence)
            facts.append(snippets.pick(
                desk, snippets.selection_snippet(source, start, start + len(sentence), "fact"))[0])
        brief = make_brief(desk, ["key_facts", "quotes"], title="Spy tool in *water* utilities",
                           fields={"date": "20 October 2026"})
        for fact in facts:
            brief, _ = arrange.place_snippet(desk, brief.id, fact.id, "key_facts")
        for quote in picked:
            brief, _ = arrange.place_snippet(desk, brief.id, quote.id, "quotes")
        return brief.id


def _docx_footnotes(path: Path) -> list[str]:
    """The text of each footnote Word numbers, in number order (ids 1, 2, ...; -1 and 0 are separators)."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/footnotes.xml"))
    notes = [n for n in root.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    return ["".join(t.text or "" for t in n.iter(f"{W}t")).strip() for n in notes]


def _numbers(text: str) -> list[int]:
    return [int(m.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))) for m in re.findall(f"[{SUPERSCRIPTS}]+", text)]


async def test_the_preview_shows_the_title_and_numbers_notes_as_the_docx_does(make_app, settle, tmp_path) -> None:
    app = make_app(preview_delay=0)
    brief_id = _brief_citing_one_source_four_times(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_brief(brief_id)
        await settle(pilot)
        shown = app.screen.query_one("#preview").source
    lines = shown.splitlines()
    assert lines[0] == "# Spy tool in \\*water\\* utilities"  # as written, the document's title
    assert "Issue brief" in lines[2]
    body, _, notes = shown.partition("\n---\n")
    listed = [line.split(". ", 1)[1] for line in notes.strip().splitlines()]
    with desk_of(app) as desk:
        out = tmp_path / "brief.docx"
        publish.publish(desk, desk.get_brief(brief_id), TemplateSet(), fmt="docx", out=out)
    in_word = _docx_footnotes(out)
    # One number per reference, in order, as Word numbers footnotes; the short repeats are numbered too (the
    # two facts, a run of bullets from one source, share one note: three in all).
    assert len(listed) == len(in_word) == 3
    assert _numbers(body) == [1, 2, 3]
    plain = [re.sub(r"[*<>\\]", "", note) for note in listed]
    assert plain == in_word
    assert "Jonas Whitfield" in in_word[0] and in_word[1].startswith("Whitfield,")
