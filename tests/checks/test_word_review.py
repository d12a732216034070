"""`briefs check FILE.docx`: the Word file that goes out, checked against the desk after colleagues edit it.

Real files throughout: a brief exported by `briefs export`, then edited the way colleagues edit it (a word
changed in the XML, the same change tracked, a resave through LibreOffice, a memo of their own, a quote from
memory), then checked by the CLI.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.cli import main
from briefs.desk import open_desk
from briefs.sources.provenance import parse_bookmark
from briefs.sources.wordml import read_word

from .conftest import brief_of, pick
from .word_edits import REVIEWER, change_word, comment_on, libreoffice_convert, memo, track_change

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

ADVICE = "That advice was wrong, and the bill for it is coming due."
BREACH = ("We cannot keep treating a breach at a water plant as a private matter between a utility and its software "
          "vendor,")
SMASH = "This is not a smash-and-grab operation,"


@pytest.fixture
def desk_file(tmp_path: Path, clock) -> str:
    path = tmp_path / "desk.sqlite"
    open_for_work(path, clock=clock).close()
    return str(path)


@pytest.fixture
def exported(desk_file: str, tmp_path: Path, clock) -> Path:
    """An issue brief with three quotes and a fact from the sample (s1), exported as .docx by the CLI."""
    with open_desk(desk_file, clock=clock) as desk:
        quotes = [pick(desk, ADVICE, speaker="Daniel Reyes"), pick(desk, BREACH, speaker="Laura Whitcombe"),
                  pick(desk, SMASH, speaker="Amira Okafor")]
        fact = pick(desk, "The researchers counted 23 versions of the implant.", "fact")
        ref = brief_of(desk, ("quotes", quotes), ("key_facts", [fact])).ref
    out = tmp_path / "brief.docx"
    assert main(["--desk", desk_file, "export", ref, "-o", str(out)]) == 0
    return out


def check(desk_file: str, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--desk", desk_file, "check", str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def report(desk_file: str, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code, out = check(desk_file, path, capsys, "--json")
    return code, json.loads(out)


def by_marked(data: dict) -> dict[str, dict]:
    return {q["marked"]: q for q in data["quotes"] if q["marked"]}


# ------------------------------------------------------------------------------------------ provenance
def test_every_export_carries_its_provenance(exported: Path, desk_file: str) -> None:
    from tests.render.conftest import audit

    document = read_word(exported.read_bytes(), origin=str(exported))
    provenance = document.provenance
    assert provenance is not None and provenance.brief == "b1" and provenance.revision >= 1
    with open_desk(desk_file) as desk:
        source = desk.get_source(1)
        snippets = desk.list_snippets(1)
    assert {i.ref for i in provenance.items} == {s.ref for s in snippets}  # each quote and the fact
    for item in provenance.items:
        snippet = next(s for s in snippets if s.id == item.snippet_id)
        assert (item.kind, item.sha256, item.start, item.end) == (snippet.kind.value, source.sha256, snippet.start,
                                                                  snippet.end)
    # Each quote is bookmarked around its printed words, the bookmark naming its snippet and source.
    marks = {parse_bookmark(b.name): document.text[b.start:b.end] for b in document.bookmarks}
    quotes = sorted((s for s in snippets if s.kind.value == "quote"), key=lambda s: s.id)
    assert {m[0] for m in marks if m} == {s.id for s in quotes}
    assert all(sha == source.sha256[:8] for _, sha in filter(None, marks))
    assert marks[(quotes[1].id, source.sha256[:8])] == BREACH[:-1] + "."  # as printed: the comma a full stop
    audit(exported)  # the bookmarks and the custom XML part keep the file valid


def test_an_untouched_export_checks_clean(exported: Path, desk_file: str, capsys) -> None:
    code, out = check(desk_file, exported, capsys)
    assert code == 0, out
    assert "(brief b1, revision" in out and "3 quotes: 3 verbatim" in out
    assert "every quote is what its source says" in out


# ------------------------------------------------------------------------------------ the five cases
def test_a_a_word_changed_in_the_xml(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    edited = change_word(exported, "advice was wrong", "advice was right", tmp_path / "edited.docx")
    code, out = check(desk_file, edited, capsys)
    assert code == 1, out
    assert "changed          #" in out and "a quote was changed" in out
    assert "diff: That advice was [-wrong,-] {+right,+} and the bill for it is coming due." in out
    code, data = report(desk_file, edited, capsys)
    quote = by_marked(data)["n1"]
    assert quote["status"] == "changed" and quote["source"]["id"] == "s1"
    assert quote["passage"] == ADVICE and quote["tracked_changes"] == []
    assert {q["status"] for q in data["quotes"] if q["marked"] != "n1"} == {"verbatim"}


def test_b_the_same_change_tracked(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    edited = track_change(exported, "wrong", "right", tmp_path / "tracked.docx")
    code, out = check(desk_file, edited, capsys)
    assert code == 1, out
    assert "[-wrong,-] {+right,+}" in out
    assert f"tracked: {REVIEWER} deleted “wrong” (2026-10-21)" in out
    assert f"tracked: {REVIEWER} inserted “right” (2026-10-21)" in out
    assert f"before the tracked changes: “{ADVICE}”" in out
    _, data = report(desk_file, edited, capsys)
    quote = by_marked(data)["n1"]
    assert quote["status"] == "changed" and quote["text"] == ADVICE.replace("wrong", "right")
    assert [(c["kind"], c["text"], c["author"]) for c in quote["tracked_changes"]] == [
        ("deletion", "wrong", REVIEWER), ("insertion", "right", REVIEWER)]
    assert data["stats"]["tracked_changes"] == 2


def test_a_tracked_change_that_restores_the_words_is_listed_but_passes(exported: Path, desk_file: str,
                                                                       tmp_path: Path, capsys) -> None:
    # A reviewer deletes a word and types it again: the accepted text is the source's, the change is shown.
    edited = track_change(exported, "wrong", "wrong", tmp_path / "same.docx")
    code, out = check(desk_file, edited, capsys)
    assert code == 0, out
    assert "verbatim" in out and f"tracked: {REVIEWER} deleted “wrong”" in out


@needs_soffice
@pytest.mark.libreoffice
def test_c_resaved_through_libreoffice(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    resaved = libreoffice_convert(exported, "docx", tmp_path / "lo")
    names = zipfile.ZipFile(resaved).namelist()
    assert "customXml/item1.xml" in names or any(n.startswith("customXml/item") for n in names)
    code, out = check(desk_file, resaved, capsys)
    assert code == 0, out
    _, data = report(desk_file, resaved, capsys)
    assert data["brief"] == "b1"  # the provenance part came through
    assert {k: q["status"] for k, q in by_marked(data).items()} == {"n1": "verbatim", "n2": "verbatim",
                                                                     "n3": "verbatim"}
    # The tracked change, resaved through LibreOffice: marks, change and diff all come through.
    tracked = libreoffice_convert(track_change(exported, "wrong", "right", tmp_path / "t.docx"), "docx",
                                  tmp_path / "lo2")
    code, out = check(desk_file, tracked, capsys)
    assert code == 1, out
    assert "[-wrong,-] {+right,+}" in out and f"{REVIEWER} deleted “wrong”" in out
    _, data = report(desk_file, tracked, capsys)
    assert by_marked(data)["n1"]["status"] == "changed"


@needs_soffice
@pytest.mark.libreoffice
def test_c_an_odt_is_read_through_libreoffice(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    edited = change_word(exported, "advice was wrong", "advice was right", tmp_path / "edited.docx")
    odt = libreoffice_convert(edited, "odt", tmp_path / "odt")
    code, out = check(desk_file, odt, capsys)
    assert code == 1, out
    _, data = report(desk_file, odt, capsys)
    # An .odt cannot hold the provenance part; the bookmarks alone still name each snippet.
    assert data["brief"] is None
    assert {k: q["status"] for k, q in by_marked(data).items()} == {"n1": "changed", "n2": "verbatim",
                                                                     "n3": "verbatim"}
    assert "[-wrong,-] {+right,+}" in by_marked(data)["n1"]["diff"]


def test_d_and_e_a_colleagues_memo_without_marks(desk_file: str, tmp_path: Path, capsys) -> None:
    path = memo(tmp_path / "memo.docx", [
        "Researchers briefed the department this week.",
        "Okafor told reporters: “This is not a smash-and-grab operation.”",
        "“For ten years, we have told small utilities that nobody would bother attacking them,” said Laura "
        "Whitcombe.",
        "Reyes went further: “That advice was right, and the bill for it is coming due.”",
        "‘We found it almost by accident,’ she said.",
        "“Every utility in the country will be inspected by Christmas,” the minister said.",
        "The report calls it “Quiet Harbor”.",
    ])
    path = comment_on(path, "Reyes went further", "Check this against the article", tmp_path / "memo2.docx")
    code, out = check(desk_file, path, capsys)
    assert code == 1, out
    _, data = report(desk_file, path, capsys)
    quotes = data["quotes"]
    assert [(q["status"], q["marked"]) for q in quotes] == [
        ("verbatim", None), ("speaker-changed", None), ("changed", None), ("verbatim", None), ("not-found", None)]
    smash, ten_years, advice, accident, christmas = quotes
    assert smash["source"]["id"] == "s1" and smash["verdict"] == "typographic"  # "." for the source's ","
    assert (ten_years["speaker"], ten_years["source_speaker"]) == ("Laura Whitcombe", "Daniel Reyes")
    assert advice["diff"] == "That advice was [-wrong,-] {+right,+} and the bill for it is coming due."
    assert advice["passage"] == ADVICE
    assert accident["source"]["id"] == "s1"  # British single quotes
    assert christmas["source"] is None
    assert data["stats"]["skipped"] == 1  # “Quiet Harbor”: a coined name, not a quotation
    # The comment is anchored to the whole paragraph (its one run), so to the quote in it.
    assert data["comments"] == [{"id": "0", "author": REVIEWER, "date": data["comments"][0]["date"],
                                 "text": "Check this against the article",
                                 "anchor": "Reyes went further: “That advice was right, and the bill for it is coming "
                                           "due.”", "quote": 3}]
    assert "speaker changed  #2 “For ten years" in out
    assert "the document says Laura Whitcombe; s1 says Daniel Reyes" in out
    assert "not found        #5 “Every utility in the country will be inspected by Christmas,”" in out
    assert "no source on the desk holds these words" in out
    assert "on “Reyes went further: “That advice was right, and the bill fo…” (quote #3): Check this against the " \
           "article" in out
    assert "speaker:" not in out  # "Reyes" is Daniel Reyes


def test_comments_on_a_quote_name_it(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    path = comment_on(exported, "That advice was wrong", "Is this still their view?", tmp_path / "c.docx")
    code, data = report(desk_file, path, capsys)
    assert code == 0
    (comment,) = data["comments"]
    n1 = by_marked(data)["n1"]
    assert comment["quote"] == n1["n"] and comment["anchor"] == ADVICE and comment["author"] == REVIEWER


def test_a_deleted_quote_is_reported_removed(exported: Path, desk_file: str, tmp_path: Path, capsys) -> None:
    document = docx.Document(str(exported))
    for paragraph in document.paragraphs:
        if "smash-and-grab" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    document.save(str(tmp_path / "cut.docx"))
    code, data = report(desk_file, tmp_path / "cut.docx", capsys)
    assert code == 0
    assert by_marked(data)["n3"]["status"] == "removed"


def test_a_mark_survives_when_the_desk_lost_the_snippet(exported: Path, desk_file: str, clock, capsys) -> None:
    # The provenance part names the snapshot and offsets, so a snippet deleted since still checks.
    with open_desk(desk_file, clock=clock) as desk:
        desk.remove_snippet(1)
    code, data = report(desk_file, exported, capsys)
    assert code == 0 and by_marked(data)["n1"]["status"] == "verbatim"


# ------------------------------------------------------------------------------------------- bad files
def _docx_with(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>")
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("notes.docx", b"just some text\n", "is not a Word document"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "password-protected (encrypted)"),
    ("entities.docx", _docx_with(b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document '
                                 b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
     "entity declarations (a DTD)"),
    ("broken.docx", b"PK\x03\x04" + b"\0" * 64, "damaged or incomplete .docx"),
    ("empty.docx", _docx_with(b"<w:document"), "damaged .docx (bad XML in word/document.xml"),
])
def test_bad_files_are_refused_in_one_line(desk_file: str, tmp_path: Path, capsys, name: str, data: bytes,
                                           expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out = check(desk_file, path, capsys)
    assert code == 2
    assert expected in out and str(path) in out and len(out.strip().splitlines()) == 1


def test_a_zip_bomb_is_refused_before_it_is_inflated(desk_file: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFS_MAX_UNPACKED_MB", "1")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>" + b" " * (3 * 2**20))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    code, out = check(desk_file, path, capsys)
    assert code == 2 and "unpacks to 3 MB, over the 1 MB limit" in out and "BRIEFS_MAX_UNPACKED_MB" in out


def test_an_odt_without_libreoffice_says_what_to_do(desk_file: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "memo.odt"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text")
    code, out = check(desk_file, path, capsys)
    assert code == 2 and "needs LibreOffice" in out and "save it as .docx" in out


def test_a_quote_of_two_paragraphs_is_marked_in_each_and_an_unprinted_one_is_not_missed(
        desk_file: str, tmp_path: Path, capsys) -> None:
    from briefs.render.docx_writer import markdown_to_docx
    from briefs.render.provenance import stamp
    from briefs.sources.provenance import Provenance, ProvenanceItem

    sha = "ab" * 32
    provenance = Provenance("b9", 3, items=(
        ProvenanceItem(5, "quote", "s1", sha, 0, 10, "Jane Roe", "Line one of it.\nLine two of it."),
        ProvenanceItem(6, "quote", "s1", sha, 20, 30, "", "Words a custom template printed its own way."),
    ))
    data = markdown_to_docx("> “Line one of it.\n>\n> Line two of it.”\n>\n> — Jane Roe\n",
                            finish=lambda document: stamp(document, provenance))
    document = read_word(data, origin="x.docx")
    marks = [(b.name, document.text[b.start:b.end]) for b in document.bookmarks]
    assert marks == [("Briefs_n5_abababab", "Line one of it."), ("Briefs_n5_abababab_2", "Line two of it.")]
    assert [(i.snippet_id, i.marks) for i in document.provenance.items] == [(5, 2), (6, 0)]
    path = tmp_path / "two.docx"
    path.write_bytes(data)
    _, data_json = report(desk_file, path, capsys)
    # n6 was never marked, so it is not "removed"; n5's snapshot is not on this desk: looked up by its words.
    assert "removed" not in {q["status"] for q in data_json["quotes"]}
    assert {q["marked"] for q in data_json["quotes"]} == {"n5"}


def test_the_provenance_part_reads_back_what_was_written() -> None:
    from lxml import etree

    from briefs.sources.provenance import Provenance, ProvenanceItem, parse_provenance

    awkward = 'We & <they> "lost",\nsaid\tshe\r'
    written = Provenance("b1", 2, "issue-brief", "2026-10-20T09:00:00+00:00", (
        ProvenanceItem(3, "quote", "s1", "a" * 64, 1, 5, 'Jo "J" <Roe>\n&', awkward, 2),
        ProvenanceItem(4, "fact", "s2", "b" * 64, 7, 9),
    ))
    assert parse_provenance(etree.fromstring(written.to_xml())) == written


def test_the_hostile_corpus_never_crashes_the_check(desk_file: str, tmp_path: Path, clock) -> None:
    """Every .docx of the self-test's hostile corpus (zip bombs, entities, broken zips, an OLE file, mutations
    of a real document) is read or refused in one line naming it; a smuggled file's contents never appear."""
    import random

    from briefs.actions.word_review import check_word_file
    from briefs.errors import InputError
    from briefs.selftest.corpus import ERROR, mutate, nasty_inputs, seeds

    work = tmp_path / "corpus"
    work.mkdir()
    inputs = [n for n in nasty_inputs(work, big_size=2**20, bomb_size=250 * 2**20) if n.name.endswith(".docx")]
    rng = random.Random(15)
    seed = dict(seeds())["seed.docx"]
    inputs += [type(inputs[0])(f"mutant-{k}.docx", mutate(seed, rng)) for k in range(40)]
    assert len(inputs) > 45
    with open_desk(desk_file, clock=clock) as desk:
        for nasty in inputs:
            path = nasty.write(work)
            try:
                result = check_word_file(desk, path)
            except InputError as exc:
                message = str(exc)
                assert str(path) in message and "\n" not in message, (nasty.name, message)
                assert nasty.message.lower() in message.lower() or not nasty.message, (nasty.name, message)
                assert not nasty.forbidden or nasty.forbidden.decode() not in message
                continue
            assert nasty.expect != ERROR, f"{nasty.name} should have been refused"
            if nasty.forbidden:
                assert nasty.forbidden.decode() not in json.dumps(result.to_json())
