"""`briefs check BRIEF [--json]`: findings with severity, item and fix; exit 0 with warnings only, 1 with errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.cli import main
from briefs.desk import open_desk

from .conftest import brief_of, pick


@pytest.fixture
def desk_file(tmp_path: Path) -> str:
    path = tmp_path / "desk.sqlite"
    open_for_work(path).close()
    return str(path)


def _brief(desk_file: str, *, altered: bool) -> str:
    with open_desk(desk_file) as desk:
        quote = pick(desk, "We found it almost by accident,", speaker="Amira Okafor",
                     edited="We found it by accident," if altered else None)
        claim = pick(desk, "it had linked the tool to a group it has tracked since 2019", "fact")
        return brief_of(desk, ("quotes", [quote]), ("facts", [claim])).ref


def test_check_exits_0_with_only_warnings(desk_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    ref = _brief(desk_file, altered=False)
    assert main(["--desk", desk_file, "check", ref]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 1 warning" in out and "ready to export" in out
    assert "warning" in out and "states a claim as fact" in out and "fix:" in out


def test_check_exits_1_with_errors_and_shows_the_diff(desk_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    ref = _brief(desk_file, altered=True)
    assert main(["--desk", desk_file, "check", ref]) == 1
    out = capsys.readouterr().out
    assert "1 error" in out and "not ready" in out
    assert "error" in out and "[-almost-]" in out and "quote-not-verbatim" in out


def test_check_json(desk_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    ref = _brief(desk_file, altered=True)
    assert main(["--desk", desk_file, "check", ref, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["brief"] == ref and data["ok"] is False and data["errors"] == 1
    by_code = {f["code"]: f for f in data["findings"]}
    assert by_code["quote-not-verbatim"]["severity"] == "error"
    assert by_code["quote-not-verbatim"]["detail"]["closest"] == "We found it almost by accident,"
    assert by_code["claim-as-fact"]["severity"] == "warning"


def test_check_of_an_unknown_brief_is_bad_input(desk_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--desk", desk_file, "check", "b99"]) == 2
    assert "b99" in capsys.readouterr().err


def test_check_adds_the_command_line_way_to_a_fix_and_json_keeps_the_plain_one(
        desk_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_desk(desk_file) as desk:
        quote = pick(desk, "We found it almost by accident,")  # no speaker
        ref = brief_of(desk, ("quotes", [quote])).ref
    assert main(["--desk", desk_file, "check", ref]) == 1
    out = capsys.readouterr().out
    assert "set who said it" in out and "(from the command line: `briefs extract SOURCE`" in out
    assert main(["--desk", desk_file, "check", ref, "--json"]) == 1
    fixes = [f["fix"] for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "quote-no-speaker"]
    assert fixes and "briefs extract" not in fixes[0]
