"""What a financial report is about, for "a year earlier" to count from.

An earnings report names its quarter ("the third quarter") and then the months of the
year so far ("For the nine months, ..."); "a year ago" in it compares with the same
period of the year before.
"""

from __future__ import annotations

from datetime import date

from timeline.temporal.partial import Duration, Partial
from timeline.temporal.resolution import Anchor, Resolution
from timeline.vocab import Granularity

#: How long after a quarter ends its results are still the news, in days.
REPORT_DAYS = 92


def is_focus(res: Resolution, reference: Anchor | None) -> bool:
    """A quarter or half of the reference year, or the one ended in the quarter before
    the reference date ("the fourth quarter of 2005" reported in January 2006): what a
    financial report is about."""
    if res.granularity != Granularity.QUARTER or res.partial is None:
        return False
    if reference is None or res.partial.year == reference.day.year:
        return True
    return res.end is not None and 0 <= (reference.day - res.end.date()).days < REPORT_DAYS


def months_to_date(text: str, meaning: object, focus: Anchor | None) -> Anchor | None:
    """The year of the report's period after "For the nine months" (``text``): "a year
    earlier" then compares with those months of the year before, known only as that
    year. None for twelve months or more, or with no period or reference date to take
    the year from."""
    if focus is None or not isinstance(meaning, Duration) or meaning.amount is None \
            or not 1 < meaning.amount < 12:
        return None
    year = focus.partial.year if focus.partial is not None and focus.partial.year is not None \
        else focus.day.year
    return Anchor(date(year, 1, 1), f"previous expression '{text}'", Partial(year=year))
