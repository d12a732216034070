"""What a sentence lifted from an article needs before it can stand in a brief on its own.

News copy opens with furniture (datelines, agency tags, bylines, photo credits) and leans on the sentence
before it ("But they have struggled...", "He said he pressed..."). A brief's reader has neither the
furniture's use nor the previous sentence, so a drafted line must start at its news and stand alone.
These rules are about the shape of news writing in general: none names an outlet or an agency.
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
# "By Jane Doe and Sam Lee, Staff Writer" / "Written by ..." / "Reporting by ...": a credit line.
_BYLINE = re.compile(r"^\s*(?:(?:Written|Reporting|Words|Text)\s+)?by\s+[A-Z][\w.'’\-]*(?:[\s,]+[\w.'’&\-]+){0,12}\s*$",
                     re.IGNORECASE)
_CREDIT = re.compile(r"^\s*(?:\(?\s*(?:photo|image|picture|video|graphic|illustration)s?\b[^.]{0,80}|"
                     r"[^.]{0,60}\((?:[A-Z][\w ]{0,20})?\s*(?:Photo|Images?|Pictures?)\b[^)]*\))\s*$", re.IGNORECASE)
# A tweet quoted in the text ends with its sign-off: "— Name (@handle) November 18, 2019".
_SIGN_OFF = re.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}\s*$")
# What a page says to its reader rather than about the news: offers, sign-ups, "read more".
_PROMOTION = re.compile(r"^\s*(?:subscribe|sign up|click|tap|follow us|download|join us|read more|read next|"
                        r"watch now|get (?:\S+\s+){0,5}delivered|get the latest|don['’]t miss)\b", re.IGNORECASE)
_NUMBERED_HEAD = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_HANDLE_OR_LINK = re.compile(r"(?:@\w{2,}|https?://|pic\.twitter\.com/|#\w{3,})")
_END = re.compile(r"[.!?][\"'”’)\]]*$")

# Words that open a sentence which needs the one before it: connectives, and pronouns or demonstratives
# whose referent is in the previous sentence.
DEPENDENT_OPENERS = frozenset("""
    and but or so yet still also however meanwhile nonetheless nevertheless moreover furthermore besides
    instead otherwise then thus hence therefore accordingly indeed plus nor though although while whereas
    likewise similarly conversely consequently anyway anyhow later afterwards
    he she they it we i you his her their its our my your him them us this that these those such
    there here another other others both either neither each
""".split())
# Openers that look dependent but name their subject: "This year", "That day", "Those who".
_SELF_CONTAINED_AFTER = frozenset("year week month day morning afternoon evening time season summer winter spring "
                                  "autumn fall quarter decade century".split())
_WORD = re.compile(r"[A-Za-z’']+")


def lead_in_length(text: str, start: int = 0, end: int | None = None) -> int:
    """How many characters of furniture (a dateline, an agency tag) open text[start:end]."""
    end = len(text) if end is None else end
    match = _DATELINE.match(text, start, end)
    if not match:
        return 0
    rest = text[match.end():end]
    # What follows must be the sentence: a capital letter, a digit or a quotation mark.
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return 0
    return match.end() - start


def is_furniture(sentence: str) -> bool:
    """A byline, a photo credit, a subhead, a tweet's sign-off or a bare dateline: not a statement."""
    text = sentence.strip()
    if not text:
        return True
    if _BYLINE.match(text) or _CREDIT.match(text) or _SIGN_OFF.search(text) or _PROMOTION.match(text):
        return True
    if lead_in_length(text) >= len(text.rstrip()) - 1:
        return True
    if _NUMBERED_HEAD.match(text) and not _END.search(text):
        return True
    words = text.split()
    if not _END.search(text):
        # A line without end punctuation is a heading or a caption unless it is long prose.
        return len(words) < 25
    if _NUMBERED_HEAD.match(text) and len(words) <= 12:
        return True  # "2. Never urged a boycott." : a listicle's subhead
    return bool(_HANDLE_OR_LINK.search(text)) and len(words) < 30


def opener(sentence: str) -> tuple[str, str]:
    """The first two words of a sentence, lower-cased (quotation marks and brackets skipped)."""
    # "That's" and "It's" open like "That" and "It".
    words = [re.split(r"[’']", w.lower().strip("’'"))[0] for w in _WORD.findall(sentence[:80])]
    return (words[0] if words else "", words[1] if len(words) > 1 else "")


def stands_alone(sentence: str) -> bool:
    """Whether a sentence makes sense without the one before it in its article."""
    text = sentence.strip()
    if is_furniture(text) or text[:1] in "“\"‘'":
        return False
    first, second = opener(text)
    if first in {"this", "that", "these", "those"} and second in _SELF_CONTAINED_AFTER:
        return True
    return first not in DEPENDENT_OPENERS


CONNECTIVES = frozenset("""
    and but or so yet still also however meanwhile nonetheless nevertheless moreover furthermore besides
    instead otherwise then thus hence therefore accordingly plus nor
""".split())


def opens_on_connective(words: str) -> bool:
    """Whether speech opens by answering something unheard ("But ...", "And so ..."). Unlike a reporter's
    sentence, a quote may say "we" and "I": those are the speaker."""
    return opener(words)[0] in CONNECTIVES


def without_lead_in(text: str, start: int, end: int) -> int:
    """`start` moved past any dateline or agency tag at the start of text[start:end]."""
    return start + lead_in_length(text, start, end)
