"""PDF through LibreOffice in headless mode, when it is installed.

The brief is written to a private temporary folder for LibreOffice to read. An export killed half-way
(SIGKILL, a closed terminal) cannot run its own clean-up, so a small janitor process watches it: it holds
the read end of a pipe that only the export holds open, and when the pipe closes (the export finished or
died) it stops LibreOffice and removes the folder. Folders a janitor could not remove (the machine lost
power) are removed by the next PDF export once they are an hour old.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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


PREFIX = "briefs-pdf-"
STALE_SECONDS = 3600

# Runs as `python -c JANITOR FOLDER`: waits for its standard input to close, then kills the process
# groups it was told about (one line each) and removes FOLDER.
JANITOR = r"""
import os, shutil, signal, sys
groups = []
for line in sys.stdin:
    if line.strip().isdigit():
        groups.append(int(line))
for group in groups:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = 180.0) -> bytes:
    """Convert .docx bytes to PDF bytes with `soffice --headless --convert-to pdf`."""
    soffice = soffice_path()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    _remove_stale_folders()
    with tempfile.TemporaryDirectory(prefix=PREFIX) as tmp, _janitor(tmp) as watch:
        folder = Path(tmp)
        source = folder / "brief.docx"
        source.write_bytes(docx_bytes)
        # A private profile: a running LibreOffice (or another export) holds a lock on the user's one.
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(folder), str(source)]
        # Its own session (process group), so the janitor can stop LibreOffice and all it starts.
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "HOME": tmp}, start_new_session=os.name == "posix")
        watch(proc.pid)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise ExportError(f"LibreOffice did not finish converting to PDF in {timeout:.0f} s; try again") from None
        done = subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)
        target = folder / "brief.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            last = detail[-1] if detail else "no output"
            raise ExportError(f"LibreOffice could not convert the brief to PDF ({last})")
        return target.read_bytes()


@contextlib.contextmanager
def _janitor(folder: str) -> Iterator[Callable[[int], None]]:
    """A janitor for `folder`; the function it yields names a process group for it to stop too."""
    if os.name != "posix":
        yield lambda _pid: None
        return
    try:
        janitor = subprocess.Popen([sys.executable, "-c", JANITOR, folder], stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        yield lambda _pid: None
        return
    assert janitor.stdin is not None
    pipe = janitor.stdin

    def watch(pid: int) -> None:
        with contextlib.suppress(OSError):
            pipe.write(f"{pid}\n".encode())
            pipe.flush()

    try:
        yield watch
    finally:
        with contextlib.suppress(OSError):
            pipe.close()  # the janitor stops what is left and removes the folder (already gone, normally)
        with contextlib.suppress(subprocess.TimeoutExpired):
            janitor.wait(timeout=30)


def _remove_stale_folders() -> None:
    if not hasattr(os, "getuid"):  # Windows: its temporary folder is the user's own
        return
    cutoff = time.time() - STALE_SECONDS
    base = Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for folder in base.glob(f"{PREFIX}*"):
            with contextlib.suppress(OSError):
                info = folder.lstat()
                if folder.is_dir() and info.st_uid == os.getuid() and info.st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
