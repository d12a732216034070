"""Briefs: turn news articles into verified, cited policy briefs."""

__version__ = "0.1.0"
