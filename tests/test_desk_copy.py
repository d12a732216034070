"""`briefs desk copy SRC DST`: a personal desk into a team desk and back, losslessly, IDs remapped and
printed, and a second run copies nothing twice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from briefs.actions.desk_copy import desk_fingerprint
from briefs.cli import main
from briefs.desk import open_desk
from briefs.model import Brief, NewSource, Section, Snippet, SnippetKind, SourceKind, SourceMeta


def fill(target: str, clock) -> None:  # type: ignore[no-untyped-def]
    """A desk as a person leaves it after a week: sources (one removed), snippets by two people, a brief
    with a history by both, one placing a snippet that was later removed."""
    with open_desk(target, clock=clock, author="Sam Ortiz") as sam:
        texts = [f"Story {i}\n\nThe council said the levy would rise by {i} percent, \u201cno later than May.\u201d"
                 for i in range(4)]
        ids = []
        for i, text in enumerate(texts):
            added = sam.add_source(NewSource(kind=SourceKind.HTML, origin=f"https://news.example/{i}", text=text,
                                             meta=SourceMeta(title=f"Story {i}", publication="City Wire",
                                                             published="2026-10-0" + str(i + 1)),
                                             original=f"<p>{text}</p>".encode(), original_type="text/html"))
            ids.append(added.source.id)
            clock.advance(timedelta(minutes=1))
        sam.remove_source(ids[3])
        picks = []
        for source_id, text in zip(ids[:3], texts, strict=False):
            start = text.index("no later")
            picks.append(sam.add_snippet(Snippet(source_id=source_id, kind=SnippetKind.QUOTE, start=start,
                                                 end=start + 18, text=text[start:start + 18], speaker="A. Clerk")))
        brief = sam.create_brief(Brief(template="issue-brief", title="Levy",
                                       sections=(Section(name="quotes", snippet_ids=(picks[0].id, picks[1].id)),)))
    clock.advance(timedelta(hours=2))
    with open_desk(target, clock=clock, author="Alex Kim") as alex:
        fact = alex.add_snippet(Snippet(source_id=ids[2], kind=SnippetKind.FACT, start=0, end=7, text="Story 2"))
        brief = alex.save_brief(brief.replace(fields={"bluf": "The levy rises."},
                                              sections=(Section(name="quotes", snippet_ids=(picks[0].id,
                                                                                            fact.id)),)))
        alex.remove_snippet(picks[0].id)  # still placed in both revisions: it names nothing now
        alex.save_brief(brief.replace(title="Levy rises"))


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_copy_is_lossless_remaps_ids_and_copies_nothing_twice(desk_target: str, tmp_path: Path, clock,
                                                                 capsys) -> None:
    personal = str(tmp_path / "personal.sqlite")
    fill(personal, clock)
    with open_desk(desk_target, clock=clock) as team:  # the team desk already holds a colleague's source
        team.add_source(NewSource(kind=SourceKind.TEXT, origin="x.txt", text="Someone else's article."))
    code, out, err = run(capsys, "desk", "copy", personal, desk_target)
    assert code == 0, err
    lines = out.splitlines()
    assert "s1 -> s2  copied" in lines  # the team's own s1 stays; ours gets the next id
    assert any(line.startswith("n2 -> n") and line.endswith("copied") for line in lines)
    assert lines[-1].startswith("copied 4 of 4 sources, 3 of 3 snippets, 1 of 1 briefs from ")
    with open_desk(personal) as src, open_desk(desk_target) as dst:
        theirs = desk_fingerprint(dst)
        mine = desk_fingerprint(src)
        assert theirs["sources"] == mine["sources"] + 1
        brief = dst.list_briefs()[0]
        assert [(r.revision, r.updated_by) for r in dst.brief_history(brief.id)] == [
            (3, "Alex Kim"), (2, "Alex Kim"), (1, "Sam Ortiz")]
        placed = [dst.get_snippet(i) for i in brief.snippet_ids()]
        assert [s.kind for s in placed] == [SnippetKind.FACT]  # the removed snippet's place is gone
        assert dst.source_original(placed[0].source_id)[0] == "text/html"

    code, out, _ = run(capsys, "desk", "copy", personal, desk_target)
    assert code == 0 and out.splitlines()[-1].endswith("(it already had everything)")
    assert "copied" not in out.replace("copied 0", "").splitlines()[0]

    # And back into a new file: the same work, whatever the ids.
    back = str(tmp_path / "back.sqlite")
    assert run(capsys, "desk", "copy", desk_target, back)[0] == 0
    with open_desk(back) as again, open_desk(desk_target) as dst:
        assert desk_fingerprint(again) == desk_fingerprint(dst)


def test_sqlite_to_postgresql_to_sqlite_gives_identical_counts_and_hashes(pg_url: str, tmp_path: Path, clock,
                                                                          capsys) -> None:
    personal = str(tmp_path / "personal.sqlite")
    fill(personal, clock)
    back = str(tmp_path / "back.sqlite")
    assert run(capsys, "desk", "copy", personal, pg_url, "--json")[0] == 0
    assert run(capsys, "desk", "copy", pg_url, back)[0] == 0
    with open_desk(personal) as a, open_desk(pg_url) as b, open_desk(back) as c:
        first, team, last = desk_fingerprint(a), desk_fingerprint(b), desk_fingerprint(c)
    assert first == team == last
    assert (first["sources"], first["snippets"], first["briefs"]) == (4, 3, 1)
