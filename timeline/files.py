"""Reading input files: regular files only.

A named pipe (FIFO) blocks the reader until something writes to it, and a character
device such as ``/dev/zero`` never ends; a socket cannot be read as a file at all. So
every path the library reads goes through :func:`read_regular`, which refuses them
with :class:`~timeline.errors.NotRegularFileError` (an ``OSError``) naming what the
path is. The type is checked before opening, so nothing is opened that could block,
and again on the open descriptor, in case the path was swapped in between.
"""

from __future__ import annotations

import os
import stat

from timeline.errors import NotRegularFileError

#: Kinds of file that are not read, tested in this order on ``st_mode``.
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
# Opening a FIFO without O_NONBLOCK waits for a writer; with it, open returns at once.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def special_kind(mode: int) -> str:
    """What a file of ``st_mode`` is when it is not to be read, else ``""``."""
    return next((kind for test, kind in SPECIAL_KINDS if test(mode)), "")


def _refuse_special(mode: int) -> None:
    kind = special_kind(mode)
    if kind:
        raise NotRegularFileError(f"not a regular file: {kind}")


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path``.

    Raises :class:`NotRegularFileError` for a FIFO, socket or device, and the usual
    ``OSError`` subclasses (``FileNotFoundError``, ``IsADirectoryError``...) otherwise.
    """
    _refuse_special(os.stat(path).st_mode)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as stream:
        _refuse_special(os.fstat(descriptor).st_mode)
        return stream.read()
