"""The SQLite desk: one file, WAL, foreign keys, FTS5, migrations on open.

Plain `sqlite3` rather than SQLAlchemy Core: importing SQLAlchemy and running a first query costs about
170 ms here, which alone would blow the TUI's cold-start budget (1.5x an empty Textual app), and the
parts that matter most (FTS5 tables, triggers, pragmas) are SQLite-specific SQL either way. The
`Desk` protocol in base.py is the seam for another backend.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from briefs.clock import SYSTEM_CLOCK, Clock
from briefs.desk.base import AddResult, DeskEvent, Rejected
from briefs.desk.common import default_author, new_uid, newer_schema_error
from briefs.desk.schema import MIGRATIONS, SCHEMA_VERSION
from briefs.desk.search import RANK_WINDOW, search_words, vocabulary_words
from briefs.errors import ConflictError, DeskError, InputError, NotFound
from briefs.model import (
    Brief,
    NewSource,
    Section,
    Snippet,
    SnippetKind,
    Source,
    SourceKind,
    SourceMeta,
)

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.origin, s.sha256, s.title, s.author, s.publication, s.published, s.url, "
    "s.language, s.words, s.imported_at, s.removed_at, "
    "(SELECT count(*) FROM snippets n WHERE n.source_id = s.id) AS snippet_count"
)
_SNIPPET_COLUMNS = 'id, source_id, kind, start, "end", text, speaker, edited, comment, origin, created_at, author'
_BRIEF_COLUMNS = "id, template, title, fields, sections, marking, revision, created_at, updated_at, updated_by, uid"
_REVISION_COLUMNS = ("r.brief_id, r.template, r.title, r.fields, r.sections, r.marking, r.revision, b.created_at, "
                     "r.saved_at, r.author, b.uid FROM brief_revisions r JOIN briefs b ON b.id = r.brief_id")
_TOKEN = re.compile(r"\w+", re.UNICODE)
PREFIX_INDEXED = 3  # sources_fts keeps prefix indexes of 1, 2 and 3 letters
MAX_PREFIX_WORDS = 64
# How many sources bm25() may count for one query (about 3 ms here) before search ranks more cheaply.
BM25_BUDGET = 20_000
_MANY_WORDS = 2_000


class SqliteDesk:
    """A desk in one SQLite file. Safe to share between threads: each thread gets its own connection."""

    def __init__(self, path: str, *, clock: Clock = SYSTEM_CLOCK, author: str = "") -> None:
        self.location = path
        self.clock = clock
        self.author = author or default_author()
        self._newer: int | None = None  # the schema version, when a newer Briefs wrote this desk
        self._local = threading.local()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._lock = threading.Lock()
        self._closed = False
        if path == ":memory:":
            # A named in-memory database every thread's connection shares, alive while the desk is.
            self._target, self._uri = f"file:briefs-scratch-{id(self)}?mode=memory&cache=shared", True
        else:
            self._target, self._uri = path, False
            self._create_file(Path(path))
        self._db  # noqa: B018 -- open (and migrate) now, so a bad desk fails here, not on first use

    def _create_file(self, target: Path) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                # Created readable by its owner only: a desk holds unpublished drafts.
                os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise DeskError(
                f"cannot create the desk at {self.location}: {exc.strerror}; choose another desk file"
            ) from exc
        if target.is_dir():
            raise DeskError(f"the desk path {self.location} is a folder; choose a desk file instead")

    # ---------------------------------------------------------------------------------- plumbing
    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
            self._local.depth = 0
        return db

    def _connect(self) -> sqlite3.Connection:
        if self._closed:
            raise DeskError(f"the desk {self.location} was closed; open it again")
        # Two processes opening a desk that does not exist yet race to set it up (the WAL switch and the
        # migrations each need the file to themselves); the loser waits and tries again, since "locked"
        # means busy, never damaged.
        deadline = time.monotonic() + _SETUP_SECONDS
        while True:
            try:
                return self._open_connection()
            except sqlite3.OperationalError as exc:
                if _kind(exc) != "busy" or time.monotonic() > deadline:
                    raise self._error(exc) from exc
                time.sleep(0.05)

    def _open_connection(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self._target, timeout=10.0, isolation_level=None, uri=self._uri,
                                 check_same_thread=False)
        except sqlite3.OperationalError:
            raise
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 10000")
            if not self._uri:
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise DeskError(
                        f"the desk {self.location} cannot use write-ahead logging; is the folder read-only?"
                    )
            db.execute("PRAGMA synchronous = NORMAL")
            self._local.db, self._local.depth = db, 0
            self._migrate(db)
        except BaseException as exc:
            self._local.db = None
            with contextlib.suppress(sqlite3.Error):
                db.close()
            if isinstance(exc, sqlite3.OperationalError):
                raise
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._error(exc) from exc
            raise
        with self._lock:
            # Connections of threads that have ended (finished workers) are closed here, not leaked.
            alive = []
            for thread, conn in self._connections:
                if thread.is_alive():
                    alive.append((thread, conn))
                else:
                    with contextlib.suppress(sqlite3.Error):
                        conn.close()
            alive.append((threading.current_thread(), db))
            self._connections = alive
        return db

    def _error(self, exc: sqlite3.Error) -> DeskError:
        """What went wrong with the desk, in words that say what to do: a busy, full, read-only or failing
        disk is not a damaged desk, and restoring a backup would not help."""
        where = self.location
        kind = _kind(exc)
        if kind == "busy":
            return DeskError(f"the desk {where} is busy (another Briefs is writing to it); try again in a moment")
        if kind == "full":
            return DeskError(f"the disk holding the desk {where} is full; free some space and try again "
                             "(the change was not saved, and the desk is as it was)")
        if kind == "readonly" or (kind == "cantopen" and not _writable(where)):
            return DeskError(f"the desk {where} is on a read-only disk or folder; copy it somewhere writable or "
                             "choose another with --desk")
        if kind == "ioerr":
            return DeskError(f"the disk holding the desk {where} failed to read or write ({exc}); check the disk "
                             "and try again")
        if kind == "cantopen":
            return DeskError(f"cannot open the desk {where} ({exc}); check the path and its permissions")
        return self._damaged(exc)

    def _damaged(self, exc: BaseException) -> DeskError:
        return DeskError(
            f"{self.location} is not a Briefs desk or is damaged ({exc}); "
            "choose another desk file or restore a backup"
        )

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            # Readable (migrations only add), but not ours to change: transaction() refuses.
            self._newer = version
            return
        if version == SCHEMA_VERSION:
            return
        with self._raw_transaction():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in _split_sql(MIGRATIONS[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing. The outermost takes the write lock up front (BEGIN IMMEDIATE), so two writers
        queue instead of one failing half-way with SQLITE_BUSY; inner ones are savepoints. A failure of
        the database itself (a full disk, a read-only folder) is a DeskError that says so."""
        try:
            with self._raw_transaction():
                yield
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    @contextlib.contextmanager
    def _raw_transaction(self) -> Iterator[None]:
        db = self._db
        depth = self._local.depth
        if self._newer is not None:
            raise newer_schema_error(self.location, self._newer)
        db.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        self._local.depth = depth + 1
        try:
            yield
        except BaseException:
            self._local.depth = depth
            # SQLite may already have rolled back (a full disk does): nothing to undo is not a new error.
            with contextlib.suppress(sqlite3.Error):
                if depth == 0:
                    db.execute("ROLLBACK")
                else:
                    db.execute(f"ROLLBACK TO sp{depth}")
                    db.execute(f"RELEASE sp{depth}")
            raise
        else:
            self._local.depth = depth
            try:
                db.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
            except sqlite3.Error:
                if depth == 0:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                raise

    def _now(self) -> str:
        return self.clock.now().isoformat()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for _, conn in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._connections = []
        self._local = threading.local()

    def __enter__(self) -> SqliteDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_problems(self) -> list[str]:
        """What a full check of the file finds wrong: the database itself, then the search index."""
        db = self._db
        problems = [row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        try:  # the full-text index must agree with the table it indexes
            db.execute("INSERT INTO sources_fts(sources_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"the full-text index is damaged ({exc})")
        return problems

    # ---------------------------------------------------------------------------- desk properties
    def get_property(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM desk_properties WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_property(self, key: str, value: str) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO desk_properties (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # ----------------------------------------------------------------------------------- sources
    def add_source(self, new: NewSource, *, imported_at: datetime | None = None, removed: bool = False) -> AddResult:
        sha = new.sha256
        with self.transaction():
            db = self._db
            row = db.execute("SELECT id, removed_at FROM sources WHERE sha256 = ?", (sha,)).fetchone()
            if row is not None:
                # An import brings a removed source back; a copy (imported_at given) leaves it as it is.
                restored = row[1] is not None and imported_at is None
                if restored:
                    db.execute("UPDATE sources SET removed_at = NULL WHERE id = ?", (row[0],))
                existing = self._fetch_source(row[0], with_text=False)
                return AddResult(existing, created=False, restored=restored)
            meta = new.meta
            cursor = db.execute(
                "INSERT INTO sources (sha256, kind, origin, title, author, publication, published, url,"
                " language, words, text, imported_at, removed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    sha,
                    new.kind.value,
                    new.origin,
                    meta.title,
                    meta.author,
                    meta.publication,
                    meta.published,
                    meta.url,
                    meta.language,
                    new.words,
                    new.text,
                    imported_at.isoformat() if imported_at else self._now(),
                    self._now() if removed else None,
                ),
            )
            source_id = cursor.lastrowid
            self._remember_words(meta.title, new.text)
            db.execute(
                "INSERT INTO source_originals (source_id, media_type, data) VALUES (?,?,?)",
                (source_id, new.original_type, new.original or new.text.encode("utf-8", "surrogatepass")),
            )
            return AddResult(self._fetch_source(source_id, with_text=False), created=True)

    def _fetch_source(self, source_id: int, *, with_text: bool) -> Source:
        columns = _SOURCE_COLUMNS + (", s.text" if with_text else "")
        row = self._db.execute(f"SELECT {columns} FROM sources s WHERE s.id = ?", (source_id,)).fetchone()
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.location}; list them with `briefs sources`")
        return _source_from_row(row, with_text)

    def get_source(self, source_id: int, *, with_text: bool = True) -> Source:
        return self._fetch_source(source_id, with_text=with_text)

    def get_sources(self, source_ids: Iterable[int]) -> dict[int, Source]:
        ids = sorted(set(source_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS}, s.text FROM sources s WHERE s.id IN ({marks})", ids
        ).fetchall()
        return {row[0]: _source_from_row(row, True) for row in rows}

    def list_sources(self, *, limit: int | None = None, include_removed: bool = False) -> list[Source]:
        where = "" if include_removed else "WHERE s.removed_at IS NULL"
        sql = f"SELECT {_SOURCE_COLUMNS} FROM sources s {where} ORDER BY s.id DESC"
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [_source_from_row(row, False) for row in self._db.execute(sql, params)]

    def search_sources(self, query: str, *, limit: int = 200) -> list[Source]:
        plan = self._fts_match(query)
        if plan is None:
            return self.list_sources(limit=limit)
        match, breadth = plan
        # bm25() first counts, for each word of the query, the sources holding it across the whole desk
        # (15 ms per word that 100,000 sources hold, whatever is ranked); the vocabulary says beforehand
        # how many that is. Words that common say little about which source is best: then title matches
        # come first, then the newest, and the cost stays the window's.
        if breadth <= BM25_BUDGET:
            score = "bm25(sources_fts, 5.0, 1.0)"
        else:
            score = "coalesce(length(s.title) - length(highlight(sources_fts, 0, char(1), '')), 0)"
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM ("
            "  SELECT hit, score FROM ("
            f"    SELECT sources_fts.rowid AS hit, {score} AS score FROM sources_fts"
            "     CROSS JOIN sources s ON s.id = sources_fts.rowid"
            "     WHERE sources_fts MATCH ? AND s.removed_at IS NULL ORDER BY sources_fts.rowid DESC LIMIT ?"
            "  ) ORDER BY score, hit DESC LIMIT ?"
            ") m CROSS JOIN sources s ON s.id = m.hit ORDER BY m.score, s.id DESC",
            (match, max(RANK_WINDOW, limit), limit),
        ).fetchall()
        return [_source_from_row(row, False) for row in rows]

    def _fts_match(self, query: str) -> tuple[str, int] | None:
        """What a user typed as an FTS5 query (every word must match, the last one as typed so far), and
        about how many sources hold its words, counted up to just past BM25_BUDGET.

        Users type plain words, not FTS5 syntax; quoting each word means `"`, `*`, `NEAR` or `AND` in the
        search box can never raise a syntax error.
        """
        tokens = _TOKEN.findall(query)
        if not tokens:
            return None
        breadth = sum(self._sources_holding(w) for t in tokens[:-1] for w in vocabulary_words(t))
        last, holding = self._prefix_match(tokens[-1])
        return " AND ".join([*(f'"{t}"' for t in tokens[:-1]), last]), breadth + holding

    def _prefix_match(self, typed: str) -> tuple[str, int]:
        """The last word typed, as the words of the desk it starts (at most MAX_PREFIX_WORDS), else as a
        prefix: FTS5 reads an OR of words newest first and stops at the window, but merges a prefix's
        postings in full first, unless the prefix is short enough to have an index of its own."""
        words = search_words(typed)
        forms = sorted(vocabulary_words(typed))
        if len(words) == 1 and len(words[0]) > PREFIX_INDEXED:
            terms: dict[str, int] = {}
            for form in forms:
                terms.update(self._db.execute(
                    "SELECT term, sources FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
                    (form, form + "\U0010ffff", MAX_PREFIX_WORDS + 1)).fetchall())
            terms = {t: n for t, n in terms.items() if '"' not in t}
            if len(terms) <= MAX_PREFIX_WORDS:
                # The word as typed is always one of them: typed in full, it matches as it always did.
                either = " OR ".join(f'"{t}"' for t in dict.fromkeys([typed, *terms]))
                return f"({either})", sum(terms.values())
        return f'"{typed}"*', sum(self._sources_starting(form) for form in forms)

    def _sources_holding(self, word: str) -> int:
        row = self._db.execute("SELECT sources FROM search_terms WHERE term = ?", (word,)).fetchone()
        return row[0] if row else 0

    def _sources_starting(self, prefix: str) -> int:
        # A prefix that starts more words than this is taken to be everywhere without adding them all up.
        count, total = self._db.execute(
            "SELECT count(*), coalesce(sum(sources), 0) FROM ("
            "  SELECT sources FROM search_terms WHERE term >= ? AND term < ? LIMIT ?)",
            (prefix, prefix + "\U0010ffff", _MANY_WORDS + 1)).fetchone()
        return BM25_BUDGET + 1 if count > _MANY_WORDS else total

    def _remember_words(self, *texts: str | None) -> None:
        # Counted once per text added: a source whose title changes counts twice for a word in both, which
        # only errs towards the cheaper ranking.
        words = set().union(*(vocabulary_words(t) for t in texts if t))
        self._db.executemany(
            "INSERT INTO search_terms (term, sources) VALUES (?, 1)"
            " ON CONFLICT (term) DO UPDATE SET sources = sources + 1",
            ((w,) for w in words),
        )

    def count_sources(self, *, include_removed: bool = False) -> int:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        return self._db.execute(f"SELECT count(*) FROM sources{where}").fetchone()[0]

    def source_original(self, source_id: int) -> tuple[str, bytes]:
        row = self._db.execute(
            "SELECT media_type, data FROM source_originals WHERE source_id = ?", (source_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.location}; list them with `briefs sources`")
        return row[0], bytes(row[1])

    def update_source_meta(self, source_id: int, meta: SourceMeta) -> Source:
        with self.transaction():
            db = self._db
            self._fetch_source(source_id, with_text=False)
            db.execute(
                "UPDATE sources SET title=?, author=?, publication=?, published=?, url=?, language=? "
                "WHERE id=?",
                (meta.title, meta.author, meta.publication, meta.published, meta.url, meta.language, source_id),
            )
            self._remember_words(meta.title)
        return self._fetch_source(source_id, with_text=False)

    def remove_source(self, source_id: int) -> Source:
        # Removal hides the source but keeps the snapshot: briefs that cite it still verify, and the
        # TUI's undo (or a re-import of the same text) brings it back.
        with self.transaction():
            db = self._db
            self._fetch_source(source_id, with_text=False)
            db.execute("UPDATE sources SET removed_at = ? WHERE id = ?", (self._now(), source_id))
        return self._fetch_source(source_id, with_text=False)

    def restore_source(self, source_id: int) -> Source:
        with self.transaction():
            db = self._db
            self._fetch_source(source_id, with_text=False)
            db.execute("UPDATE sources SET removed_at = NULL WHERE id = ?", (source_id,))
        return self._fetch_source(source_id, with_text=False)

    def sources_with_url(self, url: str) -> list[Source]:
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.url = ? ORDER BY s.id", (url,)
        ).fetchall()
        return [_source_from_row(row, False) for row in rows]

    # ---------------------------------------------------------------------------------- snippets
    def add_snippet(self, snippet: Snippet) -> Snippet:
        with self.transaction():
            db = self._db
            self._check_span(snippet)
            cursor = db.execute(
                f"INSERT INTO snippets ({_SNIPPET_COLUMNS.split(', ', 1)[1]}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*_snippet_values(snippet, self._now()), snippet.author or self.author),
            )
            return self._fetch_snippet(cursor.lastrowid)

    def _check_span(self, snippet: Snippet) -> None:
        # A snippet's text must be exactly the source's text at its offsets: that is what lets every
        # quote in a brief be traced and verified later.
        row = self._db.execute(
            "SELECT substr(text, ? + 1, ?) , length(text) FROM sources WHERE id = ?",
            (snippet.start, snippet.end - snippet.start, snippet.source_id),
        ).fetchone()
        if row is None:
            raise NotFound(f"no source s{snippet.source_id} on the desk {self.location}")
        if snippet.end > row[1] or row[0] != snippet.text:
            raise InputError(
                f"snippet text does not match source s{snippet.source_id} at {snippet.start}-{snippet.end}; "
                "select the passage again"
            )

    def _fetch_snippet(self, snippet_id: int) -> Snippet:
        row = self._db.execute(f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE id = ?", (snippet_id,)).fetchone()
        if row is None:
            raise NotFound(f"no snippet n{snippet_id} on the desk {self.location}")
        return _snippet_from_row(row)

    def get_snippet(self, snippet_id: int) -> Snippet:
        return self._fetch_snippet(snippet_id)

    def get_snippets(self, snippet_ids: Iterable[int]) -> dict[int, Snippet]:
        ids = sorted(set(snippet_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE id IN ({marks})", ids)
        return {row[0]: _snippet_from_row(row) for row in rows}

    def list_snippets(self, source_id: int | None = None) -> list[Snippet]:
        if source_id is None:
            rows = self._db.execute(f"SELECT {_SNIPPET_COLUMNS} FROM snippets ORDER BY id")
        else:
            rows = self._db.execute(
                f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE source_id = ? ORDER BY start, id", (source_id,)
            )
        return [_snippet_from_row(row) for row in rows]

    def update_snippet(self, snippet: Snippet) -> Snippet:
        if snippet.id is None:
            raise InputError("cannot update a snippet that was never saved")
        with self.transaction():
            db = self._db
            self._fetch_snippet(snippet.id)
            self._check_span(snippet)
            db.execute(
                'UPDATE snippets SET source_id=?, kind=?, start=?, "end"=?, text=?, speaker=?, edited=?, '
                "comment=?, origin=?, created_at=?, author=coalesce(?, author) WHERE id=?",
                (*_snippet_values(snippet, self._now()), snippet.author, snippet.id),
            )
        return self._fetch_snippet(snippet.id)

    def remove_snippet(self, snippet_id: int) -> Snippet:
        with self.transaction():
            db = self._db
            snippet = self._fetch_snippet(snippet_id)
            db.execute("DELETE FROM snippets WHERE id = ?", (snippet_id,))
        return snippet

    # ------------------------------------------------------------------------ rejected suggestions
    def reject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        with self.transaction():
            self._fetch_source(source_id, with_text=False)
            cursor = self._db.execute(
                'INSERT INTO rejected_suggestions (source_id, kind, start, "end", rejected_at) VALUES (?,?,?,?,?) '
                "ON CONFLICT DO NOTHING",  # already rejected; a bad kind or span still fails its CHECK
                (source_id, kind, start, end, self._now()),
            )
            return cursor.rowcount == 1

    def unreject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        with self.transaction():
            cursor = self._db.execute(
                'DELETE FROM rejected_suggestions WHERE source_id = ? AND kind = ? AND start = ? AND "end" = ?',
                (source_id, kind, start, end),
            )
            return cursor.rowcount == 1

    def rejected_suggestions(self, source_id: int) -> set[Rejected]:
        rows = self._db.execute(
            'SELECT kind, start, "end" FROM rejected_suggestions WHERE source_id = ?', (source_id,)
        )
        return {Rejected(*row) for row in rows}

    # ------------------------------------------------------------------------------------ briefs
    def create_brief(self, brief: Brief) -> Brief:
        now = self._now()
        with self.transaction():
            db = self._db
            cursor = db.execute(
                "INSERT INTO briefs (template, title, fields, sections, marking, revision, created_at,"
                " updated_at, updated_by, uid) VALUES (?,?,?,?,?,1,?,?,?,?)",
                (
                    brief.template,
                    brief.title,
                    json.dumps(brief.fields, ensure_ascii=False),
                    _sections_json(brief.sections),
                    brief.marking,
                    now,
                    now,
                    self.author,
                    new_uid(),
                ),
            )
            self._keep_revision(cursor.lastrowid)
            return self._fetch_brief(cursor.lastrowid)

    def _keep_revision(self, brief_id: int) -> None:
        # The brief's row as it now is becomes a revision in its history, in the same transaction.
        self._db.execute(
            "INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking, author,"
            " saved_at) SELECT id, revision, template, title, fields, sections, marking, updated_by, updated_at"
            " FROM briefs WHERE id = ?",
            (brief_id,),
        )

    def _fetch_brief(self, brief_id: int) -> Brief:
        row = self._db.execute(f"SELECT {_BRIEF_COLUMNS} FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            raise NotFound(f"no brief b{brief_id} on the desk {self.location}; list them with `briefs briefs`")
        return _brief_from_row(row)

    def get_brief(self, brief_id: int) -> Brief:
        return self._fetch_brief(brief_id)

    def list_briefs(self) -> list[Brief]:
        rows = self._db.execute(f"SELECT {_BRIEF_COLUMNS} FROM briefs ORDER BY updated_at DESC, id DESC")
        return [_brief_from_row(row) for row in rows]

    def save_brief(self, brief: Brief) -> Brief:
        """Save `brief` over the revision it was read at; a newer revision on the desk is a conflict."""
        if brief.id is None:
            return self.create_brief(brief)
        with self.transaction():
            db = self._db
            cursor = db.execute(
                "UPDATE briefs SET template=?, title=?, fields=?, sections=?, marking=?, "
                "revision = revision + 1, updated_at=?, updated_by=? WHERE id=? AND revision=?",
                (
                    brief.template,
                    brief.title,
                    json.dumps(brief.fields, ensure_ascii=False),
                    _sections_json(brief.sections),
                    brief.marking,
                    self._now(),
                    self.author,
                    brief.id,
                    brief.revision,
                ),
            )
            if cursor.rowcount == 0:
                current = self._fetch_brief(brief.id)
                raise ConflictError(
                    f"brief b{brief.id} was changed elsewhere (now revision {current.revision}, you edited "
                    f"revision {brief.revision}); your text was kept, reload and merge",
                    current_revision=current.revision,
                )
            self._keep_revision(brief.id)
        return self._fetch_brief(brief.id)

    def remove_brief(self, brief_id: int) -> Brief:
        with self.transaction():
            db = self._db
            brief = self._fetch_brief(brief_id)
            db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,))
        return brief

    def brief_history(self, brief_id: int) -> list[Brief]:
        self._fetch_brief(brief_id)
        rows = self._db.execute(
            f"SELECT {_REVISION_COLUMNS} WHERE r.brief_id = ? ORDER BY r.revision DESC",
            (brief_id,),
        )
        return [_brief_from_row(row) for row in rows]

    def get_brief_revision(self, brief_id: int, revision: int) -> Brief:
        self._fetch_brief(brief_id)
        row = self._db.execute(
            f"SELECT {_REVISION_COLUMNS} WHERE r.brief_id = ? AND r.revision = ?",
            (brief_id, revision),
        ).fetchone()
        if row is None:
            raise NotFound(f"brief b{brief_id} has no revision {revision}; list them with `briefs show b{brief_id} "
                           "--history`")
        return _brief_from_row(row)

    def find_brief(self, uid: str) -> Brief | None:
        row = self._db.execute(f"SELECT {_BRIEF_COLUMNS} FROM briefs WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else _brief_from_row(row)

    def adopt_brief(self, revisions: Sequence[Brief]) -> Brief:
        if not revisions:
            raise InputError("a brief to copy needs at least one revision")
        last, first = revisions[-1], revisions[0]
        with self.transaction():
            db = self._db
            cursor = db.execute(
                "INSERT INTO briefs (template, title, fields, sections, marking, revision, created_at, updated_at,"
                " updated_by, uid) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (last.template, last.title, json.dumps(last.fields, ensure_ascii=False), _sections_json(last.sections),
                 last.marking, last.revision, _iso(first.created_at or first.updated_at, self._now()),
                 _iso(last.updated_at, self._now()), last.updated_by, last.uid or new_uid()),
            )
            brief_id = cursor.lastrowid
            db.executemany(
                "INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking,"
                " author, saved_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [(brief_id, r.revision, r.template, r.title, json.dumps(r.fields, ensure_ascii=False),
                  _sections_json(r.sections), r.marking, r.updated_by, _iso(r.updated_at, self._now()))
                 for r in revisions],
            )
            return self._fetch_brief(brief_id)

    def watch(self, on_events: Callable[[list[DeskEvent]], None]) -> Callable[[], None] | None:
        # One person's file: there is no colleague to hear from (two windows re-read when they return).
        return None


# Every public method turns a failure of SQLite itself (a full disk mid-import, a read-only mount, an I/O
# error) into the DeskError that says what happened, wherever it struck: never a traceback.
def _translated(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: SqliteDesk, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        except OverflowError:
            # An ID past SQLite's 64-bit integers names nothing that can be on the desk.
            raise NotFound(f"no such item on the desk {self.location}: the ID is far too large") from None

    return call


for _name, _method in list(vars(SqliteDesk).items()):
    if not _name.startswith("_") and callable(_method) and _name not in {"transaction", "close"}:
        setattr(SqliteDesk, _name, _translated(_method))

_SETUP_SECONDS = 30.0
_KINDS = {"SQLITE_BUSY": "busy", "SQLITE_LOCKED": "busy", "SQLITE_FULL": "full", "SQLITE_READONLY": "readonly",
          "SQLITE_IOERR": "ioerr", "SQLITE_CANTOPEN": "cantopen"}


def _kind(exc: sqlite3.Error) -> str:
    """busy, full, readonly, ioerr, cantopen or damaged: what kind of failure `exc` is."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, kind in _KINDS.items():
        if name == prefix or name.startswith(prefix + "_"):
            return kind
    text = str(exc).lower()
    for words, kind in (("locked", "busy"), ("busy", "busy"), ("full", "full"), ("readonly", "readonly"),
                        ("read-only", "readonly"), ("disk i/o", "ioerr"), ("unable to open", "cantopen")):
        if words in text:
            return kind
    return "damaged"


def _writable(location: str) -> bool:
    path = Path(location)
    try:
        return os.access(path.parent if str(path.parent) else ".", os.W_OK) and (
            not path.exists() or os.access(path, os.W_OK))
    except (OSError, ValueError):
        return False


# ---------------------------------------------------------------------------------------- helpers
def _split_sql(script: str) -> list[str]:
    # sqlite3.executescript would COMMIT our transaction, so statements run one by one. Triggers contain
    # semicolons; sqlite3.complete_statement tells where a statement really ends.
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _source_from_row(row: tuple, with_text: bool) -> Source:
    return Source(
        id=row[0],
        kind=SourceKind(row[1]),
        origin=row[2],
        sha256=row[3],
        meta=SourceMeta(
            title=row[4], author=row[5], publication=row[6], published=row[7], url=row[8], language=row[9]
        ),
        words=row[10],
        imported_at=datetime.fromisoformat(row[11]),
        removed=row[12] is not None,
        snippet_count=row[13],
        text=row[14] if with_text else "",
    )


def _snippet_values(snippet: Snippet, now: str) -> tuple:
    return (
        snippet.source_id,
        snippet.kind.value,
        snippet.start,
        snippet.end,
        snippet.text,
        snippet.speaker,
        snippet.edited,
        snippet.comment,
        snippet.origin,
        snippet.created_at.isoformat() if snippet.created_at else now,
    )


def _snippet_from_row(row: tuple) -> Snippet:
    return Snippet(
        author=row[11],
        id=row[0],
        source_id=row[1],
        kind=SnippetKind(row[2]),
        start=row[3],
        end=row[4],
        text=row[5],
        speaker=row[6],
        edited=row[7],
        comment=row[8],
        origin=row[9],
        created_at=datetime.fromisoformat(row[10]),
    )


def _sections_json(sections: Iterable[Section]) -> str:
    return json.dumps([{"name": s.name, "snippet_ids": list(s.snippet_ids)} for s in sections], ensure_ascii=False)


def _brief_from_row(row: tuple) -> Brief:
    return Brief(
        id=row[0],
        template=row[1],
        title=row[2],
        fields=json.loads(row[3]),
        sections=[Section(**s) for s in json.loads(row[4])],
        marking=row[5],
        revision=row[6],
        created_at=datetime.fromisoformat(row[7]),
        updated_at=datetime.fromisoformat(row[8]),
        updated_by=row[9],
        uid=row[10],
    )


def _iso(moment: datetime | None, default: str) -> str:
    return moment.isoformat() if moment is not None else default

