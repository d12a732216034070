"""`briefs extract`: the exact JSON Lines contract other tools read, and the readable table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.cli import main

REPO = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Ferry service cut\n\n"
    "The island ferry will run 40% fewer trips from June, the operator said.\n\n"
    "\u201cWe have no choice,\u201d said Hana Berg, the operator\u2019s director. \u201cFuel costs doubled.\u201d\n"
)
QUOTE_KEYS = ["text", "start", "end", "speaker", "speaker_start", "speaker_end", "cue", "score"]


def run_jsonl(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], str]:
    code = main(["extract", "--jsonl", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_jsonl_has_the_exact_fields_and_offsets_into_the_file_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, rows, _ = run_jsonl(capsys, str(path), "--url", "https://example.org/ferry")
    assert code == 0
    (row,) = rows
    assert list(row) == ["path", "source", "quotes", "facts"]
    assert row["path"] == str(path)
    assert list(row["source"]) == ["title", "author", "publication", "published", "url", "words"]
    assert row["source"]["url"] == "https://example.org/ferry"
    assert row["source"]["words"] == len(ARTICLE.split())
    assert [list(q) for q in row["quotes"]] == [QUOTE_KEYS, QUOTE_KEYS]
    first, second = row["quotes"]
    assert first["text"] == "We have no choice,"
    assert ARTICLE[first["start"] : first["end"]] == first["text"]
    assert first["speaker"] == second["speaker"] == "Hana Berg"
    assert ARTICLE[first["speaker_start"] : first["speaker_end"]] == "Hana Berg"
    assert first["cue"] == "said"
    fact = row["facts"][0]
    assert list(fact) == ["text", "start", "end", "score", "signals"]
    assert ARTICLE[fact["start"] : fact["end"]] == fact["text"]
    assert "percent" in fact["signals"]


def test_with_text_adds_the_clean_text_and_the_windows_line_endings_are_normalised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    _, (row,), _ = run_jsonl(capsys, str(path), "--with-text")
    assert list(row) == ["path", "source", "text", "quotes", "facts"]
    assert row["text"] == ARTICLE
    q = row["quotes"][0]
    assert row["text"][q["start"] : q["end"]] == q["text"]


def test_a_bad_input_is_one_line_on_stderr_the_others_still_run_and_the_exit_is_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    code, rows, err = run_jsonl(capsys, str(tmp_path / "missing.txt"), str(good), "s999")
    assert code == 2
    assert [r["path"] for r in rows] == [str(good)]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "missing.txt" in lines[0] and "s999" in lines[1]


def test_the_bundled_sample_article_as_a_path_and_as_a_desk_source(capsys: pytest.CaptureFixture[str]) -> None:
    sample = REPO / "briefs" / "data" / "sample-article.txt"
    code, (by_path,), _ = run_jsonl(capsys, str(sample))
    assert code == 0
    speakers = {q["speaker"] for q in by_path["quotes"]}
    assert {"Amira Okafor", "Daniel Reyes", "Laura Whitcombe", "Mark Pellegrini"} <= speakers
    text = sample.read_text(encoding="utf-8")
    for q in by_path["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    assert any("money" in f["signals"] for f in by_path["facts"][:3])
    # A new desk starts with the sample as s1: the ID reads the same text from the desk.
    code, (by_id,), _ = run_jsonl(capsys, "s1")
    assert code == 0
    assert by_id["quotes"] == by_path["quotes"]


def test_without_jsonl_a_readable_table_is_printed() -> None:
    sample = REPO / "briefs" / "data" / "sample-article.txt"
    result = subprocess.run(
        [sys.executable, "-m", "briefs", "extract", str(sample)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Quotes" in result.stdout and "Facts" in result.stdout
    assert "Amira Okafor" in result.stdout
    assert not result.stdout.lstrip().startswith("{")
