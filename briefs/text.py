"""Cleaning text: one rule for the characters a Word document (XML 1.0) cannot hold.

Two uses, one character class:
- `clean_for_storage` on import: each bad character is replaced one for one (control characters by a
  space, unpaired surrogates and the non-characters U+FFFE/U+FFFF by U+FFFD), so offsets still line up
  with the file the text came from.
- `clean_for_print` on render: text typed by a user (fields, titles, brief files) loses its control
  characters, and each change is reported, since nothing has offsets into it.
"""

from __future__ import annotations

import re

# Tab, newline and carriage return are the only C0 controls XML allows; DEL is legal XML but has no
# place in prose. Surrogates cannot be encoded as UTF-8; U+FFFE and U+FFFF are not characters at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_for_storage(text: str) -> str:
    """`text` safe to store and to write into a .docx, with every offset unchanged."""
    if _UNENCODABLE.search(text):
        text = _UNENCODABLE.sub("\ufffd", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return text


def clean_for_print(text: str | None, where: str, warnings: list[str]) -> str:
    """`text` without control characters (dropped) or unencodable ones (U+FFFD); changes are reported."""
    if not text:
        return ""
    cleaned = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    dropped = len(_CONTROL.findall(cleaned))
    replaced = len(_UNENCODABLE.findall(cleaned))
    if dropped:
        cleaned = _CONTROL.sub("", cleaned)
        warnings.append(f"{where}: dropped {dropped} control character(s) that a Word document cannot hold")
    if replaced:
        cleaned = _UNENCODABLE.sub("\ufffd", cleaned)
        warnings.append(f"{where}: replaced {replaced} unpaired surrogate(s) or non-character(s) with U+FFFD")
    return cleaned


def unprintable(text: str) -> bool:
    """Whether `text` holds characters a Word document cannot carry."""
    return bool(_CONTROL.search(text) or _UNENCODABLE.search(text))


_OUTER_OPEN = "“\"‘'«„"
_OUTER_CLOSE = "”\"’'»“"


def printed_quote(words: str) -> str:
    """A quote's words as a brief prints them inside its own quotation marks: without the source's outer
    marks, and with a full stop for the comma that led into the attribution ("We lost," he said). The
    verbatim check accepts exactly this liberty (briefs/checks/verbatim.py)."""
    text = words.strip()
    if len(text) > 1 and text[0] in _OUTER_OPEN and text[-1] in _OUTER_CLOSE:
        text = text[1:-1].strip()
    if text.endswith(","):
        text = text[:-1].rstrip() + "."
    return text


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_BYLINE = re.compile(r"^(?:by|written by|from)\s", re.IGNORECASE)


def headline(text: str) -> str | None:
    """The headline a plain text, a paste, a PDF or a document opens with: its first line, when that line
    looks like one (a few words, no full stop at the end, not a byline); None when the text opens with
    prose, so a title is never a sentence cut short or a file name."""
    for raw in text.splitlines():
        line = _MARKDOWN_HEADING.sub("", raw.strip()).strip()
        if not line:
            continue
        words = line.split()
        if _BYLINE.match(line) or len(words) > 25 or len(line) > 150:
            return None
        if line.endswith((".", ",", ";", ":")) and not line.endswith(("...", "…")):
            return None
        if not any(ch.isupper() for ch in line):
            return None
        return line
    return None


def one_line(text: str | None) -> str:
    """Runs of whitespace (newlines included) as single spaces, trimmed."""
    return " ".join((text or "").split())


def counted(n: int, word: str, plural: str | None = None) -> str:
    """`n` and the word in the number it needs: "1 fact", "2 facts", "1,500 words", "3 stories"."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"
