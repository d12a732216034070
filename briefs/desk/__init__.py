"""Persistence: the desk holds sources, snippets and briefs. See base.Desk for the interface.

`open_desk` is the only way in: it takes a path or a URL and returns a Desk, so nothing above this
package names a storage engine. A `postgresql://` URL opens a team desk (postgres.py); its driver is
imported only then, so commands on a SQLite desk never pay for it.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from briefs.clock import SYSTEM_CLOCK, Clock
from briefs.desk.base import AddResult, Desk, DeskEvent
from briefs.errors import InputError

__all__ = ["AddResult", "Desk", "DeskEvent", "display_location", "open_desk"]

MEMORY = ":memory:"


def open_desk(target: str | os.PathLike[str], *, clock: Clock | None = None, author: str = "") -> Desk:
    """Open (creating and migrating as needed) the desk at `target`.

    `target` is a file path, `sqlite:///relative/path`, `sqlite:////absolute/path` (SQLAlchemy's
    spelling), `:memory:` for a scratch desk, or `postgresql://user@host/dbname` (any libpq connection
    URL: ~/.pgpass, PGPASSFILE, service files and sslmode work as for psql). Any other scheme is an error,
    never a file name. `author` is who this desk's changes are by (the settings' author, else the OS user).
    """
    text = os.fspath(target)
    if is_postgresql(text):
        from briefs.desk.postgres import PostgresDesk

        return PostgresDesk(text, clock=clock or SYSTEM_CLOCK, author=author)
    path = _sqlite_path(text)
    from briefs.desk.sqlite import SqliteDesk

    return SqliteDesk(path, clock=clock or SYSTEM_CLOCK, author=author)


def is_postgresql(target: str) -> bool:
    return target[:24].lower().startswith(("postgresql://", "postgres://"))


def display_location(target: str | os.PathLike[str]) -> str:
    """A desk as a message may name it: a URL loses its password."""
    text = os.fspath(target)
    return _without_password(text) if "://" in text[:24] else text


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
            raise InputError(
                f"{_without_password(text)}: write a SQLite desk as sqlite:///relative/path or sqlite:////absolute/path"
            )
        return os.path.expanduser(path)
    raise InputError(
        f"{_without_password(text)}: unknown desk URL scheme {scheme!r}; give a file path or sqlite:///PATH"
    )


def _without_password(url: str) -> str:
    """`url` with any password taken out: the user:password part, and a password= query parameter."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, host = netloc.rpartition("@")
            if ":" in userinfo:
                netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
        query = "&".join(
            "password=***" if pair.split("=", 1)[0].lower() == "password" else pair
            for pair in parts.query.split("&")
        ) if parts.query else ""
        return parts._replace(netloc=netloc, query=query).geturl()
    except ValueError:  # an unparseable URL: say nothing of what it holds
        return url.split("://", 1)[0] + "://..."
