"""The export gate: a quote that is not word for word what its source says stops a brief going out.

Only the verbatim check can block, so only it runs here (and only its modules are imported): an export
stays fast, and `briefs check` is where the other findings are read.
"""

from __future__ import annotations

from briefs.checks.context import CheckContext
from briefs.checks.quotes import check_quotes
from briefs.checks.report import UNVERIFIED_CODE, Finding, Report
from briefs.desk.base import Desk
from briefs.errors import CheckFailed
from briefs.labels import UNVERIFIED_QUOTE
from briefs.model import Brief, Snippet, Source
from briefs.templates.spec import TemplateSpec


def gate(
    desk: Desk,
    brief: Brief,
    spec: TemplateSpec | None,
    *,
    allow_unverified: bool = False,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> dict[int, str]:
    """The export's check: raise CheckFailed naming the first quote that is not verbatim, and its diff,
    unless `allow_unverified`. Returns the note to print beside each quote that failed (allowed through).
    Other findings never block an export."""
    report = Report(brief=brief.ref)
    ctx = CheckContext.load(desk, brief, spec, desk.clock.now().date(), snippets, sources)
    check_quotes(ctx, report, quotes_only=True)
    failed = report.by_code(UNVERIFIED_CODE)
    if failed and not allow_unverified:
        first = failed[0]
        more = f" (and {len(failed) - 1} more quote{'s' if len(failed) > 2 else ''})" if len(failed) > 1 else ""
        # In the terms of no one shell: the CLI adds its command and flag, the app has its checkbox.
        raise CheckFailed(
            f"not exported: {first.message}{more}; fix the wording (the checks list every finding), or "
            f"export it anyway marked {UNVERIFIED_QUOTE}"
        )
    return {f.snippet_id: unverified_note(f) for f in failed if f.snippet_id is not None}


def unverified_note(finding: Finding) -> str:
    """The note printed beside a quote that failed its verbatim check and was exported anyway."""
    source = finding.detail.get("source_ref", "its source")
    return f"{UNVERIFIED_QUOTE}: {finding.item} is not what {source} says"
