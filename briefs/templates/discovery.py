"""Where templates are found: shipped ones, the config file's folders, then `--templates` folders.

Shipped templates travel in the wheel as `briefs/_templates`; an editable install reads the repository's
`templates/` folder instead. User folders come last, so an organisation's template of the same name
replaces the shipped one. A folder that cannot be read is reported in `problems`, never fatal: one bad
folder must not stop briefs on other templates.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefs.errors import TemplateError
from briefs.templates.spec import SPEC_FILE, TemplateSpec, load_spec


def shipped_dirs() -> list[Path]:
    """The shipped templates: inside the installed package first, else the repository's `templates/`."""
    package = Path(__file__).resolve().parents[1] / "_templates"
    if package.is_dir():
        return [package]
    repo = Path(__file__).resolve().parents[2] / "templates"
    return [repo] if repo.is_dir() else []


class TemplateSet:
    """Every template visible from the shipped folders and `dirs`, by name (later folders win)."""

    def __init__(self, dirs: Sequence[str | os.PathLike[str]] = (), *, shipped: bool = True) -> None:
        self.dirs: list[Path] = [*(shipped_dirs() if shipped else []), *(Path(d).expanduser() for d in dirs)]
        self._specs: dict[str, TemplateSpec] | None = None
        self._found: dict[str, TemplateSpec] = {}
        self._broken: dict[str, TemplateError] = {}
        self.problems: list[str] = []

    @classmethod
    def from_settings(cls, settings: object) -> TemplateSet:
        """The templates a user's settings name (config folders, then `--templates`)."""
        return cls(getattr(settings, "templates", ()))

    def _scan(self) -> dict[str, TemplateSpec]:
        if self._specs is not None:
            return self._specs
        specs: dict[str, TemplateSpec] = {}
        for base in self.dirs:
            if not base.is_dir():
                self.problems.append(f"template folder {base} does not exist")
                continue
            try:
                folders = list(_template_folders(base))
            except OSError as exc:
                self.problems.append(f"cannot read the template folder {base} ({exc.strerror})")
                continue
            for folder in folders:
                try:
                    spec = load_spec(folder)
                except TemplateError as exc:
                    self.problems.append(str(exc))
                    continue
                specs[spec.name] = spec  # later folders (the user's) replace earlier ones
        self._specs = specs
        return specs

    def names(self) -> list[str]:
        return sorted(self._scan())

    def all(self) -> list[TemplateSpec]:
        return [self._scan()[n] for n in self.names()]

    def find(self, name: str) -> TemplateSpec | None:
        """The template called `name`, or None."""
        if self._specs is None:
            if name not in self._found:
                quick = self._by_folder_name(name)
                if quick is None:
                    return self._scan().get(name)
                self._found[name] = quick
            return self._found[name]
        return self._specs.get(name)

    def _by_folder_name(self, name: str) -> TemplateSpec | None:
        # A command needs one template, and its folder is nearly always named after it: read that one
        # rather than every template. Later folders win, so this holds only when no later folder could
        # hold a template of that name under another folder name: the first folder (from the last) that
        # holds templates at all must hold this one, by name.
        for base in reversed(self.dirs):
            if not base.is_dir():
                continue
            candidate = base / name
            if (candidate / SPEC_FILE).is_file() and not (base / SPEC_FILE).is_file():
                try:
                    spec = load_spec(candidate)
                except TemplateError as exc:
                    self._broken[name] = exc  # what to say if no other folder has it
                    return None
                return spec if spec.name == name else None
            try:
                if any(True for _ in _template_folders(base)):
                    return None
            except OSError:
                return None
        return None

    def get(self, name: str) -> TemplateSpec:
        found = self.find(name)
        if found is not None:
            return found
        specs = self._scan()
        if name in specs:
            return specs[name]
        if name in self._broken:
            # The folder named after it is there but broken: say why, not that it does not exist.
            raise self._broken[name]
        known = ", ".join(self.names()) or "none found"
        raise TemplateError(f"no template called {name!r}; available: {known}")


def _template_folders(base: Path) -> Iterable[Path]:
    # A folder given directly may itself be a template; otherwise each subfolder with a template.toml is.
    if (base / SPEC_FILE).is_file():
        yield base
        return
    for child in sorted(base.iterdir()):
        if child.is_dir() and (child / SPEC_FILE).is_file():
            yield child
