"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: int = 0o644, *, replace: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only when the block finishes without error.

    The temporary file sits in the same folder so the final rename never crosses file systems, and it is
    fsynced first so a crash after the rename cannot leave an empty file behind. With `replace=False` an
    existing `path` is left alone (FileExistsError), even one that appears while the file is written: the
    new file is linked into place, which fails rather than replaces.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)
    _remove_stale_parts(folder, target.name)


# A writer killed mid-write (SIGKILL, power loss) leaves its hidden temporary file behind. The next write
# of the same file removes those older than this; a younger one may belong to a writer still at work.
STALE_PART_SECONDS = 3600


def _remove_stale_parts(folder: Path, name: str) -> None:
    # Age is measured against the file just written, by the file system's own clock (the one that stamped
    # the leftovers too), not the process's idea of now.
    try:
        cutoff = (folder / name).stat().st_mtime - STALE_PART_SECONDS
    except OSError:
        return
    # Only names mkstemp makes for this file: ".NAME." + 8 random characters + ".part".
    for part in folder.glob(f".{glob.escape(name)}.????????.part"):
        with contextlib.suppress(OSError):
            if part.is_file() and part.stat().st_mtime < cutoff:
                part.unlink()


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, mode: int = 0o644, *,
                       replace: bool = True) -> None:
    with atomic_writer(path, mode, replace=replace) as handle:
        handle.write(data)


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
