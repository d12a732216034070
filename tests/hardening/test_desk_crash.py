"""A `briefs` process killed (SIGKILL) in the middle of desk writes never corrupts the desk or loses a
committed change; two writers of one brief never silently overwrite each other."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefs.desk import open_desk
from briefs.errors import ConflictError
from briefs.model import Brief
from briefs.selftest.crash import desk_kills


@pytest.mark.parametrize("seed", range(3))
def test_sigkill_during_desk_writes_loses_nothing_committed(tmp_path: Path, seed: int) -> None:
    # A writer reports each change only once its transaction committed; it is killed at random points,
    # three times, and every reported change (sources and the brief's latest revision) must be there.
    tally = desk_kills(tmp_path, rounds=3, seed=seed)
    assert tally.tried == 3
    assert (tally.corrupted, tally.lost) == (0, 0), tally.notes
    assert not tally.notes, tally.notes  # including "the writer never committed anything"


def test_sigkill_of_a_team_desk_client_mid_import_or_save_leaves_the_desk_consistent(pg_url: str,
                                                                                    tmp_path: Path) -> None:
    # The same writer on a team desk: a client killed mid-transaction leaves no half of it behind (the
    # server rolls it back when the connection drops) and holds no lock that stops the next writer.
    tally = desk_kills(tmp_path, rounds=3, seed=7, target=pg_url, warmup=1.5)
    assert tally.tried == 3
    assert (tally.corrupted, tally.lost) == (0, 0), tally.notes
    assert not tally.notes, tally.notes
    with open_desk(pg_url) as desk:
        started = time.monotonic()
        brief = desk.get_brief(1)
        assert desk.save_brief(brief.replace(title="After the kills")).revision == brief.revision + 1
        assert time.monotonic() - started < 5
        history = desk.brief_history(1)
        assert [b.revision for b in history] == list(range(brief.revision + 1, 0, -1))  # every revision kept
        assert desk.integrity_problems() == []


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
        stale = brief.replace()
        brief.fields["a"] = "new"
        desk.save_brief(brief)
        stale.fields["a"] = "old"
        with pytest.raises(ConflictError):
            desk.save_brief(stale)
        assert desk.get_brief(brief.id).fields["a"] == "new"
