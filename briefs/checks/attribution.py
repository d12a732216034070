"""Who said it and where it came from: speakers, citation metadata, items that resolve."""

from __future__ import annotations

from briefs.checks.context import CheckContext
from briefs.checks.report import Finding, Report
from briefs.model import SnippetKind

_META_FIX = "add it to the source's citation details (title, outlet, date)"


def check_attribution(ctx: CheckContext, report: Report) -> None:
    missing = sorted({sid for _, sid in ctx.placed if sid not in ctx.snippets})
    for sid in missing:
        report.add(Finding(
            "error", "snippet-missing", f"n{sid}",
            f"the brief cites n{sid}, which is no longer on the desk",
            fix=f"remove n{sid} from the brief or pick the passage again",
            snippet_id=sid,
        ))
    cited: dict[int, list[str]] = {}
    for snippet in ctx.items():
        if snippet.source_id not in ctx.sources:
            report.add(Finding(
                "error", "source-missing", snippet.ref,
                f"{snippet.ref} cites s{snippet.source_id}, which is not on the desk",
                fix="import the source again and pick the passage from it",
                snippet_id=snippet.id,
            ))
            continue
        if snippet.kind == SnippetKind.NOTE:
            continue
        cited.setdefault(snippet.source_id, []).append(snippet.ref)
        if snippet.kind == SnippetKind.QUOTE and not (snippet.speaker or "").strip():
            report.add(Finding(
                "error", "quote-no-speaker", snippet.ref,
                f"quote {snippet.ref} has no speaker",
                fix=f"set who said it; quote: “{_short(snippet.display_text)}”",
                snippet_id=snippet.id,
            ))
    for source_id, refs in sorted(cited.items()):
        source = ctx.sources[source_id]
        meta = source.meta
        lacking = [name for name, value in
                   (("outlet", meta.publication), ("title", meta.title), ("date", meta.published)) if not value]
        used_by = ", ".join(refs[:5]) + (" …" if len(refs) > 5 else "")
        if lacking:
            report.add(Finding(
                "error", "citation-incomplete", source.ref,
                f"{source.ref} (cited by {used_by}) has no {' or '.join(lacking)}, so its citation is incomplete",
                fix=_META_FIX,
                detail={"missing": lacking, "cited_by": refs},
            ))
        if not meta.url and source.origin.startswith(("http://", "https://")):
            report.add(Finding(
                "warning", "citation-no-url", source.ref,
                f"{source.ref} came from {source.origin} but its citation has no URL",
                fix="set the source's URL so readers can find it",
            ))
        if source.removed:
            report.add(Finding(
                "info", "source-removed", source.ref,
                f"{source.ref} was removed from the desk's list; the brief still cites its snapshot",
                fix="restore it if you still use it",
            ))


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
