"""What comes from outside is cleaned where it comes in and printed safely: terminal escapes in file
names and citation details, credentials in URLs, local paths in titles, file names that are too long in
bytes or hide their extension behind a bidi override, and the mode of an exported file."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefs.actions.publish import safe_filename
from briefs.atomic import write_bytes_atomic
from briefs.cli import main

ARTICLE = "Water utilities get a cyber rule\n\nOfficials said the plan would cost 3 million pounds.\n"
ESC = "\x1b[31m\x1b]0;pwned\x07"


def test_escape_sequences_in_a_file_name_and_titles_are_never_stored_or_printed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = str(tmp_path / "desk.sqlite")
    article = tmp_path / f"evil{ESC}name.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--desk", desk, "import", str(article), "--title", f"Plan{ESC}\u009b2J",
                 "--author", f"A{ESC}B", "--outlet", "Wire\x85"]) == 0
    for command in (["sources"], ["show", "s2"], ["show", "s2", "--json"], ["sources", "--json"]):
        assert main(["--desk", desk, *command]) == 0
    out = capsys.readouterr()
    for stream in (out.out, out.err):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream and "\x85" not in stream
    assert main(["--desk", desk, "show", "s2", "--json"]) == 0
    import json

    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "Plan [31m ]0;pwned 2J"
    assert "\x1b" not in shown["origin"]


def test_an_error_quoting_a_hostile_name_prints_it_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--desk", str(tmp_path / "d.sqlite"), "import", str(tmp_path / f"gone{ESC}.txt")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err and len(err.strip().splitlines()) == 1


def test_a_url_password_is_never_stored_or_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = str(tmp_path / "desk.sqlite")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--desk", desk, "import", str(article), "--url", "https://sam:hunter2@intranet.example/a"]) == 0
    assert main(["--desk", desk, "show", "s2", "--json"]) == 0
    # A refused address is named without its password too.
    assert main(["--desk", desk, "import", "ftp://sam:hunter2@files.example/a.txt"]) == 2
    out = capsys.readouterr()
    assert "hunter2" not in out.out + out.err
    assert "https://intranet.example/a" in out.out


def test_an_untitled_text_is_cited_without_its_file_name_or_folders(tmp_path: Path) -> None:
    folder = tmp_path / "private" / "case-files"
    folder.mkdir(parents=True)
    article = folder / "notes.txt"
    article.write_text("x" * 200 + "\n\n" + ARTICLE, encoding="utf-8")  # a first line too long for a title
    desk = str(tmp_path / "desk.sqlite")
    out = tmp_path / "brief.docx"
    assert main(["--desk", desk, "draft", str(article), "-t", "issue-brief", "-o", str(out)]) == 0
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as package:
        xml = b"".join(package.read(n) for n in package.namelist() if n.endswith(".xml")).decode("utf-8")
    # A source's title is its headline, never its file name (issue 13); its folders never leave the desk.
    assert "Untitled source" in xml
    assert "notes.txt" not in xml and "case-files" not in xml and str(tmp_path) not in xml


def test_a_local_path_in_a_documents_title_is_cut_to_its_file_name() -> None:
    from briefs.text import without_local_paths

    assert without_local_paths("Microsoft Word - C:\\Users\\sam\\Plan.docx") == "Microsoft Word - Plan.docx"
    assert without_local_paths("/home/sam/cases/plan.pdf") == "plan.pdf"
    assert without_local_paths("24/7 and/or news") == "24/7 and/or news"


@pytest.mark.parametrize("title", ["日本語の記事" * 14, "👩🏽‍💻" * 64, "é" * 130, "a" * 300])
def test_a_long_title_in_any_script_makes_a_file_that_can_be_written(title: str, tmp_path: Path) -> None:
    name = safe_filename(title, ".docx")
    assert len(name.encode("utf-8")) <= 200
    write_bytes_atomic(tmp_path / name, b"x")  # its hidden temporary file's name fits as well
    assert (tmp_path / name).read_bytes() == b"x"


def test_a_bidi_override_cannot_disguise_an_export_name() -> None:
    assert safe_filename("brief\u202excod.exe", ".docx") == "briefxcod.exe.docx"
    assert "\u2066" not in safe_filename("a\u2066b\u2069", ".md")


def _in_child(code: str, umask: int) -> None:
    script = f"import os; os.umask({umask}); from briefs.atomic import write_bytes_atomic as w; {code}"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_exports_honour_the_umask_and_keep_an_overwritten_files_mode(tmp_path: Path) -> None:
    private, shared, kept = tmp_path / "private.docx", tmp_path / "shared.docx", tmp_path / "kept.docx"
    _in_child(f"w({str(private)!r}, b'x')", 0o077)
    _in_child(f"w({str(shared)!r}, b'x')", 0o022)
    kept.write_bytes(b"old")
    os.chmod(kept, 0o600)
    _in_child(f"w({str(kept)!r}, b'new')", 0o022)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_bytes() == b"new"
