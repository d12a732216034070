"""A `briefs` process killed (SIGKILL) in the middle of desk writes never corrupts the desk or loses a
committed change; two writers of one brief never silently overwrite each other."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefs.desk import open_desk
from briefs.errors import ConflictError
from briefs.model import Brief

# The writer prints a line only after each transaction has committed: every printed change must survive.
WRITER = r"""
import sys
from briefs.desk import open_desk
from briefs.model import Brief, NewSource, SourceKind, SourceMeta
desk = open_desk(sys.argv[1])
brief = desk.get_brief(1)
i = 0
while True:
    i += 1
    text = f"Article {sys.argv[2]}-{i}\n\n" + ("Officials said the plan would cost 3 million. " * 200)
    s = desk.add_source(NewSource(kind=SourceKind.TEXT, origin="crash", text=text, meta=SourceMeta(title=f"t{i}")))
    print(f"source {s.source.sha256}", flush=True)
    brief.fields["counter"] = str(i)
    brief = desk.save_brief(brief)
    print(f"brief {brief.revision} {i}", flush=True)
"""


@pytest.mark.parametrize("round_", range(4))
def test_sigkill_during_desk_writes_loses_nothing_committed(tmp_path: Path, round_: int) -> None:
    desk_file = tmp_path / "desk.sqlite"
    with open_desk(desk_file) as desk:
        desk.create_brief(Brief(template="issue-brief", title="Crash test"))
    rng = random.Random(round_)
    committed_sources: set[str] = set()
    last_brief = (1, "")
    for attempt in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(desk_file), f"{round_}.{attempt}"],
            stdout=subprocess.PIPE, text=True,
        )
        time.sleep(0.4 + rng.random() * 0.6)  # let it get going; then kill it wherever it is
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        for line in out.splitlines():
            kind, *rest = line.split()
            if kind == "source":
                committed_sources.add(rest[0])
            elif kind == "brief":
                last_brief = (int(rest[0]), rest[1])
    db = sqlite3.connect(desk_file)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO sources_fts(sources_fts) VALUES ('integrity-check')")
    on_desk = {row[0] for row in db.execute("SELECT sha256 FROM sources")}
    assert committed_sources, "the writer never got going"
    assert committed_sources <= on_desk
    with open_desk(desk_file) as desk:
        brief = desk.get_brief(1)
    # The brief is at least as new as the last save the writer saw commit (a later one may have landed).
    assert brief.revision >= last_brief[0]
    if brief.revision == last_brief[0]:
        assert brief.fields.get("counter") == last_brief[1]


SAVER = r"""
import sys, time
from briefs.desk import open_desk
from briefs.errors import ConflictError
desk = open_desk(sys.argv[1])
brief = desk.get_brief(1)           # both read revision 1 ...
open(sys.argv[3], "w").close()
while not __import__("os").path.exists(sys.argv[4]):
    time.sleep(0.01)                # ... then wait until both have read it
brief.fields["body"] = sys.argv[2]
try:
    desk.save_brief(brief)
    print("saved")
except ConflictError as exc:
    print("conflict", exc)
"""


def test_two_processes_saving_the_same_brief_one_wins_and_the_other_is_told(tmp_path: Path) -> None:
    desk_file = tmp_path / "desk.sqlite"
    with open_desk(desk_file) as desk:
        desk.create_brief(Brief(template="issue-brief", title="Shared"))
    go = tmp_path / "go"
    procs = []
    for name in ("alice", "bob"):
        ready = tmp_path / f"ready-{name}"
        procs.append((name, ready, subprocess.Popen(
            [sys.executable, "-c", SAVER, str(desk_file), f"text by {name}", str(ready), str(go)],
            stdout=subprocess.PIPE, text=True,
        )))
    deadline = time.time() + 60
    while not all(ready.exists() for _, ready, _ in procs):
        assert time.time() < deadline
        time.sleep(0.02)
    go.touch()
    results = {name: proc.communicate(timeout=60)[0].strip() for name, _, proc in procs}
    outcomes = sorted(r.split()[0] for r in results.values())
    assert outcomes == ["conflict", "saved"]
    winner = next(n for n, r in results.items() if r == "saved")
    loser = next(n for n, r in results.items() if r != "saved")
    assert "changed elsewhere" in results[loser]
    with open_desk(desk_file) as desk:
        brief = desk.get_brief(1)
    assert brief.fields["body"] == f"text by {winner}"
    assert brief.revision == 2


def test_a_conflict_in_process_keeps_the_newer_text() -> None:
    with open_desk(":memory:") as desk:
        brief = desk.create_brief(Brief(template="t", title="x"))
        stale = brief.model_copy(deep=True)
        brief.fields["a"] = "new"
        desk.save_brief(brief)
        stale.fields["a"] = "old"
        with pytest.raises(ConflictError):
            desk.save_brief(stale)
        assert desk.get_brief(brief.id).fields["a"] == "new"
