"""Put a tagged meaning on the calendar against an anchor date, tense-aware.

``resolve`` takes a typed meaning (``timeline.temporal.partial``), the anchor to use
(the publication date or the previous resolved expression) and the tense of the clause,
and returns the TIMEX3 value, interval and a human-readable reason. The anchor is always
passed in; nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.temporal.partial import Duration, FuzzyRef, Meaning, Partial, Recurrence, Shift
from timeline.temporal.resolution import Anchor, Resolution, unresolved
from timeline.temporal.shift import UNIT_NAMES, resolve_shift
from timeline.temporal.tense import Tense
from timeline.temporal.values import Placed, format_duration, place

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _from_placed(placed: Placed, anchor: str, reason: str, conf: float, p: Partial) -> Resolution:
    return Resolution(placed.value, placed.type, placed.start, placed.end,
                      placed.granularity, anchor, reason, conf, p)


def _choose(tense: Tense, direction: int | None) -> str:
    """How to pick among candidate periods: before, after, this, latest or nearest."""
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
    target = p.weekday - 1  # Partial weekdays are ISO (1 = Monday)
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if how == "before":
        return ref - timedelta(days=back or 7)
    if how == "after":
        return ref + timedelta(days=ahead or 7)
    if how == "this":
        return ref - timedelta(days=ref.weekday()) + timedelta(days=target)
    if how == "next":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)  # latest, and the news default for nearest


def _candidates(p: Partial, anchor: Anchor) -> list[Partial]:
    """The same partly known period in the anchor's year and the years around it."""
    if p.month is None and p.day is not None and p.quarter is None and p.season is None:
        out = []
        for shift in (-1, 0, 1):
            index = anchor.day.year * 12 + anchor.day.month - 1 + shift
            out.append(replace(p, year=index // 12, month=index % 12 + 1))
        return out
    return [replace(p, year=anchor.day.year + k) for k in (-1, 0, 1)]


def _pick(options: list[tuple[Partial, Placed]], ref: datetime, how: str) -> tuple[Partial, Placed]:
    day_end = ref + timedelta(days=1)
    if how == "before":
        pool = [o for o in options if o[1].end <= ref] or options[:1]
        return pool[-1]
    if how == "after":
        pool = [o for o in options if o[1].start >= day_end] or options[-1:]
        return pool[0]
    if how == "this":
        return options[1]
    if how == "latest":
        pool = [o for o in options if o[1].start < day_end] or options[:1]
        return pool[-1]
    if how == "next":
        pool = [o for o in options if o[1].end > ref] or options[-1:]
        return pool[0]

    def distance(o: tuple[Partial, Placed]) -> float:
        if o[1].start <= ref < o[1].end:
            return 0.0
        return min(abs((o[1].start - ref).total_seconds()), abs((o[1].end - ref).total_seconds()))

    return min(options, key=distance)


def _describe(how: str, tense: Tense, anchor: Anchor) -> str:
    cue = f" ({tense.tense} tense, '{tense.cue}')" if tense.cue else ""
    words = {"before": "the last one before", "after": "the next one after", "this": "the one in the period of",
             "latest": "the latest one on or before", "next": "the first one on or after",
             "nearest": "the one nearest to"}
    return f"{words[how]} {anchor.label} {anchor.day.isoformat()}{cue}"


def _time_of_day(p: Partial, anchor: Anchor | None) -> Resolution:
    """A clock time or part of day with no date: it is on the anchor's day."""
    if anchor is None:
        return unresolved("TIME", "a time of day with no reference date for the day")
    day = anchor.day
    full = replace(p, year=day.year, month=day.month, day=day.day)
    return _from_placed(place(full), anchor.label, f"time of day on {anchor.label} {day.isoformat()}", 0.85, full)


def resolve_partial(p: Partial, anchor: Anchor | None, tense: Tense) -> Resolution:
    """Resolve a partly known date; an anchor is needed only when the year is missing."""
    if p.year is None and p.month is None and p.day is None and p.weekday is None:
        if p.hour is not None or p.part_of_day is not None:
            return _time_of_day(p, anchor)
    if not p.needs_year:
        if p.year is None and p.decade is None and p.century is None:
            return unresolved("DATE", "nothing to place on the calendar")
        return _from_placed(place(p), "absolute", "explicit date", 1.0, p)
    if anchor is None:
        return unresolved("DATE", "no year given and no reference date to infer it from")
    how = _choose(tense, p.direction)
    if p.direction is None and (p.quarter is not None or p.half is not None):
        how = "this"  # "the third quarter" is this year's, even when results are still due
    elif p.direction is None and p.day is not None:
        how = "nearest"  # a dated deadline or event is as often ahead as behind
    guessed = 0.95 if p.direction is not None or tense.tense in ("past", "future") else 0.8
    if p.weekend and p.week is None:
        day = _weekday(replace(p, weekday=6), anchor, how)
        year, week, _ = day.isocalendar()
        full = replace(p, year=year, week=week)
        return _from_placed(place(full), anchor.label, f"weekend: {_describe(how, tense, anchor)}", guessed, full)
    if p.weekday is not None and p.month is None and p.day is None:
        if tense.tense == "narrative" and how == "nearest":
            how = "next"  # a story moves forward: "On Sunday" after July 16 is July 20
        day = _weekday(p, anchor, how)
        full = replace(p, year=day.year, month=day.month, day=day.day)
        name = WEEKDAYS[p.weekday - 1]
        return _from_placed(place(full), anchor.label, f"{name}: {_describe(how, tense, anchor)}", guessed, full)
    ref = datetime.combine(anchor.day, datetime.min.time())
    options = []
    for cand in _candidates(p, anchor):
        try:
            options.append((cand, place(cand)))
        except ValueError:  # 29 February in a year without one
            continue
    if not options:
        return unresolved("DATE", "no calendar date fits")
    full, placed = _pick(options, ref, how)
    return _from_placed(placed, anchor.label, f"no year given: {_describe(how, tense, anchor)}", guessed, full)


def resolve(meaning: Meaning, anchor: Anchor | None, tense: Tense) -> Resolution:
    """Resolve any meaning; shifts, partial dates and fuzzy references alike."""
    if isinstance(meaning, Partial):
        return resolve_partial(meaning, anchor, tense)
    if isinstance(meaning, Shift):
        return resolve_shift(meaning, anchor)
    if isinstance(meaning, Duration):
        approx = " (approximate)" if meaning.approx else ""
        amount = "an unknown number of" if meaning.amount is None else f"{meaning.amount:g}"
        unit = UNIT_NAMES.get(meaning.unit, meaning.unit)
        return Resolution(format_duration(meaning), "DURATION", None, None, "none", "none",
                          f"duration of {amount} {unit}(s){approx}", 0.8 if meaning.approx else 0.9)
    if isinstance(meaning, FuzzyRef):
        return Resolution(meaning.value, "DATE", None, None, "none", "none",
                          f"vague reference to the {meaning.value.split('_')[0].lower()}", 0.8)
    if isinstance(meaning, Recurrence):
        return Resolution(meaning.value, "SET", None, None, "none", "none", "recurring time", 0.85)
    raise TypeError(f"cannot resolve {meaning!r}")
