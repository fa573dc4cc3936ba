"""The anchor an expression is resolved against, and the outcome of resolving it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from timeline.temporal.partial import Partial
from timeline.vocab import NO_ANCHOR, Granularity


@dataclass(frozen=True)
class Anchor:
    """A date to resolve against: the day, its resolved value and how to name it.

    ``partial`` is the resolved value of a previous expression (it keeps the
    granularity "a year earlier" copies); it is None for the publication date.
    """

    day: date
    label: str
    partial: Partial | None = None

    @property
    def bc(self) -> bool:
        """True when the anchor is a day BC (carried on a proxy year)."""
        return self.partial is not None and self.partial.bc


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one expression."""

    value: str
    type: str
    start: datetime | None
    end: datetime | None
    granularity: Granularity
    anchor: str
    reason: str
    confidence: float = 1.0
    partial: Partial | None = None


def unresolved(kind: str, reason: str) -> Resolution:
    """A row that could not be given a value, with the reason why."""
    return Resolution("", kind, None, None, Granularity.NONE, NO_ANCHOR, reason, 0.3)
