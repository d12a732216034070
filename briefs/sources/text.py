"""Plain text and Markdown: decode whatever encoding the file is in, and change nothing else.

Offsets into a .txt source must line up with the file, so the only change is `\r\n` (and a lone `\r`)
to `\n`; a byte-order mark is part of the encoding, not the text, and goes too.
"""

from __future__ import annotations

import codecs

from briefs.errors import ImportFailed
from briefs.model import NewSource, SourceKind, SourceMeta
from briefs.sources.common import clean_text, looks_binary
from briefs.text import headline

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, origin: str) -> str:
    """Decode bytes of unknown encoding: BOM first, then strict UTF-8, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                # surrogatepass: a lone surrogate in UTF-16/32 text (a truncated emoji, say) is kept here
                # and turned into U+FFFD by clean_text, rather than failing the whole file.
                return data[len(bom) :].decode(encoding, "surrogatepass" if encoding != "utf-8" else "strict")
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        text = _detect(data)
        if text is None:
            raise ImportFailed(f"{origin} is not text in any encoding Briefs knows; is it a binary file?")
    if "\x00" in text[:4096] or looks_binary(text):
        raise ImportFailed(f"{origin} looks like binary data, not text; import the original document instead")
    return text


# Among encodings that decode a file equally cleanly, charset-normalizer may pick a rare one
# (ISO-8859-10 for a short French text, turning guillemets into other letters). News text that is not
# UTF-8 is overwhelmingly Windows-1252 or Latin-1, so they win a tie.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    for encoding in _PREFERRED:
        for match in results:
            if match.encoding == encoding and match.chaos <= best.chaos + 0.005:
                return str(match)
    return str(best)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, *, origin: str, kind: SourceKind = SourceKind.TEXT, url: str | None = None) -> NewSource:
    text = clean_text(normalise_newlines(decode_text(data, origin)))
    if not text.strip():
        raise ImportFailed(f"{origin} has no text; nothing to import")
    return NewSource(
        kind=kind,
        origin=origin,
        text=text,
        meta=SourceMeta(title=guess_title(text), url=url),
        original=data,
        original_type="text/plain",
    )


# The one rule for a plain text's title lives with the other text rules.
guess_title = headline
