"""Facts a brief can carry: sentences that stand alone, the same fact told by two outlets, and what is
still to come.

A fact from an article is its own sentence, word for word; the rules here decide which sentences read
right on their own, and which two sentences (from two outlets) report one thing, so that it is printed
once and cited to both.
"""

from __future__ import annotations

import re

from briefs.extract.boilerplate import stands_alone

# A figure, however an outlet writes it: "$41 million", "41m", "1,200", "14%", "2.4".
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
# "Okafor said ...", "Mr Howard told ...", "Granollers and Lopez defeated ...": people the article has
# introduced earlier by full name, now by surname alone.
_SURNAME_SUBJECT = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?([A-Z][a-z’'\-]+)(?:\s+and\s+([A-Z][a-z’'\-]+))?(?:[’']s)?\s+[a-z]"
)
# Words that put a fact in the future: what to watch.
_AHEAD = re.compile(
    r"\b(?:will|is due|are due|is expected to|are expected to|expects to|plans? to|is set to|are set to|"
    r"deadline|scheduled|next (?:week|month|year|spring|summer|autumn|fall|winter)|by the end of|"
    r"closes on|due to (?:vote|decide|report|meet)|is to (?:vote|decide|report|meet)|"
    r"consultation|vote on|hearing)\b",
    re.IGNORECASE,
)


def figures(text: str) -> frozenset[str]:
    """The numbers a sentence states (thousands separators dropped), to compare two outlets' facts."""
    return frozenset(m.replace(",", "") for m in _FIGURE.findall(text))


def same_fact(a: str, b: str) -> bool:
    """Whether two sentences, likely from two outlets, state one fact: the same figures and most of the
    same words."""
    from rapidfuzz import fuzz

    fa, fb = figures(a), figures(b)
    if fa != fb:
        return False
    threshold = 60 if fa else 85  # shared figures are strong evidence; without any, the words must agree
    return fuzz.token_set_ratio(a, b) >= threshold


# "The newest one ...", "The company said ...": a noun that points back at something the article named.
_BACK_REFERENCE = re.compile(
    r"^(?:The|That|This|These|Those)\s+(?:(?:\w+\s+)?(?:one|ones)\b|(?:company|firm|agency|group|researchers|"
    r"report|study|team|club|union|organi[sz]ation|charity|department|ministry|spokesman|spokeswoman|"
    r"spokesperson|official|officials|man|woman|boy|girl|victim|suspect|latter|former|move|decision|plan|"
    r"deal|bill|measure|proposal|tool|device|program|programme|project|case|incident|attack)\b)"
)


_DEFINITE = re.compile(r"^(?:The|This|That|These|Those|Such)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)")
# How far back a "the <noun>" may point: the sentence or two before it.
_LOOKBACK = 400


def _points_back(sentence: str, article: str, start: int) -> bool:
    """A definite opening whose noun the previous sentences just used: "The planned blackout would be the
    latest ..." after a sentence about a blackout leans on that sentence."""
    match = _DEFINITE.match(sentence)
    if not match:
        return False
    nouns = [w for w in match.group(1).split() if w.islower() and len(w) >= 4]
    earlier = article[max(0, start - _LOOKBACK):start].lower()
    return any(re.search(rf"\b{re.escape(noun)}", earlier) for noun in nouns)


def reads_alone(sentence: str, article: str, start: int) -> bool:
    """Whether a sentence at `start` of `article` makes sense in a brief without the article around it."""
    text = sentence.strip()
    if not stands_alone(text) or _BACK_REFERENCE.match(text) or _points_back(text, article, start):
        return False
    match = _SURNAME_SUBJECT.match(text)
    if match:
        # "Okafor said" after "Dr. Amira Okafor, who leads ..." leans on the earlier sentence; an
        # organisation ("Google said") or a name the article never gave in full stands.
        for name in filter(None, match.groups()):
            if re.search(rf"\b[A-Z][a-z’'\-]+\s+{re.escape(name)}\b", article[:start]):
                return False
    return True


def looks_ahead(sentence: str) -> bool:
    """Whether a fact is about what comes next: a deadline, a vote, a plan."""
    return bool(_AHEAD.search(sentence))
