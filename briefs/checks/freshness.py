"""Is what the brief cites still current? Source age, and sources re-imported with changed text."""

from __future__ import annotations

from datetime import date

from briefs.checks.context import CheckContext
from briefs.checks.report import Finding, Report
from briefs.text import counted


def check_freshness(ctx: CheckContext, report: Report) -> None:
    max_age = ctx.spec.max_source_age_days if ctx.spec else None
    for source_id in sorted({s.source_id for s in ctx.items()}):
        source = ctx.sources.get(source_id)
        if source is None:
            continue
        published = source.meta.published
        if max_age is not None and published:
            age = (ctx.today - date.fromisoformat(published)).days
            if age > max_age:
                report.add(Finding(
                    "warning", "source-stale", source.ref,
                    f"{source.ref} was published {published}, {counted(age, 'day')} ago; the template wants sources "
                    f"no older than {counted(max_age, 'day')}",
                    fix="check for newer reporting, or say in the brief why this source still stands",
                    detail={"published": published, "age_days": age, "max_age_days": max_age},
                ))
        url = source.meta.url
        if not url:
            continue
        newer = [other for other in ctx.desk.sources_with_url(url)
                 if other.id != source.id and other.sha256 != source.sha256 and not other.removed
                 and (other.imported_at, other.id) > (source.imported_at, source.id)]
        if newer:
            latest = newer[-1]
            report.add(Finding(
                "warning", "source-changed", source.ref,
                f"{url} was imported again as {latest.ref} on {latest.imported_at:%Y-%m-%d} and its text has "
                f"changed; the brief cites the older snapshot {source.ref}",
                fix=f"compare {source.ref} with {latest.ref} and pick the passages again from {latest.ref} if they "
                "changed",
                detail={"newer": latest.ref},
            ))
