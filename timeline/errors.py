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


class ResourceError(TimelineError):
    """A bundled or user-supplied rule file is malformed."""


class StoreError(TimelineError):
    """An event store cannot be opened, read or written; the message names it."""
