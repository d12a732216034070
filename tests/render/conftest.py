from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.model import NewSource, Snippet, SnippetKind, SourceKind, SourceMeta


@pytest.fixture
def desk(tmp_path: Path, clock):
    desk = open_for_work(tmp_path / "desk.sqlite", clock=clock)
    yield desk
    desk.close()


def audit(path: Path) -> None:
    """Zero errors from openxml-audit (schema, semantic, relationship, package)."""
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator(max_errors=50).validate(str(path))
    assert result.errors == [], "\n".join(str(e) for e in result.errors)


def body_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph in the body and in table cells."""
    document = docx.Document(str(path))
    out = [(p.style.name, p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend((p.style.name, p.text) for p in cell.paragraphs)
    return out


def add_source(desk, text: str, title: str = "Test article") -> int:
    meta = SourceMeta(title=title, author="A. Writer", publication="The Test Times", published="2026-01-02",
                      url="https://example.org/a")
    return desk.add_source(NewSource(kind=SourceKind.TEXT, origin="test", text=text, meta=meta)).source.id


def add_snippet(desk, source_id: int, text: str, passage: str, kind: str = "quote", speaker: str | None = None):
    start = text.index(passage)
    return desk.add_snippet(Snippet(source_id=source_id, kind=SnippetKind(kind), start=start,
                                    end=start + len(passage), text=passage, speaker=speaker))


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
