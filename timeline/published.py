"""Parse a user-supplied publication date into a pandas Timestamp.

The clock is never read: a publication date must name its day, month and year.
Relative words ("yesterday", "today", "now", "2 days ago", "next Monday") and dates
with a part missing ("Jan 19", "10:30") would be completed from the machine's clock
by pandas or dateparser, so they are refused with a message asking for a date.
"""

from __future__ import annotations

import re
from calendar import month_name
from datetime import date, datetime

import pandas as pd

#: An ISO 8601 calendar date, optionally with a time: the only strings pandas parses.
_ISO_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ]\S.*)?")
#: A date written in numbers only, day and month in either order, at the start of the
#: value: "03/04/2023", "24.02.2024 10:00", "4-3-23".
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
#: A two-digit year is this century's below it, else the last century's.
TWO_DIGIT_PIVOT = 70
#: Handed to dateparser so that nothing it fills in could come from the clock; strict
#: parsing then refuses any string that does not give day, month and year itself.
_NO_CLOCK = datetime(2000, 1, 1)
ASK_FOR_A_DATE = ("give a date with day, month and year, such as 2023-01-19 (relative "
                  "words such as 'today' are not resolved: the clock is never read)")


def parse_published(value: object) -> pd.Timestamp | None:
    """Return ``value`` as a timezone-naive Timestamp, or None when it is None.

    A time with a UTC offset keeps its own clock time (the offset is dropped, not
    applied), so the day is the day where the article was written.

    Accepts a str (ISO 8601 or a common written form with day, month and year), date,
    datetime or Timestamp. Raises ``ValueError`` naming the value when it cannot be
    parsed, or when it is relative to the present ("yesterday", "now").
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        stamp = value
    elif isinstance(value, (datetime, date)):
        stamp = pd.Timestamp(value)
    elif isinstance(value, str):
        stamp = _parse_string(value)
    else:
        raise ValueError(f"cannot parse published date {value!r}: expected str, date or datetime")
    if pd.isna(stamp):
        raise ValueError(f"cannot parse published date {value!r}")
    if stamp.tzinfo is not None:
        # The writer's own clock time, not UTC: the days an article counts from
        # ("today", "on Thursday") are those where it was written, and an evening
        # stamp west of Greenwich (23:30-05:00) is the next day in UTC.
        stamp = stamp.tz_localize(None)
    return stamp


def _parse_string(value: str) -> pd.Timestamp:
    text = value.strip()
    if not text:
        raise ValueError(f"cannot parse published date {value!r}: it is empty")
    # pandas reads "now", "today" and a bare time against the clock: ISO dates only.
    if _ISO_DATE.fullmatch(text):
        try:
            return pd.Timestamp(text)
        except (ValueError, OverflowError):
            pass
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        # Day and month settled here, the rest (a time, a zone) read as after an ISO date.
        year, month, day = _numeric_date(value, *numeric.groups())
        return _parse_string(f"{year:04d}-{month:02d}-{day:02d}{text[numeric.end():]}")
    import dateparser  # slow to import; only needed for written-out dates

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False,
                   "PARSERS": ["absolute-time"], "RELATIVE_BASE": _NO_CLOCK},
    )
    if parsed is None:
        raise ValueError(f"cannot parse published date {value!r}: {ASK_FOR_A_DATE}")
    return pd.Timestamp(parsed)


def _numeric_date(value: str, first: str, separator: str, second: str,
                  year: str) -> tuple[int, int, int]:
    """(year, month, day) of a date in numbers only. Dotted, it is day first, as
    everywhere that writes it so ("24.02.2024"); with a slash or hyphen it is day first
    or month first by region, so it is read only when one of its numbers cannot be a
    month, and refused otherwise."""
    one, two = int(first), int(second)
    full = int(year) if len(year) == 4 else (
        2000 + int(year) if int(year) < TWO_DIGIT_PIVOT else 1900 + int(year))
    if not (1 <= one <= 31 and 1 <= two <= 31) or min(one, two) > 12:
        raise ValueError(f"cannot parse published date {value!r}: {first}{separator}{second} "
                         "is no day and month")
    if separator == "." or one > 12:
        day, month = one, two
    elif two > 12 or one == two:
        month, day = one, two
    else:
        raise ValueError(
            f"cannot parse published date {value!r}: it is {one} {month_name[two]} or "
            f"{two} {month_name[one]}, by where it was written; give it as "
            f"{full}-{two:02d}-{one:02d} or {full}-{one:02d}-{two:02d}")
    try:
        date(full, month, day)
    except ValueError as error:
        raise ValueError(f"cannot parse published date {value!r}: {error}") from None
    return full, month, day
