"""The desk's SQLite schema, as numbered migrations run on open.

`PRAGMA user_version` records how many have run. A migration is appended, never edited, once released.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: sources, their original bytes, full-text search, snippets and briefs.
    """
    CREATE TABLE sources (
        id          INTEGER PRIMARY KEY,
        sha256      TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        origin      TEXT NOT NULL,
        title       TEXT,
        author      TEXT,
        publication TEXT,
        published   TEXT,
        url         TEXT,
        language    TEXT,
        words       INTEGER NOT NULL,
        text        TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        removed_at  TEXT
    );
    CREATE INDEX sources_url ON sources(url) WHERE url IS NOT NULL;
    CREATE INDEX sources_imported ON sources(imported_at);

    -- A snapshot's text never changes: provenance depends on it. Metadata stays editable.
    CREATE TRIGGER sources_immutable BEFORE UPDATE OF text, sha256, kind ON sources
    WHEN NEW.text IS NOT OLD.text OR NEW.sha256 IS NOT OLD.sha256 OR NEW.kind IS NOT OLD.kind
    BEGIN
        SELECT RAISE(ABORT, 'source snapshots are immutable');
    END;

    CREATE TABLE source_originals (
        source_id  INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        media_type TEXT NOT NULL,
        data       BLOB NOT NULL
    );

    CREATE VIRTUAL TABLE sources_fts USING fts5(
        title, text, content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
        prefix='1 2 3'
    );
    CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
        INSERT INTO sources_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
    END;
    CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
        INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
    END;
    CREATE TRIGGER sources_fts_title AFTER UPDATE OF title ON sources BEGIN
        INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
        INSERT INTO sources_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
    END;

    CREATE TABLE snippets (
        id         INTEGER PRIMARY KEY,
        source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('quote', 'fact', 'note')),
        start      INTEGER NOT NULL CHECK (start >= 0),
        "end"      INTEGER NOT NULL CHECK ("end" >= start),
        text       TEXT NOT NULL,
        speaker    TEXT,
        edited     TEXT,
        comment    TEXT,
        origin     TEXT NOT NULL DEFAULT 'selected',
        created_at TEXT NOT NULL
    );
    CREATE INDEX snippets_source ON snippets(source_id);

    CREATE TABLE briefs (
        id         INTEGER PRIMARY KEY,
        template   TEXT NOT NULL,
        title      TEXT NOT NULL,
        fields     TEXT NOT NULL DEFAULT '{}',
        sections   TEXT NOT NULL DEFAULT '[]',
        marking    TEXT,
        revision   INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 2: desk properties (what a desk knows about itself: whether it was offered the sample article).
    """
    CREATE TABLE desk_properties (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    -- A desk that already held sources was set up before this table existed: it has had its sample.
    INSERT INTO desk_properties (key, value) SELECT 'sample_offered', '1' WHERE EXISTS (SELECT 1 FROM sources);
    """,
    # 3: suggestions the user rejected (the extract engine's quote or fact at these offsets), so they stay
    # hidden after a restart. Offsets into an immutable snapshot never go stale.
    """
    CREATE TABLE rejected_suggestions (
        source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('quote', 'fact')),
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" >= start),
        rejected_at TEXT NOT NULL,
        PRIMARY KEY (source_id, kind, start, "end")
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
