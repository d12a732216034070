"""Quotes and facts against their source snapshots (the rules are in verbatim.py)."""

from __future__ import annotations

from briefs.checks.context import CheckContext
from briefs.checks.report import UNVERIFIED_CODE, Finding, Report
from briefs.checks.verbatim import verify_quote
from briefs.model import SnippetKind
from briefs.text import unprintable


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_quotes(ctx: CheckContext, report: Report, *, quotes_only: bool = False) -> None:
    """Each quote (and fact) against its source. `quotes_only` is for the export gate, where only a quote
    can block."""
    for snippet in ctx.items():
        if snippet.kind == SnippetKind.NOTE:
            continue  # a note is the writer's own words
        if quotes_only and snippet.kind != SnippetKind.QUOTE:
            continue
        ref = snippet.ref
        source = ctx.sources.get(snippet.source_id)
        if source is None:
            continue  # reported by the attribution check
        text = snippet.display_text
        if unprintable(text):
            report.add(Finding(
                "warning", "text-unprintable", ref,
                f"{ref} holds control characters or broken Unicode that a Word document cannot carry; "
                "the export drops or replaces them",
                fix="select the passage again or edit the wording",
                snippet_id=snippet.id,
            ))
        verdict = verify_quote(text, source.text, snippet.start, snippet.end)
        if not verdict.ok:
            if snippet.kind == SnippetKind.QUOTE:
                report.add(Finding(
                    "error", UNVERIFIED_CODE, ref,
                    f"quote {ref} is not what {source.ref} says: {verdict.diff}",
                    fix=f"restore the source's words (closest passage: “{_short(verdict.closest or '')}”) "
                    "or mark changes with … and [brackets]",
                    detail={**verdict.to_json(), "source_ref": source.ref},
                    snippet_id=snippet.id,
                ))
            else:
                report.add(Finding(
                    "warning", "fact-reworded", ref,
                    f"fact {ref} is worded differently from {source.ref}: {verdict.diff}",
                    fix="make sure it still says what the source says, or use the source's words",
                    detail=verdict.to_json(),
                    snippet_id=snippet.id,
                ))
            continue
        if verdict.moved:
            report.add(Finding(
                "warning", "quote-offsets", ref,
                f"{ref}'s wording is in {source.ref}, but not at the passage it points to "
                f"({snippet.start}-{snippet.end}); its citation would point to the wrong place",
                fix="select the passage again",
                detail=verdict.to_json(),
                    snippet_id=snippet.id,
            ))
        for bracket, words in verdict.replacements:
            stands = f"“{words}”" if words else "nothing (an insertion)"
            report.add(Finding(
                "info", "quote-bracketed", ref,
                f"{ref}: {bracket} stands for {stands} in {source.ref}",
                fix="check the bracket keeps the speaker's meaning",
                detail={"bracket": bracket, "source": words},
                snippet_id=snippet.id,
            ))
