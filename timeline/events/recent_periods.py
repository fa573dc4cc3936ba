"""A daily or weekly report's period counted back from its publication date ("Two
KIA, two WIA in past 24 hours": the day before), as UCDP and ACLED code such reports."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.model import TimeExpression
from timeline.vocab import PUBLISHED_ANCHOR, Granularity


@dataclass(frozen=True)
class RecentPeriod:
    """A report's period counted back from its publication date: "in past 24 hours" is
    the day before (``first`` = ``last`` = -1), "over past week" the seven days up to
    the publication (-6 .. 0), as UCDP and ACLED code such reports."""

    pattern: re.Pattern[str]
    first: int
    last: int


@functools.cache  # asked for each undated clause; the lexicon's words never change
def recent_period(prepositions: frozenset[str], periods: frozenset[str], first: int,
                  last: int) -> RecentPeriod:
    """"in past 24 hours", "over the past week": a preposition, an optional "the", a
    period (alternatives of fixed words, so matching stays linear); not a possessive
    ("in last week's attack" names the attack, not the report's period)."""
    def words(phrase: str) -> str:
        return r"\s+".join(map(re.escape, phrase.split()))

    preps = "|".join(sorted(map(words, prepositions), key=len, reverse=True))
    spans = "|".join(sorted(map(words, periods), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{preps})\s+(?:the\s+)?(?:{spans})\b(?![-'’])", re.IGNORECASE)
    return RecentPeriod(pattern, first, last)


def recent_time(text: str, start: int, end: int, reference: date,
                period: RecentPeriod) -> TimeExpression | None:
    """The period ``text[start:end]`` (a sentence) reports, counted back from
    ``reference`` ("two soldiers killed in past 24 hours": the day before), or None."""
    match = period.pattern.search(text, start, end)
    if match is None:
        return None
    try:
        day = datetime(reference.year, reference.month, reference.day)
        first, after = day + timedelta(days=period.first), day + timedelta(days=period.last + 1)
    except OverflowError:  # the calendar's first or last days
        return None
    days = period.last - period.first + 1
    one_day = days == 1
    return TimeExpression(
        text=match.group(), start_char=match.start(), end_char=match.end(),
        type="DATE" if one_day else "DURATION",
        value=first.date().isoformat() if one_day else f"P{days}D", start=first, end=after,
        granularity=Granularity.DAY if one_day else Granularity.WEEK,
        anchor=PUBLISHED_ANCHOR, rule="recent-period", confidence=0.8,
        reason=f"a report's period ({match.group()!r}) counted back from the publication "
               f"date: {first.date()} to {(after - timedelta(days=1)).date()}",
    )
