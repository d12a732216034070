"""The team desk on a real PostgreSQL server: libpq's conventions for passwords and services, a password
never shown, one schema migration at a time, changes heard live, and a server that goes away."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefs.desk import DeskEvent, open_desk
from briefs.desk.schema import SCHEMA_VERSION
from briefs.errors import DeskError, DeskUnavailable
from briefs.model import Brief, NewSource, Snippet, SnippetKind, SourceKind
from tests.pgserver import PASSWORD, PASSWORD_ROLE, wait_for

TEXT = "Harbour dues rise\n\nThe port said dues would rise 4 percent."


def article(n: int = 0) -> NewSource:
    return NewSource(kind=SourceKind.TEXT, origin=f"a{n}.txt", text=f"{TEXT} Item {n}.")


def password_schema(pg_server, name: str) -> str:  # type: ignore[no-untyped-def]
    pg_server.sql(f"CREATE SCHEMA {name} AUTHORIZATION {PASSWORD_ROLE}", dbname="briefs_test")
    return name


def test_a_password_comes_from_pgpass_and_is_never_shown(pg_server, tmp_path: Path, monkeypatch, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    schema = password_schema(pg_server, "pw_pgpass")
    url = f"postgresql://{PASSWORD_ROLE}@127.0.0.1:{pg_server.port}/briefs_test?options=-csearch_path%3D{schema}"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    with pytest.raises(DeskError) as err:  # no password anywhere: the server says so, in one line
        open_desk(url)
    assert "password" in str(err.value) and "\n" not in str(err.value)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_server.port}:briefs_test:{PASSWORD_ROLE}:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with open_desk(url) as desk:
        desk.add_source(article())
        assert desk.count_sources() == 1
        assert PASSWORD not in desk.location
    # A password in the URL itself works too, and is never repeated: not in the desk's name, not in an
    # error, not in a log record.
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    with_password = url.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:{PASSWORD}@")
    with open_desk(with_password) as desk:
        assert PASSWORD not in desk.location and "***" in desk.location
    with pytest.raises(DeskError) as err:
        open_desk(with_password.replace(PASSWORD, "wrong-" + PASSWORD))
    assert PASSWORD not in str(err.value)
    assert not [r for r in caplog.records if PASSWORD in r.getMessage()]


def test_a_service_file_names_the_server(pg_server, tmp_path: Path, monkeypatch) -> None:
    schema = password_schema(pg_server, "pw_service")
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[office]\nhost=127.0.0.1\nport={pg_server.port}\ndbname=briefs_test\n"
                        f"user={PASSWORD_ROLE}\npassword={PASSWORD}\noptions=-csearch_path={schema}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with open_desk("postgresql:///?service=office") as desk:
        desk.add_source(article())
        assert desk.count_sources() == 1
        assert PASSWORD not in desk.location


def test_two_clients_opening_a_new_desk_at_once_migrate_it_once(pg_url: str) -> None:
    opened: list[object] = []
    failures: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(open_desk(pg_url))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    import psycopg

    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM briefs_schema").fetchall() == [(SCHEMA_VERSION,)]
    for desk in opened:
        desk.close()  # type: ignore[attr-defined]


def test_the_revision_check_holds_across_machines(pg_url: str) -> None:
    # Two clients (two machines' worth of connections) read revision 1 and save: one wins, one is told.
    with open_desk(pg_url, author="Sam") as sam, open_desk(pg_url, author="Alex") as alex:
        brief = sam.create_brief(Brief(template="issue-brief", title="Ports"))
        mine, theirs = sam.get_brief(brief.id), alex.get_brief(brief.id)
        sam.save_brief(mine.replace(fields={"bluf": "Sam's"}))
        from briefs.errors import ConflictError

        with pytest.raises(ConflictError):
            alex.save_brief(theirs.replace(fields={"bluf": "Alex's"}))
        assert alex.get_brief(brief.id).fields == {"bluf": "Sam's"}


def test_changes_by_another_client_are_heard_within_a_second_and_ones_own_are_not(pg_url: str) -> None:
    heard: list[DeskEvent] = []
    got = threading.Event()

    def on_events(events: list[DeskEvent]) -> None:
        heard.extend(events)
        got.set()

    with open_desk(pg_url) as mine, open_desk(pg_url) as colleague:
        stop = mine.watch(on_events)
        assert stop is not None
        watcher = mine._watchers[0]  # type: ignore[attr-defined]
        assert watcher.ready.wait(5)
        mine.add_source(article(1))  # our own: whoever made it already shows it
        started = time.monotonic()
        source = colleague.add_source(article(2)).source
        assert got.wait(1.0), "nothing heard within a second"
        elapsed = time.monotonic() - started
        start = colleague.get_source(source.id).text.index("port")
        snippet = colleague.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.FACT, start=start,
                                                end=start + 4, text="port"))
        colleague.create_brief(Brief(template="issue-brief", title="Ports"))
        deadline = time.monotonic() + 2
        while len(heard) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        stop()
    assert elapsed < 1.0
    assert [(e.kind, e.op) for e in heard] == [("source", "insert"), ("snippet", "insert"), ("brief", "insert")]
    assert heard[0].id == source.id and heard[1].id == snippet.id and heard[1].source_id == source.id


def test_desks_in_two_schemas_of_one_database_do_not_hear_each_other(pg_server) -> None:  # type: ignore[no-untyped-def]
    for name in ("office_a", "office_b"):
        pg_server.sql(f"CREATE SCHEMA {name} AUTHORIZATION briefs", dbname="briefs_test")
    heard: list[DeskEvent] = []
    with open_desk(pg_server.url(schema="office_a")) as a, open_desk(pg_server.url(schema="office_b")) as b:
        stop = a.watch(heard.extend)
        assert a._watchers[0].ready.wait(5)  # type: ignore[attr-defined]
        b.add_source(article())
        time.sleep(0.5)
        stop()  # type: ignore[misc]
        assert heard == [] and a.count_sources() == 0


# ------------------------------------------------------------------------------ the server goes away
def test_the_cli_fails_with_one_line_naming_the_server_when_it_is_not_answering(own_server) -> None:
    url = own_server.url()
    own_server.stop("immediate")
    env = {**os.environ, "BRIEFS_DESK": url}
    result = subprocess.run([sys.executable, "-m", "briefs", "sources"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"127.0.0.1:{own_server.port}/briefs_test" in lines[0] and "not answering" in lines[0]


def test_a_desk_outlives_a_server_restart_and_the_watch_says_lost_then_back(own_server) -> None:
    heard: list[DeskEvent] = []
    with open_desk(own_server.url()) as desk:
        desk.add_source(article(1))
        stop = desk.watch(heard.extend)
        assert desk._watchers[0].ready.wait(5)  # type: ignore[attr-defined]
        own_server.stop("fast")  # (an immediate stop would lose commits: this server runs without fsync)
        with pytest.raises(DeskUnavailable) as err:
            desk.add_source(article(2))
        assert f"127.0.0.1:{own_server.port}" in str(err.value) and "\n" not in str(err.value)
        own_server.start()
        wait_for(own_server)
        assert desk.add_source(article(3)).created  # the dropped connections were replaced
        assert desk.count_sources() == 2
        deadline = time.monotonic() + 15
        while ("desk", "back") not in [(e.kind, e.op) for e in heard] and time.monotonic() < deadline:
            time.sleep(0.05)
        stop()  # type: ignore[misc]
    kinds = [(e.kind, e.op) for e in heard]
    assert kinds.index(("desk", "lost")) < kinds.index(("desk", "back"))
