"""Run every check on a brief, and the export gate built on them."""

from __future__ import annotations

from briefs.checks.attribution import check_attribution
from briefs.checks.budgets import check_budgets, check_reading_level
from briefs.checks.claims import check_claims
from briefs.checks.context import CheckContext
from briefs.checks.freshness import check_freshness
from briefs.checks.grounding import check_grounding
from briefs.checks.quotes import check_quotes
from briefs.checks.report import Finding, Report
from briefs.desk.base import Desk
from briefs.model import Brief, Snippet, Source
from briefs.templates.spec import TemplateSpec


def run_checks(
    desk: Desk,
    brief: Brief,
    spec: TemplateSpec | None,
    *,
    reading: bool = True,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> Report:
    """Every check on `brief` against its template's `spec` (None: the template could not be found, so
    budgets are skipped and the report says so). `snippets` and `sources` are for a brief that is not on
    the desk (a YAML brief file). Dates count from the desk's clock."""
    report = Report(brief=brief.ref if brief.id is not None else "")
    if spec is None:
        report.add(Finding("info", "template-unknown", "brief",
                           f"budgets not checked: there is no template called {brief.template!r}",
                           fix="add the folder that holds it to the template folders"))
    ctx = CheckContext.load(desk, brief, spec, desk.clock.now().date(), snippets, sources)
    check_quotes(ctx, report)
    check_attribution(ctx, report)
    check_claims(ctx, report)
    check_grounding(ctx, report)
    check_budgets(ctx, report)
    if reading:
        check_reading_level(ctx, report)
    check_freshness(ctx, report)
    report.stats.update({"items": len(ctx.items()), "sources": len(ctx.sources)})
    report.sort()
    return report
