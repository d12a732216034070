"""Hostile and odd inputs, made on the spot (nothing downloaded), and the rule each must follow.

Every input either imports cleanly or fails with one `ImportFailed` line that names the file; never a
traceback, never a hang past the documented limits, never the contents of a file it points at.
"""

from __future__ import annotations

import codecs
import io
import os
import random
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"  # must fail with ImportFailed
IMPORT = "import"  # must import
EITHER = "either"  # either, as long as it is clean

ARTICLE = (
    "Hospitals get a cyber plan\n\n"
    "The health ministry said on Tuesday that 41 trusts would share £3 million to replace old systems. "
    "“We cannot wait for the next attack,” said Dr Amira Haddad, the ministry's chief digital officer. "
    "Officials expect the work to take 18 months, according to the plan published this week.\n\n"
    "Critics called the sum “a start, not a solution”, noting that costs rose 12% last year.\n"
)
FOREIGN = {
    "shift_jis": "日本語の記事です。政府は計画を発表した。「遅すぎる」と大臣は述べた。",
    "euc_jp": "日本語の記事です。政府は計画を発表した。「遅すぎる」と大臣は述べた。",
    "gb18030": "这是一篇中文文章。政府宣布了计划。部长说：“这太晚了。”",
    "big5": "這是一篇中文文章。政府宣佈了計劃。部長說：「這太晚了。」",
    "euc_kr": "이것은 한국어 기사입니다. 정부는 계획을 발표했다. 장관은 너무 늦었다고 말했다.",
    "koi8_r": "Это статья на русском языке. Правительство объявило план. Министр сказал: слишком поздно.",
    "cp1251": "Это статья на русском языке. Правительство объявило план. «Слишком поздно», сказал министр.",
}
LATIN = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "iso8859-15")


@dataclass
class Nasty:
    """One input: a file name, its bytes (or a size for a sparse file), and what must happen."""

    name: str
    data: bytes = b""
    expect: str = EITHER
    message: str = ""  # a fragment the error must contain (case-insensitive)
    text: str | None = None  # the exact clean text an import must give
    contains: str = ""  # a fragment the imported text must contain
    forbidden: bytes = b""  # must appear nowhere in the result (a smuggled file's contents)
    sparse_size: int = 0  # written as a sparse file of this size instead of `data`
    special: str = ""  # "fifo", or "link:TARGET" for a symlink to TARGET, instead of `data`

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        if self.special and (path.exists() or path.is_symlink()):
            path.unlink()  # written again (a test that writes the corpus twice)
        if self.special == "fifo":
            os.mkfifo(path)
        elif self.special.startswith("link:"):
            os.symlink(self.special[len("link:"):], path)
        elif self.sparse_size:
            with path.open("wb") as handle:
                handle.write(b"Officials said the plan was late.\n")
                handle.truncate(self.sparse_size)
        else:
            path.write_bytes(self.data)
        return path


# --------------------------------------------------------------------------------- file makers
def make_docx(paragraphs: list[str], *, title: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip package with each member passed through `change` (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = change(item.filename, source.read(item.filename))
            if body is not None:
                target.writestr(item.filename, body)
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def zip_bomb(base: bytes, unpacked: int) -> bytes:
    """`base` with its document.xml padded by `unpacked` bytes of spaces: a few hundred KB on disk."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename != "word/document.xml":
                target.writestr(item.filename, body)
                continue
            head, _, tail = body.partition(b"<w:body>")
            with target.open(item.filename, "w", force_zip64=True) as handle:
                handle.write(head + b"<w:body>")
                chunk = b" " * (1 << 20)
                for _ in range(unpacked >> 20):
                    handle.write(chunk)
                handle.write(tail)
    return out.getvalue()


def with_dtd(base: bytes, dtd: str, use: str, part: str = "word/document.xml") -> bytes:
    def change(name: str, body: bytes) -> bytes:
        if name != part:
            return body
        body = body.replace(b"?>", b"?>" + dtd.encode(), 1)
        return body.replace(b"<w:t>", b"<w:t>" + use.encode(), 1) if use else body

    return rezip(base, change)


def make_pdf(lines: list[str], *, image_only: bool = False) -> bytes:
    """A one-page PDF with a text line per entry, or only a grey image (a scan with no text layer).

    Written by hand because no library here writes PDFs, and a dozen objects is all a test needs.
    """
    image = zlib.compress(b"\x80\x40\x40\x80")
    if image_only:
        content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    else:
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        content = ("BT /F1 11 Tf 14 TL 72 760 Td " + " ".join(f"({t}) Tj T*" for t in escaped) + " ET").encode(
            "cp1252", "replace"
        )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(image), image),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_bomb(chunk_mb: int = 64, repeats: int = 80) -> bytes:
    """A PDF of a few hundred KB whose one page draws the same compressed content stream `repeats` times:
    `chunk_mb` MB each once inflated (5 GB by default), which a reader must inflate to find the text."""
    packer = zlib.compressobj(9)
    block = b"BT /F1 11 Tf 72 700 Td (x) Tj ET\n" * (2**20 // 34)
    stream = b"".join(packer.compress(block) for _ in range(chunk_mb)) + packer.flush()
    contents = b" ".join(b"4 0 R" for _ in range(repeats))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + contents
        + b"] /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def html_page(body: str, *, head: str = "", title: str = "Hospitals get a cyber plan") -> bytes:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode("utf-8", "surrogatepass")


def _paras(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])


# ------------------------------------------------------------------------------------ the corpus
def nasty_inputs(workdir: Path, *, big_size: int = 200 * 2**20, bomb_size: int = 300 * 2**20) -> list[Nasty]:
    """The corpus. `workdir` holds a secret file that the external-entity inputs try to read."""
    rng = random.Random(7)
    secret = workdir / "secret.txt"
    marker = b"TOP-SECRET-" + os.urandom(6).hex().encode()
    secret.write_bytes(marker + b"\n")
    docx = make_docx(ARTICLE.split("\n\n"), title="Hospitals get a cyber plan")
    junk = bytes(rng.getrandbits(8) for _ in range(30000))
    out: list[Nasty] = []
    add = out.append

    # Size: refused by the size on disk, long before anything is read or inflated.
    add(Nasty("huge.txt", sparse_size=big_size, expect=ERROR, message="over the"))
    add(Nasty("bomb.docx", zip_bomb(docx, bomb_size), expect=ERROR, message="zip bomb"))
    # XML entities: a local file smuggled in, and the billion laughs.
    xxe = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    add(Nasty("xxe.docx", with_dtd(docx, xxe, "&xxe;"), expect=ERROR, message="DTD", forbidden=marker))
    add(Nasty("xxe-rels.docx", with_dtd(docx, xxe.replace("w:document", "Relationships"), "", "_rels/.rels"),
              expect=ERROR, message="DTD", forbidden=marker))
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    )
    add(Nasty("laughs.docx", with_dtd(docx, f"<!DOCTYPE w:document [{lol}]>", "&lol9;"), expect=ERROR, message="DTD"))
    add(Nasty("laughs.html", html_page(_paras(ARTICLE) + "<p>&lol9;</p>", title="Laughs").replace(
        b"<!doctype html>", f"<!DOCTYPE html [{lol}]>".encode()), expect=EITHER))
    add(Nasty("xxe.html", html_page(_paras(ARTICLE) + "<p>&xxe;</p>").replace(
        b"<!doctype html>", f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()),
        expect=EITHER, forbidden=marker))
    add(Nasty("xinclude.html", html_page(_paras(ARTICLE) + f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="file://{secret}" parse="text"/>'), expect=EITHER, forbidden=marker))
    # Deep nesting: 50,000 tags around and beside the article.
    add(Nasty("nested.html", html_page(_paras(ARTICLE) + "<div>" * 50000 + "deep" + "</div>" * 50000),
              expect=EITHER))
    add(Nasty("nested-around.html", ("<html><body>" + "<div>" * 50000 + _paras(ARTICLE) + "</div>" * 50000
                                     + "</body></html>").encode(), expect=EITHER))
    add(Nasty("unclosed.html", ("<html><body>" + "<b><i><span>" * 20000 + _paras(ARTICLE)).encode(), expect=EITHER))
    add(Nasty("long-line.html", html_page("<p>" + "Officials said the plan was late. " * 400000 + "</p>"),
              expect=EITHER))
    # Binary junk under every name, and empty files.
    for ext in ("txt", "md", "html", "pdf", "docx"):
        add(Nasty(f"junk.{ext}", junk, expect=ERROR))
        add(Nasty(f"empty.{ext}", b"", expect=ERROR, message="empty"))
        add(Nasty(f"zeros.{ext}", b"\0" * 5000, expect=ERROR))
    add(Nasty("junk-pk.docx", b"PK\x03\x04" + junk, expect=ERROR))
    add(Nasty("junk-pdf.pdf", b"%PDF-1.7\n" + junk, expect=ERROR))
    add(Nasty("cut.docx", docx[: len(docx) // 2], expect=ERROR))
    add(Nasty("no-body.docx", rezip(docx, lambda n, b: None if n == "word/document.xml" else b), expect=ERROR))
    add(Nasty("broken-xml.docx", rezip(docx, lambda n, b: b[: len(b) // 2] if n == "word/document.xml" else b),
              expect=ERROR))
    add(Nasty("cut.pdf", make_pdf(ARTICLE.splitlines())[:300], expect=EITHER))
    add(Nasty("ole.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, expect=ERROR, message="password"))
    add(Nasty("image-only.pdf", make_pdf([], image_only=True), expect=ERROR, message="no text layer"))
    add(Nasty("text.pdf", make_pdf(["Officials said the plan would cost 3 million pounds over two years."]),
              expect=IMPORT, contains="3 million"))
    add(Nasty("bom-only.txt", codecs.BOM_UTF8, expect=ERROR))
    add(Nasty("bom16-only.txt", codecs.BOM_UTF16_LE, expect=ERROR))
    add(Nasty("spaces.html", b" \n\t \r\n", expect=ERROR))
    add(Nasty("tags-only.html", b"<html><head></head><body></body></html>", expect=ERROR))
    add(Nasty("comment.html", b"<!-- nothing -->", expect=ERROR))
    add(Nasty("script-only.html", html_page("<script>" + "var a = 1;" * 500 + "</script>"), expect=ERROR))

    # Every common encoding, with and without byte-order marks: the text comes back exactly.
    for encoding in LATIN:
        add(Nasty(f"enc-{encoding}.txt", ARTICLE.encode(encoding, "replace"), expect=IMPORT,
                  text=ARTICLE if encoding.startswith("utf") else ARTICLE.encode(encoding, "replace").decode(encoding)))
    for encoding, sample in FOREIGN.items():
        body = (sample + "\n") * 20
        add(Nasty(f"enc-{encoding}.txt", body.encode(encoding), expect=IMPORT, text=body))
    add(Nasty("crlf.txt", ARTICLE.replace("\n", "\r\n").encode(), expect=IMPORT, text=ARTICLE))
    add(Nasty("bom-utf16.html", _paras_page(ARTICLE).decode().encode("utf-16"), expect=IMPORT, contains="41 trusts"))
    add(Nasty("bom-utf8.html", codecs.BOM_UTF8 + _paras_page(ARTICLE), expect=IMPORT, contains="41 trusts"))
    add(Nasty("cp1252.html", _paras_page(ARTICLE).decode().replace("utf-8", "windows-1252").encode("cp1252"),
              expect=IMPORT, contains="£3 million"))
    add(Nasty("lying-charset.html", _paras_page(ARTICLE).decode().encode("cp1252"), expect=IMPORT,
              contains="41 trusts"))
    # Control characters: raw, as HTML character references, and ANSI escapes.
    ctrl = ARTICLE.replace("Tuesday", "Tues\x01day").replace("trusts", "trusts\x1b[31m").replace("sum", "s\x7fum")
    add(Nasty("control.txt", ctrl.encode(), expect=IMPORT, contains="41 trusts"))
    add(Nasty("formfeed.txt", ARTICLE.replace("\n\n", "\n\x0c\n").encode(), expect=IMPORT, contains="41 trusts"))
    refs = "".join(f"<p>{p.replace(' ', ' &#1;', 3).replace('a', '&#x1F;a', 2)}</p>" for p in ARTICLE.split("\n\n")[1:])
    add(Nasty("char-refs.html", html_page(refs), expect=IMPORT, contains="41 trusts"))
    bad_refs = _paras(ARTICLE).replace("trusts", "trusts &#0; &#xD800; &#x110000; &#99999999999; &#xFFFE;")
    add(Nasty("bad-refs.html", html_page(bad_refs), expect=IMPORT, contains="41 trusts"))
    add(Nasty("control-raw.html", html_page(_paras(ARTICLE).replace("Tuesday", "Tues\x01day\x0b")), expect=IMPORT,
              contains="41 trusts"))
    add(Nasty("nul.txt", ARTICLE.replace("Tuesday", "Tues\0day").encode(), expect=EITHER))
    # Unpaired surrogates, in UTF-8 bytes (surrogatepass, CESU-style) and UTF-16.
    lone = ARTICLE.replace("Tuesday", "Tues\ud800day").replace("sum", "s\udfffum")
    add(Nasty("surrogate.txt", lone.encode("utf-8", "surrogatepass"), expect=EITHER))
    add(Nasty("surrogate.html", html_page(_paras(lone)), expect=EITHER))
    add(Nasty("surrogate16.txt", codecs.BOM_UTF16_LE + lone.encode("utf-16-le", "surrogatepass"), expect=EITHER))
    # Right-to-left text, bidi overrides, emoji sequences, combining marks.
    rtl = ("مرحبا بالعالم. قال الوزير إن الخطة «متأخرة جدا». שלום עולם. \u202eevil.exe\u202c \u200f\n\n") * 10
    add(Nasty("rtl.txt", rtl.encode(), expect=IMPORT, text=rtl))
    add(Nasty("rtl.html", html_page(_paras("x\n\n" + rtl), head="<meta name='x' dir='rtl'>"), expect=IMPORT,
              contains="مرحبا"))
    emoji = ("Officials 👩🏽‍💻 said 🇬🇧 the plan 🎉 was “late” ✅. Z̷̢a̵l̶g̸o text. \ufeff zero\u200bwidth.\n\n") * 10
    add(Nasty("emoji.txt", emoji.encode(), expect=IMPORT, contains="👩🏽‍💻"))
    add(Nasty("emoji.docx", make_docx(emoji.split("\n\n")), expect=IMPORT, contains="🇬🇧"))
    add(Nasty("emoji.md", ("# Title *with* `code`\n\n" + emoji).encode(), expect=IMPORT, contains="🎉"))
    # Names a shell would trip on; the error or the import still names the file.
    add(Nasty("semi;colon $(touch pwned) `id`.txt", ARTICLE.encode(), expect=IMPORT, text=ARTICLE))
    add(Nasty("line\nbreak.txt", junk, expect=ERROR))
    add(Nasty("ünïcödé 📰.html", _paras_page(ARTICLE), expect=IMPORT, contains="41 trusts"))
    add(Nasty("esc\x1b[31m\x1b]0;title\x07name.txt", ARTICLE.encode(), expect=IMPORT, text=ARTICLE))
    add(Nasty("rtl-\u202etxt.exe.txt", ARTICLE.encode(), expect=IMPORT, text=ARTICLE))

    # Not files at all, under file names: read nothing, hang never (issue 14). POSIX only (FIFOs, /dev).
    specials = out if hasattr(os, "mkfifo") else []
    add = specials.append
    add(Nasty("fifo.txt", expect=ERROR, message="FIFO", special="fifo"))
    add(Nasty("fifo.docx", expect=ERROR, message="FIFO", special="fifo"))
    add(Nasty("dev-zero.txt", expect=ERROR, message="device", special="link:/dev/zero"))
    add(Nasty("dev-zero.pdf", expect=ERROR, message="device", special="link:/dev/zero"))
    add(Nasty("dev-random.html", expect=ERROR, message="device", special="link:/dev/urandom"))
    add(Nasty("folder-link.txt", expect=ERROR, message="folder", special=f"link:{workdir}"))
    add = out.append
    # A 5 GB page stream in a small PDF: bounded by the reader's memory cap, the rest of a batch goes on.
    add(Nasty("page-bomb.pdf", pdf_bomb(), expect=ERROR, message="memory"))
    # A DTD after 64 KB of comment: the check reads every part to its end.
    late = "<!--" + "x" * (70 * 1024) + "-->"
    add(Nasty("late-dtd.docx", rezip(docx, lambda n, b: b.replace(b"?>", b"?>" + late.encode() + xxe.encode(), 1)
                                     .replace(b"<w:t>", b"<w:t>&xxe;", 1) if n == "word/document.xml" else b),
              expect=ERROR, message="DTD", forbidden=marker))
    add(Nasty("encrypted.docx", encrypted_zip(docx), expect=ERROR, message="encrypted"))
    # A first line too long for a title: the source is named by its file name, never its folders.
    add(Nasty("long-first-line.txt", ("x" * 200 + "\n\n" + ARTICLE).encode(), expect=IMPORT, contains="41 trusts"))
    return out


def encrypted_zip(base: bytes) -> bytes:
    """`base` with each member marked encrypted (flag bit 0 of its local and central headers), as a
    password-protected zip has them."""
    data = bytearray(base)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


def _paras_page(text: str) -> bytes:
    return html_page(_paras(text))


# ---------------------------------------------------------------------------------- mutations
def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random damage: flipped bytes, a cut, junk inserted, a chunk repeated, or (for a zip) damage
    to a part inside it, which gets further into the parsers than damage to the zip itself."""
    if data[:2] == b"PK" and rng.random() < 0.6:
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
            victim = rng.choice(names)
            return rezip(data, lambda n, b: mutate(b, rng) if n == victim else b)
        except (zipfile.BadZipFile, ValueError, IndexError, KeyError, EOFError, OSError, NotImplementedError,
                zlib.error):
            pass  # already damaged past reading: damage the bytes instead
    buf = bytearray(data)
    choice = rng.randrange(5)
    if choice == 0 and buf:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.getrandbits(8)
    elif choice == 1 and buf:
        del buf[rng.randrange(len(buf)):]
    elif choice == 2:
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 200)))
    elif choice == 3 and buf:
        start = rng.randrange(len(buf))
        chunk = buf[start:start + rng.randint(1, 500)]
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = chunk * rng.randint(1, 50)
    else:
        tokens = [b"<", b">", b"&#1;", b"&#", b"\x00", b"\r", b'"', b"\xff\xfe", b"<div>", b"</p>", b"<!--",
                  b"\xed\xa0\x80"]
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = rng.choice(tokens) * rng.randint(1, 30)
    return bytes(buf)


def seeds() -> list[tuple[str, bytes]]:
    """Valid files of each kind, the starting points for mutation."""
    return [
        ("seed.txt", ARTICLE.encode()),
        ("seed.html", _paras_page(ARTICLE)),
        ("seed.docx", make_docx(ARTICLE.split("\n\n"), title="Hospitals get a cyber plan")),
        ("seed.pdf", make_pdf(ARTICLE.splitlines())),
        ("seed-cp1252.txt", ARTICLE.encode("cp1252", "replace")),
    ]
