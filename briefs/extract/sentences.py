"""Paragraphs and sentences as str offsets.

Sentence splitting uses Bling Fire (a compiled finite-state splitter). Measured on the 84 PolNeAR dev
articles, one core (`python bench/extract_bench.py DIR` prints the chosen splitter beside the analysis):
blingfire.text_to_sentences ~5.4 M words/s; blingfire.text_to_sentences_and_offsets ~1.3 M words/s (it
rebuilds offsets in Python, too slow to leave room for the rest of the analysis under 1 M words/s);
calling it once per paragraph ~1.3 M; nltk punkt ~0.5 M; pysbd ~0.04 M. So we call the fast variant once
per text and recover offsets with one `str.find` per sentence. Bling Fire joins lines, so newlines are
swapped for U+2029 (PARAGRAPH SEPARATOR, same length), after which it always ends a sentence.
"""

from __future__ import annotations

import re

import blingfire

_PARAGRAPH = re.compile(r"[^\n]+")
_PARA_SEP = "\u2029"
# Bling Fire rewrites control characters to spaces and keeps every other character, so a sentence's
# first characters (before any whitespace, which it may normalise) locate it in the text.
_PROBE = 12


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, _end = match.span()
        chunk = match.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed; a sentence never crosses a newline."""
    work = text.replace("\n", _PARA_SEP)
    out = blingfire.text_to_sentences(work)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in out.split("\n"):
        piece = piece.strip().strip(_PARA_SEP).strip()
        if not piece:
            continue
        probe = piece[:_PROBE].split(None, 1)[0] if piece[:_PROBE].strip() else piece[:1]
        found = work.find(probe, cursor)
        if found < 0:  # a character Bling Fire rewrote: continue where we are
            found = cursor
        spans.append((found, found))
        cursor = found + max(1, len(probe))
    # Each sentence runs to the next one's start (or the end of its paragraph), trimmed.
    result = []
    n = len(spans)
    for i in range(n):
        start = spans[i][0]
        stop = spans[i + 1][0] if i + 1 < n else len(text)
        newline = text.find("\n", start, stop)
        if newline >= 0:
            stop = newline
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            result.append((start, stop))
    return result
