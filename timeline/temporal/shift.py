"""Resolve relative expressions: a period some units away from an anchor.

"two days ago" and "last week" count from the publication date; "Four days later" and
"a year earlier" count from the previous resolved expression and, as TimeML does, keep
that expression's granularity ("a year earlier" after "the third quarter" of 1989 is
1988-Q3).
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.temporal.partial import Partial, Shift
from timeline.temporal.resolution import Anchor, Resolution, unresolved
from timeline.temporal.values import BC_BASE, calendar_date, place, place_unknown
from timeline.vocab import NO_ANCHOR, Granularity

UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
              "CE": "century", "WE": "weekend", "H": "hour", "MIN": "minute", "S": "second"}
_FILL_FIELDS = ("year", "month", "day", "quarter", "half", "season", "part_of_day", "hour", "minute")
#: Units that count days or less: from an anchor naming no day, they land on an unknown one.
_DAY_OR_LESS = frozenset({"D", "H", "MIN", "S"})


def _add_months(day: date, count: int) -> date:
    index = day.year * 12 + day.month - 1 + count
    year, month = index // 12, index % 12 + 1
    if not 1 <= year <= 9999:  # calendar.monthrange accepts any year; date() does not
        return calendar_date(year, month, 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _with_fill(p: Partial, fill: Partial | None) -> Partial:
    if fill is None:
        return p
    return replace(p, **{f: getattr(fill, f) for f in _FILL_FIELDS if getattr(fill, f) is not None})


def _from_day(day: date, unit: str, n: int) -> Partial:
    """The period ``n`` units from ``day``, at the granularity of the unit."""
    if unit in ("D", "H", "MIN", "S"):
        moved = day + timedelta(days=n) if unit == "D" else day
        return Partial(year=moved.year, month=moved.month, day=moved.day)
    if unit in ("W", "WE"):
        year, week, _ = (day + timedelta(weeks=n)).isocalendar()
        return Partial(year=year, week=week, weekend=unit == "WE")
    if unit == "M":
        moved = _add_months(day.replace(day=1), n)
        return Partial(year=moved.year, month=moved.month)
    if unit == "Q":
        index = day.year * 4 + (day.month - 1) // 3 + n
        return Partial(year=index // 4, quarter=index % 4 + 1)
    if unit == "DE":
        return Partial(decade=day.year // 10 + n)
    if unit == "CE":
        return Partial(century=day.year // 100 + n)
    return Partial(year=day.year + n)


def _bc_decade_or_century(day: date, unit: str, n: int) -> Partial:
    """The decade or century ``n`` away from a day BC: they count down ("the following
    decade" after 490 BC is the 480s BC)."""
    years_bc = BC_BASE - day.year
    if unit == "DE":
        return Partial(decade=-(years_bc // 10 - n) - 1, bc=True)
    return Partial(century=-(years_bc // 100 - n) - 1, bc=True)


#: Units that move a clock time, to their ``timedelta`` argument.
_CLOCK_UNITS = {"H": "hours", "MIN": "minutes"}


def _keep_granularity(prev: Partial, unit: str, n: int) -> Partial | None:
    """Shift a previous value by whole units, keeping its finer parts, if it can be."""
    if prev.year is None:
        return None
    if unit in _CLOCK_UNITS and prev.hour is not None and prev.day is not None and prev.month is not None:
        # "two hours later" after "9 a.m.": a clock time, 11:00 on that day.
        clock = datetime(prev.year, prev.month, prev.day, prev.hour % 24, prev.minute or 0) \
            + timedelta(**{_CLOCK_UNITS[unit]: n})
        return Partial(year=clock.year, month=clock.month, day=clock.day, hour=clock.hour,
                       minute=clock.minute, zone=prev.zone)
    if prev.day is not None and prev.month is not None:
        day = calendar_date(prev.year, prev.month, prev.day)
        if unit == "Y":
            moved = _add_months(day, 12 * n)
        elif unit == "M":
            moved = _add_months(day, n)
        elif unit in ("W", "D"):
            moved = day + timedelta(days=n * (7 if unit == "W" else 1))
        else:
            return None
        return Partial(year=moved.year, month=moved.month, day=moved.day)
    if unit == "Y" and prev.week is None:
        return replace(prev, year=prev.year + n, direction=None, mod=None)
    if unit == "Q" and prev.quarter is not None:
        index = prev.year * 4 + prev.quarter - 1 + n
        return Partial(year=index // 4, quarter=index % 4 + 1)
    if unit == "M" and prev.month is not None:
        moved = _add_months(date(prev.year, prev.month, 1), n)
        return Partial(year=moved.year, month=moved.month)
    return None


def _finer_than_anchor(s: Shift, anchor: Anchor) -> str | None:
    """The unit ("D", "W" or "M") of ``s`` when it counts in a unit finer than any its
    anchor names: "the next day" after "in June 1963" is some day of June 1963, not
    2 June; "a week later" after it some week; "that month" after "1863" some month."""
    p = anchor.partial
    if p is None or p.year is None or p.day is not None:
        return None
    if s.unit in _DAY_OR_LESS:
        return "D"
    if s.unit == "W" and p.week is None:
        return "W"
    if s.unit == "M" and p.week is None and p.month is None and p.quarter is None \
            and p.half is None and p.season is None:
        return "M"
    return None


def _around_unknown(s: Shift, anchor: Anchor, unit: str) -> Partial:
    """The month (or year, when the anchor names no month) of a period ``s.amount``
    units from some unknown one of the anchor's period: that of the middle of the
    period moved so far ("two days later" after June is June; "twenty days later", July)."""
    p = anchor.partial
    month = p.month if p.week is None and unit != "M" else None
    period = place(Partial(year=p.year, month=month))
    middle = (period.start + (period.end - period.start) / 2).date()
    if s.unit == "M":
        middle = _add_months(middle, s.amount)
    else:
        middle += timedelta(days=s.amount * {"D": 1, "W": 7}.get(s.unit, 0))
    return Partial(year=middle.year, month=None if month is None else middle.month, bc=p.bc)


def _resolve_unknown(s: Shift, anchor: Anchor, unit: str) -> Resolution:
    """Resolve ``s`` to a period whose finest part, in ``unit``, is unknown."""
    around = _around_unknown(s, anchor, unit)
    moved = replace(_with_fill(around, s.fill), year=around.year, month=around.month, day=None)
    placed = place_unknown(moved, unit)
    named = place(anchor.partial).value
    reason = (f"{_words(s)} {anchor.label} ({named}), which names no "
              f"{UNIT_NAMES[unit]}: the {UNIT_NAMES[unit]} is unknown")
    return Resolution(placed.value, placed.type, placed.start, placed.end, placed.granularity,
                      anchor.label, reason, 0.8, around)


def _words(s: Shift) -> str:
    unit = UNIT_NAMES.get(s.unit, s.unit)
    if s.amount == 0:
        return f"the same {unit} as"
    side = "after" if s.amount > 0 else "before"
    count = abs(s.amount)
    return f"{count} {unit}{'s' if count != 1 else ''} {side}"


def resolve_shift(s: Shift, anchor: Anchor | None) -> Resolution:
    """Resolve a ``Shift`` against ``anchor`` (the reference date or a previous expression)."""
    if s.amount is None:
        value = "PAST_REF" if s.sign < 0 else "FUTURE_REF"
        return Resolution(value, "DATE", None, None, Granularity.NONE, NO_ANCHOR,
                          f"an unknown number of {UNIT_NAMES.get(s.unit, s.unit)}s away", 0.7)
    if anchor is None:
        return unresolved("DATE", "relative expression with no date to count from (a "
                                  "reference date, or for 'later' an earlier date in the text)")
    unknown = _finer_than_anchor(s, anchor)
    if unknown is not None:
        return _resolve_unknown(s, anchor, unknown)
    moved = None
    if s.keep and anchor.partial is not None and s.unit not in ("WE",):
        moved = _keep_granularity(anchor.partial, s.unit, s.amount)
    if moved is None and anchor.bc and s.unit in ("DE", "CE"):
        moved = _bc_decade_or_century(anchor.day, s.unit, s.amount)
    if moved is None:
        moved = _from_day(anchor.day, s.unit, s.amount)
    moved = replace(_with_fill(moved, s.fill), bc=anchor.bc)
    if moved.day is None and (moved.part_of_day or moved.hour is not None):
        moved = replace(moved, part_of_day=None, hour=None, minute=None)
    placed = place(moved)
    reason = f"{_words(s)} {anchor.label} {anchor.day.isoformat()}"
    return Resolution(placed.value, placed.type, placed.start, placed.end, placed.granularity,
                      anchor.label, reason, 0.9, moved)
