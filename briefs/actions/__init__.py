"""The use cases, once: what a user can do to a desk, whether from the CLI or the app.

Each action runs in one desk transaction (all or nothing) and returns what changed; actions that the app
can undo return a `Change` (history.py) that knows how to revert itself. The shells (briefs.cli, tui)
parse input, call one action and show its result; they change the desk in no other way.
"""
