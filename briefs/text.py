"""Cleaning text: one rule for the characters a Word document (XML 1.0) cannot hold.

Two uses, one character class:
- `clean_for_storage` on import: each bad character is replaced one for one (control characters by a
  space, unpaired surrogates and the non-characters U+FFFE/U+FFFF by U+FFFD), so offsets still line up
  with the file the text came from.
- `clean_for_print` on render: text typed by a user (fields, titles, brief files) loses its control
  characters, and each change is reported, since nothing has offsets into it.

And the one place for the rest of what comes from outside: `clean_line` for one-line values as they are
stored (titles, names, origins, URLs), `printable` for whatever is printed on a terminal, and the rules
for what an exported file may carry (no local paths, no credentials in a URL, file names cut by bytes).
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


# ------------------------------------------------------------------ one-line values and the terminal
# C1 controls (U+0080-U+009F) include CSI (U+009B), which some terminals read as ESC [: as dangerous as
# ESC itself in a title or a file name.
_C0_C1 = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Explicit bidi embeddings, overrides and isolates reorder everything printed after them (the "Trojan
# source" trick: `\u202eexe.pdf` shows as fdp.exe). Marks (U+200E, U+200F, U+061C) only nudge
# neutral characters and are kept in stored text; file names lose them too.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{_BIDI_CONTROLS}]")
_UNSAFE_PRINT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff]")


def clean_line(text: str) -> str:
    """A one-line value as it is stored: a title, author, outlet, speaker, origin or URL a user or a
    file gave. Control characters (an ESC sequence in a file name or a `--title`) become spaces, runs of
    whitespace one space, unencodable characters U+FFFD: what is stored is what a user sees."""
    if _C0_C1.search(text):
        text = _C0_C1.sub(" ", text)
    if _UNENCODABLE.search(text):
        text = _UNENCODABLE.sub("\ufffd", text)
    return " ".join(text.split())


def clean_block(text: str) -> str:
    """Multi-line text a user typed (a brief's field): control characters go, newlines and tabs stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)
    return _UNENCODABLE.sub("\ufffd", text) if _UNENCODABLE.search(text) else text


def printable(text: object) -> str:
    """`text` safe to print on a terminal: every control character other than newline and tab, every
    bidi override and every lone surrogate is shown as an escape (`\\x1b`, `\\u202e`), never sent raw.
    For whatever reaches the terminal from outside: stored values of an older desk, file names,
    messages that quote an input."""
    text = str(text)
    if not _UNSAFE_PRINT.search(text):
        return text
    return _UNSAFE_PRINT.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def without_bidi(text: str) -> str:
    """`text` without explicit bidi controls or marks (for file names, where they hide the extension)."""
    return re.sub(f"[{_BIDI_CONTROLS}\u200e\u200f\u061c]", "", text)


def strip_credentials(url: str) -> str:
    """`url` without a `user:password@` part: credentials are never stored or printed."""
    if "@" not in url or "://" not in url[:16]:
        return url
    scheme, _, rest = url.partition("://")
    authority, sep, tail = _split_authority(rest)
    if "@" not in authority:
        return url
    return f"{scheme}://{authority.rsplit('@', 1)[1]}{sep}{tail}"


_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]{1,15}://)[^/?#\\\s@]*@")


def without_credentials(message: str) -> str:
    """`message` with the `user:password@` of every URL in it removed (an error quoting an address)."""
    return _URL_CREDENTIALS.sub(r"\1", message) if "@" in message else message


def _split_authority(rest: str) -> tuple[str, str, str]:
    # The authority ends at the first /, ? or # (RFC 3986 3.2); a backslash too, as browsers read it.
    match = re.search(r"[/?#\\]", rest)
    if match is None:
        return rest, "", ""
    return rest[: match.start()], rest[match.start()], rest[match.start() + 1 :]


_LOCAL_PATH = re.compile(r"(?<![\w:/])(?:file://|~[/\\]|[A-Za-z]:[\\/]|\\\\|/)[^\s\"'<>|]*[/\\][^\s\"'<>|]*")


def without_local_paths(text: str) -> str:
    """`text` with any absolute local path in it (`/home/me/notes.txt`, `C:\\Users\\me\\a.docx`,
    `\\\\server\\share\\x`, `file:///...`) cut to its last part, the file's name: a path says where
    someone keeps files, which has no place in an exported brief."""
    if "/" not in text and "\\" not in text:
        return text
    return _LOCAL_PATH.sub(lambda m: re.split(r"[/\\]", m[0].rstrip("/\\"))[-1] or m[0], text)


def cut_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, at a character boundary, without leaving half an
    emoji sequence or a combining mark without its letter at the end."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return text
    cut = data[:limit].decode("utf-8", "ignore")
    # A joiner left last joined what was cut off; half a flag (one regional indicator of a pair) is no flag.
    cut = cut.rstrip("\u200d")
    flags = len(cut) - len(re.sub("[\U0001F1E6-\U0001F1FF]+$", "", cut))
    return cut[:-1] if flags % 2 else cut
