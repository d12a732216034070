"""Is a quote what the source said? Compare a brief's wording with the source snapshot.

The quote is turned into one regular expression per ellipsis-separated part, in which every typographic
variant the issue allows is a character class (any quotation mark or apostrophe, any dash with or without
spaces, any whitespace run, either case for a part's first letter) and each `[bracketed]` insertion is a
short bounded gap. `re` then finds it in C, so checking a quote costs one compile and one scan of its
passage, linear in practice. Only a quote that fails pays for rapidfuzz to find the closest passage and for
a word-level diff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["exact", "typographic", "ellipsis", "bracketed", "failed"]

_QUOTE_MARKS = "'\"‘’‚‛′″‵`´“”„‟«»‹›"
_DASHES = "\\-‐‑‒–—―−"
_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# AP style: "...", ". . ." or "…", optionally in brackets ("[...]"), with any spacing around it.
_ELLIPSIS = re.compile(r"\s*\[?\s*(?:\.\s*\.\s*\.|…)\s*\]?\s*")
_TOKEN = re.compile(
    rf"(?P<bracket>\[[^\]\n]*\])|(?P<dash>\s*[{_DASHES}]+\s*)|(?P<space>\s+)|(?P<mark>[{_QUOTE_MARKS}])"
    rf"|(?P<zw>[{_ZERO_WIDTH}])|(?P<text>[^\s\[{_DASHES}{_QUOTE_MARKS}{_ZERO_WIDTH}]+)|(?P<other>[\s\S])"
)
_MARK_CLASS = f"[{_QUOTE_MARKS}]"
_DASH_CLASS = rf"\s*[{_DASHES}]+\s*"
# A bracketed insertion stands for a few words of the source (or none): at most this many characters,
# never across a line, so a bracket cannot swallow a paragraph.
_GAP_CHARS = 80
_END_PUNCT = ".,;:"
_CANON = str.maketrans({**{c: "'" for c in _QUOTE_MARKS}, **{c: "-" for c in "‐‑‒–—―−"}})
_WORD = re.compile(r"\S+")
# Words for the diff: a dash ends a word (and stays with it), so "smash-and-grab" diffs word by word.
_DIFF_WORD = re.compile(r"[^\s\-‐‑‒–—―−]+[\-‐‑‒–—―−]*")
_SENTENCE_END = re.compile(rf"[.!?][{_QUOTE_MARKS})]*$")


@dataclass(frozen=True)
class QuoteVerdict:
    """The result of comparing one quote with its source."""

    ok: bool
    status: Status
    span: tuple[int, int] | None = None
    """(start, end) in the source text of the passage the quote matched (or the closest, when failed)."""
    closest: str | None = None
    """The closest source passage, when the quote failed."""
    diff: str = ""
    """Word-level diff from the source passage to the quote: `[-source words-]{+quote words+}`."""
    replacements: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """Each `[bracketed]` insertion and the source words it stands for."""
    moved: bool = False
    """The quote matched the source, but not inside the start/end it was given."""
    score: float = 100.0

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "status": self.status,
            "span": list(self.span) if self.span else None,
            "closest": self.closest,
            "diff": self.diff,
            "replacements": [{"bracket": b, "source": s} for b, s in self.replacements],
            "moved": self.moved,
        }


@dataclass(frozen=True)
class _Part:
    pattern: re.Pattern[str]
    brackets: tuple[str, ...]
    lead: tuple[str, bool] | None = None
    """A bracket that opens the part, and whether it is attached to the next word ("[T]hat")."""
    trail: tuple[str, bool] | None = None


def split_parts(quote: str) -> list[str]:
    """The quote's parts between ellipses (empty parts, from a leading or trailing ellipsis, dropped)."""
    return [p for p in (s.strip() for s in _ELLIPSIS.split(quote)) if p]


def _part_pattern(part: str, *, first: bool, last: bool) -> _Part:
    tokens = list(_TOKEN.finditer(part))
    lead = trail = None
    # A bracket at either end of a part cannot be a gap: the leftmost-first search would stretch it over
    # as much text as it may. It is matched from the words beside it instead (see _edge_words).
    if tokens and tokens[0].lastgroup == "bracket" and len(tokens) > 1:
        lead = (tokens[0].group(), tokens[1].lastgroup != "space")
        tokens = tokens[1:]
        while tokens and tokens[0].lastgroup == "space":
            tokens = tokens[1:]
    if tokens and tokens[-1].lastgroup == "bracket" and len(tokens) > 1:
        trail = (tokens[-1].group(), tokens[-2].lastgroup != "space")
        tokens = tokens[:-1]
        while tokens and tokens[-1].lastgroup == "space":
            tokens = tokens[:-1]
    out: list[str] = []
    brackets: list[str] = []
    seen_letter = False
    skip_space = False
    for i, tok in enumerate(tokens):
        kind = tok.lastgroup
        value = tok.group()
        if kind == "bracket":
            # Spaces next to the bracket are optional: "[the agency] said" may stand for "it said" or "said".
            if out and out[-1] == r"\s+":
                out.pop()
            out.append(rf"\s*(?P<b{len(brackets)}>[^\n]{{0,{_GAP_CHARS}}}?)\s*")
            brackets.append(value)
            skip_space = True
            seen_letter = True
            continue
        if kind == "space":
            if not skip_space:
                out.append(r"\s+")
            continue
        skip_space = False
        if kind == "dash":
            out.append(_DASH_CLASS)
        elif kind == "mark":
            # A quotation mark that opens or closes the whole quote may be the brief's, not the source's.
            optional = (first and i == 0) or (last and i == len(tokens) - 1)
            out.append(_MARK_CLASS + ("?" if optional else ""))
        elif kind == "zw":
            continue
        elif kind == "other":  # a "[" that opens no bracket: only itself
            out.append(re.escape(value))
        else:
            tail = ""
            if last and trail is None and i == len(tokens) - 1 and value[-1] == "." and len(value) > 1:
                # The one liberty print takes at a quote's end: a full stop where the source has the comma
                # that led into its attribution ("We lost," he said -> "We lost.").
                value = value[:-1]
                tail = "[.,]"
            if not seen_letter and value and value[0].isalpha() and lead is None:
                # The first letter of a part may be capitalised (or lowered) to fit the brief's sentence.
                letter = value[0]
                out.append(f"[{re.escape(letter.upper())}{re.escape(letter.lower())}]" + re.escape(value[1:]))
            else:
                out.append(re.escape(value))
            out.append(tail)
            seen_letter = True
    # Whole words only at the edges: "at the plant" must not verify against "that the plant".
    core = "".join(tok.group() for tok in tokens)
    if core[:1].isalnum() and not (lead and lead[1]):
        out.insert(0, r"(?<!\w)")
    ends_word = core[-1:].isalnum() or (core[-1:] in _END_PUNCT and core[-2:-1].isalnum())
    if ends_word and not (trail and trail[1]):
        out.append(r"(?!\w)")
    return _Part(re.compile("".join(out)), tuple(brackets), lead, trail)


def _edge_words(text: str, pos: int, bracket: str, attached: bool, *, before: bool) -> tuple[int, str]:
    """The source text an edge bracket stands for: the rest of an attached word ("[T]hat"), else as many
    words beside the match as the bracket holds, within the line. Returns the far end and the text."""
    if attached:
        far = pos
        if before:
            while far > 0 and not text[far - 1].isspace():
                far -= 1
            return far, text[far:pos]
        while far < len(text) and not text[far].isspace():
            far += 1
        return far, text[pos:far]
    want = max(1, len(bracket.strip("[]").split()))
    # Words are taken within the sentence: a bracket stands for words of the sentence it opens or closes.
    if before:
        line_start = text.rfind("\n", 0, pos) + 1
        words = []
        for w in reversed(list(_WORD.finditer(text, line_start, pos))):
            if len(words) == want or _SENTENCE_END.search(w.group()):
                break
            words.append(w)
        if not words:
            return pos, ""
        far = words[-1].start()
        return far, text[far:pos].strip().strip(_QUOTE_MARKS)
    line_end = text.find("\n", pos)
    words = []
    for w in _WORD.finditer(text, pos, line_end if line_end >= 0 else len(text)):
        words.append(w)
        if len(words) == want or _SENTENCE_END.search(w.group()):
            break
    if not words:
        return pos, ""
    far = words[-1].end()
    return far, text[pos:far].strip().strip(_QUOTE_MARKS)


def _paragraph_end(text: str, pos: int, limit: int) -> int:
    end = text.find("\n", pos)
    return limit if end < 0 or end > limit else end


def _match(parts: list[_Part], text: str, lo: int, hi: int, one_passage: bool) -> list[re.Match[str]] | None:
    """Each part matched in order, all within one passage of text[lo:hi]: the region itself when
    `one_passage`, else a paragraph of it."""
    head, rest = parts[0], parts[1:]
    tried: set[int] = set()
    for m in head.pattern.finditer(text, lo, hi):
        limit = hi if one_passage else _paragraph_end(text, m.end(), hi)
        if rest and limit in tried:
            # An earlier start in the same passage left at least as much room for the other parts.
            continue
        tried.add(limit)
        matches = [m]
        pos = m.end()
        for part in rest:
            nxt = part.pattern.search(text, pos, limit)
            if nxt is None:
                break
            matches.append(nxt)
            pos = nxt.end()
        else:
            return matches
    return None


def verify_quote(quote: str, source_text: str, start: int | None = None, end: int | None = None) -> QuoteVerdict:
    """Check that `quote` is what `source_text` says, at [start, end) when given (else anywhere)."""
    if (
        start is not None
        and end is not None
        and quote
        and source_text[start:end] == quote
        and not (start > 0 and source_text[start - 1].isalnum() and quote[0].isalnum())
        and not (end < len(source_text) and source_text[end].isalnum() and quote[-1].isalnum())
    ):
        # The common case, an unedited pick: the very characters at its offsets, cut at word edges.
        # Building the tolerant patterns below costs far more than this comparison.
        return QuoteVerdict(True, "exact", span=(start, end))
    texts = split_parts(quote)
    if not texts:
        return QuoteVerdict(False, "failed", diff="the quote is empty")
    parts = [_part_pattern(t, first=i == 0, last=i == len(texts) - 1) for i, t in enumerate(texts)]
    found = None
    moved = False
    if start is not None and end is not None and 0 <= start <= end <= len(source_text):
        found = _match(parts, source_text, start, end, one_passage=True)
    if found is None:
        found = _match(parts, source_text, 0, len(source_text), one_passage=False)
        moved = found is not None and start is not None
    if found is None:
        return _failure(quote, source_text, start, end)
    span = [found[0].start(), found[-1].end()]
    replacements: list[tuple[str, str]] = []
    for n_part, (part, m) in enumerate(zip(parts, found, strict=True)):
        if part.lead:
            far, words = _edge_words(source_text, m.start(), *part.lead, before=True)
            replacements.append((part.lead[0], words))
            if n_part == 0:
                span[0] = far
        for n, bracket in enumerate(part.brackets):
            replacements.append((bracket, m.group(f"b{n}").strip()))
        if part.trail:
            far, words = _edge_words(source_text, m.end(), *part.trail, before=False)
            replacements.append((part.trail[0], words))
            if n_part == len(parts) - 1:
                span[1] = far
    if replacements:
        status: Status = "bracketed"
    elif len(parts) > 1:
        status = "ellipsis"
    elif source_text[span[0]:span[1]] == quote:
        status = "exact"
    else:
        status = "typographic"
    return QuoteVerdict(True, status, span=(span[0], span[1]), replacements=tuple(replacements), moved=moved)


# ------------------------------------------------------------------------------------------ failure
def canon_words(text: str) -> list[str]:
    """Words compared for the diff: typographic variants folded, end punctuation and case ignored."""
    folded = text.translate(_CANON)
    return [w.strip(_END_PUNCT + "'\"-").lower() or w for w in _DIFF_WORD.findall(folded)]


def _failure(quote: str, source_text: str, start: int | None, end: int | None) -> QuoteVerdict:
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    plain = " ".join(split_parts(quote)) or quote
    if not source_text.strip():
        return QuoteVerdict(False, "failed", diff="the source text is empty", score=0.0)
    candidates: list[tuple[int, int]] = []
    if start is not None and end is not None and 0 <= start < end <= len(source_text):
        # The passage the quote points at is what the writer meant to quote, so it is the first candidate.
        candidates.append(_trim_to_quote(source_text, *_widen_to_words(source_text, start, end), plain))
    needle = plain.translate(_CANON)
    haystack = source_text.translate(_CANON)
    if len(needle) >= len(haystack):
        candidates.append((0, len(source_text)))
    else:
        al = fuzz.partial_ratio_alignment(needle, haystack)
        s, e = _widen_to_words(source_text, al.dest_start, al.dest_end)
        candidates.append(_trim_to_quote(source_text, s, e, plain))
    quote_words = canon_words(plain)

    def likeness(span: tuple[int, int]) -> float:
        return Indel.normalized_similarity(canon_words(source_text[span[0]:span[1]]), quote_words)

    # The pointed-at passage stays the answer unless another is clearly closer (the quote moved).
    scores = [likeness(c) - (0.2 if n else 0.0) for n, c in enumerate(candidates)]
    s, e = candidates[scores.index(max(scores))]
    while s < e and source_text[s] in _QUOTE_MARKS:
        s += 1
    while e > s and source_text[e - 1] in _QUOTE_MARKS:
        e -= 1
    passage = source_text[s:e]
    return QuoteVerdict(False, "failed", span=(s, e), closest=passage, diff=word_diff(passage, plain),
                        score=round(100 * likeness((s, e)), 1))


def _trim_to_quote(text: str, s: int, e: int, quote: str) -> tuple[int, int]:
    """Drop source words at either end of the passage that the quote does not reach (the fuzzy window
    is as long as the quote, so it often takes in a neighbouring word)."""
    from rapidfuzz.distance import Indel

    words = list(_DIFF_WORD.finditer(text, s, e))
    if not words:
        return s, e
    ops = Indel.opcodes(canon_words(text[s:e]), canon_words(quote))
    lead = ops[0].src_end if ops and ops[0].tag == "delete" else 0
    trail = len(words) - ops[-1].src_start if ops and ops[-1].tag == "delete" else 0
    if lead + trail >= len(words):
        return s, e
    last = words[len(words) - 1 - trail]
    return words[lead].start(), last.start() + len(last.group().rstrip("-‐‑‒–—―−"))


def _widen_to_words(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def word_diff(source: str, quote: str, context: int = 4) -> str:
    """`source` -> `quote` as words: unchanged words, `[-removed-]` and `{+added+}`, long runs elided.
    Each run is printed as the text it spans, so spacing and dashes read as written."""
    from rapidfuzz.distance import Indel

    a = list(_DIFF_WORD.finditer(source))
    b = list(_DIFF_WORD.finditer(quote))

    def run(text: str, words: list[re.Match[str]], i: int, j: int) -> str:
        return " ".join(text[words[i].start():words[j - 1].end()].split()) if j > i else ""

    out: list[str] = []
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []

    def flush() -> None:
        if removed:
            out.append("[-" + run(source, a, removed[0][0], removed[-1][1]) + "-]")
        if added:
            out.append("{+" + run(quote, b, added[0][0], added[-1][1]) + "+}")
        removed.clear()
        added.clear()

    # Indel (insertions and deletions only) aligns on the longest common run of words, so a changed word
    # shows as itself removed and its replacement added, never as a shifted line of substitutions.
    ops = list(Indel.opcodes(canon_words(source), canon_words(quote)))
    for n, op in enumerate(ops):
        if op.tag == "equal":
            flush()
            i, j = op.dest_start, op.dest_end
            if j - i > 2 * context:
                head = run(quote, b, i, i + context) if n else ""
                tail = run(quote, b, j - context, j) if n < len(ops) - 1 else ""
                out.append(" … ".join(p for p in (head, tail) if p) if head and tail else
                           f"{head} …" if head else f"… {tail}")
            else:
                out.append(run(quote, b, i, j))
            continue
        if op.src_end > op.src_start:
            removed.append((op.src_start, op.src_end))
        if op.dest_end > op.dest_start:
            added.append((op.dest_start, op.dest_end))
    flush()
    return " ".join(out)
