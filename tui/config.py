"""The app's settings from the config file (`briefs.paths.config_file()`, TOML).

```toml
[tui]
theme = "gruvbox"          # any Textual theme name
preview_delay = 0.25       # seconds of quiet before the brief preview re-renders

[keys]                     # binding id = "key[,key...]"; ids are listed on the help screen (F1)
"reader.accept" = "enter"
"app.undo" = "ctrl+u"
```
A broken file never stops the app: it starts with the defaults and says what was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class TuiConfig:
    theme: str | None = None
    preview_delay: float = 0.25
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_config(path: Path | None = None) -> TuiConfig:
    from briefs.paths import config_file

    path = path or config_file()
    config = TuiConfig()
    if not path.is_file():
        return config
    import tomllib  # only when there is a file to read: the app's start-up budget is tight

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.problems.append(f"{path}: {exc}; using the default settings")
        return config
    tui = data.get("tui", {})
    if isinstance(tui.get("theme"), str):
        config.theme = tui["theme"]
    delay = tui.get("preview_delay")
    if isinstance(delay, int | float) and 0 <= delay <= 5:
        config.preview_delay = float(delay)
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        for binding_id, key in keys.items():
            if isinstance(key, str) and key.strip():
                config.keys[str(binding_id)] = key.strip()
            else:
                config.problems.append(f"{path}: [keys] {binding_id} must be a key string like \"ctrl+k\"")
    return config
