"""Put a tagged meaning on the calendar against an anchor date, tense-aware.

``resolve`` takes a typed meaning (``timeline.temporal.partial``), the anchor to use
(the publication date or the previous resolved expression) and the tense of the clause,
and returns the TIMEX3 value, interval and a human-readable reason. The anchor is always
passed in; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.resource_files import calendar_words
from timeline.temporal.partial import Duration, FuzzyRef, Meaning, Partial, Recurrence, Shift
from timeline.temporal.resolution import Anchor, Resolution, unresolved
from timeline.temporal.shift import UNIT_NAMES, resolve_shift
from timeline.temporal.tense import NARRATIVE, PERFECT, Tense, settled_past
from timeline.temporal.values import (OffCalendar, Placed, calendar_date, format_duration, movable_feast,
                                      place)
from timeline.vocab import ABSOLUTE_ANCHOR, NO_ANCHOR, Granularity

def _from_placed(placed: Placed, anchor: str, reason: str, conf: float, p: Partial) -> Resolution:
    return Resolution(placed.value, placed.type, placed.start, placed.end,
                      placed.granularity, anchor, reason, conf, p)


def _choose(tense: Tense, direction: int | None) -> str:
    """How to pick among candidate periods: before, after, this, started, latest or nearest."""
    if tense.tense == "since" and direction is None:
        return "started"
    if direction == -1:
        return "before"
    if direction == 1:
        return "after"
    if direction == 0:
        return "this"
    if tense.tense == "future":
        return "next"
    if tense.tense == "past":
        return "latest"
    return "nearest"


def _weekday(p: Partial, anchor: Anchor, how: str) -> date:
    ref = anchor.day
    target, today = p.weekday, ref.isoweekday()  # ISO 8601, as everywhere: 1 = Monday
    back = (today - target) % 7
    ahead = (target - today) % 7
    if how == "before":
        return ref - timedelta(days=back or 7)
    if how == "after":
        return ref + timedelta(days=ahead or 7)
    if how == "this":
        return ref + timedelta(days=target - today)
    if how == "next":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)  # latest, and the news default for nearest


def _candidates(p: Partial, anchor: Anchor) -> list[Partial]:
    """The same partly known period in the anchor's year and the years around it."""
    if p.month is None and p.day is not None and p.quarter is None and p.season is None:
        out = []
        for shift in (-1, 0, 1):
            index = anchor.day.year * 12 + anchor.day.month - 1 + shift
            out.append(replace(p, year=index // 12, month=index % 12 + 1, bc=anchor.bc))
        return out
    years = [movable_feast(replace(p, year=anchor.day.year + k, bc=anchor.bc)) for k in (-1, 0, 1)]
    return [_nth_weekday(c) for c in years] if p.nth is not None and p.weekday is not None else years


def _nth_weekday(p: Partial) -> Partial:
    """Fix the day of "the 4th Thursday of November" once the year is known."""
    first = calendar_date(p.year, p.month, 1)
    if p.nth > 0:
        offset = (p.weekday - first.isoweekday()) % 7
        day = 1 + offset + 7 * (p.nth - 1)
    else:
        last = calendar.monthrange(p.year, p.month)[1]
        day = last - (calendar_date(p.year, p.month, last).isoweekday() - p.weekday) % 7
    if not p.days_after:
        return replace(p, day=day)
    # Black Friday, the day after Thanksgiving; Cyber Monday may fall in December.
    moved = calendar_date(p.year, p.month, day) + timedelta(days=p.days_after)
    return replace(p, month=moved.month, day=moved.day, weekday=moved.isoweekday())


def _story(options: list[tuple[Partial, Placed]], anchor: Anchor) -> tuple[Partial, Placed]:
    """The story's current year: that of the last date it named; once the story has
    named a month, the month or day nearest to it ("In January" after December 7, 1941
    is January 1942; "February" after May 1943 looks back to February 1943)."""
    if anchor.partial is not None and anchor.partial.month is not None and options[0][0].month is not None:
        ref = datetime.combine(anchor.day, datetime.min.time())
        return min(options, key=lambda o: _story_distance(o[1], ref))
    same = [o for o in options if o[0].year == anchor.day.year]
    return (same or options)[0]


def _pick(options: list[tuple[Partial, Placed]], ref: datetime, how: str,
          tense: Tense) -> tuple[Partial, Placed]:
    if how == "before":
        pool = [o for o in options if o[1].end <= ref] or options[:1]
        return pool[-1]
    if how == "after":
        pool = [o for o in options if o[1].start.date() > ref.date()] or options[-1:]
        return pool[0]
    if how == "next":
        # Future tense: a period already over is not meant ("will resume in December").
        pool = [o for o in options if o[1].end > ref] or options[-1:]
        return min(pool, key=lambda o: _weighted_distance(o[1], ref, tense))
    if how == "latest":
        # Past tense told by the event's own verb: one begun by the reference date.
        pool = [o for o in options if o[1].start <= ref] or options[:1]
        return min(pool, key=lambda o: _weighted_distance(o[1], ref, tense))
    if how == "started":
        # "since May": the latest one begun by the reference date, never a later one.
        pool = [o for o in options if o[1].start <= ref] or options[:1]
        return pool[-1]
    if how == "this":
        # The one under way if there is one ("this winter" in January), else this year's.
        current = [o for o in options if o[1].start <= ref < o[1].end]
        same_year = [o for o in options if o[0].year == ref.year]
        return (current or same_year or options)[0]

    return min(options, key=lambda o: _weighted_distance(o[1], ref, tense))


#: How much further a candidate that contradicts the clause's tense is taken to be.
#: Tense cues in news are noisy ("said" governs most sentences), so tense only tips
#: the balance: "payable Dec. 15" written in November is still this December.
TENSE_WEIGHT = 2.5


#: The weight, instead, of a date ahead when the past is told by the event's own verb
#: just before it ("the fiscal year ended Jan. 31", read in October, is last January):
#: a deadline up to two months or so ahead still wins ("extended to Nov. 20").
OWN_VERB_WEIGHT = 4.0


def _weighted_distance(placed: Placed, ref: datetime, tense: Tense) -> float:
    if placed.start <= ref < placed.end:
        return 0.0
    ahead = placed.start > ref
    gap = abs((placed.start if ahead else placed.end) - ref).total_seconds()
    if ahead and settled_past(tense):
        gap *= OWN_VERB_WEIGHT
    elif (ahead and tense.tense == "past") or (not ahead and tense.tense == "future"):
        gap *= TENSE_WEIGHT
    return gap


#: A story moves forward: a date behind its current date counts as this much further.
STORY_BACK_WEIGHT = 1.5


def _story_distance(placed: Placed, ref: datetime) -> float:
    if placed.start <= ref < placed.end:
        return 0.0
    if placed.start > ref:
        return (placed.start - ref).total_seconds()
    return (ref - placed.end).total_seconds() * STORY_BACK_WEIGHT


def _describe(how: str, tense: Tense, anchor: Anchor) -> str:
    cue = f" ({tense.tense} tense, '{tense.cue}')" if tense.cue else ""
    words = {"before": "the last one before", "after": "the next one after", "this": "the one in the period of",
             "latest": "the latest one on or before", "next": "the first one on or after",
             "nearest": "the one nearest to", "started": "the latest one begun by",
             "story": "the story's current year, that of"}
    if how == "nearest" and tense.tense in ("past", "future"):
        cue = f", leaning {tense.tense} ('{tense.cue}')"
    return f"{words[how]} {anchor.label} {anchor.day.isoformat()}{cue}"


def _time_of_day(p: Partial, anchor: Anchor | None, tense: Tense) -> Resolution:
    """A clock time or part of day with no date: it is on the anchor's day. Midnight
    told in the past of the publication date is the one that began that day, the end
    of the day before ("The fire started shortly after midnight")."""
    if anchor is None:
        return unresolved("TIME", "a time of day with no reference date for the day")
    day, how = anchor.day, "time of day on"
    if p.hour == 24 and anchor.partial is None and tense.tense == "past":
        day, how = day - timedelta(days=1), f"past tense ('{tense.cue}'): the midnight that began"
    full = replace(p, year=day.year, month=day.month, day=day.day, bc=anchor.bc)
    return _from_placed(place(full), anchor.label, f"{how} {anchor.label} {anchor.day.isoformat()}", 0.85, full)


def _resolve_weekday(p: Partial, anchor: Anchor, tense: Tense) -> Resolution:
    """A weekday (or "the weekend"): the tense of the clause picks the week."""
    how = _choose(tense, p.direction)
    if tense.tense == NARRATIVE.tense and how == "nearest":
        how = "next"  # a story moves forward: "On Sunday" after July 16 is July 20
    elif how == "nearest" and tense.tense == "present" and tense.near:
        how = "next"  # "Kickoff is at 8 p.m. on Sunday": a present "is" right before names what is ahead
    elif how == "nearest":
        how = "latest"  # news reports what happened: an untensed weekday is past
    confidence = 0.95 if p.direction is not None or tense.tense in ("past", "future") else 0.8
    if p.weekday is None:
        day = _weekday(replace(p, weekday=6), anchor, how)
        year, week, _ = day.isocalendar()
        full = replace(p, year=year, week=week, bc=anchor.bc)
        name = "weekend"
    else:
        day = _weekday(p, anchor, how)
        full = replace(p, year=day.year, month=day.month, day=day.day, bc=anchor.bc)
        name = calendar_words().weekday_names[p.weekday - 1].capitalize()
    return _from_placed(place(full), anchor.label, f"{name}: {_describe(how, tense, anchor)}", confidence, full)


def _resolve_year(p: Partial, anchor: Anchor, tense: Tense) -> Resolution:
    """A month, day, season or quarter without a year: pick the year around the anchor."""
    how = _choose(tense, p.direction)
    if tense.tense == NARRATIVE.tense and p.direction is None:
        # A story keeps its current year: "In September" after 1940 is 1940-09.
        how = "story"
    elif how != "started" and p.direction is None:
        # "the third quarter" is this year's, even when results are still due; "will
        # resume in December" is the next December not yet over. Days and other periods
        # take the nearest, weighed by tense in _weighted_distance: a future cue often
        # belongs to another clause ("will press for aid after the Aug. 7 blasts").
        if p.quarter is not None or p.half is not None:
            # With a future cue, the nearer of last year's and the next: "will report
            # fourth-quarter results" in January is the quarter just ended, "expects to
            # close in the first quarter" in December the one about to begin.
            how = "nearest" if tense.tense == "future" else "this"
        elif how == "latest" and (p.day is None or tense.opens) and settled_past(tense):
            pass  # "The film premiered in May", "On Nov. 5, voters rejected": already begun
        elif how != "next" or p.day is not None:
            how = "nearest"
    ref = datetime.combine(anchor.day, datetime.min.time())
    options = []
    for cand in _candidates(p, anchor):
        try:
            options.append((cand, place(cand)))
        except OffCalendar:  # 29 February in a year without one, or beyond year 9999
            continue
    if not options:
        around = f"{anchor.label} {anchor.day.isoformat()}"
        return unresolved("DATE", f"no calendar date fits around {around}")
    full, placed = (_story(options, anchor) if how == "story" else _pick(options, ref, how, tense))
    if how == "this" and placed.start > ref and tense.tense != "future" and p.direction is None:
        # "the fourth quarter" reported in January is the one just ended; in August it
        # is this year's, still ahead, unless the past tense pulls it back further.
        before = options[max(0, options.index((full, placed)) - 1)]
        if _weighted_distance(before[1], ref, tense) < _weighted_distance(placed, ref, tense):
            full, placed = before
    confidence = 0.95 if p.direction is not None else 0.85
    return _from_placed(placed, anchor.label, f"no year given: {_describe(how, tense, anchor)}", confidence, full)


def resolve_partial(p: Partial, anchor: Anchor | None, tense: Tense) -> Resolution:
    """Resolve a partly known date; an anchor is needed only when the year is missing."""
    if p.year is None and p.month is None and p.day is None and p.weekday is None:
        if p.hour is not None or p.part_of_day is not None:
            return _time_of_day(p, anchor, tense)
    if not p.needs_year:
        if p.year is None and p.decade is None and p.century is None:
            return unresolved("DATE", "nothing to place on the calendar")
        return _from_placed(place(p), ABSOLUTE_ANCHOR, "explicit date", 1.0, p)
    if anchor is None:
        return unresolved("DATE", "no year given and no reference date to infer it from")
    if p.month is None and p.day is None and (p.weekday is not None or p.weekend) and p.nth is None:
        return _resolve_weekday(p, anchor, tense)
    return _resolve_year(p, anchor, tense)


def resolve(meaning: Meaning, anchor: Anchor | None, tense: Tense) -> Resolution:
    """Resolve any meaning; shifts, partial dates and fuzzy references alike.

    A value with no place on the calendar ("Feb 29, 2023", "800 years later" past the
    year 9999) is unresolved, with the reason, never an exception.
    """
    try:
        return _resolve(meaning, anchor, tense)
    except (OffCalendar, OverflowError) as error:  # OverflowError: date arithmetic past 9999
        counted = f", counting from {anchor.label} {anchor.day.isoformat()}" if anchor else ""
        return unresolved("DATE", f"not on the calendar: {error}{counted}")


def _resolve(meaning: Meaning, anchor: Anchor | None, tense: Tense) -> Resolution:
    if isinstance(meaning, Partial):
        return resolve_partial(meaning, anchor, tense)
    if isinstance(meaning, Shift):
        return resolve_shift(meaning, anchor)
    if isinstance(meaning, Duration):
        approx = " (approximate)" if meaning.approx else ""
        amount = "an unknown number of" if meaning.amount is None else f"{meaning.amount:g}"
        unit = UNIT_NAMES.get(meaning.unit, meaning.unit)
        return Resolution(format_duration(meaning), "DURATION", None, None, Granularity.NONE, NO_ANCHOR,
                          f"duration of {amount} {unit}(s){approx}", 0.8 if meaning.approx else 0.9)
    if isinstance(meaning, FuzzyRef):
        if meaning.unit is not None and tense is PERFECT:  # "have risen in recent years"
            return Resolution(format_duration(Duration(None, meaning.unit)), "DURATION", None, None,
                              Granularity.NONE, NO_ANCHOR, "a stretch of time up to now, in the present perfect", 0.7)
        return Resolution(meaning.value, "DATE", None, None, Granularity.NONE, NO_ANCHOR,
                          f"vague reference to the {meaning.value.split('_')[0].lower()}", 0.8)
    if isinstance(meaning, Recurrence):
        return Resolution(meaning.value, "SET", None, None, Granularity.NONE, NO_ANCHOR,
                          "recurring time", 0.85)
    raise TypeError(f"cannot resolve {meaning!r}")
