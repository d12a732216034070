"""Dates as briefs print them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def long_date(value: Any) -> str:
    """13 October 2026, from a date, datetime or ISO string; anything else as given."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip()[:19])
        except ValueError:
            return value
    if isinstance(value, datetime | date):
        return f"{value.day} {value:%B %Y}"
    return str(value)
