"""What a time expression means before it is put on the calendar.

Tagging produces one of these typed meanings; resolution turns it into a TIMEX3 value
against a reference date. Unknown parts are ``None`` (as in ctparse's ``Time``), never
coded strings: "Tuesday" is ``Partial(weekday=2)``, "Jan. 17" is
``Partial(month=1, day=17)``, "two days ago" is ``Shift("D", -2)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Partial:
    """A partly known point or period of the calendar; ``None`` marks an unknown part.

    ``direction`` says how to fill a missing year (or week for a weekday): -1 the last
    one before the reference ("last April"), +1 the next one after it, 0 the one in the
    current period ("this summer"), None: decide from the tense of the clause.
    ``nth`` with ``month`` and ``weekday`` is the nth such weekday of the month (-1 for
    the last): Thanksgiving is ``Partial(month=11, weekday=4, nth=4)``; with ``month`` and
    no weekday it is the nth week of the month ("the last week of March"). ``zone`` is "Z"
    for a clock time given in UTC or GMT, which the value then ends with (ISO 8601).
    ``bc``: the year is one before the common era, carried as a proxy year. ``easter``:
    a movable feast, days from Easter Sunday (Good Friday is -2); the month and day are
    filled in once the year is known (``values.movable_feast``); ``orthodox``: counted
    from the Easter of the Eastern churches ("Orthodox Easter"). ``days_after``: days
    after the nth weekday of the month (Black Friday is one after Thanksgiving).
    """

    century: int | None = None
    decade: int | None = None
    year: int | None = None
    half: int | None = None
    quarter: int | None = None
    season: str | None = None
    month: int | None = None
    week: int | None = None
    weekend: bool = False
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    direction: int | None = None
    mod: str | None = None
    zone: str | None = None
    bc: bool = False  # the year is a proxy for a year BC (``values.bc_year``)
    easter: int | None = None
    orthodox: bool = False
    days_after: int | None = None

    @property
    def needs_year(self) -> bool:
        """True when the value names a part of some year but not which year."""
        has_period = any(
            v is not None for v in (self.month, self.quarter, self.half, self.season, self.day, self.easter)
        )
        return self.year is None and self.decade is None and self.century is None and (
            has_period or self.weekday is not None or self.weekend
        )


@dataclass(frozen=True)
class Shift:
    """A period ``amount`` units away from an anchor ("two days ago", "next week").

    ``unit`` is a TIMEX3 unit letter (D, W, M, Q, Y, DE, CE, WE, H, MIN); ``amount`` None
    means an unknown count ("years ago"). ``base`` is ``"reference"`` (the publication
    date), ``"previous"`` (the last resolved expression, as in "two days later") or
    ``"focus"`` (the period a financial report is about: "a year ago" after "the third
    quarter" is the year-ago quarter) or ``"previous_day"`` (in news the last expression naming
    a day, else the reference: "for the day" after "on Monday"). ``keep`` keeps the anchor's finer granularity.
    ``fill`` adds parts that the shifted period keeps ("yesterday morning"); ``sign``
    tells which side an unknown count lies on ("years ago" is -1: PAST_REF).
    """

    unit: str
    amount: int | None
    base: str = "reference"
    fill: Partial | None = None
    mod: str | None = None
    sign: int = -1
    keep: bool = False


@dataclass(frozen=True)
class Duration:
    """A length of time; ``amount`` None means an unknown count (TIMEX3 ``PXY``)."""

    amount: float | None
    unit: str
    approx: bool = False


@dataclass(frozen=True)
class FuzzyRef:
    """A vague pointer to the past, present or future (PAST_REF, PRESENT_REF, FUTURE_REF).

    ``unit`` is the unit of a stretch of time up to now ("recent years" is Y): in a
    clause in the present perfect it is a duration ("have risen in recent years", PXY).
    """

    value: str
    unit: str | None = None


@dataclass(frozen=True)
class Recurrence:
    """A set of times ("every Monday" = XXXX-WXX-1, "daily" = P1D), value known at tagging."""

    value: str


Meaning = Union[Partial, Shift, Duration, FuzzyRef, Recurrence]
