"""How long `briefs check FILE.docx` takes on a 30-page Word file with 200 quotes (issue 15 target: under 2 s).

    python bench/word_check_bench.py [--runs N]     (bench/check_bench.py prints it too, beside the brief check)

The file is made as it happens: a brief of 150 quotes from 20 sources exported by Briefs (so each is
bookmarked, with the provenance part), 10 of them then changed in the XML and 5 as tracked changes, and 50 more
quotes pasted into colleagues' paragraphs without marks (35 verbatim, 10 with a word changed, 5 that no source
holds), with enough of the article's prose between them to fill 30 pages at 450 words a page (the brief
check's own estimate). Timed: reading the file and checking every quote, as `check_word_file` does.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_S = 2.0
PAGES = 30
WORDS_PER_PAGE = 450
MARKED, CHANGED, TRACKED, PASTED, PASTED_CHANGED, MADE_UP = 150, 10, 5, 35, 10, 5


def build(folder: Path) -> tuple[object, Path, int]:
    """The desk and the Word file; returns (desk, path, words)."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    from briefs.actions.publish import publish
    from briefs.actions.sample import sample_source
    from briefs.desk import open_desk
    from briefs.extract import analyse
    from briefs.model import Brief, Section, Snippet, SnippetKind
    from briefs.templates import TemplateSet

    desk = open_desk(folder / "desk.sqlite")
    sample = sample_source()
    quotes = [q for q in analyse(sample.text).quotes if q.speaker and len(q.text.split()) >= 5]
    prose = [p for p in sample.text.split("\n\n") if not any(m in p for m in "“”\"")]
    snippet_ids: list[int] = []
    for n in range(20):
        source = desk.add_source(sample.replace(text=f"Report {n}.\n\n" + sample.text, origin=f"bench:{n}")).source
        shift = len(f"Report {n}.\n\n")
        for q in quotes:
            if len(snippet_ids) < MARKED:
                snippet = desk.add_snippet(Snippet(source_id=source.id, kind=SnippetKind.QUOTE, start=q.start + shift,
                                                   end=q.end + shift, text=q.text, speaker=q.speaker))
                snippet_ids.append(snippet.id)
    filler = "\n\n".join(prose)
    brief = desk.create_brief(Brief(template="issue-brief", title="Benchmark brief",
                                    fields={"background": "\n\n".join([filler] * 6)},
                                    sections=[Section(name="quotes", snippet_ids=snippet_ids)]))
    path = folder / "brief.docx"
    publish(desk, brief, TemplateSet(), out=path)

    document = docx.Document(str(path))
    body = document.element.body
    marked = [p for p in body.iter(qn("w:p")) if p.find(qn("w:bookmarkStart")) is not None
              and any(" the " in (t.text or "") for t in p.iter(qn("w:t")))]
    # Colleagues' edits: a word changed in place, and the same as a tracked change.
    for p in marked[:CHANGED]:
        for t in p.iter(qn("w:t")):
            if " the " in (t.text or ""):
                t.text = t.text.replace(" the ", " a ", 1)
                break
    for k, p in enumerate(marked[CHANGED:CHANGED + TRACKED]):
        r = next(r for r in p.iter(qn("w:r")) if " the " in "".join(t.text or "" for t in r.iter(qn("w:t"))))
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        at = text.index(" the ")
        for words, tag, wrap in ((text[:at + 1], "w:t", None), ("the", "w:delText", "w:del"), ("a", "w:t", "w:ins"),
                                 (text[at + 4:], "w:t", None)):
            piece = copy.deepcopy(r)
            for child in [c for c in piece if c.tag != qn("w:rPr")]:
                piece.remove(child)
            t = etree.SubElement(piece, qn(tag))
            t.text = words
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if wrap:
                change = etree.Element(qn(wrap))
                for key, value in (("w:id", str(800 + k * 2 + (wrap == "w:ins"))), ("w:author", "Reviewer"),
                                   ("w:date", "2026-10-21T10:00:00Z")):
                    change.set(qn(key), value)
                change.append(piece)
                piece = change
            r.addprevious(piece)
        r.getparent().remove(r)
    # Colleagues' own paragraphs, quotes pasted in without marks, between the article's prose.
    for n in range(PASTED + PASTED_CHANGED + MADE_UP):
        q = quotes[n % len(quotes)]
        words = q.text
        if PASTED <= n < PASTED + PASTED_CHANGED:
            words = words.replace(" the ", " a ", 1) if " the " in words else words + " indeed"
        elif n >= PASTED + PASTED_CHANGED:
            words = f"Inspectors will visit plant number {n} before the end of the year"
        document.add_paragraph(f"{prose[n % len(prose)]} {q.speaker} put it this way: “{words}”")
    # Then the article's prose until the file runs to 30 pages.
    words = sum(len(p.text.split()) for p in document.paragraphs)
    n = 0
    while words < PAGES * WORDS_PER_PAGE:
        words += len(document.add_paragraph(prose[n % len(prose)]).text.split())
        n += 1
    document.save(str(path))
    return desk, path, words


def measure(runs: int = 5) -> dict[str, object]:
    from briefs.actions.word_review import check_word_file

    with tempfile.TemporaryDirectory() as tmp:
        desk, path, words = build(Path(tmp))
        t0 = time.perf_counter()
        report = check_word_file(desk, path)  # type: ignore[arg-type]
        first = time.perf_counter() - t0
        warm = []
        for _ in range(runs):
            t0 = time.perf_counter()
            check_word_file(desk, path)  # type: ignore[arg-type]
            warm.append(time.perf_counter() - t0)
        desk.close()  # type: ignore[attr-defined]
    return {"words": words, "pages": words / WORDS_PER_PAGE, "quotes": len(report.quotes),
            "counts": report.counts(), "first": first, "median": statistics.median(warm), "runs": runs}


def line(result: dict[str, object]) -> str:
    median = float(result["median"])  # type: ignore[arg-type]
    counts = ", ".join(f"{n} {status}" for status, n in result["counts"].items() if n)  # type: ignore[attr-defined]
    return (f"Word file, {result['pages']:.0f} pages ({result['words']:,} words), {result['quotes']} quotes "
            f"({counts}):\n"
            f"check_word_file, first run:                {float(result['first']):7.2f} s\n"  # type: ignore[arg-type]
            f"check_word_file, median of {result['runs']} warm runs:    {median:7.2f} s   target < {TARGET_S:.0f} s  "
            f"{'OK' if median < TARGET_S else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(line(measure(args.runs)))


if __name__ == "__main__":
    main()
