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
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
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


class BriefSandbox(SandboxedEnvironment):
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


@lru_cache(maxsize=32)
def environment(folder: str) -> SandboxedEnvironment:
    """One environment per template folder (cached: compiling templates is the slow part)."""
    env = BriefSandbox(
        loader=jinja2.FileSystemLoader(folder),
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


def render_template(folder: Path, name: str, context: dict[str, Any]) -> str:
    """Render `name` from `folder`; any failure is a TemplateError naming the file and line."""
    path = folder / name
    try:
        template = environment(str(folder)).get_template(name)
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or path}:{exc.lineno}"
        raise TemplateError(f"{where}: template syntax error: {exc.message}; fix the template") from None
    except SecurityError as exc:
        raise TemplateError(f"{path}:{_line(exc, path)}: blocked by the template sandbox: {exc}") from None
    except jinja2.UndefinedError as exc:
        blocked = re.search(r"attribute '(_[^']*)'", str(exc.message or exc))
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
    except (OverflowError, RecursionError, MemoryError) as exc:
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
