"""End to end: the installed `briefs` in a real terminal (tmux), driven by keys as a person would.

Import a file through the file dialog, accept a suggested quote, make a selection a fact, create a brief
from a template, place and reorder the snippets, export, quit; then read the .docx. Skips when tmux (or
the installed `briefs` command) is not there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import docx
import pytest

from briefs.desk import open_desk
from briefs.text import printed_quote

TMUX = shutil.which("tmux")
BRIEFS = shutil.which("briefs") or (str(Path(sys.executable).parent / "briefs")
                                    if (Path(sys.executable).parent / "briefs").exists() else None)

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(BRIEFS is None, reason="the briefs command is not installed"),
    pytest.mark.slow,
]

ARTICLE = """Port authority approves harbour dredging plan

The port authority voted 7 to 2 on Monday to dredge the northern channel, a project that will cost about $41 million.

"We cannot let the biggest ships go elsewhere," said Hana Lindqvist, the authority's chair.
"""


class Terminal:
    def __init__(self, session: str, cwd: Path, env: dict[str, str]) -> None:
        self.session = session
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        command = f"cd {cwd} && env {exports} {BRIEFS}; echo BRIEFS-EXIT=$?; sleep 60"
        started = subprocess.run([TMUX, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command],
                                 capture_output=True, text=True)
        if started.returncode != 0:
            # Installed but unusable (no writable socket folder, a sandbox without ptys): nothing to drive.
            pytest.skip(f"tmux is installed but cannot start a server here: {started.stderr.strip()[:200]}")

    def screen(self) -> str:
        return subprocess.run([TMUX, "capture-pane", "-p", "-t", self.session], capture_output=True,
                              text=True, check=True).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.session, key], check=True)

    def type(self, text: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.session, "-l", text], check=True)

    def wait_for(self, text: str, deadline: float = 30.0, times: int = 1) -> str:
        # Waits for what the screen shows (a condition), polling; the deadline only bounds a hang.
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            screen = self.screen()
            if screen.count(text) >= times:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"never showed {text!r}; the screen was:\n{self.screen()}")

    def wait_until(self, condition, value, deadline: float = 30.0):
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            screen = self.screen()
            if condition(screen):
                return value(screen)
            time.sleep(0.1)
        raise AssertionError(f"the screen never changed as expected:\n{self.screen()}")

    def retry(self, action, text: str, attempts: int = 3, deadline: float = 8.0) -> str:
        """Do `action` until the screen shows `text`: a key typed while focus is still moving is lost,
        and a person would simply type it again."""
        for attempt in range(attempts):
            action()
            try:
                return self.wait_for(text, deadline=deadline)
            except AssertionError:
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.session], capture_output=True)


_STATUS = re.compile(r"(Quote|Fact) (\d+)/\d+(?: · ([A-Z][\w. ]+?))?\s*$", re.MULTILINE)


def _suggestion(screen: str) -> tuple[str, str, str | None] | None:
    """(kind, number, speaker) of the selected suggestion, from the reader's status line."""
    match = _STATUS.search(screen)
    return (match.group(1), match.group(2), match.group(3)) if match else None


@pytest.fixture
def terminal(tmp_path: Path):
    desk = tmp_path / "desk.sqlite"
    env = {"BRIEFS_DESK": str(desk), "BRIEFS_CONFIG_DIR": str(tmp_path / "config"), "TERM": "xterm-256color",
           "HOME": os.environ.get("HOME", str(tmp_path)), "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    term = Terminal(f"briefs-e2e-{uuid.uuid4().hex[:8]}", tmp_path, env)
    yield term, tmp_path, desk
    term.close()


def test_from_article_to_exported_brief_in_a_real_terminal(terminal) -> None:
    term, folder, desk_path = terminal
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    term.wait_for("1 source")

    # Import through the file dialog: highlight the file, Enter fills the name, Enter opens it.
    term.keys("i")
    term.wait_for("harbour.txt")
    # The dialog moves focus into its file list a moment after it draws; a key sent before that is
    # lost, and an Enter on ".." would leave the folder. A person glances at the list first: so do we.
    time.sleep(0.5)
    term.keys("Down", "Enter")
    term.wait_for("harbour.txt", times=2)  # in the list and in the file name box
    term.keys("Enter")
    term.wait_for("2 sources")

    # Find the sample by searching, open it, and jump to the first quote with a speaker.
    term.retry(lambda: (term.keys("/"), term.type("spy tool")), "1 of 2")
    term.keys("Enter")  # one Enter opens the highlighted result
    term.wait_for("suggested")
    position = None
    for _ in range(10):
        term.keys("n")
        position = term.wait_until(lambda screen, last=position: _suggestion(screen) not in (None, last),
                                   lambda screen: _suggestion(screen))
        if position[0] == "Quote" and position[2] == "Amira Okafor":
            break
    term.keys("a")
    term.wait_for("Picked (1)")
    # The next suggestion is selected now; extend the selection by a word and make it a fact.
    term.keys("S-Right", "f")
    term.wait_for("Picked (2)")
    term.keys("Escape")
    term.wait_for("2 sources")

    # A brief from the issue-brief template (third in the list), then place both snippets and reorder.
    term.keys("n")
    term.wait_for("What is the brief about?")
    term.keys("Down", "Down", "Tab")
    term.retry(lambda: term.type("Water utilities"), "Water utilities", deadline=3)
    term.keys("Enter")
    term.wait_for("revision 1")
    term.keys("F3")
    term.wait_for("Not in the brief")
    # Under load an Enter can land while the sections redraw and be lost; a person would press it
    # again, on the Sections tab (F3 is harmless when it is already showing).
    term.retry(lambda: term.keys("F3", "Enter"), "· 1 snippet ·")  # one is counted in the singular
    # An Enter on a snippet already placed only says so: pressing again never places one twice.
    term.retry(lambda: term.keys("F3", "Enter"), "2 snippets", attempts=4)
    before = term.screen()
    term.keys("S-Down")
    term.wait_for("revision 4")
    assert term.screen() != before

    term.keys("C-e")
    term.wait_for("Save as")
    term.keys("C-s")
    term.wait_for("Wrote")
    term.keys("C-q")
    term.wait_for("BRIEFS-EXIT=0")

    [exported] = folder.glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(str(exported)).paragraphs)
    with open_desk(desk_path) as desk:
        quote = next(s for s in desk.list_snippets() if s.kind == "quote")
        brief = desk.list_briefs()[0]
    assert quote.speaker == "Amira Okafor"
    assert printed_quote(quote.text) in text and "Amira Okafor" in text  # "...operation," prints with a full stop
    assert brief.revision >= 4
