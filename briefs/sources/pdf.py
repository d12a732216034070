"""PDF documents: the text layer by pypdfium2 (pypdf when pdfium cannot open the file), info for metadata.

A PDF's text comes in visual lines. Lines that continue a sentence (the next one starts in lower case)
are joined with a space so a quote spanning a line break can be found as written; blank lines and page
breaks stay paragraph breaks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from briefs.errors import ImportFailed
from briefs.model import NewSource, SourceKind, SourceMeta
from briefs.sources.common import Limits, clean_text, looks_binary
from briefs.sources.meta import parse_date
from briefs.text import headline

# pypdf logs each repair it attempts ("EOF marker not found"); Briefs reports a damaged file itself.
logging.getLogger("pypdf").setLevel(logging.ERROR + 10)

# pdfium's FPDF_GetLastError code for a missing or wrong password.
_PDFIUM_PASSWORD_ERROR = 4
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:;\"”’)\]])\n(?=[a-z(])")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")


@dataclass
class _Pdf:
    pages: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)


class _Encrypted(Exception):
    pass


def load_pdf(data: bytes, *, origin: str, limits: Limits | None = None) -> NewSource:
    """Import a PDF's text layer, refusing encrypted, corrupt and scanned (image-only) files."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ImportFailed(f"{origin} is not a PDF (no PDF header); check the file or its extension")
    pdf = _extract_bounded(data, origin, limits or Limits.from_env())
    text = _join_pages(pdf.pages)
    if not text.strip() and pdf.pages:
        raise ImportFailed(
            f"{origin} has no text layer (a scan or images only); run OCR first "
            "(for example `ocrmypdf in.pdf out.pdf`) and import the result"
        )
    if not text.strip():
        raise ImportFailed(f"{origin} has no pages with text; check the file")
    if looks_binary(text):
        raise ImportFailed(f"{origin}: its text layer is garbled (broken font encoding); run OCR on it first")
    info = pdf.info
    return NewSource(
        kind=SourceKind.PDF,
        origin=origin,
        text=text,
        meta=SourceMeta(
            title=clean_text(info.get("Title", "")) or headline(text),
            author=clean_text(info.get("Author", "")) or None,
            published=_pdf_date(info.get("CreationDate")),
        ),
        original=data,
        original_type="application/pdf",
    )


# A PDF's page streams are compressed: 5 MB can inflate to 5 GB, and pdfium has no cap of its own. The
# text layer is read in a child process that may use PDF_MEMORY and is stopped at limits.pdf_timeout.
PDF_MEMORY = 1024 * 2**20


def _extract_bounded(data: bytes, origin: str, limits: Limits) -> _Pdf:
    from briefs.isolate import Overrun, run_once

    try:
        return run_once("briefs.sources.pdf:extract", data, origin, seconds=limits.pdf_timeout, memory=PDF_MEMORY)
    except OSError:  # no child process to be had: read it here
        return extract(data, origin)
    except Overrun as exc:
        if exc.kind == "time":
            raise ImportFailed(
                f"{origin} took more than {limits.pdf_timeout:g} s to read (a PDF made to exhaust readers?); print "
                "it to a new PDF and import that, or raise BRIEFS_PDF_TIMEOUT"
            ) from None
        if exc.kind == "memory":
            raise ImportFailed(
                f"{origin} needs more than {PDF_MEMORY // 2**20} MB of memory to read (a page that inflates to "
                "gigabytes?); refused for safety: print it to a new PDF and import that"
            ) from None
        raise ImportFailed(f"{origin} is a damaged PDF that broke the reader ({exc.detail}); export it again "
                           "from its source") from None


def extract(data: bytes, origin: str) -> _Pdf:
    """The pages' text and the document info, by pdfium, else by pypdf (run in the bounded child)."""
    try:
        return _read_with_pdfium(data)
    except _Encrypted:
        raise ImportFailed(
            f"{origin} is password-protected; remove the password (print to PDF) and import again"
        ) from None
    except MemoryError:
        raise
    except Exception:
        # pdfium refuses some damaged files that pypdf can still read: try it before giving up.
        return _read_with_pypdf(data, origin)


def _read_with_pdfium(data: bytes) -> _Pdf:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise _Encrypted from None
        raise
    try:
        pdf = _Pdf(info={k: v for k, v in document.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)})
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pdf.pages.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        return pdf
    finally:
        document.close()


def _read_with_pypdf(data: bytes, origin: str) -> _Pdf:
    import io

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportFailed(f"{origin} is password-protected; remove the password (print to PDF) and import again")
        pdf = _Pdf(pages=[page.extract_text() or "" for page in reader.pages])
        info = reader.metadata or {}
        for key in ("Title", "Author", "CreationDate"):
            value = info.get(f"/{key}")
            if value:
                pdf.info[key] = str(value)
        return pdf
    except ImportFailed:
        raise
    except FileNotDecryptedError:
        raise ImportFailed(f"{origin} is password-protected; remove the password and import again") from None
    except MemoryError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            ArithmeticError, AssertionError, UnicodeError, LookupError):
        # PyPdfError covers LimitReachedError (a stream over pypdf's own output cap) as well as a damaged
        # file: either way one line, and the rest of a batch still imports.
        raise ImportFailed(f"{origin} is a damaged PDF that cannot be read; export it again from its source") from None


def _join_pages(pages: list[str]) -> str:
    cleaned = []
    for page in pages:
        page = page.replace("\r\n", "\n").replace("\r", "\n")
        # pdfium marks a word hyphenated across a line break with U+0002: rejoin the word.
        page = page.replace("\x02\n", "").replace("\x02", "-")
        page = _TRAILING_SPACE.sub("\n", page)
        page = _SOFT_BREAK.sub(" ", page)
        if page.strip():
            cleaned.append(page.strip())
    text = "\n\n".join(cleaned)
    return clean_text(_MANY_BLANKS.sub("\n\n", text))


def _pdf_date(value: str | None) -> str | None:
    """PDF dates look like D:20240305103000+01'00'."""
    if not value:
        return None
    match = re.match(r"(\d{4})(\d{2})(\d{2})", value.strip().removeprefix("D:"))
    return parse_date(f"{match[1]}-{match[2]}-{match[3]}") if match else parse_date(value)
