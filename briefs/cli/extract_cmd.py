"""`briefs extract`: suggested quotes (with speakers) and facts for files or desk sources."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from briefs.cli.common import cell, desk_from, parse_ref, print_jsonl, shorten
from briefs.errors import BriefsError, InputError

_ID = re.compile(r"^\s*[sS]?\d+\s*$")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from briefs.cli import Formatter

    p = sub.add_parser(
        "extract",
        parents=[common],
        formatter_class=Formatter,
        help="suggest quotes (with speakers) and key facts from files or sources",
        description=(
            "Analyse each PATH (a file, read without touching the desk) or source ID (s12 or 12, read from\n"
            "the desk) and list its direct quotes with their speakers and its most citable facts, with\n"
            "character offsets into the clean text. A bad input is reported and the others still run."
        ),
    )
    p.add_argument("targets", nargs="+", metavar="PATH_OR_ID", help="files to analyse, or desk source IDs")
    p.add_argument("--url", help="the web address of a saved page (used for its metadata)")
    p.add_argument("--with-text", action="store_true", help="include the clean text in the JSON")
    p.add_argument("--jsonl", action="store_true", help="print one JSON object per input, one per line")
    p.set_defaults(func=cmd_extract)


def _load(target: str, args: argparse.Namespace, desk_holder: list[Any]) -> tuple[str, dict[str, Any]]:
    """The clean text and citation fields of a file, or of a desk source for an ID."""
    if not Path(target).expanduser().exists() and _ID.match(target):
        _, number = parse_ref(target, "source")
        if not desk_holder:
            desk_holder.append(desk_from(args))
            desk_holder.append(desk_holder[0].__enter__())
        source = desk_holder[1].get_source(number)
        meta = source.meta
        words = source.words
        text = source.text
    else:
        from briefs.sources import load_source

        new = load_source(target, url=args.url)
        meta, words, text = new.meta, new.words, new.text
    info = {
        "title": meta.title,
        "author": meta.author,
        "publication": meta.publication,
        "published": meta.published,
        "url": meta.url,
        "words": words,
    }
    return text, info


def cmd_extract(args: argparse.Namespace) -> int:
    from briefs.extract import analyse

    if args.url and len(args.targets) > 1:
        raise InputError("--url names one page's address; give it with a single PATH")
    failed = 0
    desk_holder: list[Any] = []
    try:
        for target in args.targets:
            try:
                text, info = _load(target, args, desk_holder)
            except BriefsError as exc:
                if args.debug:
                    raise
                failed += 1
                print(f"briefs: {exc}", file=sys.stderr)
                continue
            result = analyse(text)
            row: dict[str, Any] = {"path": target, "source": info}
            if args.with_text:
                row["text"] = text
            row["quotes"] = [
                {
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "speaker": q.speaker,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "cue": q.cue,
                    "score": q.score,
                }
                for q in result.quotes
            ]
            row["facts"] = [
                {"text": f.text, "start": f.start, "end": f.end, "score": f.score, "signals": list(f.signals)}
                for f in result.facts
            ]
            if args.jsonl:
                print_jsonl(row)
            else:
                _print_table(row)
    finally:
        if desk_holder:
            desk_holder[0].__exit__(None, None, None)
    return 2 if failed else 0


def _print_table(row: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    title = row["source"]["title"] or row["path"]
    heading = cell(f"{title}  ({row['path']}, {row['source']['words']} words)")
    heading.stylize("bold", 0, len(cell(title)))
    console.print(heading)
    table = Table(box=None, pad_edge=False, header_style="bold", title="Quotes", title_justify="left")
    for column in ("Offsets", "Speaker", "Quote"):
        table.add_column(column, overflow="fold")
    for q in row["quotes"]:
        table.add_row(f"{q['start']}-{q['end']}", cell(q["speaker"] or "(unknown)"), cell(shorten(q["text"], 90)))
    console.print(table if row["quotes"] else "No quotes found.")
    table = Table(box=None, pad_edge=False, header_style="bold", title="Facts", title_justify="left")
    for column in ("Offsets", "Score", "Signals", "Fact"):
        table.add_column(column, overflow="fold")
    for f in row["facts"][:10]:
        table.add_row(f"{f['start']}-{f['end']}", f"{f['score']:.2f}", ", ".join(f["signals"]),
                      cell(shorten(f["text"], 80)))
    console.print(table if row["facts"] else "No facts found.")
    console.print()
