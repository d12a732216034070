"""The one settings model: the config file (TOML) and the environment, read in one place.

    desk = "~/Briefs/desk.sqlite"              # or a URL; BRIEFS_DESK and --desk win
    author = "Sam Ortiz"                       # who picked a snippet or saved a brief (else the OS user)
    templates = ["~/work/briefs-templates"]    # extra template folders, relative to this file's folder
    [import]                                   # import limits (docs/limits.md); BRIEFS_MAX_* variables win
    max_file_mb = 50
    [tui]                                      # the app's theme and preview delay
    theme = "textual-light"
    preview_delay = 0.25
    [keys]                                     # remap the app's keys by binding id
    "reader.accept" = "enter"

The file lives in the platformdirs config folder, or `$BRIEFS_CONFIG_DIR`. A broken file or a bad value
never stops Briefs: the defaults stand in and `problems` says what was wrong, for the CLI to print as
warnings and the app to show as notifications.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefs.clock import SYSTEM_CLOCK, Clock, FixedClock

APP = "briefs"
MB = 2**20


def config_dir() -> Path:
    env = os.environ.get("BRIEFS_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    """Where Briefs keeps what it can make again (compiled templates): BRIEFS_CACHE_DIR, else the
    platform's cache folder."""
    env = os.environ.get("BRIEFS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


@dataclass(frozen=True)
class ImportLimits:
    """Size and time limits for imports (documented in docs/limits.md).

    Each can be set in the config file's `[import]` table (max_file_mb, max_url_mb, max_unpacked_mb,
    url_timeout, max_redirects, pdf_timeout, refuse_private_addresses) or by an environment variable,
    which wins (BRIEFS_MAX_FILE_MB, BRIEFS_MAX_URL_MB, BRIEFS_MAX_UNPACKED_MB, BRIEFS_URL_TIMEOUT,
    BRIEFS_MAX_REDIRECTS, BRIEFS_PDF_TIMEOUT, BRIEFS_REFUSE_PRIVATE).
    """

    max_file_bytes: int = 50 * MB
    max_url_bytes: int = 20 * MB
    # A .docx is a zip: what its parts add up to once unpacked, so a small zip bomb is refused before
    # python-docx inflates it into memory.
    max_unpacked_bytes: int = 200 * MB
    url_timeout: float = 20.0
    max_redirects: int = 5
    pdf_timeout: float = 30.0
    """Seconds a PDF's text layer may take to read (in a child process with a memory cap)."""
    refuse_private: bool = False
    """Also refuse URLs on loopback and private networks (for shared installations). Link-local and cloud
    metadata addresses are refused always."""

    @classmethod
    def from_env(cls) -> ImportLimits:
        """The limits in force: defaults, then the config file's `[import]` table, then the environment."""
        return load_settings().limits


# The largest value any limit may take: past it a number stops meaning anything (a timeout of 1e300 s
# overflows the socket layer) and the limit is as good as off.
_CEILING = {"max_file_mb": 1e6, "max_url_mb": 1e6, "max_unpacked_mb": 1e7, "url_timeout": 86400.0,
            "max_redirects": 100.0, "pdf_timeout": 3600.0}


def _limits(table: dict[str, Any]) -> ImportLimits:
    def number(env: str, key: str, default: float, *, allow_zero: bool = False) -> float:
        # The environment first, then the config file; a value that is not a usable number (text,
        # negative, infinite, NaN, or a zero size that would refuse everything) is skipped.
        for raw in (os.environ.get(env), table.get(key)):
            try:
                value = float(raw) if raw is not None and str(raw).strip() else None
            except (TypeError, ValueError, OverflowError):
                value = None
            if value is not None and math.isfinite(value) and (value > 0 or (allow_zero and value == 0)):
                return min(value, _CEILING[key])
        return default

    base = ImportLimits()
    return ImportLimits(
        max_file_bytes=int(number("BRIEFS_MAX_FILE_MB", "max_file_mb", base.max_file_bytes / MB) * MB),
        max_url_bytes=int(number("BRIEFS_MAX_URL_MB", "max_url_mb", base.max_url_bytes / MB) * MB),
        max_unpacked_bytes=int(number("BRIEFS_MAX_UNPACKED_MB", "max_unpacked_mb", base.max_unpacked_bytes / MB) * MB),
        url_timeout=number("BRIEFS_URL_TIMEOUT", "url_timeout", base.url_timeout),
        max_redirects=int(number("BRIEFS_MAX_REDIRECTS", "max_redirects", base.max_redirects, allow_zero=True)),
        pdf_timeout=number("BRIEFS_PDF_TIMEOUT", "pdf_timeout", base.pdf_timeout),
        refuse_private=_flag("BRIEFS_REFUSE_PRIVATE", table.get("refuse_private_addresses")),
    )


def _flag(env: str, value: Any) -> bool:
    """A switch: the environment (1/true/yes/on) first, then the config file's true or false."""
    raw = os.environ.get(env)
    if raw is not None and raw.strip():
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return value is True


@dataclass(frozen=True)
class Settings:
    config_path: Path
    desk: str
    """The desk to open: a path or a URL (`--desk`, else BRIEFS_DESK, else the config, else the default)."""
    templates: tuple[Path, ...] = ()
    """Extra template folders from the config file, then from `--templates`, in that order."""
    limits: ImportLimits = field(default_factory=ImportLimits)
    author: str = ""
    theme: str | None = None
    preview_delay: float = 0.25
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    """What was wrong with the config file; the defaults stood in for it."""
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)
    """The machine's clock, or the moment SOURCE_DATE_EPOCH names (reproducible exports, and tests)."""

    def with_templates(self, extra: Sequence[str | os.PathLike[str]]) -> Settings:
        from dataclasses import replace

        return replace(self, templates=(*self.templates, *(Path(d).expanduser() for d in extra)))


def load_settings(*, desk: str | os.PathLike[str] | None = None,
                  templates: Sequence[str | os.PathLike[str]] = ()) -> Settings:
    """The settings in force; `desk` and `templates` are what the command line gave."""
    path = config_file()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    settings = _read(str(path), stamp, _env_key())
    if desk is not None:
        from dataclasses import replace

        settings = replace(settings, desk=str(desk))
    return settings.with_templates(templates) if templates else settings


def _env_key() -> tuple[str | None, ...]:
    names = ("BRIEFS_DESK", "BRIEFS_AUTHOR", "BRIEFS_MAX_FILE_MB", "BRIEFS_MAX_URL_MB", "BRIEFS_MAX_UNPACKED_MB",
             "BRIEFS_URL_TIMEOUT", "BRIEFS_MAX_REDIRECTS", "BRIEFS_PDF_TIMEOUT", "BRIEFS_REFUSE_PRIVATE",
             "XDG_DATA_HOME", "SOURCE_DATE_EPOCH")
    return tuple(os.environ.get(n) for n in names)


@lru_cache(maxsize=8)
def _read(path_text: str, stamp: int | None, _env: tuple[str | None, ...]) -> Settings:
    path = Path(path_text)
    problems: list[str] = []
    data: dict[str, Any] = {}
    if stamp is not None:
        data = _parse(path, problems)
    folder = path.parent

    desk = os.environ.get("BRIEFS_DESK") or ""
    if not desk:
        value = data.get("desk")
        if isinstance(value, str) and value.strip():
            desk = value.strip() if "://" in value else str(folder / Path(value.strip()).expanduser())
        else:
            if value is not None:
                problems.append(f"{path}: desk must be a path or URL in quotes")
            desk = str(data_dir() / "desk.sqlite")
    elif "://" not in desk:
        desk = str(Path(desk).expanduser())

    entries = data.get("templates", [])
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        problems.append(f'{path}: templates must be a list of folder paths, like templates = ["~/briefs"]')
        entries = []
    # Relative to the config file's own folder: the same file means the same folders from any directory.
    template_dirs = tuple(folder / Path(e).expanduser() for e in entries)

    table = data.get("import", {})
    if not isinstance(table, dict):
        problems.append(f"{path}: [import] must be a table of limits")
        table = {}

    author = os.environ.get("BRIEFS_AUTHOR") or data.get("author") or ""
    if not isinstance(author, str):
        problems.append(f"{path}: author must be a name in quotes")
        author = ""
    author = " ".join(author.split()) or _os_user()

    tui = data.get("tui", {})
    if not isinstance(tui, dict):
        problems.append(f"{path}: [tui] must be a table")
        tui = {}
    theme = tui.get("theme") if isinstance(tui.get("theme"), str) else None
    delay = tui.get("preview_delay", 0.25)
    if not (isinstance(delay, int | float) and not isinstance(delay, bool) and 0 <= delay <= 5):
        problems.append(f"{path}: [tui] preview_delay must be a number of seconds from 0 to 5")
        delay = 0.25

    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if isinstance(raw_keys, dict):
        for binding_id, key in raw_keys.items():
            if isinstance(key, str) and key.strip():
                keys[str(binding_id)] = key.strip()
            else:
                problems.append(f'{path}: [keys] {binding_id} must be a key string like "ctrl+k"')
    else:
        problems.append(f"{path}: [keys] must be a table of binding id = key")

    clock = _clock(problems)
    return Settings(
        config_path=path, desk=desk, templates=template_dirs, limits=_limits(table), author=author,
        theme=theme, preview_delay=float(delay), keys=keys, problems=tuple(problems), clock=clock,
    )


def _clock(problems: list[str]) -> Clock:
    # SOURCE_DATE_EPOCH is the reproducible-builds convention for "use this moment, not now": an export
    # made with it is the same file on any day.
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return SYSTEM_CLOCK
    try:
        from datetime import UTC, datetime

        return FixedClock(datetime.fromtimestamp(int(raw), UTC))
    except (ValueError, OverflowError, OSError):
        problems.append(f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds; using the machine's clock")
        return SYSTEM_CLOCK


# A config file is a few lines; one of a megabyte is not a config file (and a FIFO or /dev/zero in its
# place must not hang or fill the memory of every command).
MAX_CONFIG_BYTES = MB


def _parse(path: Path, problems: list[str]) -> dict[str, Any]:
    import tomllib  # only when there is a file to read: start-up budgets are tight

    from briefs.errors import BriefsError
    from briefs.files import read_regular

    try:
        data = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES, what="config file").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        problems.append(f"{path}: not valid TOML ({' '.join(str(exc).split())}); using the default settings")
        return {}
    except BriefsError as exc:
        problems.append(f"{exc}; using the default settings")
        return {}
    return data


def _os_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""
