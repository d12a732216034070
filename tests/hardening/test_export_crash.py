"""`briefs export` killed (SIGKILL) at random moments: the file on disk is always the previous export or a
complete new one, and no temporary file shows up beside it as if it were the output."""

from __future__ import annotations

from pathlib import Path

from briefs.selftest.crash import export_kills, pdf_kills


def test_a_killed_export_leaves_the_old_file_or_the_new_one_never_a_torn_one(tmp_path: Path) -> None:
    tally = export_kills(tmp_path, rounds=12, seed=3)
    assert tally.tried == 12
    assert tally.torn == 0, tally.notes
    # Some kills landed after the new file was in place: the kills really do span the write.
    assert tally.replaced >= 1
    visible = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert visible == ["brief.docx"]


def test_a_killed_pdf_export_leaves_no_temporary_folder_holding_the_brief(tmp_path: Path) -> None:
    tally = pdf_kills(tmp_path, rounds=3)
    assert tally.tried == 3 or tally.tried == 0  # 0: not a POSIX system
    assert tally.torn == 0, tally.notes
