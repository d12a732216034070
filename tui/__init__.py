"""The Briefs drafting app (Textual). Thin: it calls briefs.* services and keeps no business logic."""
