"""The Jinja2 environment templates run in: sandboxed, strict, and escaping every value for Markdown.

Templates are data that users add, so they run in `SandboxedEnvironment` (no `__class__` walks, no
attribute access to internals) with `StrictUndefined` (a misspelt or missing field is an error that names
the field and the line, never a silent blank). Every printed value goes through `finalize`, which escapes
it for Markdown unless the template (or the context) marks it safe, so a quote containing `*`, `#`, `_`,
`<` or `[1]` prints as written.
"""

from __future__ import annotations

import contextlib
import re
import threading
import traceback
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError
from markupsafe import Markup

from briefs.dates import long_date
from briefs.errors import TemplateError

# Inline Markdown punctuation that can start emphasis, code, links, footnotes, autolinks, tables,
# strikethrough or entities anywhere in a line: each gets a backslash. str.translate does it in one C pass
# (a regex substitution with a group reference was most of the time spent rendering a brief).
_INLINE_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&"})
# Block syntax that only matters at the start of a line: headings, quotes, list markers, rules.
_LEAD = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_escape(value: Any) -> str:
    """`value` as Markdown text that renders exactly as written, on one line."""
    # str.split() and the regex \s agree on what whitespace is (str.isspace), so this is `\s+` -> " ".
    text = " ".join(str(value).split())
    text = text.translate(_INLINE_ESCAPES)
    match = _LEAD.match(text)
    if match:
        lead = match.group(2)
        escaped = f"{lead[:-1]}\\{lead[-1]}" if lead[0].isdigit() else f"\\{lead}"
        text = match.group(1) + escaped + text[match.end() :]
    return text


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return str(value)
    return md_escape(value)


def _markdown(value: Any) -> Markup:
    return Markup(str(value))


def _paragraphs(value: Any) -> Markup:
    """Multi-paragraph text (a field the user typed) as escaped Markdown paragraphs."""
    parts = []
    for para in re.split(r"\n\s*\n", str(value or "")):
        lines = [md_escape(line) for line in para.split("\n") if line.strip()]
        if lines:
            # A single newline the user typed is kept as a line break (a trailing backslash).
            parts.append("\\\n".join(lines))
    return Markup("\n\n".join(parts))


def _words(value: Any) -> int:
    return len(str(value or "").split())


# Bounds on arithmetic in a template: Jinja's sandbox guards attributes and `range`, not `9**9**9` or
# `'x' * 10**9`, which would spend minutes of CPU or gigabytes of memory on one render.
_MAX_INT_BITS = 4096
_MAX_REPEAT = 100_000


class BriefSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox: besides the attribute rules, no list, dict or set method that changes
    its object can be called (`items.clear()` is a security error even on a list the template made)."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            numbers = isinstance(left, int | float) and isinstance(right, int | float)
            if numbers and abs(left) > 1 and abs(right) * max(1.0, float(_bits(left))) > _MAX_INT_BITS:
                raise SecurityError(f"{left!r} ** {right!r} is too large a number for a template")
            return left**right
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sequence = isinstance(seq, str | list | tuple)
                if sequence and isinstance(times, int) and times * max(1, len(seq)) > _MAX_REPEAT:
                    raise SecurityError("repeating text that many times is too large for a template")
            if isinstance(left, int) and isinstance(right, int) and _bits(left) + _bits(right) > _MAX_INT_BITS:
                raise SecurityError("that product is too large a number for a template")
            return left * right
        return super().call_binop(context, operator, left, right)


def _bits(value: int | float) -> int:
    return abs(int(value)).bit_length() if isinstance(value, int) else 64


class FolderLoader(jinja2.BaseLoader):
    """Loads a template's files (its body and whatever it includes, imports or extends) through the one
    resolver: never a file outside the template's folder, however it is named or linked."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        from briefs.templates.paths import read_template_file

        if not (Path(self.folder) / template).exists():
            raise jinja2.TemplateNotFound(template)
        text, path = read_template_file(self.folder, template)
        mtime = path.stat().st_mtime_ns

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return text, str(Path(self.folder) / template), uptodate


@lru_cache(maxsize=32)
def environment(folder: str) -> SandboxedEnvironment:
    """One environment per template folder (cached: compiling templates is the slow part)."""
    env = BriefSandbox(
        loader=FolderLoader(folder),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(longdate=long_date, markdown=_markdown, words=_words, md=md_escape, paras=_paragraphs)
    return env


@lru_cache(maxsize=1)
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    # Compiling a template costs more than rendering it; each command is a new process, so compiled
    # templates are kept in the user's cache folder (keyed by the template's source, so an edited
    # template is compiled again). No cache folder, no cache: only slower.
    from briefs.settings import cache_dir

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _QuietCache(str(folder))


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """A cache that can fail (a full disk, a folder removed meanwhile) without failing the render."""

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


# Every render is bounded, whatever the template does: what it prints stops at OUTPUT_BUDGET characters
# (checked as the output grows), and the render runs in a child process (briefs.isolate) that may use
# RENDER_MEMORY and is stopped after RENDER_SECONDS. A real brief is tens of kilobytes and renders in
# milliseconds in a child of about 60 MB; `'x'|center(10**9)`, a string doubled 40 times or two nested
# range(100000) loops are not.
OUTPUT_BUDGET = 5_000_000
RENDER_SECONDS = 30.0
RENDER_MEMORY = 512 * 2**20

_WORKER: Any = None
_WORKER_LOCK = threading.Lock()


def _worker() -> Any:
    global _WORKER
    from briefs.isolate import Worker

    with _WORKER_LOCK:  # the app's preview and an export may ask at once: one helper for both
        if _WORKER is None:
            _WORKER = Worker(memory=RENDER_MEMORY, preload=(__name__,))
        return _WORKER


def prestart() -> None:
    """Start the render helper now (the app calls it at start-up), so that the first preview does not wait
    for a Python process and Jinja to load."""
    _worker().prestart()


def render_template(folder: Path, name: str, context: Mapping[str, Any]) -> str:
    """Render `name` from `folder`, bounded; any failure is a TemplateError naming the file and line."""
    from briefs.isolate import Overrun, can_fork, run_forked

    path = folder / name
    try:
        if can_fork() and _WORKER is None:
            # A command's one render: a forked copy, which has Jinja and the template cache already.
            return run_forked(render_here, str(folder), name, context, seconds=RENDER_SECONDS,
                              memory=RENDER_MEMORY)
        return _worker().call("briefs.templates.sandbox:render_here", str(folder), name, context,
                            seconds=RENDER_SECONDS)
    except Overrun as exc:
        if exc.kind == "time":
            raise TemplateError(f"{path}: the template did not finish rendering in {RENDER_SECONDS:g} s (a loop "
                                "too long?); fix the template") from None
        if exc.kind == "memory":
            raise TemplateError(f"{path}: the template asked for more memory than a render may use "
                                f"({RENDER_MEMORY // 2**20} MB); fix the template") from None
        raise TemplateError(f"{path}: the template failed ({exc.detail}); fix the template") from None
    except OSError:
        # No child process to be had (a frozen build, no fork allowed): render here, with the output budget.
        return render_here(str(folder), name, context)


def render_here(folder_text: str, name: str, context: Mapping[str, Any]) -> str:
    """Render in this process, the output checked against OUTPUT_BUDGET as it grows (the child's half of
    render_template)."""
    folder = Path(folder_text)
    path = folder / name
    try:
        template = environment(folder_text).get_template(name)
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > OUTPUT_BUDGET:
                raise TemplateError(f"{path}: the template's output passed {OUTPUT_BUDGET:,} characters, far "
                                    "more than any brief; fix the template")
            parts.append(chunk)
        return "".join(parts)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or path}:{exc.lineno}"
        raise TemplateError(f"{where}: template syntax error: {exc.message}; fix the template") from None
    except SecurityError as exc:
        raise TemplateError(f"{path}:{_line(exc, path)}: blocked by the template sandbox: {exc}") from None
    except jinja2.UndefinedError as exc:
        blocked = re.search(r"attribute '(_[^']*)'", str(exc.message or exc))
        read_only = re.search(r"'(?:[\w.]+\.)?(tuple|FrozenMap|\w+View) object' has no attribute '([^']*)'",
                              str(exc.message or exc))
        if read_only and not blocked:
            raise TemplateError(
                f"{path}:{_line(exc, path)}: {read_only.group(2)!r} is not available: a template reads the "
                "brief's data and cannot change it"
            ) from None
        if blocked:
            # The sandbox answers an unsafe attribute with Undefined; say so rather than ask for a field.
            raise TemplateError(
                f"{path}:{_line(exc, path)}: blocked by the template sandbox: {blocked.group(1)!r} is not "
                "available to templates"
            ) from None
        raise TemplateError(
            f"{path}:{_line(exc, path)}: {_missing(exc)}; fill in that field, or guard it in the template "
            "with {% if ... is defined %}"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"{path}: includes {exc.name}, which is not in {folder}") from None
    except (OverflowError, RecursionError) as exc:
        raise TemplateError(f"{path}:{_line(exc, path)}: the template asked for too much ({exc}); fix it") from None
    except (TypeError, ValueError, ZeroDivisionError, AttributeError, KeyError, IndexError) as exc:
        raise TemplateError(f"{path}:{_line(exc, path)}: the template failed: {exc}") from None




def _line(exc: BaseException, path: Path) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file name and line.
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
    return str(lines[-1]) if lines else "?"


def _missing(exc: jinja2.UndefinedError) -> str:
    message = str(exc.message or exc)
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    if match:
        return f"missing field {match.group(1)!r} ({message})"
    return message
