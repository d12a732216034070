"""`python -m briefs.selftest`: throw hostile inputs, damaged files, killed processes and rival writers
at this installation of Briefs and print the totals (inputs tried, crashes, corrupted desks, lost writes).

The same engine runs short in the test suite and long in bench/robustness.py.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefs.selftest import crash
from briefs.selftest.checks import Outcome, check_bytes, check_path
from briefs.selftest.corpus import mutate, nasty_inputs, seeds


@dataclass
class Totals:
    inputs: int = 0
    crashes: int = 0
    broken_rules: int = 0
    corrupted_desks: int = 0
    lost_writes: int = 0
    torn_exports: int = 0
    kills: int = 0
    docx_written: int = 0
    docx_invalid: int = 0
    slowest: tuple[float, str] = (0.0, "")
    slowest_case: tuple[float, str] = (0.0, "")
    largest_child_mb: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.broken_rules or self.corrupted_desks or self.lost_writes
                    or self.torn_exports or self.docx_invalid)

    def line(self) -> str:
        return (f"inputs tried: {self.inputs}, crashes: {self.crashes}, corrupted desks: {self.corrupted_desks}, "
                f"lost writes: {self.lost_writes}")

    def detail(self) -> str:
        return (f"broken rules: {self.broken_rules}, processes killed: {self.kills}, torn exports: "
                f"{self.torn_exports}, .docx written: {self.docx_written} (failing openxml-audit: "
                f"{self.docx_invalid}), slowest input: {self.slowest[0]:.2f} s ({self.slowest[1]}), slowest "
                f"command: {self.slowest_case[0]:.2f} s ({self.slowest_case[1]}), largest command: "
                f"{self.largest_child_mb:.0f} MB")

    def record(self, outcome: Outcome, *, case: bool = False) -> None:
        self.inputs += 1
        if outcome.crash:
            self.crashes += 1
            self.problems.append(f"CRASH {outcome.name!r}: {outcome.crash}")
        if outcome.problems:
            self.broken_rules += 1
            self.problems.append(f"RULE {outcome.name!r}: {'; '.join(outcome.problems)}")
        if case and outcome.seconds > self.slowest_case[0]:
            self.slowest_case = (outcome.seconds, outcome.name)
        elif not case and outcome.seconds > self.slowest[0]:
            self.slowest = (outcome.seconds, outcome.name)

    def add_tally(self, tally: crash.Tally, *, kills: bool) -> None:
        self.inputs += tally.tried
        self.kills += tally.tried if kills else 0
        self.corrupted_desks += tally.corrupted
        self.lost_writes += tally.lost
        self.torn_exports += tally.torn
        self.problems += [n for n in tally.notes if tally.corrupted or tally.lost or tally.torn]


def run(*, mutations: int = 200, export_kills: int = 6, desk_kills: int = 3, saves: int = 30,
        docx_samples: int = 10, pdf_kills: int = 3, new_desks: int = 8, render_seconds: float | None = None,
        seed: int = 0, say: Callable[[str], None] = lambda _: None) -> Totals:
    """Run every part once at the given sizes; `say` gets a line as each part finishes. `render_seconds`
    shortens the render time limit for the template bombs that run into it (the quick run)."""
    from briefs.desk import open_desk
    from briefs.selftest.cases import MEMORY_LIMIT_MB, largest_child_mb, run_cases

    totals = Totals()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="briefs-selftest-") as tmp:
        root = Path(tmp)
        with open_desk(":memory:") as desk:
            corpus_dir = root / "corpus"
            corpus_dir.mkdir()
            items = nasty_inputs(corpus_dir)
            for nasty in items:
                path = nasty.write(corpus_dir)
                totals.record(check_path(path, nasty, desk=desk))
                if nasty.sparse_size:
                    path.unlink()
            say(f"hostile corpus: {len(items)} files")
            starts = seeds()
            for _ in range(mutations):
                name, data = rng.choice(starts)
                for _ in range(rng.randint(1, 4)):
                    data = mutate(data, rng)
                totals.record(check_bytes(data, name, desk=desk))
            say(f"damaged files: {mutations}")
        # The hostile commands make FIFOs and symlinks to /dev: POSIX systems only.
        outcomes = run_cases(root / "cases", render_seconds=render_seconds) if hasattr(os, "mkfifo") else []
        for outcome in outcomes:
            totals.record(outcome, case=True)
        peak = largest_child_mb()
        totals.largest_child_mb = peak
        if peak > MEMORY_LIMIT_MB:
            totals.broken_rules += 1
            totals.problems.append(f"RULE a command or its helper held {peak:.0f} MB, over {MEMORY_LIMIT_MB} MB")
        say(f"hostile templates, brief files, references, IDs, addresses and a full disk: {len(outcomes)} commands")
        _docx_round(totals, root, docx_samples, rng)
        say(f"Word writer: {docx_samples} documents")
        for part, rounds, kills in ((crash.export_kills, export_kills, True), (crash.desk_kills, desk_kills, True),
                                    (crash.two_writers, saves, False), (crash.concurrent_cli, 4, False),
                                    (crash.pdf_kills, pdf_kills, False), (crash.new_desks, new_desks, False)):
            if rounds <= 0:
                continue
            folder = root / part.__name__
            folder.mkdir()
            started = time.perf_counter()
            totals.add_tally(part(folder, rounds, seed=seed) if kills else part(folder, rounds), kills=kills)
            say(f"{part.__name__}: {rounds} rounds in {time.perf_counter() - started:.1f} s")
    return totals


_MARKDOWN_BITS = ["# ", "## ", "- ", "1. ", "> ", "**", "_", "`", "\n", "\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
                  "[link](http://example.org)", "[^1]", "\n[^1]: note\n", "---\n", "<b>", "&#1;", "\\", "~~",
                  "\x00", "\ud800", "\u202e", "👩🏽‍💻", "“”", "\x0b", "    code\n"]


def _docx_round(totals: Totals, root: Path, samples: int, rng: random.Random) -> None:
    """Random Markdown (and escaped hostile text) through the Word writer; each file through openxml-audit."""
    from briefs.errors import BriefsError
    from briefs.render.docx_writer import markdown_to_docx
    from briefs.templates.sandbox import md_escape

    try:
        from openxml_audit import OpenXmlValidator
    except ImportError:  # a test extra: without it the documents are still written, not audited
        OpenXmlValidator = None
    for i in range(samples):
        parts = [rng.choice(_MARKDOWN_BITS) if rng.random() < 0.6 else
                 "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randint(1, 15))) for _ in range(40)]
        body = "".join(parts) + "\n\n" + md_escape("".join(parts)) + "\n"
        name = f"writer-{i}"
        totals.inputs += 1
        try:
            data = markdown_to_docx(f"---\ntitle: \"Doc {i}\"\nmarking: OFFICIAL\n---\n" + body)
        except BriefsError:
            continue
        except Exception as exc:
            totals.crashes += 1
            totals.problems.append(f"CRASH {name}: markdown_to_docx raised {type(exc).__name__}: {exc}")
            continue
        totals.docx_written += 1
        if OpenXmlValidator is None:
            continue
        path = root / f"{name}.docx"
        path.write_bytes(data)
        result = OpenXmlValidator(max_errors=5).validate(str(path))
        if result.errors:
            totals.docx_invalid += 1
            totals.problems.append(f"AUDIT {name}: {result.errors[0]}")
