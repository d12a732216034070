"""`briefs check FILE.docx`: each quotation of a Word file against the desk's sources, and the comments."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefs.checks.word_file import LABELS
from briefs.cli.common import desk_from, print_json, settings_from

if TYPE_CHECKING:
    from briefs.checks.word_file import DocumentReport, QuoteCheck

_WIDTH = max(len(label) for label in LABELS.values())
_QUOTE_CHARS = 90


def check_word(args: argparse.Namespace) -> int:
    from briefs.actions.word_review import check_word_file

    settings = settings_from(args)
    with desk_from(args) as desk:
        report = check_word_file(desk, args.brief, limits=settings.limits)
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(report_lines(report)))
    return 0 if report.ok else 1


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def short(text: str, limit: int = _QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote_lines(q: QuoteCheck) -> list[str]:
    """A quote's line and the lines under it that say what is wrong and where the words came from."""
    from briefs.checks.word_file import same_person

    pad = " " * (_WIDTH + 2)
    ref = f"#{q.n}" + (f" {q.marked}" if q.marked else "")
    line = f"{LABELS[q.status]:<{_WIDTH}}  {ref} “{short(q.text)}”"
    if q.speaker:
        line += f" — {q.speaker}"
    if q.status == "verbatim" and q.source_ref:
        line += f" ({q.source_ref})"
    out = [line]
    if q.status == "changed":
        out.append(f"{pad}diff: {q.diff}")
    if q.status == "speaker-changed":
        out.append(f"{pad}the document says {q.speaker}; {q.source_ref} says {q.source_speaker}")
    elif q.status == "changed" and q.speaker and q.source_speaker and not same_person(q.speaker, q.source_speaker):
        out.append(f"{pad}speaker: the document says {q.speaker}; {q.source_ref} says {q.source_speaker}")
    if q.status in ("changed", "speaker-changed") and q.source_ref:
        where = ", ".join(p for p in (q.source_outlet, f"“{short(q.source_title, 60)}”") if p)
        out.append(f"{pad}source: {q.source_ref} {where}")
    if q.status == "not-found":
        out.append(f"{pad}no source on the desk holds these words; import the source, or check the quote")
    for change in q.changes:
        verb = "inserted" if change.kind == "insertion" else "deleted"
        words = "a paragraph break" if change.text == "\n" else f"“{short(change.text, 60)}”"
        who = change.author or "someone"
        when = f" ({change.date[:10]})" if change.date else ""
        out.append(f"{pad}tracked: {who} {verb} {words}{when}")
    if q.before:
        out.append(f"{pad}before the tracked changes: “{short(q.before)}”")
    if q.note:
        out.append(f"{pad}note: {q.note}")
    return out


def report_lines(report: DocumentReport) -> list[str]:
    lines = [report.summary()]
    for quote in report.quotes:
        lines += quote_lines(quote)
    if report.comments:
        lines.append("comments:")
        for comment in report.comments:
            on = f" (quote #{comment.quote})" if comment.quote else ""
            when = f", {comment.date[:10]}" if comment.date else ""
            lines.append(f"  {comment.author or 'someone'}{when} on “{short(comment.anchor, 60)}”{on}: "
                         f"{' '.join(comment.text.split())}")
    if report.skipped:
        lines.append(f"({_count(report.skipped, 'quoted phrase')} not checked: titles, scare quotes and names)")
    return lines
