"""Nothing reaches a shell; output names stay in their folder; the desk (and its WAL files) are the
owner's only; URL fetch refuses other schemes and slow or swelling downloads."""

from __future__ import annotations

import ast
import contextlib
import functools
import gzip
import os
import stat
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.actions.publish import safe_filename
from briefs.errors import ImportFailed
from briefs.sources import load_source
from briefs.sources.common import Limits
from briefs.sources.url import fetch

REPO = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("briefs", "tui", "bench", "scripts")


# ------------------------------------------------------------------------------------ no shell
def shell_calls(source: str) -> list[str]:
    """Calls that hand a string to a shell: os.system/popen/spawn*, pty.spawn, subprocess.getoutput,
    any call with shell=True, and a subprocess call given one string as its command."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        if name in {"os.system", "os.popen", "system", "popen", "pty.spawn", "subprocess.getoutput",
                    "subprocess.getstatusoutput", "commands.getoutput"} or name.startswith("os.spawn") \
                or name.startswith("os.exec"):
            found.append(f"{name}() at line {node.lineno}")
        for keyword in node.keywords:
            plain_false = isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            if keyword.arg == "shell" and not plain_false:
                found.append(f"{name}(shell=...) at line {node.lineno}")
        if name.startswith("subprocess.") and node.args and isinstance(node.args[0], ast.Constant | ast.JoinedStr):
            found.append(f"{name}() with a command string at line {node.lineno}")
    return found



def test_the_shell_detector_finds_each_form() -> None:
    planted = (
        "import os, subprocess\nos.system('x')\nos.popen('x')\nsubprocess.run('ls', shell=True)\n"
        "subprocess.call(f'ls {x}')\nsubprocess.getoutput('ls')\nos.execvp('sh', [])\n"
        "subprocess.run(['ls'], shell=False)\n"
    )
    lines = {int(hit.rsplit(" ", 1)[1]) for hit in shell_calls(planted)}
    assert lines == {2, 3, 4, 5, 6, 7}


def test_nothing_in_the_code_base_passes_anything_to_a_shell() -> None:
    offenders = []
    for folder in CODE_FOLDERS:
        for path in sorted((REPO / folder).rglob("*.py")):
            offenders += [f"{path.relative_to(REPO)}: {hit}" for hit in shell_calls(path.read_text(encoding="utf-8"))]
    assert offenders == []


# ----------------------------------------------------------------------------- output names
@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=120))
def test_any_title_makes_a_file_name_that_stays_in_its_folder(title: str, tmp_path_factory) -> None:
    name = safe_filename(title, ".docx")
    assert name.endswith(".docx") and len(name) > len(".docx")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", "-", " ")) and name not in {".docx", "..docx"}
    assert len(name.encode("utf-8")) <= 255
    name.encode("utf-8")  # no lone surrogates: every file system takes it
    folder = tmp_path_factory.mktemp("names")
    (folder / name).write_bytes(b"x")
    assert [p.name for p in folder.iterdir()] == [name]


# ------------------------------------------------------------------------------------ the desk
def test_a_desk_made_by_the_cli_and_its_wal_files_are_owner_only(tmp_path: Path) -> None:
    desk = tmp_path / "new" / "desk.sqlite"
    article = tmp_path / "a.txt"
    article.write_text("Officials said the plan was late.\n")
    env = {**os.environ, "BRIEFS_DESK": str(desk)}
    # A permissive umask must not matter: SQLite gives -wal and -shm the database file's mode.
    script = "import os, sys; os.umask(0); from briefs.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", script, "import", str(article)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # Keep a connection open so the -wal and -shm files exist while we look at them.
    import sqlite3

    db = sqlite3.connect(desk)
    db.execute("SELECT count(*) FROM sources").fetchone()
    files = [p for p in desk.parent.iterdir() if p.name.startswith("desk.sqlite")]
    assert {p.name for p in files} >= {"desk.sqlite"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    db.close()


# ----------------------------------------------------------------------------------- URL fetch
LIMITS = Limits(max_url_bytes=1024 * 1024, url_timeout=0.5, max_redirects=3)
ARTICLE = ("<html><body><article><h1>Plan</h1>" + "<p>Officials said the plan was late and costly.</p>" * 20
           + "</article></body></html>").encode()


@functools.lru_cache(maxsize=1)
def _gzip_bomb() -> bytes:
    # Compressed once: compressing 64 MB per request took longer than the 0.5 s timeout on a busy machine.
    return gzip.compress(b" " * (64 * 2**20), compresslevel=9)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        if path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", path[len("/to/"):])
            self.end_headers()
        elif path == "/trickle":
            # A byte every 0.1 s never trips the 0.5 s read timeout; only the overall deadline stops it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(600):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
        elif path == "/gzip-bomb":
            body = _gzip_bomb()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            for start in range(0, len(ARTICLE), 100):
                piece = ARTICLE[start:start + 100]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def server(serve_http) -> str:
    _gzip_bomb()  # made before any request: the client's 0.5 s timeout is not the test server's to spend
    return serve_http(Handler)


@pytest.mark.parametrize("target", [
    "ftp://example.org/a.html", "FILE:///etc/passwd", "data:text/html,<p>hi</p>", "javascript:alert(1)",
    "gopher://example.org/", "jar:file:///x!/y", "file://localhost/etc/passwd", "//example.org/a",
])
def test_redirects_to_other_schemes_are_refused(server: str, target: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        fetch(f"{server}/to/{target}", limits=LIMITS)
    message = str(caught.value)
    assert "\n" not in message
    if not target.startswith("//"):
        assert "not a web page" in message


def test_a_relative_redirect_to_a_page_on_the_same_server_is_followed(server: str) -> None:
    assert fetch(f"{server}/to//article", limits=LIMITS).data == ARTICLE


@pytest.mark.parametrize("target", ["FTP://example.org/a", "file:/etc/passwd", "data:,x", "javascript:x",
                                    "ssh://host/x", "http:", "https://"])
def test_import_refuses_non_web_addresses(target: str) -> None:
    with pytest.raises(ImportFailed):
        load_source(target, limits=LIMITS)


def test_a_chunked_page_is_read_whole(server: str) -> None:
    assert fetch(f"{server}/chunked", limits=LIMITS).data == ARTICLE


def test_a_trickling_server_is_given_up_on_by_the_overall_deadline(server: str) -> None:
    with pytest.raises(ImportFailed, match="too slowly"):
        fetch(f"{server}/trickle", limits=LIMITS)


def test_a_gzip_bomb_is_capped_by_its_unpacked_size(server: str) -> None:
    with pytest.raises(ImportFailed, match="over the 1 MB download limit"):
        fetch(f"{server}/gzip-bomb", limits=LIMITS)
