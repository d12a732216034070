"""Find quoted passages: pair quotation marks paragraph by paragraph.

One regex finds every double quotation mark and the loop pairs them, so the work is linear in the
number of marks (no regex backtracks over the text between them).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefs.extract.sentences import paragraphs

_MARK = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
# Wire copy typed on old systems closes a quote with two apostrophes ("We are ready,'' she said), which
# smart-quote software turns into two right single marks (’’). Only a text that holds a pair is searched
# with this one, so the common case keeps the single-class scan.
_MARK_TYPEWRITER = re.compile("''|\u2019\u2019|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
OPENERS = "\u201c\u201e\u201f\u00ab"
CLOSERS = "\u201d\u00bb"
# Invisible format characters (direction marks, zero-width spaces, BOM) that pasted text leaves at a
# paragraph's start: they do not count as text before a mark.
_FORMAT = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"


@dataclass(slots=True)
class Span:
    """A quoted passage: [start, end) is the text inside the marks (trimmed)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    para: int  # index of its paragraph
    continues: bool = False  # the paragraph ended with the quote open and the next one reopens it
    continuation: bool = False  # this quote reopens one left open by the previous paragraph


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SINGLE = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=^\s))['\u2018](?=[A-Z0-9])", re.MULTILINE)


def _single_opener(text: str, lo: int, hi: int) -> int | None:
    """A single mark that opens a sentence between lo and hi (at a paragraph's or a sentence's start).

    Mid-sentence single marks are apostrophes or quotes inside a quote, so only a sentence's first mark counts.
    """
    if text.find("'", lo, hi) < 0 and text.find("\u2018", lo, hi) < 0:
        return None  # most closing marks have no single mark before them: skip the regex
    m = _SINGLE.search(text, lo, hi)
    if m is None:
        return None
    return m.start()


def _closes_here(text: str, pos: int, p_end: int) -> bool:
    """A double mark right after a word or sentence punctuation, then a space or the paragraph's end."""
    return not text[pos - 1].isspace() and (pos + 1 >= p_end or text[pos + 1].isspace())


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[Span]:
    """Every quoted passage in reading order."""
    paras = paragraphs(text) if paras is None else paras
    if _MARK.search(text) is None:
        # No double mark anywhere: the newsroom quotes with single marks (‘We are ready,’ he said.), if at all.
        spans = _single_quotes(text, paras)
        return _outside_apostrophe_pairs(text, spans) if "''" in text else spans
    spans: list[Span] = []
    marks = _MARK_TYPEWRITER if "''" in text or "\u2019\u2019" in text else _MARK
    for index, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        open_char = ""
        last_mark = p_start
        for match in marks.finditer(text, p_start, p_end):
            pos = match.start()
            ch = text[pos]
            if ch in "'\u2019":
                # Two apostrophes: they close an open quote when glued to its last word (``...'' or "...'').
                if open_at is not None and _closes_here(text, pos + 1, p_end) and not text[pos - 1].isspace():
                    start, end = _trim(text, open_at + 1, pos)
                    if end > start:
                        spans.append(Span(start, end, open_at, pos + 1, index))
                    open_at = None
                    last_mark = pos + 2
                continue
            if open_at is None:
                single = _single_opener(text, last_mark, pos) if ch in CLOSERS or ch == '"' else None
                if single is not None and _closes_here(text, pos, p_end):
                    # `'Shops must stop this," the group said.`: a single mark opened what a double one closes.
                    start, end = _trim(text, single + 1, pos)
                    if end > start:
                        spans.append(Span(start, end, single, pos, index))
                    last_mark = pos + 1
                    continue
                if ch in CLOSERS:
                    # A closing mark typed as an opener (”Fear. ...) at a paragraph or word start.
                    para_start = text[p_start:pos].strip(_FORMAT) == ""
                    at_start = para_start or text[pos - 1].isspace()
                    glued = pos + 1 < p_end and not text[pos + 1].isspace()
                    # At the paragraph's very start (”… in the end, ” she said) it opens even before a space,
                    # when another mark later in the paragraph can close it.
                    if not (at_start and (glued or (para_start and _MARK.search(text, pos + 1, p_end)))):
                        continue
                    open_at, open_char = pos, ch
                    continue
                if ch == '"' and pos + 1 < p_end and text[pos + 1].isspace() and pos > p_start:
                    continue  # a straight mark followed by a space cannot open
                open_at, open_char = pos, ch
                continue
            # A quote is open: a closing mark (or a straight one, or „...“ in the German style) closes it.
            closes = ch in CLOSERS or ch == '"' or (open_char == "\u201e" and ch == "\u201c")
            # An opening mark typed where the closing one belongs (fascist?“ he asked): glued to the word
            # before it and followed by a space or the paragraph's end, it can only close.
            if ch in OPENERS and not closes and not text[pos - 1].isspace():
                closes = pos + 1 >= p_end or text[pos + 1].isspace()
            # Paragraphs merged by the source leave a quote unclosed before the next one opens
            # (`said: "Sales fell. "We expect ...`): a mark after a sentence's end and a space, before a word,
            # opens a new quote, and the open one ends at that sentence's end.
            reopens = (
                text[pos - 1].isspace()
                and text[pos - 2] in ".!?"
                and pos + 1 < p_end
                and text[pos + 1].isalnum()
                and (ch == '"' or ch in OPENERS)
            )
            if reopens:
                start, end = _trim(text, open_at + 1, pos)
                if end > start:
                    spans.append(Span(start, end, open_at, None, index))
                open_at, open_char = pos, ch
                continue
            if ch in OPENERS and not closes:
                # Two openers in a row: the first was never closed; start again from this one.
                open_at, open_char = pos, ch
                continue
            if closes:
                start, end = _trim(text, open_at + 1, pos)
                if end > start:
                    spans.append(Span(start, end, open_at, pos, index))
                open_at = None
                last_mark = pos + 1
        if open_at is not None:
            start, end = _trim(text, open_at + 1, p_end)
            if end > start:
                span = Span(start, end, open_at, None, index)
                nxt = paras[index + 1][0] if index + 1 < len(paras) else None
                span.continues = nxt is not None and text[nxt] in OPENERS + '"'
                spans.append(span)
    if "'" in text or "\u2018" in text:
        spans = _with_single_quotes(text, paras, spans)
    # Mark the reopening quotes of multi-paragraph quotes.
    for i in range(1, len(spans)):
        prev, cur = spans[i - 1], spans[i]
        if prev.continues and cur.para == prev.para + 1 and cur.open_mark == paras[cur.para][0]:
            cur.continuation = True
    return spans


_SINGLE_MARK = re.compile("[\u2018\u2019']")


def _single_openers(text: str):
    """Offsets of the single marks that may open a quote: at a word's start, a \u2018 before a letter or digit,
    a straight mark before a capital. Found with str.find, not a regex: sre tries an alternation at every
    character (~4 ms over the dev corpus), while the marks are a few dozen per article."""
    for mark in ("\u2018", "'"):
        pos = text.find(mark)
        while pos >= 0:
            after = text[pos + 1 : pos + 2]
            if (
                (pos == 0 or text[pos - 1] in _OPEN_BEFORE)
                and after
                and (_straight_opens(text, pos) if mark == "'" else after.isalnum())
            ):
                yield pos
            pos = text.find(mark, pos + 1)
def _straight_opens(text: str, pos: int) -> bool:
    """A straight mark at a word's start opens a quote before a capital, or before a lower-case word when a
    mark closes it within the sentence (`were 'a shambles' and`), so that `'90s`, `rock 'n' roll` and
    `'til` stay apostrophes."""
    after = text[pos + 1:pos + 2]
    if after.isupper():
        return True
    if not after.islower():
        return False
    close = text.find("'", pos + 1, pos + 160)
    while close >= 0:
        if text[close + 1:close + 2] in _CLOSE_AFTER or close + 1 == len(text):
            inner = text[pos + 1:close]
            return (not text[close - 1].isspace() and len(inner) >= 3 and inner not in _ELISIONS
                    and not _SENTENCE_BREAK.search(inner))
        close = text.find("'", close + 1, pos + 160)
    return False


_ELISIONS = {"til", "tis", "twas", "cause", "bout", "em", "n"}
_SENTENCE_BREAK = re.compile(r"[.!?][^\S\n]+[A-Z]|\n")
_OPEN_BEFORE = " \t\n([\u2014\u2013-"  # what may come right before an opening mark
_CLOSE_AFTER = " \t\n.,;:!?)\u2014\u2013-\u2026"  # what may come right after a closing one
# A cue right after `s’ `: the mark closes a quote (‘... the players’ said Lee?) rather than making a plural
# possessive (the players’ union). Kept short: most closing marks follow punctuation, not a letter.
_CUE_AFTER = re.compile(r"[^\S\n]+(?:said|says|told|added|asked|wrote|warned|insisted|claimed|explained)\b")


# Archive copy typed for old systems marks a quote with two apostrophes each side (''I said, 'Wait,''' he
# recalled). A single mark inside such a pair is a quote within a quote, not speech of its own; the pairs
# themselves are left unread, since two apostrophes also stand for a closing double mark or an elision.
# The pattern opens with its literal so that re skips ahead to each pair; the mark before is checked after.
_APOSTROPHE_PAIR = re.compile(r"''(?=\S)[^\n]*?(?<=\S)''(?!\w)")


def _outside_apostrophe_pairs(text: str, spans: list[Span]) -> list[Span]:
    pairs = []
    at = text.find("''")
    while at >= 0:
        m = _APOSTROPHE_PAIR.match(text, at) if at == 0 or text[at - 1] in " \t\r\n\xa0([\u2014" else None
        if m:
            pairs.append((m.start(), m.end()))
        at = text.find("''", m.end() if m else at + 2)
    if not pairs:
        return spans
    starts = [a for a, _ in pairs]
    kept = []
    for span in spans:
        k = bisect.bisect_right(starts, span.open_mark) - 1
        if k < 0 or span.open_mark >= pairs[k][1]:
            kept.append(span)
    return kept


def _with_single_quotes(text: str, paras: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """Add the quotes a newsroom marks with single marks in an article that uses double ones elsewhere
    (tabloids quote speech in single marks and keep double ones for titles and headlines).

    Only a single-marked passage outside every double-marked one counts, and only when it reads as speech:
    it opens a paragraph or follows a colon, or it ends with a comma or a sentence's end inside the marks
    (`'We are ready,' he said.`). A short phrase in single marks mid-sentence stays a scare quote."""
    extra = []
    k = 0
    singles = _single_quotes(text, paras)
    if "''" in text:
        singles = _outside_apostrophe_pairs(text, singles)
    # Where speech is double-marked (`," he said`), a paragraph that is nothing but a single-marked line is
    # a subhead ('A fight from start to finish.'), not a quote.
    double_speech = sum(text[span.end - 1:span.end] in ",.!?" for span in spans) >= 2
    for single in singles:
        while k < len(spans) and (spans[k].close_mark or spans[k].end) < single.open_mark:
            k += 1
        if k < len(spans) and spans[k].open_mark <= (single.close_mark or single.end):
            continue  # inside (or across) a double-marked quote: a quote within a quote
        p_start, p_end = paras[single.para]
        if single.para == 0 and len(text[p_start:min(p_end, p_start + 300)].split()) <= 20:
            continue  # the first short line of a pasted article is its headline: `Lee: 'Be heard'`
        lead = text[p_start:single.open_mark].strip(_FORMAT + " \t")
        if double_speech and lead == "" and not text[(single.close_mark or single.end) + 1:p_end].strip():
            continue
        if not (lead == "" or lead.endswith(":") or text[single.end - 1] in ",.!?"):
            continue
        words = text[single.start:min(single.end, single.start + 200)].split()
        if len(words) >= 2 and all(w[:1].isupper() or w in _SMALL_WORDS for w in words):
            continue  # 'Legend in the Coal Fields.': a headline or a title in single marks
        extra.append(single)
    if not extra:
        return spans
    return sorted(spans + extra, key=open_mark_of)


_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "as", "is"}


def open_mark_of(span: Span) -> int:
    """A span's opening mark: the key that keeps spans in reading order."""
    return span.open_mark


def _single_quotes(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Quotes marked with single marks. An apostrophe sits inside a word (don’t) or after a plural's s
    (the players’ union), so a mark opens only at a word's start and closes only before a space or
    punctuation, and `s’` before a lower-case word that is no cue is read as a possessive."""
    spans: list[Span] = []
    # Apostrophes are in nearly every paragraph; a quote opener (a mark at a word's start before a capital or
    # a letter) in few. Only paragraphs that hold one are walked mark by mark.
    starts = [p for p, _ in paras]
    openers = set(_single_openers(text))
    wanted = sorted({bisect.bisect_right(starts, pos) - 1 for pos in openers})
    for index in wanted:
        p_start, p_end = paras[index]
        open_at: int | None = None
        fragment = False
        for match in _SINGLE_MARK.finditer(text, p_start, p_end):
            pos = match.start()
            ch = text[pos]
            before = text[pos - 1] if pos > p_start else " "
            after = text[pos + 1] if pos + 1 < p_end else " "
            if open_at is None:
                # The openers found above (a straight mark before a capital or a fragment that closes in its
                # sentence; ’90s and rock 'n' roll are no quotes), decided once.
                if pos in openers:
                    open_at = pos
                    fragment = ch == "'" and after.islower()
                continue
            if ch == "\u2018" and before in _OPEN_BEFORE and not after.isspace():
                open_at = pos  # an opener while one is open: the first was never closed
                continue
            if before.isspace() or after not in _CLOSE_AFTER:
                continue  # inside a word: an apostrophe
            # (A lower-case fragment closes at its first such mark: `were 'a shambles' and ...`.)
            plural = before == "s" and after == " " and text[pos + 2:pos + 3].islower() and not fragment
            if plural and not _CUE_AFTER.match(text, pos + 1):
                continue  # the players’ union
            start, end = _trim(text, open_at + 1, pos)
            if end > start:
                spans.append(Span(start, end, open_at, pos, index))
            open_at = None
        if open_at is not None:
            # Left open: a quote only when the next paragraph reopens it (a quote over several paragraphs);
            # else the mark was an apostrophe after all.
            nxt = paras[index + 1][0] if index + 1 < len(paras) else None
            start, end = _trim(text, open_at + 1, p_end)
            if end > start and nxt is not None and text[nxt] in "\u2018'":
                spans.append(Span(start, end, open_at, None, index, continues=True))
    for i in range(1, len(spans)):
        prev, cur = spans[i - 1], spans[i]
        if prev.continues and cur.para == prev.para + 1 and cur.open_mark == paras[cur.para][0]:
            cur.continuation = True
    return spans
