"""What colleagues do to a Word file, done to real files: a word changed in place, the same change as a tracked
change, a comment, a resave through LibreOffice, and a memo of their own."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

REVIEWER = "Alex Reviewer"
WHEN = "2026-10-21T10:00:00Z"


def _run_with(document: docx.document.Document, words: str):
    for p in document.element.body.iter(qn("w:p")):
        for r in p.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if words in text:
                return r, text
    raise AssertionError(f"no run holds {words!r}")


def change_word(path: Path, old: str, new: str, out: Path) -> Path:
    """Replace `old` by `new` inside the run that holds it, at the XML level (no tracking)."""
    document = docx.Document(str(path))
    r, text = _run_with(document, old)
    for t in r.findall(qn("w:t")):
        r.remove(t)
    t = etree.SubElement(r, qn("w:t"))
    t.text = text.replace(old, new, 1)
    document.save(str(out))
    return out


def track_change(path: Path, old: str, new: str, out: Path, *, author: str = REVIEWER) -> Path:
    """The same edit as Word records it with Track Changes on: the run split around `old`, which goes into a
    w:del (as w:delText) followed by a w:ins holding `new`."""
    document = docx.Document(str(path))
    r, text = _run_with(document, old)
    at = text.index(old)

    def run(words: str, tag: str = "w:t") -> etree._Element:
        piece = copy.deepcopy(r)
        for child in list(piece):
            if child.tag != qn("w:rPr"):
                piece.remove(child)
        t = etree.SubElement(piece, qn(tag))
        t.text = words
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return piece

    deletion = etree.Element(qn("w:del"))
    insertion = etree.Element(qn("w:ins"))
    for n, el in enumerate((deletion, insertion)):
        el.set(qn("w:id"), str(900 + n))
        el.set(qn("w:author"), author)
        el.set(qn("w:date"), WHEN)
    deletion.append(run(old, "w:delText"))
    insertion.append(run(new))
    pieces = [run(text[:at]), deletion, insertion, run(text[at + len(old):])]
    for piece in pieces:
        r.addprevious(piece)
    r.getparent().remove(r)
    document.save(str(out))
    return out


def comment_on(path: Path, words: str, remark: str, out: Path, *, author: str = REVIEWER) -> Path:
    """A reviewer's comment anchored to the run holding `words` (python-docx 1.2's comments API)."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if words in run.text:
                comment = document.add_comment(run, text=remark, author=author, initials="AR")
                # python-docx stamps the comment with today's date; a review has its own.
                comment._comment_elm.set(qn("w:date"), WHEN)
                document.save(str(out))
                return out
    raise AssertionError(f"no run holds {words!r}")


def libreoffice_convert(path: Path, fmt: str, folder: Path) -> Path:
    """`soffice --headless --convert-to FMT`, as a colleague's LibreOffice saves the file."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", fmt, "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=180)
    converted = folder / (path.stem + "." + fmt.split(":")[0])
    assert converted.is_file(), f"LibreOffice wrote no {converted}"
    return converted


def memo(out: Path, paragraphs: list[str]) -> Path:
    """A colleague's own memo, written in Word without Briefs: plain paragraphs."""
    document = docx.Document()
    document.add_heading("Water security: note for the minister", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(out))
    return out
