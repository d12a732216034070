"""Shared fixtures: every test gets its own desk and config folder, never the user's."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefs.clock import FixedClock

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


# Every test runs "as of" this moment, whatever the machine's clock says: the desk, the CLI (through
# SOURCE_DATE_EPOCH) and the app all take their time from it.
FIXED_NOW = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(FIXED_NOW.timestamp())))
    monkeypatch.setenv("BRIEFS_DESK", str(home / "desk.sqlite"))
    monkeypatch.setenv("BRIEFS_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config-xdg"))
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def desk_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


class QuietServer(ThreadingHTTPServer):
    """A local test server that stays quiet when Briefs hangs up early (over the size cap, past the
    deadline): that is the behaviour under test, not an error worth a traceback in the test log."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def serve_http() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], str]]:
    """Serve a handler class on 127.0.0.1 (no network in tests); returns the base URL."""
    servers: list[QuietServer] = []

    def serve(handler: type[BaseHTTPRequestHandler]) -> str:
        httpd = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield serve
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
