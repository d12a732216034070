"""Word documents (.docx) by python-docx: body paragraphs and tables in order, core properties as metadata."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

from briefs.errors import BriefsError, ImportFailed
from briefs.model import NewSource, SourceKind, SourceMeta
from briefs.sources.common import Limits, clean_text, declares_dtd
from briefs.text import headline

if TYPE_CHECKING:
    from docx.table import Table

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Password-protected Office files are not zips at all but OLE compound files with this signature.
# Names that Word and libraries put in the author field when nobody set it: not a citation's author.
_PLACEHOLDER_AUTHORS = {"python-docx", "microsoft office user", "windows user", "administrator", "admin", "user"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Word writes a few dozen parts; a package with thousands is not a document anyone saved from Word.
_MAX_PARTS = 10_000


def load_docx(data: bytes, *, origin: str, limits: Limits | None = None) -> NewSource:
    """Import a .docx: paragraphs joined by blank lines, table cells one per line."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE_SIGNATURE):
        raise ImportFailed(
            f"{origin} is password-protected or an old-format Word file; save it unprotected as .docx and retry"
        )
    if not data.startswith(b"PK"):
        raise ImportFailed(f"{origin} is not a Word document (not a .docx package); check the file or its extension")
    check_package(data, origin, limits or Limits.from_env())
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise ImportFailed(
            f"{origin} is a damaged or incomplete .docx ({type(exc).__name__}); open and save it again in Word"
        ) from None
    except Exception as exc:  # python-docx raises lxml errors on broken XML parts
        raise ImportFailed(
            f"{origin} is a damaged .docx ({type(exc).__name__}); open and save it again in Word"
        ) from None

    blocks: list[str] = []
    first_heading: str | None = None
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            blocks.extend(_table_lines(block))
            continue
        text = block.text.strip()
        if not text:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        if first_heading is None and (style == "Title" or style.startswith("Heading")):
            first_heading = text
        blocks.append(text)
    text = clean_text("\n\n".join(blocks).replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ImportFailed(f"{origin} has no text; nothing to import")

    props = document.core_properties
    when = props.created or props.modified
    return NewSource(
        kind=SourceKind.DOCX,
        origin=origin,
        text=text,
        meta=SourceMeta(
            title=clean_text(props.title or "") or first_heading or headline(text),
            author=_author(props.author),
            published=when.date().isoformat() if when else None,
            language=(props.language or "").split("-")[0].lower() or None,
        ),
        original=data,
        original_type=DOCX_TYPE,
    )


def check_package(data: bytes, origin: str, limits: Limits, *, error: type[BriefsError] = ImportFailed) -> None:
    """Refuse zip bombs, encrypted members and XML with a DTD before python-docx inflates and parses the
    parts. `origin` names the package in the message; `error` is what is raised (an import's
    ImportFailed, or an InputError for a `--reference` document).

    The sizes come from the zip's directory; zipfile never returns more bytes than a member declares
    (a member that inflates past its declared size fails its CRC check), so the sum is a true bound.
    A DTD is how XML smuggles in external entities (local files) and entity expansion bombs. XML puts it
    before the root element, but a comment or processing instruction of any length may come first, so
    every XML part is read to its end (in chunks, within the unpacked limit), not only its start.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > _MAX_PARTS:
                raise error(f"{origin} holds {len(members)} parts, more than any Word document; check the file")
            unpacked = sum(member.file_size for member in members)
            if unpacked > limits.max_unpacked_bytes:
                cap = limits.max_unpacked_bytes / 2**20
                raise error(
                    f"{origin} unpacks to {unpacked / 2**20:.0f} MB, over the {cap:.0f} MB limit for a .docx "
                    "(a zip bomb?); check the file or raise BRIEFS_MAX_UNPACKED_MB"
                )
            if any(member.flag_bits & 0x1 for member in members):
                raise error(f"{origin} is encrypted (a password-protected zip); save it unprotected as .docx and retry")
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")) and _declares_dtd(package, member):
                    raise error(
                        f"{origin} has XML entity declarations (a DTD) in {member.filename}, which Word never "
                        "writes; refused for safety. Open and save it again in Word"
                    )
    except BriefsError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError,
            RuntimeError) as exc:  # RuntimeError: an encrypted member
        raise error(
            f"{origin} is a damaged or incomplete .docx ({type(exc).__name__}); open and save it again in Word"
        ) from None


_CHUNK = 1 << 20


def _declares_dtd(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    with package.open(member) as part:
        return declares_dtd(iter(lambda: part.read(_CHUNK), b""))


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            # Merged cells repeat: python-docx returns the same cell once per grid column it spans.
            if value and (not cells or cells[-1] != value):
                cells.append(value)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _author(value: str | None) -> str | None:
    value = clean_text(" ".join((value or "").split()))
    return value if value and value.lower() not in _PLACEHOLDER_AUTHORS else None


