"""Shared fixtures: every test gets its own desk and config folder, never the user's.

`desk_target` runs a test on both backends: a SQLite file, and a fresh schema on a throwaway PostgreSQL
server that the suite starts itself when the server binaries are installed (tests/pgserver.py). Without
them the PostgreSQL half is skipped, said in one line; the summary says how many PostgreSQL tests ran.
"""

from __future__ import annotations

import itertools
import subprocess
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


# ------------------------------------------------------------------------------- the team desk
_PG: dict[str, object] = {}  # the session's server, or why there is none
_PG_TESTS: set[str] = set()  # node ids of the tests that use it
_PG_RAN: list[str] = []
_SCHEMAS = itertools.count(1)


def _pg_server():  # type: ignore[no-untyped-def]
    """The session's throwaway server, started on first use; skips the test when there can be none."""
    if "server" not in _PG and "why" not in _PG:
        from tests.pgserver import start_server

        try:
            _PG["server"] = start_server()
        except (RuntimeError, OSError, ImportError, subprocess.SubprocessError) as exc:
            _PG["why"] = " ".join(str(exc).split())[:300]
    if "why" in _PG:
        pytest.skip(f"PostgreSQL half skipped: {_PG['why']}")
    return _PG["server"]


@pytest.fixture
def pg_server():  # type: ignore[no-untyped-def]
    return _pg_server()


@pytest.fixture
def pg_url(pg_server) -> str:  # type: ignore[no-untyped-def]
    """A desk URL of its own: a new schema in the test database, named in the URL's search_path."""
    schema = f"t{next(_SCHEMAS)}"
    pg_server.sql(f"CREATE SCHEMA {schema} AUTHORIZATION briefs", dbname="briefs_test")
    return pg_server.url(schema=schema)


@pytest.fixture(scope="session")
def _stoppable():  # type: ignore[no-untyped-def]
    _pg_server()  # skips as the rest of the PostgreSQL half does, without binaries
    from tests.pgserver import start_server

    server = start_server()
    yield server
    server.destroy()


@pytest.fixture
def own_server(_stoppable):  # type: ignore[no-untyped-def]
    """A second server, running, for the tests that stop and start it (the shared one serves the rest)."""
    from tests.pgserver import wait_for

    try:
        wait_for(_stoppable, timeout=0.5)
    except Exception:
        _stoppable.start()
        wait_for(_stoppable)
    return _stoppable


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The desk a test runs on, once per backend: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "desk.sqlite")
    return request.getfixturevalue("pg_url")


def pytest_collection_finish(session: pytest.Session) -> None:
    for item in session.items:
        names = getattr(item, "fixturenames", ())
        if {"pg_server", "pg_url", "own_server"} & set(names) or "[postgresql" in item.nodeid:
            _PG_TESTS.add(item.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed and report.nodeid in _PG_TESTS:
        _PG_RAN.append(report.nodeid)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    server = _PG.get("server")
    if server is not None:
        terminalreporter.write_line(
            f"PostgreSQL: {len(_PG_RAN)} of {len(_PG_TESTS)} PostgreSQL tests passed on a throwaway "
            f"PostgreSQL {server.version} server (127.0.0.1:{server.port})"  # type: ignore[attr-defined]
        )
    elif "why" in _PG:
        terminalreporter.write_line(f"PostgreSQL: the PostgreSQL half was skipped: {_PG['why']}")


def pytest_unconfigure() -> None:
    # After the terminal summary (which names the server), not at session finish (which comes before it).
    server = _PG.pop("server", None)
    if server is not None:
        server.destroy()  # type: ignore[attr-defined]
