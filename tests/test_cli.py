"""The `briefs` command as a user runs it: exit codes, one-line errors, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.cli import main

ARTICLE = "Water rates to rise\n\nThe city will raise water rates by 8% in 2027, officials said on Friday.\n"


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefs", *args],
        capture_output=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_import_list_show_and_remove_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = str(tmp_path / "d.sqlite")
    article = tmp_path / "rates.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    assert main(["--desk", desk, "import", str(article), "--outlet", "City Wire", "--date", "2026-05-01"]) == 0
    out = capsys.readouterr().out
    assert "imported s2" in out  # s1 is the sample article every new desk starts with
    assert "City Wire" in out

    assert main(["import", str(article), "--desk", desk]) == 0
    assert "already on the desk as s2" in capsys.readouterr().out

    assert main(["--desk", desk, "sources", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == ["s2", "s1"]
    assert listed[0]["publication"] == "City Wire"
    assert listed[0]["published"] == "2026-05-01"
    assert listed[0]["words"] == len(ARTICLE.split())

    assert main(["--desk", desk, "sources", "--search", "water rat"]) == 0
    out = capsys.readouterr().out
    assert "s2" in out and "Meridian" not in out

    assert main(["--desk", desk, "show", "s2", "--text"]) == 0
    assert capsys.readouterr().out == ARTICLE

    assert main(["--desk", desk, "show", "2", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "Water rates to rise"
    assert "text" not in shown

    assert main(["--desk", desk, "remove", "s2"]) == 0
    capsys.readouterr()
    assert main(["--desk", desk, "sources", "--json"]) == 0
    assert [s["id"] for s in json.loads(capsys.readouterr().out)] == ["s1"]


def test_one_bad_file_among_several_is_reported_and_the_rest_import(tmp_path: Path) -> None:
    desk = tmp_path / "d.sqlite"
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(os.urandom(4096))
    result = run("--desk", str(desk), "import", str(empty), str(good), str(junk), "--json")
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "junk.txt" in errors[1]
    assert "Traceback" not in result.stderr.decode()
    report = json.loads(result.stdout)
    assert [r["status"] for r in report] == ["failed", "imported", "failed"]
    listed = json.loads(run("--desk", str(desk), "sources", "--json").stdout)
    assert len(listed) == 2  # the sample and good.txt


def test_stdin_import_with_a_dash(tmp_path: Path) -> None:
    desk = tmp_path / "d.sqlite"
    result = run("--desk", str(desk), "import", "-", stdin=ARTICLE.encode("utf-16"))
    assert result.returncode == 0, result.stderr
    assert "Water rates to rise" in result.stdout.decode()


def test_unknown_ids_and_bad_desks_are_one_line_errors_with_exit_2_or_1(tmp_path: Path) -> None:
    desk = tmp_path / "d.sqlite"
    result = run("--desk", str(desk), "show", "s99")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "s99" in result.stderr.decode()
    result = run("--desk", str(desk), "show", "banana")
    assert result.returncode == 2 and "not an ID" in result.stderr.decode()
    not_a_desk = tmp_path / "notes.txt"
    not_a_desk.write_text("hello " * 500)
    result = run("--desk", str(not_a_desk), "sources")
    assert result.returncode == 1
    assert "not a Briefs desk" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert not_a_desk.read_text() == "hello " * 500


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run("--desk", str(tmp_path / "d.sqlite"), "--debug", "show", "s99")
    assert result.returncode != 0
    assert "Traceback" in result.stderr.decode()


def test_desk_env_var_chooses_the_desk(tmp_path: Path) -> None:
    desk = tmp_path / "env-desk.sqlite"
    result = run("sources", "--json", env={"BRIEFS_DESK": str(desk)})
    assert result.returncode == 0
    assert desk.exists()


def test_help_explains_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    for command in ("import", "sources", "show", "remove", "tui"):
        assert command in text
    for command in ("import", "sources", "show", "remove"):
        sub = run(command, "--help")
        assert sub.returncode == 0 and len(sub.stdout.decode().splitlines()) > 4


def test_removing_a_brief_needs_yes_when_nobody_can_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefs.desk import open_desk
    from briefs.model import Brief

    desk_file = tmp_path / "d.sqlite"
    with open_desk(desk_file) as desk:
        brief = desk.create_brief(Brief(template="issue-brief", title="Water"))
    result = run("--desk", str(desk_file), "remove", brief.ref)
    assert result.returncode == 2 and "--yes" in result.stderr.decode()
    assert run("--desk", str(desk_file), "remove", brief.ref, "--yes").returncode == 0


def test_briefs_lists_the_desks_briefs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefs.desk import open_desk
    from briefs.model import Brief

    desk_file = tmp_path / "d.sqlite"
    assert main(["--desk", str(desk_file), "briefs"]) == 0
    assert "no briefs" in capsys.readouterr().out
    with open_desk(desk_file) as desk:
        desk.create_brief(Brief(template="issue-brief", title="Harbour dredging"))
    assert main(["--desk", str(desk_file), "briefs", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(b["id"], b["title"], b["revision"]) for b in listed] == [("b1", "Harbour dredging", 1)]


def test_importing_known_text_again_with_details_corrects_its_citation(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    desk = str(tmp_path / "d.sqlite")
    article = tmp_path / "rates.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--desk", desk, "import", str(article)]) == 0
    assert main(["--desk", desk, "import", str(article), "--outlet", "City Wire", "--date", "2026-05-01"]) == 0
    assert "citation details updated for s2" in capsys.readouterr().out
    assert main(["--desk", desk, "show", "s2", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["publication"], shown["published"], shown["title"]) == ("City Wire", "2026-05-01",
                                                                          "Water rates to rise")


def test_draft_warns_when_a_source_cannot_be_cited_fully(tmp_path: Path) -> None:
    article = tmp_path / "notes.txt"
    article.write_text(
        "Council approves budget\n\nThe council approved a $12 million budget on Tuesday, officials said.\n\n"
        "\u201cWe kept every library open,\u201d said Mayor Ines Alvarez.\n",
        encoding="utf-8",
    )
    result = run("--desk", str(tmp_path / "d.sqlite"), "draft", str(article), "-t", "info-memo",
                 "-o", str(tmp_path / "memo.docx"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "memo.docx").exists()
    warning = result.stderr.decode()
    assert "has no outlet, date" in warning and "--outlet NAME --date YYYY-MM-DD" in warning
