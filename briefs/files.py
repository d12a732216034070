"""The one bounded reader: every file Briefs reads that a user named or a colleague sent (an import, a
`--reference` document, a brief file, a template, the config file) comes through here.

Only a regular file is read, and never more than its limit: `/dev/zero`, a FIFO (which would block
forever), a socket or a folder is refused before a byte is read, whether named directly or through a
symlink. The file is opened non-blocking so that opening a FIFO cannot hang, and checked with fstat on
the open descriptor, so a file swapped after a check is still the file that was checked.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefs.errors import BriefsError, InputError

MB = 2**20


def read_regular(path: str | os.PathLike[str], limit: int, *, what: str = "file",
                 error: type[BriefsError] = InputError, hint: str = "", limit_name: str = "") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; otherwise `error`, one line that
    names the path, says what is wrong and (with `hint`) what to do. `limit_name` names the limit in the
    message ("the 50 MB import limit"), else it is "the limit for a `what`"."""
    name = os.fspath(path)
    advice = f"; {hint}" if hint else ""  # for a file too large: what to do about its size
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise error(f"{name}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise error(f"{name} is a folder, not a {what}; give the files inside it") from None
    except PermissionError:
        raise error(f"{name}: permission denied; check the {what}'s permissions") from None
    except OSError as exc:
        raise error(f"{name}: cannot open the {what} ({exc.strerror}); check the path") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{name} is a folder, not a {what}; give the files inside it")
        if not stat.S_ISREG(info.st_mode):
            kind = "FIFO" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode) else "device"
            raise error(f"{name} is a {kind}, not a regular {what}; save what it holds to a file and give that")
        cap = f"the {_size(limit)} {limit_name}" if limit_name else f"the {_size(limit)} limit for a {what}"
        if info.st_size > limit:
            raise error(f"{name} is {_size(info.st_size)}, over {cap}{advice}")
        chunks = []
        total = 0
        while True:
            # Asking for what is left of the size on disk (plus one, to notice growth), never the limit:
            # read(n) sets aside n bytes before it reads.
            chunk = os.read(fd, min(max(info.st_size - total, 0) + 1, limit + 1 - total, 16 * MB))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise error(f"{name} grew past {cap} while it was read; try again")
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise error(f"{name} is a folder, not a {what}; give the files inside it") from None
        raise error(f"{name}: cannot read the {what} ({exc.strerror}); check the path") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (after symlinks), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _size(count: int) -> str:
    if count >= MB:
        return f"{count / MB:.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
