"""Faults of the disk under the desk say what they are: a full disk, a read-only mount, a desk another
process is setting up. None is "damaged ... restore a backup", none is a traceback, and nothing is lost."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefs.cli import main
from briefs.desk.sqlite import SqliteDesk

ARTICLE = "Water utilities get a cyber rule\n\nOfficials said the plan would cost {n} million pounds.\n"


def _briefs(desk: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "briefs", "--desk", str(desk), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_imports_on_a_desk_that_does_not_exist_yet_both_land(tmp_path: Path) -> None:
    for round_ in range(6):
        desk = tmp_path / f"new-{round_}" / "desk.sqlite"
        articles = []
        for n in range(2):
            article = tmp_path / f"a{round_}-{n}.txt"
            article.write_text(ARTICLE.format(n=f"{round_}{n}"), encoding="utf-8")
            articles.append(article)
        procs = [_briefs(desk, "import", str(a)) for a in articles]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            assert "damaged" not in err and "locked" not in err
        with SqliteDesk(str(desk)) as opened:
            assert opened.count_sources() == 3  # the sample and both articles


def test_a_full_disk_during_import_is_one_line_and_the_desk_is_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    desk = tmp_path / "desk.sqlite"
    assert main(["--desk", str(desk), "sources"]) == 0
    big = tmp_path / "big.txt"
    big.write_text("Big report\n\n" + "Officials said the plan was late. " * 60000, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE.format(n=1), encoding="utf-8")
    pages = os.path.getsize(desk) // 4096 + 40
    real = SqliteDesk._open_connection

    def cramped(self: SqliteDesk) -> sqlite3.Connection:
        db = real(self)
        db.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up a few pages from now
        return db

    monkeypatch.setattr(SqliteDesk, "_open_connection", cramped)
    capsys.readouterr()
    assert main(["--desk", str(desk), "import", str(big), str(small)]) == 2
    err = capsys.readouterr().err
    # One line for the file that did not fit; the small one after it still imported.
    assert len(err.strip().splitlines()) == 1 and "is full; free some space" in err, err
    monkeypatch.undo()
    with SqliteDesk(str(desk)) as opened:
        assert opened.integrity_problems() == []
        titles = {s.meta.title for s in opened.list_sources()}
    assert "Big report" not in titles and "Water utilities get a cyber rule" in titles


@contextlib.contextmanager
def _mounted(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a file system")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_desk_on_a_read_only_mount_says_so(tmp_path: Path) -> None:
    with _mounted(tmp_path / "mnt") as mnt:
        desk = mnt / "desk.sqlite"
        article = tmp_path / "a.txt"
        article.write_text(ARTICLE.format(n=1), encoding="utf-8")
        assert subprocess.run([sys.executable, "-m", "briefs", "--desk", str(desk), "sources"],
                              capture_output=True, timeout=120).returncode == 0
        assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode == 0
        done = subprocess.run([sys.executable, "-m", "briefs", "--desk", str(desk), "import", str(article)],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 1  # not the user's input at fault: the disk
    assert "read-only disk or folder" in done.stderr and "restore a backup" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
