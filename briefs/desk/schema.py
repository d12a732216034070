"""The desk's schema: one numbered history for both backends, run on open.

Migration N is the same change on SQLite (`MIGRATIONS[N - 1]`) and on PostgreSQL (`POSTGRESQL[N - 1]`), so
a desk copied from one backend to the other is at the same version and means the same. SQLite records how
many have run in `PRAGMA user_version`; PostgreSQL in the one-row table `briefs_schema`, updated in the same
transaction as the migration, under an advisory lock. A migration is appended, never edited, once released
(tests/test_desk_schema.py holds the released ones to their text).

A desk whose version is higher than SCHEMA_VERSION was written by a newer Briefs: this one reads it but
refuses to change it.
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
    # 3: who did what. A snippet records who picked it; a brief who saved it last, and every revision of
    # it is kept (briefs show b3 --history, restore one as a new revision). A brief gets a uid that
    # travels with it when a desk is copied, so a second copy recognises it.
    """
    ALTER TABLE snippets ADD COLUMN author TEXT;
    ALTER TABLE briefs ADD COLUMN updated_by TEXT;
    ALTER TABLE briefs ADD COLUMN uid TEXT;
    UPDATE briefs SET uid = lower(hex(randomblob(16)));
    CREATE UNIQUE INDEX briefs_uid ON briefs(uid);
    CREATE TABLE brief_revisions (
        brief_id   INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        revision   INTEGER NOT NULL,
        template   TEXT NOT NULL,
        title      TEXT NOT NULL,
        fields     TEXT NOT NULL,
        sections   TEXT NOT NULL,
        marking    TEXT,
        author     TEXT,
        saved_at   TEXT NOT NULL,
        PRIMARY KEY (brief_id, revision)
    );
    -- Earlier revisions were never kept: a brief's history starts at the revision it has now.
    INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking, author, saved_at)
    SELECT id, revision, template, title, fields, sections, marking, NULL, updated_at FROM briefs;
    """,
    # 4: suggestions the user rejected (the extract engine's quote or fact at these offsets), so they stay
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
    # 5: the words the full-text index holds and how many sources hold each, so search as you type can
    # look up the few words a typed prefix stands for and search for those (FTS5 answers a prefix of four
    # letters or more by merging the postings of every word it starts, the whole desk's, before it gives
    # the newest matches), and knows beforehand what bm25() would have to count. The desk adds the words
    # of each new source and title; this fills it from the index for the sources already there.
    """
    CREATE TABLE search_terms (term TEXT PRIMARY KEY, sources INTEGER NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE temp.sources_fts_terms USING fts5vocab(main, sources_fts, row);
    INSERT INTO search_terms (term, sources) SELECT term, doc FROM temp.sources_fts_terms;
    DROP TABLE temp.sources_fts_terms;
    """,
]

# The same history on PostgreSQL. Times are timestamptz; ids are identity columns; the full-text index is a
# weighted tsvector (title A, text B) with a GIN index, filled by the desk from the words it finds in
# Python (briefs/desk/search.py) so both backends split text into the same words; changes are announced
# with NOTIFY so open apps show a colleague's work (postgres.py listens).
POSTGRESQL: list[str] = [
    # 1: sources, their original bytes, full-text search, snippets and briefs.
    """
    CREATE TABLE sources (
        id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        sha256      text NOT NULL UNIQUE,
        kind        text NOT NULL,
        origin      text NOT NULL,
        title       text,
        author      text,
        publication text,
        published   text,
        url         text,
        language    text,
        words       integer NOT NULL,
        text        text NOT NULL,
        imported_at timestamptz NOT NULL,
        removed_at  timestamptz,
        search      tsvector NOT NULL DEFAULT ''::tsvector
    );
    CREATE INDEX sources_url ON sources(url) WHERE url IS NOT NULL;
    CREATE INDEX sources_imported ON sources(imported_at);
    CREATE INDEX sources_search ON sources USING gin (search);

    -- A snapshot's text never changes: provenance depends on it. Metadata stays editable.
    CREATE FUNCTION briefs_sources_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM OLD.text OR NEW.sha256 IS DISTINCT FROM OLD.sha256
           OR NEW.kind IS DISTINCT FROM OLD.kind THEN
            RAISE EXCEPTION 'source snapshots are immutable' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER sources_immutable BEFORE UPDATE ON sources
        FOR EACH ROW EXECUTE FUNCTION briefs_sources_immutable();

    CREATE TABLE source_originals (
        source_id  bigint PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        media_type text NOT NULL,
        data       bytea NOT NULL
    );

    CREATE TABLE snippets (
        id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        source_id  bigint NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind       text NOT NULL CHECK (kind IN ('quote', 'fact', 'note')),
        start      integer NOT NULL CHECK (start >= 0),
        "end"      integer NOT NULL CHECK ("end" >= start),
        text       text NOT NULL,
        speaker    text,
        edited     text,
        comment    text,
        origin     text NOT NULL DEFAULT 'selected',
        created_at timestamptz NOT NULL
    );
    CREATE INDEX snippets_source ON snippets(source_id);

    CREATE TABLE briefs (
        id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        template   text NOT NULL,
        title      text NOT NULL,
        fields     text NOT NULL DEFAULT '{}',
        sections   text NOT NULL DEFAULT '[]',
        marking    text,
        revision   integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
    );
    """,
    # 2: desk properties.
    """
    CREATE TABLE desk_properties (
        key   text PRIMARY KEY,
        value text NOT NULL
    );
    INSERT INTO desk_properties (key, value) SELECT 'sample_offered', '1' WHERE EXISTS (SELECT 1 FROM sources);
    """,
    # 3: who did what (as on SQLite), and NOTIFY on every change to a source, snippet or brief. The channel
    # is named after the schema, so desks kept as schemas of one database do not hear each other; the
    # payload names the writing desk (briefs.client) so an app can skip its own changes.
    """
    ALTER TABLE snippets ADD COLUMN author text;
    ALTER TABLE briefs ADD COLUMN updated_by text;
    ALTER TABLE briefs ADD COLUMN uid text;
    UPDATE briefs SET uid = md5(random()::text || id::text);
    ALTER TABLE briefs ALTER COLUMN uid SET NOT NULL;
    CREATE UNIQUE INDEX briefs_uid ON briefs(uid);
    CREATE TABLE brief_revisions (
        brief_id   bigint NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        revision   integer NOT NULL,
        template   text NOT NULL,
        title      text NOT NULL,
        fields     text NOT NULL,
        sections   text NOT NULL,
        marking    text,
        author     text,
        saved_at   timestamptz NOT NULL,
        PRIMARY KEY (brief_id, revision)
    );
    INSERT INTO brief_revisions (brief_id, revision, template, title, fields, sections, marking, author, saved_at)
    SELECT id, revision, template, title, fields, sections, marking, NULL, updated_at FROM briefs;

    CREATE FUNCTION briefs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        item   bigint;
        source bigint;
    BEGIN
        IF TG_OP = 'DELETE' THEN item := OLD.id; ELSE item := NEW.id; END IF;
        IF TG_TABLE_NAME = 'snippets' THEN
            IF TG_OP = 'DELETE' THEN source := OLD.source_id; ELSE source := NEW.source_id; END IF;
        END IF;
        PERFORM pg_notify('briefs:' || current_schema(), json_build_object(
            'kind', TG_ARGV[0], 'id', item, 'op', lower(TG_OP), 'source', source,
            'client', current_setting('briefs.client', true))::text);
        RETURN NULL;
    END $$;
    CREATE TRIGGER sources_notify AFTER INSERT OR DELETE OR UPDATE OF title, author, publication, published, url,
        language, removed_at ON sources FOR EACH ROW EXECUTE FUNCTION briefs_notify('source');
    CREATE TRIGGER snippets_notify AFTER INSERT OR UPDATE OR DELETE ON snippets
        FOR EACH ROW EXECUTE FUNCTION briefs_notify('snippet');
    CREATE TRIGGER briefs_notify AFTER INSERT OR UPDATE OR DELETE ON briefs
        FOR EACH ROW EXECUTE FUNCTION briefs_notify('brief');
    """,
    # 4: rejected suggestions (as on SQLite).
    """
    CREATE TABLE rejected_suggestions (
        source_id   bigint NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind        text NOT NULL CHECK (kind IN ('quote', 'fact')),
        start       integer NOT NULL CHECK (start >= 0),
        "end"       integer NOT NULL CHECK ("end" >= start),
        rejected_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, kind, start, "end")
    );
    """,
    # 5: nothing to add: the GIN index answers a prefix from its ordered keys (SQLite needs a table of them).
    """
    SELECT 1;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
assert len(POSTGRESQL) == SCHEMA_VERSION, "every migration is written for both backends"
