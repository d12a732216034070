"""Persistence: the desk holds sources, snippets and briefs. See base.Desk for the interface.

`open_desk` is the only way in: it takes a path or a URL and returns a Desk, so nothing above this
package names a storage engine.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from briefs.clock import SYSTEM_CLOCK, Clock
from briefs.desk.base import AddResult, Desk
from briefs.errors import InputError

__all__ = ["AddResult", "Desk", "open_desk"]

MEMORY = ":memory:"


def open_desk(target: str | os.PathLike[str], *, clock: Clock | None = None) -> Desk:
    """Open (creating and migrating as needed) the desk at `target`.

    `target` is a file path, `sqlite:///relative/path`, `sqlite:////absolute/path` (SQLAlchemy's
    spelling), or `:memory:` for a scratch desk. Any other scheme is an error, never a file name.
    """
    text = os.fspath(target)
    path = _sqlite_path(text)
    from briefs.desk.sqlite import SqliteDesk

    return SqliteDesk(path, clock=clock or SYSTEM_CLOCK)


def _sqlite_path(text: str) -> str:
    if text == MEMORY:
        return text
    if "://" not in text[:24]:
        if text.strip() == "":
            raise InputError("the desk path is empty; give a file path or URL with --desk or BRIEFS_DESK")
        return os.path.expanduser(text)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///desk.sqlite is relative, sqlite:////home/me/desk.sqlite absolute.
        path = unquote(parts.path)[1:] if parts.path.startswith("/") else unquote(parts.path)
        if parts.netloc or not path:
            raise InputError(f"{text}: write a SQLite desk as sqlite:///relative/path or sqlite:////absolute/path")
        return os.path.expanduser(path)
    if scheme in {"postgresql", "postgres"}:
        raise InputError(f"{_without_password(text)}: this Briefs has no PostgreSQL support; use a desk file")
    raise InputError(
        f"{_without_password(text)}: unknown desk URL scheme {scheme!r}; give a file path or sqlite:///PATH"
    )


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
