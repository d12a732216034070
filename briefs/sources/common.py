"""What every importer shares: size limits, reading files, and cleaning text for storage."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefs.errors import ImportFailed
from briefs.files import read_regular
from briefs.settings import ImportLimits
from briefs.text import clean_for_storage

# The limits are settings (the config file's [import] table and the environment); importers take them.
Limits = ImportLimits


def read_limited(path: Path, limits: Limits) -> bytes:
    """Read a file whole through the one bounded reader: a regular file (never a device, FIFO or folder,
    also through a symlink) within the size limit, refused from its size on disk before a byte is read."""
    data = read_regular(path, limits.max_file_bytes, error=ImportFailed, limit_name="import limit",
                        hint="split it or raise BRIEFS_MAX_FILE_MB")
    if not data.strip():
        raise ImportFailed(f"{path} is empty; nothing to import")
    return data


# Every importer cleans with the one rule for characters a Word document cannot hold, keeping offsets.
clean_text = clean_for_storage


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly not text: a binary file that happened to decode."""
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    # A few stray control characters happen in real text; a binary file has them everywhere.
    return bad > max(8, len(sample) // 50)


_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")


def declares_dtd(chunks: Iterable[bytes]) -> bool:
    """Whether XML read in `chunks` declares a DTD or an entity anywhere in it (not only in its first
    kilobytes: a DTD after 64 KB of comment is a DTD too). Word never writes one; a DTD is how external
    entities and billion-laughs expansions get in."""
    overlap = max(len(m) for m in _DTD_MARKS) - 1
    tail = b""
    for chunk in chunks:
        # NULs out: a UTF-16 part spells "<!DOCTYPE" with a NUL after each letter.
        window = tail + chunk.replace(b"\x00", b"")
        if any(mark in window for mark in _DTD_MARKS):
            return True
        tail = window[-overlap:]
    return False
