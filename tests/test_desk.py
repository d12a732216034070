"""The desk: its schema, search, snapshots and revisions, on both backends (`desk_target` runs a test on a
SQLite file and on a PostgreSQL schema); what only one backend has is tested on it alone."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.desk import open_desk
from briefs.desk.schema import SCHEMA_VERSION
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


def raw_sql(target: str, statement: str) -> None:
    """Run SQL on the desk behind Briefs' back, as another program (or a careless admin) would."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute(statement)
    else:
        db = sqlite3.connect(target, isolation_level=None)
        try:
            db.execute(statement)
        finally:
            db.close()


def test_a_new_desk_opened_for_a_person_starts_with_the_sample_article(desk_target: str) -> None:
    with open_for_work(desk_target) as desk:
        sources = desk.list_sources()
    assert len(sources) == 1
    assert sources[0].meta.publication == "The Meridian Ledger"
    # Opening it again does not add the sample a second time, even after the user removed it.
    with open_for_work(desk_target) as desk:
        desk.remove_source(sources[0].id)
    with open_for_work(desk_target) as desk:
        assert desk.list_sources() == []


def test_the_same_text_is_recognised_not_duplicated(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        first = desk.add_source(make_source())
        again = desk.add_source(make_source(title="Another title"))
        assert first.created and not again.created
        assert again.source.id == first.source.id
        assert desk.count_sources() == 1


def test_source_text_and_original_bytes_are_kept_and_text_is_immutable(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        source = desk.add_source(make_source()).source
        assert desk.get_source(source.id).text == ARTICLE
        assert desk.source_original(source.id) == ("text/plain", ARTICLE.encode())
    # Not even SQL behind Briefs' back (another client, another machine) can change a snapshot's text.
    with pytest.raises(Exception, match="immutable"):
        raw_sql(desk_target, f"UPDATE sources SET text = 'changed' WHERE id = {source.id}")
    raw_sql(desk_target, f"UPDATE sources SET title = 'Retitled' WHERE id = {source.id}")  # metadata may change
    with open_desk(desk_target) as desk:
        assert desk.get_source(source.id).text == ARTICLE


def test_metadata_stays_editable_and_search_follows_the_new_title(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        source = desk.add_source(make_source("The council will appeal.", title="Zebra crossing")).source
        desk.update_source_meta(source.id, SourceMeta(title="Giraffe crossing", publication="Gazette"))
        assert [s.id for s in desk.search_sources("giraffe")] == [source.id]
        assert desk.search_sources("zebra") == []  # the old title is gone from the index ...
        assert [s.id for s in desk.search_sources("appeal")] == [source.id]  # ... the text is still there
        assert desk.get_source(source.id).meta.publication == "Gazette"


def test_full_text_search_matches_words_and_prefixes_and_survives_fts_syntax(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        a = desk.add_source(make_source()).source
        b = desk.add_source(make_source("Drought plan\n\nReservoirs fell to 40 percent.", title="Drought plan")).source
        assert [s.id for s in desk.search_sources("harbour")] == [a.id]
        assert [s.id for s in desk.search_sources("reserv")] == [b.id]  # typed so far
        assert [s.id for s in desk.search_sources("Calder appeal")] == [a.id]  # every word must match
        for hostile in ['"', "AND", "NEAR(", "*", "title:", "a OR", "-", "'", ":*", "!", "&|", "\\", "%s", "<->"]:
            desk.search_sources(hostile)  # never a query syntax error, on either backend
        assert desk.search_sources("  ") == desk.list_sources(limit=200)


def test_search_splits_words_alike_on_both_backends(desk_target: str) -> None:
    # Curly quotes, accents, numbers and dotted names split the same way as FTS5's unicode61 does them.
    text = "Caf\u00e9 rules\n\n\u201cWe will appeal,\u201d said the S\u00e3o Paulo office of harbour.example: $2.4m."
    with open_desk(desk_target) as desk:
        a = desk.add_source(make_source(text, title="Caf\u00e9 rules")).source
        for query in ("we", "appeal", "cafe", "CAF\u00c9", "sao paulo", "harbour", "example", "2", "4m", "we will ap"):
            assert [s.id for s in desk.search_sources(query)] == [a.id], query
        for query in ("or", "harbour.exampl x", "zzz"):
            assert desk.search_sources(query) == [], query


def test_removed_sources_hide_and_come_back_on_reimport(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        source = desk.add_source(make_source()).source
        desk.remove_source(source.id)
        assert desk.list_sources() == []
        assert desk.search_sources("harbour") == []
        back = desk.add_source(make_source())
        assert back.restored and back.source.id == source.id
        assert [s.id for s in desk.list_sources()] == [source.id]


def test_a_snippet_must_be_the_source_text_at_its_offsets(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
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


def test_offsets_are_python_string_indices_even_with_emoji_and_accents(desk_target: str) -> None:
    text = "Caf\u00e9 owners \U0001f600 said \u201cprices r\u00e9ally rose\u201d."
    with open_desk(desk_target) as desk:
        source = desk.add_source(make_source(text)).source
        start = text.index("prices")
        end = text.index("\u201d.")
        desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=start, end=end,
                                 text=text[start:end]))


def test_saving_a_brief_raises_its_revision_and_a_stale_save_is_a_conflict(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
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


def test_two_processes_can_open_the_same_desk(desk_target: str) -> None:
    one = open_desk(desk_target)
    two = open_desk(desk_target)
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


def test_a_desk_from_a_newer_briefs_is_read_but_not_changed(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        desk.add_source(make_source())
    if desk_target.startswith("postgresql://"):
        raw_sql(desk_target, f"UPDATE briefs_schema SET version = {SCHEMA_VERSION + 1}")
    else:
        raw_sql(desk_target, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with open_desk(desk_target) as desk:
        assert desk.count_sources() == 1  # what it holds can still be read ...
        for change in (lambda: desk.add_source(make_source("Another text.")), lambda: desk.set_property("k", "v"),
                       lambda: desk.create_brief(Brief(template="t", title="x"))):
            with pytest.raises(DeskError, match="newer Briefs") as err:  # ... but this Briefs changes nothing
                change()
            assert "upgrade Briefs" in str(err.value) and "\n" not in str(err.value)
        assert desk.count_sources() == 1


def test_search_ranks_title_matches_first_and_breaks_ties_newest_first(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        in_text = desk.add_source(make_source("Budget talks\n\nThe levy on tankers stays.", title="Budget talks"))
        in_title = desk.add_source(make_source("Port dues\n\nNothing about it here.", title="Tanker levy rises"))
        other = desk.add_source(make_source("Roads\n\nA levy on trucks.", title="Road levy"))
        assert desk.search_sources("tanker")[0].id == in_title.source.id
        assert {s.id for s in desk.search_sources("tanker")} == {in_title.source.id, in_text.source.id}
        assert desk.search_sources("levy")[0].id in {in_title.source.id, other.source.id}


def test_a_prefix_finds_every_word_it_starts_in_texts_titles_and_renamed_titles(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        office = desk.add_source(make_source("Budget\n\nThe ministry spoke.", title="Budget")).source
        person = desk.add_source(make_source("Visit\n\nA minister came.", title="Visit")).source
        named = desk.add_source(make_source("Fees\n\nDr M\u00fcller objected.", title="Fees")).source
        for typed, found in (("mini", {office.id, person.id}), ("minist", {office.id, person.id}),
                             ("ministe", {person.id}), ("ministry", {office.id}), ("mull", {named.id}),
                             ("M\u00fcll", {named.id}), ("budget minis", {office.id}), ("ministr", {office.id})):
            assert {s.id for s in desk.search_sources(typed)} == found, typed
        desk.update_source_meta(named.id, SourceMeta(title="Ombudsman objects"))
        assert [s.id for s in desk.search_sources("ombud")] == [named.id]
        assert [s.id for s in desk.search_sources("ombudsman")] == [named.id]


def test_a_prefix_that_starts_many_words_still_finds_them_all(desk_target: str) -> None:
    many = " ".join(f"zonk{a}{b}" for a in "abcdefghij" for b in "abcdefgh")  # 80 words starting "zonk"
    with open_desk(desk_target) as desk:
        first = desk.add_source(make_source(f"Long\n\n{many}.", title="Long")).source
        second = desk.add_source(make_source("Short\n\nOne zonkzz here.", title="Short")).source
        assert {s.id for s in desk.search_sources("zonk")} == {first.id, second.id}
        assert [s.id for s in desk.search_sources("zonkz")] == [second.id]


def test_a_query_matching_more_than_the_window_ranks_the_newest_matches_best_first(desk_target: str) -> None:
    # Only the newest RANK_WINDOW matches are ranked: a title match older than those waits until the
    # query narrows; within them a title match comes first, then many mentions, then the newest.
    from briefs.desk.search import RANK_WINDOW

    with open_desk(desk_target) as desk:
        old_title = desk.add_source(make_source("Levy\n\nThe levy is set.", title="Levy on tankers")).source
        for n in range(RANK_WINDOW):
            desk.add_source(make_source(f"Note {n}\n\nA levy was noted.", title=f"Note {n}"))
        keen = desk.add_source(make_source("Dues\n\nLevy, levy and levy again: the levy.", title="Dues")).source
        titled = desk.add_source(make_source("Port\n\nIt holds.", title="Port levy")).source
        newest = desk.add_source(make_source("Last\n\nA levy too.", title="Last")).source
        found = [s.id for s in desk.search_sources("levy", limit=5)]
        assert found[:3] == [titled.id, keen.id, newest.id]
        assert old_title.id not in [s.id for s in desk.search_sources("levy", limit=20)]  # as the app asks
        assert [s.id for s in desk.search_sources("levy tank")] == [old_title.id]
        assert len(desk.search_sources("levy", limit=RANK_WINDOW + 4)) == RANK_WINDOW + 4  # more asked, more ranked


def test_words_that_very_many_sources_hold_rank_title_matches_first_then_the_newest(desk_path: Path,
                                                                                     monkeypatch) -> None:
    # On SQLite, bm25() would first count every source holding the words; past BM25_BUDGET of them the
    # ranking within the window is the title's matches, then the newest (a tiny budget stands in for a big desk).
    from briefs.desk import sqlite as sqlite_desk

    monkeypatch.setattr(sqlite_desk, "BM25_BUDGET", 2)
    with open_desk(desk_path) as desk:
        titled = desk.add_source(make_source("Levy\n\nThe levy is set.", title="Levy on tankers")).source
        keen = desk.add_source(make_source("Dues\n\nLevy, levy and levy again: the levy.", title="Dues")).source
        newest = desk.add_source(make_source("Last\n\nA levy too.", title="Last")).source
        for typed in ("levy", "lev"):
            assert [s.id for s in desk.search_sources(typed)] == [titled.id, newest.id, keen.id], typed
    monkeypatch.setattr(sqlite_desk, "BM25_BUDGET", 20_000)
    with open_desk(desk_path) as desk:  # a desk where few hold them: the most mentions beat the newest
        assert [s.id for s in desk.search_sources("levy")] == [titled.id, keen.id, newest.id]


def test_a_desk_is_opened_by_path_or_url_and_an_unknown_scheme_is_an_error(tmp_path: Path, monkeypatch) -> None:
    from briefs.errors import InputError

    monkeypatch.chdir(tmp_path)
    with open_desk("sqlite:///relative.sqlite") as desk:
        desk.add_source(make_source())
    with open_desk(f"sqlite:///{tmp_path}/relative.sqlite".replace("sqlite:///", "sqlite:////", 1)) as desk:
        assert desk.count_sources() == 1
    for bad in ("ftp://host/desk", "mysql://me:secret@host/db", "sqlite://me:secret@host/db"):
        with pytest.raises(InputError) as err:
            open_desk(bad)
        assert "secret" not in str(err.value) and "\n" not in str(err.value)
        assert not list(tmp_path.glob("*:*"))  # never taken as a file name


def test_a_desk_serves_every_thread_with_its_own_connection(desk_target: str) -> None:
    import threading

    with open_desk(desk_target) as desk:
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


def test_the_desk_stamps_changes_with_its_clock(desk_target: str, clock) -> None:
    with open_desk(desk_target, clock=clock) as desk:
        added = desk.add_source(make_source()).source
        brief = desk.create_brief(Brief(template="issue-brief", title="Ports"))
    assert added.imported_at == clock.now() == brief.updated_at


def test_snippets_and_brief_revisions_record_their_author(desk_target: str, clock) -> None:
    with open_desk(desk_target, clock=clock, author="Sam Ortiz") as sam:
        source = sam.add_source(make_source()).source
        start = ARTICLE.index("We will appeal")
        picked = sam.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=start,
                                         end=start + 14, text="We will appeal"))
        assert picked.author == "Sam Ortiz"
        brief = sam.create_brief(Brief(template="issue-brief", title="Ports"))
        assert brief.updated_by == "Sam Ortiz" and brief.uid
    clock.advance(timedelta(minutes=5))
    with open_desk(desk_target, clock=clock, author="Alex Kim") as alex:
        edited = alex.update_snippet(picked.replace(speaker="Tomas Berg"))
        assert edited.author == "Sam Ortiz"  # who picked it stays; the edit is the speaker's
        saved = alex.save_brief(brief.replace(fields={"bluf": "Alex's words"}))
        assert (saved.revision, saved.updated_by) == (2, "Alex Kim")
        history = alex.brief_history(brief.id)
        assert [(b.revision, b.updated_by, b.fields) for b in history] == [
            (2, "Alex Kim", {"bluf": "Alex's words"}), (1, "Sam Ortiz", {})]
        assert history[1].updated_at == brief.updated_at and history[0].updated_at == clock.now()
        assert alex.get_brief_revision(brief.id, 1).fields == {}
        with pytest.raises(NotFound, match="no revision 9"):
            alex.get_brief_revision(brief.id, 9)
        assert alex.find_brief(brief.uid).id == brief.id and alex.find_brief("nope") is None


def test_a_brief_adopted_from_another_desk_keeps_its_history_and_uid(desk_target: str, clock) -> None:
    with open_desk(":memory:", clock=clock, author="Sam") as other:
        first = other.create_brief(Brief(template="issue-brief", title="Ports"))
        clock.advance(timedelta(hours=1))
        other.save_brief(first.replace(title="Ports and harbours"))
        history = list(reversed(other.brief_history(first.id)))
    with open_desk(desk_target, clock=clock, author="Alex") as desk:
        adopted = desk.adopt_brief(history)
        assert (adopted.title, adopted.revision, adopted.uid, adopted.updated_by) == (
            "Ports and harbours", 2, first.uid, "Sam")
        assert adopted.created_at == first.created_at
        assert [(b.revision, b.title) for b in desk.brief_history(adopted.id)] == [(2, "Ports and harbours"),
                                                                                   (1, "Ports")]
        assert desk.save_brief(adopted).revision == 3  # and it goes on from there


def test_a_copied_source_keeps_when_it_was_imported_and_whether_it_was_removed(desk_target: str, clock) -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    with open_desk(desk_target, clock=clock) as desk:
        added = desk.add_source(make_source(), imported_at=moment, removed=True)
        assert added.created and added.source.imported_at == moment and added.source.removed
        assert desk.list_sources() == []


def test_a_rejected_suggestion_is_kept_until_taken_back(desk_target: str) -> None:
    with open_desk(desk_target) as desk:
        source = desk.add_source(make_source()).source
        assert desk.rejected_suggestions(source.id) == set()
        assert desk.reject_suggestion(source.id, "quote", 10, 20) is True
        assert desk.reject_suggestion(source.id, "quote", 10, 20) is False  # once is enough
        desk.reject_suggestion(source.id, "fact", 10, 20)
    with open_desk(desk_target) as desk:  # a restart
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


def _desk_at_version_4(target: str) -> None:
    """A desk as the release before the search vocabulary left it, holding one source written by that
    release (its search index filled, as that release's desk filled it)."""
    from briefs.desk.schema import MIGRATIONS, POSTGRESQL
    from briefs.desk.search import indexed_words
    from briefs.desk.sqlite import _split_sql

    columns = ("sha256, kind, origin, title, words, text, imported_at", "'abc', 'text', 'old.txt', 'Old harbour fees', "
               "4, 'The ministry raised harbour fees.', '2026-01-01T00:00:00+00:00'")
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("CREATE TABLE briefs_schema (version integer NOT NULL)")
            for script in POSTGRESQL[:4]:
                conn.execute(script)
            conn.execute("INSERT INTO briefs_schema (version) VALUES (4)")
            conn.execute(f"INSERT INTO sources ({columns[0]}, search) VALUES ({columns[1]}, "
                         "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'))",
                         (indexed_words("Old harbour fees"), indexed_words("The ministry raised harbour fees.")))
        return
    db = sqlite3.connect(target, isolation_level=None)
    for number in range(4):
        for statement in _split_sql(MIGRATIONS[number]):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db.execute(f"INSERT INTO sources ({columns[0]}) VALUES ({columns[1]})")
    db.close()


def test_a_desk_from_before_the_search_vocabulary_is_upgraded_and_finds_old_and_new_sources(desk_target: str) -> None:
    _desk_at_version_4(desk_target)
    with open_desk(desk_target) as desk:
        old = desk.search_sources("harbour")
        assert [s.meta.title for s in old] == ["Old harbour fees"]
        assert [s.id for s in desk.search_sources("minis")] == [old[0].id]  # a prefix of an old source's word
        new = desk.add_source(make_source("Quay\n\nA minister toured the harbour.", title="Quay")).source
        assert {s.id for s in desk.search_sources("minis")} == {old[0].id, new.id}
        assert [s.id for s in desk.search_sources("harb")] == [old[0].id, new.id]  # title match first
    if desk_target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(desk_target) as conn:
            assert conn.execute("SELECT version FROM briefs_schema").fetchone()[0] == SCHEMA_VERSION
    else:
        assert sqlite3.connect(desk_target).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
