"""Desk speed, SQLite beside PostgreSQL: open + first page and search per keystroke at 10,000 and 100,000
sources, and import throughput with 4 concurrent clients of 250 articles each, beside their targets.

Usage: python bench/desk_bench.py [--backend sqlite|postgresql|both] [--sizes 10000,100000]
                                  [--url postgresql://...] [--compare-sqlalchemy]

Without --url the PostgreSQL figures come from a throwaway server started for the run (tests/pgserver.py,
as the tests do); with --url, from that database (one schema per desk size, kept for the next run). The
SQLite desks are generated once and cached in /tmp/briefs-bench; the PostgreSQL ones are filled from them
with `briefs desk copy`'s action. --compare-sqlalchemy runs the same search through SQLAlchemy Core too
(when installed), which is what choosing it would cost on the search-as-you-type path.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from deskgen import build_desk  # noqa: E402

from briefs.desk import open_desk  # noqa: E402

QUERIES = ["ministry", "water grid", "ransomware breach", "sen", "percent million", "treaty summit emissions"]
CLIENTS, PER_CLIENT = 4, 250

# One importing client: 250 articles of its own through the import action, each in its own transaction as
# `briefs import` does; it prints how many landed and every failure it met ("database is locked",
# deadlock, a conflict), one per line.
IMPORTER = r"""
import sys, time
from briefs.actions.sources import add_source
from briefs.desk import open_desk
from briefs.model import NewSource, SourceKind, SourceMeta
target, client, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
desk = open_desk(target)
open(sys.argv[4] + f".{client}", "w").close()
while not __import__("os").path.exists(sys.argv[4]):
    time.sleep(0.005)
ok = 0
for i in range(count):
    text = (f"Client {client} article {i}\n\n" + " ".join(f"w{(client * 7919 + i * 31 + k) % 997}"
            for k in range(400)) + ".")
    try:
        result = add_source(desk, NewSource(kind=SourceKind.TEXT, origin=f"c{client}-{i}.txt", text=text,
                                            meta=SourceMeta(title=f"Client {client} article {i}")))
        ok += result.status == "imported"
    except Exception as exc:
        print("failure", type(exc).__name__, str(exc)[:120], flush=True)
print("ok", ok, flush=True)
desk.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--sizes", default="10000,100000", help="desk sizes, comma-separated")
    parser.add_argument("--url", help="a PostgreSQL database to use instead of a throwaway server")
    parser.add_argument("--compare-sqlalchemy", action="store_true",
                        help="also time the search through SQLAlchemy Core on the same database")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results: dict[str, dict[str, str]] = {b: {} for b in backends}
    notes: list[str] = []
    with _server(args.url if "postgresql" in backends else "none") as base:
        for size in sizes:
            sqlite_path = build_desk(size)
            for backend in backends:
                target = str(sqlite_path) if backend == "sqlite" else _filled(base, size, sqlite_path)
                figures = _search(target)
                row = results[backend]
                row[f"{size:,} sources: open + first page, fresh process (median)"] = f"{figures['open']:.1f} ms"
                row[f"{size:,} sources: search per keystroke (median)"] = f"{figures['median']:.1f} ms"
                row[f"{size:,} sources: search per keystroke (p95)"] = f"{figures['p95']:.1f} ms"
                row[f"{size:,} sources: search per keystroke (max)"] = f"{figures['max']:.1f} ms"
                if backend == "postgresql" and args.compare_sqlalchemy:
                    notes.append(_sqlalchemy(target, size, figures))
        for backend in backends:
            target = str(Path("/tmp/briefs-bench") / f"import-{time.time_ns()}.sqlite") if backend == "sqlite" \
                else _schema(base, f"imports_{time.time_ns()}")
            done = _imports(target)
            row = results[backend]
            row[f"import: {CLIENTS} clients x {PER_CLIENT} articles, articles/s"] = f"{done['rate']:.0f}/s"
            row[f"import: sources on the desk (exactly {CLIENTS * PER_CLIENT})"] = str(done["count"])
            row["import: lost writes, deadlocks, 'database is locked'"] = str(done["failures"])
            if done["notes"]:
                notes.extend(f"{backend}: {n}" for n in done["notes"])
    _print(results, backends)
    for note in notes:
        print(note)


TARGETS = {"open": "< 200 ms", "median": "", "p95": "<= 30 ms", "articles": "", "exact": "all", "failures": "0"}


def _target(label: str) -> str:
    if "open" in label:
        return "< 200 ms"
    if "p95" in label:
        return "<= 30 ms"
    if "exactly" in label:
        return str(CLIENTS * PER_CLIENT)
    if "lost writes" in label:
        return "0"
    return ""


def _print(results: dict[str, dict[str, str]], backends: list[str]) -> None:
    labels = list(dict.fromkeys(label for row in results.values() for label in row))
    width = max(len(label) for label in labels) + 2
    print(f"{'measure':<{width}}" + "".join(f"{b:>14}" for b in backends) + f"{'target':>12}")
    for label in labels:
        print(f"{label:<{width}}" + "".join(f"{results[b].get(label, ''):>14}" for b in backends)
              + f"{_target(label):>12}")


# ------------------------------------------------------------------------------------------ search
def _search(target: str) -> dict[str, float]:
    # Open in a fresh process each time: what a user's `briefs` or the app's start pays (PostgreSQL: the
    # driver's import and the connection included).
    code = (
        "import time; t=time.perf_counter(); from briefs.desk import open_desk; "
        f"d=open_desk({target!r}); d.list_sources(limit=50); d.count_sources(); "
        "print((time.perf_counter()-t)*1000); d.close()"
    )
    opens = [float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)) for _ in range(7)]
    times = []
    with open_desk(target) as desk:
        desk.search_sources("warm")  # the first query of a connection plans it; the app has done so by then
        for _ in range(5):
            for query in QUERIES:
                for k in range(1, len(query) + 1):  # as typed, keystroke by keystroke
                    t = time.perf_counter()
                    desk.search_sources(query[:k], limit=20)  # what the app's library asks for
                    times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"open": statistics.median(opens), "median": statistics.median(times),
            "p95": times[int(len(times) * 0.95)], "max": times[-1]}


def _sqlalchemy(target: str, size: int, direct: dict[str, float]) -> str:
    try:
        import sqlalchemy
    except ImportError:
        return "SQLAlchemy Core: not installed (pip install sqlalchemy to compare)"
    from briefs.desk import postgres
    from briefs.desk.search import query_words

    started = time.perf_counter()
    subprocess.check_output([sys.executable, "-c", "import sqlalchemy, sqlalchemy.dialects.postgresql.psycopg"])
    import_ms = (time.perf_counter() - started) * 1000
    plain = subprocess.check_output([sys.executable, "-c", "import time; t=time.perf_counter(); import psycopg, "
                                     "psycopg_pool; print((time.perf_counter()-t)*1000)"])
    url = target.replace("postgresql://", "postgresql+psycopg://", 1)
    # Never prepared, as the desk's own search is not (postgres.py says why: a generic plan reads everything).
    engine = sqlalchemy.create_engine(url, pool_size=2, connect_args={"prepare_threshold": None})
    match = "(websearch_to_tsquery('simple', :whole) && to_tsquery('simple', :prefix))"
    sql = sqlalchemy.text(
        f"SELECT {postgres._SOURCE_COLUMNS} FROM (SELECT w.id, ts_rank('{postgres._WEIGHTS}'::real[], w.search, "
        f"{match}) AS score FROM (SELECT id, search FROM sources WHERE search @@ {match} AND removed_at IS NULL "
        "ORDER BY id DESC LIMIT :window) w ORDER BY score DESC, w.id DESC LIMIT :limit) m "
        "JOIN sources s ON s.id = m.id ORDER BY m.score DESC, s.id DESC")
    times = []
    with engine.connect() as conn:
        for _ in range(5):
            for query in QUERIES:
                for k in range(1, len(query) + 1):
                    t = time.perf_counter()
                    words = query_words(query[:k])
                    assert words is not None
                    rows = conn.execute(sql, {"whole": words[0], "prefix": words[1], "window": postgres.RANK_WINDOW,
                                              "limit": 20}).fetchall()
                    [postgres._source_from_row(tuple(r), False) for r in rows]
                    times.append((time.perf_counter() - t) * 1000)
    engine.dispose()
    times.sort()
    return (f"SQLAlchemy Core on the same {size:,}-source desk: search per keystroke median "
            f"{statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms (psycopg directly: "
            f"{direct['median']:.2f} / {direct['p95']:.2f} ms); importing it costs a {import_ms:.0f} ms process "
            f"beside {float(plain):.0f} ms for psycopg and its pool")


# ----------------------------------------------------------------------------------------- imports
def _imports(target: str) -> dict[str, object]:
    open_desk(target).close()  # created (and migrated) before the clients start, as an office's would be
    go = Path("/tmp/briefs-bench") / f"go-{time.time_ns()}"
    procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, target, str(n), str(PER_CLIENT), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for n in range(CLIENTS)]
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.{n}").exists() for n in range(CLIENTS)) and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.perf_counter()
    go.touch()
    failures, notes, landed = 0, [], 0
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        for line in out.splitlines():
            if line.startswith("failure"):
                failures += 1
                notes.append(line)
            elif line.startswith("ok"):
                landed += int(line.split()[1])
        if proc.returncode != 0:
            failures += 1
            notes.append(err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}")
    elapsed = time.perf_counter() - started
    with open_desk(target) as desk:
        count = desk.count_sources()
        problems = desk.integrity_problems()
    if landed != count:
        notes.append(f"clients reported {landed} imported, the desk holds {count}")
    notes.extend(problems)
    for n in range(CLIENTS):
        Path(f"{go}.{n}").unlink(missing_ok=True)
    go.unlink(missing_ok=True)
    return {"rate": CLIENTS * PER_CLIENT / elapsed, "count": count, "failures": failures + len(problems),
            "notes": notes[:5]}


# ------------------------------------------------------------------------------------- PostgreSQL
@contextlib.contextmanager
def _server(url: str | None) -> Iterator[str]:
    """The database the PostgreSQL desks live in: --url, or a throwaway server's."""
    if url == "none":
        yield ""
        return
    if url:
        yield url
        return
    from tests.pgserver import start_server

    server = start_server()
    try:
        yield server.url()
    finally:
        server.destroy()


def _schema(base: str, name: str) -> str:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {name}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}"


def _filled(base: str, size: int, sqlite_path: Path) -> str:
    """A PostgreSQL desk holding the same sources as the cached SQLite one (copied once, then kept)."""
    target = _schema(base, f"bench_{size}")
    with open_desk(target) as desk:
        have = desk.count_sources(include_removed=True)
    if have < size:
        from briefs.actions.desk_copy import copy_desk

        started = time.perf_counter()
        with open_desk(sqlite_path) as src, open_desk(target) as dst:
            copy_desk(src, dst)
            import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE sources")
        print(f"(filled {size:,} sources into PostgreSQL in {time.perf_counter() - started:.0f} s)")
    return target


if __name__ == "__main__":
    main()
