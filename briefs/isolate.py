"""Bounded work: what an input can make unbounded runs in a child process with a memory and a time limit.

A PDF's page streams and a template's loops are the input's to size: a 5 MB PDF can inflate to a 5 GB
page stream, and `'x'|center(10**9)`, `lipsum(n=10**7)` or two nested loops are a few bytes of template.
No check of each function's arguments can know every way to ask for too much, so the work runs where the
operating system bounds it: a child Python process whose address space is capped (RLIMIT_AS) and which
is killed when its time is up. Whatever it tried, the parent gets a result, the child's own BriefsError,
or Overrun, and goes on (the rest of a batch imports; the app keeps the user's work).

`run_once` starts a child for one call (a PDF import); `Worker` keeps one child for many calls (every
render of the app's live preview), and starts a new one after a call that overran.

The child reads (function, arguments) frames on its standard input and answers on its standard output,
both pickled: it is this program talking to itself, never to anything a user gave.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from briefs.errors import BriefsError

MB = 2**20
# What a child may hold: well above any real PDF or brief (tens of MB), and well below what would hurt a
# laptop. With the parent (a few hundred MB) everything stays under 2 GB.
DEFAULT_MEMORY = 1024 * MB
_HEADER = struct.Struct(">Q")


class Overrun(Exception):
    """The child ran out of time or memory, or died (a library crashed on the input)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind  # "time", "memory" or "died"
        self.detail = detail


class Worker:
    """One child process that runs calls of `module:function` targets, one at a time, each bounded."""

    def __init__(self, *, memory: int = DEFAULT_MEMORY, preload: tuple[str, ...] = ()) -> None:
        self.memory = memory
        self.preload = preload
        """Modules the child imports as soon as it starts, before it is asked anything."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def call(self, target: str, *args: Any, seconds: float) -> Any:
        """`target(*args)` in the child; its value, the BriefsError it raised, or Overrun."""
        with self._lock:
            proc = self._proc if self._proc is not None and self._proc.poll() is None else self._start()
            try:
                _send(proc.stdin, (target, args))  # type: ignore[arg-type]
            except (BrokenPipeError, OSError):
                self._stop()
                raise Overrun("died", "the helper process ended before it was asked") from None
            reply = _receive_within(proc.stdout, seconds)  # type: ignore[arg-type]
            if reply is None:
                self._stop()
                raise Overrun("time", f"{seconds:g} s")
            if reply is _EOF:
                try:
                    code = proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    code = proc.wait()
                self._proc = None
                raise Overrun("memory" if code in _MEMORY_CODES else "died", f"exit status {code}")
            kind, value = reply
            if kind == "memory":
                self._stop()  # a child that ran out of memory is not trusted with the next call
                raise Overrun("memory", str(value))
            if kind == "raise":
                raise value
            if kind == "crash":
                raise Overrun("died", str(value))
            return value

    def prestart(self) -> None:
        """Start the child now, so that the first call does not wait for Python and its imports."""
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                with contextlib.suppress(OSError):
                    self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        self._stop()
        package_root = str(Path(__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH"))
                                                            if p)}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "briefs.isolate", str(self.memory), *self.preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            close_fds=True,
        )
        _LIVE.add(self)
        return self._proc

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()  # type: ignore[union-attr]

    def close(self) -> None:
        with self._lock:
            self._stop()


def run_once(target: str, *args: Any, seconds: float, memory: int = DEFAULT_MEMORY) -> Any:
    """`target(*args)` in a child started for this one call."""
    worker = Worker(memory=memory)
    try:
        return worker.call(target, *args, seconds=seconds)
    finally:
        worker.close()


def can_fork() -> bool:
    """Whether a call can run in a forked copy of this process: POSIX, and no other thread whose locks a
    fork would copy mid-use (the app's threads; the CLI has none)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def run_forked(function: Any, *args: Any, seconds: float, memory: int = DEFAULT_MEMORY) -> Any:
    """`function(*args)` in a forked copy of this process, bounded like a Worker's call.

    For a one-off call from a single-threaded process (a CLI export): the copy already holds every module
    imported, so the bound costs a fork (a few milliseconds) rather than a new Python and its imports (a
    few hundred). Its memory cap is counted on top of what the copy starts with.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        code = 0
        try:
            with os.fdopen(write_end, "wb") as out:
                _limit_self(_current_size() + memory)
                try:
                    reply: tuple[str, Any] = ("ok", function(*args))
                except MemoryError:
                    reply = ("memory", "out of memory")
                except BriefsError as exc:
                    reply = ("raise", exc)
                except RecursionError:
                    reply = ("memory", "nested too deeply")
                except Exception as exc:  # the input broke a library: the parent says so in one line
                    reply = ("crash", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
                try:
                    _send(out, reply)
                except MemoryError:
                    _send(out, ("memory", "out of memory"))
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as replies:
        reply = _receive_within(replies, seconds)
        if reply is None:
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
    if reply is None:
        raise Overrun("time", f"{seconds:g} s")
    if reply is _EOF:
        code = os.waitstatus_to_exitcode(status)
        raise Overrun("memory" if code in _MEMORY_CODES else "died", f"exit status {code}")
    kind, value = reply
    if kind == "memory":
        raise Overrun("memory", str(value))
    if kind == "raise":
        raise value
    if kind == "crash":
        raise Overrun("died", str(value))
    return value


def _current_size() -> int:
    # The address space the copy starts with (Linux); elsewhere nothing to add (no RLIMIT_AS there anyway).
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


_LIVE: set[Worker] = set()


@atexit.register
def _close_all() -> None:
    for worker in list(_LIVE):
        worker.close()


# A child killed by the kernel for its CPU limit (SIGXCPU), or by malloc failing in C code (SIGABRT,
# SIGSEGV): the input asked for more than its share.
_MEMORY_CODES = {-6, -9, -11, -24, 134, 137, 139}
_EOF = object()


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return _EOF
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return _EOF
    return pickle.loads(data)


def _receive_within(stream: IO[bytes], seconds: float) -> Any:
    """The next reply, _EOF if the child died, or None when `seconds` passed first. A reading thread
    rather than select(), which cannot wait on a pipe on Windows."""
    box: list[Any] = []
    reader = threading.Thread(target=lambda: box.append(_receive_safely(stream)), daemon=True)
    reader.start()
    reader.join(seconds)
    return box[0] if box else None


def _receive_safely(stream: IO[bytes]) -> Any:
    try:
        return _receive(stream)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError):
        return _EOF


# -------------------------------------------------------------------------------------- the child
def _limit_self(memory: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's clock is the only bound
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _serve(memory: int, preload: list[str]) -> None:
    import importlib

    # Frames go out on a private copy of standard output; anything a library prints (pdfium's warnings)
    # goes where standard error goes instead of into a frame.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    _limit_self(memory)
    for module in preload:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    while True:
        request = _receive(requests)
        if request is _EOF:
            return
        target, args = request
        module, _, name = target.partition(":")
        try:
            value = getattr(importlib.import_module(module), name)(*args)
            reply: tuple[str, Any] = ("ok", value)
        except MemoryError:
            reply = ("memory", "out of memory")
        except BriefsError as exc:
            reply = ("raise", exc)
        except RecursionError:
            reply = ("memory", "nested too deeply")
        except Exception as exc:  # the input broke a library: the parent says so in one line
            reply = ("crash", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
        try:
            _send(replies, reply)
        except MemoryError:
            _send(replies, ("memory", "out of memory"))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            _send(replies, ("crash", f"cannot send the result back ({exc})"))
        if reply[0] == "memory":
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2:])
