"""An event's date written at the precision it is known to, for people and for tools.

``2023-01-17`` for a day, ``2023-01`` for a month, ``2023`` for a year: a date is never
written finer than its ``granularity`` (a day-precision event has no 00:00). The
TimelineJS exporter asks for the same thing as parts (year, month, day, hour).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.vocab import Granularity

if TYPE_CHECKING:
    import pandas as pd

#: How each granularity is shown: a ``strftime`` pattern applied to the start of the
#: interval (``{quarter}`` is filled in separately).
_SHOWN: dict[str, str] = {
    Granularity.HOUR: "%Y-%m-%d %H:%M",
    Granularity.DAY: "%Y-%m-%d",
    Granularity.WEEK: "week of %Y-%m-%d",
    Granularity.MONTH: "%Y-%m",
    Granularity.QUARTER: "%Y-%m to {last}",
    Granularity.SEASON: "%Y-%m to {last}",
    Granularity.YEAR: "%Y",
    Granularity.DECADE: "%Ys",
    Granularity.PUBLISHED: "%Y-%m-%d (published)",
}
#: Shown for an event without a date.
UNDATED = "undated"

#: The date parts each granularity knows, coarsest first (TimelineJS's date object).
PARTS: dict[str, tuple[str, ...]] = {
    Granularity.HOUR: ("year", "month", "day", "hour", "minute"),
    Granularity.DAY: ("year", "month", "day"),
    Granularity.WEEK: ("year", "month", "day"),
    Granularity.MONTH: ("year", "month"),
    Granularity.QUARTER: ("year", "month"),
    Granularity.SEASON: ("year", "month"),
    Granularity.YEAR: ("year",),
    Granularity.DECADE: ("year",),
    Granularity.PUBLISHED: ("year", "month", "day"),
}


def known_granularity(value: object) -> str:
    """``value`` as a granularity word, or ``none`` for a missing or unknown one."""
    text = "" if value is None or value != value else str(value)
    return text if text in PARTS else Granularity.NONE.value


def date_at_precision(start: pd.Timestamp, end: pd.Timestamp, granularity: object) -> str:
    """The interval ``[start, end)`` written at ``granularity``: ``2023-01``, ``2023``..."""
    import pandas as pd

    word = known_granularity(granularity)
    if word == Granularity.NONE or pd.isna(start):
        return UNDATED
    pattern = _SHOWN[word]
    if "{last}" in pattern:
        last = (end - pd.Timedelta(days=1)) if not pd.isna(end) else start
        pattern = pattern.replace("{last}", last.strftime("%Y-%m"))
    if word == Granularity.DECADE:
        return f"{start.year - start.year % 10}s"
    return start.strftime(pattern)


def date_parts(moment: pd.Timestamp, granularity: object) -> dict[str, int]:
    """The parts of ``moment`` that ``granularity`` knows: ``{"year": 2023, "month": 1}``."""
    word = known_granularity(granularity)
    return {part: int(getattr(moment, part)) for part in PARTS.get(word, ())}


def spans_several_units(granularity: object) -> bool:
    """True when an interval of ``granularity`` is wider than the finest part it shows
    (a week shown as days, a quarter as months): it then needs an end date too."""
    return known_granularity(granularity) in (
        Granularity.WEEK, Granularity.QUARTER, Granularity.SEASON, Granularity.DECADE)
