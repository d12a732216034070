"""Hostile templates, missing fields, unprintable characters, unsafe titles, atomic replacement."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefs.actions.publish import publish, safe_filename
from briefs.cli import main
from briefs.errors import OutputExists, TemplateError
from briefs.model import Brief, Section
from briefs.render.brief import render_brief
from briefs.templates import TemplateSet
from tests.render.conftest import add_snippet, add_source, audit, body_paragraphs


def render_markdown(desk, brief, *, templates: TemplateSet):
    return render_brief(desk, brief, templates.get(brief.template), now=desk.clock.now())


def export_brief(desk, brief, *, templates: TemplateSet | None = None, **options):
    return publish(desk, brief, templates or TemplateSet(), **options)


def make_template(root: Path, body: str, name: str = "custom", extra: str = "") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(
        f'name = "{name}"\ntitle = "Custom"\ndescription = "test"\n{extra}', encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize("body", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
    "{{ title.__class__.__base__ }}",
])
def test_hostile_template_is_stopped_by_the_sandbox(body: str, tmp_path: Path, desk, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_template(tmp_path / "t", body)
    brief = Brief(template="custom", title="x")
    with pytest.raises(TemplateError) as caught:
        render_markdown(desk, brief, templates=TemplateSet([tmp_path / "t"], shipped=False))
    assert "body.md.j2:1" in str(caught.value)
    assert "sandbox" in str(caught.value) or "missing field" in str(caught.value)
    assert not (tmp_path / "pwned").exists()


def test_missing_field_names_the_field_and_line(tmp_path: Path, desk) -> None:
    make_template(tmp_path / "t", "# Heading\n\nFor: {{ fields.minister }}\n")
    with pytest.raises(TemplateError) as caught:
        render_markdown(desk, Brief(template="custom", title="x"),
                        templates=TemplateSet([tmp_path / "t"], shipped=False))
    message = str(caught.value)
    assert "'minister'" in message and "body.md.j2:3" in message


def test_syntax_error_names_the_line(tmp_path: Path, desk) -> None:
    make_template(tmp_path / "t", "ok\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"body.md.j2:2"):
        render_markdown(desk, Brief(template="custom", title="x"),
                        templates=TemplateSet([tmp_path / "t"], shipped=False))


def test_markdown_characters_in_a_quote_print_as_written(tmp_path: Path, desk) -> None:
    tricky = "*Nobody* said # this _ever_ <b>x</b> [1] or `code` | 1. ~~no~~ & [^s1]"
    text = f"Intro.\n\n“{tricky}” said Jo Bloggs.\n\nStart of line:\n\n# not a heading\n"
    sid = add_source(desk, text)
    quote = add_snippet(desk, sid, text, tricky, speaker="Jo *Bloggs*")
    fact = add_snippet(desk, sid, text, "# not a heading", kind="fact")
    brief = desk.create_brief(Brief(template="issue-brief", title="Tricky <title> *x*", sections=[
        Section(name="quotes", snippet_ids=[quote.id]), Section(name="key_facts", snippet_ids=[fact.id])]))
    out = tmp_path / "t.docx"
    export_brief(desk, brief, out=out)
    audit(out)
    paragraphs = body_paragraphs(out)
    assert any(s == "Block Text" and f"“{tricky}”" in t for s, t in paragraphs)
    assert any(s == "Block Text" and "Jo *Bloggs*" in t for s, t in paragraphs)
    assert any("# not a heading" in t and s == "List Number" for s, t in paragraphs)
    assert paragraphs[0] == ("Title", "Tricky <title> *x*")


def test_control_characters_and_surrogates_never_break_the_document(tmp_path: Path, desk) -> None:
    text = "Plain start. Bad \x01bytes\x0b and a lone X surrogate here.\n"
    sid = add_source(desk, text, title="Odd \x07title")
    passage = "Bad \x01bytes\x0b and a lone X surrogate here."
    fact = add_snippet(desk, sid, text, passage, kind="fact")
    brief = desk.create_brief(Brief(template="issue-brief", title="Odd\x00 title", fields={"background": "a\x1fb"},
                                    sections=[Section(name="key_facts", snippet_ids=[fact.id])]))
    # The desk refuses to store lone surrogates, but a brief file or the TUI can hand them to the
    # renderer in memory: pass such a source and snippet directly.
    source = desk.get_source(sid).replace(text=text.replace("X", "\ud800"))
    snippet = fact.replace(text=passage.replace("X", "\ud800"))
    out = tmp_path / "odd.docx"
    result = export_brief(desk, brief, out=out, snippets={fact.id: snippet}, sources={sid: source})
    audit(out)
    texts = "\n".join(t for _, t in body_paragraphs(out))
    assert "Bad bytes and a lone \ufffd surrogate here." in texts
    joined = " ".join(result.warnings)
    assert "control character" in joined and "surrogate" in joined and f"n{fact.id}" in joined


@pytest.mark.parametrize("title", ["../../etc/x", "CON", "con.txt", "..", "a/b\\c:d*e?", "\x00", "   "])
def test_unsafe_titles_stay_in_the_output_folder(title: str) -> None:
    name = safe_filename(title, ".docx")
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.split(".")[0].upper() not in {"CON", "NUL", "PRN", "AUX"}
    assert name.endswith(".docx") and len(name) > len(".docx")


def test_draft_with_a_path_title_writes_in_the_current_folder(tmp_path: Path, desk_path: Path, monkeypatch) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert main(["--desk", str(desk_path), "draft", "s1", "-t", "info-memo", "--title", "../../etc/x"]) == 0
    written = [p.name for p in work.iterdir()]
    assert written == ["etc-x.docx"]
    assert not (tmp_path / "etc").exists()


def test_existing_output_is_replaced_atomically(tmp_path: Path, desk, monkeypatch) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "brief.docx"
    out.write_bytes(b"previous version")
    brief = desk.create_brief(Brief(template="info-memo", title="T"))
    # A failing export (a template error) leaves the old file exactly as it was.
    make_template(tmp_path / "t", "{{ fields.nope }}", name="info-memo")
    with pytest.raises(TemplateError):
        export_brief(desk, brief, out=out, templates=TemplateSet([tmp_path / "t"], shipped=False), overwrite=True)
    assert out.read_bytes() == b"previous version"
    # Without the user's say-so it is not replaced at all.
    with pytest.raises(OutputExists):
        export_brief(desk, brief, out=out)
    assert out.read_bytes() == b"previous version"
    # A successful one replaces it whole, and leaves no temporary file behind.
    os.chmod(out, 0o600)
    export_brief(desk, brief, out=out, overwrite=True)
    audit(out)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["brief.docx"]


def test_unknown_template_and_bad_set_are_one_line_errors(desk_path: Path, capsys) -> None:
    assert main(["--desk", str(desk_path), "new", "nonesuch", "--title", "x"]) == 2
    err = capsys.readouterr().err
    assert "no template called 'nonesuch'" in err and "issue-brief" in err and "Traceback" not in err
    assert main(["--desk", str(desk_path), "new", "issue-brief", "--title", "x", "--set", "nofield=1"]) == 2
    assert "has no field 'nofield'" in capsys.readouterr().err


def test_a_killed_writers_leftover_part_file_is_removed_by_the_next_export(tmp_path: Path, desk) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "brief.docx"
    brief = desk.create_brief(Brief(template="info-memo", title="T"))
    # What a SIGKILLed export leaves (its hidden temporary file), an hour old; and one a writer may be
    # filling right now.
    stale = folder / ".brief.docx.k1llzd0x.part"
    stale.write_bytes(b"half a document")
    # Two hours before now by the file system's clock (which stamps every file), not the process's.
    two_hours_ago = stale.stat().st_mtime - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    fresh = folder / ".brief.docx.w0rking1.part"
    fresh.write_bytes(b"being written")
    other = folder / ".other.docx.k1llzd0.part"
    notes = folder / ".brief.docx.my-notes-2024.part"  # a user's own hidden file that merely looks alike
    for path in (other, notes):
        path.write_bytes(b"not ours")
        os.utime(path, (two_hours_ago, two_hours_ago))
    export_brief(desk, brief, out=out)
    assert sorted(p.name for p in folder.iterdir()) == [
        ".brief.docx.my-notes-2024.part", ".brief.docx.w0rking1.part", ".other.docx.k1llzd0.part", "brief.docx",
    ]
