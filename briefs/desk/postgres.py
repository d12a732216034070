"""The team desk: the same Desk on a PostgreSQL server, for an office that shares one library.

psycopg 3 with psycopg_pool, not SQLAlchemy Core: the SQL that matters (tsvector search, triggers, NOTIFY,
advisory locks) is PostgreSQL's own either way, so an abstraction layer would only add its import (about
170 ms) and a few hundred microseconds per statement on the search-as-you-type path (the README gives the
figures from bench/desk_bench.py --backend postgresql --compare-sqlalchemy). psycopg hands the URL to libpq
unchanged, so ~/.pgpass, PGPASSFILE, service files, sslmode and the PG* environment behave as for psql,
and Briefs never needs the password itself: it is never printed, logged or stored (`location` and every
message name the server without it).

Connections come from a pool (every thread of the app may use the desk: the UI thread and each worker
borrow one for a statement or a transaction, instead of each opening its own); a transaction keeps its
connection until it ends; nested transactions are savepoints. A connection the server dropped is
replaced on the next use; while the server is gone, every call raises DeskUnavailable naming it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from briefs.clock import SYSTEM_CLOCK, Clock
from briefs.desk.base import AddResult, DeskEvent, Rejected
from briefs.desk.common import default_author, new_uid, newer_schema_error
from briefs.desk.schema import POSTGRESQL, SCHEMA_VERSION
from briefs.desk.search import RANK_WINDOW, indexed_words, query_words
from briefs.errors import BriefsError, ConflictError, DeskError, DeskUnavailable, InputError, NotFound
from briefs.model import Brief, NewSource, Section, Snippet, SnippetKind, Source, SourceKind, SourceMeta

try:
    import psycopg
    import psycopg_pool
except ImportError:  # pragma: no cover - the dependency ships with Briefs; a stripped install says so
    psycopg = None  # type: ignore[assignment]
    psycopg_pool = None  # type: ignore[assignment]

# The pool reports connection failures through logging; Briefs says them itself, in one line, and a
# message on the app's terminal would tear its screen. Configured logging still receives them.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.origin, s.sha256, s.title, s.author, s.publication, s.published, s.url, "
    "s.language, s.words, s.imported_at, s.removed_at, "
    "(SELECT count(*) FROM snippets n WHERE n.source_id = s.id) AS snippet_count"
)
_SNIPPET_COLUMNS = 'id, source_id, kind, start, "end", text, speaker, edited, comment, origin, created_at, author'
_BRIEF_COLUMNS = "id, template, title, fields, sections, marking, revision, created_at, updated_at, updated_by, uid"
_REVISION_COLUMNS = ("r.brief_id, r.template, r.title, r.fields, r.sections, r.marking, r.revision, b.created_at, "
                     "r.saved_at, r.author, b.uid FROM brief_revisions r JOIN briefs b ON b.id = r.brief_id")
# Title words weigh five times text words, as FTS5's bm25(5.0, 1.0) does; ts_rank takes {D, C, B, A}.
_WEIGHTS = "{0, 0, 0.2, 1.0}"
POOL_SIZE = 8
CONNECT_TIMEOUT = 5  # seconds, unless the URL says (connect_timeout=)
WAIT_FOR_CONNECTION = 3.0  # how long a call waits for a pooled connection before saying the server is gone
_MIGRATION_LOCK = "briefs schema migration"


class PostgresDesk:
    """A desk in a PostgreSQL database (its current schema). Safe to share between threads."""

    def __init__(self, url: str, *, clock: Clock = SYSTEM_CLOCK, author: str = "") -> None:
        if psycopg is None or psycopg_pool is None:
            raise DeskError("this Briefs was installed without its PostgreSQL driver; "
                            "install it with pip install 'psycopg[binary]' psycopg-pool")
        from briefs.desk import display_location

        self.location = display_location(url)
        self.clock = clock
        self.author = author or default_author()
        self._url = url
        self._client = secrets.token_hex(8)  # names this desk's changes in NOTIFY payloads
        self._local = threading.local()
        self._newer: int | None = None
        self._closed = False
        self._troubled = False  # the server was found gone lately
        self._watchers: list[_Watcher] = []
        self.server = _server_name(url)
        params = psycopg.conninfo.conninfo_to_dict(url) if "://" in url else {}
        self._kwargs: dict[str, Any] = {"autocommit": True}
        if "connect_timeout" not in params:
            self._kwargs["connect_timeout"] = CONNECT_TIMEOUT
        if "application_name" not in params:
            self._kwargs["application_name"] = "briefs"
        self._pool = psycopg_pool.ConnectionPool(
            url, kwargs=self._kwargs, min_size=1, max_size=POOL_SIZE, open=False, configure=self._configure,
            name="briefs", timeout=WAIT_FOR_CONNECTION, reconnect_timeout=3600,
        )
        # The first connection is made directly: a wrong password or a server that is down is reported at
        # once, in libpq's words (the pool would only time out). It checks the schema; meanwhile the pool
        # makes its own first connection in the background.
        first = self._probe()
        if isinstance(first, BaseException):
            if isinstance(first, psycopg.OperationalError) and _refused_by_server(first):
                raise DeskError(f"the desk server {self.server} refused Briefs: {_first_line(first)}") from None
            raise self._unavailable(first) from None
        self._pool.open(wait=False)
        try:
            self.schema = self._migrate(first)
        except BaseException:
            self._pool.close(timeout=1)
            raise
        finally:
            first.close()

    # ---------------------------------------------------------------------------------- plumbing
    def _configure(self, conn: Any) -> None:
        # Every pooled connection: times in UTC (what the clock gives), and this desk's name for NOTIFY.
        conn.execute("SELECT set_config('TimeZone', 'UTC', false), set_config('briefs.client', %s, false)",
                     (self._client,))

    def _probe(self) -> Any:
        """A connection made directly, or why there can be none (what libpq says)."""
        try:
            conn = psycopg.connect(self._url, **self._kwargs)
        except psycopg.Error as exc:
            return exc
        try:
            self._configure(conn)
        except psycopg.Error as exc:
            conn.close()
            return exc
        return conn

    def _unavailable(self, exc: BaseException | str) -> DeskUnavailable:
        reason = _first_line(exc)
        return DeskUnavailable(
            f"the desk server {self.server} is not answering ({reason}); check that it is running and "
            "reachable, then try again"
        )

    def _failure(self, exc: Exception) -> BriefsError:
        """A driver error as the one-line message a user gets."""
        if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
            return self._unavailable(exc)
        return DeskError(f"the desk {self.location} refused a change ({_first_line(exc)})")

    def _checkout(self) -> Any:
        if self._closed:
            raise DeskError(f"the desk {self.location} was closed; open it again")
        try:
            # Once the server has been found gone, calls do not wait for the pool: each says so at once.
            conn = self._pool.getconn(timeout=0.2 if self._troubled else WAIT_FOR_CONNECTION)
            self._troubled = False
            return conn
        except psycopg_pool.PoolClosed:
            raise DeskError(f"the desk {self.location} was closed; open it again") from None
        except psycopg_pool.PoolTimeout:
            pass
        # No pooled connection in time: the server is gone, or it is back and the pool has not noticed yet
        # (it retries with a growing pause). A direct connection tells which, and serves this call.
        self._troubled = True
        probe = self._probe()
        if isinstance(probe, BaseException):
            raise self._unavailable(probe) from None
        probe._briefs_direct = True
        return probe

    def _checkin(self, conn: Any) -> None:
        if getattr(conn, "_briefs_direct", False):
            conn.close()
            return
        with contextlib.suppress(Exception):  # a pool closed meanwhile closes the connection itself
            self._pool.putconn(conn)

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = (), *, prepare: bool | None = None
              ) -> list[tuple]:
        """Run one statement and return its rows: inside this thread's transaction if one is open, else on
        a borrowed connection (once more on a fresh one if the server had dropped the first)."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            try:
                cursor = held.execute(sql, params, prepare=prepare)
                return cursor.fetchall() if cursor.description else []
            except psycopg.Error as exc:
                raise _Translated(self._failure(exc)) from exc
        for attempt in (1, 2):
            conn = self._checkout()
            try:
                cursor = conn.execute(sql, params, prepare=prepare)
                return cursor.fetchall() if cursor.description else []
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                if attempt == 2 or not conn.broken:
                    raise self._failure(exc) from None
            except psycopg.Error as exc:
                raise self._failure(exc) from None
            finally:
                self._checkin(conn)
        raise AssertionError("unreachable")

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing. The outermost borrows a connection for its whole length (BEGIN ... COMMIT);
        inner ones are savepoints on it."""
        if self._newer is not None:
            raise newer_schema_error(self.location, self._newer)
        held = getattr(self._local, "conn", None)
        if held is not None:
            try:
                savepoint = held.transaction()
                savepoint.__enter__()
            except psycopg.Error as exc:
                raise self._failure(exc) from None
            yield from _closing(savepoint, self._failure)
            return
        conn = tx = None
        for attempt in (1, 2):
            conn = self._checkout()
            try:
                tx = conn.transaction()
                tx.__enter__()
                break
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                # Nothing was done yet: a connection the server dropped is simply replaced.
                self._checkin(conn)
                if attempt == 2 or not conn.broken:
                    raise self._failure(exc) from None
        self._local.conn = conn
        try:
            yield from _closing(tx, self._failure)
        finally:
            self._local.conn = None
            self._checkin(conn)

    def _migrate(self, conn: Any) -> str:
        """Bring the schema up to date under an advisory lock (two clients opening a new desk at once: one
        migrates, the other waits and finds it done); returns the schema's name."""
        try:
            schema, exists = conn.execute(
                "SELECT current_schema(), to_regclass('briefs_schema') IS NOT NULL"
            ).fetchone()
            if schema is None:
                raise DeskError(f"the desk {self.location} has no schema to work in; check the search_path")
            row = conn.execute("SELECT version FROM briefs_schema").fetchone() if exists else None
            version = row[0] if row else 0
            if version == SCHEMA_VERSION:
                return schema
            if version > SCHEMA_VERSION:
                self._newer = version  # readable; transaction() refuses to change it
                return schema
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s || current_schema()))", (_MIGRATION_LOCK,))
                conn.execute("CREATE TABLE IF NOT EXISTS briefs_schema (version integer NOT NULL)")
                row = conn.execute("SELECT version FROM briefs_schema").fetchone()
                if row is None:
                    conn.execute("INSERT INTO briefs_schema (version) VALUES (0)")
                version = row[0] if row else 0
                if version > SCHEMA_VERSION:
                    self._newer = version
                    return schema
                for number in range(version, SCHEMA_VERSION):
                    conn.execute(POSTGRESQL[number])
                    conn.execute("UPDATE briefs_schema SET version = %s", (number + 1,))
            return schema
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DeskError(f"the desk {self.location} cannot be set up: {_first_line(exc)}; ask for CREATE "
                            "rights on the schema or run Briefs once as its owner") from None
        except psycopg.Error as exc:
            raise self._failure(exc) from None

    def _now(self) -> datetime:
        return self.clock.now()

    def close(self) -> None:
        self._closed = True
        for watcher in list(self._watchers):
            watcher.stop()
        self._pool.close(timeout=2)

    def __enter__(self) -> PostgresDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_problems(self) -> list[str]:
        """What a check of the stored desk finds wrong: broken references, snippets that no longer match
        their source, briefs whose history misses their current revision."""
        problems = []
        checks = {
            "snippets of missing sources": "SELECT count(*) FROM snippets n LEFT JOIN sources s ON s.id = "
            "n.source_id WHERE s.id IS NULL",
            "sources without their original bytes": "SELECT count(*) FROM sources s LEFT JOIN source_originals o "
            "ON o.source_id = s.id WHERE o.source_id IS NULL",
            "snippets whose text is not their source's": "SELECT count(*) FROM snippets n JOIN sources s ON "
            's.id = n.source_id WHERE substr(s.text, n.start + 1, n."end" - n.start) <> n.text',
            "briefs missing their current revision": "SELECT count(*) FROM briefs b LEFT JOIN brief_revisions r "
            "ON r.brief_id = b.id AND r.revision = b.revision WHERE r.brief_id IS NULL",
            "sources missing from the search index": "SELECT count(*) FROM sources WHERE search = ''::tsvector "
            "AND text ~ '[[:alnum:]]'",
        }
        for what, sql in checks.items():
            row = self._one(sql)
            if row and row[0]:
                problems.append(f"{row[0]} {what}")
        return problems

    # ---------------------------------------------------------------------------- desk properties
    def get_property(self, key: str) -> str | None:
        row = self._one("SELECT value FROM desk_properties WHERE key = %s", (key,))
        return None if row is None else row[0]

    def set_property(self, key: str, value: str) -> None:
        with self.transaction():
            self._rows(
                "INSERT INTO desk_properties (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # ----------------------------------------------------------------------------------- sources
    def add_source(self, new: NewSource, *, imported_at: datetime | None = None, removed: bool = False) -> AddResult:
        sha = new.sha256
        meta = new.meta
        with self.transaction():
            # ON CONFLICT DO NOTHING: two colleagues importing the same article at once get one source, and
            # the second learns it exists instead of failing on the unique key.
            row = self._one(
                "INSERT INTO sources (sha256, kind, origin, title, author, publication, published, url, language,"
                " words, text, imported_at, removed_at, search) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
                " setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'))"
                " ON CONFLICT (sha256) DO NOTHING RETURNING id",
                (sha, new.kind.value, new.origin, meta.title, meta.author, meta.publication, meta.published, meta.url,
                 meta.language, new.words, new.text, imported_at or self._now(), self._now() if removed else None,
                 indexed_words(meta.title or ""), indexed_words(new.text)),
            )
            if row is None:
                existing = self._one("SELECT id, removed_at FROM sources WHERE sha256 = %s FOR UPDATE", (sha,))
                assert existing is not None
                # An import brings a removed source back; a copy (imported_at given) leaves it as it is.
                restored = existing[1] is not None and imported_at is None
                if restored:
                    self._rows("UPDATE sources SET removed_at = NULL WHERE id = %s", (existing[0],))
                return AddResult(self._fetch_source(existing[0], with_text=False), created=False, restored=restored)
            source_id = row[0]
            self._rows(
                "INSERT INTO source_originals (source_id, media_type, data) VALUES (%s, %s, %s)",
                (source_id, new.original_type, new.original or new.text.encode("utf-8", "surrogatepass")),
            )
            return AddResult(self._fetch_source(source_id, with_text=False), created=True)

    def _fetch_source(self, source_id: int, *, with_text: bool) -> Source:
        columns = _SOURCE_COLUMNS + (", s.text" if with_text else "")
        row = self._one(f"SELECT {columns} FROM sources s WHERE s.id = %s", (source_id,))
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.location}; list them with `briefs sources`")
        return _source_from_row(row, with_text)

    def get_source(self, source_id: int, *, with_text: bool = True) -> Source:
        return self._fetch_source(source_id, with_text=with_text)

    def get_sources(self, source_ids: Iterable[int]) -> dict[int, Source]:
        ids = sorted(set(source_ids))
        if not ids:
            return {}
        rows = self._rows(f"SELECT {_SOURCE_COLUMNS}, s.text FROM sources s WHERE s.id = ANY(%s)", (ids,))
        return {row[0]: _source_from_row(row, True) for row in rows}

    def list_sources(self, *, limit: int | None = None, include_removed: bool = False) -> list[Source]:
        where = "" if include_removed else "WHERE s.removed_at IS NULL"
        sql = f"SELECT {_SOURCE_COLUMNS} FROM sources s {where} ORDER BY s.id DESC"
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT %s"
            params = (limit,)
        return [_source_from_row(row, False) for row in self._rows(sql, params)]

    def search_sources(self, query: str, *, limit: int = 200) -> list[Source]:
        words = query_words(query)
        if words is None:
            return self.list_sources(limit=limit)
        whole, prefix = words
        match = "(websearch_to_tsquery('simple', %(whole)s) && to_tsquery('simple', %(prefix)s))"
        # The best `limit` of the window are found before the rest of their columns are read. The plan is
        # made for these words, never a generic one (psycopg prepares a statement run five times, and the
        # server may then keep a plan made without the query): a word in every source is read newest first
        # along the primary key and stops at the window, a rare one is looked up in the GIN index; one
        # plan for both reads the whole index or the whole table.
        rows = self._rows(
            f"SELECT {_SOURCE_COLUMNS} FROM ("
            f"  SELECT w.id, ts_rank('{_WEIGHTS}'::real[], w.search, {match}) AS score FROM ("
            f"    SELECT id, search FROM sources WHERE search @@ {match} AND removed_at IS NULL"
            "     ORDER BY id DESC LIMIT %(window)s"
            "  ) w ORDER BY score DESC, w.id DESC LIMIT %(limit)s"
            ") m JOIN sources s ON s.id = m.id ORDER BY m.score DESC, s.id DESC",
            {"whole": whole, "prefix": prefix, "window": max(RANK_WINDOW, limit), "limit": limit},
            prepare=False,
        )
        return [_source_from_row(row, False) for row in rows]

    def count_sources(self, *, include_removed: bool = False) -> int:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        row = self._one(f"SELECT count(*) FROM sources{where}")
        return int(row[0]) if row else 0

    def source_original(self, source_id: int) -> tuple[str, bytes]:
        row = self._one("SELECT media_type, data FROM source_originals WHERE source_id = %s", (source_id,))
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.location}; list them with `briefs sources`")
        return row[0], bytes(row[1])

    def update_source_meta(self, source_id: int, meta: SourceMeta) -> Source:
        with self.transaction():
            self._fetch_source(source_id, with_text=False)
            text = self._one("SELECT text FROM sources WHERE id = %s", (source_id,))
            assert text is not None
            self._rows(
                "UPDATE sources SET title=%s, author=%s, publication=%s, published=%s, url=%s, language=%s,"
                " search = setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
                " WHERE id=%s",
                (meta.title, meta.author, meta.publication, meta.published, meta.url, meta.language,
                 indexed_words(meta.title or ""), indexed_words(text[0]), source_id),
            )
        return self._fetch_source(source_id, with_text=False)

    def remove_source(self, source_id: int) -> Source:
        with self.transaction():
            self._fetch_source(source_id, with_text=False)
            self._rows("UPDATE sources SET removed_at = %s WHERE id = %s", (self._now(), source_id))
        return self._fetch_source(source_id, with_text=False)

    def restore_source(self, source_id: int) -> Source:
        with self.transaction():
            self._fetch_source(source_id, with_text=False)
            self._rows("UPDATE sources SET removed_at = NULL WHERE id = %s", (source_id,))
        return self._fetch_source(source_id, with_text=False)

    def sources_with_url(self, url: str) -> list[Source]:
        rows = self._rows(f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.url = %s ORDER BY s.id", (url,))
        return [_source_from_row(row, False) for row in rows]

    # ---------------------------------------------------------------------------------- snippets
    def add_snippet(self, snippet: Snippet) -> Snippet:
        with self.transaction():
            self._check_span(snippet)
            row = self._one(
                'INSERT INTO snippets (source_id, kind, start, "end", text, speaker, edited, comment, origin,'
                " created_at, author) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                (*_snippet_values(snippet, self._now()), snippet.author or self.author),
            )
            assert row is not None
            return self._fetch_snippet(row[0])

    def _check_span(self, snippet: Snippet) -> None:
        # As on SQLite: a snippet is exactly its source's text at its offsets (characters, as Python counts).
        row = self._one(
            "SELECT substr(text, %s + 1, %s), length(text) FROM sources WHERE id = %s",
            (snippet.start, snippet.end - snippet.start, snippet.source_id),
        )
        if row is None:
            raise NotFound(f"no source s{snippet.source_id} on the desk {self.location}")
        if snippet.end > row[1] or row[0] != snippet.text:
            raise InputError(
                f"snippet text does not match source s{snippet.source_id} at {snippet.start}-{snippet.end}; "
                "select the passage again"
            )

    def _fetch_snippet(self, snippet_id: int) -> Snippet:
        row = self._one(f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE id = %s", (snippet_id,))
        if row is None:
            raise NotFound(f"no snippet n{snippet_id} on the desk {self.location}")
        return _snippet_from_row(row)

    def get_snippet(self, snippet_id: int) -> Snippet:
        return self._fetch_snippet(snippet_id)

    def get_snippets(self, snippet_ids: Iterable[int]) -> dict[int, Snippet]:
        ids = sorted(set(snippet_ids))
        if not ids:
            return {}
        rows = self._rows(f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE id = ANY(%s)", (ids,))
        return {row[0]: _snippet_from_row(row) for row in rows}

    def list_snippets(self, source_id: int | None = None) -> list[Snippet]:
        if source_id is None:
            rows = self._rows(f"SELECT {_SNIPPET_COLUMNS} FROM snippets ORDER BY id")
        else:
            rows = self._rows(
                f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE source_id = %s ORDER BY start, id", (source_id,)
            )
        return [_snippet_from_row(row) for row in rows]

    def update_snippet(self, snippet: Snippet) -> Snippet:
        if snippet.id is None:
            raise InputError("cannot update a snippet that was never saved")
        with self.transaction():
            self._fetch_snippet(snippet.id)
            self._check_span(snippet)
            self._rows(
                'UPDATE snippets SET source_id=%s, kind=%s, start=%s, "end"=%s, text=%s, speaker=%s, edited=%s, '
                "comment=%s, origin=%s, created_at=%s, author=coalesce(%s, author) WHERE id=%s",
                (*_snippet_values(snippet, self._now()), snippet.author, snippet.id),
            )
        return self._fetch_snippet(snippet.id)

    def remove_snippet(self, snippet_id: int) -> Snippet:
        with self.transaction():
            snippet = self._fetch_snippet(snippet_id)
            self._rows("DELETE FROM snippets WHERE id = %s", (snippet_id,))
        return snippet

    # ------------------------------------------------------------------------- rejected suggestions
    def reject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        with self.transaction():
            self._fetch_source(source_id, with_text=False)
            row = self._one(
                'INSERT INTO rejected_suggestions (source_id, kind, start, "end", rejected_at) '
                "VALUES (%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING RETURNING source_id",
                (source_id, kind, start, end, self._now()),
            )
            return row is not None

    def unreject_suggestion(self, source_id: int, kind: str, start: int, end: int) -> bool:
        with self.transaction():
            row = self._one(
                'DELETE FROM rejected_suggestions WHERE source_id = %s AND kind = %s AND start = %s AND "end" = %s '
                "RETURNING source_id",
                (source_id, kind, start, end),
            )
            return row is not None

    def rejected_suggestions(self, source_id: int) -> set[Rejected]:
        rows = self._rows('SELECT kind, start, "end" FROM rejected_suggestions WHERE source_id = %s', (source_id,))
        return {Rejected(*row) for row in rows}

    # ------------------------------------------------------------------------------------ briefs
    def create_brief(self, brief: Brief) -> Brief:
        now = self._now()
        with self.transaction():
            row = self._one(
                "INSERT INTO briefs (template, title, fields, sections, marking, revision, created_at, updated_at,"
                " updated_by, uid) VALUES (%s,%s,%s,%s,%s,1,%s,%s,%s,%s) RETURNING id",
                (brief.template, brief.title, json.dumps(brief.fields, ensure_ascii=False),
                 _sections_json(brief.sections), brief.marking, now, now, self.author, new_uid()),
            )
            assert row is not None
            self._keep_revision(row[0])
            return self._fetch_brief(row[0])

    def _keep_revision(self, brief_id: int) -> None:
        self._rows(
            "INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking, author,"
            " saved_at) SELECT id, revision, template, title, fields, sections, marking, updated_by, updated_at"
            " FROM briefs WHERE id = %s",
            (brief_id,),
        )

    def _fetch_brief(self, brief_id: int) -> Brief:
        row = self._one(f"SELECT {_BRIEF_COLUMNS} FROM briefs WHERE id = %s", (brief_id,))
        if row is None:
            raise NotFound(f"no brief b{brief_id} on the desk {self.location}; list them with `briefs briefs`")
        return _brief_from_row(row)

    def get_brief(self, brief_id: int) -> Brief:
        return self._fetch_brief(brief_id)

    def list_briefs(self) -> list[Brief]:
        rows = self._rows(f"SELECT {_BRIEF_COLUMNS} FROM briefs ORDER BY updated_at DESC, id DESC")
        return [_brief_from_row(row) for row in rows]

    def save_brief(self, brief: Brief) -> Brief:
        """Save `brief` over the revision it was read at; a newer revision on the desk is a conflict. The
        check and the update are one statement, so two machines saving at once cannot both win."""
        if brief.id is None:
            return self.create_brief(brief)
        with self.transaction():
            row = self._one(
                "UPDATE briefs SET template=%s, title=%s, fields=%s, sections=%s, marking=%s, "
                "revision = revision + 1, updated_at=%s, updated_by=%s WHERE id=%s AND revision=%s RETURNING id",
                (brief.template, brief.title, json.dumps(brief.fields, ensure_ascii=False),
                 _sections_json(brief.sections), brief.marking, self._now(), self.author, brief.id, brief.revision),
            )
            if row is None:
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
            brief = self._fetch_brief(brief_id)
            self._rows("DELETE FROM briefs WHERE id = %s", (brief_id,))
        return brief

    def brief_history(self, brief_id: int) -> list[Brief]:
        self._fetch_brief(brief_id)
        rows = self._rows(f"SELECT {_REVISION_COLUMNS} WHERE r.brief_id = %s ORDER BY r.revision DESC", (brief_id,))
        return [_brief_from_row(row) for row in rows]

    def get_brief_revision(self, brief_id: int, revision: int) -> Brief:
        self._fetch_brief(brief_id)
        row = self._one(f"SELECT {_REVISION_COLUMNS} WHERE r.brief_id = %s AND r.revision = %s", (brief_id, revision))
        if row is None:
            raise NotFound(f"brief b{brief_id} has no revision {revision}; list them with `briefs show b{brief_id} "
                           "--history`")
        return _brief_from_row(row)

    def find_brief(self, uid: str) -> Brief | None:
        row = self._one(f"SELECT {_BRIEF_COLUMNS} FROM briefs WHERE uid = %s", (uid,))
        return None if row is None else _brief_from_row(row)

    def adopt_brief(self, revisions: Sequence[Brief]) -> Brief:
        if not revisions:
            raise InputError("a brief to copy needs at least one revision")
        last, first = revisions[-1], revisions[0]
        now = self._now()
        with self.transaction():
            row = self._one(
                "INSERT INTO briefs (template, title, fields, sections, marking, revision, created_at, updated_at,"
                " updated_by, uid) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                (last.template, last.title, json.dumps(last.fields, ensure_ascii=False), _sections_json(last.sections),
                 last.marking, last.revision, first.created_at or first.updated_at or now, last.updated_at or now,
                 last.updated_by, last.uid or new_uid()),
            )
            assert row is not None
            brief_id = row[0]
            held = self._local.conn
            try:
                with held.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking,"
                        " author, saved_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                        [(brief_id, r.revision, r.template, r.title, json.dumps(r.fields, ensure_ascii=False),
                          _sections_json(r.sections), r.marking, r.updated_by, r.updated_at or now)
                         for r in revisions],
                    )
            except psycopg.Error as exc:
                raise _Translated(self._failure(exc)) from exc
            return self._fetch_brief(brief_id)

    # ---------------------------------------------------------------------------------------- live
    def watch(self, on_events: Callable[[list[DeskEvent]], None]) -> Callable[[], None] | None:
        watcher = _Watcher(self, on_events)
        self._watchers.append(watcher)
        watcher.start()
        return watcher.stop


class _Watcher:
    """LISTENs on its own connection and hands other clients' changes to `on_events`, batched.

    When the server goes away it reports `desk lost`, reconnects with a growing pause, and reports `desk
    back` (NOTIFYs sent meanwhile are gone, so whoever listens re-reads)."""

    BATCH = 0.05  # seconds of quiet that end a batch: an import of 20 sources is one refresh, not 20
    POLL = 0.25

    def __init__(self, desk: PostgresDesk, on_events: Callable[[list[DeskEvent]], None]) -> None:
        self.desk = desk
        self.on_events = on_events
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="briefs-desk-watch", daemon=True)
        self._conn: Any = None
        self.ready = threading.Event()  # set once LISTEN is in place (tests wait for it)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        # The thread sees the flag within a poll and closes its connection itself (a connection is not
        # closed from under the thread that is reading it).
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        with contextlib.suppress(ValueError):
            self.desk._watchers.remove(self)

    def _connect(self) -> Any:
        conn = psycopg.connect(self.desk._url, **self.desk._kwargs)
        channel = f"briefs:{self.desk.schema}"
        conn.execute(f"LISTEN {psycopg.sql.Identifier(channel).as_string(conn)}")
        return conn

    def _run(self) -> None:
        lost = False
        pause = 0.5
        while not self._stop.is_set():
            try:
                self._conn = self._connect()
            except psycopg.Error:
                if not lost:
                    lost = True
                    self._deliver([DeskEvent("desk", op="lost")])
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)
                continue
            pause = 0.5
            self.ready.set()
            if lost:
                lost = False
                self._deliver([DeskEvent("desk", op="back")])
            try:
                self._listen(self._conn)
            except psycopg.Error:
                if self._stop.is_set():
                    break
                lost = True
                self._deliver([DeskEvent("desk", op="lost")])
            finally:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None

    def _listen(self, conn: Any) -> None:
        batch: list[DeskEvent] = []
        while not self._stop.is_set():
            got = False
            for note in conn.notifies(timeout=self.BATCH if batch else self.POLL, stop_after=64):
                got = True
                event = self._event(note.payload)
                if event is not None:
                    batch.append(event)
            if batch and not got:
                self._deliver(batch)
                batch = []

    def _event(self, payload: str) -> DeskEvent | None:
        try:
            data = json.loads(payload)
        except ValueError:
            return None
        if data.get("client") == self.desk._client:
            return None  # this desk's own change: whoever made it already shows it
        return DeskEvent(kind=str(data.get("kind")), id=data.get("id"), op=str(data.get("op", "update")),
                         source_id=data.get("source"))

    def _deliver(self, events: list[DeskEvent]) -> None:
        if self._stop.is_set():
            return
        with contextlib.suppress(Exception):  # a listener's failure must not end the watch
            self.on_events(events)


class _Translated(Exception):
    """A driver error inside a transaction, already turned into the Briefs error to raise."""

    def __init__(self, error: BriefsError) -> None:
        super().__init__(str(error))
        self.error = error


def _closing(tx: Any, failure: Callable[[Exception], BriefsError]) -> Iterator[None]:
    """Run the body of a psycopg transaction (or savepoint) already entered: commit when it ends, roll back
    when it raises; driver errors come out as Briefs errors."""
    try:
        yield
    except _Translated as wrapped:
        with contextlib.suppress(Exception):  # the connection may be gone: the server rolls back itself
            tx.__exit__(type(wrapped), wrapped, wrapped.__traceback__)
        raise wrapped.error from None
    except BaseException as exc:
        with contextlib.suppress(psycopg.Error):
            tx.__exit__(type(exc), exc, exc.__traceback__)
        raise
    else:
        try:
            tx.__exit__(None, None, None)
        except psycopg.Error as exc:
            raise failure(exc) from None


# ---------------------------------------------------------------------------------------- helpers
def _server_name(url: str) -> str:
    """host:port/dbname of a URL, as messages name the server (never its password)."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        from briefs.desk import display_location

        return display_location(url)
    host = params.get("host") or params.get("hostaddr") or ("service " + params["service"] if params.get("service")
                                                            else "localhost")
    port = params.get("port")
    name = f"{host}:{port}" if port else str(host)
    dbname = params.get("dbname")
    return f"{name}/{dbname}" if dbname else name


def _refused_by_server(exc: BaseException) -> bool:
    """The server answered and said no (a password, a role, a database that does not exist): trying again
    will not help, unlike a server that is down."""
    sqlstate = getattr(exc, "sqlstate", None)
    text = str(exc)
    return bool(sqlstate and sqlstate.startswith(("28", "3D"))) or any(
        words in text for words in ("password authentication failed", "no password supplied", "does not exist",
                                    "no pg_hba.conf entry", "role \"")
    )


def _first_line(exc: BaseException | str) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.splitlines()[0].split()).rstrip(".")


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)


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
        imported_at=row[11].astimezone(UTC),
        removed=row[12] is not None,
        snippet_count=row[13],
        text=row[14] if with_text else "",
    )


def _snippet_values(snippet: Snippet, now: datetime) -> tuple:
    return (snippet.source_id, snippet.kind.value, snippet.start, snippet.end, snippet.text, snippet.speaker,
            snippet.edited, snippet.comment, snippet.origin, snippet.created_at or now)


def _snippet_from_row(row: tuple) -> Snippet:
    return Snippet(
        id=row[0], source_id=row[1], kind=SnippetKind(row[2]), start=row[3], end=row[4], text=row[5],
        speaker=row[6], edited=row[7], comment=row[8], origin=row[9], created_at=_utc(row[10]), author=row[11],
    )


def _sections_json(sections: Iterable[Section]) -> str:
    return json.dumps([{"name": s.name, "snippet_ids": list(s.snippet_ids)} for s in sections], ensure_ascii=False)


def _brief_from_row(row: tuple) -> Brief:
    return Brief(
        id=row[0], template=row[1], title=row[2], fields=json.loads(row[3]),
        sections=[Section(**s) for s in json.loads(row[4])], marking=row[5], revision=row[6],
        created_at=_utc(row[7]), updated_at=_utc(row[8]), updated_by=row[9], uid=row[10],
    )

