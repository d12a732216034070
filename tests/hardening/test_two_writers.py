"""Writers side by side on one desk (the SIGKILL and two-saver cases are in test_desk_crash.py): processes
that re-apply their edit when told of a conflict lose nothing, and CLI commands run at once on a new desk
all land."""

from __future__ import annotations

from pathlib import Path

from briefs.selftest.crash import concurrent_cli, two_writers


def test_two_processes_editing_one_brief_lose_no_update(tmp_path: Path) -> None:
    tally = two_writers(tmp_path, saves=40)
    assert tally.lost == 0, tally.notes
    # The writers really did collide, and each collision was reported to the writer, not swallowed.
    assert tally.replaced >= 1, tally.notes


def test_three_writers_too(tmp_path: Path) -> None:
    tally = two_writers(tmp_path, saves=20, writers=3)
    assert tally.lost == 0, tally.notes


def test_cli_imports_and_new_briefs_at_once_on_a_brand_new_desk_all_land(tmp_path: Path) -> None:
    tally = concurrent_cli(tmp_path, processes=4)
    assert tally.tried == 8
    assert (tally.lost, tally.corrupted) == (0, 0), tally.notes
