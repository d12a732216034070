"""PDF through LibreOffice in headless mode, when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefs.errors import ExportError

INSTALL_HINT = (
    "PDF export needs LibreOffice: install it (Debian/Ubuntu: sudo apt install libreoffice-writer-nogui; "
    "macOS: brew install --cask libreoffice; Windows: libreoffice.org), or export a Word document (.docx) "
    "and print it to PDF from Word"
)


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = 180.0) -> bytes:
    """Convert .docx bytes to PDF bytes with `soffice --headless --convert-to pdf`."""
    soffice = soffice_path()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="briefs-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "brief.docx"
        source.write_bytes(docx_bytes)
        # A private profile: a running LibreOffice (or another export) holds a lock on the user's one.
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(folder), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            raise ExportError(f"LibreOffice did not finish converting to PDF in {timeout:.0f} s; try again") from None
        target = folder / "brief.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            last = detail[-1] if detail else "no output"
            raise ExportError(f"LibreOffice could not convert the brief to PDF ({last})")
        return target.read_bytes()
