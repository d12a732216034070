"""The red-team cases of issue 14, each as a user would meet it: a template folder or brief file from a
colleague, a reference document, a huge ID, a web address, a full disk. Every one ends in one line that
names the input (or works), never a traceback, a leaked file, a hang or gigabytes of memory; the
selftest runs the same cases (briefs/selftest/cases.py)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from briefs.cli import main
from briefs.desk import open_desk
from briefs.errors import ImportFailed, InputError, TemplateError
from briefs.model import Brief
from briefs.render.brief import render_brief
from briefs.selftest.cases import run_cases
from briefs.selftest.corpus import ARTICLE, make_docx, make_pdf, pdf_bomb, rezip
from briefs.sources import load_source
from briefs.templates import TemplateSet

SECRET = "TOP-SECRET-TEMPLATE-READ"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list:
    # The render limit is cut from 30 s to 3 s so the template bombs that run into it take 3 s each.
    return run_cases(tmp_path_factory.mktemp("cases"), render_seconds=3.0)


def test_every_hostile_command_ends_cleanly(outcomes: list) -> None:
    broken = [f"{o.name}: {o.crash or '; '.join(o.problems)}" for o in outcomes if not o.ok]
    assert broken == []
    names = {o.name for o in outcomes}
    for wanted in ("template include-link", "template body-link", "template linked-folder", "template center",
                   "template loops", "template lipsum", "template that hides the UNVERIFIED mark",
                   "brief file laughs", "brief file deep", "brief file fifo", "brief file zero", "brief file misspelt",
                   "brief file template-path", "--reference zero", "--reference encrypted", "--reference fifo",
                   "huge source ID", "huge --limit", "url_timeout 1e300", "redirect to a metadata address",
                   "a full disk during import", "79 CJK characters as a title", "64 emoji as a title"):
        assert wanted in names


def _template(root: Path, name: str, body: str) -> Path:
    folder = root / "templates" / name
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(f'name = "{name}"\ntitle = "T"\n', encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    return folder


def _render(root: Path, name: str) -> str:
    templates = TemplateSet([root / "templates"], shipped=False)
    with open_desk(":memory:") as desk:
        return render_brief(desk, Brief(template=name, title="T"), templates.get(name), now=desk.clock.now()).body


def test_a_symlink_out_of_the_template_folder_is_refused_by_every_tag(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    for tag in ("include 'link'", "import 'link' as x", "extends 'link'", "from 'link' import y"):
        name = "t" + str(abs(hash(tag)))[:6]
        folder = _template(tmp_path, name, "{% " + tag + " %}")
        os.symlink(secret, folder / "link")
        with pytest.raises(TemplateError, match="leads outside its template folder") as caught:
            _render(tmp_path, name)
        assert SECRET not in str(caught.value)


def test_a_link_inside_the_folder_still_works(tmp_path: Path) -> None:
    folder = _template(tmp_path, "inside", "{% include 'alias.j2' %}")
    (folder / "part.j2").write_text("included {{ title }}", encoding="utf-8")
    os.symlink(folder / "part.j2", folder / "alias.j2")
    assert _render(tmp_path, "inside").startswith("included T")


def test_templates_cannot_change_what_they_are_given(tmp_path: Path) -> None:
    for body in ("{% set _ = items.clear() %}", "{% set _ = fields.update({'a': 1}) %}",
                 "{% set _ = sections.pop('x', 1) %}", "{% set _ = warnings.append(1) %}"):
        name = "ro" + str(abs(hash(body)))[:6]
        _template(tmp_path, name, body)
        with pytest.raises(TemplateError, match=r"cannot change|sandbox"):
            _render(tmp_path, name)


def test_a_render_that_asks_for_gigabytes_or_loops_for_ever_is_stopped(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefs.templates.sandbox as sandbox

    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 3.0)
    _template(tmp_path, "wide", "{{ 'x'|center(10**9) }}")
    _template(tmp_path, "loops", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    _template(tmp_path, "loud", "{% for i in range(100000) %}{{ 'y' * 99999 }}{% endfor %}")
    with pytest.raises(TemplateError, match=r"memory|did not finish"):
        _render(tmp_path, "wide")
    with pytest.raises(TemplateError, match="did not finish rendering in 3 s"):
        _render(tmp_path, "loops")
    with pytest.raises(TemplateError, match="output passed"):
        _render(tmp_path, "loud")
    _template(tmp_path, "fine", "{{ title }}")
    assert _render(tmp_path, "fine").strip() == "T"  # the next render, in a new helper, works


def test_one_bad_pdf_does_not_stop_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb, good = tmp_path / "bomb.pdf", tmp_path / "good.pdf"
    bomb.write_bytes(pdf_bomb())
    good.write_bytes(make_pdf(["Officials said the plan would cost 3 million pounds over two years."]))
    assert main(["--desk", str(tmp_path / "d.sqlite"), "import", str(bomb), str(good)]) == 2
    out = capsys.readouterr()
    assert "imported s2" in out.out
    assert len(out.err.strip().splitlines()) == 1 and "bomb.pdf needs more than" in out.err


def test_a_dtd_after_64_kb_of_comment_is_refused(tmp_path: Path) -> None:
    padding = b"<!--" + b"x" * (70 * 1024) + b"-->"
    late = rezip(make_docx(ARTICLE.split("\n\n")), lambda n, b: b.replace(
        b"?>", b"?>" + padding + b'<!DOCTYPE w:document [<!ENTITY e "boom">]>', 1) if n == "word/document.xml" else b)
    path = tmp_path / "late.docx"
    path.write_bytes(late)
    with pytest.raises(ImportFailed, match="DTD"):
        load_source(str(path))


@pytest.mark.parametrize("kind", ["fifo", "zero", "folder"])
def test_import_and_reference_paths_are_read_only_as_regular_files(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"odd.{'docx'}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    else:
        path.mkdir()
    with pytest.raises(ImportFailed, match=r"FIFO|device|folder"):
        load_source(str(path))
    from briefs.render.docx_writer import markdown_to_docx

    with pytest.raises(InputError, match=r"FIFO|device|folder"):
        markdown_to_docx("# Title\n", reference=path)


def test_a_brief_file_with_a_misspelt_key_or_a_path_for_a_template_is_refused(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture) -> None:
    desk = str(tmp_path / "d.sqlite")
    misspelt = tmp_path / "misspelt.yaml"
    misspelt.write_text("template: issue-brief\ntitle: T\nsectoins: {}\n", encoding="utf-8")
    path_template = tmp_path / "path.yaml"
    path_template.write_text(f"template: {tmp_path}\ntitle: T\n", encoding="utf-8")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("a: &a [x, x]\nb: [*a, *a]\ntemplate: issue-brief\n", encoding="utf-8")
    for path, says in ((misspelt, "unknown key 'sectoins' (misspelt?)"), (path_template, "not a path"),
                       (aliases, "aliases")):
        assert main(["--desk", desk, "export", str(path), "-f", "md", "-o", str(tmp_path / "x.md")]) == 2
        err = capsys.readouterr().err
        assert says in err and path.name in err and len(err.strip().splitlines()) == 1


def test_the_unverified_mark_opens_the_document_whatever_the_template(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    desk = str(tmp_path / "d.sqlite")
    _template(tmp_path, "quiet", "{{ title }}\n")
    brief = tmp_path / "b.yaml"
    with open_desk(desk):
        pass
    assert main(["--desk", desk, "sources"]) == 0  # the sample article is s1
    brief.write_text("template: quiet\ntitle: Quiet\nsections:\n  all:\n    - source: s1\n      kind: quote\n"
                     "      speaker: Someone\n      start: 0\n      end: 5\n      text: Not what it said\n",
                     encoding="utf-8")
    assert main(["--desk", desk, "export", str(brief), "--allow-unverified", "--templates",
                 str(tmp_path / "templates"), "-o", str(out)]) == 0
    paragraphs = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert any(p.startswith("[UNVERIFIED QUOTE: n1") for p in paragraphs)
    with zipfile.ZipFile(out) as package:
        assert "UNVERIFIED QUOTE" in package.read("word/document.xml").decode("utf-8")


def test_pypdfs_own_limit_is_one_line_like_any_damaged_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf
    import pypdfium2
    from pypdf.errors import LimitReachedError

    from briefs.sources import pdf

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise pypdfium2.PdfiumError("cannot open")

    def limit(*_args: object, **_kwargs: object) -> None:
        raise LimitReachedError("limit reached while decompressing")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    monkeypatch.setattr(pypdf, "PdfReader", limit)
    with pytest.raises(ImportFailed, match=r"limited\.pdf is a damaged PDF"):
        pdf.extract(make_pdf(["Officials said so."]), "limited.pdf")
