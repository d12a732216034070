"""`briefs export` refuses a brief whose quote was altered by one word, shows the diff, and with
--allow-unverified writes a visible UNVERIFIED QUOTE note beside that quote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import yaml


def briefs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFS_DESK": str(cwd / "desk.sqlite")}
    return subprocess.run([sys.executable, "-m", "briefs", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_an_altered_quote_stops_the_export_with_its_diff(tmp_path: Path) -> None:
    drafted = briefs("draft", "s1", "-t", "issue-brief", "-o", "clean.docx", cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    brief_id = drafted.stdout.split()[0]
    exported = briefs("show", brief_id, "--yaml", cwd=tmp_path)
    yaml_text = exported.stdout
    data = yaml.safe_load(yaml_text)
    quote = next(item for items in data["sections"].values() for item in items if item["kind"] == "quote")
    word = next(w for w in quote["text"].split() if len(w) >= 5 and w.isalpha())
    quote["text"] = quote["text"].replace(word, "Xyzzy", 1)  # a colleague "tidies" one word
    (tmp_path / "brief.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    refused = briefs("export", "brief.yaml", "-o", "altered.docx", cwd=tmp_path)
    assert refused.returncode == 1
    message = refused.stderr.strip()
    assert message.count("\n") == 0 and "Traceback" not in message
    assert f"[-{word}-] {{+Xyzzy+}}" in message
    assert "--allow-unverified" in message
    assert not (tmp_path / "altered.docx").exists()

    allowed = briefs("export", "brief.yaml", "-o", "altered.docx", "--allow-unverified", cwd=tmp_path)
    assert allowed.returncode == 0, allowed.stderr
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "altered.docx")).paragraphs]
    flagged = [p for p in paragraphs if "UNVERIFIED QUOTE" in p]
    # The note beside the quote (the template's), and the exporter's own mark at the top of the document.
    assert len(flagged) == 2 and quote["speaker"] in flagged[1]
    assert flagged[0].startswith("[UNVERIFIED QUOTE: n") and "failed the verbatim check" in flagged[0]
    clean = [p.text for p in docx.Document(str(tmp_path / "clean.docx")).paragraphs]
    assert any(quote["speaker"] in p for p in clean)
    assert not any("UNVERIFIED" in p for p in clean)


def test_a_template_that_prints_no_citation_still_shows_the_unverified_note(tmp_path: Path) -> None:
    from briefs.actions.desk_setup import open_for_work
    from briefs.actions.publish import publish
    from briefs.model import Brief, Section, Snippet, SnippetKind
    from briefs.templates import TemplateSet

    folder = tmp_path / "bare"
    folder.mkdir()
    (folder / "template.toml").write_text(
        'name = "bare"\ntitle = "Bare"\n[[sections]]\nname = "quotes"\ntitle = "Quotes"\n', encoding="utf-8"
    )
    (folder / "body.md.j2").write_text(
        "{% for item in sections.quotes.items %}> {{ item.text }}\n\n{% endfor %}", encoding="utf-8"
    )
    with open_for_work(tmp_path / "desk.sqlite") as desk:
        source = desk.get_source(1)
        start = source.text.index("That advice was wrong")
        end = source.text.index(", and the bill", start)
        snip = desk.add_snippet(Snippet(source_id=1, kind=SnippetKind.QUOTE, start=start, end=end,
                                        text=source.text[start:end], speaker="Daniel Reyes",
                                        edited="That advice was right"))
        brief = desk.create_brief(Brief(template="bare", title="T", sections=[Section(name="quotes",
                                                                                     snippet_ids=[snip.id])]))
        result = publish(desk, brief, TemplateSet([folder], shipped=False), fmt="md", allow_unverified=True)
    text = result.data.decode()
    assert "UNVERIFIED QUOTE" in text and snip.ref in text
    assert result.unverified == (snip.id,)
