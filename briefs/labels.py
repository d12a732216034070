"""Words the user reads in more than one place: each label is written once, here."""

UNVERIFIED_QUOTE = "UNVERIFIED QUOTE"
"""Printed beside a quote exported although it is not word for word what its source says."""

DRAFT_STATUS = "DRAFT for review (drafted with Briefs from suggested quotes and facts)"
"""The status a drafted brief starts with."""
