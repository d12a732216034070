"""The drafting app's speed, each figure beside its anchor, in one run.

1. Cold start: `briefs` (the installed command, byte-compiled as an install is) from exec to its first
   frame on a real pseudo-terminal, beside an empty Textual app started the same way. Target: at most
   1.5x the empty app.
2. Keypress to frame while typing in the brief editor with the live preview on (100x30, so the preview
   is visible), on a pseudo-terminal: the time from writing a key to the frame that shows it. Typing is
   bursty (8 keys 60 ms apart, then a pause long enough for the debounced preview to render), so the
   figure includes keys that arrive while a preview is being applied. Beside it, the same keys typed into
   an empty Textual app with one Input. Target: p95 <= 16 ms.
3. Search as you type on a 10,000-source desk (bench/deskgen.py), on a pseudo-terminal: from a key in
   the search box to the frame showing its results (the title names the query), beside the desk's
   search alone.
   Target: <= 30 ms per keystroke.

Usage: python bench/tui_bench.py [--runs 7] [--sources 10000]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

EMPTY_APP = """
from textual.app import App
from textual.widgets import Static

class Empty(App):
    def compose(self):
        yield Static("empty-app-ready")

Empty().run()
"""


# ------------------------------------------------------------------------------------------ pty runs
class PtyApp:
    """A program on a pseudo-terminal of a given size; output is read as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> None:
        fd, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.t0 = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=child, stdout=child, stderr=child, env=env,
                                        start_new_session=True)
        os.close(child)
        self.fd = fd
        self.buffer = b""

    def read_until(self, marker: bytes, timeout: float = 20.0) -> float:
        """Seconds from start until `marker` appears in the output."""
        end = time.perf_counter() + timeout
        while marker not in self.buffer:
            self._read(end)
        return time.perf_counter() - self.t0

    def _read(self, end: float) -> bytes:
        remaining = end - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError(f"no expected output; last bytes: {self.buffer[-400:]!r}")
        ready, _, _ = select.select([self.fd], [], [], remaining)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        self.buffer += chunk
        return chunk

    def key_to_frame(self, key: bytes, expect: bytes, timeout: float = 5.0) -> float:
        """Seconds from writing `key` until output containing `expect` arrives."""
        self.buffer = b""
        start = time.perf_counter()
        os.write(self.fd, key)
        end = start + timeout
        while expect not in self.buffer:
            self._read(end)
        return time.perf_counter() - start

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if select.select([self.fd], [], [], max(0.0, end - time.perf_counter()))[0]:
                # The fd is readable now: give the read its own short deadline (the drain's may have passed
                # since select returned, which made _read report a timeout).
                self._read(time.perf_counter() + 0.1)

    def close(self) -> None:
        # Only the process this bench started.
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.fd)


def briefs_command() -> str:
    found = shutil.which("briefs") or str(Path(sys.executable).parent / "briefs")
    return found


def compile_installed() -> None:
    """Byte-compile the briefs and tui packages, as `pip install .` (the README's install) does.

    An editable install (the development set-up) compiles them on first import instead, and never where
    PYTHONDONTWRITEBYTECODE is set, so every start there pays ~15 ms for compiling our modules that no
    installed copy pays.
    """
    import compileall
    import importlib.util

    for name in ("briefs", "tui"):
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)


def cold_start(runs: int, home: Path) -> tuple[list[float], list[float]]:
    from briefs.actions.desk_setup import open_for_work

    compile_installed()

    desk = home / "desk.sqlite"
    open_for_work(desk).close()
    env = {**os.environ, "TERM": "xterm-256color", "BRIEFS_DESK": str(desk), "BRIEFS_CONFIG_DIR": str(home / "cfg")}
    empty_script = home / "empty_app.py"
    empty_script.write_text(EMPTY_APP)
    empty, briefs = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        app = PtyApp([sys.executable, str(empty_script)], env)
        try:
            empty.append(app.read_until(b"empty-app-ready"))
        finally:
            app.close()
        app = PtyApp([briefs_command()], env)
        try:
            # The sources table's header: the library's first frame has the table in it.
            briefs.append(app.read_until(b"Picked"))
        finally:
            app.close()
    return empty, briefs


def typing_latency(home: Path, keys: int) -> list[float]:
    from briefs.actions import arrange, briefs, snippets
    from briefs.actions.desk_setup import open_for_work
    from briefs.extract import analyse
    from briefs.templates import TemplateSet

    desk_path = home / "typing.sqlite"
    with open_for_work(desk_path) as desk:
        spec = TemplateSet().get("issue-brief")
        source = desk.list_sources()[0]
        full = desk.get_source(source.id)
        brief, _ = briefs.new_brief(desk, spec, title="Typing")
        for quote in analyse(full.text).quotes[:4]:
            snippet, _ = snippets.pick(desk, snippets.quote_snippet(source.id, quote))
            brief, _ = arrange.place_snippet(desk, brief.id, snippet.id, "quotes")
    env = {**os.environ, "TERM": "xterm-256color", "BRIEFS_DESK": str(desk_path),
           "BRIEFS_CONFIG_DIR": str(home / "cfg")}
    app = PtyApp([briefs_command()], env, size=(100, 30))
    try:
        app.read_until(b"Picked")
        app.drain(1.0)  # the desk opens after the first frame
        app.key_to_frame(b"b", b"Typing")  # the briefs pane
        app.key_to_frame(b"\r", b"revision")  # open the editor: the title field has the focus
        app.drain(1.0)
        times = type_in_bursts(app, keys)
    finally:
        app.close()
    return times


def type_in_bursts(app: PtyApp, keys: int) -> list[float]:
    """Type after "Typing" in bursts of 8 keys 60 ms apart with a pause after each; seconds per key."""
    times: list[float] = []
    typed = "Typing"
    for i in range(keys):
        char = chr(ord("a") + i % 26)
        typed += char
        # The frame that shows the key has the field's last three characters together.
        times.append(app.key_to_frame(char.encode(), typed[-3:].encode()))
        time.sleep(0.06)
        if i % 8 == 7:
            app.drain(0.5)  # a pause: the debounced preview renders now
    return times


INPUT_APP = """
from textual.app import App
from textual.widgets import Input

class OneInput(App):
    def compose(self):
        yield Input("Typing", compact=True, select_on_focus=False)

OneInput().run()
"""


def typing_anchor(home: Path, keys: int) -> list[float]:
    """The same typing into an empty Textual app holding one Input: what Textual and this machine cost.

    The first key after each pause is the slowest in both (the terminal's input thread and the event loop
    wake from idle), so this shows how much of the editor's p95 is there in any Textual app.
    """
    script = home / "input_app.py"
    script.write_text(INPUT_APP)
    app = PtyApp([sys.executable, str(script)], {**os.environ, "TERM": "xterm-256color"}, size=(100, 30))
    try:
        app.read_until(b"Typing")
        app.drain(1.0)
        return type_in_bursts(app, keys)
    finally:
        app.close()


def search_latency(sources: int, home: Path) -> tuple[list[float], list[float]]:
    from deskgen import build_desk

    from briefs.desk import open_desk
    from tui.screens.library import SEARCH_LIMIT

    path = build_desk(sources)
    queries = ["ministry water", "ransomware breach", "treaty summit", "percent million"]
    raw: list[float] = []
    with open_desk(path) as desk:
        for query in queries:
            for i in range(1, len(query) + 1):
                t0 = time.perf_counter()
                desk.search_sources(query[:i], limit=SEARCH_LIMIT)
                raw.append(time.perf_counter() - t0)

    env = {**os.environ, "TERM": "xterm-256color", "BRIEFS_DESK": str(path), "BRIEFS_CONFIG_DIR": str(home / "cfg")}
    app = PtyApp([briefs_command()], env, size=(100, 30))
    per_key: list[float] = []
    try:
        app.read_until(b"Picked")
        app.read_until(f"{sources} sources".encode())  # the desk is open
        app.key_to_frame(b"/", b"")
        app.drain(0.3)
        for query in queries:
            for i, char in enumerate(query):
                if char == " ":
                    # A space changes no result (the search is the same words): its frame only redraws the
                    # box, which has no marker to wait for, so it is typed but not timed.
                    os.write(app.fd, b" ")
                    app.drain(0.05)
                    continue
                # From the key to the frame whose title names the results for the text typed so far.
                marker = f"match \u201c{' '.join(query[: i + 1].split())}\u201d".encode()
                per_key.append(app.key_to_frame(char.encode(), marker))
                time.sleep(0.05)
            for _ in query:
                os.write(app.fd, b"\x7f")  # backspace back to an empty box
            app.read_until(f"{sources} sources ·".encode())
            app.drain(0.3)
    finally:
        app.close()
    return raw, per_key


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def ms(value: float) -> str:
    return f"{value * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each program")
    parser.add_argument("--keys", type=int, default=80, help="keys typed in the editor")
    parser.add_argument("--sources", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefs-tui-bench-") as folder:
        home = Path(folder)
        empty, briefs = cold_start(args.runs, home)
        typing = typing_latency(home, args.keys)
        typing_empty = typing_anchor(home, args.keys)
        raw, per_key = search_latency(args.sources, home)

    ratio = statistics.median(briefs) / statistics.median(empty)
    print(f"{'measure':<52} {'Briefs':>11} {'anchor':>11}  target")
    print(f"{f'cold start to first frame (median of {args.runs})':<52} {ms(statistics.median(briefs))} "
          f"{ms(statistics.median(empty))}  <= 1.5x empty Textual app: {ratio:.2f}x "
          f"{'OK' if ratio <= 1.5 else 'OVER'}")
    print(f"{f'keypress to frame, editor + preview (p95 of {len(typing)})':<52} {ms(p95(typing))} "
          f"{ms(p95(typing_empty))}  <= 16 ms p95 (anchor: one Input in an empty app) "
          f"{'OK' if p95(typing) <= 0.016 else 'OVER'}")
    print(f"{'  median per key':<52} {ms(statistics.median(typing))} {ms(statistics.median(typing_empty))}")
    print(f"{f'search as you type, {args.sources} sources (p95 per key)':<52} {ms(p95(per_key))} "
          f"{ms(p95(raw))}  <= 30 ms (anchor: desk search alone) {'OK' if p95(per_key) <= 0.030 else 'OVER'}")
    print(f"{'  median per key':<52} {ms(statistics.median(per_key))} {ms(statistics.median(raw))}")


if __name__ == "__main__":
    main()
