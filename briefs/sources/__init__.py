"""Import: turn a path, URL, stdin or pasted text into a NewSource (clean text + citation metadata).

Dispatch is by URL scheme, then by file extension; each format has its own module, imported only when
used so that the CLI and TUI start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from briefs.errors import ImportFailed
from briefs.model import NewSource, SourceKind
from briefs.sources.common import Limits, read_limited

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
SUPPORTED = sorted(TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"})

__all__ = ["SUPPORTED", "Limits", "load_bytes", "load_paste", "load_source"]


def is_url(target: str) -> bool:
    return "://" in target[:12] or target.lower().startswith(("http:", "https:"))


def load_source(
    target: str,
    *,
    url: str | None = None,
    stdin: BinaryIO | None = None,
    limits: Limits | None = None,
) -> NewSource:
    """Import one path, `http(s)://` URL, or `-` (stdin). `url` is the page's address for a saved file."""
    limits = limits or Limits.from_env()
    if target == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise ImportFailed("standard input is over the import limit; save it to a file and split it")
        if not data.strip():
            raise ImportFailed("standard input is empty; pipe an article into `briefs import -`")
        return load_bytes(data, origin="-", name_hint="stdin", url=url, default_kind="text", limits=limits)
    if is_url(target):
        from briefs.sources.url import fetch

        fetched = fetch(target, limits=limits)
        return load_bytes(
            fetched.data,
            origin=target,
            name_hint=fetched.final_url,
            url=url or fetched.final_url,
            media_type=fetched.media_type,
            limits=limits,
        )
    path = Path(target).expanduser()
    ext = path.suffix.lower()
    if ext not in TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"}:
        if ext == ".doc":
            raise ImportFailed(f"{target}: old binary .doc files are not supported; save it as .docx and import that")
        raise ImportFailed(
            f"{target}: unknown file type {ext or '(no extension)'}; Briefs imports {', '.join(SUPPORTED)}"
        )
    data = read_limited(path, limits)
    return load_bytes(data, origin=str(path), name_hint=path.name, url=url, limits=limits)


def load_paste(text: str, *, url: str | None = None, title: str | None = None) -> NewSource:
    """Pasted text (from the TUI): kept as typed, with `\\r\\n` normalised."""
    from briefs.sources.common import clean_text
    from briefs.sources.text import guess_title, normalise_newlines

    clean = clean_text(normalise_newlines(text))
    if not clean.strip():
        raise ImportFailed("the pasted text is empty; paste an article first")
    source = NewSource(kind=SourceKind.PASTE, origin="paste", text=clean, original=text.encode("utf-8", "replace"))
    source.meta.title = title or guess_title(clean)
    source.meta.url = url
    return source


def load_bytes(
    data: bytes,
    *,
    origin: str,
    name_hint: str = "",
    url: str | None = None,
    media_type: str | None = None,
    default_kind: str | None = None,
    limits: Limits | None = None,
) -> NewSource:
    """Import bytes whose format is told by the media type, the name's extension, or a sniff."""
    kind = _kind_of(data, name_hint, media_type, default_kind)
    if kind == "html":
        from briefs.sources.html import load_html

        return load_html(data, origin=origin, url=url)
    if kind == "pdf":
        from briefs.sources.pdf import load_pdf

        source = load_pdf(data, origin=origin, limits=limits)
    elif kind == "docx":
        from briefs.sources.docx import load_docx

        source = load_docx(data, origin=origin, limits=limits)
    else:
        from briefs.sources.text import load_text

        source = load_text(data, origin=origin)
    if url and not source.meta.url:
        source.meta.url = url
    return source


def _kind_of(data: bytes, name: str, media_type: str | None, default: str | None) -> str:
    media = (media_type or "").split(";")[0].strip().lower()
    if media in {"text/html", "application/xhtml+xml"}:
        return "html"
    if media == "application/pdf":
        return "pdf"
    if media == "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        return "docx"
    ext = Path(name.split("?")[0]).suffix.lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext == ".pdf":
        return "pdf"
    if ext == ".docx":
        return "docx"
    if ext in TEXT_EXTENSIONS:
        return "text"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return default or "text"
