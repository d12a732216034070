"""The desk: a real SQLite file, its schema, search, snapshots and revisions."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.desk import open_desk
from briefs.desk.schema import SCHEMA_VERSION
from briefs.desk.sqlite import fts_query
from briefs.errors import ConflictError, DeskError, InputError, NotFound
from briefs.model import Brief, NewSource, Section, Snippet, SnippetKind, SourceKind, SourceMeta

ARTICLE = (
    "Harbour authority fines shipping firm\n\n"
    "The port authority fined Calder Lines $2.4 million on Monday. "
    "\u201cWe will appeal,\u201d said Tomas Berg, the company\u2019s lawyer."
)


def make_source(text: str = ARTICLE, title: str = "Harbour authority fines shipping firm", **meta) -> NewSource:
    return NewSource(
        kind=SourceKind.TEXT,
        origin="test.txt",
        text=text,
        meta=SourceMeta(title=title, publication="The Test Gazette", published="2026-03-02", **meta),
        original=text.encode(),
    )


def test_a_new_desk_is_a_wal_sqlite_file_readable_by_its_owner_only(desk_path: Path) -> None:
    desk = open_desk(desk_path)
    desk.close()
    mode = stat.S_IMODE(os.stat(desk_path).st_mode)
    assert mode == 0o600
    db = sqlite3.connect(desk_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_new_desk_opened_for_a_person_starts_with_the_sample_article(desk_path: Path) -> None:
    with open_for_work(desk_path) as desk:
        sources = desk.list_sources()
    assert len(sources) == 1
    assert sources[0].meta.publication == "The Meridian Ledger"
    # Opening it again does not add the sample a second time, even after the user removed it.
    with open_for_work(desk_path) as desk:
        desk.remove_source(sources[0].id)
    with open_for_work(desk_path) as desk:
        assert desk.list_sources() == []


def test_the_same_text_is_recognised_not_duplicated(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        first = desk.add_source(make_source())
        again = desk.add_source(make_source(title="Another title"))
        assert first.created and not again.created
        assert again.source.id == first.source.id
        assert desk.count_sources() == 1


def test_source_text_and_original_bytes_are_kept_and_text_is_immutable(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source()).source
        assert desk.get_source(source.id).text == ARTICLE
        assert desk.source_original(source.id) == ("text/plain", ARTICLE.encode())
    db = sqlite3.connect(desk_path)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("UPDATE sources SET text = 'changed' WHERE id = ?", (source.id,))


def test_metadata_stays_editable_and_search_follows_the_new_title(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source("The council will appeal.", title="Zebra crossing")).source
        desk.update_source_meta(source.id, SourceMeta(title="Giraffe crossing", publication="Gazette"))
        assert [s.id for s in desk.search_sources("giraffe")] == [source.id]
        assert desk.search_sources("zebra") == []  # the old title is gone from the index ...
        assert [s.id for s in desk.search_sources("appeal")] == [source.id]  # ... the text is still there
        assert desk.get_source(source.id).meta.publication == "Gazette"


def test_full_text_search_matches_words_and_prefixes_and_survives_fts_syntax(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        a = desk.add_source(make_source()).source
        b = desk.add_source(make_source("Drought plan\n\nReservoirs fell to 40 percent.", title="Drought plan")).source
        assert [s.id for s in desk.search_sources("harbour")] == [a.id]
        assert [s.id for s in desk.search_sources("reserv")] == [b.id]  # typed so far
        assert [s.id for s in desk.search_sources("Calder appeal")] == [a.id]  # every word must match
        for hostile in ['"', "AND", "NEAR(", "*", "title:", "a OR"]:
            desk.search_sources(hostile)  # never an FTS5 syntax error
        assert fts_query("  ") is None


def test_removed_sources_hide_and_come_back_on_reimport(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source()).source
        desk.remove_source(source.id)
        assert desk.list_sources() == []
        assert desk.search_sources("harbour") == []
        back = desk.add_source(make_source())
        assert back.restored and back.source.id == source.id
        assert [s.id for s in desk.list_sources()] == [source.id]


def test_a_snippet_must_be_the_source_text_at_its_offsets(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source()).source
        start = ARTICLE.index("We will appeal")
        end = start + len("We will appeal")
        snippet = desk.add_snippet(
            Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=start, end=end, text=ARTICLE[start:end],
                    speaker="Tomas Berg")
        )
        assert desk.list_snippets(source.id)[0].speaker == "Tomas Berg"
        assert desk.get_source(source.id).snippet_count == 1
        with pytest.raises(InputError, match="does not match"):
            desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=start, end=end,
                                     text="We will not appeal"))
        with pytest.raises(InputError):
            desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.FACT, start=len(ARTICLE) - 2,
                                     end=len(ARTICLE) + 5, text="l."))
        desk.remove_snippet(snippet.id)
        with pytest.raises(NotFound):
            desk.get_snippet(snippet.id)


def test_offsets_are_python_string_indices_even_with_emoji_and_accents(desk_path: Path) -> None:
    text = "Caf\u00e9 owners \U0001f600 said \u201cprices r\u00e9ally rose\u201d."
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source(text)).source
        start = text.index("prices")
        end = text.index("\u201d.")
        desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=start, end=end,
                                 text=text[start:end]))


def test_saving_a_brief_raises_its_revision_and_a_stale_save_is_a_conflict(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        brief = desk.create_brief(Brief(template="issue-brief", title="Ports", sections=[Section(name="facts")]))
        assert brief.revision == 1
        mine = brief.replace(fields={**brief.fields, "bluf": "Mine"})
        theirs = brief.replace(fields={**brief.fields, "bluf": "Theirs"})
        saved = desk.save_brief(mine)
        assert saved.revision == 2
        with pytest.raises(ConflictError) as err:
            desk.save_brief(theirs)
        assert err.value.current_revision == 2
        assert desk.get_brief(brief.id).fields["bluf"] == "Mine"


def test_two_processes_can_open_the_same_desk(desk_path: Path) -> None:
    one = open_desk(desk_path)
    two = open_desk(desk_path)
    one.add_source(make_source())
    assert two.count_sources() == 1
    one.close()
    two.close()


def test_a_file_that_is_not_a_desk_is_refused_with_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DeskError, match=r"junk\.sqlite") as err:
        open_desk(junk)
    assert "\n" not in str(err.value)
    assert junk.read_bytes() == b"this is not a database" * 100  # untouched


def test_a_desk_from_a_newer_briefs_is_refused(desk_path: Path) -> None:
    open_desk(desk_path).close()
    db = sqlite3.connect(desk_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(DeskError, match="newer Briefs"):
        open_desk(desk_path)


def test_search_ranks_title_matches_first_and_breaks_ties_newest_first(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        in_text = desk.add_source(make_source("Budget talks\n\nThe levy on tankers stays.", title="Budget talks"))
        in_title = desk.add_source(make_source("Port dues\n\nNothing about it here.", title="Tanker levy rises"))
        other = desk.add_source(make_source("Roads\n\nA levy on trucks.", title="Road levy"))
        assert desk.search_sources("tanker")[0].id == in_title.source.id
        assert {s.id for s in desk.search_sources("tanker")} == {in_title.source.id, in_text.source.id}
        assert desk.search_sources("levy")[0].id in {in_title.source.id, other.source.id}


def test_a_desk_is_opened_by_path_or_url_and_an_unknown_scheme_is_an_error(tmp_path: Path, monkeypatch) -> None:
    from briefs.errors import InputError

    monkeypatch.chdir(tmp_path)
    with open_desk("sqlite:///relative.sqlite") as desk:
        desk.add_source(make_source())
    with open_desk(f"sqlite:///{tmp_path}/relative.sqlite".replace("sqlite:///", "sqlite:////", 1)) as desk:
        assert desk.count_sources() == 1
    for bad in ("ftp://host/desk", "mysql://me:secret@host/db", "postgresql://me:secret@db.example/briefs"):
        with pytest.raises(InputError) as err:
            open_desk(bad)
        assert "secret" not in str(err.value) and "\n" not in str(err.value)
        assert not list(tmp_path.glob("*:*"))  # never taken as a file name


def test_a_desk_serves_every_thread_with_its_own_connection(desk_path: Path) -> None:
    import threading

    with open_desk(desk_path) as desk:
        desk.add_source(make_source())
        seen: list[int] = []

        def count() -> None:
            seen.append(desk.count_sources())

        threads = [threading.Thread(target=count) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [1, 1, 1, 1]


def test_the_desk_stamps_changes_with_its_clock(desk_path: Path, clock) -> None:
    with open_desk(desk_path, clock=clock) as desk:
        added = desk.add_source(make_source()).source
        brief = desk.create_brief(Brief(template="issue-brief", title="Ports"))
    assert added.imported_at == clock.now() == brief.updated_at


def test_a_rejected_suggestion_is_kept_until_taken_back(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source()).source
        assert desk.rejected_suggestions(source.id) == set()
        assert desk.reject_suggestion(source.id, "quote", 10, 20) is True
        assert desk.reject_suggestion(source.id, "quote", 10, 20) is False  # once is enough
        desk.reject_suggestion(source.id, "fact", 10, 20)
    with open_desk(desk_path) as desk:  # a restart
        assert desk.rejected_suggestions(source.id) == {("quote", 10, 20), ("fact", 10, 20)}
        assert desk.unreject_suggestion(source.id, "quote", 10, 20) is True
        assert desk.unreject_suggestion(source.id, "quote", 10, 20) is False
        assert desk.rejected_suggestions(source.id) == {("fact", 10, 20)}
        with pytest.raises(NotFound):
            desk.reject_suggestion(source.id + 1, "quote", 0, 5)


def test_a_desk_from_before_rejections_gains_their_table_and_keeps_its_data(desk_path: Path) -> None:
    from briefs.desk.schema import MIGRATIONS
    from briefs.desk.sqlite import _split_sql

    db = sqlite3.connect(desk_path)
    for number in range(2):  # the desk as the release before rejections left it
        for statement in _split_sql(MIGRATIONS[number]):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db.commit()
    db.close()
    with open_desk(desk_path) as desk:
        source = desk.add_source(make_source()).source
        desk.reject_suggestion(source.id, "fact", 3, 9)
        assert desk.rejected_suggestions(source.id) == {("fact", 3, 9)}
    db = sqlite3.connect(desk_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
