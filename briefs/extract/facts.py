"""Facts: sentences outside quotes, ranked by the signals that make a sentence worth citing.

One combined regex finds numbers, dates and organisations, and a few literal anchors find comparisons;
each hit is assigned to its sentence by bisection, so the cost is linear in the text.
"""

from __future__ import annotations

import bisect
import re

from briefs.extract.boilerplate import embedded_posts, is_furniture, lead_in_length, leans_on_previous
from briefs.extract.quotes import Span
from briefs.extract.results import Fact
from briefs.extract.sentences import paragraphs, sentence_end, sentence_starts
from briefs.extract.speakers import trie_pattern

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_ORG_HEADS = (
    "Inc|Corp|Corporation|Agency|Association|Department|Ministry|Committee|Commission|Council|University|"
    "Institute|Bureau|Office|Party|Bank|Court|Union|Lab|Labs|Group|Foundation|Company|Administration|"
    "Authority|Board|Fund|Organization|Organisation|Service|Center|Centre|Senate|Congress|Parliament"
)
# A number starts with an ASCII digit or "$" only: other symbols as first characters slow the scan at every
# character. A number after "€", "£" or "¥" is found from the symbol with str.find (see _money_signs).
_NUMBER_TAIL = (
    r"[0-9,.]*(?:[^\S\n]?(?:%|percent\b|per[^\S\n]cent\b|percentage[^\S\n]points?\b|"
    r"million\b|billion\b|trillion\b|thousand\b|bn\b|dollars\b|euros\b|pounds\b))*"
)
# Comparisons are found through a few literal anchors (a literal lets the engine use its fast search;
# an alternation of every comparative word was 7x slower): "than", "-est", "most", "according to".
_ANCHORS = {
    "comparative": re.compile(r"than\b"),
    "most": re.compile(r"most\b"),
    "superlative": re.compile(r"est\b"),
    "according": re.compile(r"ccording[^\S\n]to\b"),
}
_SUPERLATIVES = {
    "largest",
    "highest",
    "lowest",
    "biggest",
    "smallest",
    "fastest",
    "slowest",
    "greatest",
    "longest",
    "shortest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "deadliest",
    "best",
    "cheapest",
    "oldest",
    "youngest",
    "busiest",
    "costliest",
    "hottest",
    "coldest",
    "wettest",
    "driest",
    "steepest",
    "sharpest",
}
_MONTH_WORDS = frozenset(_MONTHS.split("|"))


def _scan_pattern() -> re.Pattern[str]:
    """One scan for numbers ([$0-9] + _NUMBER_TAIL), acronyms ([A-Z]{2,6}\\b), organisation heads and
    dates (listed words + \\b). It finds what four separate scans found because their matches never
    overlap: numbers hold no capitals, words no digits, and an acronym's letters are all capitals where
    the listed words go on in lower case.

    Every top-level branch starts with a literal character ("$", a digit, a capital) so the regex
    engine derives one set of first characters and skips everything else at C speed; four scans cost
    ~8 ms on the dev corpus, this one ~3 ms. A branch starting with a class ([A-Z]) or a group around
    the whole would switch that off (measured 10x slower).
    """
    by_first: dict[str, list[str]] = {}
    for word in _MONTHS.split("|") + _ORG_HEADS.split("|"):
        by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _NUMBER_TAIL for first in "$0123456789"]
    for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        tails = "[A-Z]{1,5}"
        if first in by_first:
            tails += "|" + trie_pattern(by_first[first])
        branches.append(rf"{first}(?:{tails})\b")
    return re.compile("|".join(branches))


_SCAN = _scan_pattern()
_DAY_OR_YEAR = re.compile(r"[^\S\n]+\d")
_SCALES = ("million", "billion", "trillion", "thousand", "bn")
_CURRENCY = ("dollars", "euros", "pounds")


def _number_kind(hit: str) -> str | None:
    if hit[0] in "$€£¥" or hit.endswith(_CURRENCY):
        return "money" if any(c.isdigit() for c in hit) else None
    if hit.endswith(("%", "percent", "cent", "point", "points")):
        return "percent"
    if hit.endswith(_SCALES):
        return "quantity"
    digits = hit.rstrip(".,")
    if len(digits) == 4 and digits.isdigit() and digits[:2] in ("19", "20"):
        return "date"
    return "number"


WEIGHTS = {
    "percent": 1.0,
    "money": 1.0,
    "quantity": 0.8,
    "number": 0.5,
    "date": 0.4,
    "comparative": 0.5,
    "according": 0.6,
    "organisation": 0.4,
}
_MIN_WORDS = 6
_MAX_WORDS = 60
_RANK = {kind: -weight for kind, weight in WEIGHTS.items()}  # sort key: heaviest signal first
# round() on a float costs a microsecond (it formats digits); scores come from a few weights, counts
# and the run-on factor, so the distinct values are few (at most a few thousand) and worth remembering.
_ROUNDED: dict[float, float] = {}
# A sentence that leans on the one before ("But he ...", "It will ...") ranks below every sentence that
# stands alone, and among its kind by its own signals: its score is scaled so that the best it can reach
# (every signal, the most repeats) stays under the least a standalone fact gets (one date, run-on).
_BEST_SCORE = sum(WEIGHTS.values()) + 0.5
_LEAST_SCORE = min(WEIGHTS.values()) * 0.6
_LEANING = 0.9 * _LEAST_SCORE / _BEST_SCORE


def _by_score_desc(fact: Fact) -> float:
    return -fact.score


def rank_facts(
    text: str, spans: list[Span], limit: int | None = None, paras: list[tuple[int, int]] | None = None
) -> list[Fact]:
    """Sentences outside quotes that carry at least one signal, best first.

    `paras` are the text's `paragraphs` (computed when not given).
    """
    # Hits are collected in the order the separate scans used to add them (numbers, currency signs,
    # dates, comparisons, organisations): a sentence's signals tuple breaks weight ties by first insertion.
    numbers: list[tuple[int, str]] = []
    dates: list[tuple[int, str]] = []
    orgs: list[tuple[int, str]] = []
    for match in _SCAN.finditer(text):
        pos = match.start()
        hit = match.group()
        if hit[0] in "$0123456789":
            if pos and text[pos - 1] in "€£¥":
                continue  # counted from its currency sign below
            if pos and text[pos - 1].isalpha():
                continue  # part of a word (COVID19, F16)
            kind = _number_kind(hit)
            if kind:
                numbers.append((pos, kind))
        elif pos and text[pos - 1].isalnum():
            continue  # inside a longer word
        elif hit in _MONTH_WORDS:
            if hit == "May" and not _DAY_OR_YEAR.match(text, match.end()):
                continue  # the verb, most likely
            dates.append((pos, "date"))
        else:
            orgs.append((pos, "organisation"))
    hits = numbers
    hits += [(pos, "money") for pos in _money_signs(text)]
    hits += dates
    for kind, regex in _ANCHORS.items():
        for match in regex.finditer(text):
            pos = match.start()
            if kind == "according":
                pos -= 1
                if pos < 0 or text[pos] not in "Aa":
                    continue
                hits.append((pos, kind))
            elif kind == "superlative":
                word_start = pos
                while word_start and text[word_start - 1].isalpha():
                    word_start -= 1
                if text[word_start : match.end()].lower() in _SUPERLATIVES:
                    hits.append((word_start, "comparative"))
            elif not (pos and text[pos - 1].isalnum()):
                hits.append((pos, "comparative"))  # "than", "most"
    if not hits:
        return []  # a name alone is not a fact: without another signal no sentence qualifies

    # Only paragraphs with a signal other than a name can hold a fact, so only they are split into
    # sentences (about 60% of a news article's text): the splitter is the costliest step.
    paras = paragraphs(text) if paras is None else paras
    para_starts = [start for start, _ in paras]
    wanted = sorted({bisect.bisect_right(para_starts, pos) - 1 for pos, _ in hits})
    starts = sentence_starts(text, [paras[k] for k in wanted if k >= 0])
    if not starts:
        return []
    n = len(starts)
    starts.append(len(text))

    # Only sentences with a hit are ever trimmed (most have none), so counts live in a dict keyed by
    # sentence index and each sentence's bounds are computed the first time a hit lands in it. A dateline
    # ("LONDON, Jan 3 (Reuters) -") is cut from the front, and its date is not the sentence's signal.
    found: dict[int, dict[str, int]] = {}
    ends: dict[int, int] = {}
    begins: dict[int, int] = {}
    for pos, kind in hits:
        k = bisect.bisect_right(starts, pos, 0, n) - 1
        if k < 0:
            continue
        end = ends.get(k)
        if end is None:
            end = ends[k] = sentence_end(text, starts[k], starts[k + 1])
            begins[k] = starts[k] + lead_in_length(text, starts[k], end)
        if begins[k] <= pos < end:
            counts = found.get(k)
            if counts is None:
                counts = found[k] = {}
            counts[kind] = counts.get(kind, 0) + 1
    # A name alone is not a fact: organisations only add to sentences that already have a signal (and,
    # counted last, they come after every other signal of their weight, as before).
    for pos, kind in orgs:
        k = bisect.bisect_right(starts, pos, 0, n) - 1
        counts = found.get(k)
        if counts is not None and begins[k] <= pos < ends[k]:
            counts[kind] = counts.get(kind, 0) + 1

    quoted = _quoted(spans)
    in_post = _within(embedded_posts(text))
    facts = []
    for k in sorted(found):  # reading order, so the stable sort below puts earlier sentences first on ties
        counts = found[k]
        start, end = begins[k], ends[k]
        words = text.count(" ", start, end) + 1
        if words < _MIN_WORDS or quoted(start, end):
            continue
        sentence = text[start:end]
        if is_furniture(sentence) or in_post(start):
            continue  # a byline, a credit, a subhead, an offer to the reader, a quoted post
        signals = tuple(sorted(counts, key=_RANK.__getitem__))
        score = sum(map(WEIGHTS.__getitem__, counts)) + 0.1 * min(5, sum(counts.values()) - len(counts))
        if words > _MAX_WORDS:
            score *= 0.6  # a run-on sentence is hard to cite
        if leans_on_previous(sentence):
            score *= _LEANING
        rounded = _ROUNDED.get(score)
        if rounded is None:
            rounded = _ROUNDED[score] = round(score, 3)
        facts.append(Fact(sentence, start, end, rounded, signals))
    facts.sort(key=_by_score_desc)
    return facts[:limit] if limit else facts


def _money_signs(text: str) -> list[int]:
    """Offsets of "€5", "£2.5 million", "¥300": a currency sign followed by a digit."""
    found = []
    for sign in "€£¥":
        pos = text.find(sign)
        while pos >= 0:
            if text[pos + 1 : pos + 2].isdigit():
                found.append(pos)
            pos = text.find(sign, pos + 1)
    return found


def _within(ranges: list[tuple[int, int]]):
    """A test for "does `pos` fall inside one of these (start, end) ranges?" (ranges in text order)."""
    starts = [start for start, _ in ranges]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < ranges[k][1]

    return inside


# A sentence is a quote, not a fact, when quoted words make up this share of it. A sentence with a short
# quoted fragment (a coined name, a title, "at the least") is still the writer's statement of fact.
_QUOTED_SHARE = 0.4


def _quoted(spans: list[Span]):
    """A test for "is [start, end) mostly quoted?": those sentences are quotes, not facts.

    Quoted passages do not overlap one another, so sorted by opening mark their ends are sorted too: one
    bisection finds the last passage opening before the sentence ends, and a short walk back adds up the
    quoted characters inside it.
    """
    ordered = sorted((span.open_mark, span.end) for span in spans)
    opens = [o for o, _ in ordered]
    ends = [e for _, e in ordered]

    def mostly_quoted(start: int, end: int) -> bool:
        covered = 0
        k = bisect.bisect_left(opens, end) - 1
        while k >= 0 and ends[k] > start:
            covered += min(end, ends[k]) - max(start, opens[k])
            k -= 1
        return covered > _QUOTED_SHARE * (end - start)

    return mostly_quoted
