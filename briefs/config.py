"""The user's config file (TOML, in the platformdirs config folder or $BRIEFS_CONFIG_DIR).

    templates = ["~/work/briefs-templates"]   # extra template folders
    [import]                                   # import limits (docs/limits.md)
    max_file_mb = 50
    [tui]                                      # the app's theme and preview delay (tui/config.py)
    theme = "textual-light"
    [keys]                                     # remap the app's keys by binding id
    "reader.accept" = "enter"
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefs.errors import InputError
from briefs.paths import config_file


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix or remove the config file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the config file ({exc.strerror})") from None


def load_config(path: Path | None = None) -> dict[str, Any]:
    """The config as a dict; {} when there is no config file."""
    target = path or config_file()
    try:
        mtime = target.stat().st_mtime
    except OSError:
        return {}
    return _load(str(target), mtime)


def template_dirs(config: dict[str, Any] | None = None) -> list[Path]:
    """Extra template folders named by the `templates` entry."""
    config = load_config() if config is None else config
    value = config.get("templates", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{config_file()}: `templates` must be a list of folder paths")
    return [Path(v).expanduser() for v in value]
