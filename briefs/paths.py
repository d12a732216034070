"""Where Briefs keeps its files: platformdirs locations with environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

APP = "briefs"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    env = os.environ.get("BRIEFS_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_desk_path() -> Path:
    """The desk file: `BRIEFS_DESK` when set, else `desk.sqlite` in the user data folder."""
    env = os.environ.get("BRIEFS_DESK")
    if env:
        return Path(env).expanduser()
    return data_dir() / "desk.sqlite"
