"""A throwaway PostgreSQL server for the tests and the bench: initdb in a temp folder, listening on
127.0.0.1 only, stopped and deleted afterwards.

PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the unprivileged
`postgres` user (which Debian's package creates) through runuser, in a folder that user owns.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"
ROLE = "briefs"  # what the tests connect as: an ordinary role that owns the test database, as in an office
PASSWORD_ROLE = "briefs_pw"  # the one role that must give a password (tests of ~/.pgpass and PGPASSFILE)
PASSWORD = "s3cret-do-not-print"


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: $BRIEFS_PG_BIN, Debian's newest, or the PATH's."""
    candidates = [os.environ.get("BRIEFS_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: _version(p), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    for folder in candidates:
        if folder and all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _version(path: str) -> int:
    part = Path(path).parent.name
    return int(part) if part.isdigit() else 0


@dataclass
class Server:
    folder: Path
    bin: Path
    port: int
    version: str
    as_user: str | None

    def url(self, dbname: str = "briefs_test", *, schema: str | None = None, user: str = ROLE) -> str:
        url = f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"
        return url + (f"?options=-csearch_path%3D{schema}" if schema else "")

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser."""
        import psycopg

        with psycopg.connect(self.url(dbname, user="postgres"), autocommit=True) as conn:
            conn.execute(statement)

    def _ctl(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return _run(self.as_user, [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), *args],
                    timeout=timeout)

    def stop(self, mode: str = "fast") -> None:
        self._ctl("stop", "-m", mode, "-w")

    def start(self) -> None:
        options = " ".join([
            "-c listen_addresses=127.0.0.1", f"-p {self.port}", f"-k {self.folder}",
            # A throwaway server: durability is not what these tests are about (a killed *client* is).
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300",
        ])
        result = self._ctl("start", "-w", "-t", "60", "-l", str(self.folder / "server.log"), "-o", options)
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {result.stdout}{result.stderr}{log}")

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def _run(as_user: str | None, command: list[str], *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    if as_user:
        command = ["runuser", "-u", as_user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd="/")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server() -> Server:
    """Start a new server (raises RuntimeError saying why it could not)."""
    binaries = find_binaries()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl, postgres)")
    as_user = None
    folder = Path(tempfile.mkdtemp(prefix="briefs-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise RuntimeError(f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL as") from None
        as_user = SERVER_USER
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        folder.chmod(0o700)
    result = _run(as_user, [str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "-A", "trust",
                            "-E", "UTF8", "--no-locale", "--no-sync"], timeout=120)
    if result.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {result.stderr.strip()[-500:]}")
    hba = folder / "data" / "pg_hba.conf"
    # Everyone is trusted on the loopback, except the one role kept for the password tests.
    hba_text = (f"local all all trust\nhost all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
                "host all all 127.0.0.1/32 trust\n")
    hba.write_text(hba_text)
    if as_user:
        owner = pwd.getpwnam(SERVER_USER)
        os.chown(hba, owner.pw_uid, owner.pw_gid)
    version = (folder / "data" / "PG_VERSION").read_text().strip()
    server = Server(folder=folder, bin=binaries, port=_free_port(), version=version, as_user=as_user)
    try:
        server.start()
        server.sql(f"CREATE ROLE {ROLE} LOGIN")
        server.sql(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        server.sql(f"CREATE DATABASE briefs_test OWNER {ROLE}")
        server.sql(f"GRANT CREATE, CONNECT ON DATABASE briefs_test TO {PASSWORD_ROLE}")
    except BaseException:
        server.destroy()
        raise
    return server


def wait_for(server: Server, timeout: float = 30) -> None:
    """Until the server accepts connections (after a restart)."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(server.url("postgres", user="postgres"), connect_timeout=2).close()
            return
        except psycopg.Error:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
