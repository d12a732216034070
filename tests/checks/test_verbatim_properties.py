"""Property tests of the verbatim rule (issue 6 acceptance): verbatim quotes verify with any mix of
typographic substitutions; changing, adding or removing one word fails; ellipsis parts verify only in order."""

from __future__ import annotations

import string
from dataclasses import dataclass

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefs.checks import verify_quote

# Words are distinct and made of letters (some with an apostrophe, whose parts are distinct as well), so a
# changed quote cannot turn up verbatim somewhere else in the source by chance.
_LETTERS = "".join(c for c in string.ascii_lowercase if c not in "qxzj")
_core = st.text(alphabet=_LETTERS, min_size=3, max_size=7)
_word = st.one_of(_core, st.tuples(_core, _core).map(lambda t: f"{t[0]}’{t[1]}"))
# How the source joins two words: a space, a spaced em dash, a hyphen, a comma, a curly-quoted word.
_SEPARATORS = [" ", " ", " ", " — ", "-", ", ", " “", "” "]


@dataclass
class Source:
    text: str
    starts: list[int]
    ends: list[int]

    def words(self, i: int, j: int) -> str:
        """The source text from word i to word j-1, exactly."""
        return self.text[self.starts[i]:self.ends[j - 1]]


@st.composite
def sources(draw: st.DrawFn, min_words: int = 8) -> tuple[Source, list[str]]:
    words = draw(st.lists(_word, min_size=min_words, max_size=30, unique_by=lambda w: w.replace("’", "")))
    # The parts of a word with an apostrophe are words to the verifier too ("aaa’aaaa" ends in "aaaa"), so
    # no part may repeat another word or part either.
    pieces = [piece for word in words for piece in word.split("’")]
    assume(len(pieces) == len(set(pieces)))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words) - 1, max_size=len(words) - 1))
    parts, starts, ends, pos = [], [], [], 0
    for n, word in enumerate(words):
        starts.append(pos)
        parts.append(word)
        pos += len(word)
        ends.append(pos)
        if n < len(seps):
            parts.append(seps[n])
            pos += len(seps[n])
    return Source("".join(parts), starts, ends), words


_SWAPS = {"’": ["'", "‘", "’", "`"], "“": ['"', "“", "”", "„"], "”": ['"', "”", "“"], "—": ["-", "–", "—", "--"],
          "-": ["-", "‐", "–", "—"], " ": [" ", "  ", "\u00a0", "\n", " \t"]}


def typographic(draw: st.DrawFn, quote: str) -> str:
    """`quote` with any mix of the substitutions the rule allows."""
    out = []
    for ch in quote:
        choices = _SWAPS.get(ch)
        out.append(draw(st.sampled_from(choices)) if choices else ch)
    text = "".join(out)
    if draw(st.booleans()) and text[:1].isalpha():
        text = text[0].upper() + text[1:]
    if draw(st.booleans()):  # spaces around a dash come and go
        text = text.replace(" — ", "—").replace(" - ", "-")
    return text


@st.composite
def slices(draw: st.DrawFn, min_len: int = 1) -> tuple[Source, list[str], int, int]:
    source, words = draw(sources())
    i = draw(st.integers(0, len(words) - min_len))
    j = draw(st.integers(i + min_len, len(words)))
    return source, words, i, j


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picked=slices())
def test_a_verbatim_quote_verifies_with_any_typographic_substitutions(data: st.DataObject, picked: tuple) -> None:
    source, _, i, j = picked
    quote = source.words(i, j)
    assert verify_quote(quote, source.text, source.starts[i], source.ends[j - 1]).ok
    varied = typographic(data.draw, quote)
    verdict = verify_quote(varied, source.text, source.starts[i], source.ends[j - 1])
    assert verdict.ok, (varied, source.text)
    assert verdict.status in {"exact", "typographic"}
    assert verdict.span == (source.starts[i], source.ends[j - 1])
    assert verify_quote(varied, source.text).ok  # and without offsets, found anywhere in the source


def _rebuild(source: Source, i: int, j: int, words: list[str]) -> str:
    """The quote over words i..j-1 with the source's own separators, but these `words`."""
    out = []
    for n, word in enumerate(words):
        out.append(word)
        if n < len(words) - 1:
            k = min(i + n, j - 2)
            out.append(source.text[source.ends[k]:source.starts[k + 1]])
    return "".join(out)


_stranger = st.text(alphabet="qxzj", min_size=3, max_size=6)  # letters no source word has


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picked=slices(min_len=2), new=_stranger)
def test_changing_one_word_fails(data: st.DataObject, picked: tuple, new: str) -> None:
    source, words, i, j = picked
    quote_words = words[i:j]
    k = data.draw(st.integers(0, len(quote_words) - 1))
    quote_words[k] = new
    quote = _rebuild(source, i, j, quote_words)
    verdict = verify_quote(typographic(data.draw, quote), source.text, source.starts[i], source.ends[j - 1])
    assert not verdict.ok, (quote, source.text)
    assert new in verdict.diff.lower() and verdict.closest


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picked=slices(min_len=1), new=_stranger)
def test_adding_one_word_fails(data: st.DataObject, picked: tuple, new: str) -> None:
    source, _, i, j = picked
    quote = source.words(i, j)
    # Insert at a word boundary of the quote: before it, after it, or at any space inside it.
    cuts = [0, len(quote), *(n for n, ch in enumerate(quote) if ch == " ")]
    cut = data.draw(st.sampled_from(cuts))
    if cut == 0:
        changed = f"{new} {quote}"
    elif cut == len(quote):
        changed = f"{quote} {new}"
    else:
        changed = f"{quote[:cut]} {new}{quote[cut:]}"
    verdict = verify_quote(changed, source.text, source.starts[i], source.ends[j - 1])
    assert not verdict.ok, (changed, source.text)
    assert new in verdict.diff.lower() and "{+" in verdict.diff


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picked=slices(min_len=3))
def test_removing_one_word_inside_a_quote_fails(data: st.DataObject, picked: tuple) -> None:
    source, words, i, j = picked
    quote_words = words[i:j]
    k = data.draw(st.integers(1, len(quote_words) - 2))
    removed = quote_words.pop(k)
    quote = " ".join(quote_words)
    verdict = verify_quote(quote, source.text, source.starts[i], source.ends[j - 1])
    assert not verdict.ok, (quote, source.text)
    assert f"[-{removed}" in verdict.diff or removed in verdict.diff


@settings(max_examples=100, deadline=None)
@given(picked=slices(min_len=2))
def test_dropping_a_word_at_either_end_is_still_verbatim(picked: tuple) -> None:
    source, _, i, j = picked
    assert verify_quote(source.words(i + 1, j), source.text).ok
    assert verify_quote(source.words(i, j - 1), source.text).ok


@st.composite
def two_parts(draw: st.DrawFn) -> tuple[Source, tuple[int, int], tuple[int, int]]:
    source, words = draw(sources(min_words=4))
    cuts = sorted(draw(st.lists(st.integers(0, len(words)), min_size=4, max_size=4)))
    a, b, c, d = cuts
    assume(a < b and c < d)
    return source, (a, b), (c, d)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picked=two_parts(), mark=st.sampled_from(["...", "…", " . . . ", " [...] "]))
def test_ellipsis_parts_verify_only_in_order(data: st.DataObject, picked: tuple, mark: str) -> None:
    source, (a, b), (c, d) = picked
    first, second = source.words(a, b), source.words(c, d)
    in_order = verify_quote(f"{first} {mark} {second}", source.text, source.starts[a], source.ends[d - 1])
    assert in_order.ok, (first, second, source.text)
    assert in_order.status == "ellipsis"
    varied = typographic(data.draw, f"{first} {mark} {second}")
    assert verify_quote(varied, source.text).ok
    reversed_ = verify_quote(f"{second} {mark} {first}", source.text, source.starts[a], source.ends[d - 1])
    assert not reversed_.ok, (first, second, source.text)
