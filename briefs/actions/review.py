"""Checking a brief before it goes out: every check, against its template (found by name)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefs.checks.report import Report
    from briefs.desk.base import Desk
    from briefs.model import Brief, Snippet, Source
    from briefs.templates.discovery import TemplateSet
    from briefs.templates.spec import TemplateSpec


def check_brief(
    desk: Desk,
    brief: Brief,
    templates: TemplateSet,
    *,
    spec: TemplateSpec | None = None,
    snippets: dict[int, Snippet] | None = None,
    sources: dict[int, Source] | None = None,
) -> Report:
    """The full report on `brief`; a template that cannot be found skips the budgets, with a note."""
    from briefs.checks.runner import run_checks

    return run_checks(desk, brief, spec or templates.find(brief.template), snippets=snippets, sources=sources)
