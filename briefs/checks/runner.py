"""Run every check on a brief, and the export gate built on them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from briefs.checks.attribution import check_attribution
from briefs.checks.budgets import check_budgets, check_reading_level
from briefs.checks.claims import check_claims
from briefs.checks.context import CheckContext
from briefs.checks.freshness import check_freshness
from briefs.checks.quotes import check_quotes
from briefs.checks.report import UNVERIFIED_CODE, Finding, Report
from briefs.checks.spec import CheckSpec, as_check_spec
from briefs.desk.base import Desk
from briefs.errors import BriefsError, CheckFailed
from briefs.model import Brief, Snippet, Source

# What the export writes beside a quote that failed its check when the user allows it.
UNVERIFIED_NOTE = "UNVERIFIED QUOTE"


def load_spec_for(brief: Brief, templates: Sequence[str | os.PathLike[str]] = ()) -> CheckSpec | None:
    """The check view of the brief's template, or None when it cannot be found."""
    from briefs.render.spec import TemplateSet

    return as_check_spec(TemplateSet(templates).get(brief.template))


def run_checks(
    desk: Desk,
    brief: Brief | int,
    spec: Any = None,
    *,
    today: date | None = None,
    templates: Sequence[str | os.PathLike[str]] = (),
    reading: bool = True,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> Report:
    """Every check on `brief`; `spec` is a TemplateSpec, a CheckSpec or None (the brief's template is
    then looked up, and budgets are skipped with a note if it cannot be found). `snippets` and `sources`
    are for a brief that is not on the desk (a YAML brief file)."""
    if isinstance(brief, int):
        brief = desk.get_brief(brief)
    report = Report(brief=brief.ref)
    check_spec = as_check_spec(spec)
    if check_spec is None:
        try:
            check_spec = load_spec_for(brief, templates)
        except BriefsError as exc:
            report.add(Finding("info", "template-unknown", "brief",
                               f"budgets not checked: {exc}", fix="use --templates DIR to name its folder"))
    ctx = CheckContext.load(desk, brief, check_spec, today or date.today(), snippets, sources)
    check_quotes(ctx, report)
    check_attribution(ctx, report)
    check_claims(ctx, report)
    check_budgets(ctx, report)
    if reading:
        check_reading_level(ctx, report)
    check_freshness(ctx, report)
    report.stats.update({"items": len(ctx.items()), "sources": len(ctx.sources)})
    report.sort()
    return report


def gate(
    desk: Desk,
    brief: Brief | int,
    spec: Any = None,
    *,
    allow_unverified: bool = False,
    templates: Sequence[str | os.PathLike[str]] = (),
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> Report:
    """The export's check: raise CheckFailed naming the first quote that is not verbatim, and its diff,
    unless `allow_unverified`; then `report.unverified` holds the snippet ids that need UNVERIFIED_NOTE.
    Other findings never block an export."""
    # Only the verbatim check can block, so only it runs here: an export stays as fast as it was, and
    # `briefs check` is where the other findings are read.
    if isinstance(brief, int):
        brief = desk.get_brief(brief)
    report = Report(brief=brief.ref)
    ctx = CheckContext.load(desk, brief, as_check_spec(spec), date.today(), snippets, sources)
    check_quotes(ctx, report, quotes_only=True)
    failed = report.by_code(UNVERIFIED_CODE)
    if failed and not allow_unverified:
        first = failed[0]
        target = brief.ref if brief.id is not None else "FILE.yaml"
        more = f" (and {len(failed) - 1} more quote{'s' if len(failed) > 2 else ''})" if len(failed) > 1 else ""
        raise CheckFailed(
            f"not exported: {first.message}{more}; fix the wording (`briefs check {target}` lists every "
            "finding) or export with --allow-unverified to mark it UNVERIFIED QUOTE"
        )
    return report


def unverified_note(report: Report, snippet_id: int) -> str | None:
    """The note to print beside snippet `snippet_id` in an export allowed with --allow-unverified."""
    for finding in report.by_code(UNVERIFIED_CODE):
        if finding.item == f"n{snippet_id}":
            return f"{UNVERIFIED_NOTE}: {finding.message.split(': ', 1)[0].replace('quote ', '', 1)}"
    return None
