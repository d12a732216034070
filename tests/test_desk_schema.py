"""One schema history for both backends: released migrations never change, and a SQLite desk made before
authorship existed is brought up to date with its briefs' history started."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from briefs.desk import open_desk
from briefs.desk.schema import MIGRATIONS, POSTGRESQL, SCHEMA_VERSION

# The SQL of every released migration, by backend. A released migration is never edited: append one.
RELEASED_SQLITE = [
    "98ac709d6642c09172eee35f0acb65106a6ef19c3facf8f611b935da422f4b01",
    "d672b1cbe6062e5c25ca8331a95123284c10eb4eae95365fb54ddd404e595f5c",
]


def test_released_migrations_are_never_edited_and_both_backends_have_each() -> None:
    assert [hashlib.sha256(m.encode()).hexdigest() for m in MIGRATIONS[: len(RELEASED_SQLITE)]] == RELEASED_SQLITE
    assert len(MIGRATIONS) == len(POSTGRESQL) == SCHEMA_VERSION


def test_a_desk_from_before_authorship_is_migrated_and_its_briefs_start_their_history(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:2], 1):
        db.executescript(script)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO briefs (template, title, revision, created_at, updated_at) VALUES "
               "('issue-brief', 'Old brief', 4, '2026-01-01T00:00:00+00:00', '2026-01-02T00:00:00+00:00')")
    db.close()
    with open_desk(path, author="Sam") as desk:
        brief = desk.list_briefs()[0]
        assert brief.revision == 4 and brief.uid and brief.updated_by is None
        assert [(b.revision, b.updated_by) for b in desk.brief_history(brief.id)] == [(4, None)]
        saved = desk.save_brief(brief.replace(title="Old brief, revised"))
        assert [(b.revision, b.updated_by) for b in desk.brief_history(brief.id)] == [(5, "Sam"), (4, None)]
        assert saved.updated_by == "Sam"
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
