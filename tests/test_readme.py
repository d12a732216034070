"""The README's set-up commands stay true: CI runs exactly the test command a new user is told to run."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_the_readme_gives_two_setup_commands_and_ci_runs_the_test_one_verbatim() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    run_app, run_tests = commands
    assert run_app.rstrip().endswith("briefs")
    assert "pytest" in run_tests and "[test]" in run_tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines()


def test_every_command_the_readme_shows_exists() -> None:
    from briefs.cli import build_parser

    text = (REPO / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    used = set(re.findall(r"^briefs ([a-z]+)", text, flags=re.MULTILINE))
    assert used, "the README shows no commands"
    assert used <= known, f"README shows unknown commands: {used - known}"
