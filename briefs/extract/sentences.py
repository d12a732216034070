"""Paragraphs and sentences as str offsets.

Sentence splitting uses Bling Fire (a compiled finite-state splitter). Measured on the 84 PolNeAR dev
articles, one core (`python bench/extract_bench.py DIR` prints the splitter beside the analysis): Bling
Fire ~5 M words/s; nltk punkt ~0.5 M; pysbd ~0.04 M.

We call Bling Fire's C function that also returns each sentence's byte offsets
(TextToSentencesWithOffsets) through the library's own ctypes handle, not its Python wrapper: the
wrapper maps offsets back to characters in a Python loop over every byte (~1.3 M words/s, too slow to
leave room for the rest of the analysis), and the offset-free variant leaves us to find each sentence
in the text again, which went wrong where a sentence's first word also ended the one before it. Here
byte offsets become str offsets line by line (ASCII lines by subtraction), so they are exact.

Bling Fire joins lines, so lines are joined with U+2029 (PARAGRAPH SEPARATOR), after which it always
ends a sentence, and a line splits the same alone as in its text.
"""

from __future__ import annotations

import re
import threading
from ctypes import byref, c_char_p, c_int, c_int32, create_string_buffer

import blingfire

_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")
_PARA_SEP = "\u2029"
_SEP_BYTES = len(_PARA_SEP.encode())
# Bling Fire needs output buffers of twice the input's bytes (its own wrapper's sizing), and two int32
# arrays as long again for the offsets: 18 bytes per input byte. Lines are split in batches of at most
# this many bytes, and a longer line in pieces cut at a space (only a pathological paragraph is that long),
# so a 10 MB input never asks for 180 MB at once.
_BATCH_BYTES = 1 << 20


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    # A match runs from a line's first non-space character to its last (`\s` is what str.strip strips),
    # so the regex hands back trimmed spans without a Python step per line.
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def sentence_starts(text: str, lines: list[tuple[int, int]] | None = None) -> list[int]:
    """Where each sentence starts, ascending; `sentences` runs each to the next start (or its line's end).

    `lines` are ascending (start, end) spans without a newline, such as `paragraphs` gives (the default):
    only those are split. Facts need only the paragraphs that hold a signal, and Bling Fire is the
    costliest step of the analysis.

    Callers that only need a few sentences (facts keeps those with a signal) trim just those with
    `sentence_end` instead of paying for every sentence's end.
    """
    lines = paragraphs(text) if lines is None else lines
    starts: list[int] = []
    batch: list[tuple[int, int]] = []
    size = 0
    for start, end in _pieces(text, lines):
        if batch and size + (end - start) * 4 > _BATCH_BYTES:
            starts += _split(text, batch)
            batch, size = [], 0
        batch.append((start, end))
        size += (end - start) * 4 + _SEP_BYTES  # at most 4 UTF-8 bytes per character
    if batch:
        starts += _split(text, batch)
    return starts


def _pieces(text: str, lines: list[tuple[int, int]]):
    limit = _BATCH_BYTES // 4
    for start, end in lines:
        while end - start > limit:
            cut = text.rfind(" ", start + limit // 2, start + limit)
            cut = cut if cut > start else start + limit
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


_local = threading.local()
# Buffers up to this many bytes are kept per thread for the next call: allocating (and zeroing) them was a
# fifth of the splitter's time on news articles. Larger ones are made afresh and let go.
_KEEP_ROOM = 1 << 18


def _buffers(room: int):
    if room > _KEEP_ROOM:
        return create_string_buffer(room), (c_int32 * room)(), (c_int32 * room)()
    kept = getattr(_local, "buffers", None)
    if kept is None:
        kept = _local.buffers = (create_string_buffer(_KEEP_ROOM), (c_int32 * _KEEP_ROOM)(), (c_int32 * _KEEP_ROOM)())
    return kept


def _split(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """Bling Fire on the lines joined by U+2029; sentence starts as str offsets into `text`."""
    chunks = [text[start:end] for start, end in lines]
    # Every line follows a separator, the first one too: Bling Fire splits the very start of its input
    # differently ("J. Smith said" stays whole there, not after a separator), and a line must split the
    # same whichever batch it falls in.
    data = (_PARA_SEP + _PARA_SEP.join(chunks)).encode("utf-8", "replace")
    room = 2 * len(data) + 16
    out, firsts, lasts = _buffers(room)
    count = blingfire.blingfire.TextToSentencesWithOffsets(
        c_char_p(data), c_int(len(data)), byref(out), byref(firsts), byref(lasts), c_int(room)
    )
    if count <= 0 or count > room:
        return []
    total = out.raw[:count].count(b"\n") + 1
    firsts_list = firsts[:total]
    lasts_list = lasts[:total]
    starts: list[int] = []
    line = -1
    line_start = 0
    ascii_line = True
    byte_start = byte_end = 0
    # Where the last offset was worked out in this line, in bytes and characters: a non-ASCII line is
    # decoded piece by piece, once, not from its start for every sentence (quadratic on a long line).
    seen_byte = seen_char = 0
    joined = False
    for first, last in zip(firsts_list, lasts_list, strict=True):
        while first >= byte_end and line + 1 < len(lines):
            line += 1
            line_start = lines[line][0]
            chunk = chunks[line]
            ascii_line = chunk.isascii()
            byte_start = byte_end + _SEP_BYTES
            byte_end = byte_start + (len(chunk) if ascii_line else len(chunk.encode("utf-8", "replace")))
            seen_byte, seen_char = byte_start, 0
        if first >= byte_end or first < byte_start:
            continue  # a separator on its own
        if not joined:
            if ascii_line:
                starts.append(line_start + first - byte_start)
            else:
                seen_char += len(data[seen_byte:first].decode("utf-8", "replace"))
                seen_byte = first
                starts.append(line_start + seen_char)
        # Bling Fire often ends a sentence after a title or an abbreviation that opens the next one ("... the
        # council.\nMr.\nLee agreed.", "J.\nSmith said"): a sentence that is one word of at most 7 bytes
        # ending in a full stop belongs to the one after it, in the same line.
        joined = last - first < 7 and last + 1 < byte_end and _opens_a_sentence(data[first:last + 1].strip())
    return starts


def _opens_a_sentence(word: bytes) -> bool:
    """A title or abbreviation ("Mr.", "Messrs.", "J.", "Jan.", "U.S.") that Bling Fire left on its own."""
    return word.endswith(b".") and b" " not in word and bool(word.strip(b"."))


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
