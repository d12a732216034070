"""Render a brief to Markdown, .docx or PDF and write it atomically.

`render_markdown` is what the TUI previews and what `.md` exports contain; `export_brief` is the plain
core function the CLI and TUI call (issue 6 puts its checks in front of it).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefs.atomic import write_bytes_atomic
from briefs.desk.base import Desk
from briefs.errors import ExportError, InputError
from briefs.model import Brief, Snippet, Source
from briefs.render.context import build_context, footnote_definitions
from briefs.render.environment import render_template
from briefs.render.spec import BODY_FILE, TemplateSet, TemplateSpec

FORMATS = ("docx", "md", "pdf")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class Rendered:
    markdown: str
    spec: TemplateSpec
    context: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    # The values written into the front matter, so the .docx writer need not parse its YAML back.
    front: dict[str, Any] = field(default_factory=dict)


@dataclass
class ExportResult:
    path: Path | None
    format: str
    data: bytes
    warnings: list[str]
    unverified: list[int] = field(default_factory=list)


def render_markdown(
    desk: Desk,
    brief: Brief,
    *,
    templates: TemplateSet | None = None,
    marking: str | None = None,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
    now: datetime | None = None,
    unverified: Mapping[int, str] | None = None,
) -> Rendered:
    """The brief as Markdown with a YAML front matter block (title, marking, ...) that the writer reads.

    `unverified` maps quotes that failed their verbatim check (exported anyway, at the user's word) to the
    note that must stand beside them.
    """
    spec = (templates or TemplateSet()).get(brief.template)
    context = build_context(desk, brief, spec, marking=marking, snippets=snippets, sources=sources, now=now,
                            unverified=unverified)
    body = render_template(spec.folder, BODY_FILE, context).strip("\n") + "\n"
    flagged = [i for i in context["items"] if i.flag]
    if flagged and body.count(UNVERIFIED_MARK) < len(flagged):
        # A template that prints neither `cite` nor `flag` must still not hide a failed check.
        refs = ", ".join(dict.fromkeys(i.ref for i in flagged))
        body = f"**\\[{UNVERIFIED_MARK}: {refs} failed the verbatim check against their sources\\]**\n\n" + body
    notes = footnote_definitions(context)
    if notes:
        body = _short_repeats(body) + "\n" + notes
    values = front_values(context, now)
    return Rendered(front_matter_text(values) + body, spec, context, list(context["warnings"]), values)


UNVERIFIED_MARK = "UNVERIFIED QUOTE"
_NOTE_REF = re.compile(r"(?<!\\)\[\^(s\d+)\]")


def _short_repeats(body: str) -> str:
    """Cite each source in full in its first footnote and in short form after that (Chicago style)."""
    seen: set[str] = set()

    def swap(match: re.Match[str]) -> str:
        label = match.group(1)
        if label in seen:
            return f"[^{label}-short]"
        seen.add(label)
        return match.group(0)

    return _NOTE_REF.sub(swap, body)


def front_matter(context: dict[str, Any], now: datetime | None = None) -> str:
    return front_matter_text(front_values(context, now))


def front_values(context: dict[str, Any], now: datetime | None = None) -> dict[str, str]:
    """Title, subtitle, author, subject, keywords, marking and date of the brief, for the front matter."""
    fields = context["fields"]
    return {
        "title": context["title"],
        "subtitle": context["template"]["title"],
        "author": fields.get("from") or fields.get("prepared_by") or "",
        "subject": fields.get("subject") or context["title"],
        "keywords": ", ".join(dict.fromkeys(s.short for s in context["sources"])),
        "marking": context["marking"],
        "date": (now or datetime.now(UTC)).replace(microsecond=0).isoformat(),
    }


def front_matter_text(values: dict[str, str]) -> str:
    # JSON strings are valid YAML scalars, and json.dumps quotes every character that YAML would not take.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def export_brief(
    desk: Desk,
    brief: Brief,
    *,
    fmt: str = "docx",
    out: str | os.PathLike[str] | None = None,
    reference: str | os.PathLike[str] | None = None,
    marking: str | None = None,
    templates: TemplateSet | None = None,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
    now: datetime | None = None,
    allow_unverified: bool = False,
) -> ExportResult:
    """Check, render `brief` as `fmt` and, when `out` is given, replace that file atomically.

    Every quote is checked word for word against its source first: a quote that fails stops the export
    (CheckFailed, naming the quote and the diff) unless `allow_unverified`, which writes a visible
    "UNVERIFIED QUOTE" note beside it instead. Other findings never block; `briefs check` lists them.
    """
    from briefs.checks import gate, unverified_note

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    spec = (templates or TemplateSet()).get(brief.template)
    report = gate(desk, brief, spec, allow_unverified=allow_unverified, snippets=snippets, sources=sources)
    notes = {sid: unverified_note(report, sid) or UNVERIFIED_MARK for sid in report.unverified}
    rendered = render_markdown(
        desk, brief, templates=templates, marking=marking, snippets=snippets, sources=sources, now=now,
        unverified=notes,
    )
    if fmt == "md":
        data = rendered.markdown.encode("utf-8")
    else:
        from briefs.render.docx_writer import DocMeta, markdown_to_docx

        # The writer gets the front matter's values as they are, instead of parsing the YAML text back
        # (importing PyYAML alone took longer than a whole in-process export).
        data = markdown_to_docx(rendered.markdown, reference=Path(reference) if reference else None,
                                meta=DocMeta.from_mapping(rendered.front))
        if fmt == "pdf":
            from briefs.render.pdf import docx_to_pdf

            data = docx_to_pdf(data)
    path = Path(out) if out is not None else None
    if path is not None:
        try:
            write_bytes_atomic(path, data)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}; choose another --out") from None
    warnings = list(rendered.warnings)
    warnings += [f"{note}; exported with that note beside it" for note in notes.values()]
    return ExportResult(path, fmt, data, warnings, unverified=sorted(notes))


def safe_filename(title: str, suffix: str, *, fallback: str = "brief") -> str:
    """A file name made from `title` that stays in the folder it is written to, on any OS.

    Separators, `..`, control characters and characters Windows forbids become `-`; Windows device names
    (CON, NUL, COM1...) get a prefix; the result is at most 80 characters before the suffix.
    """
    text = unicodedata.normalize("NFKC", title or "")
    text = re.sub(r"[\x00-\x1f\x7f<>:\"/\\|?*\ud800-\udfff]+", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    text = re.sub(r"-{2,}", "-", text)[:80].rstrip(" .-")
    if not text or set(text) <= {".", "-", " "}:
        text = fallback
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = f"{fallback}-{text}"
    return text + suffix


def default_out_path(title: str, fmt: str, folder: str | os.PathLike[str] = ".") -> Path:
    return Path(folder) / safe_filename(title, "." + fmt)


def resolve_out(out: str | None, title: str, fmt: str) -> Path:
    """`--out` as given (a folder gets a safe name from the title), or a safe name in the current folder."""
    if out is None:
        return default_out_path(title, fmt)
    path = Path(out).expanduser()
    if path.is_dir() or out.endswith(("/", os.sep)):
        return default_out_path(title, fmt, path)
    return path
