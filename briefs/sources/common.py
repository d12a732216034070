"""What every importer shares: size limits, reading files, and cleaning text for storage."""

from __future__ import annotations

from pathlib import Path

from briefs.errors import ImportFailed
from briefs.settings import ImportLimits
from briefs.text import clean_for_storage

# The limits are settings (the config file's [import] table and the environment); importers take them.
Limits = ImportLimits


def read_limited(path: Path, limits: Limits) -> bytes:
    """Read a file whole, refusing folders, unreadable paths and files over the size limit."""
    name = str(path)
    try:
        if path.is_dir():
            raise ImportFailed(f"{name} is a folder; give the files inside it")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ImportFailed(
                f"{name} is {size / 2**20:.0f} MB, over the {limits.max_file_bytes / 2**20:.0f} MB import limit; "
                "split it or raise BRIEFS_MAX_FILE_MB"
            )
        with path.open("rb") as handle:
            # Asking for the size on disk, not the limit: read(n) sets aside n bytes before it reads.
            data = handle.read(size + 1)
            if len(data) > size:  # a pipe or special file (size 0), or a file still growing
                data += handle.read(limits.max_file_bytes + 1 - len(data))
    except FileNotFoundError:
        raise ImportFailed(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise ImportFailed(f"{name}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise ImportFailed(f"{name}: cannot read it ({exc.strerror}); check the path") from None
    if len(data) > limits.max_file_bytes:
        raise ImportFailed(f"{name} grew past the import limit while reading; try again")
    if not data.strip():
        raise ImportFailed(f"{name} is empty; nothing to import")
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
