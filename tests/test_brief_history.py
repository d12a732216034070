"""Who did what: `briefs show b1 --history` lists every revision with its author and time, and `briefs
restore b1 REVISION` brings one back as the newest, on either backend."""

from __future__ import annotations

import json

from briefs.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_lists_revisions_with_authors_and_a_revision_is_restored_as_a_new_one(
        desk_target: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFS_DESK", desk_target)
    monkeypatch.setenv("BRIEFS_AUTHOR", "Sam Ortiz")
    code, out, err = run(capsys, "new", "issue-brief", "--title", "Water rule", "--set", "background=First text.")
    assert code == 0, err
    ref = out.strip()
    from briefs.actions import briefs as brief_actions
    from briefs.desk import open_desk

    monkeypatch.setenv("BRIEFS_AUTHOR", "Alex Kim")
    with open_desk(desk_target, author="Alex Kim") as desk:
        brief = desk.get_brief(int(ref[1:]))
        brief_actions.set_field(desk, brief, "background", "Alex rewrote it.")
    code, out, _ = run(capsys, "show", ref, "--history")
    lines = out.splitlines()
    assert lines[0] == f"{ref}  Water rule: 2 revisions, newest first"
    assert lines[1].split()[:2] == ["rev", "2"] and "Alex Kim" in lines[1] and "background" in lines[1]
    assert lines[1].endswith("(current)")
    assert "Sam Ortiz" in lines[2] and lines[2].endswith("created")
    assert lines[-1] == f"bring one back as the newest: briefs restore {ref} REVISION"

    code, out, _ = run(capsys, "restore", ref, "1")
    assert (code, out.strip()) == (0, f"restored {ref} revision 1 as revision 3 (by Alex Kim)")
    code, out, _ = run(capsys, "show", ref, "--json")
    shown = json.loads(out)
    assert shown["fields"]["background"] == "First text." and shown["updated_by"] == "Alex Kim"
    history = json.loads(run(capsys, "show", ref, "--history", "--json")[1])
    assert [(h["revision"], h["author"], h["changed"]) for h in history] == [
        (3, "Alex Kim", ["background"]), (2, "Alex Kim", ["background"]), (1, "Sam Ortiz", ["created"])]
    code, _, err = run(capsys, "restore", ref, "3")
    assert code == 2 and "already the current one" in err
    code, _, err = run(capsys, "restore", ref, "7")
    assert code == 2 and "no revision 7" in err
