"""Trust checks run before a brief leaves the desk.

Every quote is compared with its source snapshot (verbatim.py), every item must say who said it and
where it came from (attribution.py), facts that drop their source's attribution are flagged (claims.py),
the brief must fit its template's budgets (budgets.py) and cite current sources (freshness.py).
`run_checks` runs them all; `gate` is what the export calls.
"""

from briefs.checks.citations import check_rendered_citations
from briefs.checks.report import UNVERIFIED_CODE, Finding, Report
from briefs.checks.runner import UNVERIFIED_NOTE, gate, load_spec_for, run_checks, unverified_note
from briefs.checks.spec import CheckSpec, as_check_spec
from briefs.checks.verbatim import QuoteVerdict, verify_quote, word_diff

__all__ = [
    "UNVERIFIED_CODE",
    "UNVERIFIED_NOTE",
    "CheckSpec",
    "Finding",
    "QuoteVerdict",
    "Report",
    "as_check_spec",
    "check_rendered_citations",
    "gate",
    "load_spec_for",
    "run_checks",
    "unverified_note",
    "verify_quote",
    "word_diff",
]
