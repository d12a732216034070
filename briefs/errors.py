"""User-facing errors.

Every failure a user can cause or fix raises a BriefsError subclass whose message is one line that
names the input and says what to do. The CLI prints it without a traceback; the TUI shows it as a
notification.
"""

from __future__ import annotations

from briefs.text import printable, without_credentials


class BriefsError(Exception):
    """A failure the user can act on. `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        # One line, always: a message that spans lines is hard to read in a notification or a log. And
        # printable: a message quotes its input (a file name, a URL), which may hold terminal escapes.
        # A URL it quotes never shows its credentials.
        super().__init__(printable(without_credentials(" ".join(str(message).split()))))

    @property
    def message(self) -> str:
        return str(self)


class InputError(BriefsError):
    """Bad input or usage: a file, URL, ID or option that cannot be used as given."""

    exit_code = 2


class ImportFailed(InputError):
    """A source could not be imported."""


class NotFound(InputError):
    """An ID that names nothing on the desk."""


class DeskError(BriefsError):
    """The desk file cannot be opened or written."""


class DeskUnavailable(DeskError):
    """The desk's server is not answering (down, restarting, unreachable): trying again later may work.
    The app keeps the user's edit and retries; the CLI exits 1 naming the server."""


class ConflictError(BriefsError):
    """Someone else saved the same brief first: the save was not applied."""

    def __init__(self, message: str, *, current_revision: int | None = None) -> None:
        super().__init__(message)
        self.current_revision = current_revision


class TemplateError(InputError):
    """A brief template is missing, invalid or failed to render."""


class ExportError(BriefsError):
    """A brief could not be written to a file."""


class OutputExists(InputError):
    """An export would replace a file that is already there: never done without the user's say-so."""

    def __init__(self, path: object, message: str | None = None) -> None:
        super().__init__(message or f"{path} already exists; choose another name, or allow replacing it")
        self.path = path


class CheckFailed(BriefsError):
    """A brief failed a blocking check (for example a quote that is not verbatim)."""
