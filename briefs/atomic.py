"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# The hidden temporary file's name is the target's name, cut to leave room for the 15 bytes around it
# (".NAME.XXXXXXXX.part") within the 255 a file name may have.
_PART_NAME_BYTES = 200


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: int | None = None, *,
                  replace: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only when the block finishes without error.

    The temporary file sits in the same folder so the final rename never crosses file systems, and it is
    fsynced first so a crash after the rename cannot leave an empty file behind. Its mode is `mode` when
    given; else an existing file's own mode is kept (a 0600 file stays 0600), and a new file gets what
    the user's umask allows (0644 under 022, 0600 under 077), as any program's new file would. With
    `replace=False` an existing `path` is left alone (FileExistsError), even one that appears while the
    file is written: the new file is linked into place, which fails rather than replaces.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = _create_part(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            keep = mode
            if keep is None:
                with contextlib.suppress(OSError):
                    keep = stat.S_IMODE(os.stat(target).st_mode)
            if keep is not None:
                if hasattr(os, "fchmod"):
                    os.fchmod(handle.fileno(), keep)
                else:  # Windows
                    os.chmod(tmp, keep)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
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


def _create_part(folder: Path, name: str) -> tuple[int, str]:
    # Not tempfile.mkstemp: it creates the file 0600 whatever the umask says, and reading the umask means
    # setting it (os.umask), which races with other threads. Created 0666 here, the kernel applies the
    # umask itself.
    prefix = f".{_part_stem(name)}."
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f"{prefix}{secrets.token_hex(4)}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _part_stem(name: str) -> str:
    from briefs.text import cut_bytes

    return cut_bytes(name, _PART_NAME_BYTES)


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
    # Only names _create_part makes for this file: ".NAME." + 8 random characters + ".part".
    for part in folder.glob(f".{glob.escape(_part_stem(name))}.????????.part"):
        with contextlib.suppress(OSError):
            if part.is_file() and part.stat().st_mtime < cutoff:
                part.unlink()


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, mode: int | None = None, *,
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
