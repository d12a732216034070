"""What every importer shares: size limits, reading files, and cleaning text for storage."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from briefs.errors import ImportFailed

# Control characters other than tab and newline corrupt a .docx and confuse offsets; unpaired
# surrogates cannot be stored as UTF-8 at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Limits:
    """Size and time limits for imports. Configurable: `[import]` in config.toml, or env vars."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_url_bytes: int = 20 * 1024 * 1024
    url_timeout: float = 20.0
    max_redirects: int = 5

    @classmethod
    def from_env(cls) -> Limits:
        def number(name: str, default: float) -> float:
            raw = os.environ.get(name)
            try:
                return float(raw) if raw else default
            except ValueError:
                return default

        base = cls()
        return cls(
            max_file_bytes=int(number("BRIEFS_MAX_FILE_MB", base.max_file_bytes / 2**20) * 2**20),
            max_url_bytes=int(number("BRIEFS_MAX_URL_MB", base.max_url_bytes / 2**20) * 2**20),
            url_timeout=number("BRIEFS_URL_TIMEOUT", base.url_timeout),
            max_redirects=int(number("BRIEFS_MAX_REDIRECTS", base.max_redirects)),
        )


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
            data = handle.read(limits.max_file_bytes + 1)
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


def clean_text(text: str) -> str:
    """Make text safe to store and to write into a .docx.

    Each bad character is replaced one for one (control characters by a space, unpaired surrogates by
    U+FFFD) so offsets still line up with the file the text came from.
    """
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return text


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly not text: a binary file that happened to decode."""
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    # A few stray control characters happen in real text; a binary file has them everywhere.
    return bad > max(8, len(sample) // 50)
