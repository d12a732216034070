"""Decide which quoted passages are quotes, and attribute each to a speaker."""

from __future__ import annotations

import bisect
import itertools
import re

from briefs.extract import speakers as sp
from briefs.extract.quotes import Span, open_mark_of
from briefs.extract.results import Quote

_WINDOW = 240
# Words right before a quoted passage that make it a name, a title or a coined term, not speech.
# (Checked on the last word only: a set lookup, not a regex search, keeps this cheap per quote.)
_NAMING = {
    "dubbed", "called", "named", "nicknamed", "titled", "entitled", "labeled", "labelled", "branded", "as",
    "so-called", "term", "terms", "word", "words", "phrase", "slogan", "motto", "hashtag", "headline",
    "headlined", "marked", "reads", "read", "sign", "signs", "banner", "caption", "label", "the", "a", "an",
    "his", "her", "their", "its", "our", "my", "your", "of", "in", "with", "like", "itself", "themselves",
    "himself", "herself",
}
# Words before a woven fragment that leave it speech when its sentence attributes it.
_FUNCTION_WORDS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "of", "in", "with", "as"}
_NAMES_BEFORE_AS = ("known", "such", "referred to", "dubbed", "called", "named", "titled", "billed")
# Naming words that a speaker's verb of judgement ends with (called it "...", described it as "...").
_JUDGING = {"called", "as", "labeled", "labelled", "branded"}
_CLOSERS = "’'\"”)"
_PUNCT = ".!?,;:…—-"
_CUE_WORDS = set(sp.CUES.split("|"))


def _last_word(text: str) -> str:
    parts = text[-40:].rsplit(None, 1)
    return parts[-1].lower() if parts else ""


def _ends_sentence_or_clause(inner: str) -> bool:
    return inner.rstrip(_CLOSERS)[-1:] in _PUNCT if inner else False


def _introduces(before: str) -> bool:
    """A colon or a "...ing," clause right before the quote: `Dean poked at the debate, tweeting, "..."`."""
    tail = before.rstrip()
    if tail.endswith(":") or (tail.endswith(",") and _last_word(tail[:-1]).endswith("ing")):
        return True
    if tail.endswith(",") and _last_word(tail[:-1]) in _STATEMENT_WORDS:
        return True  # `Lee issued a statement, "..."`
    if tail.endswith(","):
        # A short clause opened by a speech verb in -ing: `..., telling the crowd, "..."`.
        clause = tail[max(0, tail.rfind(",", 0, len(tail) - 1) + 1, len(tail) - 60):-1].split()
        if clause and len(clause) <= 6 and clause[0].lower() in _ING_CUES:
            return True
    return _last_word(tail) in _ING_CUES  # `..., adding "we will be back."`


_ING_CUES = sp.ING_CUES
# Nouns for what a speaker issues: right before the colon or comma that introduces a quote, they make the
# sentence's subject its speaker.
_STATEMENT_WORDS = {
    "statement", "message", "tweet", "post", "note", "letter", "email", "e-mail", "memo", "remarks", "response",
    "reply", "comment", "comments", "release", "declaration", "speech", "address",
}


# Words a title may leave in lower case ("Ban on Face Coverings", "Midday with Charlie Sykes").
_TITLE_SMALL = {
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "vs.",
    "&", "-", "\u2013", "\u2014", "but", "nor", "into", "over", "than",
}
# Words right before a title-like passage that make it a name even when a cue follows it
# (on CBS's "Face the Nation," Smith said ...).
_TITLE_LEAD = {
    "on", "told", "tells", "show", "program", "programme", "book", "film", "movie", "song", "album", "series", "titled",
    "entitled", "headlined", "memoir", "novel", "article", "column", "essay", "op-ed", "documentary", "play",
    "musical", "poem", "report", "study", "paper", "podcast", "episode", "ad", "advert", "advertisement",
    "commercial", "video", "trailer", "exhibition", "opera", "anthem", "slogan",
}
# Verbs that make works: the title right after one (`the playwright who wrote "Harbor Lights,"`), with no
# comma between and no sentence end inside the marks, is the work's name, not the words of the one who made it.
_MAKING_VERBS = {"wrote", "penned", "composed", "directed", "produced", "recorded", "released", "published"}
_BYLINE = re.compile(r"[^\S\n]*,?[^\S\n]*by[^\S\n]+[A-Z]")


def _title_case(inner: str) -> bool:
    """Every word capitalised but the small ones, and no question or exclamation: a title, not speech."""
    words = inner.split()
    if not words or not words[0][:1].isupper() or inner.rstrip(_CLOSERS)[-1:] in "!?":
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


def _is_speech(
    text: str, span: Span, words: int, before: str, attached: bool, judged: bool = False, weave: bool = False
) -> bool:
    """Tell a quote from a scare quote, a title or a coined name.

    weave: a speaker and a verb of speech in the fragment's own sentence attribute it (`Ms Park said the
    ruling was "baffling"`), so a determiner or a preposition before it does not make it a name."""
    if span.continuation or span.continues:
        return True
    inner = text[span.start:span.end] if words < 9 else text[max(span.start, span.end - 40):span.end]
    last = _last_word(before)
    # `what Ann Lee called "a costly mistake."` quotes her; `a group called "Harbor Watch"` names something.
    if words <= 6 and last in _NAMING and not (judged and last in _JUDGING and text[span.start].islower()):
        lead = before.rstrip()[:-len(last)].rstrip()[-12:].lower()
        if not (weave and last in _FUNCTION_WORDS and not lead.endswith(_NAMES_BEFORE_AS)):
            return False
    if words <= 3 and inner.endswith(":") and span.close_mark is not None:
        line_end = text.find("\n", span.close_mark)
        if not text[span.close_mark + 1:line_end if line_end >= 0 else len(text)].strip():
            return False  # a label on a line of its own ("Related:"), introducing links, not speech
    if span.close_mark is not None and _BYLINE.match(text, span.close_mark + 1):
        return False  # a headline with its byline: "Mayor vows audit," by Jo Lee
    if 8 < words <= 16 and _last_word(before).rstrip(",:") in _TITLE_LEAD and _title_case(text[span.start:span.end]):
        return False  # a long title after its noun: the book "A Long Way Back: How the Harbor Town Rebuilt Itself"
    if words <= 8 and _title_case(inner):
        lead = before.rstrip()
        last = _last_word(lead)
        if lead.endswith(("'s", "\u2019s", "s'", "s\u2019")) or last.rstrip(",:") in _TITLE_LEAD:
            return False  # on CBS's "Face the Nation," ...
        if last in _MAKING_VERBS and inner.rstrip(_CLOSERS)[-1:] not in ".!?":
            return False
        # Not attached to a cue, inside the writer's sentence: a title ("stars in "The Long Road," a ...").
        if not attached and (not _ends_sentence_or_clause(inner) or (
            lead and lead[-1] not in ".!?:\"\u201d" and last not in _CUE_WORDS and not last.endswith("ing")
        )):
            return False
    if words >= 4:
        # Title Case with no sentence punctuation: a book, a show, a slogan (up to 8 words, so `inner` is
        # the whole passage; longer ones are speech and their words are never counted).
        if words > 8 or _ends_sentence_or_clause(inner):
            return True
        capitals = inner.split()
        return not (len(capitals) == words and all(w[:1].isupper() for w in capitals))
    # Short passages are speech only when a cue is attached ("No," she said), or when they are a whole
    # sentence of their own ("Never." after another sentence) or follow a speech verb (chanted "Go!").
    if attached:
        return True
    if not _ends_sentence_or_clause(inner):
        return False
    lead = before.rstrip()
    if lead == "" or lead[-1] in ".!?:,\"”":
        return True
    last = _last_word(lead)
    return last in _CUE_WORDS or last.endswith("ing")


def attribute(text: str, spans: list[Span], paras: list[tuple[int, int]]) -> list[Quote]:
    resolver = sp.Resolver(text)
    quotes: list[Quote] = []
    found: list[tuple[Span, sp.Mention | None, bool]] = []
    for i, span in enumerate(spans):
        p_start, p_end = paras[span.para]
        # The window before a quote starts after the last quote of its paragraph, but not after a title or
        # scare quote, which is part of the writer's sentence (`the book "Tides," adding, "..."`).
        prev = found[-1][0] if found else None
        prev_close = prev.close_mark if prev is not None and prev.para == span.para else None
        lo = max(p_start, span.open_mark - _WINDOW, (prev_close + 1) if prev_close is not None else p_start)
        before = text[lo:span.open_mark]
        mention: sp.Mention | None = None
        attached = judged = weave = False
        # A lower-case phrase inside the writer's sentence, with no punctuation at either end (this CNN "reporter"
        # has revealed ...): the words after it continue that sentence and are no cue for it.
        woven = (
            span.close_mark is not None
            and text[span.start].islower()
            and before[-1:].isspace()
            and before.rstrip()[-1:].isalnum()
            and not _ends_sentence_or_clause(text[max(span.start, span.end - 3):span.end])
            and text[span.close_mark + 1:span.close_mark + 2] not in _PUNCT
        )
        if span.close_mark is not None and not woven:
            hi = min(p_end, span.close_mark + 1 + _WINDOW)
            if i + 1 < len(spans) and spans[i + 1].para == span.para:
                hi = min(hi, spans[i + 1].open_mark)
            after = text[span.close_mark + 1:hi]
            base = span.close_mark + 1
            m, cue_first = sp.after_quote(after)
            if m and after.lstrip()[:1] in "—–" and m.group(1)[:1].islower():
                m = None  # `to induce "torpor"—the term for the hibernating state`: a gloss, not a speaker
            if m and _new_sentence(text, span, after, m.end()):
                pass  # `"It was dire." The club said it would appeal.`: that cue is the next sentence's own
            elif m:
                mention = sp.Mention(m.group(1), base + m.start(1), base + m.end(1), m.group(2))
            else:
                m = cue_first
                if m:
                    name = m.group(2)
                    if name[:1].islower() or name.split()[0] in {"The", "A", "An", "His", "Her", "Their"}:
                        name = sp.trim_np(name)
                    mention = sp.Mention(name, base + m.start(2), base + m.start(2) + len(name), m.group(1))
                else:
                    m = sp.DASH.match(after)
                    if m:
                        mention = sp.Mention(m.group(1), base + m.start(1), base + m.end(1), "―")
                    else:
                        m = sp.PASSIVE_BY.match(after) or sp.REPLY_FROM.match(after)
                        if m:
                            name = sp.trim_np(m.group(2)) if m.group(2)[:1].islower() else m.group(2)
                            mention = sp.Mention(name, base + m.start(2), base + m.start(2) + len(name), m.group(1))
            attached = mention is not None
        if mention is None:
            whole = _ends_sentence_or_clause(text[max(span.start, span.end - 5):span.end])
            mention = _cue_before(text, lo, span.open_mark, whole=whole)
            if mention is None and span.open_mark == p_start and span.para and not span.continuation:
                # A paragraph that is all quote, introduced by the last one: `Cruz continued:` / `He said:`.
                q_start, q_end = paras[span.para - 1]
                if text[q_end - 1] == ":":
                    mention = _cue_before(text, max(q_start, q_end - _WINDOW), q_end, named_only=True)
                    if mention is None and _last_word(text[q_start:q_end - 1]) in _INTRO_WORDS:
                        # `Lee released the following statement:` / `Lee said in a letter to members:`.
                        mention = sp.sentence_subject(text, max(q_start, q_end - _WINDOW), q_end)
            if mention is None:
                mention = _woven(text, lo, span)
                if mention is None and woven:
                    mention = _woven_after(text, span, p_end, spans[i + 1].open_mark
                                           if i + 1 < len(spans) and spans[i + 1].para == span.para else p_end)
                weave = mention is not None and mention.cue.lower() not in _NAMING_VERBS
            attached = mention is not None
        if mention is not None and mention.cue.lower() in sp.WOVEN_VERBS:
            # A named person (not `a box labeled "..."`) judging something in their own words.
            head = mention.text.split()[-1]
            judged = head[:1].isupper() or head.lower() in sp.PRONOUNS
        if mention is None and _headline(text, span, p_start, p_end):
            continue
        if span.para == 0 and len(paras) > 1 and _headline_with_quote(text, span, p_start, p_end):
            continue
        words = len(text[span.start:min(span.end, span.start + 400)].split())
        if not attached and mention is None and found and found[-1][1] is not None and found[-1][0].para == span.para:
            # `called the plans "a shambles" and "nowhere near enough"`: a fragment joined to an attributed
            # one counts as that one does (its speaker comes in the second pass).
            prev_end = (found[-1][0].close_mark or found[-1][0].end) + 1
            attached = span.open_mark - prev_end < 20 and _JOINED.fullmatch(text, prev_end, span.open_mark) is not None
        if not attached and mention is None and found and found[-1][1] is not None and found[-1][0].para == span.para \
                and text[span.start].islower():
            # `called it "a mess" and said it was "a betrayal"`: a later fragment of the same sentence.
            mention = _same_sentence_speaker(text, found[-1][0], found[-1][1], span)
            attached = mention is not None
        if not _is_speech(text, span, words, before, attached, judged, weave):
            continue
        if mention is not None:
            mention = _resident(text, mention)
        found.append((span, mention, attached))

    people = _People(text, resolver, spans)
    # Second pass: fallbacks that need the neighbours (same paragraph, continuation paragraphs).
    last_speaker: tuple[str | None, sp.Mention] | None = None
    last_para = -10
    for k, (span, mention, _attached) in enumerate(found):
        p_start, p_end = paras[span.para]
        # Paragraph-level fallbacks look only this far from the quote, so a huge paragraph with many
        # quotes costs linear time, not quadratic.
        near = max(p_start, span.open_mark - _REACH)
        far = min(p_end, (span.close_mark if span.close_mark is not None else span.end) + _REACH)
        # A fragment woven into the writer's own sentence (could cause "grave damage.") is not attributed
        # by the paragraph's other cues: only its own attached cue counts.
        embedded = mention is None and text[span.start:span.start + 1].islower() and _mid_sentence(text, span)
        if mention is None and embedded and k and found[k - 1][0].para == span.para and found[k - 1][1]:
            mention = _same_sentence_speaker(text, found[k - 1][0], found[k - 1][1], span)
        if mention is None and embedded and text.find("ccording", near, span.open_mark) >= 0:
            # `According to Dr Lee, a virologist, the variant is "unlikely to ..."`: in the fragment's sentence.
            m = sp.ACCORDING.search(text, near, span.open_mark)
            if m and not _GAP_STOP.search(text, m.end(), span.open_mark):
                mention = sp.Mention(m.group(2), m.start(2), m.end(2), m.group(1))
        if mention is None and not embedded and k and found[k - 1][0].para == span.para and found[k - 1][1]:
            # A quote that opens a sentence right after an attributed one continues that speaker
            # (`"We lost," Hale said. "It was dire."`), before any cue later in the paragraph.
            prev_span, prev_mention = found[k - 1][0], found[k - 1][1]
            gap = text[(prev_span.close_mark or prev_span.end) + 1:span.open_mark].rstrip()
            if gap[-1:] in ".!?:" and prev_mention.end <= span.open_mark and len(gap) < 200:
                mention = prev_mention
        if mention is None and not embedded:
            # "according to X" near the quote, in its paragraph.
            m = sp.ACCORDING.search(text, near, far) if text.find("ccording", near, far) >= 0 else None
            if m:
                mention = sp.Mention(m.group(2), m.start(2), m.end(2), m.group(1))
        if mention is None and not embedded:
            # Another quote of the same paragraph that has a speaker (an interrupted quote).
            for j in (k - 1, k + 1):
                if 0 <= j < len(found) and found[j][0].para == span.para and found[j][1] is not None:
                    mention = found[j][1]
                    break
        if mention is None and not embedded:
            # A cue with a speaker elsewhere in the paragraph, outside the quote.
            mention = _paragraph_cue(text, near, far, span, spans)
        continuing = span.continuation or span.open_mark == p_start
        if mention is None and not embedded and last_speaker and span.para - last_para <= 1 and continuing:
            mention = last_speaker[1]
        if mention is None and continuing and not span.continuation and span.para and last_para != span.para - 1:
            # A paragraph of quote after one that reports its speaker's words without quoting them
            # (`Mr Hale said the plan was flawed.` / `"It will never work."`): the reported speaker.
            mention = _reported_speaker(text, paras[span.para - 1], spans)
        if mention is not None:
            mention = _with_initials(text, mention)
        if mention is not None and mention.text.count(" ") >= 2:
            mention = _clip(mention)
        display: str | None = None
        if mention is not None:
            if last_speaker is not None and last_speaker[1] == mention and _anaphor(mention.text):
                # The pronoun of the quote before (a follow-on): looked up again it would find itself as the
                # last speaker and reach past it for another person.
                display = last_speaker[0]
            else:
                display = _display(resolver, mention, _antecedent(people, resolver, mention, last_speaker), text)
            last_speaker = (display, mention)
            last_para = span.para
            found[k] = (span, mention, _attached)
        quotes.append(
            Quote(
                text=text[span.start:span.end],
                start=span.start,
                end=span.end,
                speaker=display,
                speaker_start=mention.start if mention else None,
                speaker_end=mention.end if mention else None,
                cue=mention.cue if mention else None,
                score=_score(span, mention),
            )
        )
    return quotes


_CONJUNCTIONS = {"and", "or", "but"}
_CLAUSE_PREPOSITIONS = {
    "after", "before", "during", "following", "despite", "amid", "since", "until", "at", "in", "on", "to", "with",
}
_CLAUSE_VERBS = {"is", "was", "are", "were", "be", "been", "being", "than"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}


def _clip(mention: sp.Mention) -> sp.Mention | None:
    """A noun phrase that swallowed a clause: `a post at the time she` is "she"'s; one with a verb of its
    own (`the volume is much higher than what`) names nobody."""
    words = mention.text.split()
    if len(words) < 3:
        return mention
    lower = [w.lower() for w in words]
    if not _CLAUSE_VERBS.isdisjoint(lower[1:]):
        return None
    if not _SUBJECT_PRONOUNS.isdisjoint(lower[1:]):
        k = max(i for i, w in enumerate(lower) if w in _SUBJECT_PRONOUNS)
        start = mention.start + len(" ".join(words[:k])) + 1
        return sp.Mention(words[k], start, start + len(words[k]), mention.cue)
    return mention


def _headline(text: str, span: Span, p_start: int, p_end: int) -> bool:
    """A paragraph that is one quoted line with no sentence punctuation and no cue: a headline or a subhead
    (`"A betrayal of voters"`), which nobody is quoted as saying."""
    return (
        span.close_mark is not None
        and not span.continuation
        and text[p_start:span.open_mark].strip() == ""
        and text[span.close_mark + 1:p_end].strip() == ""
        and text[span.end - 1] not in ".!?,;:\u2026"
        and len(text[span.start:min(span.end, span.start + 200)].split()) <= 14
    )


def _headline_with_quote(text: str, span: Span, p_start: int, p_end: int) -> bool:
    """An article's first line that ends with a quote after a colon and holds no verb of speech (`Bodycam
    shows rescue of kidnapped girl: "We got her!"`): the headline, whose subject is not the speaker."""
    lead = text[p_start:span.open_mark].rstrip()
    return (
        span.close_mark is not None
        and lead.endswith(":")
        and not text[span.close_mark + 1:p_end].strip()
        and len(text[p_start:min(p_end, p_start + 300)].split()) <= 20
        and not sp.CUE_WORD.search(lead)
    )


def _new_sentence(text: str, span: Span, after: str, cue_end: int) -> bool:
    """A quote closed by a full stop, then a capitalised sentence whose cue has words of its own after it:
    the words after the quote start a new report, not its attribution (`"Smith said."` would end there)."""
    inner_end = text[max(span.start, span.end - 2):span.end].rstrip(_CLOSERS)
    if inner_end[-1:] != ".":
        return False
    head = after.lstrip()
    if not head[:1].isupper():
        return False
    rest = after[cue_end:cue_end + 3].lstrip()
    return bool(rest) and rest[:1] not in ".,;"


def _cue_before(text: str, lo: int, hi: int, named_only: bool = False, whole: bool = True) -> sp.Mention | None:
    """The speaker of a cue that ends right before a quote: `Smith said,` / `He told reporters that` / `Smith:`.

    named_only keeps to a cue or a name right before the colon (no sentence subject guessed)."""
    before = text[lo:hi]
    tail = before.rstrip()[-5:]
    if not tail:
        return None
    if "quoted" in before:
        m = sp.QUOTED_AS.search(before)
        if m:  # `The agency quoted Defence Minister Arlo Pesk as saying: "..."`: the one quoted said it
            return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), "quoted as saying")
    # A bare cue right before the mark (She says "we will win.") introduces speech only when the quote
    # ends a sentence or clause; otherwise it is a phrase woven into the writer's sentence.
    bare = not (tail[-1] in ",:" or tail.endswith(("that", "this")))
    last = _last_word(before)
    if bare and (not whole or (last not in _CUE_WORDS and last not in _ING_CUES)):
        return None
    if bare:
        owner = _last_word(before.rstrip()[:-len(last)])
        if owner in _DETERMINERS or owner.endswith(("'s", "\u2019s")):
            return None  # `the ministry's claim "is false"`: a noun, not the verb `claim`
    # BEFORE's cue ends at most 80 characters and a word before the mark: without a cue word there (most
    # quotes), the costlier search for a speaker ahead of it is skipped.
    tail_at = len(before.rstrip()) - 100
    m = sp.BEFORE.search(before) if sp.CUE_WORD.search(before, max(0, tail_at)) else None
    while m and m.group(1) in sp.STOP_LEAD and m.group(1).lower() not in sp.PRONOUNS:
        m = sp.BEFORE.search(before, m.end(1))  # "When asked ..., he said:" is his, not "When"'s
    if m and sp.CUE_WORD.search(before, m.end(2)):
        # Another cue between this one and the mark: the nearer one introduces the quote (`a compound
        # called acetylene, Malaska asked, "..."` is Malaska's).
        nearer = sp.BEFORE.search(before, m.end(2))
        nearer_last = nearer.group(1).rsplit(None, 1)[-1].lower() if nearer else ""
        if (
            nearer
            and nearer.group(1) not in sp.STOP_LEAD
            and (nearer_last not in _TRAILING or nearer_last in _CONJUNCTIONS)  # (`... and joked,`: see below)
            and nearer_last not in _DETERMINERS  # `told the Ledger in a written statement,`: an adjective
            and _last_word(before[:nearer.start(1)]) not in _OBJECT_LEADS  # `responded in a series of posts:`
        ):
            m = nearer
    if m and (m.group(1).rsplit(None, 1)[-1] in _CONJUNCTIONS or _participle_of_subject(before, m) or (
        _last_word(before[:m.start(1)]) in _CLAUSE_PREPOSITIONS and not before[:m.start(1)].rstrip().endswith(",")
    )):
        # `Byrne resumed his remarks and declared, "..."`: the cue shares the sentence's subject; so does one
        # after an opening phrase (`After the vote, Rita Sol left, saying, "..."`, `Speaking to BBC Sport, the
        # striker said:`), whose noun is no speaker.
        subject = sp.sentence_subject(text, lo, hi)
        if subject is not None:
            return sp.Mention(subject.text, subject.start, subject.end, m.group(2))
    if m:
        return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), m.group(2))
    m = sp.COLON.search(before)
    if m:
        lead = _last_word(before[:m.start(1)])
        if lead == "by" or (lead == "the" and _last_word(before[:m.start(1)].rstrip()[:-3]) == "by"):
            return None  # `"Headline," by Ann Lee: "..."` quotes an article's text, credited to its byline
        if lead in _DETERMINERS:  # `told the BBC:` names the hearer just as `told Channel 4:` does
            lead = _last_word(before[:m.start(1)].rstrip()[:-len(lead)])
        if lead not in _ADDRESSEE_LEAD:
            return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), ":")
        # `Smith told Channel 4:` names who heard it; the speaker is the sentence's subject.
    if not named_only and _introduces(before):
        m = sp.NAME_ING.search(before)
        if m:
            return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), m.group(2))
        return sp.sentence_subject(text, lo, hi)
    return None


# Words before a participle that make it the subject's act: `ended her list by saying`, `upon saying`.
_PARTICIPLE_LEADS = {"by", "upon", "on", "after", "before", "when", "while", "without", "in", "for", "from"}


def _participle_of_subject(before: str, m: re.Match[str]) -> bool:
    """A participle cue (`..., saying:`) whose matched "speaker" is a phrase of the writer's sentence: one
    reached over a comma (`In reply to the plan, the mayor rallied supporters, saying:`), one that ends with a
    preposition (`ended her list by saying`), or a text someone issued (`released a statement condemning`).
    The one speaking is the sentence's subject."""
    if not m.group(2).endswith("ing"):
        return False
    return (
        "," in before[m.end(1):m.start(2)]
        or m.group(1).rsplit(None, 1)[-1].lower() in _PARTICIPLE_LEADS
        or _names_a_text(m.group(1))
    )


def _names_a_text(phrase: str) -> bool:
    """`a statement`, `a text message to supporters`, `the letter on Monday`: a phrase whose head (in its
    first few words after the determiner) is something written."""
    words = phrase.split()
    # (`a letter from his doctor` says whose words they are: the doctor's.)
    return len(words) > 1 and words[0].lower() in _DETERMINERS_ANY and "from" not in words and not (
        _TEXT_NOUNS.isdisjoint(w.lower() for w in words[1:4])
    )


def _woven(text: str, lo: int, span: Span) -> sp.Mention | None:
    """The speaker of a fragment woven into the writer's sentence after a verb of speech or judgement.

    `Ann Lee called the plan "a costly mistake."` quotes Ann Lee. Only a lower-case fragment that ends its
    clause qualifies, so `says "the whole plan" is too costly` (the writer's words around a phrase), titles
    and coined names (capitalised) stay out.
    """
    if span.close_mark is None or not text[span.start].islower():
        return None
    after = text[span.close_mark + 1:span.close_mark + 2]
    ends = _ends_sentence_or_clause(text[max(span.start, span.end - 3):span.end]) or after in _PUNCT or not after
    # A short fragment may sit mid-sentence (`said talks had reached a "workable deal" after a long night`):
    # the speaker and the verb before it attribute it all the same.
    before = text[lo:span.open_mark]
    # The writer's sentence goes on after the fragment: a long one, or one before a verb, is the writer's
    # subject (`says "the whole plan" is too costly`), unless a reported clause holds it as its predicate
    # (`alleged that Ross "defrauded investors for years" at two offices`, no verb of the writer's after).
    reported = False
    if not ends and (len(text[span.start:min(span.end, span.start + 80)].split()) > _SHORT_FRAGMENT
                     or _AUXILIARY.match(text, span.close_mark + 1)):
        if " that " not in before[-100:] or _AUXILIARY_VERB.match(text, span.close_mark + 1):
            return None
        reported = True
    if not before or before[-1:].isspace() is False or not before.rstrip()[-1:].isalnum():
        return None  # the fragment must sit in the sentence, right after a word
    if "quoted" in before:
        m = sp.QUOTED_AS_WOVEN.search(before)
        if m:  # `State television quoted the president as saying the country "will not bow"`
            return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), "quoted as saying")
    # The verb comes after the clause's last comma or mark (the gap may hold neither): search from there.
    start = max(len(before) - 100, *(before.rfind(c, len(before) - 100) + 1 for c in ',;:"“”'))
    verb = None if reported else sp.WOVEN_VERB.search(before, max(0, start))
    if not verb and " that " in before[-100:]:
        verb = sp.WOVEN_VERB_THAT.search(before, max(0, start))
    if not verb:
        return None
    at = verb.start(1)
    owner = _last_word(before[:at])
    # `Trump’s early-morning tweets`: a noun too (a past tense never is: `the firm's spokesman said`)
    owned = [] if verb.group(1).endswith(("ed", "said", "told", "wrote")) else before[max(0, at - 40):at].split()[-2:-1]
    if owner in _DETERMINERS or owner.endswith(("'s", "\u2019s")) or (
        owned and owned[0].endswith(("'s", "\u2019s")) and owner[:1].islower()
    ):
        return None  # `there's a saying that goes "..."`, `the report's claim that "..."`: nouns, not verbs
    m = _woven_speaker(before, at)
    if m and m.group(1).rsplit(None, 1)[-1] in _CONJUNCTIONS:
        # `Lee's brief said that was not her view and dismissed them as "..."`: the verb shares the subject.
        subject = sp.sentence_subject(text, lo, lo + at)
        return sp.Mention(subject.text, subject.start, subject.end, verb.group(1)) if subject else None
    if m is None and _last_word(before[:at]) in _CONJUNCTIONS:
        # `Lee was brief on details, but noted that the plan was "..."`: the subject after a longer clause,
        # taken only when it is a name the article uses again (not a list item's first word, not an owner).
        subject = sp.sentence_subject(text, lo, lo + at)
        if subject and subject.text[:1].isupper() and text.count(subject.text) > 1 \
                and text[subject.end:subject.end + 1] not in "'\u2019":
            return sp.Mention(subject.text, subject.start, subject.end, verb.group(1))
        return None
    if m and _names_a_text(m.group(1)) and _last_word(before[:m.start(1)]) in _ISSUING:
        # `The Commission issued a statement warning that "..."`: the statement's words are its issuer's.
        subject = sp.sentence_subject(text, lo, lo + m.start(1))
        if subject is not None:
            return sp.Mention(subject.text, subject.start, subject.end, verb.group(1))
    if m and m.group(1).rsplit(None, 1)[-1] in _TIME_HEADS and _last_word(before[:m.start(1)]) in _BEFORE_TIME_PHRASE:
        # `Lee at the time said he'd asked his "people"`: a time phrase sits between the subject and its verb.
        subject = sp.sentence_subject(text, lo, lo + m.start(1))
        return sp.Mention(subject.text, subject.start, subject.end, verb.group(1)) if subject else None
    if m:
        return sp.Mention(m.group(1), lo + m.start(1), lo + m.end(1), verb.group(1))
    if verb.group(1).endswith("ing") and before[:at].rstrip().endswith(","):
        # `..., calling the plan "a costly mistake."`: a participle after a comma is the sentence subject's.
        return sp.sentence_subject(text, lo, lo + at)
    return None


_TIME_HEADS = {"time", "moment", "day", "week", "month", "year", "night", "weekend", "morning", "evening", "outset"}
_BEFORE_TIME_PHRASE = {"at", "in", "on", "during", "that", "this", "last", "the"}


def _woven_speaker(before: str, at: int) -> re.Match[str] | None:
    """The speaker that ends right before a woven verb at `at`.

    WOVEN_SPEAKER is anchored at its end, so each start it tries runs on to the verb: searching 200
    characters costs ~90 microseconds. Most speakers sit in the last few words, so a window that starts at a
    word 80 characters back is tried first; the wide one only when an apposition (a comma) may sit between."""
    lo = max(0, at - 80)
    if lo:
        space = before.find(" ", lo, at)
        lo = space + 1 if space >= 0 else lo
    m = sp.WOVEN_SPEAKER.search(before, lo, at)
    if m is None and at > 80 and "," in before[max(0, at - 200):lo]:
        m = sp.WOVEN_SPEAKER.search(before, max(0, at - 200), at)
    return m


_SHORT_FRAGMENT = 6
_AUXILIARIES = "is|was|are|were|has|had|have|would|will|could|can|should|may|might|must|does|did"
_AUXILIARY_VERB = re.compile(rf"[^\S\n]+(?:{_AUXILIARIES})\b")
_AUXILIARY = re.compile(rf"[^\S\n]+(?:{_AUXILIARIES}|of)\b")  # (or `"the whole plan" of the council`)
# Verbs that name as much as they judge: after them a determiner before the fragment marks a coined term
# (`calls the plan a "reset"`), so it stays out.
_NAMING_VERBS = {
    "call", "calls", "called", "calling", "label", "labels", "labeled", "labelled", "labeling", "labelling",
    "brand", "brands", "branded", "branding", "term", "terms", "termed", "terming", "deem", "deems", "deemed",
}
_SENTENCE_STOP = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$))")


def _woven_after(text: str, span: Span, p_end: int, hi: int) -> sp.Mention | None:
    """The speaker of a short woven fragment named at the end of its sentence, after a comma:
    `The result was "a huge step" for the club, captain Ben Oduya said afterwards.`"""
    if len(text[span.start:min(span.end, span.start + 80)].split()) > _SHORT_FRAGMENT:
        return None
    lo = span.close_mark + 1
    stop = _SENTENCE_STOP.search(text, lo, min(hi, lo + _WINDOW))
    end = stop.start() if stop else min(hi, p_end)
    comma = text.rfind(",", lo, end)
    if comma < 0:
        return None
    tail = text[comma:end]
    m, cue_first = sp.after_quote(tail)
    if m:
        name, at, cue = m.group(1), comma + m.start(1), m.group(2)
    elif cue_first:
        m = cue_first
        name, at, cue = sp.trim_np(m.group(2)), comma + m.start(2), m.group(1)
    else:
        return None
    # Only an adverbial may follow the cue (`said on Sunday`, `said in a statement`), not a clause of its own.
    if len(tail) - m.end() > 40 or sp.CUE_WORD.search(tail, m.end()):
        return None
    return sp.Mention(name, at, at + len(name), cue)


_INTRO_WORDS = _STATEMENT_WORDS | _CUE_WORDS | _ING_CUES
# Words before a name and a colon that make the name the listener, the medium or the place, not the speaker.
_ADDRESSEE_LEAD = _CUE_WORDS | _ING_CUES | {
    "to", "on", "with", "at", "in", "newspaper", "magazine", "station", "network",
}


def _with_initials(text: str, mention: sp.Mention) -> sp.Mention:
    """The name with the initials the name pattern stopped at: the full stop that ends them (`said Rep.
    G.K. Butterfield` gave "G.K"), or the glued ones before it (`J.K. Rowan said` gave "K. Rowan").
    (Done here, not in the pattern: a name that ran on over "U.S. " would swallow the next sentence's
    "He said".)"""
    if text.startswith(". ", mention.end) and _INITIALS_END.search(mention.text):
        rest = sp.PROPER_RE.match(text, mention.end + 2)
        if rest:
            mention = sp.Mention(text[mention.start:rest.end()], mention.start, rest.end(), mention.cue)
    if mention.start >= 2 and text[mention.start - 1] == "." and text[mention.start - 2].isupper():
        lead = _INITIALS_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if lead:
            mention = sp.Mention(text[lead.start():mention.end], lead.start(), mention.end, mention.cue)
    return mention


_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+$")
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")
# Words that join a second fragment to the first (`"constructive" but "far from over"`).
_JOINING = "and|or|but|nor|yet"
_JOINED = re.compile(rf"[^\S\n]*,?[^\S\n]*(?:{_JOINING})[^\S\n]+(?:that[^\S\n]+)?")
_GAP_STOP = re.compile(r"[.!?;][\"”’)]*\s")
_CONJUNCTION = re.compile(rf"[\s,]*(?:{_JOINING})\b")
_CLAUSE_WORDS = {"who", "whose", "whom", "which", "where", "when", "while", "because", "if", "whereas", "unless"}


def _same_sentence_speaker(text: str, prev: Span, prev_mention: sp.Mention, span: Span) -> sp.Mention | None:
    """A second fragment in the sentence of an attributed quote is the same speaker's, when nothing between
    them ends the sentence or brings in another cue: `Ms Amadi said the report was "plainly wrong" and
    that "our crews followed every rule."` / `"An extra," Dana Cole said, but instead "part of us."`."""
    if prev_mention.end > span.open_mark:
        return None  # the cue comes later in the paragraph and may belong to this fragment's own clause
    lo = (prev.close_mark or prev.end) + 1
    if prev_mention.start > lo:
        lo = prev_mention.end
        # The cue that follows the name (`," Dana Cole said, but ...`) is the one already counted.
        at = lo + len(text[lo:lo + 8]) - len(text[lo:lo + 8].lstrip(" ,"))
        cue_end = at + len(prev_mention.cue)
        if (not prev_mention.cue or text[at:cue_end].lower() != prev_mention.cue.lower()
                or text[cue_end:cue_end + 1].isalnum() or not _CONJUNCTION.match(text, cue_end)):
            return None  # `," she said of the plan that it was "...` may be her own clause, not the quote's
        lo = cue_end
    if span.open_mark - lo > 100 or _GAP_STOP.search(text, lo, span.open_mark):
        return None
    gap = text[lo:span.open_mark]
    words = gap.replace(",", " ").split()
    if any(w[:1].isupper() or w in _CLAUSE_WORDS for w in words):
        return None  # a new subject (`but he feels that Cruz will "..."`) or a clause of its own (`whose plan "..."`)
    if sp.CUE_WORD.search(gap) or sp.WOVEN_VERB.search(gap):
        # `said the squad was "gutted" but insisted the season was "far from over"`: a verb right after the
        # conjunction has no subject of its own, so it shares the speaker's; any other cue brings its own.
        shared = _SHARED_VERB.match(gap)
        if shared is None or sp.CUE_WORD.search(gap, shared.end()) or sp.WOVEN_VERB.search(gap, shared.end()):
            return None
    return prev_mention


_SHARED_VERB = re.compile(rf"[\s,]*(?:{_JOINING})[^\S\n]+(?:also[^\S\n]+|then[^\S\n]+|[a-z]+ly[^\S\n]+)?[a-z]+\b")


# `Cory Jones, 22, of Flint, Mich., said`: the place belongs to the person named before it.
_PLACE_OF = re.compile(rf"({sp.PROPER})(?:,[^\S\n][^,\"“”\n]{{1,40}}?)?,[^\S\n]+(?:of|from)[^\S\n]+$")


def _resident(text: str, mention: sp.Mention) -> sp.Mention:
    if _last_word(text[max(0, mention.start - 12):mention.start]) not in {"of", "from"}:
        return mention
    m = _PLACE_OF.search(text, max(0, mention.start - 120), mention.start)
    return sp.Mention(m.group(1), m.start(1), m.end(1), mention.cue) if m else mention


def _mid_sentence(text: str, span: Span) -> bool:
    lead = text[max(0, span.open_mark - 40):span.open_mark].rstrip()
    if not lead or lead[-1] in ",:;.!?\"”—":
        return False
    last = _last_word(lead)
    return last not in _CUE_WORDS and not last.endswith("ing")


def _reported_speaker(text: str, para: tuple[int, int], spans: list[Span]) -> sp.Mention | None:
    """The speaker of a paragraph's reported speech, when it opens the paragraph and holds no quote of its
    own: `Mr Hale said the plan was flawed.` gives Mr Hale."""
    lo, hi = para
    k = bisect.bisect_left(spans, lo, key=open_mark_of)
    if hi - lo > 400 or (k < len(spans) and spans[k].open_mark < hi):
        return None  # a long paragraph, or one with a quote of its own
    m = sp.ANY_NAME_CUE.search(text, max(0, lo - 1), min(hi, lo + 160))
    if m is None or m.group(2) not in _REPORTING_CUES:
        return None
    lead = text[lo:m.start(1)]
    if len(lead.split()) > 3 or any(c in lead for c in ",.;:"):
        return None  # the speaker opens the paragraph, or only a role comes before: `Chief executive Ada Roth`
    name, at = sp.clean_mention(m.group(1), m.start(1))
    return sp.Mention(name, at, at + len(name), m.group(2))


# Verbs that report speech in the writer's words.
_REPORTING_CUES = {
    "said", "says", "added", "warned", "insisted", "argued", "claimed", "explained", "noted", "stressed",
    "suggested", "admitted", "acknowledged", "believes", "thinks", "maintained", "contended", "conceded",
    "told", "tells", "asked",
}


def _paragraph_cue(text: str, lo: int, hi: int, span: Span, spans: list[Span]) -> sp.Mention | None:
    if not sp.CUE_WORD.search(text, lo, hi):
        return None  # no cue word at all: skip the costlier search for a speaker before one
    for m in sp.ANY_NAME_CUE.finditer(text, lo, hi):
        if span.open_mark <= m.start(1) < (span.close_mark or hi) or _inside(spans, m.start(1)):
            continue
        return sp.Mention(m.group(1), m.start(1), m.end(1), m.group(2))
    return None


_PERSON_BACK = 400
# A full name (with its particles: "Bill de Blasio"), or a lone capitalised word: articles refer back by
# surname ("Okafor was blunt. '...,' she said"), and is_person() accepts a lone word only when the article
# gave it as a person's surname.
_NAME_OR_SURNAME = re.compile(rf"{sp.PARTICLE_SEQ.pattern}|{sp.NAME_SEQ.pattern}|\b[{sp._UP}][\w'’\-]+")
_REACH = 600


class _People:
    """Whether a name before a pronoun is a person, checked once per name in a text.

    Pronouns are many (most quotes end `he said`) and look back over the same few names: the checks
    (is it inside a quote, a person, in object position) are the costly part, so each name's verdict is
    kept for the next pronoun."""

    def __init__(self, text: str, resolver: sp.Resolver, spans: list[Span]) -> None:
        self.text, self.resolver, self.spans = text, resolver, spans
        self._verdicts: dict[tuple[int, str], tuple[str, int, bool] | None] = {}

    def before(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The names between lo and hi, nearest first."""
        return list(_NAME_OR_SURNAME.finditer(self.text, lo, hi))[::-1]

    def body(self, m: re.Match[str]) -> tuple[str, int, bool] | None:
        """(name, offset, False) for an organisation a plural "they" may stand for (`Big Machine have
        denied it. "...," they said`), None for anything else."""
        name, at = sp.clean_mention(m.group(), m.start())
        if name in sp.STOP_LEAD or _inside(self.spans, at) or not self.resolver.is_body(name):
            return None
        return name, at, False

    def verdict(self, m: re.Match[str]) -> tuple[str, int, bool] | None:
        """(name, offset, in object position) for a person, None for anything else."""
        key = (m.start(), m.group())
        if key in self._verdicts:
            return self._verdicts[key]
        name, at = sp.clean_mention(key[1], key[0])
        result = None
        if name not in sp.STOP_LEAD and not _inside(self.spans, at) and self.resolver.is_person(name):
            result = (name, at, _object_position(self.text, at))
        self._verdicts[key] = result
        return result


def _antecedent(
    people: _People, resolver: sp.Resolver, mention: sp.Mention, last: tuple[str | None, sp.Mention] | None
) -> tuple[str | None, sp.Mention] | None:
    """For a pronoun: the nearest person named before it outside quotes, or the last speaker if nearer."""
    if not _anaphor(mention.text):
        return last
    lo = max(0, mention.start - _PERSON_BACK)
    # An age is a person's: `Rovers appointed Carlos Duarte. "...," the 56-year-old said` is Duarte's, so the
    # nearest person counts even after a verb.
    age = mention.text.strip().lower() not in sp.PRONOUNS
    plural = mention.text.strip().lower() == "they"
    best: sp.Mention | None = None
    fallback: sp.Mention | None = None
    for m in people.before(lo, mention.start):
        found = people.verdict(m) or (people.body(m) if plural else None)
        if found is None:
            continue
        name, at, object_position = found
        if not age and object_position:
            # `He thinks Apex Nine can help`, `moved to Denver Health`: a name after a verb or a preposition
            # is more often a thing or a place than the person a later "he" or "she" refers to.
            if fallback is None and _last_word(people.text[max(0, at - 20):at]) not in _PLACE_LEADS:
                fallback = sp.Mention(name, at, at + len(name), "")
            continue
        best = sp.Mention(name, at, at + len(name), "")
        break
    best = best or fallback
    if best is None or (last is not None and last[1].start >= best.start and last[1].start < mention.start):
        return last
    return resolver.name(best.text), best


# Words after which a name is a sentence's or a clause's subject, or a person named by a role or a cue.
_SUBJECT_LEADS = {
    "and", "but", "when", "as", "while", "because", "so", "then", "after", "before", "since", "that", "who", "by",
    "if", "although", "though", "once", "until", "where", "whereas", "whom", "also",
}


def _object_position(text: str, at: int) -> bool:
    lead = text[max(0, at - 40):at].rstrip()
    if lead.endswith(","):
        # `with the director, Tilly Marsh`: an apposition stands where the description it names stands.
        role = _APPOSED_ROLE.search(lead)
        if role is not None and role.group(1) in sp.ROLE_WORDS:  # (not `Asked about the delay, Lena Fischer`)
            return _object_position(text, max(0, at - 40) + role.start())
    if not lead or lead[-1] in ".!?\"”:;,(\u2014\u2013-":
        return False
    word = _last_word(lead)
    if word == "to" and _last_word(lead[:-2]) == "according":
        return False
    if word == "for" and lead[:-3].rstrip().endswith(("As", "as")) and lead[:-3].rstrip()[-3:-2] in " \n." \
            and _NAME_THEN_COMMA.match(text, at):
        return False  # `As for Lee, he said ...`: the sentence's topic, whom its pronoun means
    if word.endswith(("'s", "\u2019s")):
        return True  # `a teacher at Indiana's Richmond High School`: something of someone's
    if word in _SUBJECT_LEADS or word in sp.ROLE_WORDS or not word.isalpha():
        return False
    if word in _CUE_WORDS and word not in _OBJECT_CUES:
        return False  # `said Ann Lee`: after a cue the name is its speaker, unless the cue takes a listener
    if word.endswith("ing") and word not in _ING_NOUNS:
        return True  # `accusing Big Machine of ...`: the object of a participle
    # After a determiner or a preposition, or a verb's ending: an object. Other lower-case words before a
    # name are mostly its role ("presidential nominee Ann Lee").
    return word in _DETERMINERS or word in _OBJECT_LEADS or word.endswith(("ed", "s"))


_NAME_THEN_COMMA = re.compile(r"[^\s,'’]+(?:[^\S\n]+[A-Z][^\s,'’]*){0,3},")
_APPOSED_ROLE = re.compile(
    r"(?<![^\s(])(?:the|a|an|his|her|their|its)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,2}([a-z][\w\-]*),$"
)
# After these a name is a place, never what a pronoun stands for (`strolling around Central Park`).
_PLACE_LEADS = {
    "in", "at", "around", "through", "across", "near", "outside", "inside", "behind", "beyond", "along", "toward",
    "towards", "under", "above", "below", "within", "into", "past", "beside", "throughout", "via", "down", "up",
    "onto",
}
# Cues whose name after them is the one spoken to or about (`criticised Manafort for`, `told Lee`).
_OBJECT_CUES = {
    "told", "tells", "tell", "urged", "urges", "begged", "demanded", "demands", "charged",
    "warned", "warns", "criticized", "criticised", "accused", "praised", "thanked", "blasted", "slammed", "attacked",
}
_ING_NOUNS = {"morning", "evening", "thing", "king", "spring", "wing", "ring", "meeting", "briefing", "hearing"}
_OBJECT_LEADS = {
    "of", "at", "for", "from", "in", "on", "with", "to", "about", "into", "against", "over", "than", "like", "via",
    "visit", "join", "see", "meet", "this", "that", "these", "those", "around", "through", "across", "near",
    "outside", "inside", "behind", "beyond", "along", "toward", "towards", "under", "above", "below", "between",
    "among", "during", "throughout", "within", "without", "beside", "past",
    # irregular past tenses, which the "-ed" ending misses (`before she met Tilly Marsh`)
    "met", "saw", "beat", "led", "left", "sent", "took", "gave", "made", "brought", "caught", "fought", "hit",
    "hired", "sought", "chose", "won", "lost", "knew", "drew", "threw", "overtook", "struck",
}


# `"...," the 56-year-old said`: an age stands for the person the article last named, like a pronoun.
_AGE = re.compile(r"(?:the[^\S\n]+)?\d{1,3}-year-old", re.IGNORECASE)


# `Rovers appointed Pep Ortiz. The Spaniard insisted ...`: a nationality stands for the person the article
# last named, as an age does. (Party labels and roles are left out: "the Republican" or "the minister" is as
# often someone new.)
_DEMONYMS = (
    "Spaniard", "Frenchman", "Frenchwoman", "Englishman", "Englishwoman", "Scot", "Scotsman", "Scotswoman",
    "Welshman", "Welshwoman", "Irishman", "Irishwoman", "Dutchman", "Dutchwoman", "Swede", "Dane", "Finn",
    "Norwegian", "German", "Italian", "Portuguese", "Brazilian", "Argentine", "Argentinian", "Australian",
    "Canadian", "Mexican", "Colombian", "Chilean", "Uruguayan", "Belgian", "Austrian", "Pole", "Czech", "Serb",
    "Croat", "Russian", "Ukrainian", "Turk", "Greek", "Nigerian", "Ghanaian", "Kenyan", "Egyptian", "Moroccan",
    "Algerian", "Senegalese", "Cameroonian", "Ivorian", "Japanese", "Korean", "Indian", "Pakistani",
    "New Zealander", "South African", "Jamaican", "Israeli", "Iranian", "Iraqi", "Syrian", "Lebanese",
    "Afghan", "Ethiopian", "Venezuelan", "Peruvian", "Ecuadorian", "Hungarian", "Romanian", "Bulgarian",
)
_DEMONYM_SET = frozenset(_DEMONYMS)
_DEMONYM_LAST = frozenset(d.rsplit(None, 1)[-1] for d in _DEMONYMS)


def _demonym(mention: str) -> bool:
    if mention.rsplit(None, 1)[-1] not in _DEMONYM_LAST:
        return False  # (most mentions: one set lookup)
    words = mention.split()
    if words[:1] in (["The"], ["the"]):
        words = words[1:]
    return " ".join(words) in _DEMONYM_SET


def _anaphor(mention: str) -> bool:
    if mention.lower() in sp.PRONOUNS:
        return True
    if mention.endswith("year-old"):
        return _AGE.fullmatch(mention.strip()) is not None
    return _demonym(mention)


def _inside(spans: list[Span], pos: int) -> bool:
    # Spans are in reading order, so their starts ascend: bisect on them directly (no cached copy of the
    # starts that a later list could be mistaken for).
    k = bisect.bisect_right(spans, pos, key=_span_start) - 1
    return k >= 0 and spans[k].start <= pos < spans[k].end


_OWNED_NOUN = re.compile(r"['’]s[^\S\n]+[a-z][\w\-]*(?=[^\S\n])")


def _issuer(
    resolver: sp.Resolver, text: str, noun: str, at: int, last: tuple[str | None, sp.Mention] | None
) -> str | None:
    """Who issued the statement (letter, memo) that "the statement said" quotes: the speaker whose cue named
    it (`X said in an emailed statement that ...`), or the subject that issued it (`The ministry issued a
    statement`). None when the article does not say (`a statement from her lawyers followed`)."""
    pos = text.rfind(noun, max(0, at - 600), at)
    if pos < 0:
        return None
    if last is not None and last[0] and last[1].end <= pos and pos - last[1].end < 60 \
            and not _GAP_STOP.search(text, last[1].end, pos):
        return last[0]
    # `issued a statement`, `said in an emailed statement`: the article (and at most one word) after the verb.
    lead = text[max(0, pos - 50):pos].split()[-4:]
    article = next((k for k in (-1, -2) if len(lead) >= -k + 1 and lead[k].lower() in {"a", "an"}), None)
    if article is None or not (lead[article - 1] in _ISSUING or lead[article - 1] == "in"):
        return None
    line_start = max(0, pos - 300, text.rfind("\n", 0, pos) + 1)
    subject: sp.Mention | None = None
    if lead[article - 1] == "in" and len(lead) >= 2 - article:
        # `..., the US military said in a statement`: the cue's own speaker, wherever the sentence starts.
        verb_at = text.rfind(lead[article - 2], line_start, pos)
        before = text[line_start:verb_at]
        m = _woven_speaker(before, len(before)) if verb_at > line_start else None
        if m is not None:
            subject = sp.Mention(m.group(1), line_start + m.start(1), line_start + m.end(1), lead[article - 2])
    if subject is None:
        subject = sp.sentence_subject(text, line_start, pos)
    if subject is None or not subject.text[:1].isalpha() or subject.text.rsplit(None, 1)[-1].lower() in _TEXT_NOUNS:
        return None
    raw = sp.clean_mention(subject.text, subject.start)[0]
    if raw[:1].isupper() and raw.split(None, 1)[0] not in _LEAD_DETERMINERS:
        owned = _OWNED_NOUN.match(text, subject.end)
        # `Clinton's campaign sent out an email`: the campaign issued it, not Clinton.
        return resolver.name(raw) + owned.group() if owned else _owner_resolved(resolver, raw)
    return _display(resolver, subject, last, text)


def _span_start(span: Span) -> int:
    return span.start


def _display(
    resolver: sp.Resolver, mention: sp.Mention, last: tuple[str | None, sp.Mention] | None, text: str = ""
) -> str | None:
    raw, _ = sp.clean_mention(mention.text.strip(), mention.start)
    lower = raw.lower()
    if lower == "it":
        # `The company's shares fell after it warned that ...`: "it" is a body or a text named before it (the
        # nearest), or the last speaker when that was one; never a person.
        lo = max(0, mention.start - 600)
        body = _last_match(_BODY, text, lo, mention.start)
        org = _last_match(_ORG_NAME, text, body.end() if body else lo, mention.start)
        if org is not None:
            return resolver.name(org.group(1))
        speaker_body = last is not None and last[0] and not resolver.is_person(last[0]) and last[1].start >= lo
        if body is not None and not (speaker_body and body.group(1) in _TEXT_NOUNS):
            named = _NAME_BEFORE_APPOSITION.search(text, max(0, body.start() - 60), body.start())
            if named and named.group(1).split()[0] not in sp.STOP_LEAD:
                return resolver.name(named.group(1))  # `Unite, the union, condemned it. "...," it said`
            return body.group(1)
        if speaker_body:
            # `"...," they said in a statement. Now they've put out another statement. "...," it says.`:
            # the text is the body's that spoke just before, which is what a citation names.
            return last[0]
        return None
    head = lower.rsplit(None, 1)[-1]
    if head in _TEXT_NOUNS and lower.split(None, 1)[0] in {"the", "that", "this"}:
        issuer = _issuer(resolver, text, head, mention.start, last)
        if issuer:
            return issuer
    if lower in sp.PRONOUNS or (lower.endswith("year-old") and _anaphor(lower)) or _demonym(raw):
        if last is not None:
            return last[0]
        return raw
    if lower in _INDEFINITE:
        return "unnamed source"  # `"...," one said.`: not the last person named, and no bare "one"
    raw = sp.PAREN_TAIL.sub("", raw).strip()
    words = raw.split()
    # `Another peer, Lord Fenn, said` / `Her coach, Maria Soto, said`: the description's apposition names him.
    # A place's or a body's role (`Norway's chief prosecutor, Ida Lund, said`, `The Met Office's chief
    # meteorologist, ...`) is a description too.
    owned = ("s " in raw) and any(
        w.endswith(("'s", "\u2019s")) and n[:1].islower() for w, n in itertools.pairwise(words[:4])
    )
    # So is the place or body at the end of one (`Labour MP for Hull North, Dana Ruse, said`).
    # (`chief executive of rival firm Brightwall, which ...`: a few lower-case words may come between.)
    inside = bool(text) and _ROLE_OF_TAIL.search(text, max(0, mention.start - 50), mention.start) is not None
    if text and (words[0][:1].islower() or words[0] in _LEAD_DETERMINERS or owned or inside):
        m = _APPOSED_NAME.match(text, mention.end)
        if m:
            return resolver.name(m.group(1))
        named_itself = (
            len(words) > 1 and words[0].lower() in _DETERMINERS and words[1][:1].isupper()
            and not words[1].endswith(("'s", "\u2019s"))  # `Scott Reed, the Chamber's chief strategist,`
        )
        if text[mention.end:mention.end + 1] == "," and not named_itself:
            # `Omar Lamb, a senior analyst at Stratline, the research firm, told`: the description is the
            # apposition of the person named before it. (`On Monday, the Daily Ledger, the party's paper,
            # warned`: a name of its own is nobody's apposition, and an opening phrase is nobody.)
            m = _NAME_THEN_ROLE.search(text, max(0, mention.start - 60), mention.start)
            if m and m.group(1).split()[0] not in sp.STOP_LEAD and resolver.is_person(m.group(1)):
                return resolver.name(m.group(1))
        if inside:
            # `Steve Menet, Senior Vice President of Sales for Dräger, Inc., says:`: the firm ends the role
            # of the person named before it.
            m = _NAME_THEN_ROLE_OF.search(text, max(0, mention.start - 140), mention.start)
            if m and m.group(1).split()[0] not in sp.STOP_LEAD and resolver.is_person(m.group(1)):
                return resolver.name(m.group(1))
    # `a capability the report calls "..."`: a relative clause without its "that"; the speaker is the
    # noun phrase that starts at the inner determiner (but `the head of the agency` stays whole).
    if "what" in words[:-1]:
        words = words[len(words) - words[::-1].index("what"):]  # `shedding what Ann Lee called "..."`
        raw = " ".join(words)
    inner = [k for k, w in enumerate(words) if k > 0 and w.lower() in _DETERMINERS
             and words[k - 1].lower() not in _PREPOSITIONS]
    if inner and (words[0][:1].islower() or words[0] in {"A", "An"}):
        words = words[inner[-1]:]
        raw = " ".join(words)
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words = words[:-1]  # "Angela Davis and" (a second subject the pattern stopped at) -> "Angela Davis"
    raw = " ".join(words)
    named = sp.person_part(words)
    if named is not None:
        return resolver.name(" ".join(named))  # "the analyst Ruth Adler", "Norland chairman Piet Aalders"
    first = words[0]
    if first[:1].islower() or first in _LEAD_DETERMINERS:
        if first.lower() == "the" and len(words) > 1 and words[1][:1].isupper():
            return resolver.name(" ".join(words[1:]))  # "the Ministry of Transport"
        if first.lower() == "the" and len(words) == 2 and words[1].lower() in _BODY_HEADS and text:
            body = _named_body(resolver, text, mention.start, words[1].lower())
            if body is not None:
                return body  # `Vantor Bank cut bonuses. "...," the bank said`: the bank it named
        if first.lower() in _DETERMINERS | _INDEFINITE and len(words) > 1:
            # A described speaker reads as the description: "the general" and "one aide" -> "general", "aide".
            if first.lower() in _OWNING_PRONOUNS:
                return " ".join(words[1:])  # `his campaign`: whose is not said here; no other body's name
            words = words[1:]
            raw = " ".join(words)
        return resolver.group(raw)
    return _owner_resolved(resolver, raw)


def _owner_resolved(resolver: sp.Resolver, raw: str) -> str:
    """The fullest name, for a name or for what a name owns (`Clinton's campaign` -> "Hillary Clinton's
    campaign")."""
    owner = _OWNER_AND_OWNED.fullmatch(raw)
    if owner is not None:
        return resolver.name(owner.group(1)) + owner.group(2)
    return resolver.name(raw)


_OWNING_PRONOUNS = {"his", "her", "their", "its"}
_OWNER_AND_OWNED = re.compile(r"([^'’]+)(['’]s[^\S\n]+[a-z][\w\-]*(?:[^\S\n]+[a-z][\w\-]*){0,2})")


_BODY_HEADS = {
    "company", "firm", "bank", "group", "club", "label", "carmaker", "retailer", "airline", "lender", "insurer",
    "broadcaster", "charity", "business", "manufacturer", "developer", "startup", "operator", "supplier", "publisher",
}
_BODY_REACH = 600


# Bodies of the state, the law, learning and care: never what "the company" or "the club" stands for
# (`Acme was fined by the Financial Conduct Authority. "...," the company said` is Acme's).
_PUBLIC_BODY_WORDS = {
    "Authority", "Commission", "Ministry", "Department", "Council", "Court", "Committee", "Agency", "Office",
    "Police", "Senate", "Congress", "Party", "University", "Hospital", "School", "Bureau", "Board",
    "Administration", "Service", "Parliament", "Government", "Federation", "Association", "College",
}


def _named_body(resolver: sp.Resolver, text: str, at: int, head: str) -> str | None:
    """The nearest organisation of the kind `head` names ("bank": a Bank) before `at`, within
    _BODY_REACH, by its fullest name."""
    lo = max(0, at - _BODY_REACH)
    for m in reversed(list(_NAME_OR_SURNAME.finditer(text, lo, at))):
        name, _ = sp.clean_mention(m.group(), m.start())
        if name in sp.STOP_LEAD or not resolver.is_body(name):
            continue
        words = set(name.split())
        if (head == "bank" and "Bank" not in words) or not _PUBLIC_BODY_WORDS.isdisjoint(words):
            continue
        return resolver.name(name)
    return None


_ISSUING = {"issued", "released", "published", "sent", "posted", "out", "shared", "circulated", "filed", "wrote"}
_TEXT_NOUNS = {
    "statement", "memo", "memorandum", "letter", "email", "e-mail", "post", "tweet", "note", "release", "message",
    "document", "filing", "report",
}
_BODY = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?(company|firm|group|bank|council|government|agency|ministry|"
    r"department|club|party|union|board|authority|court|committee|airline|retailer|carmaker|business|charity|"
    r"university|hospital|regulator|lender|insurer|broadcaster|network|manufacturer|developer|team|army|police|"
    r"force|commission|organisation|organization|campaign|administration|office|service|school|utility|panel|operator|watchdog|association|federation|foundation|institute|"
    # and the texts that speak for them: `"...," it said` of a statement, a memo, a sign
    r"newspaper|paper|magazine|statement|memo|memorandum|report|letter|email|e-mail|editorial|affidavit|sign|"
    r"post|tweet|document|note|filing|complaint|lawsuit|ruling|judgment|study|survey|poll|ad|advert|video|"
    r"message|release|article|column|book|website|page|bill|order|indictment|transcript|cable|draft|platform)\b"
)
def _last_match(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    return next(reversed(list(pattern.finditer(text, lo, hi))), None)


_ORG_NAME = re.compile(
    rf"\b((?:[A-Z][\w&\-]*[^\S\n]+){{0,4}}(?:{'|'.join(sorted(w for w in sp.ORG_WORDS if w.isalpha()))}))\b"
)
_INDEFINITE = {"one", "another"}
_TRAILING = {
    "and", "or", "but", "of", "for", "to", "in", "on", "at", "with", "by", "from", "that", "as", "who", "which",
}
_LEAD_DETERMINERS = {"The", "A", "An", "His", "Her", "Their", "Its", "One", "Another"}
# (The name may carry its firm or town: `Her solicitor, Paul Ide of Ide & Co, said`.)
_APPOSED_NAME = re.compile(
    rf",[^\S\n]+({sp.PROPER})(?:[^\S\n]+(?:of|at|from)[^\S\n]+[^,\"“”\n]{{1,40}}?)?(?:,|\.(?:\s|$))"
)
_NAME_THEN_ROLE = re.compile(rf"({sp.PROPER}),[^\S\n]+(?:(?:a|an|the)[^\S\n]+)?$")
_NAME_BEFORE_APPOSITION = re.compile(rf"({sp.PROPER}),[^\S\n]+$")
_NAME_THEN_ROLE_OF = re.compile(
    rf"({sp.PROPER}),[^\S\n]+[^,\"“”\n]{{1,100}}?[^\S\n]+(?:for|of|at|from)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,3}}$"
)
_ROLE_OF_TAIL = re.compile(r"(?:^|[^\S\n])(?:for|of|at|from)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,3}$")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her"}
_DETERMINERS_ANY = _DETERMINERS | {"this", "that", "another", "one", "our", "my", "your"}
_PREPOSITIONS = {"of", "at", "for", "from", "in", "on", "with", "to", "by", "and", "or", "about"}


def _score(span: Span, mention: sp.Mention | None) -> float:
    # The score depends only on whether a speaker was found and the quote's length up to 120 characters,
    # so the rounded values (round() costs a microsecond) are worked out once.
    key = (mention is not None, min(span.end - span.start, 120))
    score = _SCORES.get(key)
    if score is None:
        score = 0.5 + (0.3 if key[0] else 0.0) + min(0.2, key[1] / 6 / 100)
        score = _SCORES[key] = round(min(1.0, score), 3)
    return score


_SCORES: dict[tuple[bool, int], float] = {}
