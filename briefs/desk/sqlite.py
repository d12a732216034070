"""The SQLite desk: one file, WAL, foreign keys, FTS5, migrations on open.

Plain `sqlite3` rather than SQLAlchemy Core: importing SQLAlchemy and running a first query costs about
170 ms here, which alone would blow the TUI's cold-start budget (1.5x an empty Textual app), and the
parts that matter most (FTS5 tables, triggers, pragmas) are SQLite-specific SQL either way. The
`Desk` protocol in base.py is the seam for another backend.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from briefs.desk.base import AddResult
from briefs.desk.schema import MIGRATIONS, SCHEMA_VERSION
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
    utcnow,
)

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.origin, s.sha256, s.title, s.author, s.publication, s.published, s.url, "
    "s.language, s.words, s.imported_at, s.removed_at, "
    "(SELECT count(*) FROM snippets n WHERE n.source_id = s.id) AS snippet_count"
)
_SNIPPET_COLUMNS = 'id, source_id, kind, start, "end", text, speaker, edited, comment, origin, created_at'
_TOKEN = re.compile(r"\w+", re.UNICODE)
RANK_WINDOW = 1000


def _iso(value: datetime) -> str:
    return value.isoformat()


class SqliteDesk:
    """A desk in one SQLite file. Not shared between threads: open one per thread."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self.created = False
        target = Path(self.path)
        if self.path != ":memory:":
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    # Created readable by its owner only: a desk holds unpublished drafts.
                    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                    self.created = True
            except FileExistsError:
                pass
            except OSError as exc:
                raise DeskError(
                    f"cannot create the desk at {self.path}: {exc.strerror}; choose another with --desk"
                ) from exc
            if target.is_dir():
                raise DeskError(f"the desk path {self.path} is a folder; give a file path with --desk")
        try:
            self._db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA busy_timeout = 10000")
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and self.path != ":memory:":
                raise DeskError(f"the desk {self.path} cannot use write-ahead logging; is the folder read-only?")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise DeskError(
                f"{self.path} is not a Briefs desk or is damaged ({exc}); "
                "point --desk at another file or restore a backup"
            ) from exc

    # ---------------------------------------------------------------------------------- plumbing
    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DeskError(
                f"the desk {self.path} was written by a newer Briefs (schema {version}); upgrade Briefs"
            )
        if version == SCHEMA_VERSION:
            return
        with self._tx():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in _split_sql(MIGRATIONS[number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of one failing
        # half-way through with SQLITE_BUSY.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> SqliteDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------------------- sources
    def add_source(self, new: NewSource) -> AddResult:
        sha = new.sha256
        with self._tx() as db:
            row = db.execute("SELECT id, removed_at FROM sources WHERE sha256 = ?", (sha,)).fetchone()
            if row is not None:
                restored = row[1] is not None
                if restored:
                    db.execute("UPDATE sources SET removed_at = NULL WHERE id = ?", (row[0],))
                existing = self._fetch_source(row[0], with_text=False)
                return AddResult(existing, created=False, restored=restored)
            meta = new.meta
            cursor = db.execute(
                "INSERT INTO sources (sha256, kind, origin, title, author, publication, published, url,"
                " language, words, text, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    _iso(utcnow()),
                ),
            )
            source_id = cursor.lastrowid
            db.execute(
                "INSERT INTO source_originals (source_id, media_type, data) VALUES (?,?,?)",
                (source_id, new.original_type, new.original or new.text.encode("utf-8", "surrogatepass")),
            )
            return AddResult(self._fetch_source(source_id, with_text=False), created=True)

    def _fetch_source(self, source_id: int, *, with_text: bool) -> Source:
        columns = _SOURCE_COLUMNS + (", s.text" if with_text else "")
        row = self._db.execute(f"SELECT {columns} FROM sources s WHERE s.id = ?", (source_id,)).fetchone()
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.path}; list them with `briefs sources`")
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
        match = fts_query(query)
        if match is None:
            return self.list_sources(limit=limit)
        # Ranking every match costs ~15 ms on a 10,000-source desk when a one-letter prefix matches them
        # all; ranking only the newest RANK_WINDOW matches costs ~2 ms and gives the same answer whenever
        # fewer sources than that match. On a desk where more match, the best of the newest 1,000 is what
        # someone searching as they type wants anyway: typing more narrows the set.
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s JOIN ("
            "  SELECT rowid AS hit, bm25(sources_fts, 5.0, 1.0) AS score FROM sources_fts"
            "  WHERE sources_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
            ") m ON s.id = m.hit WHERE s.removed_at IS NULL ORDER BY m.score, s.id DESC LIMIT ?",
            (match, RANK_WINDOW, limit),
        ).fetchall()
        return [_source_from_row(row, False) for row in rows]

    def count_sources(self) -> int:
        return self._db.execute("SELECT count(*) FROM sources WHERE removed_at IS NULL").fetchone()[0]

    def source_original(self, source_id: int) -> tuple[str, bytes]:
        row = self._db.execute(
            "SELECT media_type, data FROM source_originals WHERE source_id = ?", (source_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no source s{source_id} on the desk {self.path}; list them with `briefs sources`")
        return row[0], bytes(row[1])

    def update_source_meta(self, source_id: int, meta: SourceMeta) -> Source:
        with self._tx() as db:
            self._fetch_source(source_id, with_text=False)
            db.execute(
                "UPDATE sources SET title=?, author=?, publication=?, published=?, url=?, language=? "
                "WHERE id=?",
                (meta.title, meta.author, meta.publication, meta.published, meta.url, meta.language, source_id),
            )
        return self._fetch_source(source_id, with_text=False)

    def remove_source(self, source_id: int) -> Source:
        # Removal hides the source but keeps the snapshot: briefs that cite it still verify, and the
        # TUI's undo (or a re-import of the same text) brings it back.
        with self._tx() as db:
            self._fetch_source(source_id, with_text=False)
            db.execute("UPDATE sources SET removed_at = ? WHERE id = ?", (_iso(utcnow()), source_id))
        return self._fetch_source(source_id, with_text=False)

    def restore_source(self, source_id: int) -> Source:
        with self._tx() as db:
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
        with self._tx() as db:
            self._check_span(snippet)
            cursor = db.execute(
                f"INSERT INTO snippets ({_SNIPPET_COLUMNS.split(', ', 1)[1]}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                _snippet_values(snippet),
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
            raise NotFound(f"no source s{snippet.source_id} on the desk {self.path}")
        if snippet.end > row[1] or row[0] != snippet.text:
            raise InputError(
                f"snippet text does not match source s{snippet.source_id} at {snippet.start}-{snippet.end}; "
                "select the passage again"
            )

    def _fetch_snippet(self, snippet_id: int) -> Snippet:
        row = self._db.execute(f"SELECT {_SNIPPET_COLUMNS} FROM snippets WHERE id = ?", (snippet_id,)).fetchone()
        if row is None:
            raise NotFound(f"no snippet n{snippet_id} on the desk {self.path}")
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
        with self._tx() as db:
            self._fetch_snippet(snippet.id)
            self._check_span(snippet)
            db.execute(
                'UPDATE snippets SET source_id=?, kind=?, start=?, "end"=?, text=?, speaker=?, edited=?, '
                "comment=?, origin=?, created_at=? WHERE id=?",
                (*_snippet_values(snippet), snippet.id),
            )
        return self._fetch_snippet(snippet.id)

    def remove_snippet(self, snippet_id: int) -> Snippet:
        with self._tx() as db:
            snippet = self._fetch_snippet(snippet_id)
            db.execute("DELETE FROM snippets WHERE id = ?", (snippet_id,))
        return snippet

    # ------------------------------------------------------------------------------------ briefs
    def create_brief(self, brief: Brief) -> Brief:
        now = utcnow()
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO briefs (template, title, fields, sections, marking, revision, created_at,"
                " updated_at) VALUES (?,?,?,?,?,1,?,?)",
                (
                    brief.template,
                    brief.title,
                    json.dumps(brief.fields, ensure_ascii=False),
                    _sections_json(brief.sections),
                    brief.marking,
                    _iso(now),
                    _iso(now),
                ),
            )
            return self._fetch_brief(cursor.lastrowid)

    def _fetch_brief(self, brief_id: int) -> Brief:
        row = self._db.execute(
            "SELECT id, template, title, fields, sections, marking, revision, created_at, updated_at "
            "FROM briefs WHERE id = ?",
            (brief_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no brief b{brief_id} on the desk {self.path}; list them with `briefs briefs`")
        return _brief_from_row(row)

    def get_brief(self, brief_id: int) -> Brief:
        return self._fetch_brief(brief_id)

    def list_briefs(self) -> list[Brief]:
        rows = self._db.execute(
            "SELECT id, template, title, fields, sections, marking, revision, created_at, updated_at "
            "FROM briefs ORDER BY updated_at DESC, id DESC"
        )
        return [_brief_from_row(row) for row in rows]

    def save_brief(self, brief: Brief) -> Brief:
        """Save `brief` over the revision it was read at; a newer revision on the desk is a conflict."""
        if brief.id is None:
            return self.create_brief(brief)
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE briefs SET template=?, title=?, fields=?, sections=?, marking=?, "
                "revision = revision + 1, updated_at=? WHERE id=? AND revision=?",
                (
                    brief.template,
                    brief.title,
                    json.dumps(brief.fields, ensure_ascii=False),
                    _sections_json(brief.sections),
                    brief.marking,
                    _iso(utcnow()),
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
        return self._fetch_brief(brief.id)

    def remove_brief(self, brief_id: int) -> Brief:
        with self._tx() as db:
            brief = self._fetch_brief(brief_id)
            db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,))
        return brief


# ---------------------------------------------------------------------------------------- helpers
def fts_query(query: str) -> str | None:
    """Turn what a user types into a safe FTS5 query: every word must match, the last one as a prefix.

    Users type plain words, not FTS5 syntax; quoting each token means `"` , `*`, `NEAR` or `AND` in the
    search box can never raise a syntax error.
    """
    tokens = _TOKEN.findall(query)
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens[:-1]]
    parts.append(f'"{tokens[-1]}"*')
    return " ".join(parts)


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


def _snippet_values(snippet: Snippet) -> tuple:
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
        _iso(snippet.created_at),
    )


def _snippet_from_row(row: tuple) -> Snippet:
    return Snippet(
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


def _sections_json(sections: list[Section]) -> str:
    return json.dumps([s.model_dump() for s in sections], ensure_ascii=False)


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
    )
