"""The words full-text search sees, the same on both backends.

SQLite's FTS5 splits text with its unicode61 tokenizer (letters and digits, case-folded, accents removed);
PostgreSQL's parser would split differently (in a C-locale database it takes a curly quote for a letter,
and it keeps "2.4" or "harbour.example" whole). So the PostgreSQL desk hands the server the words this
module finds, the way unicode61 finds them, and the server only indexes them: a search gives the same
matches on either desk.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
# Past this many words a text is indexed by its distinct words only: PostgreSQL's tsvector holds at most
# 1 MB, and a long report repeats itself.
MANY_WORDS = 100_000
MAX_DISTINCT = 50_000


def search_words(text: str) -> list[str]:
    """The words of `text` as search matches them: runs of letters and digits, case-folded, unaccented."""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return _WORD.findall(folded)


def vocabulary_words(text: str) -> set[str]:
    """Every form of `text`'s words that SQLite's index may hold: `search_words`' and unicode61's own (which
    lower-cases where Python case-folds, so "ß" stays "ß"). More forms than the index holds are harmless:
    the vocabulary only turns a typed prefix into the words it may stand for."""
    words = set(search_words(text))
    if not text.isascii():
        lowered = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
        words.update(_WORD.findall(lowered))
    return words


# Both desks rank only the newest RANK_WINDOW matches of a query (or `limit`, when more are asked for), so a
# word or a letter that every source holds costs no more to search than a rare one; a query matching fewer
# ranks them all. Typing more narrows the set.
RANK_WINDOW = 100


def indexed_words(text: str) -> str:
    """`text`'s words as one space-separated string for the server to index (positions kept, so ranking
    counts them), or only its distinct words for a very long text."""
    words = search_words(text)
    if len(words) > MANY_WORDS:
        words = list(dict.fromkeys(words))[:MAX_DISTINCT]
    return " ".join(words)


def query_words(query: str) -> tuple[str, str] | None:
    """What a user typed, as (whole words, prefix): every word must match and the last one as typed so far.

    The whole words go to `websearch_to_tsquery`, each quoted so that `or`, `-` or `"` typed in the box are
    words, never operators; the prefix goes to `to_tsquery` as `word:*`, safe because it is letters and
    digits only. None when there is no word to search for.
    """
    words = search_words(query)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]), f"{words[-1]}:*"
