"""Format resolved values as TIMEX3 strings and calendar intervals.

A resolved ``Partial`` has a known year (or decade, century); this module gives its
TIMEX3 value ("2023-01-17", "2023-W03", "2022-SU", "199"), the interval it covers
(end exclusive) and its granularity.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta

from timeline.temporal.partial import Duration, Partial
from timeline.vocab import Granularity

#: Hours each TIMEX3 part of day covers: (start hour, length in hours).
PART_HOURS = {"MO": (6, 6), "MI": (11, 2), "AF": (12, 6), "EV": (18, 6), "NI": (21, 9), "DT": (8, 10)}
#: Months each season covers, as (first month, number of months).
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_TIME_UNITS = frozenset({"H", "MIN", "S"})

#: Years before the common era are carried as proxy years of Python's calendar, so that
#: a story told in 480 BC can be followed as any other (the next year, "the winter").
#: 1 BC is ``BC_BASE - 1``; 4000 BC is ``BC_BASE - 4000``. The shift is a whole number of
#: 400-year Gregorian cycles, so leap years and weekdays stay those of the proleptic
#: calendar. Values are written the TimeML way ("BC0480"); the interval is not shown.
BC_BASE = 8001
BC_YEARS = 4000


def bc_year(year: int) -> int:
    """The proxy year that stands for ``year`` BC (1 <= year <= ``BC_YEARS``)."""
    if not 1 <= year <= BC_YEARS:
        raise OffCalendar(f"no year {year} BC on this calendar (1 to {BC_YEARS} BC)")
    return BC_BASE - year


def year_label(year: int, bc: bool = False) -> str:
    """The TIMEX3 spelling of a year, or of the proxy of a year BC: "2023", "BC0480"."""
    if not bc:
        return f"{year:04d}"
    if not BC_BASE - BC_YEARS <= year < BC_BASE:
        raise OffCalendar(f"year {year} stands for no year BC")
    return f"BC{BC_BASE - year:04d}"


_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_CLOCK = r"T(?:\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?|MO|MI|AF|EV|NI|DT)"
_DATE = (r"(?:BC)?(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:WE|\d))?"
         r"|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?(?:" + _CLOCK + r")?|(?:BC)?\d{2,3}")
_DURATION = (r"P(?:(?:" + _NUMBER + r"(?:Y|M|W|D|DE|CE|WE|Q))+(?:T(?:" + _NUMBER + r"[HMS])+)?"
             r"|T(?:" + _NUMBER + r"[HMS])+)")
#: Every value this package writes (use ``fullmatch``): dates, weeks, quarters,
#: seasons, decades ("199") and centuries ("20"), clock times, durations, recurrences
#: ("XXXX-WXX-1") and the TimeML references; the TIMEX3 (TimeML 1.2.1) forms.
TIMEX3_VALUE = re.compile(rf"{_DATE}|{_DURATION}|(?:PAST|PRESENT|FUTURE)_REF")
_UNIT_LETTER = {"MIN": "M", "DE": "DE", "CE": "CE", "WE": "WE"}


class OffCalendar(ValueError):
    """A value with no place on the calendar: 29 February 2023, year 0, year 10000.

    The calendar is Python's: days from 0001-01-01 to 9999-12-31, and an interval's
    exclusive end must be one of them, so the year 9999 itself cannot be placed.
    Resolving catches it and gives the expression an empty value with this reason.
    """


def calendar_date(year: int, month: int, day: int) -> date:
    """``date(year, month, day)``, raising ``OffCalendar`` when there is no such day."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError) as error:
        raise OffCalendar(f"no such day {year}-{month:02d}-{day:02d} ({error})") from error


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday of ``year``: the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return calendar_date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def orthodox_easter(year: int) -> date:
    """Easter Sunday of the Eastern churches in ``year``, on the Gregorian calendar:
    Meeus's Julian algorithm, moved by the days the Julian calendar lags behind (13
    from March 1900 to February 2100)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = calendar_date(year, month, day + 1)
    return julian + timedelta(days=year // 100 - year // 400 - 2)


def movable_feast(p: Partial) -> Partial:
    """``p`` with the month and day of its feast (``easter`` days from Easter Sunday,
    the Orthodox one when ``orthodox``) filled in, once its year is known; ``p`` itself
    otherwise."""
    if p.easter is None or p.year is None or p.bc:
        return p
    day = (orthodox_easter if p.orthodox else easter_sunday)(p.year) + timedelta(days=p.easter)
    return replace(p, month=day.month, day=day.day)


@dataclass(frozen=True)
class Placed:
    """A value put on the calendar: TIMEX3 value, interval and granularity."""

    value: str
    start: datetime | None
    end: datetime | None
    granularity: Granularity
    type: str = "DATE"


def _month_add(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int, count: int) -> tuple[datetime, datetime]:
    end_year, end_month = _month_add(year, month, count)
    return datetime(year, month, 1), datetime(end_year, end_month, 1)


def place(p: Partial) -> Placed:
    """Return the TIMEX3 value and interval of a resolved ``Partial``.

    Raises ``OffCalendar`` when the value or its interval is not on the calendar.
    """
    if p.year is None and p.decade is None and p.century is None:
        raise ValueError(f"cannot place a value with no year: {p}")
    try:
        return _place(p)
    except OffCalendar:
        raise
    except (ValueError, OverflowError) as error:  # datetime's range and day checks
        raise OffCalendar(f"{error} ({_spelled(p)})") from error


def _spelled(p: Partial) -> str:
    """The known fields of ``p``, for a reason: "year=10000, month=1"."""
    known = ((f.name, getattr(p, f.name)) for f in fields(p))
    return ", ".join(f"{name}={value}" for name, value in known
                     if value is not None and value is not False)  # year=0 is shown


def _place(p: Partial) -> Placed:
    if p.year is None:
        return _place_coarse(p)
    y = p.year
    if p.month is not None and p.day is not None:
        return _place_day(calendar_date(y, p.month, p.day), p)
    if p.week is not None:
        return _place_week(y, p.week, p.weekend, p.bc)
    if p.month is not None and p.nth is not None and p.weekday is None:
        return _place_week_of_month(y, p.month, p.nth, p.bc)
    if p.month is not None:
        start, end = _month_span(y, p.month, 1)
        return Placed(f"{year_label(y, p.bc)}-{p.month:02d}", start, end, Granularity.MONTH)
    if p.quarter is not None:
        start, end = _month_span(y, 3 * p.quarter - 2, 3)
        return Placed(f"{year_label(y, p.bc)}-Q{p.quarter}", start, end, Granularity.QUARTER)
    if p.half is not None:
        start, end = _month_span(y, 6 * p.half - 5, 6)
        return Placed(f"{year_label(y, p.bc)}-H{p.half}", start, end, Granularity.QUARTER)
    if p.season is not None:
        first, count = SEASON_MONTHS[p.season]
        start, end = _month_span(y, first, count)
        return Placed(f"{year_label(y, p.bc)}-{p.season}", start, end, Granularity.SEASON)
    return Placed(year_label(y, p.bc), datetime(y, 1, 1), datetime(y + 1, 1, 1), Granularity.YEAR)


def _place_coarse(p: Partial) -> Placed:
    if p.bc:
        return _place_coarse_bc(p)
    if p.decade is not None:
        start = datetime(max(p.decade * 10, 1), 1, 1)
        return Placed(f"{p.decade:03d}", start, datetime(p.decade * 10 + 10, 1, 1),
                      Granularity.DECADE)
    century = p.century  # place() has checked that one of the two is known
    start = datetime(max(century * 100, 1), 1, 1)
    return Placed(f"{century:02d}", start, datetime(century * 100 + 100, 1, 1), Granularity.DECADE)


def _place_coarse_bc(p: Partial) -> Placed:
    """A decade or century BC, written as ``-(n + 1)``: -48 is the 470s BC, -1 the first
    century BC (BC00)."""
    size, code = (10, p.decade) if p.decade is not None else (100, p.century)
    number = -(code or 0) - 1
    first, last = number * size + size - 1, number * size  # 479 and 470 BC, counted down
    start, end = bc_year(max(first, 1)), bc_year(max(last, 1)) + 1
    value = f"BC{number:03d}" if size == 10 else f"BC{number:02d}"
    return Placed(value, datetime(start, 1, 1), datetime(end, 1, 1), Granularity.DECADE)


def _place_week(year: int, week: int, weekend: bool, bc: bool = False) -> Placed:
    monday = date.fromisocalendar(year, week, 1)
    start = datetime.combine(monday, datetime.min.time())
    if weekend:
        sat = start + timedelta(days=5)
        return Placed(f"{year_label(year, bc)}-W{week:02d}-WE", sat, sat + timedelta(days=2), Granularity.WEEK)
    return Placed(f"{year_label(year, bc)}-W{week:02d}", start, start + timedelta(days=7), Granularity.WEEK)


def place_unknown(p: Partial, unit: str) -> Placed:
    """A day (``unit`` "D"), week ("W") or month ("M") of ``p``'s month or year, which
    one unknown: "1963-06-XX", "1863-XX-XX", "1913-WXX", "1863-XX".

    "The next day" after a story has named only June 1963 is some day of June 1963;
    TIMEX3 writes the unknown parts as X, and a part of the day or a clock time filled
    in stays ("1963-06-XXTNI"). The interval and the granularity are those of the month
    or year: nothing finer is known.
    """
    around = place(Partial(year=p.year, month=p.month, bc=p.bc))
    year = year_label(p.year, p.bc)
    if unit == "W":
        return replace(around, value=f"{year}-WXX")
    if unit == "M":
        return replace(around, value=f"{year}-XX")
    value = f"{year}-{'XX' if p.month is None else f'{p.month:02d}'}-XX"
    if p.hour is not None:
        return replace(around, value=f"{value}T{p.hour:02d}:{p.minute or 0:02d}", type="TIME")
    if p.part_of_day is not None:
        return replace(around, value=f"{value}T{p.part_of_day}", type="TIME")
    return replace(around, value=value)


def _place_week_of_month(year: int, month: int, nth: int, bc: bool = False) -> Placed:
    """The ``nth`` week of a month (-1 the last): the ISO week holding the middle of the
    month's nth seven days ("the last week of March" 2009 is 25-31 March: 2009-W13)."""
    if nth > 0:
        middle = date(year, month, 4 + 7 * (nth - 1))
    else:
        middle = date(year, month, calendar.monthrange(year, month)[1] - 3 + 7 * (nth + 1))
    iso_year, week, _ = middle.isocalendar()
    return _place_week(iso_year, week, False, bc)


def _place_day(day: date, p: Partial) -> Placed:
    start = datetime.combine(day, datetime.min.time())
    base = year_label(day.year, p.bc) + day.isoformat()[4:]
    if p.hour is not None:
        minute = p.minute or 0
        at = start + timedelta(hours=p.hour, minutes=minute, seconds=p.second or 0)
        seconds = "" if p.second is None else f":{p.second:02d}"
        value = f"{base}T{p.hour:02d}:{minute:02d}{seconds}{p.zone or ''}"
        length = (timedelta(seconds=1) if p.second is not None else
                  timedelta(minutes=1) if p.minute is not None else timedelta(hours=1))
        return Placed(value, at, at + length, Granularity.HOUR, "TIME")
    if p.part_of_day is not None:
        first, hours = PART_HOURS[p.part_of_day]
        at = start + timedelta(hours=first)
        return Placed(f"{base}T{p.part_of_day}", at, at + timedelta(hours=hours), Granularity.HOUR, "TIME")
    return Placed(base, start, start + timedelta(days=1), Granularity.DAY)


def format_duration(d: Duration) -> str:
    """TIMEX3 duration value: P3Y, PT5H, PXD, P2Y6M for two and a half years."""
    unit = d.unit
    if d.amount is None:
        letter = _UNIT_LETTER.get(unit, unit)
        return f"PTX{letter}" if unit in _TIME_UNITS else f"PX{letter}"
    if unit == "DE":
        return _assemble(_components(d.amount * 10, "Y"))
    if unit == "WE":
        return _assemble(_components(d.amount * 2, "D"))
    if unit == "Q":
        # A whole number of quarters keeps its unit (P2Q), as P1Q and PXQ do; a
        # fraction of one is written in months.
        amount = d.amount if d.amount == int(d.amount) else None
        return f"P{int(amount)}Q" if amount is not None else _assemble(_components(d.amount * 3, "M"))
    if unit == "S" and d.amount != int(d.amount):
        # No smaller unit to carry the fraction: ISO 8601 writes it as a decimal (PT9.58S).
        return f"PT{f'{d.amount:.6f}'.rstrip('0')}S"  # never in exponent form
    if unit == "CE":
        # A whole number of centuries keeps its unit (P2CE); a fraction of one is
        # written in years: "half a century" is P50Y, "a century and a half" P150Y.
        whole = d.amount == int(d.amount)
        return f"P{int(d.amount)}CE" if whole else _assemble(_components(d.amount * 100, "Y"))
    return _assemble(_components(d.amount, unit))


#: How a fraction of a unit is written in the next smaller unit.
_SPLIT = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "W": (7, "D"), "MIN": (60, "S"), "M": (30, "D")}


def _components(amount: float, unit: str) -> list[tuple[int, str]]:
    whole = int(amount)
    parts = [(whole, unit)] if whole else []
    rest = amount - whole
    if rest > 1e-9 and unit in _SPLIT:
        factor, smaller = _SPLIT[unit]
        parts.append((round(rest * factor), smaller))
    return parts or [(0, unit)]


def _assemble(parts: list[tuple[int, str]]) -> str:
    date_part = "".join(f"{n}{u}" for n, u in parts if u not in _TIME_UNITS)
    time_part = "".join(f"{n}{_UNIT_LETTER.get(u, u)}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "")
