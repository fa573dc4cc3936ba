"""Reading input files: regular files only.

A named pipe (FIFO) blocks the reader until something writes to it, and a character
device such as ``/dev/zero`` never ends; a socket cannot be read as a file at all. So
every path the library reads goes through :func:`read_regular`, which refuses them
with :class:`~timeline.errors.NotRegularFileError` (an ``OSError``) naming what the
path is. The type is checked before opening, so nothing is opened that could block,
and again on the open descriptor, in case the path was swapped in between.

:func:`looks_like_path` is the one rule for telling a path from a text where a string
may be either (``timeline.extract("news/x.txt")``, ``timeline ingest``).
"""

from __future__ import annotations

import os
import re
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


#: Longest string taken for a path; a longer one is always text.
_MAX_PATH = 4096
#: Suffixes that make a one-word string a file name even when no such file exists.
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".json",
                  ".xml", ".md")


#: A file extension ending a path's last part.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")


def looks_like_path(text: str) -> bool:
    """Whether the string ``text`` names a file rather than being an article's text.

    It does when it is ``-`` (standard input), or a single line under 4096 characters
    that is an existing path, or that has no whitespace, is no URL, and ends in a file
    suffix (``.txt``, ``.html``, ``.jsonl``, ``.csv``...), in a path separator, or in
    a file extension after a separator. So ``"news/x.txtt"``, ``"news/"`` and
    ``"missing.txt"`` are paths (reading them fails with "no such file"), while
    ``"Kyiv was shelled on 3 March."``, ``"GENEVA/KYIV"``, ``"24/7"`` and a URL are text.
    """
    if text == "-":
        return True
    if "\n" in text or "\r" in text or not text.strip() or len(text) >= _MAX_PATH:
        return False
    if os.path.exists(text):
        return True
    if "://" in text or any(char.isspace() for char in text):
        return False
    if text.lower().endswith(_PATH_SUFFIXES):
        return True
    separators = ("/", os.sep, *((os.altsep,) if os.altsep else ()))
    if text.endswith(separators):
        return True  # a folder: "news/"
    # A separator and a file extension: "news/x.txtt"; "GENEVA/KYIV", "24/7" are text.
    last = max(text.rfind(sep) for sep in separators)
    return last >= 0 and _EXTENSION.search(text, last) is not None


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
