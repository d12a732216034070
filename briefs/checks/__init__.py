"""Trust checks run before a brief leaves the desk.

Every quote is compared with its source snapshot (verbatim.py), every item must say who said it and
where it came from (attribution.py), facts that drop their source's attribution are flagged (claims.py),
the brief must fit its template's budgets (budgets.py) and cite current sources (freshness.py).
`run_checks` (runner.py) runs them all; `gate` (export_gate.py) is what publishing calls. Names are imported
from their modules when first asked for, so the export gate does not load every check.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "check_rendered_citations": "citations",
    "UNVERIFIED_CODE": "report",
    "Finding": "report",
    "Report": "report",
    "gate": "export_gate",
    "unverified_note": "export_gate",
    "run_checks": "runner",
    "QuoteVerdict": "verbatim",
    "verify_quote": "verbatim",
    "word_diff": "verbatim",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"briefs.checks.{_HOMES[name]}"), name)
    raise AttributeError(name)
