"""The CLI and the app do a job the same way because both call one action: the bugs that came from each
shell writing its own rules, one test each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.cli import main
from briefs.desk import open_desk


def desk_counts(path: Path) -> tuple[int, int, int]:
    with open_desk(path) as desk:
        return desk.count_sources(include_removed=True), len(desk.list_snippets()), len(desk.list_briefs())


def test_removing_a_snippet_from_the_cli_takes_it_out_of_its_briefs(tmp_path: Path, capsys) -> None:
    desk = tmp_path / "d.sqlite"
    assert main(["--desk", str(desk), "draft", "s1", "-t", "issue-brief", "-o", str(tmp_path / "b.docx")]) == 0
    with open_desk(desk) as d:
        brief = d.list_briefs()[0]
        placed = brief.snippet_ids()[0]
    capsys.readouterr()
    assert main(["--desk", str(desk), "remove", f"n{placed}"]) == 0
    assert f"taken out of {brief.ref}" in capsys.readouterr().out
    with open_desk(desk) as d:
        assert placed not in d.get_brief(brief.id).snippet_ids()
    assert main(["--desk", str(desk), "check", brief.ref, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "snippet-missing" not in {f["code"] for f in report["findings"]}


def test_a_new_brief_from_the_cli_has_its_template_sections(tmp_path: Path, capsys) -> None:
    desk = tmp_path / "d.sqlite"
    assert main(["--desk", str(desk), "new", "decision-memo", "--title", "Water rule",
                 "--set", "audience=The Minister"]) == 0
    ref = capsys.readouterr().out.strip()
    assert main(["--desk", str(desk), "show", ref, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    from briefs.templates import TemplateSet

    assert [s["name"] for s in shown["sections"]] == TemplateSet().get("decision-memo").section_names()
    assert shown["fields"]["audience"] == "The Minister"


def test_drafting_twice_from_one_source_picks_each_passage_once(tmp_path: Path) -> None:
    desk = tmp_path / "d.sqlite"
    for name in ("one.docx", "two.docx"):
        assert main(["--desk", str(desk), "draft", "s1", "-t", "issue-brief", "-o", str(tmp_path / name)]) == 0
    with open_desk(desk) as d:
        picked = d.list_snippets()
        first, second = sorted(d.list_briefs(), key=lambda b: b.id)
    spans = [s.span for s in picked]
    assert len(spans) == len(set(spans)) > 0
    assert first.snippet_ids() == second.snippet_ids()  # the second draft reuses the first one's picks


def test_a_draft_whose_export_fails_leaves_nothing_on_the_desk(tmp_path: Path, capsys) -> None:
    desk = tmp_path / "d.sqlite"
    article = tmp_path / "rates.txt"
    article.write_text('Water rates to rise\n\n"We had no choice," the mayor, Ana Ruiz, said on Friday. '
                       "The city will raise water rates by 8% in 2027, officials said.\n", encoding="utf-8")
    open_for_work(desk).close()
    before = desk_counts(desk)
    code = main(["--desk", str(desk), "draft", "s1", str(article), "-t", "issue-brief", "-o", "/no/such/dir/"])
    assert code != 0
    assert "/no/such/dir" in capsys.readouterr().err
    assert desk_counts(desk) == before  # no brief, no snippets, not even the imported article


def test_an_action_is_all_or_nothing(desk_path: Path) -> None:
    from briefs.model import Brief

    with open_for_work(desk_path) as desk:
        with pytest.raises(RuntimeError), desk.transaction():
            desk.create_brief(Brief(template="issue-brief", title="One"))
            with desk.transaction():
                desk.create_brief(Brief(template="issue-brief", title="Two"))
            raise RuntimeError("a later step failed")
        assert desk.list_briefs() == []
        # An inner part that fails is undone alone when the outer one carries on.
        with desk.transaction():
            desk.create_brief(Brief(template="issue-brief", title="Kept"))
            with pytest.raises(RuntimeError), desk.transaction():
                desk.create_brief(Brief(template="issue-brief", title="Dropped"))
                raise RuntimeError
        assert [b.title for b in desk.list_briefs()] == ["Kept"]


def test_the_sample_is_offered_once_in_a_desks_life(desk_path: Path) -> None:
    with open_for_work(desk_path) as desk:
        [sample] = desk.list_sources()
        desk.remove_source(sample.id)
    with open_for_work(desk_path) as desk:
        assert desk.list_sources() == []  # removed stays removed: the sample does not come back
