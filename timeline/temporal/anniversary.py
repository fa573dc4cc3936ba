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
from datetime import date, datetime, timedelta
from functools import cache

from timeline.model import TimeExpression
from timeline.temporal.anchored import load_rules, ordinal_value, placeholders
from timeline.vocab import ABSOLUTE_ANCHOR, Granularity

#: How far after the phrase its date may come, within the sentence (characters).
REACH = 160
RULE = "anniversary.of_date"
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


@cache
def _phrase() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?P<span>the\s+" + placeholders()["ordinal"] + r"\s+anniversary)"
                      r"\s+of(?!\w)", re.IGNORECASE)


def _years_later(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year: the day before, 28 February
        try:
            return (day - timedelta(days=1)).replace(year=day.year + years)
        except ValueError:
            return None  # beyond the calendar


def date_anniversaries(text: str, found: Sequence[TimeExpression]) -> list[TimeExpression]:
    """An expression for each "the Nth anniversary of" followed, in its sentence, by an
    explicit date (``found`` sorted by start)."""
    days = [e for e in found if e.anchor == ABSOLUTE_ANCHOR and e.granularity == Granularity.DAY and e.start]
    starts = [e.start_char for e in days]
    out = []
    for match in _phrase().finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if i == len(days) or days[i].start_char - match.end() > REACH:
            continue
        if _SENTENCE_END.search(text, match.end(), days[i].start_char):
            continue
        given = days[i]
        n = ordinal_value(match["ordinal"])
        day = _years_later(given.start.date(), n)  # type: ignore[union-attr]
        if day is None:
            continue
        start = datetime(day.year, day.month, day.day)
        out.append(TimeExpression(
            text=match["span"], start_char=match.start("span"), end_char=match.end("span"),
            type="DATE", value=day.isoformat(), start=start, end=start + timedelta(days=1),
            granularity=Granularity.DAY, anchor=f"anniversary of '{given.text}'", rule=RULE,
            confidence=0.85, reason=f"{n} year(s) after {given.text!r} ({given.value})"))
    return out


_MARK = re.compile(r"= (\d{4}-\d{2}-\d{2})(?:;|$)")
_START = re.compile(r"year \d+ of the event runs (\d{4}-\d{2}-\d{2})\.\.[^;]*; '([^']+)'")


def exact_mark(expr: TimeExpression) -> date | None:
    """The one day a whole-year count lands on, when the value is coarser than that day.

    "two years since the invasion" is given as a month (2024-02) but marks 2024-02-24;
    "as the war entered its third year" marks the day year 3 began. None otherwise. Read
    from the reason this module writes (``_offset`` and ``_nth_unit``).
    """
    if expr.granularity == Granularity.DAY or not expr.reason:
        return None
    found = _MARK.search(expr.reason)
    if found and (" year(s)" in expr.reason or " decade(s)" in expr.reason):
        return date.fromisoformat(found.group(1))
    started = _START.search(expr.reason)
    if started and load_rules().modes.get(" ".join(started.group(2).lower().split())) == "start":
        return date.fromisoformat(started.group(1))
    return None
