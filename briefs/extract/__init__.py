"""Suggestions: direct quotes with their speakers, and key facts, with str offsets into the text."""

from __future__ import annotations

from briefs.extract.results import Analysis, Fact, Quote

__all__ = ["Analysis", "Fact", "Quote", "analyse"]


def analyse(text: str) -> Analysis:
    """Quotes (reading order) and facts (best first) of one article's clean text."""
    from briefs.extract.attribute import attribute
    from briefs.extract.facts import rank_facts
    from briefs.extract.quotes import find_quotes
    from briefs.extract.sentences import paragraphs

    paras = paragraphs(text)
    spans = find_quotes(text, paras)
    quotes = attribute(text, spans, paras)
    facts = rank_facts(text, spans, paras=paras)
    return Analysis(quotes=quotes, facts=facts)
