"""Export speed: a 10-page benchmark brief through Briefs, beside docxtpl (and pandoc for the whole process).

    python bench/export_bench.py [--runs 30]

The brief: 40 bullets, 20 quotes, a 12-row table and 30 footnotes, about 10 pages. "Briefs in process" is
export_brief() on a desk to bytes (context, sandboxed template, Markdown -> .docx); the atomic, fsynced
write to disk is printed on its own line. "docxtpl" renders
the same text from a Word template with Jinja loops (docxtpl cannot make footnotes, so its notes are
inline text: it does less work). Targets: median <= 25 ms, and <= 1.2x docxtpl.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefs.desk import open_desk
from briefs.model import Brief, NewSource, Section, Snippet, SnippetKind, SourceKind, SourceMeta
from briefs.render.export import export_brief
from briefs.render.spec import TemplateSet

BODY = """**FOR:** {{ fields.audience }}\\
**SOURCES CURRENT AS OF:** {{ sources_current_as_of }}

# Key points

{% for item in sections.points.items %}
- {{ item.text }}{% if loop.index <= 30 %}{{ item.cite }}{% endif %}

{% endfor %}
# What they said

{% for item in sections.quotes.items %}
> “{{ item.text }}” — {{ item.speaker }}

{% endfor %}
# Figures

| Figure | Source |
|---|---|
{% for item in sections.points.items[:12] %}
| {{ item.text }} | {{ item.source.short }} |
{% endfor %}
"""
TOML = 'name = "bench"\ntitle = "Benchmark brief"\ndescription = "bench"\n[[fields]]\nname = "audience"\n' \
       'label = "For"\ndefault = "Everyone"\n'


def sentence(i: int) -> str:
    return (f"Finding {i}: utilities serving more than {10_000 + i} people would have to report serious incidents "
            f"within 72 hours and test their backups twice a year, according to the agency's proposal number {i}. "
            "Industry groups said the deadline would cost smaller members millions a year in compliance work and "
            "could divert money from repairs to ageing pipes, while regulators said the public has a right to know.")


def quote(i: int) -> str:
    return (f"Quote {i}: we cannot keep treating a breach at a water plant as a private matter between a utility "
            f"and its vendor, and the public has a right to know what happened in case {i}.")


def setup(folder: Path):
    text = "\n\n".join([sentence(i) for i in range(40)] + [quote(i) for i in range(20)]) + "\n"
    desk = open_desk(folder / "desk.sqlite")
    meta = SourceMeta(title="Benchmark source", author="A. Writer", publication="The Ledger", published="2026-10-13",
                      url="https://example.org/a")
    sid = desk.add_source(NewSource(kind=SourceKind.TEXT, origin="bench", text=text, meta=meta)).source.id
    points, quotes = [], []
    for i in range(40):
        s = sentence(i)
        start = text.index(s)
        points.append(desk.add_snippet(Snippet(source_id=sid, kind=SnippetKind.FACT, start=start,
                                               end=start + len(s), text=s)).id)
    for i in range(20):
        q = quote(i)
        start = text.index(q)
        quotes.append(desk.add_snippet(Snippet(source_id=sid, kind=SnippetKind.QUOTE, start=start,
                                               end=start + len(q), text=q, speaker=f"Speaker {i}")).id)
    brief = desk.create_brief(Brief(template="bench", title="Benchmark brief", sections=[
        Section(name="points", snippet_ids=points), Section(name="quotes", snippet_ids=quotes)]))
    tdir = folder / "templates" / "bench"
    tdir.mkdir(parents=True)
    (tdir / "template.toml").write_text(TOML, encoding="utf-8")
    (tdir / "body.md.j2").write_text(BODY, encoding="utf-8")
    return desk, brief, TemplateSet([tdir], use_config=False)


def docxtpl_template(path: Path) -> None:
    import docx

    from briefs.render.docx_writer import DEFAULT_REFERENCE

    d = docx.Document(str(DEFAULT_REFERENCE))
    d.add_paragraph("{{ title }}", style="Title")
    d.add_paragraph("FOR: {{ audience }}", style="Body Text")
    d.add_paragraph("Key points", style="Heading 1")
    d.add_paragraph("{%p for b in bullets %}", style="Body Text")
    d.add_paragraph("{{ b }}", style="List Bullet")
    d.add_paragraph("{%p endfor %}", style="Body Text")
    d.add_paragraph("What they said", style="Heading 1")
    d.add_paragraph("{%p for q in quotes %}", style="Body Text")
    d.add_paragraph("“{{ q.text }}” — {{ q.speaker }}", style="Block Text")
    d.add_paragraph("{%p endfor %}", style="Body Text")
    d.add_paragraph("Figures", style="Heading 1")
    table = d.add_table(rows=3, cols=2)
    table.style = d.styles["Fact Table"]
    table.cell(0, 0).text, table.cell(0, 1).text = "Figure", "Source"
    table.cell(1, 0).text = "{%tr for r in rows %}"
    table.cell(2, 0).text, table.cell(2, 1).text = "{{ r.text }}", "{{ r.source }}"
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    d.save(str(path))


def bench_docxtpl(template: Path, runs: int) -> list[float]:
    from docxtpl import DocxTemplate

    note = " [The Ledger, 13 October 2026, https://example.org/a]"
    context = {
        "title": "Benchmark brief",
        "audience": "Everyone",
        "bullets": [sentence(i) + (note if i < 30 else "") for i in range(40)],
        "quotes": [{"text": quote(i), "speaker": f"Speaker {i}"} for i in range(20)],
        "rows": [{"text": sentence(i), "source": "The Ledger"} for i in range(12)],
    }
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        doc = DocxTemplate(str(template))
        doc.render(context)
        out = io.BytesIO()
        doc.save(out)
        times.append(time.perf_counter() - t)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk, brief, templates = setup(folder)
        out = folder / "bench.docx"
        export_brief(desk, brief, out=out, templates=templates)  # warm: imports, compiled template
        # Like for like with docxtpl (which renders to memory): export_brief to bytes. The durable atomic
        # write (two fsyncs) is timed on its own below.
        ours, written = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            export_brief(desk, brief, templates=templates)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            export_brief(desk, brief, out=out, templates=templates)
            written.append(time.perf_counter() - t)
        from pypdf import PdfReader  # noqa: F401  (imported here so its cost is not in the loop)

        tpl = folder / "tpl.docx"
        docxtpl_template(tpl)
        bench_docxtpl(tpl, 2)
        theirs = bench_docxtpl(tpl, args.runs)
        pages = _pages(out)
        ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
        print(f"benchmark brief: 40 bullets, 20 quotes, 1 table, 30 footnotes; {pages} pages; {args.runs} runs")
        print(f"{'in process':<28}{'median ms':>10}{'p90 ms':>10}")
        print(f"{'Briefs export_brief (docx)':<28}{ours_ms:>10.1f}{_p90(ours):>10.1f}")
        print(f"{'  + atomic write to disk':<28}{statistics.median(written) * 1000:>10.1f}{_p90(written):>10.1f}")
        print(f"{'docxtpl render + save':<28}{theirs_ms:>10.1f}{_p90(theirs):>10.1f}")
        print(f"ratio Briefs / docxtpl: {ours_ms / theirs_ms:.2f}x (target <= 1.2x); target median <= 25 ms: "
              f"{'met' if ours_ms <= 25 else 'NOT met'}")

        md = folder / "bench.md"
        export_brief(desk, brief, out=md, fmt="md", templates=templates)
        desk_path = desk.path
        desk.close()
        briefs_cmd = [sys.executable, "-m", "briefs", "--desk", desk_path, "export", "b1", "--templates",
                      str(folder / "templates"), "-o", str(folder / "cli.docx")]
        rows = [("briefs export (process)", _process(briefs_cmd, 7))]
        pandoc = shutil.which("pandoc")
        if pandoc:
            rows.append(("pandoc md -> docx (process)", _process([pandoc, str(md), "-o", str(folder / "p.docx")], 7)))
        print(f"{'whole process':<28}{'median ms':>10}")
        for label, ms in rows:
            print(f"{label:<28}{ms:>10.0f}")
    return 0


def _process(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9) - 1] * 1000


def _pages(path: Path) -> str:
    # Word files do not store a page count until a word processor lays them out: ask LibreOffice if present.
    soffice = shutil.which("soffice")
    if not soffice:
        return "?"
    from briefs.render.pdf import docx_to_pdf

    pdf = docx_to_pdf(path.read_bytes())
    from pypdf import PdfReader

    return str(len(PdfReader(io.BytesIO(pdf)).pages))


if __name__ == "__main__":
    sys.exit(main())
