"""How long `run_checks` takes on a 20-source, 60-snippet brief (issue 6 target: under 50 ms), and
`briefs check FILE.docx` on a 30-page Word file with 200 quotes (issue 15 target: under 2 s).

    python bench/check_bench.py [--runs N]

Builds the brief on a temporary desk from 20 variants of the bundled sample article (each ~700 words):
60 snippets, of which quotes (exact, typographic, ellipsis, bracketed and two altered ones) and facts
(some that drop their attribution). Prints the first run (which pays for loading Pyphen and its
hyphenation dictionary) and the median of the warm runs, beside the target, plus the verbatim pass alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefs.actions.sample import sample_source
from briefs.checks import run_checks, verify_quote
from briefs.desk import open_desk
from briefs.model import Brief, Section, Snippet, SnippetKind
from briefs.templates import TemplateSet

TARGET_MS = 50.0
PICKS = [  # (kind, source words, edited wording or None)
    ("quote", "This is not a smash-and-grab operation,", None),
    ("quote", "Someone spent years learning how these plants work, and they were careful never to break anything",
     "Someone spent years learning how these plants work … they were careful never to break anything"),
    ("quote", "We found it almost by accident,", "We found it almost by accident."),
    ("quote", "For ten years, we have told small utilities that nobody would bother attacking them,",
     "For ten years, we have told [operators] that nobody would bother attacking them"),
    ("quote", "That advice was wrong, and the bill for it is coming due.", None),
    ("quote", "When the tap is at risk, the public has a right to know.", "When the tap is at risk, the public has a "
     "right to know everything."),
    ("fact", "it had linked the tool to a group it has tracked since 2019", None),
    ("fact", "The researchers counted 23 versions of the implant.", None),
    ("fact", "The public comment period closes on December 15.", None),
    ("fact", "the attackers used the same command servers as an earlier campaign against port operators", None),
]


def build(desk_path: Path) -> tuple:
    desk = open_desk(desk_path)
    sample = sample_source()
    snippet_ids: list[int] = []
    for n in range(20):
        new = sample.replace(text=f"Report {n}.\n\n" + sample.text, origin=f"bench:{n}")
        source = desk.add_source(new).source
        text = desk.get_source(source.id).text
        for kind, words, edited in PICKS[n % 4:n % 4 + 3]:
            start = text.index(words)
            snippet = desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind(kind), start=start,
                                               end=start + len(words), text=words, edited=edited,
                                               speaker="A. Speaker" if kind == "quote" else None))
            snippet_ids.append(snippet.id)
    sections = [Section(name=name, snippet_ids=snippet_ids[i::3]) for i, name in
                enumerate(["key_facts", "what_they_said", "background"])]
    brief = desk.create_brief(Brief(template="issue-brief", title="Benchmark brief",
                                    fields={"summary": "A short summary of the findings for the minister."},
                                    sections=sections))
    return desk, brief


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        desk, brief = build(Path(tmp) / "desk.sqlite")
        spec = TemplateSet().get(brief.template)
        items = sum(len(s.snippet_ids) for s in brief.sections)
        t0 = time.perf_counter()
        report = run_checks(desk, brief, spec)
        first = (time.perf_counter() - t0) * 1000
        warm = []
        for run in range(args.runs):
            # A new summary each run, as after an edit.
            brief = brief.replace(fields={"summary": f"Summary number {run} for the minister."})
            t0 = time.perf_counter()
            run_checks(desk, brief, spec)
            warm.append((time.perf_counter() - t0) * 1000)
        snippets = desk.get_snippets(brief.snippet_ids())
        sources = desk.get_sources({s.source_id for s in snippets.values()})
        verbatim = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            for s in snippets.values():
                verify_quote(s.display_text, sources[s.source_id].text, s.start, s.end)
            verbatim.append((time.perf_counter() - t0) * 1000)
        desk.close()
    median = statistics.median(warm)
    print(f"brief: {len(sources)} sources, {items} snippets, {report.stats['words']} words; "
          f"{len(report.errors)} errors, {len(report.warnings)} warnings, {len(report.infos)} notes")
    print(f"run_checks, first run (loads Pyphen):     {first:7.1f} ms")
    print(f"run_checks, median of {args.runs} warm runs:       {median:7.1f} ms   target < {TARGET_MS:.0f} ms  "
          f"{'OK' if median < TARGET_MS else 'OVER'}")
    for f in report.errors:
        print(f"  {f.item}: {f.message}")
    print(f"verify_quote x {len(snippets)}, median:            {statistics.median(verbatim):7.1f} ms")
    # The Word file that goes out, after colleagues edited it (issue 15), beside the brief's own check.
    from word_check_bench import line, measure

    print(line(measure(min(args.runs, 5))))


if __name__ == "__main__":
    main()
