"""Prose grounding: the figures, dates and names a writer types into a brief's own text must be in what
the brief cites.

Quotes and facts have anchors (offsets into a snapshot) and the verbatim check; a bottom line or a
background paragraph in the writer's words has none, and that is where "£4.2bn" for the source's "£4.1bn"
slips in. Each figure (with its unit: "£4.2bn" and "4.2 billion pounds" are one figure), each date and
each proper name in the writer's prose is looked for in the cited sources; what no source holds is a
warning, never a block, with the closest figure the sources do give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs.checks.context import CheckContext
from briefs.checks.report import Finding, Report
from briefs.drafting.stories import COMMON_WORDS

_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
           "b": 1e9, "tn": 1e12, "trillion": 1e12}
_CURRENCY_WORDS = {"pounds": "£", "dollars": "$", "euros": "€", "yen": "¥", "kroner": "kr", "krona": "kr"}
_FIGURE = re.compile(
    r"(?P<cur>[£$€¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>k|m|mn|bn|b|tn|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>%|\s?per ?cent\b|\s?percent\b)?(?:\s(?P<curword>pounds|dollars|euros|yen|kroner|krona)\b)?",
    re.IGNORECASE,
)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
           "apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS})\.?|(?P<m2>{_MONTHS})\.?\s+"
                   rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b", re.IGNORECASE)
# A proper name: two or more capitalised words ("Northbridge Labs", "Amira Okafor"), not counting the
# first word of a sentence on its own.
_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:\s+(?:of|de|van|von|al)?\s*[A-Z][a-z’'\-]+)+")
_DRAFTING_NOTE = re.compile(r"\[[^\]]*\]")
# Fields that are not the writer's claims about the story: who it is for, dates of the brief, clearances.
_ADMIN = frozenset({"audience", "from", "date", "status", "subject", "drafted_by", "cleared_by", "contact",
                    "copyright", "search_terms", "prepared_by"})


@dataclass(frozen=True)
class Figure:
    text: str
    value: float
    kind: str  # "£", "$", "%", "" (a bare number)
    start: int = 0


def figures(text: str) -> list[Figure]:
    found = []
    for match in _FIGURE.finditer(text):
        try:
            value = float(match.group("num").replace(",", ""))
        except ValueError:
            continue
        scale = (match.group("scale") or "").lower()
        value *= _SCALES.get(scale, 1)
        kind = match.group("cur") or _CURRENCY_WORDS.get((match.group("curword") or "").lower(), "")
        if match.group("pct"):
            kind = "%"
        found.append(Figure(match.group(0).strip(), value, kind, match.start("num")))
    return found


def _months(name: str) -> str:
    return name.lower()[:3]


def dates(text: str) -> set[tuple[int, str]]:
    out = set()
    for match in _DATE.finditer(text):
        day = match.group("d1") or match.group("d2")
        month = match.group("m1") or match.group("m2")
        out.add((int(day), _months(month)))
    return out


def _supported(figure: Figure, source_figures: list[Figure]) -> bool:
    for other in source_figures:
        if other.kind and figure.kind and other.kind != figure.kind:
            continue
        if figure.value == other.value or (figure.value and abs(figure.value - other.value) / figure.value < 1e-9):
            return True
    return False


def _closest(figure: Figure, source_figures: list[Figure]) -> Figure | None:
    same_kind = [f for f in source_figures if f.kind == figure.kind]
    if not same_kind:
        return None
    return min(same_kind, key=lambda f: abs(f.value - figure.value))


def check_grounding(ctx: CheckContext, report: Report) -> None:
    cited = {s.source_id for s in ctx.items()}
    texts = {sid: ctx.sources[sid].text for sid in cited if sid in ctx.sources and ctx.sources[sid].text}
    if not texts:
        return
    corpus = "\n".join(texts.values())
    lowered = corpus.casefold()
    source_figures = figures(corpus)
    source_dates = dates(corpus)
    labels = {f.name: f.label for f in ctx.spec.fields} if ctx.spec else {}
    for name, value in ctx.brief.fields.items():
        if name in _ADMIN or not value or not value.strip():
            continue
        prose = _DRAFTING_NOTE.sub(" ", value)
        label = labels.get(name, name)
        in_dates = [m.span() for m in _DATE.finditer(prose)]
        for figure in figures(prose):
            if any(a <= figure.start < b for a, b in in_dates):
                continue  # the day of a date: checked as a date below
            if figure.value < 10 and not figure.kind and "." not in figure.text:
                continue  # "two options", "3 steps": small counts are the writer's own structure
            if _supported(figure, source_figures):
                continue
            near = _closest(figure, source_figures)
            hint = ""
            if near is not None:
                sid = next((s for s, t in texts.items() if near.text in t), None)
                hint = f" (the closest figure in them: '{near.text}'" + (f" in s{sid})" if sid else ")")
            report.add(Finding(
                "warning", "prose-unsupported", name,
                f"{label} says '{figure.text}'; no cited source does{hint}",
                fix="check the figure against the sources, or cite the source it comes from",
                detail={"claim": figure.text, "closest": near.text if near else None},
            ))
        for day, month in dates(prose) - source_dates:
            report.add(Finding(
                "warning", "prose-unsupported", name,
                f"{label} gives the date {day} {month.title()}; no cited source mentions it",
                fix="check the date against the sources, or cite the source it comes from",
                detail={"claim": f"{day} {month}"},
            ))
        for match in _NAME.finditer(prose):
            words = match.group(0).split()
            while words and words[0] in COMMON_WORDS:
                words.pop(0)  # "The Minister": a sentence's first word is not part of a name
            if len(words) < 2:
                continue
            phrase = " ".join(words)
            if phrase.casefold() in lowered:
                continue
            if all(w.casefold() in lowered for w in words if w[:1].isupper()):
                continue  # "Okafor's team" vs "Amira Okafor": the name is there
            report.add(Finding(
                "warning", "prose-unsupported", name,
                f"{label} names '{phrase}'; no cited source does",
                fix="check the name against the sources, or cite the source it comes from",
                detail={"claim": phrase},
            ))
