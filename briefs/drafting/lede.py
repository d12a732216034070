"""The lede: the sentence that says what the story is, found where news writing puts it.

Nearly every news story opens its first prose paragraph with who did what. Before that paragraph come the
headline, bylines, credits and a dateline; a feature may open with a scene or a quote, and then the
first sentence that stands alone within the opening paragraphs says the news. The span returned is the
article's own text (with the dateline left out), so a brief can cite it word for word.
"""

from __future__ import annotations

import re

from briefs.extract.boilerplate import is_furniture, stands_alone, without_lead_in

# The lede is looked for in the first few prose paragraphs: past them an article has moved on.
_OPENING_PARAGRAPHS = 4
_MIN_WORDS = 8
# A reporter's lede is in the third person: "we", "I", "our" mean speech or an opinion writer's voice.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us|I['’]m|[Ww]e['’](?:re|ve|ll))\b")


def lede(text: str, *, title: str | None = None) -> tuple[int, int] | None:
    """(start, end) of the story's lede sentence in `text`, or None for a text with no prose."""
    from briefs.extract.sentences import paragraphs, sentences

    headline = " ".join((title or "").split()).lower()
    spans = sentences(text)
    seen = 0
    fallback: tuple[int, int] | None = None
    for para_start, para_end in paragraphs(text):
        paragraph = text[para_start:para_end]
        if " ".join(paragraph.split()).lower() == headline or is_furniture(paragraph):
            continue
        if len(paragraph.split()) < _MIN_WORDS:
            continue
        seen += 1
        # The dateline is cut from the paragraph, not the sentence: a splitter may end a "sentence" at
        # the full stop of "N.Y." or "Sept." inside it.
        body = without_lead_in(text, para_start, para_end)
        for start, end in spans:
            if end <= body or start < para_start or end > para_end:
                continue
            start = without_lead_in(text, max(start, body), end)
            sentence = text[start:end]
            if len(sentence.split()) < _MIN_WORDS:
                continue
            spoken = sentence.startswith(("“", '"', "‘", "'")) or bool(_FIRST_PERSON.search(sentence))
            # A question opens a feature ("Remember the state slogan?"); the news comes after it.
            asks = sentence.rstrip("”\"’' ").endswith("?")
            if stands_alone(sentence) and not spoken and not asks:
                return start, end
            if fallback is None and not sentence.startswith(("“", '"', "‘", "'")):
                fallback = (start, end)
        if seen >= _OPENING_PARAGRAPHS:
            break
    return fallback
