"""Every exception the library raises on purpose lives here."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class for errors raised by timeline."""


class InputError(TimelineError, ValueError):
    """A file or value given by the user cannot be used; the message names it."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Pickled by worker processes: rebuild from the parts, not from the message.
        return type(self), (self.source, self.problem, self.line)


class ResourceError(TimelineError):
    """A bundled or user-supplied rule file is malformed."""


class RuleFileError(ResourceError):
    """A rule file breaks its format; the message names the file and, if any, the entry."""

    def __init__(self, source: str, problem: str, entry: str | None = None) -> None:
        self.source = source
        self.entry = entry
        self.problem = problem
        where = source if entry is None else f"{source}, entry {entry!r}"
        super().__init__(f"{where}: {problem}")


class NotRegularFileError(TimelineError, OSError):
    """A path names a FIFO, socket or device, which is never read (it may block)."""


class StoreError(TimelineError):
    """An event store cannot be opened, read or written; the message names it."""
