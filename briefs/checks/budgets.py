"""Does the brief fit its format? Word budgets per field and section, pages, and reading level."""

from __future__ import annotations

from briefs.checks.context import CheckContext
from briefs.checks.readability import reading_level
from briefs.checks.report import Finding, Report
from briefs.model import count_words
from briefs.text import counted

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
    for spec_field in spec.fields:
        name, label, budget = spec_field.name, spec_field.label or spec_field.name, spec_field.words
        if spec_field.required and not (brief.fields.get(name) or "").strip():
            report.add(Finding("warning", "field-empty", name, f"the required field {label!r} is empty",
                               fix=f"fill in the field {label!r}"))
        words = field_words.get(name, 0)
        if budget is not None and words > budget:
            report.add(Finding("warning", "field-over-budget", name,
                               f"{label} has {counted(words, 'word')}; the template allows {budget:,}",
                               fix=f"cut {counted(words - budget, 'word')}",
                               detail={"words": words, "budget": budget}))
    for section in spec.sections:
        name, title = section.name, section.title or section.name
        words = section_words.get(name, 0)
        if section.words is not None and words > section.words:
            report.add(Finding("warning", "section-over-budget", name,
                               f"section {title!r} has {counted(words, 'word')}; the template allows {section.words:,}",
                               fix="shorten its items with … or drop one",
                               detail={"words": words, "budget": section.words}))
        count = section_items.get(name, 0)
        if section.max_items is not None and count > section.max_items:
            report.add(Finding("warning", "section-too-many", name,
                               f"section {title!r} has {counted(count, 'item')}; "
                               f"the template allows {section.max_items}",
                               fix=f"drop {count - section.max_items}"))
    if spec.word_budget and total > spec.word_budget:
        report.add(Finding("warning", "brief-over-words", "brief",
                           f"the brief has {counted(total, 'word')}; the template allows {spec.word_budget:,}",
                           fix=f"cut about {counted(total - spec.word_budget, 'word')}",
                           detail={"words": total, "budget": spec.word_budget}))
    if spec.page_budget and pages > spec.page_budget:
        report.add(Finding("warning", "brief-over-pages", "brief",
                           f"the brief runs to about {pages:.1f} pages ({counted(total, 'word')} at about "
                           f"{WORDS_PER_PAGE} a page); the template allows {spec.page_budget:g}",
                           fix=f"cut about {counted(int(total - spec.page_budget * WORDS_PER_PAGE), 'word')}",
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
