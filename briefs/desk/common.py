"""What both backends share: a brief's uid, the default author, and the messages they give alike."""

from __future__ import annotations

from briefs.desk.schema import SCHEMA_VERSION
from briefs.errors import DeskError


def new_uid() -> str:
    """A brief's identity across desks: random, so two desks never make the same one."""
    import uuid

    return uuid.uuid4().hex


def default_author() -> str:
    """Who changes the desk when nobody said: the OS user (the settings give the configured name)."""
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


def newer_schema_error(location: str, version: int) -> DeskError:
    return DeskError(
        f"the desk {location} was written by a newer Briefs (schema {version}, this one knows {SCHEMA_VERSION}); "
        "it can be read but not changed: upgrade Briefs"
    )
