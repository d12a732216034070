"""Check the Word file that goes out: every quotation in it against the desk's sources.

Quotations are the passages Briefs bookmarked when it exported the file (found again by their names, so a
reviewer's edit inside one is caught) and any other text in quotation marks (a colleague's own memo). A
bookmarked quote is compared with the snapshot its provenance names, at its offsets; any other is looked up:
full-text search for a few of its words, then the verbatim check against each candidate, whose failure path
aligns it fuzzily (rapidfuzz) with the closest passage and diffs the words. Each quote is reported as
verbatim, changed (with the word diff), speaker changed, not found in any source on the desk, or removed
(a marked quote no longer in the document), with the tracked changes that touch it and the comments on it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from briefs.checks.verbatim import QuoteVerdict, verify_quote
from briefs.sources.provenance import parse_bookmark

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.extract.quotes import Span
    from briefs.model import Source
    from briefs.sources.provenance import ProvenanceItem
    from briefs.sources.wordml import Comment, TrackedChange, WordDocument

Status = Literal["verbatim", "changed", "speaker-changed", "not-found", "removed"]
STATUSES: tuple[Status, ...] = ("changed", "speaker-changed", "not-found", "removed", "verbatim")
LABELS: dict[str, str] = {"verbatim": "verbatim", "changed": "changed", "speaker-changed": "speaker changed",
                          "not-found": "not found", "removed": "removed"}
# How alike (0-100, by words) a quote and the closest passage of a candidate source must be for the quote to be
# that passage changed rather than words no source holds. A word changed in a ten-word quote scores ~90; a
# paraphrase that keeps half the words, ~50.
CHANGED_MIN = 60.0
# Text in quotation marks shorter than this, and not speech by the extractor's rules (a cue, an attribution),
# is a scare quote, a coined name or a title: not looked up.
MIN_WORDS = 4
_NEAR_SPANS = 4  # quotation spans tried for each bookmark, nearest first
_SEARCH_WORDS = 4  # words per full-text query: every word must match, so a few, from several places
_CANDIDATES = 8
_STOP = set("the and for that with this from have has had was were are but not you your our their they them "
            "its his her she him who what when where which will would could should been being into than then "
            "there these those about over also just very said says".split())
_WORD = re.compile(r"\w+")
_FOLD = re.compile(r"[\W_]+")


@dataclass
class QuoteCheck:
    n: int
    status: Status
    text: str
    """The quote's words as the document reads with every tracked change accepted."""
    start: int
    end: int
    marked: str = ""
    """The snippet (`n12`) Briefs marked it as, when it did."""
    source_ref: str = ""
    source_title: str = ""
    source_outlet: str = ""
    source_span: tuple[int, int] | None = None
    passage: str = ""
    """The source passage it matches, or the closest one when it does not."""
    diff: str = ""
    """Word diff from the source passage to the document's words: `[-source-]{+document+}`."""
    verdict: str = ""
    """exact | typographic | ellipsis | bracketed (the verbatim check's pass) or failed."""
    speaker: str = ""
    """Who the document says said it."""
    source_speaker: str = ""
    changes: list[TrackedChange] = field(default_factory=list)
    before: str = ""
    """The words before the tracked changes that touch them (empty when none do)."""
    note: str = ""
    score: float = 100.0

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n, "status": self.status, "text": self.text, "start": self.start, "end": self.end,
            "marked": self.marked or None,
            "source": ({"id": self.source_ref, "title": self.source_title, "publication": self.source_outlet,
                        "span": list(self.source_span) if self.source_span else None}
                       if self.source_ref else None),
            "passage": self.passage or None, "diff": self.diff, "verdict": self.verdict or None,
            "speaker": self.speaker or None, "source_speaker": self.source_speaker or None,
            "tracked_changes": [c.to_json() for c in self.changes], "before_changes": self.before or None,
            "note": self.note or None,
        }


@dataclass
class CommentView:
    id: str
    author: str
    date: str
    text: str
    anchor: str
    quote: int | None = None
    """The number of the quote the comment is anchored in, if any."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "author": self.author, "date": self.date, "text": self.text, "anchor": self.anchor,
                "quote": self.quote}


@dataclass
class DocumentReport:
    file: str
    quotes: list[QuoteCheck] = field(default_factory=list)
    comments: list[CommentView] = field(default_factory=list)
    brief: str = ""
    revision: int | None = None
    tracked_changes: int = 0
    skipped: int = 0
    """Quoted phrases not checked: scare quotes, coined names and titles."""
    words: int = 0

    @property
    def changed(self) -> list[QuoteCheck]:
        return [q for q in self.quotes if q.status in ("changed", "speaker-changed")]

    @property
    def ok(self) -> bool:
        """No quote says other words, or names another speaker, than its source."""
        return not self.changed

    def counts(self) -> dict[str, int]:
        return {status: sum(q.status == status for q in self.quotes) for status in STATUSES}

    def summary(self, name: str | None = None) -> str:
        """One line: the file (as `name`, else as given), its brief, the count of each verdict, the verdict."""
        def count(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        parts = [f"{n} {LABELS[status]}" for status, n in self.counts().items() if n]
        head = name or self.file
        if self.brief:
            head += f" (brief {self.brief}, revision {self.revision})"
        line = f"{head}: {count(len(self.quotes), 'quote')}" + (f": {', '.join(parts)}" if parts else "")
        line += f"; {count(self.tracked_changes, 'tracked change')}, {count(len(self.comments), 'comment')}"
        return f"{line}; {'every quote is what its source says' if self.ok else 'a quote was changed'}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "ok": self.ok, "brief": self.brief or None, "revision": self.revision,
            "counts": self.counts(), "quotes": [q.to_json() for q in self.quotes],
            "comments": [c.to_json() for c in self.comments],
            "stats": {"words": self.words, "quotations": len(self.quotes), "skipped": self.skipped,
                      "tracked_changes": self.tracked_changes, "comments": len(self.comments)},
        }


@dataclass
class _Quotation:
    start: int
    end: int
    lo: int
    """From the opening mark (or the quote's first word) ..."""
    hi: int
    """... to just after the closing mark: what a tracked change must touch to touch the quote."""
    mark: tuple[int, str] | None = None
    speech: bool = False


def check_document(desk: Desk, document: WordDocument) -> DocumentReport:
    """Every quotation in `document`, checked against `desk`'s sources."""
    from briefs.extract.attribute import attribute
    from briefs.extract.sentences import paragraphs

    text = document.text
    paras = paragraphs(text)
    spans = _spans(text, paras)
    spoken = {q.start: q for q in attribute(text, spans, paras)}
    quotations, skipped, removed = _quotations(document, spans, spoken)
    checker = _Checker(desk, document, spoken)
    report = DocumentReport(document.origin, skipped=skipped, words=len(text.split()),
                            tracked_changes=len(document.changes))
    if document.provenance is not None:
        report.brief, report.revision = document.provenance.brief, document.provenance.revision
    for quotation in quotations:
        check = checker.check(quotation)
        if check is None:
            report.skipped += 1
            continue
        report.quotes.append(check)
    for snippet_id in removed:
        report.quotes.append(checker.removed(snippet_id))
    for n, check in enumerate(report.quotes, 1):
        check.n = n
    for comment in document.comments:
        report.comments.append(CommentView(comment.id, comment.author, comment.date, comment.text, comment.anchor,
                                           _quote_of(report.quotes, comment)))
    return report


# -------------------------------------------------------------------------------------- quotations
def _spans(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Passages in double quotation marks (the extractor's pairing), and in curly single ones (‘…’) outside
    them, as British style writes quotes."""
    from briefs.extract.quotes import Span, find_quotes

    spans = find_quotes(text, paras)
    inside = [(s.open_mark, s.close_mark if s.close_mark is not None else s.end) for s in spans]
    extra: list[Span] = []
    for index, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        for pos in range(p_start, p_end):
            ch = text[pos]
            if ch == "\u2018" and (pos == p_start or not text[pos - 1].isalnum()):
                open_at = pos
            elif ch == "\u2019" and open_at is not None and pos + 1 <= p_end:
                after = text[pos + 1:pos + 2]
                if after.isalnum() or text[pos - 1].isspace():
                    continue  # an apostrophe (don’t), or a mark that opens nothing
                start, end = open_at + 1, pos
                if len(text[start:end].split()) >= 2 and not any(a <= open_at <= b for a, b in inside):
                    extra.append(Span(start, end, open_at, pos, index))
                open_at = None
    if extra:
        spans = sorted(spans + extra, key=lambda s: s.open_mark)
    return spans


def _quotations(document: WordDocument, spans: list[Span], spoken: dict[int, Any]
                ) -> tuple[list[_Quotation], int, list[int]]:
    """What to check, in document order: each Briefs-marked quote (by the quotation marks around its bookmark,
    so a word changed at its edge is still inside), then any other passage in quotation marks that is long
    enough or is speech. Also how many were skipped, and the marked quotes no longer in the document."""
    text = document.text
    quotations: list[_Quotation] = []
    starts = [span.start for span in spans]
    claimed: set[int] = set()
    marks: dict[int, tuple[int, str]] = {}
    for bookmark in sorted(document.bookmarks, key=lambda b: b.start):
        parsed = parse_bookmark(bookmark.name)
        if parsed is None:
            continue
        snippet_id = parsed[0]
        best, overlap = None, 0
        # Only the few spans that open before the bookmark ends and were not closed long before it starts.
        right = bisect.bisect_right(starts, bookmark.end)
        for index in range(right - 1, max(-1, right - 1 - _NEAR_SPANS), -1):
            span = spans[index]
            lo, hi = span.start, span.end
            size = min(hi, bookmark.end) - max(lo, bookmark.start)
            inside = lo <= bookmark.start <= hi and bookmark.start == bookmark.end
            if (size > overlap or (inside and best is None)) and index not in claimed:
                best, overlap = index, max(size, 0)
        if best is not None:
            claimed.add(best)
            marks[best] = parsed
            continue
        start, end = bookmark.start, bookmark.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            quotations.append(_Quotation(start, end, start, end, parsed))
        elif snippet_id not in {q.mark[0] for q in quotations if q.mark}:
            quotations.append(_Quotation(start, start, start, start, parsed))  # emptied: reported as removed
    skipped = 0
    for index, span in enumerate(spans):
        hi = (span.close_mark + 1) if span.close_mark is not None else span.end
        mark = marks.get(index)
        speech = span.start in spoken
        if mark is None and not speech and len(text[span.start:span.end].split()) < MIN_WORDS:
            skipped += 1
            continue
        quotations.append(_Quotation(span.start, span.end, span.open_mark, hi, mark, speech))
    # Marked quotes the provenance lists that have no bookmark left: deleted with their bookmark.
    present = {q.mark[0] for q in quotations if q.mark}
    removed: list[int] = []
    if document.provenance is not None:
        for item in document.provenance.items:
            # Only what the export marked: a quote it could not find to mark was never in a bookmark.
            if item.kind == "quote" and item.marks and item.snippet_id not in {*present, *removed}:
                removed.append(item.snippet_id)
    return sorted(quotations, key=lambda q: (q.start, q.end)), skipped, removed


def _quote_of(quotes: list[QuoteCheck], comment: Comment) -> int | None:
    for quote in quotes:
        if quote.status == "removed" and quote.start == quote.end == 0:
            continue
        if comment.start < quote.end and quote.start < max(comment.end, comment.start + 1):
            return quote.n
    return None


# ---------------------------------------------------------------------------------------- checking
class _Checker:
    def __init__(self, desk: Desk, document: WordDocument, spoken: dict[int, Any]) -> None:
        self.desk = desk
        self.document = document
        self.spoken = spoken
        self.sources: dict[int, Source] = {}
        self.searches: dict[str, list[int]] = {}
        self.by_sha: dict[str, int] | None = None
        self.source_quotes: dict[int, list[Any]] = {}
        self.source_snippets: dict[int, list[Any]] = {}

    # ----------------------------------------------------------------------------- one quotation
    def check(self, q: _Quotation) -> QuoteCheck | None:
        text = self.document.text[q.start:q.end]
        check = QuoteCheck(0, "not-found", text, q.start, q.end)
        changes = [c for c in self.document.changes if _touches(c, q.lo, q.hi)]
        if changes:
            check.changes = changes
            check.before = self.document.before_changes(q.start, q.end)
        check.speaker = self._doc_speaker(q)
        if q.mark is not None:
            check.marked = f"n{q.mark[0]}"
            if q.end == q.start:
                check.status = "removed"
                check.text = check.before.strip() or ""
                self._describe_removed(check, q.mark[0])
                return check
            if self._check_marked(check, q.mark):
                return check
        return check if self._check_unmarked(check, q) else None

    def _check_marked(self, check: QuoteCheck, mark: tuple[int, str]) -> bool:
        """Compare a marked quote with the snapshot its mark names; False when the desk has no such snapshot
        (the quote is then looked up like any other)."""
        snippet_id, sha8 = mark
        item = self._item(snippet_id, sha8)
        found = self._marked_source(snippet_id, sha8, item)
        if found is None:
            check.note = (f"Briefs marked it as n{snippet_id} from a source this desk does not hold; "
                          "matched by its words instead")
            return False
        source, start, end, speaker = found
        verdict = verify_quote(check.text, source.text, start, end)
        self._fill(check, source, verdict)
        check.source_speaker = speaker
        if verdict.ok:
            check.status = "verbatim"
            if verdict.moved:
                check.note = f"not the passage n{snippet_id} quoted: these words are elsewhere in {source.ref}"
        else:
            check.status = "changed"
        self._judge_speaker(check)
        return True

    def _check_unmarked(self, check: QuoteCheck, q: _Quotation) -> bool:
        """Look the quote up on the desk; False when it turns out to be a source's title (not a quotation)."""
        best: tuple[Source, QuoteVerdict] | None = None
        folded = _fold(check.text)
        for source_id in self._candidates(check.text):
            source = self.sources[source_id]
            if folded and folded == _fold(source.meta.title or ""):
                return False  # a citation's title, in quotation marks
            verdict = verify_quote(check.text, source.text)
            if verdict.ok:
                best = (source, verdict)
                break
            if best is None or verdict.score > best[1].score:
                best = (source, verdict)
        if best is None:
            check.status = "not-found"
            check.score = 0.0
            return True
        source, verdict = best
        if not verdict.ok and verdict.score < CHANGED_MIN:
            check.status = "not-found"
            check.score = verdict.score
            return True
        self._fill(check, source, verdict)
        check.status = "verbatim" if verdict.ok else "changed"
        if verdict.span is not None:
            check.source_speaker = self._source_speaker(source, verdict.span)
        self._judge_speaker(check)
        return True

    def _fill(self, check: QuoteCheck, source: Source, verdict: QuoteVerdict) -> None:
        check.source_ref = source.ref
        check.source_title = source.meta.title or source.origin
        check.source_outlet = source.meta.publication or ""
        check.source_span = verdict.span
        check.verdict = verdict.status
        check.score = verdict.score
        if verdict.ok and verdict.span is not None:
            check.passage = source.text[verdict.span[0]:verdict.span[1]]
        else:
            check.passage = verdict.closest or ""
            check.diff = verdict.diff

    def _judge_speaker(self, check: QuoteCheck) -> None:
        if check.status == "verbatim" and check.speaker and check.source_speaker and not same_person(
                check.speaker, check.source_speaker):
            check.status = "speaker-changed"

    def removed(self, snippet_id: int) -> QuoteCheck:
        check = QuoteCheck(0, "removed", "", 0, 0, marked=f"n{snippet_id}")
        self._describe_removed(check, snippet_id)
        return check

    def _describe_removed(self, check: QuoteCheck, snippet_id: int) -> None:
        item = self.document.provenance.item(snippet_id) if self.document.provenance else None
        if item is not None:
            check.text = check.text or item.text
            check.source_ref = item.source_ref
            check.source_speaker = item.speaker
        check.note = "the export printed this quote; it is no longer in the document"

    # ---------------------------------------------------------------------------------- sources
    def _item(self, snippet_id: int, sha8: str) -> ProvenanceItem | None:
        provenance = self.document.provenance
        item = provenance.item(snippet_id) if provenance is not None else None
        return item if item is not None and item.sha256.startswith(sha8) else None

    def _marked_source(self, snippet_id: int, sha8: str, item: ProvenanceItem | None
                       ) -> tuple[Source, int, int, str] | None:
        """The snapshot a marked quote was exported from, its offsets and speaker: from the provenance part when
        the file still has it, else from the desk's snippet of that id (if it is from a snapshot with that
        SHA-256 prefix)."""
        from briefs.errors import NotFound

        snippet = None
        try:
            snippet = self.desk.get_snippet(snippet_id)
        except NotFound:
            snippet = None
        source_id: int | None = None
        if snippet is not None:
            source = self._source(snippet.source_id)
            if source is not None and source.sha256.startswith(sha8):
                source_id = source.id
        if source_id is None and item is not None:
            source_id = self._source_by_sha(item.sha256)
        if source_id is None:
            return None
        source = self.sources[source_id]
        if item is not None:
            return source, item.start, item.end, item.speaker or (snippet.speaker if snippet else "") or ""
        assert snippet is not None
        return source, snippet.start, snippet.end, snippet.speaker or ""

    def _source(self, source_id: int) -> Source | None:
        if source_id not in self.sources:
            self.sources.update(self.desk.get_sources([source_id]))
        return self.sources.get(source_id)

    def _source_by_sha(self, sha256: str) -> int | None:
        if self.by_sha is None:
            self.by_sha = {s.sha256: s.id for s in self.desk.list_sources(include_removed=True)}
        source_id = self.by_sha.get(sha256)
        return source_id if source_id is not None and self._source(source_id) is not None else None

    def _candidates(self, quote: str) -> list[int]:
        """Sources that hold some of the quote's words: a few full-text queries of a few words each, from its
        start, middle and end, so that one changed word cannot hide the source."""
        words = [w for w in _WORD.findall(quote) if len(w) > 2 and w.lower() not in _STOP] or _WORD.findall(quote)
        if not words:
            return []
        # Halves of a short quote, so that a changed word still leaves a query the source answers.
        k = min(_SEARCH_WORDS, max(2, len(words) // 2))
        if len(words) <= k:
            windows = [words]
        else:
            mid = max(0, len(words) // 2 - k // 2)
            windows = [words[:k], words[mid:mid + k], words[-k:]]
        ids: list[int] = []
        for window in windows:
            query = " ".join(window)
            if query not in self.searches:
                self.searches[query] = [s.id for s in self.desk.search_sources(query, limit=_CANDIDATES)]
            for source_id in self.searches[query]:
                if source_id not in ids:
                    ids.append(source_id)
        missing = [i for i in ids if i not in self.sources]
        if missing:
            self.sources.update(self.desk.get_sources(missing))
        return [i for i in ids if i in self.sources][:_CANDIDATES]

    # --------------------------------------------------------------------------------- speakers
    def _doc_speaker(self, q: _Quotation) -> str:
        """Who the document says said it: a dash after the closing mark ("” — Amira Okafor"), on its line or
        opening the next line (Briefs' own layout), else the attribution the extractor finds ("said Okafor")."""
        from briefs.extract import speakers as sp

        text = self.document.text
        line_end = text.find("\n", q.hi)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[q.hi:line_end]
        match = sp.DASH.match(rest)
        if match is None and not rest.strip(" ,.;:\t") and line_end < len(text):
            following = text.find("\n", line_end + 1)
            match = sp.DASH.match(text[line_end + 1:following if following >= 0 else len(text)])
        if match is not None:
            return sp.strip_titles(match.group(1).rstrip(",.;:"))
        found = self.spoken.get(q.start)
        if found is None or not found.speaker or found.speaker_start is None:
            return ""
        # Only a name the document gives counts: a "she" resolved to the last person named may be wrong.
        mention = text[found.speaker_start:found.speaker_end]
        return found.speaker if mention.lower() not in sp.PRONOUNS else ""

    def _source_speaker(self, source: Source, span: tuple[int, int]) -> str:
        """Who the source says said the passage: a picked snippet's speaker, else the extractor's."""
        if source.id not in self.source_snippets:
            self.source_snippets[source.id] = [s for s in self.desk.list_snippets(source.id)
                                               if s.kind.value == "quote" and s.speaker]
        for snippet in self.source_snippets[source.id]:
            if snippet.start < span[1] and span[0] < snippet.end:
                return snippet.speaker or ""
        if source.id not in self.source_quotes:
            from briefs.extract.attribute import attribute
            from briefs.extract.quotes import find_quotes
            from briefs.extract.sentences import paragraphs

            paras = paragraphs(source.text)
            self.source_quotes[source.id] = attribute(source.text, find_quotes(source.text, paras), paras)
        for quote in self.source_quotes[source.id]:
            if quote.start < span[1] and span[0] < quote.end:
                return quote.speaker or ""
        return ""


def _touches(change: TrackedChange, lo: int, hi: int) -> bool:
    if change.kind == "deletion":
        return lo <= change.start <= hi
    return change.start < hi and lo < change.end


def _fold(text: str) -> str:
    return _FOLD.sub(" ", text.casefold()).strip()


def same_person(a: str, b: str) -> bool:
    """Whether two attributions name the same person: the same surname, and no first names that differ
    ("Okafor" and "Dr. Amira Okafor" do; "Daniel Reyes" and "Mark Reyes" do not). Anything that is not a
    name ("the researchers") is given the benefit of the doubt."""
    from briefs.extract.speakers import strip_titles

    def parts(name: str) -> list[str]:
        words = [w for w in _WORD.findall(strip_titles(name)) if w[:1].isupper()]
        return [w.casefold() for w in words]

    left, right = parts(a), parts(b)
    if not left or not right:
        return True
    if left[-1] != right[-1]:
        return False
    if len(left) > 1 and len(right) > 1:
        first_a, first_b = left[0], right[0]
        return first_a == first_b or (len(first_a) == 1 and first_b.startswith(first_a)) or (
            len(first_b) == 1 and first_a.startswith(first_b))
    return True
