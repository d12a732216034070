"""The core never imports Textual: each core module, imported alone in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import briefs

REPO = Path(__file__).resolve().parents[1]


def core_modules() -> list[str]:
    names = ["briefs"]
    for info in pkgutil.walk_packages(briefs.__path__, prefix="briefs."):
        names.append(info.name)
    return names


def test_no_core_module_pulls_in_textual_or_the_tui() -> None:
    modules = [m for m in core_modules() if m != "briefs.__main__"]
    code = (
        "import importlib, sys\n"
        "bad = []\n"
        f"for name in {modules!r}:\n"
        "    before = set(sys.modules)\n"
        "    importlib.import_module(name)\n"
        "    leaked = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')]\n"
        "    if leaked: bad.append((name, leaked[:3])); [sys.modules.pop(m) for m in leaked]\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) > 10


def test_the_import_linter_contract_holds() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
    assert "Shells over one use-case layer over the stages KEPT" in result.stdout


def test_nothing_above_the_desk_names_a_storage_engine() -> None:
    # Only the desk package knows what stores it: everything else opens a desk by URL and uses the Desk API.
    above = [p for p in (REPO / "briefs").rglob("*.py") if "desk" not in p.relative_to(REPO / "briefs").parts]
    above += list((REPO / "tui").rglob("*.py"))
    engine = re.compile(r"^\s*(import|from) (sqlite3|briefs\.desk\.sqlite)\b", re.MULTILINE)
    offenders = [str(p.relative_to(REPO)) for p in above if engine.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
