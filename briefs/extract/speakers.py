"""Who said a quote: cue patterns around it, then pronoun / surname / group resolution.

Every pattern runs on a bounded window next to the quote (at most a few hundred characters inside its
paragraph) and the name patterns have bounded repetition, so the work per quote is bounded and the
whole pass is linear in the text's size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

CUES = (
    "said|says|say|saying|told|tells|tell|added|adds|warned|warns|wrote|writes|asked|asks|explained|explains|"
    "noted|notes|stated|states|declared|declares|argued|argues|continued|continues|insisted|insists|claimed|"
    "claims|replied|replies|responded|responds|recalled|recalls|acknowledged|acknowledges|admitted|admits|"
    "conceded|concedes|countered|counters|suggested|suggests|predicted|predicts|announced|announces|observed|"
    "observes|remarked|remarks|joked|jokes|quipped|quips|tweeted|tweets|posted|posts|cautioned|cautions|urged|"
    "urges|emphasized|emphasizes|emphasised|emphasises|stressed|stresses|testified|testifies|shouted|shouts|"
    "yelled|yells|exclaimed|concluded|concludes|complained|complains|boasted|boasts|lamented|laments|mused|"
    "muses|whispered|agreed|agrees|answered|answers|offered|offers|reported|reports|contended|contends|"
    "maintained|maintains|vowed|vows|promised|promises|pledged|pledges|charged|charges|alleged|alleges|"
    "thundered|wondered|wonders|pleaded|pleads|chanted|chant|read|reads|asserted|asserts|recounted|"
    "recounts|confirmed|confirms|disclosed|revealed|reveals|pointed out|points out|went on|goes on|chimed in|"
    "elaborated|reiterated|reiterates|opined|scoffed|sniped|shot back|retorted|begged|demanded|demands|"
    "proclaimed|proclaims|advised|advises|texted|emailed|messaged|wrote back|summed up|put it|describes|"
    "described|called|calls|explain|add|write|ask|note|tweet|argue|insist|claim|warn|predict|suggest|"
    "surmised|assured|assures|pressed|presses|mocked|mocks|barked|remembered|remembers|interjected|riffed|"
    "puts it|conclude|state|snapped|sniffed|groused|grumbled|griped|fumed|gushed|marveled|marvelled|raved|"
    "cracked|teased|taunted|chided|scolded|protested|objected|clarified|reasoned|speculated|speculates|"
    "estimated|estimates|intoned|boomed|roared|screamed|cried|sighed|interrupted|cut in|piped up|repeated|"
    "repeats|echoed|echoes|affirmed|swore|threatened|implored|rebutted|inquired|pondered|deadpanned|bragged|"
    "brags|crowed|gloated|bemoaned|confessed|confesses|relayed|informed|commented|comments|muttered|"
    "blurted|growled|sneered|jeered|heckled|recommended|proposed|acknowledge|admit|concede|counter|respond|"
    "reply|recall|stress|emphasize|caution|urge|vow|promise|pledge|boast|complain|joke|quip|muse|observe|"
    "remark|maintain|contend|assert|declare|announce|concluded|summarized|summarised|beamed|questioned|"
    "quoted as saying|quoted as telling|reacted|reacts|sobbed|wept|hit back|hits back|reflected|reflects|"
    "apologised|apologized|apologises|apologizes|criticised|criticized|conceded|enthused|raged|blasted|"
    "insisted|ranted|gasped|sobs|hailed|admitted|began|begins|written|sings|sang|answer|bemoans"
)


def trie_pattern(words: list[str]) -> str:
    """One regex for a word list with shared prefixes factored out ("sa(?:id|ys|y(?:ing)?)...").

    Python's re tries the branches of an alternation one after another, so a flat list of 300 verbs costs
    300 attempts at each position; the factored form rejects a non-cue after a letter or two.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


_CUE = trie_pattern(sorted(set(CUES.split("|"))))
# Any adverb in -ly ("initially said", "loudly asked"), but not the nouns and adjectives in -ly.
_LY_ADVERB = (
    r"(?!(?:family|ally|rally|assembly|only|early|daily|weekly|monthly|likely|fly|reply|supply|Italy)\b)[a-z]{2,}ly\b"
)
_ADV = (
    r"(?:(?:also|later|then|again|instead|recently|previously|once|further|since|repeatedly|simply|just|quickly|"
    r"flatly|has|had|have|would|will|was|were|is|did|does|could|reportedly|publicly|privately|"
    r"often|frequently|famously|told|bluntly|angrily|sharply|firmly|jokingly|softly|loudly|"
    r"proudly|candidly|succinctly|memorably|recently|once|even|never|ultimately|finally|"
    r"at one point|in a statement|in an interview|on Twitter|went on to|goes on to|was quick to|were quick to|"
    rf"{_LY_ADVERB}"
    r")\s+){0,3}"
)
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_TITLE_ABBR = (
    r"(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Rev|Prof|Pres|Sec|Amb|Atty|Capt|Cmdr|Adm|Maj|Sens|Reps|St|Jr|Sr)\."
)
# A capitalised word; a period belongs to it only inside (U.S.) or as an initial before a name (J. Smith),
# so "said Priya Natarajan." does not swallow the full stop.
_CAP = rf"(?:{_TITLE_ABBR}|[{_UP}]\.(?=[^\S\n]+[{_UP}])|[{_UP}](?:[\w'’\-]|\.(?=\w))*+)"
_S = r"[^\S\n]"  # whitespace within a paragraph (no-break spaces included)
_PARTICLE = (
    r"(?:de(?:[^\S\n]+la)?|van(?:[^\S\n]+de[rn])?|von(?:[^\S\n]+der)?|der|den|da|del|della|di|du|la|le|al|bin|ibn"
    r"|St\.)"
)
PROPER = rf"{_CAP}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?{_CAP}){{0,5}}"
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
# Right after a quote, "one" and "another" alone speak for an unnamed person: `"...," one said.` /
# `"...," said another.` (never before a quote: "In one tweet, Lee said:" is Lee's).
_INDEF = r"(?:[Oo]ne|[Aa]nother)"
_DET = (
    rf"(?:[{_UP}][\w.\-]*['’]s|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hese|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]wo|[Tt]hree|"
    r"[Ss]everal|[Ss]ome|[Mm]any)"
)
# A noun phrase never ends with an adverb: `Another reportedly said:` is "Another"'s, the adverb the cue's.
_NP = rf"{_DET}[^\S\n]+(?:[\w'’\-]+[^\S\n]+){{0,6}}?(?!{_LY_ADVERB})[\w'’\-]+"
# A party-and-state tag after a name: "Rep. John Smith (D-Md.) said".
_PAREN = r"(?:[^\S\n]*\([^()\n]{1,30}\))?"
# A body's people as one speaker: "Government sources", "Labour insiders", "Pentagon officials".
_GROUP_NOUNS = (
    r"(?:sources|officials|aides|insiders|allies|critics|supporters|officers|ministers|leaders|executives|"
    r"analysts|experts|campaigners|residents|protesters|lawmakers|negotiators|diplomats|prosecutors|lawyers)"
)
# (One PROPER with an optional group noun, not two alternatives: the name is matched once per position.)
_SPK = rf"(?:{_PRON}|{_NP}|{PROPER}(?:[^\S\n]+{_GROUP_NOUNS}\b)?{_PAREN})"
# An apposition after the speaker: "Smith, a lawyer at X, said" / "Smith, 52, said".
_APPOS = r"(?:,[^\S\n][^,\"“”\n]{1,120}?,)?"
# Right after a quote the name comes first, so a longer apposition is safe there:
# `," Ann Lee, 30, of Salem, Ore., who was polled, said`.
_APPOS_LONG = r"(?:(?:,[^\S\n][^,\"“”\n]{1,120}?){1,4},)?"

# Before a quote, an apposition may hold commas of its own (`Mr Parish, chairman of the environment, food and
# rural affairs committee, said:`): the name before it is the speaker, not a noun phrase inside it. Its later
# parts have no capital, so a clause with a subject of its own (`On Friday, after a pause, Ann Lee backed
# the plan, saying`) is not taken for one.
_APPOS_BEFORE = rf"(?:,[^\S\n][^,\"“”\n]{{1,120}}?(?:,[^\S\n][^,\"“”\n{_UP}]{{1,120}}?){{0,2}},)?"

# Right after the closing mark: `," said Dr. Jane Smith` / `," the mayor said` / `," Smith, a lawyer, said`.
_PHRASE = r"[^,.;:!?\"“”()\n]"
# A person described before the name: "Norland chairman Piet Aalders", "captain Ben Oduya", "Labour peer Lord
# Amis". The lower-case words are the role, never a preposition, a conjunction or a verb of the sentence.
_ROLE_WORD = (
    r"(?!(?:and|or|but|the|a|an|of|to|in|on|at|for|with|by|from|as|that|who|which|when|after|before|while|"
    r"said|says|told|tells|he|she|they|it|we|you|also|then|has|had|have|was|is|were|are|will|would|about)\b)"
    r"[a-z][\w\-]*"
)
# A speaker after a cue never opens with a preposition or a time word (`" announced in October, said ...`).
_NOT_ADVERBIAL = r"(?!(?:in|on|at|for|by|to|from|with|during|after|before|since|last|this|next|earlier|later)\b)"
_DESCRIBED = rf"(?:{PROPER}[^\S\n]+)?(?:{_ROLE_WORD}[^\S\n]+){{1,3}}{PROPER}"
AFTER_CUE_FIRST = re.compile(
    rf"^[^\S\n]*[,—–\-]*[^\S\n]*(?:{_ADV})({_CUE})[^\S\n]+(?:{_ADV})"
    rf"({_DESCRIBED}(?![^\S\n]*[\w(])|{PROPER}{_PAREN}|{_PRON}\b|{_INDEF}(?=[^\S\n]*(?:[.,;!?]|$))|{_DET}[^\S\n]+{_PHRASE}{{1,80}}|{_NOT_ADVERBIAL}{_PHRASE}{{1,60}}?{PROPER})"
)
AFTER_CUE_INITIALISM = re.compile(
    rf"^[^\S\n]*[,—–\-]*[^\S\n]*(?:{_ADV})({_CUE})[^\S\n]+(?:{_ADV})(?:[{_UP}]\.){{2,}}[^\S\n]+({_DESCRIBED}|{PROPER})"
)
# A bare plural right after the quote is a group of speakers: `," federal prosecutors wrote`.
# (not an auxiliary: `the CNN "reporter" has revealed` names no one)
_BARE_GROUP = (
    r"(?!(?:has|was|is|does|says|this|thus|always|perhaps|as|us|its|his|yes)\b)"
    r"(?:[a-z][\w\-]+[^\S\n]+){0,2}[a-z][\w\-]+s"
)
AFTER_NAME_FIRST = re.compile(
    rf"^[^\S\n]*[,—–\-]*[^\S\n]*({_INDEF}|{_SPK}|{_BARE_GROUP}){_APPOS_LONG}[^\S\n]+{_ADV}({_CUE})\b"
)
AFTER_DESCRIBED = re.compile(rf"^[^\S\n]*[,—–\-]*[^\S\n]*({_DESCRIBED}){_APPOS_LONG}[^\S\n]+{_ADV}({_CUE})\b")
# A role after the name whose closing comma the writer left out (`," Ann Lee, an analyst at the Energy,
# Water and Climate Council told reporters.`): the cue ends the description.
AFTER_UNCLOSED_ROLE = re.compile(
    rf"^[^\S\n]*,?[^\S\n]*({PROPER}),[^\S\n]+(?:an?|the)[^\S\n][^\"“”\n.!?;]{{1,160}}?[^\S\n]({_CUE})\b"
)


def after_quote(after: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The attribution right after a quote: (name first, cue first), at most one of them a match.

    `," the mayor said` matches name first (speaker group 1, cue group 2); `," said the mayor` cue first
    (cue group 1, speaker group 2). The described person (`," Acme chief executive Jo Bell said`) is tried
    last, when neither plain pattern matches, so most quotes never pay for it."""
    named = AFTER_NAME_FIRST.match(after)
    if named is not None:
        return named, None
    cue_first = AFTER_CUE_FIRST.match(after)
    if cue_first is not None:
        if cue_first.group(2)[-2:-1] == "." and after[cue_first.end(2):cue_first.end(2) + 1] == ".":
            # `," said U.S. Attorney Dana Fox`: the initialism's last period stopped the name; the person
            # is the one it qualifies.
            # (Only before two capitalised words: `said A.J. Styles` is a person's initials.)
            better = AFTER_CUE_INITIALISM.match(after)
            return None, better if better and " " in better.group(2).strip() else cue_first
        return None, cue_first
    described = AFTER_DESCRIBED.match(after)
    if described is None and "," in after[:40]:
        described = AFTER_UNCLOSED_ROLE.match(after)
    return described, None
# Right before the opening mark: `Smith said:` / `He added, ` / `The mayor told reporters that `.
# The words between the cue and the mark stay in one sentence (a full stop before a capital ends it, unless
# it closes a title such as "Sen."), so "A reporter asked him. He replied:" finds "He", not "A reporter".
_GAP = rf"(?:{_TITLE_ABBR}|[^\"“”\n.!?]|[.!?](?![\"”’)]*[^\S\n]+[{_UP}]))"
BEFORE = re.compile(
    rf"(?:^|[^\w'’])({_SPK})(?:['’](?:d|ll))?{_APPOS_BEFORE}(?:,[^\S\n]+who)?[^\S\n]+{_ADV}({_CUE})\b"
    rf"(?:{_GAP}{{0,80}}?(?:[,:]|\bthat|\bthis))?[^\S\n]*$"
)
# Verbs of speech and judgement that weave a quoted fragment into the writer's sentence:
# `Ann Lee called the plan "a costly mistake."` / `Lee, for her part, is labeling it "reckless."`.
_WOVEN_VERBS = [
    f"{stem}{end}"
    for stem, ends in {
        "call": ("ed", "s", "ing", ""), "describ": ("ed", "es", "ing"), "dismiss": ("ed", "es", "ing"),
        "label": ("ed", "led", "s", "ing", "ling"), "brand": ("ed", "s", "ing"), "term": ("ed", "s", "ing"),
        "deem": ("ed", "s"), "sa": ("id", "ys", "ying"), "t": ("old", "ells", "elling"), "add": ("ed", "s", "ing"),
        "warn": ("ed", "s", "ing"), "promis": ("ed", "es", "ing"), "pledg": ("ed", "es", "ing"),
        "vow": ("ed", "s", "ing"), "welcom": ("ed", "es", "ing"), "prais": ("ed", "es", "ing"),
        "blast": ("ed", "s", "ing"), "slam": ("med", "s", "ming"), "criticiz": ("ed", "es", "ing", "e"),
        "denounc": ("ed", "es", "ing"), "decr": ("ied", "ies", "ying"), "urg": ("ed", "es", "ing"),
        "accus": ("ed", "es", "ing"), "admit": ("ted", "s", "ting"), "acknowledg": ("ed", "es", "ing"),
        "conced": ("ed", "es", "ing"), "insist": ("ed", "s", "ing"), "argu": ("ed", "es", "ing"),
        "predict": ("ed", "s", "ing"), "declar": ("ed", "es", "ing"), "thank": ("ed", "s", "ing"),
        "claim": ("ed", "s", "ing"), "criticis": ("ed", "es", "ing", "e"),
        "condemn": ("ed", "s", "ing"), "hail": ("ed", "s", "ing"), "apologis": ("ed", "es", "ing"),
        "apologiz": ("ed", "es", "ing"), "den": ("ied", "ies", "ying"), "complain": ("ed", "s", "ing"),
        "suggest": ("ed", "s", "ing"), "announc": ("ed", "es", "ing"), "tweet": ("ed", "s"),
        # Past and present only: a participle (`..., noting the nominee "..."`) falls back on the sentence's
        # subject, which for these verbs is as often the quoted person's target as the speaker.
        "wr": ("ote", "ites"), "caution": ("ed", "s"), "testif": ("ied", "ies"),
        "explain": ("ed", "s"), "not": ("ed", "es"), "stress": ("ed", "es"), "recall": ("ed", "s"),
        "reiterat": ("ed", "es"), "maintain": ("ed", "s"), "liken": ("ed", "s"), "compar": ("ed", "es"),
        "attack": ("ed", "s"), "mock": ("ed", "s"), "lament": ("ed", "s"),
    }.items()
    for end in ends
]
WOVEN_VERBS = set(_WOVEN_VERBS)
_WOVEN_VERB = trie_pattern(sorted(WOVEN_VERBS))
# The verb is in the fragment's own clause, at most 80 characters before it: no other quote, no comma and no
# subordinate clause between (`slammed Obama for suggesting that voters "cling to guns"` is not hers).
# Before "that", a preposition and a gerund open a clause of their own (`slammed Lee for suggesting that
# voters "..."`). (Without "that" the fragment is most often the verb's subject's words all the same:
# `attacked Romney for being a "failed candidate."`.)
_GERUND_CLAUSE = r"(?:for|by|about|without|of|after|before|while|when|from)[^\S\n]+[a-z]+ing\b"
_WOVEN_GAP = (
    rf"\b(?:(?!\b(?:that|who|which|because|while|when|whom|whose|if)\b)"
    rf"(?:{_TITLE_ABBR}|[^\"“”\n.!?,;:]|[.!?](?![\"”’)]*[^\S\n]+[{_UP}]))){{0,80}}$"
)
# First the verb (searched for in the last 100 characters only), then its speaker, which ends right before it.
# A "that" right after the verb (and its object) opens the clause the fragment is in: `warned that the cuts
# would be "devastating"`, `told investors that margins would "recover"`.
WOVEN_VERB = re.compile(rf"\b({_WOVEN_VERB}){_WOVEN_GAP}")
# "alleged" weaves a fragment only through a clause of its own: right before a mark it is an adjective
# (`his alleged "victims"`).
_WOVEN_VERB_BEFORE_THAT = trie_pattern(sorted(WOVEN_VERBS | {"alleged", "alleges"}))
# Up to six words between the verb and "that" (`told a business magazine in October 2018 that`); a word
# may hold inner dots (`told Newsline.info that`), never a sentence's full stop, and none opens a gerund's
# clause (`slammed Hale for suggesting that ...` puts the fragment in another clause, his).
WOVEN_VERB_THAT = re.compile(
    rf"\b({_WOVEN_VERB_BEFORE_THAT})[^\S\n]+(?:(?!{_GERUND_CLAUSE})[\w'’\-]+(?:\.\w+)*[^\S\n]+){{0,8}}?that\b{_WOVEN_GAP}"
)
WOVEN_SPEAKER = re.compile(rf"(?:^|[^\w'’])({_SPK}){_APPOS}(?:,[^\S\n]+who)?[^\S\n]+{_ADV}$")

# Participles that introduce a quote like a cue: `..., adding, "..."` / `marched past, chanting "..."`.
ING_CUES = {
    "saying", "adding", "telling", "writing", "tweeting", "declaring", "noting", "asking", "explaining",
    "warning", "insisting", "arguing", "posting", "concluding", "replying", "responding", "urging", "stating",
    "chanting", "shouting", "yelling", "screaming", "singing",
}
# A name right before the -ing verb that introduces the quote is its speaker, not the sentence's subject:
# `The ad shows Ann Lee asking, "..."`.
NAME_ING = re.compile(
    rf"(?:^|[^\w'’])({PROPER})[^\S\n]+(?:{_LY_ADVERB}[^\S\n]+)?({trie_pattern(sorted(ING_CUES))})[^\S\n]*[,:]?[^\S\n]*$"
)

CUE_WORD = re.compile(rf"\b{_CUE}\b")
# `quoted X as saying`: X is the speaker, whoever did the quoting.
_QUOTED = rf"\bquoted[^\S\n]+({PROPER}|{_NP}?)[^\S\n]+as[^\S\n]+(?:saying|telling[^\S\n]+[^,:\"“”\n]{{1,60}}?)"
QUOTED_AS = re.compile(rf"{_QUOTED}[^\S\n]*[,:]?[^\S\n]*$")
QUOTED_AS_WOVEN = re.compile(rf"{_QUOTED}(?:[^\S\n]+that)?[^\S\n]+[^,;:\"“”\n]{{0,80}}$")
# A dash after the quote names its author: `"..." ― Jane Smith`.
DASH = re.compile(rf"^[^\S\n]*[―—–\-]+[^\S\n]*({PROPER})")
# A passive cue names its author after "by": `"Born to Run" was written by Ann Lee`.
PASSIVE_BY = re.compile(
    rf"^[^\S\n]*(?:was|were|is|are|had[^\S\n]+been|has[^\S\n]+been)[^\S\n]+"
    rf"(written|said|sung|spoken|uttered|coined|posted|tweeted)[^\S\n]+by[^\S\n]+({PROPER})"
)
# The words named as someone's reply: `"Absolutely not," came the reply from the minister` / `"..." — that
# was the message from chairman Ian Wood`.
REPLY_FROM = re.compile(
    rf"^[^\S\n]*[,—–\-]*[^\S\n]*(?:that[^\S\n]+|this[^\S\n]+)?(?:came|was|is)[^\S\n]+the[^\S\n]+"
    rf"(?:[a-z]+[^\S\n]+)?(reply|response|message|verdict|answer|warning|retort|word|view|assessment)"
    rf"[^\S\n]+(?:from|of)[^\S\n]+(?:the[^\S\n]+)?({_DESCRIBED}|{PROPER}|[a-z][\w\-]*(?:[^\S\n]+[a-z][\w\-]*){{0,2}})"
)
# A counted group as a subject: "about 200 protesters", "hundreds of students".
_COUNTED = (
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Oo]ver|[Mm]ore[^\S\n]+than)[^\S\n]+)?"
    r"(?:\d[\d,]*|[Tt](?:wo|hree|en|welve|wenty|hirty)|[Ff](?:our|ive|ifty|orty)|[Ss](?:ix|even|ixty)|[Ee]ight|[Nn]ine|"
    r"(?:[Hh]undreds|[Dd]ozens|[Tt]housands|[Ss]cores)[^\S\n]+of)[^\S\n]+(?:[\w'’\-]+[^\S\n]+)?[a-z][\w\-]*s\b"
)
SUBJECT = re.compile(rf"({_COUNTED}|{PROPER}{_PAREN}|{_PRON}\b|{_NP})")
_SENTENCE_END = re.compile(rf"[.!?][\"”’)]*[^\S\n]+(?=[\"“{_UP}])")
COLON = re.compile(rf"(?:^|[^\w'’])({PROPER}):[^\S\n]*$")
# A noun phrase after "according to" runs to the clause's end (`according to his longtime personal
# physician, ...`), not to its first word, when the clause ends within nine words.
_NP_TO_CLAUSE_END = rf"{_DET}[^\S\n]+(?:[\w'’\-]+[^\S\n]+){{0,8}}?[\w'’\-]+(?=[^\S\n]*[,.;:!?])"
ACCORDING = re.compile(rf"\b([Aa]ccording to)[^\S\n]+({PROPER}|{_NP_TO_CLAUSE_END}|{_NP})")
# A cue with its speaker anywhere in a sentence (the paragraph-level fallback).
ANY_NAME_CUE = re.compile(rf"(?:^|[^\w'’])({_SPK}){_APPOS}[^\S\n]+{_ADV}({_CUE})\b")
ANY_CUE_NAME = re.compile(rf"\b({_CUE})[^\S\n]+({PROPER})")

STOP_LEAD = _STOP_LEAD = {
    "The", "A", "An", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
    "These", "Those", "If", "When", "While", "After", "Before", "As", "For", "So", "Yet", "Or", "Nor", "Then",
    "Still", "Now", "Also", "Asked", "With", "Without", "From", "To", "Of", "By", "Since", "Although", "Though",
    "Because", "Meanwhile", "However", "Last", "Next", "Speaking", "Later", "Earlier", "Today", "Yesterday",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "His", "Her", "Their", "Its",
    "Our", "My", "Your", "There", "Here", "What", "Why", "How", "Who", "Where", "Which", "Even", "Just", "Only",
    # Questions and hedges that open a sentence before a name (`Is Rebecca Bradley ...?`, `Maybe Jo Hale`).
    "Is", "Was", "Are", "Were", "Does", "Did", "Do", "Can", "Could", "Should", "Would", "Has", "Have", "Had",
    "Whether", "Maybe", "Perhaps", "Both", "Either", "Neither", "Using", "Including", "Unlike", "Despite", "Amid",
    "Certainly", "Clearly", "Obviously", "Surely", "Indeed", "Instead", "Already", "Ironically", "Notably",
    "Similarly", "Likewise", "Finally", "Again", "Besides",
}
TITLES = {
    "Sen.", "Rep.", "Gov.", "Dr.", "Mr.", "Mrs.", "Ms.", "Gen.", "Lt.", "Col.", "Sgt.", "Rev.", "Prof.", "Pres.",
    "Sec.", "Amb.", "Atty.", "Capt.", "Cmdr.", "Adm.", "Maj.", "Sens.", "Reps.", "President", "Senator",
    "Representative", "Governor", "Prime", "Minister", "Secretary", "Judge", "Justice", "Mayor", "Chairman",
    "Chairwoman", "Speaker", "Professor", "Ambassador", "General", "Vice", "Former", "former", "Sheriff",
    "Attorney", "Chief", "Executive", "Director", "Commissioner", "Leader", "Majority", "Minority", "Whip",
    "Democratic", "Republican", "Democrat", "GOP", "Congressman", "Congresswoman", "Councilman",
    "Councilwoman", "Lieutenant", "Colonel", "Captain", "Pope", "King", "Queen", "Prince", "Princess",
    "Candidate", "Nominee", "State", "of", "U.S.", "US",
}
ORG_WORDS = {
    "Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd", "Lab", "Labs", "Association", "Department", "Agency", "Committee",
    "Party", "Campaign", "News", "Post", "Times", "Journal", "University", "Institute", "Council", "Group",
    "Commission", "Bureau", "Office", "Service", "Foundation", "Center", "Centre", "Company", "Ministry", "Union",
    "Bank", "Court", "House", "Senate", "Congress", "Police", "Network", "Organization", "Organisation",
    "Administration", "Board", "Fund", "Society", "Federation", "Coalition", "Alliance", "Project", "Club",
    "Security", "Systems", "Press", "Tribune", "Television", "Radio", "Broadcasting", "Media", "School", "College",
    "Hospital", "Cathedral", "Museum", "Library", "Airport", "Stadium", "Academy", "Authority", "Trust", "Street",
    "Road", "Square", "Station", "Prison", "Clinic", "Centers", "Industries", "Holdings", "Sport", "Sports", "TV",
    "Channel", "Magazine", "Herald", "Gazette", "Telegraph", "Mirror", "Chronicle", "Observer",
    # sports clubs: `sacked by Northfield United`, then "the 56-year-old said" is not the club
    "United", "City", "FC", "Athletic", "Rovers", "Wanderers", "Albion", "Town", "County",
}
_CAPWORD = re.compile(rf"[{_UP}][\w'’\-]*")


PROPER_RE = re.compile(PROPER)
# Two or more capitalised words (an initial allowed): the cheap scan for full names. It starts with a
# character class, which the regex engine skips to quickly.
# Possessive quantifiers (`*+`, `++`): a word's letters and the spaces after it are disjoint classes, so giving
# characters back can never find another match; not trying to cut the scan from ~3.9 ms to ~2.6 ms on the dev set.
NAME_SEQ = re.compile(rf"[{_UP}][\w'’\-]*+(?:[^\S\n]++(?:[{_UP}]\.[^\S\n]++)?[{_UP}][\w'’\-]++)++")
_BRACKETED_FIRST = re.compile(rf"\(([{_UP}][a-z]+)\)[^\S\n]+([{_UP}][a-z][\w\-]*)\b(?!['’])")
_WIRE_WORDS = {"Reuters", "Bloomberg", "Xinhua", "Kyodo", "Yonhap", "Interfax", "Tass", "Photo", "File", "Video"}
# Names with lower-case particles ("Ursula van der Berg", "Luis de la Vega"): a second scan, run only when a
# mention has a particle ("Ms van der Berg said"), keeps the scan every article pays for as cheap as it was.
_PARTICLES = ("van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn")
PARTICLE_SEQ = re.compile(
    rf"[{_UP}][\w'’\-]*+(?:[^\S\n]++[{_UP}][\w'’\-]*+)*+[^\S\n]++"
    rf"(?:(?:{'|'.join(_PARTICLES)})[^\S\n]++){{1,2}}[{_UP}][\w'’\-]++"
)
PAREN_TAIL = re.compile(r"[^\S\n]*\([^()\n]*\)$")


@dataclass(slots=True)
class Mention:
    """Who a cue names: the text and offsets of the mention, and the cue word."""

    text: str
    start: int
    end: int
    cue: str


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The first name or noun phrase of the last sentence in text[lo:hi] (for an introduced quote)."""
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        start = m.end()
    # An opening clause ("On Thursday, after a long silence, Warren ...") is not the subject: skip it.
    for step in range(3):
        first = text[start:min(hi, start + 20)].split(None, 1)
        if not first:
            break
        word = first[0].rstrip(",")
        if step and word in _INNER_OPENERS:
            word = word.capitalize()  # `On Thursday, after a long silence, Warren ...`: a second opening clause
        elif word in _FOCUS_WORDS and len(first) > 1 and first[1].split(None, 1)[0] in _INNER_OPENERS:
            word = "When"  # `Even before the count ended, ...`: the clause opens with its focus word
        if word in _TIME_LEADS and len(first) > 1:
            second = first[1].split(None, 1)[0] if first[1].split() else ""
            if second.rstrip(",") in _TIME_WORDS and not second.endswith(","):
                # `Last week State Department official Ann Lee revealed ...`: a time phrase with no comma.
                start = text.find(second, start) + len(second)
                continue
        # A participle opens a clause too: `Calling it "a sham," Lee said ...`.
        if word not in _CLAUSE_OPENERS and not (word.endswith("ing") and word[:1].isupper()):
            break
        comma = text.find(",", start, min(hi, start + 120))
        if comma < 0:
            break
        start = comma + 1
        while start < hi and text[start] in "\"\u201d\u2019' ":
            start += 1  # the comma closed a quoted phrase: `..., "a sham," Lee said`
    if text[start:start + 1] in ('"', "“"):
        return None  # the sentence opens with a mark that was never closed: its subject is inside a quote
    m = SUBJECT.search(text, start, min(hi, start + 120))
    if not m:
        return None
    # Only a name followed by a lower-case word can open a role-led name (most subjects are not).
    described = _DESCRIBED_RE.match(text, m.start(1), min(hi, start + 120)) if text[m.end(1):m.end(1) + 2][
        1:2].islower() else None
    if described and all(w in ROLE_WORDS for w in described.group(1).split() if w[:1].islower()):
        m = described  # `Labour leader Keir Marsh hit back`: the person the role describes, not "Labour"
    name, at = clean_mention(m.group(1), m.start(1))
    if m.group(1).endswith(("'s", "\u2019s")):
        role_end = _owned_role_end(text, m.end(1), hi)
        if role_end is not None:
            return Mention(text[at:role_end], at, role_end, ":")  # `the mayor's chief adviser rallied ...`
    if name[:4] == "the " and name[4:5].isupper() and not re.match(r"the \S+['’]s\b", name):
        # `the Electoral Commission, which ...`: the whole name, not the phrase's first capitalised word.
        proper = PROPER_RE.match(text, at + 4, min(hi, start + 120))
        if proper:
            name, at = proper.group(), proper.start()
    if " " not in name and name.endswith("s") and _VERB_OBJECT.match(text, at + len(name)):
        return None  # a list item with no subject: `Mocks his rivals and calls them "losers."`
    if name in _STOP_LEAD and name.lower() not in PRONOUNS:
        # A capitalised determiner alone ("The" of "The spokesman refused ...") is where a noun phrase starts.
        m = _NP_RE.match(text, m.start(1), min(hi, start + 120))
        if not m:
            return None
        name, at = m.group(), m.start()
        owner = _OWNED.match(text, m.end()) if name.endswith(("'s", "\u2019s")) else None
        if owner:
            name = text[at:owner.end()]  # "The driver's brother testified": the brother, not "The driver's"
    if name[:1].islower() or name.split(None, 1)[0] in _STOP_LEAD:
        # The noun phrase is matched shortest first: `the prime minister released` is the minister's.
        role = _ROLE_AFTER.match(text, at + len(name), min(hi, at + len(name) + 40))
        if role is not None and role.group(1) in ROLE_WORDS:
            name = text[at:role.end()]
            if text.startswith(("'s ", "\u2019s "), role.end()):
                role_end = _owned_role_end(text, role.end() + 2, hi)  # `the council leader's chief adviser`
                if role_end is not None:
                    name = text[at:role_end]
    return Mention(name, at, at + len(name), ":")


_OWNED = re.compile(r"[^\S\n]+[a-z][\w\-]*")
_ROLE_AFTER = re.compile(r"[^\S\n]+([a-z][\w\-]*)")
_OWNED_WORDS = re.compile(r"(?:[^\S\n]+[a-z][\w\-]*){1,3}")


# What someone has that speaks for them (`the senator's campaign sent out a message saying`).
_OWNED_SPEAKERS = {
    "campaign", "office", "team", "camp", "lawyers", "attorneys", "aides", "family", "staff", "spokespeople",
    "government", "party", "administration", "ministry", "department", "union", "club",
}


def _owned_role_end(text: str, pos: int, hi: int) -> int | None:
    """Where a role owned by the name before `pos` ends (`Lee's chief adviser`, `the firm's new head`): the
    subject is the one in that role, not its owner. None when no role word follows within three words."""
    words = _OWNED_WORDS.match(text, pos, min(hi, pos + 60))
    if words is None:
        return None
    end = None
    at = pos
    for word in words.group().split():
        at = text.find(word, at) + len(word)
        if word in ROLE_WORDS or word.rsplit("-", 1)[-1] in ROLE_WORDS or word in _OWNED_SPEAKERS:
            end = at
    return end


_NP_RE = re.compile(_NP)
_DESCRIBED_RE = re.compile(rf"({_DESCRIBED})")
_VERB_OBJECT = re.compile(r"[^\S\n]+(?:his|her|their|its|our|my|your|the|a|an|on|at|to|in|with|about|up)\b")


_TIME_LEADS = {"Last", "This", "Next", "Earlier", "Later"}
_TIME_WORDS = {
    "week", "month", "year", "night", "weekend", "spring", "summer", "autumn", "fall", "winter", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "morning", "evening", "season",
}
_CLAUSE_OPENERS = {
    "On", "In", "At", "After", "When", "While", "Here", "There", "As", "During", "Before", "Since", "Asked",
    "Speaking", "Earlier", "Later", "Last", "Following", "Despite", "Although", "Though", "If", "Because", "Once",
    "Until", "With", "Without", "By", "For", "From", "Throughout", "Over", "Under", "Within", "Unlike", "Like",
    "Meanwhile", "Still", "Yet", "Instead", "Then", "Now", "Moments", "Minutes", "Hours", "Days", "Weeks",
    "Months", "Years", "Today", "Yesterday", "Tonight", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "And", "But", "So", "Also", "However", "Indeed", "Finally", "Again", "Addressing",
    "Outside", "Inside", "Across", "Amid", "Among", "Around", "Near", "Behind", "Beyond", "Along", "Through",
    "Late", "Early", "Shortly", "Soon", "Immediately",
}
_FOCUS_WORDS = {"Even", "Just", "Only", "Long", "Right", "Shortly", "Soon", "Well"}
# Openers that follow another opening phrase in lower case (`On Thursday, after a long silence, Warren`).
_INNER_OPENERS = {
    "after", "before", "when", "while", "during", "since", "despite", "following", "although", "though", "once",
    "until", "amid", "throughout", "as", "because", "with", "without",
}


def clean_mention(text: str, start: int) -> tuple[str, int]:
    """Drop sentence-initial words that are not part of a name ("But Smith" -> "Smith") and a possessive
    ending ("Ms Ward's" -> "Ms Ward").

    "He" before a capitalised word stays: no sentence puts a pronoun before a name, so it is the
    surname of an East Asian name given surname first ("He Jianxiong")."""
    words = text.split(" ")
    dropped = 0
    while len(words) > 1 and words[0] in _STOP_LEAD and not (words[0] == "He" and words[1][:1].isupper()):
        dropped += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words)
    if name.endswith(("'s", "\u2019s")) and len(name) > 2:
        name = name[:-2]
    return name, start + dropped


def trim_np(text: str) -> str:
    """Cut a noun phrase found after a cue at the start of a clause that follows it."""
    cut = re.search(r"\s(?:who|which|that|in|on|during|when|after|before|because|while|as|to|told|said|says)\b", text)
    return text[: cut.start()] if cut else text


def is_person_name(name: str) -> bool:
    words = name.split()
    return ORG_WORDS.isdisjoint(words) and not (words and words[-1] in _EVENT_HEADS)


# The last words of days, events and laws, which look like a person's two capitalised words ("Election Day",
# "Music Awards", "Patriot Act") and are never what a pronoun stands for.
_EVENT_HEADS = {
    "Day", "Eve", "Week", "Awards", "Cup", "Games", "Olympics", "League", "Championship", "Championships",
    "Festival", "Act", "Bill", "Treaty", "Agreement", "Summit", "Conference", "Convention", "Election", "Elections",
    "Primary", "Caucus", "Debate", "War", "Prize", "Open", "Series", "Tour", "Trophy", "Show", "Fair", "Expo",
}


# Courtesy titles written without a full stop (British style). "Mr Hale" keeps its title when the article
# gives no first name: "Hale" alone reads as a stranger.
HONORIFICS = {
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Rabbi",
    "Imam", "Fr", "Cllr", "Rev", "Revd", "Pastor", "Bishop", "Archbishop", "Cardinal",
}
# Words that describe a person ahead of the name ("Striker Kwame Asante", "Pal Dean Cole", "widow Pam Hurst"):
# they are the role, not the name.
ROLE_WORDS = {
    "official", "striker", "midfielder", "defender", "goalkeeper", "winger", "forward", "neighbour", "neighbor",
    "mum", "mom", "dad", "pal", "widow", "widower", "star", "founder", "co-founder", "chairman", "chairwoman",
    "chair", "boss", "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "councillor", "councilor",
    "coach", "manager", "captain", "skipper", "host", "presenter", "singer", "actor", "actress", "mother", "father",
    "brother", "sister", "son", "daughter", "wife", "husband", "friend", "teacher", "nurse", "doctor", "lawyer",
    "campaigner", "activist", "resident", "owner", "victim", "witness", "colleague", "aide", "adviser", "advisor",
    "director", "chief", "executive", "officer", "leader", "head", "candidate", "nominee", "hopeful", "contender",
    "peer", "mp", "mep", "msp", "ceo", "cfo", "coo",
    "minister", "secretary", "envoy", "ambassador", "spokesmen", "reporter", "correspondent", "editor", "author",
    "novelist", "writer", "comedian", "model", "rapper", "drummer", "guitarist", "player", "veteran", "boxer",
    "fighter", "jockey", "trainer", "driver", "rider", "batsman", "bowler", "referee", "umpire", "pundit",
    "expert", "professor", "researcher", "scientist", "surgeon", "consultant", "mayor", "governor", "senator",
    "commander", "inspector", "detective", "sergeant", "constable", "superintendent", "reality", "tv", "grandmother",
    "grandfather", "gran", "grandad", "nan", "uncle", "aunt", "cousin", "fiance", "fiancee", "partner", "girlfriend",
    "boyfriend", "mum-of-two", "mum-of-three", "dad-of-two", "dad-of-three", "father-of-two", "mother-of-two",
    "administrator", "deputy", "commissioner", "president", "vice-president", "chairperson", "treasurer",
    "provost", "chancellor", "attorney", "prosecutor", "sheriff", "councilwoman", "councilman", "lawmaker",
    "legislator", "assemblyman", "assemblywoman", "cllr", "mla", "mpp",
    # Trades and walks of life that lead a name the same way ("Farmer Gwen Tallis", "Pensioner Ada Roe"); not
    # those that are as often a first name (Baker, Hunter, Mason, Judge).
    "farmer", "fisherman", "pilot", "soldier", "pensioner", "student", "shopkeeper", "landlord", "landlady",
    "tenant", "patient", "survivor", "volunteer", "worker", "engineer", "chef", "paramedic", "firefighter",
    "midwife", "carer", "cyclist", "swimmer", "golfer", "sprinter", "athlete", "footballer", "cricketer",
    "quarterback", "pitcher", "keeper", "banker", "trader", "investor", "entrepreneur", "businessman",
    "businesswoman", "tycoon", "billionaire", "millionaire", "designer", "architect", "artist", "photographer",
    "filmmaker", "producer", "broadcaster", "journalist", "blogger", "influencer", "youtuber", "podcaster",
    "historian", "lecturer", "headteacher", "headmaster", "headmistress", "pupil", "graduate", "mechanic",
    "electrician", "builder", "plumber", "shopper", "customer", "commuter", "passenger", "voter", "protester",
    "magistrate", "barrister", "solicitor", "coroner", "pathologist", "psychologist", "psychiatrist", "therapist",
    "pharmacist", "dentist", "physician", "epidemiologist", "virologist", "strategist", "pollster", "lobbyist",
    "diplomat", "negotiator", "rival", "challenger", "opponent", "incumbent", "editor-in-chief",
    # Positions written short in sports copy ("Browns DL Sheldon Reid", "QB Jalen Ford").
    "qb", "wr", "rb", "lb", "cb", "dl", "ol", "dt", "gm",
}


def _is_role(word: str) -> bool:
    return word.lower() in ROLE_WORDS


# Every capitalised word a name may open with that is not the name: one set, so a name with none of them
# (most) is passed over with one C-level isdisjoint() instead of a Python loop over its words.
_LEADING = TITLES | HONORIFICS | {w.capitalize() for w in ROLE_WORDS} | {w.upper() for w in ROLE_WORDS if len(w) <= 3}


def strip_titles(name: str) -> str:
    """The name without the titles and roles ahead of it: "Tory MP Jo Hart" -> "Jo Hart"."""
    words = name.split()
    if "s " in name and ("'s " in name or "\u2019s " in name):
        # "NASA's Steve Clarke": an organisation's possessive before a person's name is where they work.
        for k in range(len(words) - 3, -1, -1):
            if words[k].endswith(("'s", "\u2019s")) and words[k + 1][:1].isupper():
                words = words[k + 1:]
                break
    if _LEADING.isdisjoint(words):
        return " ".join(words)
    # A title or role inside the name ends the description: "Tory MP Jo Hart", "Prime Minister Kim Sun-hee".
    for k in range(len(words) - 2, 0, -1):
        if words[k][:1].isupper() and (words[k] in TITLES or _is_role(words[k])) and words[k + 1][:1].isupper():
            words = words[k + 1:]
            break
    whole = words
    while len(words) > 1 and (words[0] in TITLES or _is_role(words[0])
                              or (words[0] in HONORIFICS and len(words) > 2)):
        words = words[1:]
    if len(words) == 1 and len(whole) > 1 and (words[0] in TITLES or _is_role(words[0])):
        return " ".join(whole)  # a title with no name after it ("Prime Minister") is the speaker's title
    return " ".join(words)


_LOWER_PARTICLES = {*_PARTICLES, "al"}


def person_part(words: list[str]) -> list[str] | None:
    """The name at the end of a described person ("Norland chairman Piet Aalders" -> "Piet Aalders"), or None.

    Only when a lower-case word (not a name particle) comes before two or more capitalised words: the
    description leads, the name closes."""
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _LOWER_PARTICLES):
        k -= 1
    tail = words[k:]
    if k == 0 or not tail or tail[0] in _LOWER_PARTICLES or any(w[:1].isdigit() for w in tail):
        return None
    if words[k - 1].lower() in _OF_WORDS:
        return None  # "a spokesman for Acme Corp" is the spokesman, not the company
    if len(tail) < 2 and not (words[0][:1].islower() and words[k - 1].lower() not in _DETERMINER_WORDS):
        return None  # one capitalised word closes a name only after a lower-case description ("telecom analysts Ovex")
    return tail


_OF_WORDS = {"of", "for", "at", "from", "in", "on", "with", "to", "by", "and", "or", "about", "like", "than"}
_DETERMINER_WORDS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"}


# Words that count or point at a group without naming whose it is ("One parent", "Many residents").
_COUNTING_WORDS = {
    "one", "another", "some", "many", "several", "most", "few", "two", "three", "four", "a", "an", "the", "this",
    "these", "those", "his", "her", "their", "its", "our", "every", "each", "all", "both", "other", "others",
}
# One to three capitalised words ending right before a group's head: "Kaspersky Lab" of "Kaspersky Lab researchers".
_GROUP_LEAD = re.compile(rf"(?:[{_UP}][\w&'’.\-]*[^\S\n]+){{1,3}}$")
_WORD_CHAR = re.compile(r"\w")
_GAP_CHAR = re.compile(r"[^\S\n]")
_LEAD_REACH = 200


def _group_lead(text: str, head: str) -> str | None:
    """The capitalised words before the first occurrence of `head` that has any, else None.

    The head is found with str.find, and only the few hundred characters before each occurrence (never
    reaching back past the previous one) are searched for the words: one regex that started with the
    words scanned the whole text from every capital letter, ~0.15 ms per head on a news article.
    """
    size = len(head)
    floor = 0
    pos = text.find(head)
    while pos >= 0:
        end = pos + size
        if pos and _GAP_CHAR.match(text, pos - 1) and not _WORD_CHAR.match(text, end):
            m = _GROUP_LEAD.search(text, max(floor, pos - _LEAD_REACH), pos)
            if m:
                return m.group()
            floor = end  # the words before a later occurrence cannot reach back over this one
        pos = text.find(head, end)
    return None


# Each new group head costs one scan of the text; a real article has a handful, hostile text could have
# thousands, so the scans are capped to keep the pass linear.
_MAX_GROUP_LOOKUPS = 40


# What only a body has (`Northgate Energy's shares`); not what a person has too (a spokesman, staff, a
# website, a statement).
_OWNED_BY_BODY = {
    "shares", "stock", "shareholders", "board", "employees", "workers", "headquarters", "profits", "profit",
    "revenue", "revenues", "customers", "subscribers", "stores", "factories", "ceo", "cfo", "products", "executives",
}
# What a body is called in apposition (`Halden, the label, said`).
_BODY_OF = {
    "company", "firm", "label", "group", "bank", "club", "charity", "retailer", "carmaker", "airline", "lender",
    "insurer", "broadcaster", "network", "manufacturer", "developer", "startup", "start-up", "maker", "giant",
    "chain", "agency", "union", "party", "team", "band", "publisher", "operator", "supplier", "provider",
}


_PLACE_PREPOSITIONS = {"to", "in", "of", "from", "at", "for"}
# Organisation words that end a place's name, which a "they" never stands for (`down Broad Street`).
_PLACE_HEADS = {"Street", "Road", "Square", "County", "Town", "Station", "Airport", "Stadium", "Avenue", "Park"}


class Resolver:
    """Turns a mention (pronoun, surname, "the researchers") into the fullest name the article gives."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[str, str] | None = None
        self._first: dict[str, str | None] | None = None
        self._named: dict[str, str] = {}
        self._people: dict[str, bool] = {}
        self._groups: dict[str, str | None] = {}

    @property
    def full(self) -> dict[str, str]:
        """Surname -> the longest name ending with it (built on first use: most texts need it once)."""
        if self._full is None:
            self._full = self._names()
        return self._full

    def _names(self) -> dict[str, str]:
        forms: dict[str, dict[str, int]] = {}  # last word -> each name form ending with it -> how often
        # An article repeats its names: each distinct sequence is worked out once, with its count.
        seqs = Counter(NAME_SEQ.findall(self.text))
        # `Coach (Frank) Vogel came in`: a first name the writer added inside a quote completes the name.
        for m in _BRACKETED_FIRST.finditer(self.text):
            if m[1] not in _WIRE_WORDS:
                seqs[f"{m[1]} {m[2]}"] += 1
        for seq, times in seqs.items():
            words = seq.split()
            possessive = "s " in seq and ("'s " in seq or "\u2019s " in seq)
            if words[0] in _STOP_LEAD or words[0] in _LEADING or (
                len(words) > 2 and (possessive or not _LEADING.isdisjoint(words[1:-1]))
            ):
                name, _ = clean_mention(seq, 0)
                name = strip_titles(name.rstrip("."))
                words = name.split()
            else:
                # Nothing to drop (most sequences): what the two calls above would give, without them.
                # (A sequence never ends with a full stop.)
                name = " ".join(words)
            while len(words) >= 3 and words[0] in ORG_WORDS and "s " not in name:
                words = words[1:]  # `Speaker of the House Newt Gingrich`: the body ends the role
                name = " ".join(words)
            if len(words) >= 3 and self._place_first(seq, words[0]):
                words = words[1:]  # `special envoy to Ukraine Kurt Volker`: the place ends the role
                name = " ".join(words)
            if len(words) < 2 or words[0] in _STOP_LEAD or words[0] in HONORIFICS or len(words) > 4:
                continue
            if name.endswith(("'", "\u2019")):
                name = name[:-1]  # `Bernie Sanders’ attacks`: the owner's name, without the mark
                words[-1] = words[-1][:-1]
            elif name.endswith(("'s", "\u2019s")) and words[0] not in _CLAUSE_OPENERS:
                # `Mike Ford’s letters`, `Aung San Suu Kyi’s party` (not `Under NASA’s plan`).
                name = name[:-2]
                words[-1] = words[-1][:-2]
            counts = forms.setdefault(words[-1], {})
            counts[name] = counts.get(name, 0) + times
        full: dict[str, str] = {}
        for last, counts in forms.items():
            if len(counts) == 1:
                full[last] = next(iter(counts))
                continue
            # A name the article gives twice beats a longer run seen once (a headline's `Conservatives
            # Rebuking Trump` is not Donald Trump's full name), and then its fullest form wins: "Marine Le
            # Pen" for "Le Pen", "Michael Howard" for "Howard".
            best = max(counts, key=lambda name: (counts[name] > 1, name.count(" ")))
            fuller = [name for name in counts if name.endswith(" " + best)]
            full[last] = max(fuller, key=lambda name: name.count(" ")) if fuller else best
        return full

    def _place_first(self, seq: str, first: str) -> bool:
        """Whether a run of names follows a preposition whose object is its first word, as that word is
        elsewhere on its own (`envoy to Ukraine Kurt Volker` beside `talking to Ukraine about`)."""
        text = self.text
        pos = text.find(seq)
        while pos >= 0:
            # Only the word before each occurrence is looked at (most runs have none of these before them),
            # and the text is counted only for a preposition found there.
            prep = text[max(0, pos - 5):pos].rsplit(None, 1)[-1:] if text[pos - 1:pos] == " " else []
            if prep and prep[0] in _PLACE_PREPOSITIONS:
                whole = text.count(f" {prep[0]} {seq}")
                if text.count(f" {prep[0]} {first} ") > whole:
                    return True
            pos = text.find(seq, pos + 1)
        return False

    @property
    def first(self) -> dict[str, str | None]:
        """First word -> the two-word person's name it opens (None when two names share it).

        A name given in full once is later shortened to its first word: a first name in a profile ("Jade
        said"), or the surname when it comes first ("Kim Sun-hee" ... "Kim said"). Built from `full` on
        first use, which few articles reach."""
        if self._first is None:
            first: dict[str, str | None] = {}
            for name in self.full.values():
                words = name.split()
                if len(words) == 2 and is_person_name(name):
                    first[words[0]] = name if first.get(words[0], name) == name else None
            self._first = first
        return self._first

    def is_person(self, name: str) -> bool:
        """A name that looks like a person's: two or more words and no organisation word, or the
        surname of such a name given elsewhere in the article."""
        known = self._people.get(name)
        if known is None:
            known = self._people[name] = self._is_person(name)
        return known

    def _is_person(self, name: str) -> bool:
        name = strip_titles(name.rstrip("."))
        words = name.split()
        if len(words) >= 2:
            return is_person_name(name) and not self._acts_as_body(name)
        full = self.full.get(words[0]) if words else None
        return bool(full) and is_person_name(full) and not self._acts_as_body(full)

    def is_body(self, name: str) -> bool:
        """A name the article treats as an organisation: with an organisation word, or used as one."""
        name = strip_titles(name.rstrip("."))
        words = name.split()
        return len(words) >= 2 and words[-1] not in _PLACE_HEADS and (
            not is_person_name(name) or self._acts_as_body(name)
        )

    def _acts_as_body(self, name: str) -> bool:
        """Whether the article treats a name with no organisation word as a body: `Big Machine, which
        was bought`, `Northgate Energy's shares`, `Halden, the label,`, `shares in Vantor`. (One walk over
        the name's occurrences, only for the names a pronoun or "it" is checked against.)"""
        text = self.text
        size = len(name)
        pos = text.find(name)
        while pos >= 0:
            end = pos + size
            after = text[end:end + 40]
            if after.startswith(", which ") or text[max(0, pos - 10):pos] == "shares in ":
                return True
            if after.startswith(("'s ", "\u2019s ")):
                owned = after[3:].split(None, 2)
                if owned and (owned[0].strip(",.;:").lower() in _OWNED_BY_BODY or owned[:2] == ["chief", "executive"]):
                    return True
            elif after.startswith(", the "):
                kind = after[6:].split(None, 1)
                if kind and kind[0].strip(",.;:").lower() in _BODY_OF:
                    return True
            pos = text.find(name, end)
        return False

    def name(self, mention: str) -> str:
        """The fullest name the article gives for a mention ("Mr Howard" -> "Michael Howard")."""
        # An article names the same few people again and again: each mention is worked out once.
        named = self._named.get(mention)
        if named is None:
            named = self._named[mention] = self._name(mention)
        return named

    def _name(self, mention: str) -> str:
        cleaned = mention.rstrip(".").strip()
        name = strip_titles(cleaned)
        words = name.split()
        if not words:
            return mention
        if not _LOWER_PARTICLES.isdisjoint(words):
            return self._with_particles(words) or name
        if len(words) <= 2:
            full = self.full.get(words[-1])
            if full is None:
                return (self.first.get(words[0]) or name) if len(words) == 1 else name
            bare = [w for w in words if w not in HONORIFICS]
            if len(full.split()) > len(bare) and (
                len(words) == 1 or full.split()[0] == words[0] or words[0] in HONORIFICS
                or full.endswith(" " + " ".join(w for w in words if w not in HONORIFICS))
            ):
                return full
            if len(words) == 1:
                return self.first.get(words[0]) or name
        return name

    def _with_particles(self, words: list[str]) -> str | None:
        """The longest name in the text that ends with these words ("van der Berg" -> "Ursula van der Berg")."""
        tail = " " + " ".join(w for w in words if w not in HONORIFICS)
        best = None
        for seq in PARTICLE_SEQ.findall(self.text):
            name = strip_titles(clean_mention(seq, 0)[0])
            if name.endswith(tail) and (best is None or len(name) > len(best)):
                best = name
        return best

    def group(self, phrase: str) -> str:
        """`the researchers` -> `Kaspersky Lab researchers` when the article says so; else the phrase."""
        words = phrase.split()
        head = words[-1] if words else phrase
        if head in self._groups:
            return self._groups[head] or phrase
        if len(self._groups) >= _MAX_GROUP_LOOKUPS:
            return phrase
        found: str | None = None
        if head.isalpha() and head.islower() and len(head) > 2:
            lead = _group_lead(self.text, head)
            if lead:
                lead, _ = clean_mention(lead.strip(), 0)
                # A capitalised determiner opening the sentence (`One parent said`, `Many residents`) counts
                # the group; it does not name whose it is.
                words = lead.split()
                while words and words[0].lower() in _COUNTING_WORDS:
                    words = words[1:]
                if words and words[0] not in _STOP_LEAD:
                    found = f"{' '.join(words)} {head}"
        self._groups[head] = found
        return found or phrase
