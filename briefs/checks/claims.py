"""Attributed claims: a fact whose source sentence says who claims it, printed without saying so.

"The company said it had linked the tool to a group…" picked as the fact "it had linked the tool to a
group…" turns the company's claim into the brief's own statement. The cue lists are short and English;
a missed cue costs a warning not shown, a false one a warning the writer can dismiss.
"""

from __future__ import annotations

import re

from briefs.checks.context import CheckContext
from briefs.checks.report import Finding, Report
from briefs.model import SnippetKind

_VERBS = (
    r"said|says|say|claims?|claimed|alleged|alleges?|argues?|argued|believes?|believed|contends?|contended|"
    r"maintains?|maintained|insists?|insisted|asserts?|asserted|estimates?|estimated|told|stated|states|"
    r"warned|warns|suggested|suggests|reported|reports|found|finds|concluded|concludes|thinks|thought|"
    r"acknowledged|admitted|denied|denies|disputed|disputes|calls|called|added|adds|noted|notes|wrote|writes|"
    r"explained|explains|predicted|predicts|expects|expected"
)
_CUE = re.compile(
    rf"\baccording\s+to\b|\b(?:{_VERBS})\b|\bin\s+the\s+(?:view|words|opinion)\s+of\b|\bas\s+(?:reported|claimed)\s+by\b",
    re.IGNORECASE,
)
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "sen", "rep", "gov", "gen", "prof", "inc", "co", "jr", "sr", "no",
                  "vs", "u.s", "u.k", "e.g", "i.e", "lt", "col", "corp", "ltd"}
_BOUNDARY = re.compile(r"([.!?])[\"”’)\]]*\s+")
_WHO_BEFORE = re.compile(r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+(?:also\s+|has\s+|had\s+|have\s+)?$")
_WHO_AFTER = re.compile(r"\s+((?:the\s+)?[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3})")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around text[start:end], within its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    s, e = line_start, line_end
    for m in _BOUNDARY.finditer(text, line_start, line_end):
        word = text[max(line_start, m.start() - 6):m.start()].split()[-1:] or [""]
        if word[0].lower().lstrip("(“\"") in _ABBREVIATIONS:
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end - 1:
            e = m.start() + 1
            break
    return s, e


def _who(text: str, sentence_start: int, cue: re.Match[str]) -> str:
    word = cue.group().lower()
    if word.startswith(("according", "in the", "as ")):
        m = _WHO_AFTER.match(text, cue.end())
        return m.group(1).strip(" ,") if m else ""
    head = text[sentence_start:cue.start()]
    head = re.split(r"[,;:“”\"()]", head)[-1]
    m = _WHO_BEFORE.search(head)
    return m.group(1).strip() if m else ""


def find_attribution(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(cue phrase, who) when the sentence around text[start:end] attributes it outside that span."""
    s, e = sentence_bounds(text, start, end)
    for cue in _CUE.finditer(text, s, e):
        if start <= cue.start() and cue.end() <= end:
            continue
        who = _who(text, s, cue)
        if not who:
            continue
        if cue.group().lower().startswith(("according", "in the", "as ")):
            return f"{cue.group()} {who}", who
        return f"{who} {cue.group()}", who
    return None


def check_claims(ctx: CheckContext, report: Report) -> None:
    for snippet in ctx.items():
        if snippet.kind != SnippetKind.FACT or (snippet.speaker or "").strip():
            continue
        source = ctx.sources.get(snippet.source_id)
        if source is None or not source.text:
            continue
        if _CUE.search(snippet.display_text):
            continue  # the brief's wording carries its own attribution
        found = find_attribution(source.text, snippet.start, snippet.end)
        if found is None:
            continue
        phrase, who = found
        report.add(Finding(
            "warning", "claim-as-fact", snippet.ref,
            f"fact {snippet.ref} states a claim as fact: {source.ref} attributes it (“{phrase}”)",
            fix=f"say who claims it (“According to {_lower_article(who)}, …”) or set {who} as the fact's speaker",
            detail={"cue": phrase, "who": who},
            snippet_id=snippet.id,
        ))


def _lower_article(who: str) -> str:
    head, _, rest = who.partition(" ")
    return f"{head.lower()} {rest}" if rest and head in {"The", "A", "An"} else who
