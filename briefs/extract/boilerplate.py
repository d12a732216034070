"""Boilerplate: the lines of a news page that are not statements, and sentences that lean on the one before.

News copy carries furniture (datelines, agency tags, bylines, photo credits, subheads, a tweet's sign-off,
wire credits, offers to the reader) and sentences that lean on the previous one ("But they have
struggled...", "He said he pressed..."). Neither can be cited on its own. The suggested facts and the
drafted prose both read these rules, so a line never offered as a fact is never drafted either, and the
rules live here, below both. They are about the shape of news writing in general: none names an outlet,
an agency or a person.
"""

from __future__ import annotations

import re

# A dateline: a place in capitals ("WASHINGTON", "HANOI, Vietnam", "NEW DELHI"), an optional date
# ("Jan 3", "Nov. 18, 2019"), an optional agency tag in brackets or slashes ("(AP)", "/Newswire/"),
# then a dash or a colon. A tag alone ("(AP) —") and a date alone with a tag ("Sept 12 (Reuters) -")
# count too; a place alone needs its dash, so an ordinary sentence in capitals is never cut.
_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})?"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
_TAG = r"(?:\((?:[A-Z][\w.&’' -]{0,24})\)|/\s*[A-Z][\w. -]{0,30}/)"
_DASH = r"(?:\s*(?:—|―|–|--?|:)\s+)"
_DATELINE = re.compile(
    rf"\s*(?:"
    rf"{_PLACE}(?:,?\s+{_DATE})?\s*{_TAG}?{_DASH}"  # PLACE [date] [(TAG)] —
    rf"|(?:{_DATE}\s*)?{_TAG}{_DASH}"  # [date] (TAG) —
    rf")"
)

# "By Jane Doe and Sam Lee, Staff Writer", "Written by Ana Ruiz, MS, RD", "By Evan Cole, May 4, 2020 2:30 pm":
# after "by", only names, credentials, roles, dates and times. A lower-case word outside that short list
# makes it a sentence ("By law, firms must ...", "By Tuesday the council had ...").
_BY_WORD = (
    r"(?:[A-Z][\w.'’\-]*|\d[\d:,./]*|(?:and|of|the|for|at|in|on|de|del|van|von|der|den|da|du|la|le|bin|al|"
    r"staff|writers?|reporters?|correspondents?|editors?|contributors?|updated|published|am|pm|a\.m\.|p\.m\.)\b)"
)
_BYLINE = re.compile(
    rf"\s*(?:(?i:written|words|text|story|interview|photos|pictures)\s+)?(?i:by)\s+[A-Z][\w.'’\-]*"
    rf"(?:(?:[\s,;|•·]+|\s+[–—\-]\s+){_BY_WORD}){{0,20}}\s*[.]?\s*$"
)
# "Reporting by Tom Archer; Editing by Priya Shah": the credit a wire story ends with, in brackets or not.
_WIRE_CREDIT = re.compile(
    r"\s*[(\[]?\s*(?:(?i:additional|further)\s+)?"
    r"(?i:reporting|writing|editing|compiled|produced|research|researched|translated|translation|graphics?|"
    r"fact-checked|fact-checking|written|sub-edited|video|photography)\s+(?i:by)\s+[A-Z]"
)
# Photo credits: "Photo: Jo Bell/Agency", "Picture: ...", "Photograph by ...", "Credit: ...", a caption
# ending "(Jo Bell/Getty Images)" or "(AP Photo/Jo Bell)", and "Image: ..." lines.
_CREDIT_LABEL = re.compile(
    r"\s*[(\[]?\s*(?i:(?:photo|image|picture)\s+(?:credit|source)s?|photo(?:graph)?s?|images?|pictures?|pics?|"
    r"videos?|graphics?|illustrations?|credits?|source)\s*(?::|\bby\s+[A-Z]|/|\|)"
)
_CREDIT_TAIL = re.compile(
    r"(?:\([^()]{0,60}\b(?:Photo|Photograph|Images?|Pictures?|Photography)\b[^()]{0,60}\)"
    r"|\b(?:Photo(?:graph)?|Picture|Image|Credit)s?\s*:\s*[A-Z][^.!?:]{0,60})[.]?\s*$"
)
# A tweet quoted in the text ends with its sign-off: "— Name (@handle) November 18, 2019" (or 18 November
# 2019, or no date); an embedded post with "A post shared by Name (@handle) on ...".
_SIGN_OFF_DATE = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4})"
_SIGN_OFF = re.compile(rf"[—–―-]\s*[^()\n]{{1,60}}\(@\w{{1,30}}\)\s*(?:{_SIGN_OFF_DATE})?\s*$")
_POST_SHARED = re.compile(r"\s*(?i:a post shared by)\b")
# What a page says to its reader rather than about the news: offers, sign-ups, "read more", related links.
_PROMOTION = re.compile(
    r"\s*(?i:subscribe\b|sign[ -]up\b|click\s+(?:here|on|to|the|this|below)\b|tap\s+(?:here|to|on|the)\b|"
    r"follow\s+us\b|download\s+(?:the|our|now|it)\b|join\s+(?:us|our)\b|read\s+more\b|read\s+next\b|"
    r"read\s+the\s+full\b|watch\s+now\b|get\s+(?:\S+\s+){0,5}delivered|get\s+the\s+latest\b|get\s+our\b|"
    r"don['’]t\s+miss\b|never\s+miss\b|enter\s+your\s+email\b|want\s+more\b|"
    # A label and its mark: "Related: ...", "ALSO READ | ...", "Watch: ...".
    r"(?:related(?:\s+(?:articles?|stories|coverage|content|links?))?|see\s+also|also\s+read|read\s+also|read|more|"
    r"watch|listen|recommended|trending|most\s+read|most\s+popular|latest|advertisement|sponsored|"
    r"editor['’]s\s+picks?|top\s+stories|more\s+on\s+this(?:\s+story)?|more\s+from\s+\S+|you\s+may\s+also\s+like)"
    r"\s*(?::|\||»|>|—|–|-\s))"
)
# A newsletter offer anywhere in the line: "Our morning newsletter brings the news to your inbox."
_NEWSLETTER = re.compile(r"(?i:\bnewsletters?\b)")
_NEWSLETTER_OFFER = re.compile(r"(?i:\b(?:sign\s+up|subscribe|inbox|delivered|e-?mail\s+address|free\b))")
# The page's own small print: "© 2019 ...", "Copyright ...", "All rights reserved", a stamp line.
_SMALL_PRINT = re.compile(
    r"\s*(?:©|\((?i:c)\)\s*\d|(?i:copyright)\b|(?i:(?:last\s+)?(?:updated|published|posted|modified))(?:\s+on)?"
    r"\s*:?\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d))"
)
_RIGHTS = re.compile(r"(?i:all\s+rights\s+reserved|may\s+not\s+be\s+(?:re)?published,\s+broadcast)")
# The furniture that shows in a line's first words, in one pattern: one call instead of one per kind.
_OPENS_AS_FURNITURE = re.compile(
    "|".join(f"(?:{r.pattern})" for r in (_BYLINE, _WIRE_CREDIT, _CREDIT_LABEL, _PROMOTION, _SMALL_PRINT, _POST_SHARED))
)
# The first words (lower-cased, marks stripped) those patterns can open with: a line opening on any other
# word is not tried against them (one set lookup instead of a slow alternation). A line opening on a
# non-letter ("(Reporting", "© 2024") is always tried. A new pattern above adds its first words here.
_FURNITURE_OPENERS = frozenset(
    """
    by written words text story interview photos pictures additional further reporting writing editing compiled
    produced research researched translated translation graphic graphics fact-checked fact-checking sub-edited
    video videos photography photo photograph photographs image images picture pic pics illustration
    illustrations credit credits source subscribe sign sign-up click tap follow download join read watch get
    don't don’t never enter want related see also more listen recommended trending most latest advertisement
    sponsored editor's editor’s top you copyright updated published posted modified last a
    """.split()
)
_STRIP = "\"“”‘’'()[]:|»>,.;—–-"
_NUMBERED_HEAD = re.compile(r"\s*\d{1,2}[.)]\s+\S")
_HANDLE_OR_LINK = re.compile(r"(?:@\w{2,}|https?://|pic\.twitter\.com/|#\w{3,})")
# A sentence ends on its stop and any closing marks ("“" too: some pages close a quote with an opening mark).
_END = re.compile(r"[.!?][\"'”’“)\]]*$")


def lead_in_length(text: str, start: int = 0, end: int | None = None) -> int:
    """How many characters of furniture (a dateline, an agency tag) open text[start:end]."""
    end = len(text) if end is None else end
    match = _DATELINE.match(text, start, end)
    if not match:
        return 0
    rest = text[match.end() : end]
    # What follows must be the sentence: a capital letter, a digit or a quotation mark.
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return 0
    return match.end() - start


def without_lead_in(text: str, start: int, end: int) -> int:
    """`start` moved past any dateline or agency tag at the start of text[start:end]."""
    return start + lead_in_length(text, start, end)


def is_sign_off(line: str) -> bool:
    """Whether a line is a quoted tweet's or post's sign-off ("— Name (@handle) November 18, 2019")."""
    return ("(@" in line and _SIGN_OFF.search(line) is not None) or _POST_SHARED.match(line) is not None


def is_furniture(sentence: str) -> bool:
    """A byline, a credit, a subhead, a tweet's sign-off, a bare dateline, an offer to the reader or the
    page's small print: not a statement."""
    text = sentence.strip()
    if not text:
        return True
    # Prefilters (a substring test runs at C speed) keep the searches to the few lines that could match.
    ended = text[-1] in ".!?" or (text[-1] in "\"'”’“)]" and _END.search(text) is not None)
    words = text.count(" ") + 1
    if not ended and words < 25:
        return True  # a line without end punctuation is a heading, a caption or a link unless it is long prose
    head = text.split(None, 1)[0]
    tried = not head[0].isalpha() or head.strip(_STRIP).split("/")[0].split(":")[0].lower() in _FURNITURE_OPENERS
    if (
        (tried and _OPENS_AS_FURNITURE.match(text))
        or (("Photo" in text or "Image" in text or "Picture" in text or "Credit" in text) and _CREDIT_TAIL.search(text))
        or (("ights" in text or "IGHTS" in text or "broadcast" in text) and _RIGHTS.search(text))
        or ("(@" in text and _SIGN_OFF.search(text))
    ):
        return True
    if ("ewsletter" in text or "EWSLETTER" in text) and _NEWSLETTER.search(text) and _NEWSLETTER_OFFER.search(text):
        return True
    if _NUMBERED_HEAD.match(text) and (not ended or words <= 12):
        return True  # "2. Never urged a boycott." : a listicle's subhead
    return words < 30 and ("@" in text or "#" in text or "http" in text) and bool(_HANDLE_OR_LINK.search(text))


# Words that open a sentence which needs the one before it: connectives, and pronouns or demonstratives
# whose referent is in the previous sentence. A subordinator ("While", "Although") opens a sentence that
# carries both its clauses, so it is not here.
DEPENDENT_OPENERS = frozenset(
    """
    and but or so yet still also however meanwhile nonetheless nevertheless moreover furthermore besides
    instead otherwise then thus hence therefore accordingly indeed plus nor
    likewise similarly conversely consequently anyway anyhow later afterwards
    he she they it we i you his her their its our my your him them us this that these those such
    there here another other others both either neither each
""".split()
)
# Two-word connectives: "In addition, ...", "For example, ...", "Even so, ...".
_DEPENDENT_PAIRS = frozenset(
    {
        ("in", "addition"),
        ("for", "example"),
        ("for", "instance"),
        ("in", "contrast"),
        ("by", "contrast"),
        ("even", "so"),
        ("in", "turn"),
        ("as", "such"),
        ("despite", "this"),
        ("despite", "that"),
        ("on", "top"),
        ("that", "said"),
        ("after", "that"),
        ("because", "of"),
    }
)
# Openers that look dependent but name their subject: "This year", "These days", "Each week", "Those who".
_SELF_CONTAINED_AFTER = frozenset(
    "year week month day morning afternoon evening time season summer winter spring "
    "autumn fall quarter decade century weekend days weeks months years who".split()
)
# "There is", "There were": "there" as an empty subject, not a place named before.
_EXISTENTIAL = frozenset(
    "is are was were has have had will would could may might must should can seem seems "
    "seemed appear appears appeared remain remains remained".split()
)
_LEAD = re.compile(
    r"[^A-Za-z]{0,20}([A-Za-z][A-Za-z’']*)(?:[^A-Za-z]{1,20}([A-Za-z][A-Za-z’']*))?"
    r"(?:[^A-Za-z]{1,20}([A-Za-z][A-Za-z’']*))?"
)

# Personal pronouns: followed by a capitalised word, they are a name ("He Jianxiong said ...").
_PERSONAL = frozenset("he she it they we".split())


def _first_words(sentence: str, count: int) -> list[str]:
    """The first `count` words of a sentence as written (quotation marks, brackets, digits skipped)."""
    match = _LEAD.match(sentence)
    # "That's" and "It's" open like "That" and "It".
    words = [w.split("’")[0].split("'")[0] for w in match.groups() if w] if match else []
    return words[:count]


def opener(sentence: str) -> tuple[str, str]:
    """The first two words of a sentence, lower-cased (quotation marks and brackets skipped)."""
    words = [w.lower() for w in _first_words(sentence, 2)]
    return (words[0] if words else "", words[1] if len(words) > 1 else "")


def leans_on_previous(sentence: str) -> bool:
    """Whether a sentence opens on a connective or a pronoun whose sense is in the sentence before it."""
    head = sentence.split(None, 1)[0] if sentence[:1].isalpha() else ""
    if head and head.strip(_STRIP).split("’")[0].split("'")[0].lower() not in _MAY_LEAN:
        return False  # most sentences: decided on their first word, without a regex
    words = [*_first_words(sentence, 3), "", "", ""]
    first, second, third = words[0].lower(), words[1].lower(), words[2].lower()
    if first in {"this", "that", "these", "those", "each"} and second in _SELF_CONTAINED_AFTER:
        return False
    if first == "those" and second.endswith(("ing", "ed")):
        return False  # "Those living near the plant ...": the people are named here
    if first == "there" and second in _EXISTENTIAL:
        return False
    if first in _PERSONAL and words[1][:1].isupper():
        return False
    if (first, second) in _DEPENDENT_PAIRS:
        return third != "to"  # "In addition to the fines, ..." carries what it adds to
    return first in DEPENDENT_OPENERS


# First words that can make a sentence lean on the one before: any other is decided on the first word alone.
_MAY_LEAN = DEPENDENT_OPENERS | {first for first, _ in _DEPENDENT_PAIRS}


def stands_alone(sentence: str) -> bool:
    """Whether a sentence makes sense without the one before it in its article."""
    text = sentence.strip()
    if is_furniture(text) or text[:1] in "“\"‘'":
        return False
    return not leans_on_previous(text)


CONNECTIVES = frozenset(
    """
    and but or so yet still also however meanwhile nonetheless nevertheless moreover furthermore besides
    instead otherwise then thus hence therefore accordingly plus nor
""".split()
)


def opens_on_connective(words: str) -> bool:
    """Whether speech opens by answering something unheard ("But ...", "And so ..."). Unlike a reporter's
    sentence, a quote may say "we" and "I": those are the speaker."""
    return opener(words)[0] in CONNECTIVES


def embedded_posts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted social post in `text`: its sign-off line, and the line above it when that
    line carries the post's link, handle or hashtag. A post is someone's words, not the reporter's."""
    found = []
    at = text.find("(@")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if is_sign_off(text[start:end]):
            above_end = start - 1  # the newline that ends the line above
            while above_end > 0:
                above_start = text.rfind("\n", 0, above_end) + 1
                if text[above_start:above_end].strip():
                    if _HANDLE_OR_LINK.search(text, above_start, above_end):
                        start = above_start
                    break
                above_end = above_start - 1
            found.append((start, end))
        at = text.find("(@", end)
    return found
