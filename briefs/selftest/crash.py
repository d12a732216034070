"""Kill `briefs` processes (SIGKILL) mid-export and mid-write, and run writers side by side; then check
that nothing was torn, corrupted or lost. Used by the hardening tests (a few rounds) and by
`python -m briefs.selftest` / bench/robustness.py (many)."""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from briefs.actions.desk_setup import open_for_work
from briefs.desk import open_desk
from briefs.model import Brief


@dataclass
class Tally:
    tried: int = 0
    torn: int = 0  # an export that is neither the old file nor a complete new one
    corrupted: int = 0  # a desk failing PRAGMA integrity_check
    lost: int = 0  # a committed change missing afterwards
    replaced: int = 0  # kills after which the new export had landed (shows the kills span the write)
    leftovers: int = 0  # hidden temporary files left by killed writers
    notes: list[str] = field(default_factory=list)


def _briefs(desk: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "briefs", "--desk", str(desk), *args]


def _docx_title_ok(data: bytes, title: str) -> bool:
    """A complete, readable .docx that carries `title`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if package.testzip() is not None:
                return False
            document = package.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        return False
    return title in document


def export_kills(folder: Path, rounds: int, *, seed: int = 0) -> Tally:
    """Export a brief again and again, killing each export at a random moment of its run."""
    rng = random.Random(seed)
    tally = Tally()
    desk_file = folder / "desk.sqlite"
    out_dir = folder / "out"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / "brief.docx"
    with open_for_work(desk_file) as desk:
        brief = desk.create_brief(Brief(template="issue-brief", title="Version 0"))
    started = time.perf_counter()
    subprocess.run(_briefs(desk_file, "export", brief.ref, "--force", "--out", str(out)), check=True,
                   capture_output=True, timeout=300)
    full_run = time.perf_counter() - started
    for i in range(1, rounds + 1):
        old = out.read_bytes()
        with open_desk(desk_file) as desk:
            current = desk.get_brief(brief.id)
            current = current.replace(title=f"Version {i}")
            desk.save_brief(current)
        proc = subprocess.Popen(_briefs(desk_file, "export", brief.ref, "--force", "--out", str(out)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Anywhere in the run, weighted towards its end, where the file is written.
        time.sleep(full_run * (0.5 + 0.7 * rng.random()))
        with _suppress_lookup():
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        tally.tried += 1
        now = out.read_bytes()
        if now == old:
            continue
        if _docx_title_ok(now, f"Version {i}"):
            tally.replaced += 1
        else:
            tally.torn += 1
            tally.notes.append(f"export {i}: {out.name} is {len(now)} bytes and not a complete new .docx")
    visible = sorted(p.name for p in out_dir.iterdir() if not p.name.startswith("."))
    if visible != [out.name]:
        tally.torn += 1
        tally.notes.append(f"visible files after the kills: {visible}")
    tally.leftovers = sum(1 for p in out_dir.iterdir() if p.name.startswith("."))
    return tally


_SLOW_SOFFICE = "#!/bin/sh\n# Stands in for LibreOffice: converts nothing, slowly.\nsleep 120\n"


def pdf_kills(folder: Path, rounds: int) -> Tally:
    """Kill `briefs export -f pdf` while LibreOffice works (a stand-in that only waits): no temporary
    folder holding the brief may stay behind, and no LibreOffice may keep running."""
    tally = Tally()
    if os.name != "posix":
        return tally
    desk_file = folder / "pdf-desk.sqlite"
    bin_dir, tmp_dir = folder / "bin", folder / "tmp"
    bin_dir.mkdir(exist_ok=True)
    tmp_dir.mkdir(exist_ok=True)
    fake = bin_dir / "soffice"
    fake.write_text(_SLOW_SOFFICE)
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "TMPDIR": str(tmp_dir)}
    with open_for_work(desk_file) as desk:
        brief = desk.create_brief(Brief(template="issue-brief", title="PDF"))
    for i in range(rounds):
        proc = subprocess.Popen(_briefs(desk_file, "export", brief.ref, "-f", "pdf", "-o", str(folder / "b.pdf")),
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not list(tmp_dir.glob("briefs-pdf-*")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1 * i)  # at different moments of the conversion
        with _suppress_lookup():
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        tally.tried += 1
        deadline = time.monotonic() + 30
        while list(tmp_dir.glob("briefs-pdf-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = list(tmp_dir.glob("briefs-pdf-*"))
        if left:
            tally.torn += 1
            tally.notes.append(f"pdf export {i}: {left[0].name} left behind holding the brief")
            for path in left:
                shutil.rmtree(path, ignore_errors=True)
    return tally


class _suppress_lookup:
    """The process may have finished on its own just before the kill."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, *_: object) -> bool:
        return kind is ProcessLookupError


# The writer prints a line only after each transaction has committed: every printed change must survive.
_DESK_WRITER = r"""
import sys
from briefs.desk import open_desk
from briefs.model import NewSource, SourceKind, SourceMeta
desk = open_desk(sys.argv[1])
brief = desk.get_brief(1)
i = 0
while True:
    i += 1
    text = f"Article {sys.argv[2]}-{i}\n\n" + ("Officials said the plan would cost 3 million. " * 100)
    s = desk.add_source(NewSource(kind=SourceKind.TEXT, origin="crash", text=text, meta=SourceMeta(title=f"t{i}")))
    print(f"source {s.source.sha256}", flush=True)
    brief = desk.save_brief(brief.replace(fields={**brief.fields, "counter": str(i)}))
    print(f"brief {brief.revision} {i}", flush=True)
"""


def desk_kills(folder: Path, rounds: int, *, seed: int = 0, target: str | None = None, warmup: float = 0.3) -> Tally:
    """Kill a process writing sources and brief saves; every change it reported committed must be there.

    `target` is the desk (a file in `folder` by default; a team desk's URL works alike); `warmup` is how
    long a writer runs at least before its kill (a team desk's driver takes longer to start)."""
    rng = random.Random(seed)
    tally = Tally()
    desk_file: str | Path = target or folder / "kill-desk.sqlite"
    with open_desk(desk_file) as desk:
        desk.create_brief(Brief(template="issue-brief", title="Crash"))
    committed: set[str] = set()
    last = (1, "")
    for attempt in range(rounds):
        proc = subprocess.Popen([sys.executable, "-c", _DESK_WRITER, str(desk_file), f"{seed}.{attempt}"],
                                stdout=subprocess.PIPE, text=True)
        time.sleep(warmup + rng.random() * 0.7)
        with _suppress_lookup():
            os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        tally.tried += 1
        for line in out.splitlines():
            kind, *rest = line.split()
            if kind == "source":
                committed.add(rest[0])
            elif kind == "brief":
                last = (int(rest[0]), rest[1])
        with open_desk(desk_file) as desk:
            problems = desk.integrity_problems()
            on_desk = {s.sha256 for s in desk.list_sources(include_removed=True)}
        if problems:
            tally.corrupted += 1
            tally.notes.append(f"round {attempt}: {'; '.join(problems)[:200]}")
        missing = committed - on_desk
        if missing:
            tally.lost += len(missing)
            tally.notes.append(f"round {attempt}: {len(missing)} committed sources missing")
    with open_desk(desk_file) as desk:
        brief = desk.get_brief(1)
    if brief.revision < last[0] or (brief.revision == last[0] and brief.fields.get("counter") != last[1]):
        tally.lost += 1
        tally.notes.append(f"brief at revision {brief.revision}, but revision {last[0]} had committed")
    if not committed:
        tally.notes.append("the writer never committed anything: the kills came too early")
    return tally


# Each writer appends its own lines to one field, re-reading and re-applying its edit whenever the desk
# says someone else saved first: with the conflict check, no line may go missing.
_EDITOR = r"""
import sys, time
from briefs.desk import open_desk
from briefs.errors import ConflictError
import os
desk = open_desk(sys.argv[1])
name, count = sys.argv[2], int(sys.argv[3])
open(sys.argv[4] + "." + name, "w").close()
while not os.path.exists(sys.argv[4]):  # start together, so the saves interleave
    time.sleep(0.005)
conflicts = 0
for i in range(count):
    while True:
        brief = desk.get_brief(1)
        brief = brief.replace(fields={**brief.fields, "log": brief.fields.get("log", "") + f"{name}-{i}\n"})
        time.sleep(0.002)  # the time a person takes to type: the other writer saves meanwhile
        try:
            desk.save_brief(brief)
            break
        except ConflictError:
            conflicts += 1
print(conflicts)
"""


def two_writers(folder: Path, saves: int, *, writers: int = 2) -> Tally:
    """Writers editing one brief at once: every save lands exactly once; conflicts are seen, not lost."""
    tally = Tally()
    desk_file = folder / "shared-desk.sqlite"
    with open_desk(desk_file) as desk:
        desk.create_brief(Brief(template="issue-brief", title="Shared"))
    names = [f"w{n}" for n in range(writers)]
    go = folder / "go"
    procs = [subprocess.Popen([sys.executable, "-c", _EDITOR, str(desk_file), name, str(saves), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in names]
    deadline = time.monotonic() + 120
    while not all((folder / f"go.{name}").exists() for name in names) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    conflicts = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        if proc.returncode != 0:
            tally.notes.append(f"a writer failed: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")
            tally.lost += saves
            continue
        conflicts += int(out.strip() or 0)
    tally.tried = saves * writers
    with open_desk(desk_file) as desk:
        brief = desk.get_brief(1)
    lines = brief.fields.get("log", "").splitlines()
    expected = {f"{name}-{i}" for name in names for i in range(saves)}
    tally.lost += len(expected - set(lines))
    if len(lines) != len(set(lines)):
        tally.lost += len(lines) - len(set(lines))
        tally.notes.append("a save was applied twice")
    if brief.revision != saves * writers + 1:
        tally.notes.append(f"revision {brief.revision}, expected {saves * writers + 1}")
        tally.lost += 1
    tally.notes.append(f"{conflicts} conflicts seen and retried")
    tally.replaced = conflicts
    return tally


def concurrent_cli(folder: Path, processes: int) -> Tally:
    """Several `briefs import` and `briefs new` processes on one brand-new desk at once."""
    tally = Tally()
    desk_file = folder / "cli-desk.sqlite"
    procs = []
    for n in range(processes):
        article = folder / f"article-{n}.txt"
        article.write_text(f"Article {n}\n\nOfficials said plan {n} would cost {n} million pounds.\n")
        procs.append(subprocess.Popen(_briefs(desk_file, "import", str(article)), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
        procs.append(subprocess.Popen(_briefs(desk_file, "new", "issue-brief", "--title", f"Brief {n}"),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    refs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        tally.tried += 1
        if proc.returncode != 0:
            tally.lost += 1
            tally.notes.append(f"a process failed: {err.strip()[-200:]}")
        elif out.strip().startswith("b"):
            refs.append(out.strip())
    with open_desk(desk_file) as desk:
        if desk.integrity_problems():
            tally.corrupted += 1
        titles = {s.meta.title for s in desk.list_sources(include_removed=True)}
        briefs = {b.title for b in desk.list_briefs()}
    tally.lost += sum(1 for n in range(processes) if f"Article {n}" not in titles)
    tally.lost += sum(1 for n in range(processes) if f"Brief {n}" not in briefs)
    if len(set(refs)) != len(refs):
        tally.lost += len(refs) - len(set(refs))
        tally.notes.append("two `briefs new` printed the same ID")
    return tally


def new_desks(folder: Path, rounds: int) -> Tally:
    """Two `briefs import` runs at once on a desk that does not exist yet, `rounds` times: both land, and
    neither calls the desk damaged."""
    tally = Tally()
    for round_ in range(rounds):
        desk_file = folder / f"new-{round_}" / "desk.sqlite"
        procs = []
        for n in range(2):
            article = folder / f"new-{round_}-{n}.txt"
            article.write_text(f"New desk {round_}-{n}\n\nOfficials said plan {n} would cost {n} million.\n")
            procs.append(subprocess.Popen(_briefs(desk_file, "import", str(article)), stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True))
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            tally.tried += 1
            if proc.returncode != 0:
                tally.lost += 1
                tally.notes.append(f"a first import failed: {err.strip()[-200:]}")
        with open_desk(desk_file) as desk:
            titles = {s.meta.title for s in desk.list_sources(include_removed=True)}
            if desk.integrity_problems():
                tally.corrupted += 1
        tally.lost += sum(1 for n in range(2) if f"New desk {round_}-{n}" not in titles)
    return tally
