"""Anniversaries: of a date the text gives, and the day a whole-year count marks.

"the 74th anniversary of ... April 4, 1949": the anniversary phrase names its own day,
the date plus N years (2023-04-04), which is what dates the clause around it; the
explicit date keeps its own value. Anniversaries of a known event ("the first
anniversary of the invasion") are ``anchored.py``'s; ``exact_mark`` gives the day that
one of its whole-year counts ("two years since the invasion") lands on.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from timeline.model import TimeExpression
from timeline.temporal.anchored import load_rules, ordinal_value, placeholders
from timeline.vocab import ABSOLUTE_ANCHOR, Granularity

#: How far after the phrase its date may come, within the sentence (characters).
REACH = 160
RULE = "anniversary.of_date"
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


#: The words each phrase cannot match without, as a pattern searched before the phrase's
#: own scan: most texts have none, and the scan tries every number word at every position.
_NEEDED: dict[re.Pattern[str], re.Pattern[str]] = {}


@cache
def _phrase() -> re.Pattern[str]:
    phrase = re.compile(r"(?<!\w)(?P<span>the\s+" + placeholders()["ordinal"] + r"\s+anniversary)"
                        r"\s+of(?!\w)", re.IGNORECASE)
    _NEEDED[phrase] = re.compile(r"anniversary\s+of", re.IGNORECASE)
    return phrase


@cache
def years_after_phrase() -> re.Pattern[str]:
    """"78 years after (the defeat of Nazi Germany in 1945)", "ten years since": a
    count of whole years from a date the sentence gives."""
    phrase = re.compile(r"(?<!\w)(?P<span>" + placeholders()["number"] + r"\s+years?\s+"
                        r"(?:after|since))(?!\w)", re.IGNORECASE)
    _NEEDED[phrase] = re.compile(r"years?\s+(?:after|since)", re.IGNORECASE)
    return phrase


def _count(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("ordinal"):
        return ordinal_value(groups["ordinal"])
    from timeline.temporal.anchored import _number

    return _number(groups["number"], load_rules())


def _years_later(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year: the day before, 28 February
        try:
            return (day - timedelta(days=1)).replace(year=day.year + years)
        except ValueError:
            return None  # beyond the calendar


@dataclass(frozen=True)
class DateAnniversary:
    """"the 74th anniversary of ... April 4, 1949": the phrase's span, N, the date it
    counts from (its index among the dates given) and the day it names."""

    start: int
    end: int
    n: int
    index: int
    day: date


def anniversaries_of(text: str, dates: Sequence[tuple[int, date]],
                     phrase: re.Pattern[str] | None = None) -> list[DateAnniversary]:
    """Each "the Nth anniversary of" (or ``phrase``, such as ``years_after_phrase``)
    followed, in its sentence and within ``REACH`` characters, by one of ``dates``
    ((start offset, day), sorted by offset)."""
    phrase = phrase or _phrase()
    needed = _NEEDED.get(phrase)
    if not dates or (needed is not None and not needed.search(text)):
        return []
    starts = [at for at, _ in dates]
    out = []
    for match in phrase.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if i == len(dates) or starts[i] - match.end() > REACH:
            continue
        if _SENTENCE_END.search(text, match.end(), starts[i]):
            continue
        n = _count(match)
        day = _years_later(dates[i][1], n)
        if day is not None:
            out.append(DateAnniversary(match.start("span"), match.end("span"), n, i, day))
    return out


def date_anniversaries(text: str, found: Sequence[TimeExpression]) -> list[TimeExpression]:
    """An expression for each "the Nth anniversary of" followed, in its sentence, by an
    explicit date (``found`` sorted by start)."""
    days = [e for e in found if e.anchor == ABSOLUTE_ANCHOR and e.granularity == Granularity.DAY and e.start]
    out = []
    for mark in anniversaries_of(text, [(e.start_char, e.start.date()) for e in days]):  # type: ignore[union-attr]
        given, day = days[mark.index], mark.day
        start = datetime(day.year, day.month, day.day)
        out.append(TimeExpression(
            text=text[mark.start:mark.end], start_char=mark.start, end_char=mark.end,
            type="DATE", value=day.isoformat(), start=start, end=start + timedelta(days=1),
            granularity=Granularity.DAY, anchor=f"anniversary of '{given.text}'", rule=RULE,
            confidence=0.85, reason=f"{mark.n} year(s) after {given.text!r} ({given.value})"))
    return out


#: Units whose whole counts mark one day of the year: "two years since the invasion".
_WHOLE_YEAR_UNITS = frozenset({"year", "decade"})


def exact_mark(expr: TimeExpression) -> date | None:
    """The one day a whole-year count lands on, when the value is coarser than that day.

    "two years since the invasion" is given as a month (2024-02) but marks 2024-02-24;
    "as the war entered its third year" marks the day year 3 began. None otherwise, and
    for a hedged count ("more than two years after": see ``hedged_span``).
    """
    mark = expr.mark
    if expr.granularity == Granularity.DAY or mark is None or mark.side != "exact":
        return None
    return mark.day if mark.unit in _WHOLE_YEAR_UNITS else None


def hedged_span(expr: TimeExpression) -> tuple[date, date] | None:
    """The days a hedged count allows (end exclusive), or None when it is not one.

    "nearly five months into the war" (mark 2024-03-07) is the month before the mark,
    "more than two years after the invasion" (2024-02-24) the year after it, "about a
    year after" a unit either side: not the period the hedged point falls in, which
    puts "nearly five months" (written on 29 February) in March.
    """
    from timeline.temporal.anchored import _STEP

    mark = expr.mark
    if mark is None or mark.side == "exact" or mark.unit not in _STEP:
        return None
    step = _STEP[mark.unit]
    try:
        first = mark.day - step if mark.side != "after" else mark.day + timedelta(days=1)
        end = mark.day + step + timedelta(days=1) if mark.side != "before" else mark.day
    except (OverflowError, ValueError):
        return None
    return first, end
