"""Publishing a brief: the verbatim gate, the render and the atomic write, in one place.

The CLI's `export` and `draft`, and the app's export dialog and live preview, all come here, so a brief
exports the same way whoever asks.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefs.errors import ExportError, OutputExists
from briefs.text import cut_bytes, without_bidi

if TYPE_CHECKING:
    from briefs.checks.report import Report
    from briefs.desk.base import Desk
    from briefs.model import Brief, Snippet, Source
    from briefs.render.brief import Rendered
    from briefs.templates.discovery import TemplateSet

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class Published:
    path: Path | None
    """The file written, or None when the bytes were only returned (standard output)."""
    format: str
    data: bytes = field(repr=False)
    warnings: tuple[str, ...] = ()
    unverified: tuple[int, ...] = ()
    """Quotes exported with an UNVERIFIED QUOTE note beside them."""


def publish(
    desk: Desk,
    brief: Brief,
    templates: TemplateSet,
    *,
    fmt: str = "docx",
    out: str | os.PathLike[str] | None = None,
    reference: str | os.PathLike[str] | None = None,
    marking: str | None = None,
    allow_unverified: bool = False,
    overwrite: bool = False,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> Published:
    """Check, render `brief` as `fmt` and, when `out` is given, replace that file atomically.

    Every quote is checked word for word against its source first: a quote that fails stops the export
    (CheckFailed, naming the quote and the diff) unless `allow_unverified`, which writes a visible
    UNVERIFIED QUOTE note beside it instead. Other findings never block; `briefs check` lists them.
    An existing file at `out` is never replaced unless `overwrite` (OutputExists otherwise, before any
    work). `snippets` and `sources` are for a brief read from a YAML file rather than the desk.
    """
    from briefs.atomic import write_bytes_atomic
    from briefs.checks.export_gate import gate
    from briefs.render.brief import FORMATS, render_brief, to_bytes

    if fmt not in FORMATS:
        from briefs.errors import InputError

        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = Path(out) if out is not None else None
    if path is not None and not overwrite and os.path.lexists(path):
        raise OutputExists(path)
    spec = templates.get(brief.template)
    notes = gate(desk, brief, spec, allow_unverified=allow_unverified, snippets=snippets, sources=sources)
    rendered = render_brief(desk, brief, spec, now=desk.clock.now(), marking=marking, snippets=snippets,
                            sources=sources, unverified=notes)
    provenance = None
    if fmt == "docx":
        # Every Word export says where its words came from, so `briefs check FILE.docx` can find each quote
        # again after colleagues edit the file.
        from briefs.render.provenance import provenance_for

        picked = snippets if snippets is not None else desk.get_snippets(brief.snippet_ids())
        # Only their SHA-256 is needed: not the texts, which the gate and the render have read already.
        cited = sources if sources is not None else {
            source_id: desk.get_source(source_id, with_text=False)
            for source_id in {s.source_id for s in picked.values()}}
        provenance = provenance_for(brief, rendered, picked, cited)
    data = to_bytes(rendered, fmt, reference=reference, provenance=provenance)
    if path is not None:
        try:
            write_bytes_atomic(path, data, replace=overwrite)
        except FileExistsError:
            raise OutputExists(path) from None
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}; choose another file or folder") from None
    warnings = [*rendered.warnings, *(f"{note}; exported with that note beside it" for note in notes.values())]
    return Published(path, fmt, data, tuple(warnings), tuple(sorted(notes)))


@dataclass(frozen=True)
class Preview:
    rendered: Rendered | None
    report: Report
    error: Exception | None = None
    markdown: str = ""
    """The brief as a view without footnotes shows it: the title first, notes numbered as in the .docx."""


def preview(desk: Desk, brief: Brief, templates: TemplateSet) -> Preview:
    """What the editor shows: the brief as it would export, and every check's findings."""
    from briefs.actions.review import check_brief
    from briefs.render.brief import preview_markdown, render_brief

    spec = templates.get(brief.template)
    rendered = render_brief(desk, brief, spec, now=desk.clock.now())
    return Preview(rendered, check_brief(desk, brief, templates, spec=spec), markdown=preview_markdown(rendered))


# --------------------------------------------------------------------------------------- file names
# A name's limit is 255 bytes on nearly every file system, and the atomic writer's hidden temporary file
# adds 15 (".NAME.XXXXXXXX.part"): a title's part of a name stops well short of both.
MAX_NAME_BYTES = 200


def safe_filename(title: str, suffix: str, *, fallback: str = "brief") -> str:
    """A file name made from `title` that stays in the folder it is written to, on any OS.

    Separators, `..`, control characters and characters Windows forbids become `-`; bidi controls go (a
    right-to-left override would show `brief\u202excod.exe` as `brief.exe.docx`); Windows device
    names (CON, NUL, COM1...) get a prefix; the name is cut to MAX_NAME_BYTES of UTF-8 (79 CJK
    characters or 64 emoji fit where 80 characters did not).
    """
    text = without_bidi(unicodedata.normalize("NFKC", title or ""))
    text = re.sub(r"[\x00-\x1f\x7f-\x9f<>:\"/\\|?*\ud800-\udfff]+", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    text = re.sub(r"-{2,}", "-", text)
    text = cut_bytes(text, MAX_NAME_BYTES - len(suffix.encode("utf-8"))).rstrip(" .-")
    if not text or set(text) <= {".", "-", " "}:
        text = fallback
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = f"{fallback}-{text}"
    return text + suffix


def default_out_path(title: str, fmt: str, folder: str | os.PathLike[str] = ".") -> Path:
    return Path(folder) / safe_filename(title, "." + fmt)


def resolve_out(out: str | None, title: str, fmt: str) -> Path:
    """Where an export goes: `out` as given (a folder gets a safe name from the title), or a safe name in
    the current folder."""
    if out is None:
        return default_out_path(title, fmt)
    path = Path(out).expanduser()
    if path.is_dir() or out.endswith(("/", os.sep)):
        return default_out_path(title, fmt, path)
    return path

