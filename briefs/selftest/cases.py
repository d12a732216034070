"""Hostile cases beyond a file to import: templates, brief files, reference documents, IDs, limits, web
addresses and a full disk, each run through the real command line (in this process) and judged.

Each runs as a separate `briefs` process, as a user would run it. A case passes when the command exits as
expected (2 for bad input, 1 for a fault outside the user's
control, 0 where the input is odd but fine), printed at most one error line, naming the input, with no
traceback and no raw control character; anything other than a BriefsError escaping is a crash. The
bombs among them (templates that ask for gigabytes or loop for ever, a PDF with a 5 GB page) run where
Briefs bounds them, so their time shows on the selftest's slowest-input line.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from briefs.selftest.checks import Outcome

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Case:
    name: str
    argv: list[str]
    exit: int = 2
    says: str = ""  # a fragment the error line must hold (case-insensitive)
    forbidden: str = ""  # must appear nowhere in the output
    check: Callable[[str, str], str | None] | None = None  # (stdout, stderr) -> a broken rule, or None
    env: dict[str, str] = field(default_factory=dict)
    file_size: int = 0  # a file-size limit for the command (RLIMIT_FSIZE): a disk that fills up


# ------------------------------------------------------------------------------------- templates
TEMPLATE_BOMBS = {
    "center": "{{ 'x'|center(10**9) }}",
    "ljust": "{{ title.ljust(999999999) }}",
    "zfill": "{{ '1'.zfill(999999999) }}",
    "indent": "{{ ('x\n' * 50000)|indent(1000000) }}",
    "percent": "{{ '%999999999s' % 'x' }}",
    "format": "{{ '{:>999999999}'.format('x') }}",
    "doubled": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
               "{{ ns.s|length }}",
    "loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "lipsum": "{{ lipsum(n=10**7) }}",
    "replace": "{{ ('x' * 100000).replace('', 'y' * 100000) }}",
    "recursion": "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
    "join": "{{ (range(100000)|list * 1)|join('x' * 99999) }}",
    "wordwrap": "{{ ('x ' * 99999)|wordwrap(1)|replace(' ', 'y' * 99999) }}",
    "clear": "{% set _ = items.clear() %}{% set _ = quotes.clear() %}{% set _ = warnings.clear() %}x",
    "pop": "{% set _ = fields.pop('audience', 1) %}{{ sections.__setitem__ }}",
}


def _template(base: Path, name: str, body: str, extra: Callable[[Path], None] | None = None) -> None:
    folder = base / name
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(f'name = "{name}"\ntitle = "Case"\n[[sections]]\nname = "all"\n'
                                          'title = "All"\n', encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    if extra is not None:
        extra(folder)


def _template_cases(root: Path, desk: str) -> list[Case]:
    base = root / "templates"
    out = root / "out"
    out.mkdir()
    cases = []

    def draft(name: str, *, exit: int = 2, says: str = "", forbidden: str = "") -> Case:
        # `templates check` renders the template on the sample article, as an export would.
        return Case(f"template {name}", ["--desk", desk, "templates", "check", str(base / name)], exit=exit,
                    says=says, forbidden=forbidden)

    secret = root / "secret.txt"
    secret.write_text("TOP-SECRET-TEMPLATE-READ\n", encoding="utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.j2").write_text("TOP-SECRET-TEMPLATE-READ\n", encoding="utf-8")
    for name, body, extra in (
        ("include-link", "{% include 'link' %}", lambda f: os.symlink(secret, f / "link")),
        ("import-link", "{% import 'link' as x %}", lambda f: os.symlink(secret, f / "link")),
        ("extends-link", "{% extends 'link' %}", lambda f: os.symlink(secret, f / "link")),
        ("from-link", "{% from 'link' import x %}", lambda f: os.symlink(secret, f / "link")),
        ("linked-folder", "{% include 'sub/secret.j2' %}", lambda f: os.symlink(outside, f / "sub")),
        ("absolute", "{% include '" + str(secret) + "' %}", None),
        ("dotdot", "{% include '../../secret.txt' %}", None),
        ("dev-zero", "{% include 'zero' %}", lambda f: os.symlink("/dev/zero", f / "zero")),
        ("fifo", "{% include 'pipe' %}", lambda f: os.mkfifo(f / "pipe")),
    ):
        _template(base, name, body, extra)
        cases.append(draft(name, forbidden="TOP-SECRET-TEMPLATE-READ"))
    _template(base, "body-link", "x", lambda f: ((f / "body.md.j2").unlink(), os.symlink(secret, f / "body.md.j2")))
    cases.append(draft("body-link", says="outside", forbidden="TOP-SECRET-TEMPLATE-READ"))
    for name, body in TEMPLATE_BOMBS.items():
        _template(base, name, body)
        cases.append(draft(name, says="body.md.j2"))
    # A template that prints no citation and no flag still exports a failed quote with the mark.
    _template(base, "hides-flag", "{{ title }}\n")
    brief = root / "altered.yaml"
    hidden = out / "hides-flag.md"
    cases.append(Case("template that hides the UNVERIFIED mark",
                      ["--desk", desk, "export", str(brief), "--allow-unverified", "--templates", str(base), "-f",
                       "md", "-o", str(hidden)], exit=0,
                      check=lambda _out, _err: None if "UNVERIFIED QUOTE" in hidden.read_text(encoding="utf-8")
                      else "the export has no UNVERIFIED mark"))
    # Broken folders beside good templates: commands on the good ones still work.
    bad = root / "bad-templates"
    (bad / "deep").mkdir(parents=True)
    (bad / "deep" / "template.toml").write_text('name = "deep"\ntitle = "D"\nfields = ' + "[" * 5000 + "]" * 5000,
                                                encoding="utf-8")
    (bad / "deep" / "body.md.j2").write_text("x", encoding="utf-8")
    (bad / "many").mkdir()
    many = ['name = "many"', 'title = "M"'] + [f'[[fields]]\nname = "f{i}"\nlabel = "F"' for i in range(50000)]
    (bad / "many" / "template.toml").write_text("\n".join(many), encoding="utf-8")
    (bad / "many" / "body.md.j2").write_text("{% for f in fields %}{{ f }}{% endfor %}", encoding="utf-8")
    (bad / "toml-fifo").mkdir()
    os.mkfifo(bad / "toml-fifo" / "template.toml")
    cases.append(Case("bad template folders beside a shipped template", ["--desk", desk, "new", "issue-brief",
                      "--title", "Fine", "--templates", str(bad)], exit=0))
    cases.append(Case("bad template folders listed", ["--desk", desk, "templates", "--templates", str(bad)], exit=0))
    cases.append(Case("a template of 50,000 fields", ["--desk", desk, "new", "many", "--title", "Many",
                                                       "--templates", str(bad)], says="at most"))
    return cases


# ----------------------------------------------------------------------------------- brief files
def _brief_file_cases(root: Path, desk: str, sample_quote: str) -> list[Case]:
    folder = root / "briefs"
    folder.mkdir()
    good_item = f'  - source: s1\n    kind: quote\n    speaker: Daniel Reyes\n    text: "{sample_quote}"\n'
    (root / "altered.yaml").write_text(
        "template: hides-flag\ntitle: Altered\nsections:\n  all:\n" + good_item.replace(sample_quote[:20], "Altered")
        .replace('    text:', '    start: 0\n    end: 5\n    text:'), encoding="utf-8")
    files = {
        "marking-number": ("template: issue-brief\ntitle: T\nmarking: 123\n", 0),
        "speaker-list": (f"template: issue-brief\ntitle: T\nsections:\n  takeaways:\n{good_item}"
                         .replace("speaker: Daniel Reyes", "speaker: [1, 2]"), 2),
        "section-number": ("template: issue-brief\ntitle: T\nsections: {takeaways: 5}\n", 2),
        "superscript-id": ("template: issue-brief\ntitle: T\nsections:\n  takeaways:\n    - {source: \"s¹\", "
                           "text: x}\n", 2),
        "huge-id": ("template: issue-brief\ntitle: T\nsections:\n  takeaways:\n    - {source: "
                    "s99999999999999999999999, text: x}\n", 2),
        "missing-source": ("template: issue-brief\ntitle: T\nsections:\n  takeaways:\n    - {source: s999999, "
                           "text: x}\n", 2),
        "bool-offsets": (f"template: issue-brief\ntitle: T\nsections:\n  takeaways:\n{good_item}"
                         "    start: true\n    end: false\n", 2),
        "deep": ("template: issue-brief\ntitle: T\nfields: " + "[" * 50000 + "]" * 50000 + "\n", 2),
        "laughs": ("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                   + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                             for p, c in zip("abcdefgh", "bcdefghi", strict=True))
                   + "template: issue-brief\ntitle: *i\n", 2),
        "misspelt": ("template: issue-brief\ntitle: T\nsectoins:\n  takeaways: []\n", 2),
        "template-path": ("template: /etc\ntitle: T\n", 2),
        "template-dotdot": ("template: ../../templates/issue-brief\ntitle: T\n", 2),
        "fields-nested": ("template: issue-brief\ntitle: T\nfields: {audience: {a: [1, 2]}}\n", 2),
        "not-a-mapping": ("- just\n- a list\n", 2),
        "binary": ("\x00\x01\x02 template: x", 2),
    }
    cases = []
    for name, (text, code) in files.items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        cases.append(Case(f"brief file {name}", ["--desk", desk, "export", str(path), "-f", "md", "-o",
                                                  str(root / "out" / f"{name}.md")], exit=code,
                          says=f"{name}.yaml" if code else ""))
    big = folder / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 2**20)
    os.symlink("/dev/zero", folder / "zero.yaml")
    os.mkfifo(folder / "fifo.yaml")
    for name, says in (("big", "over the"), ("zero", "device"), ("fifo", "FIFO")):
        cases.append(Case(f"brief file {name}", ["--desk", desk, "export", str(folder / f"{name}.yaml"), "-f", "md",
                                                  "-o", str(root / "out" / "x.md")], says=says))
    return cases


# ------------------------------------------------------------------------- references, IDs, limits
def _other_cases(root: Path, desk: str) -> list[Case]:
    from briefs.selftest.corpus import encrypted_zip, make_docx, zip_bomb

    folder = root / "refs"
    folder.mkdir()
    os.symlink("/dev/zero", folder / "zero.docx")
    os.mkfifo(folder / "fifo.docx")
    (folder / "encrypted.docx").write_bytes(encrypted_zip(make_docx(["Reference"])))
    (folder / "bomb.docx").write_bytes(zip_bomb(make_docx(["Reference"]), 300 * 2**20))
    (folder / "text.docx").write_text("not a zip", encoding="utf-8")
    cases = []
    for name, says in (("zero", "device"), ("fifo", "FIFO"), ("encrypted", "encrypted"), ("bomb", "zip bomb"),
                       ("text", "not a Word")):
        cases.append(Case(f"--reference {name}", ["--desk", desk, "draft", "s1", "-t", "issue-brief", "--reference",
                                                  str(folder / f"{name}.docx"), "-o", str(root / "out" / "r.docx")],
                          says=says))
    cases += [
        Case("huge source ID", ["--desk", desk, "show", "s99999999999999999999999"], says="not an ID"),
        Case("huge brief ID", ["--desk", desk, "export", "b99999999999999999"], exit=2),
        Case("huge --limit", ["--desk", desk, "sources", "--limit", "99999999999999999999999"], exit=0),
        Case("negative --limit", ["--desk", desk, "sources", "--limit", "-5"], exit=2),
        Case("url_timeout 1e300", ["--desk", desk, "import", "http://169.254.169.254/latest/meta-data/"],
             env={"BRIEFS_URL_TIMEOUT": "1e300", "BRIEFS_MAX_URL_MB": "1e300", "BRIEFS_MAX_REDIRECTS": "1e300"},
             says="metadata"),
        Case("metadata address", ["--desk", desk, "import", "http://169.254.169.254/latest/meta-data/"],
             says="metadata"),
        Case("metadata address as a number", ["--desk", desk, "import", "http://2852039166/"], says="metadata"),
        Case("IPv6 metadata address", ["--desk", desk, "import", "http://[fd00:ec2::254]/"], says="metadata"),
        Case("credentials in a refused URL", ["--desk", desk, "import", "ftp://sam:hunter2@files.example/a"],
             forbidden="hunter2"),
        Case("escape sequences in --title", ["--desk", desk, "new", "issue-brief", "--title", "A\x1b[2J\x1b]0;x\x07B"],
             exit=0),
        Case("79 CJK characters as a title", ["--desk", desk, "draft", "s1", "-t", "issue-brief", "--title",
                                              "日本語の記事" * 13 + "日", "-o", str(root / "out") + "/"], exit=0),
        Case("64 emoji as a title", ["--desk", desk, "draft", "s1", "-t", "issue-brief", "--title", "👩🏽‍💻" * 64,
                                     "-o", str(root / "out") + "/"], exit=0),
        Case("a bidi override in a title", ["--desk", desk, "draft", "s1", "-t", "issue-brief", "--title",
                                            "brief\u202excod.exe", "-o", str(root / "out") + "/"], exit=0,
             check=lambda out, _err: None if "\u202e" not in out and "xcod.exe.docx" in out
             else "the file name keeps the bidi override"),
    ]
    return cases


# ------------------------------------------------------------------------------ a redirect server
class _Redirects(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", self.path[len("/to/"):] if self.path.startswith("/to/") else "/")
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextlib.contextmanager
def _redirect_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirects)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def hostile_cases(root: Path) -> list[Case]:
    """Every case, its files made in `root`."""
    from briefs.actions.desk_setup import open_for_work

    desk = str(root / "cases-desk.sqlite")
    with open_for_work(desk) as opened:
        sample = opened.get_source(1).text
    quote = "That advice was wrong, and the bill for it is coming due."
    if quote not in sample:
        quote = sample.split("\n")[0][:60]
    big = root / "big-import.txt"
    big.write_text("A big report\n\n" + "Officials said the plan was late. " * 30000, encoding="utf-8")
    cases = [*_template_cases(root, desk), *_brief_file_cases(root, desk, quote), *_other_cases(root, desk)]
    # A file-size limit a little past the desk's size stands in for a disk that fills up mid-import.
    room = max((Path(desk + suffix).stat().st_size for suffix in ("", "-wal") if Path(desk + suffix).exists()),
               default=0) + 64 * 1024
    cases.append(Case("a full disk during import", ["--desk", desk, "import", str(big)], exit=2,
                      says="the disk holding the desk", file_size=room))
    return cases


# Each case runs as `briefs` does for a user, in its own process: what it prints, its exit status, how
# long it takes and how much memory it (and its helpers) used are all its own.
_RUN = r"""
import sys
seconds, file_size, argv = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
if file_size:
    import resource, signal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
import briefs.templates.sandbox as sandbox
sandbox.RENDER_SECONDS = seconds
from briefs.cli import main
sys.exit(main(argv))
"""
HANG_SECONDS = 300.0
MEMORY_LIMIT_MB = 2048


def run_case(case: Case, *, redirect_base: str = "", render_seconds: float = 30.0) -> Outcome:
    argv = [a.replace("{redirect}", redirect_base) for a in case.argv]
    outcome = Outcome(case.name)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _RUN, str(render_seconds), str(case.file_size), *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **case.env})
    try:
        raw_out, raw_err = proc.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        outcome.crash = f"hung: still running after {HANG_SECONDS:g} s"
        return outcome
    finally:
        outcome.seconds = time.perf_counter() - started
    code = proc.returncode
    stdout, stderr = raw_out.decode("utf-8", "replace"), raw_err.decode("utf-8", "replace")
    if "Traceback (most recent call last)" in stderr or code < 0:
        outcome.crash = (stderr.strip().splitlines() or [f"killed by signal {-code}"])[-1][:300]
        return outcome
    errors = [line for line in stderr.splitlines() if line.startswith("briefs: ") and "warning:" not in line]
    if code != case.exit:
        outcome.problems.append(f"exit status {code}, expected {case.exit}: {stderr.strip()[-300:]}")
    if case.exit and len(errors) != 1 and "usage:" not in stderr:
        outcome.problems.append(f"{len(errors)} error lines, expected one: {stderr.strip()[-300:]}")
    if _CONTROLS.search(stdout) or _CONTROLS.search(stderr):
        outcome.problems.append("a raw control character reached the terminal")
    if case.says and errors and case.says.lower() not in errors[0].lower():
        outcome.problems.append(f"the error should say {case.says!r}: {errors[0]}")
    if case.forbidden and case.forbidden in stdout + stderr:
        outcome.problems.append(f"the output shows {case.forbidden!r}")
    if case.check is not None:
        broken = case.check(stdout, stderr)
        if broken:
            outcome.problems.append(broken)
    return outcome


def largest_child_mb() -> float:
    """The most memory any process this one started (and waited for) held, in MB: every case, and the
    render and PDF helpers they started."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def run_cases(root: Path, *, render_seconds: float | None = None) -> list[Outcome]:
    """Make every case in `root` and run it; `render_seconds` shortens the render limit (the quick run)."""
    from briefs.templates.sandbox import RENDER_SECONDS

    root.mkdir(parents=True, exist_ok=True)
    with _redirect_server() as base:
        cases = hostile_cases(root)
        cases.append(Case("redirect to a metadata address",
                          ["--desk", str(root / "cases-desk.sqlite"), "import",
                           "{redirect}/to/http://169.254.169.254/latest/meta-data/"], says="metadata"))
        # Two at a time: most of a case's time is starting Python and waiting on its helper processes.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            return list(pool.map(lambda case: run_case(case, redirect_base=base,
                                                       render_seconds=render_seconds or RENDER_SECONDS), cases))
