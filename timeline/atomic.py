"""Atomic file writes: a temporary file beside the target, then ``os.replace``.

A reader of the target sees either the old file or the complete new one, never a
partial write. Nothing is left behind either:

* a failed write (an exception, Ctrl-C) removes its temporary file;
* SIGTERM (and SIGHUP) during a write removes it too: a handler is installed for the
  length of the write only, then the previous one is put back and the signal is
  handed on to it, so the process still ends as it would have (by default, killed by
  the signal);
* a temporary file left by a process that could not clean up (SIGKILL, a power cut)
  is removed by the next write into the same folder. Ours are named
  ``.<target name>.tl-<8 hex digits>.tmp`` and locked (``flock``) while in use, so a
  write in progress, in this process or another, is never disturbed, and files of
  other programs are never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: stale files are then kept
    fcntl = None  # type: ignore[assignment]

#: Our temporary files, and only ours.
TEMP_NAME = re.compile(r"\.(?P<target>.+)\.tl-[0-9a-f]{8}\.tmp")
_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Terminated(SystemExit):
    """Raised by our handler to abort the write; the signal is handed on afterwards."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)  # what a shell reports for death by the signal
        self.signum = signum


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On any failure, including KeyboardInterrupt and SIGTERM, the temporary file is
    removed and the target is left untouched. Stale temporary files of earlier writes
    into the same folder are removed first.
    """
    target = Path(path)
    remove_stale(target.parent)
    with _signals_abort():
        temp, lock = _create_temp(target)
        try:
            yield temp
            with open(temp, "rb") as written:
                os.fsync(written.fileno())  # the rename must never expose unflushed data
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            os.close(lock)


def _create_temp(target: Path) -> tuple[Path, int]:
    """Create and lock an empty temporary file next to ``target``; the umask sets its mode.

    Returns its path and the descriptor that holds the lock until the write ends.
    """
    for _ in range(100):
        temp = target.with_name(f".{target.name}.tl-{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        if _lock(fd, wait=True) and _still_named(fd, temp):
            return temp, fd
        os.close(fd)  # removed as stale before we locked it: take another name
    raise FileExistsError(f"cannot create a temporary file beside {target}")


def remove_stale(folder: Path) -> list[Path]:
    """Remove our temporary files in ``folder`` that no write holds; return them."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    try:
        entries = [entry for entry in os.scandir(folder) if TEMP_NAME.fullmatch(entry.name)]
    except OSError:
        return removed  # a missing folder fails later, where the write says so
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and _remove_if_unlocked(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _remove_if_unlocked(temp: Path) -> bool:
    try:
        fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False  # gone already, or not ours to open
    try:
        if not (_lock(fd, wait=False) and _still_named(fd, temp)):
            return False
        temp.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Take an exclusive ``flock`` on ``fd``; without ``wait``, False when it is held."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _still_named(fd: int, temp: Path) -> bool:
    """True when ``temp`` still names the file open as ``fd`` (it was not removed)."""
    try:
        return os.stat(temp, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def _signals_abort() -> Iterator[None]:
    """Turn SIGTERM/SIGHUP into an exception for the length of the block.

    Only in the main thread (the only one Python runs handlers in), and not for a
    signal that is ignored. Afterwards the previous handlers are back, and a signal
    that arrived is handed on to them.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {
        signum: handler
        for signum in _SIGNALS
        if (handler := signal.getsignal(signum)) not in (signal.SIG_IGN, None)
    }
    try:
        for signum in previous:
            signal.signal(signum, _abort)
        yield
    except _Terminated as stop:
        _restore(previous)
        _hand_on(stop, previous.get(stop.signum))
        raise
    finally:
        _restore(previous)


def _abort(signum: int, frame: FrameType | None) -> None:
    raise _Terminated(signum)


def _restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _hand_on(stop: _Terminated, handler: Any) -> None:
    """Deliver the signal as if we had never caught it (the default kills the process)."""
    if handler == signal.SIG_DFL:
        os.kill(os.getpid(), stop.signum)
    elif callable(handler):
        handler(stop.signum, None)
