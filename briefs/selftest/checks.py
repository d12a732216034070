"""Run one input through import, the desk and the extractor, and say what (if anything) went wrong.

A *crash* is any exception that is not a BriefsError. A *broken rule* is a clean failure or import that
still breaks a promise: an error over several lines or not naming the file, the wrong outcome for a
known input, stored text with control characters or surrogates, or a smuggled file's contents.
"""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs.errors import BriefsError, ImportFailed
from briefs.selftest.corpus import ERROR, IMPORT, Nasty

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_DIRTY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass
class Outcome:
    name: str
    imported: bool = False
    error: str = ""
    crash: str = ""  # the traceback's last line, when something other than a BriefsError escaped
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.crash and not self.problems


def check_path(path: Path, nasty: Nasty | None = None, *, limits: object | None = None, desk: object = None) -> Outcome:
    """Import `path` with `load_source` and check the result against the rules (and `nasty`'s own)."""
    from briefs.sources import load_source

    return _judge(path.name, str(path), lambda: load_source(str(path), limits=limits), nasty, desk)  # type: ignore[arg-type]


def check_bytes(data: bytes, name: str, *, desk: object = None) -> Outcome:
    """The same for bytes with a file name (the mutation fuzzer's inputs)."""
    from briefs.sources import load_bytes

    return _judge(name, name, lambda: load_bytes(data, origin=name, name_hint=name), None, desk)


def _judge(name: str, shown: str, load: Callable[[], Any], nasty: Nasty | None, desk: object) -> Outcome:
    outcome = Outcome(name)
    started = time.perf_counter()
    try:
        source = load()
    except ImportFailed as exc:
        outcome.error = str(exc)
        _check_error(outcome, shown, nasty)
    except BriefsError as exc:
        outcome.error = str(exc)
        outcome.problems.append(f"failed with {type(exc).__name__}, not ImportFailed: {exc}")
    except Exception as exc:  # the point of the exercise: anything else is a crash
        outcome.crash = _last_line(exc)
    else:
        outcome.imported = True
        _check_source(outcome, source.text, nasty)
        _check_citation(outcome, source, shown)
        if desk is not None and not outcome.problems:
            _check_desk_and_extract(outcome, desk, source)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _check_error(outcome: Outcome, shown: str, nasty: Nasty | None) -> None:
    from briefs.text import clean_line, printable

    message = outcome.error
    if "\n" in message:
        outcome.problems.append("the error message spans several lines")
    if printable(message) != message:
        outcome.problems.append("the error message holds raw control characters")
    if " ".join(shown.split()) not in message and clean_line(shown) not in message:
        outcome.problems.append(f"the error does not name the file: {message}")
    if nasty is None:
        return
    if nasty.expect == IMPORT:
        outcome.problems.append(f"should import, failed: {message}")
    if nasty.message and nasty.message.lower() not in message.lower():
        outcome.problems.append(f"the error should say {nasty.message!r}: {message}")
    if nasty.forbidden and nasty.forbidden.decode() in message:
        outcome.problems.append("the error shows a smuggled file's contents")


def _check_source(outcome: Outcome, text: str, nasty: Nasty | None) -> None:
    if not text.strip():
        outcome.problems.append("imported with no text")
    if _DIRTY.search(text):
        outcome.problems.append("the stored text holds control characters or surrogates")
    if nasty is None:
        return
    if nasty.expect == ERROR:
        outcome.problems.append("should fail, imported")
    if nasty.text is not None and text != nasty.text:
        outcome.problems.append(f"text differs from the original: {text[:60]!r} != {nasty.text[:60]!r}")
    if nasty.contains and nasty.contains not in text:
        outcome.problems.append(f"text lacks {nasty.contains!r}")
    if nasty.forbidden and nasty.forbidden.decode() in text:
        outcome.problems.append("the text holds a smuggled file's contents")


def _check_citation(outcome: Outcome, source: Any, shown: str) -> None:
    """What a brief would cite this source as never holds the folders it was imported from, nor a
    control character."""
    from briefs.citation import title_of

    cited = title_of(source.meta, source.origin)
    folder = str(Path(shown).parent)
    if len(folder) > 1 and folder in cited:
        outcome.problems.append(f"the source would be cited with its folder's path: {cited[:80]!r}")
    for value in (cited, source.origin, source.meta.author or "", source.meta.publication or ""):
        if _CONTROLS.search(value):
            outcome.problems.append(f"a citation detail holds control characters: {value[:80]!r}")
            break


def _check_desk_and_extract(outcome: Outcome, desk: object, source: object) -> None:
    from briefs.extract import analyse

    try:
        added = desk.add_source(source)  # type: ignore[attr-defined]
        text = desk.get_source(added.source.id).text  # type: ignore[attr-defined]
        if text != source.text:  # type: ignore[attr-defined]
            outcome.problems.append("the desk changed the text")
        analysis = analyse(text)
        for item in (*analysis.quotes, *analysis.facts):
            if text[item.start : item.end] != item.text:
                outcome.problems.append(f"extractor offsets do not match the text: {item.text[:40]!r}")
                break
    except BriefsError as exc:
        outcome.problems.append(f"desk or extractor refused a clean import: {exc}")
    except Exception as exc:
        outcome.crash = _last_line(exc)


def _last_line(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}: {str(exc)[:200]}{where}"
