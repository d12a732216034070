"""`briefs draft` from invented articles, as a chief of staff would read the result: every article in a
digest, no datelines or bylines in the bottom line, every attributed quote eligible, citations a style
guide would accept, nothing overwritten, and no errors from `briefs check`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefs.cli import main
from briefs.desk import open_desk

from .articles import REUTERS_SHARES, TABLOID_SPORT, UK_FLOOD, US_BUDGET, WIRE_FLOOD

TEMPLATES = ["issue-brief", "info-memo", "decision-memo", "talking-points", "media-digest"]
META = [  # outlet, date, author for each article
    (WIRE_FLOOD, "Wire Service", "2019-11-18", "Kari Nes"),
    (UK_FLOOD, "The Daily Record", "2019-11-19", "Tom Archer; Priya Shah"),
    (US_BUDGET, "Harbor Gazette", "2019-11-18", None),
    (REUTERS_SHARES, "Newswire", "2019-11-20", None),
    (TABLOID_SPORT, "The Sun-Times", "2019-11-20", "Gary Mould, Jo Penn and Ali Dar"),
]
DATELINE = re.compile(r"\b[A-Z]{3,}(?:,\s*[A-Z][\w.]+)*(?:,?\s+\w+\.?\s+\d+)?\s*(?:\([A-Z][\w]*\))?\s*[—–-]\s")


@pytest.fixture
def desk_with_articles(tmp_path: Path) -> tuple[Path, list[str]]:
    desk = tmp_path / "desk.sqlite"
    refs = ["s1"]  # the sample article every new desk starts with
    for n, (text, outlet, date, author) in enumerate(META):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(text, encoding="utf-8")
        args = ["--desk", str(desk), "import", str(path), "--outlet", outlet, "--date", date, "--json"]
        if author:
            args += ["--author", author]
        assert main(args) == 0
        refs.append(f"s{n + 2}")
    return desk, refs


def _draft(desk: Path, refs: list[str], template: str, out: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["--desk", str(desk), "draft", *refs, "-t", template, "-f", "md", "-o", str(out), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["brief"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_drafts_from_six_articles_and_passes_its_checks(desk_with_articles, template, tmp_path,
                                                                        capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / f"{template}.md"
    ref = _draft(desk, refs, template, out, capsys)
    text = out.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    assert not DATELINE.search(body), DATELINE.search(body)
    assert "(AP)" not in body and "(Reuters)" not in body and "\nBy " not in body
    assert str(tmp_path) not in text and "article-" not in text  # no local path or file name anywhere
    assert not re.search(r"\(\s*\)|reported on\s*:|,\s*,|:\s*\n", body.replace("**", ""))
    assert main(["--desk", str(desk), "check", ref, "--json"]) == 0, capsys.readouterr().out


def test_a_digest_covers_every_article_and_tells_one_story_once(desk_with_articles, tmp_path, capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / "digest.md"
    ref = _draft(desk, refs, "media-digest", out, capsys)
    text = out.read_text(encoding="utf-8")
    # Five stories from six articles: the two flood reports are one item, "also reported by" the second.
    headings = [line for line in text.splitlines() if line.startswith("# ") and line != "# Top line"]
    assert len([h for h in headings if h not in {"# Search terms", "# Also noted"}]) == 5
    assert "**Also reported by** *The Daily Record* (19 November 2019)" in text
    for outlet in ("Wire Service", "Harbor Gazette", "Newswire", "The Sun-Times", "The Meridian Ledger"):
        assert outlet in text
    with open_desk(desk) as d:
        brief = d.get_brief(int(ref[1:]))
    assert brief.title.startswith("Media digest, 18 November 2019 – 13 October 2026:")
    assert "Floods cut off" not in brief.title  # named for its dates and subjects, not the first headline


def test_a_quote_that_leads_into_its_attribution_is_drafted_and_printed_with_a_full_stop(
        desk_with_articles, tmp_path, capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / "brief.md"
    _draft(desk, [refs[3]], "issue-brief", out, capsys)  # the harbor story: '"We cannot ...," said Hana'
    text = out.read_text(encoding="utf-8")
    assert "“We cannot let the biggest ships go elsewhere.”" in text
    assert "elsewhere,”" not in text


def test_authors_are_cited_as_a_style_guide_writes_them(desk_with_articles, tmp_path, capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / "brief.md"
    _draft(desk, [refs[2], refs[5]], "issue-brief", out, capsys)
    text = out.read_text(encoding="utf-8")
    assert "Tom Archer and Priya Shah, “Norway floods" in text
    assert "Gary Mould et al., “Striker fires Rovers into final”" in text
    assert "[^s3-short]: Archer, “Norway floods" in text  # the first author's surname, not the last
    assert ";" not in re.search(r"\[\^s3\]: (.*)", text).group(1)


def test_one_note_per_source_in_a_paragraph_and_the_sources_list_sorted_once(desk_with_articles, tmp_path,
                                                                               capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / "brief.md"
    _draft(desk, refs, "issue-brief", out, capsys)
    text = out.read_text(encoding="utf-8")
    for line in text.split("\n---\n", 1)[1].splitlines():
        notes = re.findall(r"\[\^(s\d+)(?:-short)?\]", line)
        assert len(notes) == len(set(notes)), line
    sources = text.split("# Sources", 1)[1].split("[^", 1)[0]
    entries = [line.split(". ", 1)[1] for line in sources.strip().splitlines()]
    assert len(entries) == len(set(entries))
    # Alphabetical by first author's surname, else by outlet: Archer, Harbor Gazette, Mould, Nes, Newswire,
    # Whitfield.
    leads = ["Tom Archer", "“City council", "Gary Mould", "Kari Nes", "“Chipmaker", "Jonas Whitfield"]
    assert [next(lead for lead in leads if e.startswith(lead)) for e in entries] == leads


def test_a_plain_text_article_is_titled_by_its_headline_and_cited_without_empty_parts(tmp_path, capsys) -> None:
    desk = tmp_path / "desk.sqlite"
    article = tmp_path / "harbor-story.txt"
    article.write_text(US_BUDGET, encoding="utf-8")
    assert main(["--desk", str(desk), "import", str(article)]) == 0
    capsys.readouterr()
    assert main(["--desk", str(desk), "draft", "s2", "-t", "issue-brief", "-f", "md", "-o", str(tmp_path) + "/"]) == 0
    written = capsys.readouterr().out.splitlines()[-1].removeprefix("wrote ")
    assert Path(written).name == "City council approves $41 million harbor plan.md"
    text = Path(written).read_text(encoding="utf-8")
    assert "harbor-story" not in text and str(tmp_path) not in text
    assert "[^s2]: “City council approves $41 million harbor plan”." in text


def test_an_export_never_replaces_a_file_without_force(desk_with_articles, tmp_path, capsys) -> None:
    desk, refs = desk_with_articles
    out = tmp_path / "brief.md"
    out.write_text("my own notes", encoding="utf-8")
    code = main(["--desk", str(desk), "draft", refs[1], "-t", "info-memo", "-f", "md", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert str(out) in err and "--force" in err and "\n" not in err.strip()
    assert out.read_text(encoding="utf-8") == "my own notes"
    with open_desk(desk) as d:
        assert d.list_briefs() == []  # the refused draft left nothing on the desk
    assert main(["--desk", str(desk), "draft", refs[1], "-t", "info-memo", "-f", "md", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("---")
