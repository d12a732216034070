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

_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")
_PARA_SEP = "\u2029"
# Bling Fire rewrites control characters to spaces and keeps every other character, so a sentence's
# first characters (before any whitespace, which it may normalise) locate it in the text.
_PROBE = 12
_PROBES = re.compile(rf"\n[^\S\n]*(\S{{1,{_PROBE}}})([^\n]*)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    # A match runs from a line's first non-space character to its last (`\s` is what str.strip strips),
    # so the regex hands back trimmed spans without a Python step per line.
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence starts, ascending; `sentences` runs each to the next start (or its line's end).

    Callers that only need a few sentences (facts keeps those with a signal) trim just those with
    `sentence_end` instead of paying for every sentence's end.

    Each probe is searched from past the previous sentence's last non-space character at the earliest:
    Bling Fire only normalises whitespace, so a sentence covers at least as many characters in the text
    as it has non-space characters in Bling Fire's output. Searching from just past the previous probe
    let a short probe ("A", "He", "Clinton") land inside the sentence before it.
    """
    work = text.replace("\n", _PARA_SEP)
    find = work.find
    starts: list[int] = []
    cursor = 0
    # One regex pass pulls every sentence's probe out of Bling Fire's output (a stripped line's first
    # run of non-space characters, at most _PROBE long) instead of strip/slice/split per line in Python.
    # `\s` and str.split() agree on what whitespace is, so this yields exactly one probe per non-blank
    # line. The pattern starts with a literal newline (one is put before the first line) because `^` in
    # MULTILINE mode is tried at every character: 4x slower. Its leading whitespace must not cross a
    # newline: `\n\s*` retried from every newline of a long blank stretch was quadratic.
    for probe, rest in _PROBES.findall("\n" + blingfire.text_to_sentences(work)):
        found = find(probe, cursor)
        if found < 0:  # a character Bling Fire rewrote: continue where we are
            found = cursor
        starts.append(found)
        # The rest of the sentence holds at least its non-space characters: the next one starts later.
        cursor = found + len(probe) + len(rest) - rest.count(" ") - rest.count(_PARA_SEP) - rest.count("\t")
    return starts


def sentence_end(text: str, start: int, stop: int) -> int:
    """End of the sentence at `start` whose successor starts at `stop`: cut at a newline, trimmed."""
    newline = text.find("\n", start, stop)
    if newline >= 0:
        stop = newline
    return start + len(text[start:stop].rstrip())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed; a sentence never crosses a newline."""
    starts = sentence_starts(text)
    starts.append(len(text))
    result = []
    for i in range(len(starts) - 1):
        start = starts[i]
        end = sentence_end(text, start, starts[i + 1])
        if end > start:
            result.append((start, end))
    return result
