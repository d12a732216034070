"""Checking a Word file against the desk: the use case behind `briefs check FILE.docx` and the app's
"check a Word file". A .docx is read directly; an .odt (or a .doc/.rtf) goes through LibreOffice first, when
it is installed, and is then read as the .docx LibreOffice makes of it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefs.errors import InputError

if TYPE_CHECKING:
    from briefs.checks.word_file import DocumentReport
    from briefs.desk.base import Desk
    from briefs.settings import ImportLimits

WORD_SUFFIXES = (".docx", ".docm")
CONVERTED_SUFFIXES = (".odt", ".doc", ".rtf")
SUFFIXES = WORD_SUFFIXES + CONVERTED_SUFFIXES
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def is_word_file(name: str) -> bool:
    """Whether `name` names a document `check_word_file` reads (by its extension)."""
    return name.lower().endswith(SUFFIXES)


def check_word_file(desk: Desk, path: str | os.PathLike[str], *, limits: ImportLimits | None = None
                    ) -> DocumentReport:
    """Every quotation in the file at `path` checked against `desk`'s sources (InputError for a file that
    cannot be read, naming it and what to do)."""
    from briefs.checks.word_file import check_document
    from briefs.sources.common import read_limited
    from briefs.sources.wordml import read_word

    if limits is None:
        from briefs.settings import ImportLimits

        limits = ImportLimits.from_env()
    path = Path(path)
    name = str(path)
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"{name} is empty; nothing to check")
    data = read_limited(path, limits)  # the import limits: folders, missing files and huge files refused
    if path.suffix.lower() in CONVERTED_SUFFIXES or data[30:30 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE:
        data = _through_libreoffice(data, path, limits)
    return check_document(desk, read_word(data, origin=name, limits=limits))


def _through_libreoffice(data: bytes, path: Path, limits: ImportLimits, *, timeout: float = 120.0) -> bytes:
    """The .docx LibreOffice makes of an .odt (or .doc, .rtf): its bookmarks, tracked changes and comments
    come through; Briefs' provenance part does not (an .odt cannot hold it), so quotes are found by their
    bookmarks and the desk's snippets."""
    from briefs.render.pdf import soffice_path

    soffice = soffice_path()
    if soffice is None:
        raise InputError(f"{path} is not a .docx; checking it needs LibreOffice (Debian/Ubuntu: sudo apt install "
                         "libreoffice-writer-nogui), or save it as .docx and check that")
    suffix = path.suffix.lower() if path.suffix.lower() in CONVERTED_SUFFIXES else ".odt"
    with tempfile.TemporaryDirectory(prefix="briefs-check-") as tmp:
        folder = Path(tmp)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        # A private profile: a running LibreOffice holds a lock on the user's own.
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            raise InputError(f"LibreOffice did not finish reading {path} in {timeout:.0f} s; save it as .docx "
                             "and check that") from None
        target = folder / "out" / "document.docx"
        if done.returncode != 0 or not target.is_file():
            raise InputError(f"LibreOffice could not read {path}; check the file, or save it as .docx and check "
                             "that")
        size = target.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(f"{path} converts to {size / 2**20:.0f} MB of .docx, over the limit; raise "
                             "BRIEFS_MAX_FILE_MB")
        return target.read_bytes()
