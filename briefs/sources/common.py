"""What every importer shares: size limits, reading files, and cleaning text for storage."""

from __future__ import annotations

import math
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
    """Size and time limits for imports (documented in docs/limits.md).

    Each can be set in the config file's `[import]` table (max_file_mb, max_url_mb, max_unpacked_mb,
    url_timeout, max_redirects) or by an environment variable, which wins (BRIEFS_MAX_FILE_MB,
    BRIEFS_MAX_URL_MB, BRIEFS_MAX_UNPACKED_MB, BRIEFS_URL_TIMEOUT, BRIEFS_MAX_REDIRECTS).
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_url_bytes: int = 20 * 1024 * 1024
    # A .docx is a zip: what its parts add up to once unpacked, so a small zip bomb is refused before
    # python-docx inflates it into memory.
    max_unpacked_bytes: int = 200 * 1024 * 1024
    url_timeout: float = 20.0
    max_redirects: int = 5

    @classmethod
    def from_env(cls) -> Limits:
        """The limits in force: defaults, then the config file's `[import]` table, then the environment."""
        table = _config_table()

        def number(env: str, key: str, default: float, *, allow_zero: bool = False) -> float:
            # The environment first, then the config file; a value that is not a usable number (text,
            # negative, infinite, NaN, or a zero size that would refuse everything) is skipped.
            for raw in (os.environ.get(env), table.get(key)):
                try:
                    value = float(raw) if raw is not None and str(raw).strip() else None
                except (TypeError, ValueError):
                    value = None
                if value is not None and math.isfinite(value) and (value > 0 or (allow_zero and value == 0)):
                    return value
            return default

        base = cls()
        mb = 2**20
        return cls(
            max_file_bytes=int(number("BRIEFS_MAX_FILE_MB", "max_file_mb", base.max_file_bytes / mb) * mb),
            max_url_bytes=int(number("BRIEFS_MAX_URL_MB", "max_url_mb", base.max_url_bytes / mb) * mb),
            max_unpacked_bytes=int(
                number("BRIEFS_MAX_UNPACKED_MB", "max_unpacked_mb", base.max_unpacked_bytes / mb) * mb
            ),
            url_timeout=number("BRIEFS_URL_TIMEOUT", "url_timeout", base.url_timeout),
            max_redirects=int(number("BRIEFS_MAX_REDIRECTS", "max_redirects", base.max_redirects, allow_zero=True)),
        )


def _config_table() -> dict[str, object]:
    from briefs.config import load_config
    from briefs.errors import BriefsError

    try:
        table = load_config().get("import", {})
    except BriefsError:
        # A broken config file is reported by the commands that read it for themselves; the import
        # limits fall back to their defaults rather than stop every import.
        return {}
    return table if isinstance(table, dict) else {}


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
