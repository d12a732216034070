"""Does the brief fit its format? Word budgets per field and section, pages, and reading level."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefs.checks.context import CheckContext
from briefs.checks.report import Finding, Report
from briefs.model import count_words

# A single-spaced 11-point page with headings and bullets holds roughly this many words; the page budget
# is checked against this estimate rather than a rendered document, so it stays cheap enough to run on
# every keystroke in the app.
WORDS_PER_PAGE = 450
# Below this many words, readability formulas say more about the sample than the text.
MIN_WORDS_FOR_READING_LEVEL = 50
# Advice only when the brief reads noticeably above its target, not at every decimal.
READING_SLACK = 0.5


def check_budgets(ctx: CheckContext, report: Report) -> None:
    spec = ctx.spec
    brief = ctx.brief
    field_words = {name: count_words(value or "") for name, value in brief.fields.items()}
    section_words: dict[str, int] = {}
    section_items: dict[str, int] = {}
    for name, sid in ctx.placed:
        snippet = ctx.snippets.get(sid)
        section_items[name] = section_items.get(name, 0) + 1
        if snippet is not None:
            section_words[name] = section_words.get(name, 0) + count_words(snippet.display_text)
    total = sum(field_words.values()) + sum(section_words.values())
    pages = total / WORDS_PER_PAGE
    report.stats.update({"words": total, "pages_estimate": round(pages, 2), "fields": field_words,
                         "sections": section_words})
    if spec is None:
        return
    for name in spec.required_fields:
        if not (brief.fields.get(name) or "").strip():
            label = spec.field_labels.get(name, name)
            report.add(Finding("warning", "field-empty", name, f"the required field {label!r} is empty",
                               fix=f"fill it in (`--set {name}=...`, or the app's fields panel)"))
    for name, budget in spec.field_budgets.items():
        words = field_words.get(name, 0)
        if words > budget:
            label = spec.field_labels.get(name, name)
            report.add(Finding("warning", "field-over-budget", name,
                               f"{label} has {words} words; the template allows {budget}",
                               fix=f"cut {words - budget} word{'s' if words - budget > 1 else ''}",
                               detail={"words": words, "budget": budget}))
    for name, budget in spec.section_budgets.items():
        words = section_words.get(name, 0)
        if words > budget:
            title = spec.section_titles.get(name, name)
            report.add(Finding("warning", "section-over-budget", name,
                               f"section {title!r} has {words} words; the template allows {budget}",
                               fix="shorten its items with … or drop one",
                               detail={"words": words, "budget": budget}))
    for name, most in spec.section_max_items.items():
        count = section_items.get(name, 0)
        if count > most:
            title = spec.section_titles.get(name, name)
            report.add(Finding("warning", "section-too-many", name,
                               f"section {title!r} has {count} items; the template allows {most}",
                               fix=f"drop {count - most}"))
    if spec.word_budget and total > spec.word_budget:
        report.add(Finding("warning", "brief-over-words", "brief",
                           f"the brief has {total} words; the template allows {spec.word_budget}",
                           fix=f"cut about {total - spec.word_budget} words",
                           detail={"words": total, "budget": spec.word_budget}))
    if spec.page_budget and pages > spec.page_budget:
        report.add(Finding("warning", "brief-over-pages", "brief",
                           f"the brief runs to about {pages:.1f} pages ({total} words at about {WORDS_PER_PAGE} a "
                           f"page); the template allows {spec.page_budget:g}",
                           fix=f"cut about {int(total - spec.page_budget * WORDS_PER_PAGE)} words",
                           detail={"pages": round(pages, 2), "budget": spec.page_budget}))


def brief_prose(ctx: CheckContext) -> str:
    """What the reader reads, as plain sentences: the fields, then each item."""
    parts = [value for value in ctx.brief.fields.values() if value and value.strip()]
    for snippet in ctx.items():
        text = snippet.display_text.strip()
        if text and text[-1] not in ".!?":
            text += "."  # an item is a sentence in the document, whatever its source punctuation
        parts.append(text)
    return "\n".join(parts)


@lru_cache(maxsize=1)
def _textstat() -> Any:
    # textstat costs ~230 ms to import, so only the checks that report reading level pay for it.
    from textstat.textstat import textstatistics

    stats = textstatistics()
    # "en-US" rather than "en": textstat looks English syllables up in NLTK's cmudict, which it tries to
    # download on first use (no network here, nor on many office machines). Any other English tag takes its
    # Pyphen hyphenation path, which needs no download and is close enough for advice.
    stats.set_lang("en-US")
    return stats


def reading_level(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade and Coleman-Liau index (a letters-based grade that needs no syllables)."""
    stats = _textstat()
    return {
        "flesch_kincaid_grade": round(float(stats.flesch_kincaid_grade(text)), 1),
        "coleman_liau_index": round(float(stats.coleman_liau_index(text)), 1),
    }


def check_reading_level(ctx: CheckContext, report: Report) -> None:
    text = brief_prose(ctx)
    if count_words(text) < MIN_WORDS_FOR_READING_LEVEL:
        return
    level = reading_level(text)
    report.stats["reading_level"] = level
    target = ctx.spec.reading_level if ctx.spec else None
    if target is None:
        return
    grade = level["flesch_kincaid_grade"]
    if grade > target + READING_SLACK:
        report.add(Finding(
            "info", "reading-level", "brief",
            f"the brief reads at grade {grade:g} (Flesch-Kincaid; Coleman-Liau {level['coleman_liau_index']:g}); "
            f"the template aims for {target:g}",
            fix="shorter sentences and plainer words in your own text (quotes stay as spoken)",
            detail={**level, "target": target},
        ))
