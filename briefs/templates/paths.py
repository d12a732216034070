"""The one path resolver for everything a template loads: its template.toml, its body, and whatever the
body includes, imports or extends.

Every name is resolved (symlinks followed, `..` refused) and must land inside the template's own folder,
itself resolved: a symlink to /etc/passwd, a symlinked sub-folder, or a body.md.j2 that is itself a link
out of the folder is refused, whichever tag or file names it. The file is then read by the one bounded
reader (a regular file, within a size limit), so a FIFO or /dev/zero in a template folder cannot hang or
exhaust a render either.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefs.errors import TemplateError
from briefs.files import MB, read_regular

# A template file is a page or two of Jinja or TOML; 4 MB is far past any real one (a template.toml of
# 50,000 fields is 2 MB) and still quick to read.
MAX_TEMPLATE_FILE_BYTES = 4 * MB


class OutsideFolder(TemplateError):
    """A template file that resolves outside its template folder."""


def resolve_inside(folder: str | os.PathLike[str], name: str) -> Path:
    """`name` (a relative, `/`-separated path) resolved inside `folder`; refused when it leaves it."""
    root = os.path.realpath(folder)
    pieces = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if not pieces or ".." in pieces or os.path.isabs(name) or any(os.sep in p or ":" in p for p in pieces):
        raise OutsideFolder(f"{folder}: {name!r} is not a file name inside the template folder; use a relative name")
    resolved = os.path.realpath(os.path.join(root, *pieces))
    if os.path.commonpath([root, resolved]) != root:
        raise OutsideFolder(
            f"{Path(folder) / name} leads outside its template folder (a link?); a template may only use "
            "files inside its own folder: copy the file in"
        )
    return Path(resolved)


def read_template_file(folder: str | os.PathLike[str], name: str) -> tuple[str, Path]:
    """The text of `name` in the template folder and the path it resolved to."""
    path = resolve_inside(folder, name)
    data = read_regular(path, MAX_TEMPLATE_FILE_BYTES, what="template file", error=TemplateError,
                        hint="a template file is a page or two of text")
    try:
        return data.decode("utf-8"), path
    except UnicodeDecodeError:
        raise TemplateError(f"{Path(folder) / name} is not UTF-8 text; save it as UTF-8") from None
