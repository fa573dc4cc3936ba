"""Infer when an article was written by weighing the evidence in its own text.

A reader dates an undated story from hints: the dateline ("KYIV, Jan 19 (Reuters) -"),
a timestamp line, dates in the body with the tense of their clause (a past-tense full
date is usually a day or two before publication), weekdays ("said on Wednesday"),
event-anchored phrases ("day 300 of the war", "the first anniversary of the
earthquake") and known editions of recurring events ("speaking at Davos").
``timeline.temporal.reference_cues`` reads those cues; each gives a likelihood over
candidate days (``timeline.temporal.reference_model``, with lags fitted on the
development corpora), and their tempered product is the probability of each day.

The answer is the most likely day, the shortest interval holding the true day with the
stated probability (90%), the TIMEX3 value at the granularity that interval supports,
its probability as the confidence, and every cue with its weight. Boilerplate
(headline lists and the like) is cut off first. The clock is never read: with no dated
evidence the value is empty and the evidence says so.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from timeline.model import ReferenceDate
from timeline.temporal.knowledge import resolve_events
from timeline.temporal.reference_counts import caption_cues, date_anniversary_cues, notice_cues
from timeline.temporal.reference_cues import (
    RESOURCE, Cue, dateline_cues, deictic_cues, event_cues, load_cues, tagged_cues, this_week_cues,
)
from timeline.text.boilerplate import split_trailing
from timeline.vocab import Granularity, ReferenceSource

__all__ = ["RESOURCE", "infer_reference_date", "load_cues", "low_confidence", "reference_day",
           "timex_value"]

#: The stated probability of the interval returned.
LEVEL = 0.9
NO_EVIDENCE = "no dated evidence (dateline, date, or anchored phrase) in the text"


def _later(day: date, days: int) -> date:
    """``day`` plus ``days``, stopping at the last day of the calendar."""
    return date.fromordinal(min(day.toordinal() + days, date.max.toordinal()))


def _period(day: date, unit: Granularity | int) -> tuple[date, date, str]:
    """The period holding ``day`` (first day, last day, TIMEX3 value): a day, an ISO
    week or a month, or a run of ``unit`` years (1, 10 or 100)."""
    if unit == Granularity.DAY:
        return day, day, day.isoformat()
    if unit == Granularity.WEEK:
        first = day - timedelta(day.isoweekday() - 1) if day.toordinal() > 7 else date.min
        year, week, _ = day.isocalendar()
        return first, _later(first, 6), f"{year:04d}-W{week:02d}"
    if unit == Granularity.MONTH:
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return day.replace(day=1), last, f"{day.year:04d}-{day.month:02d}"
    size = int(unit)
    start = max(1, day.year // size * size)
    digits = {1: 4, 10: 3, 100: 2}[size]
    return date(start, 1, 1), date(min(9999, start + size - 1), 12, 31), f"{day.year:04d}"[:digits]


#: The periods a value may name, finest first: day, week, month, year, decade, century.
UNITS: tuple[Granularity | int, ...] = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH,
                                        1, 10, 100)


def timex_value(first: date, last: date, best: date | None = None) -> tuple[str, date, date]:
    """The finest TIMEX3 period holding ``first..last`` (the one around ``best``).

    Returns the value and the period's first and last days; ``""`` when even a century
    is too short.
    """
    best = first if best is None else best
    for unit in UNITS:
        start, end, value = _period(best, unit)
        if start <= first and last <= end:
            return value, start, end
    return "", first, last


def low_confidence(ref: ReferenceDate) -> str | None:
    """Why an inferred date is too vague to trust, or None: its value is less likely
    than ``low_confidence_below`` or its interval wider than ``low_confidence_days``."""
    if ref.start is None or ref.end is None:
        return None
    windows = load_cues().windows
    days = (ref.end - ref.start).days
    if days > windows["low_confidence_days"]:
        return f"{ref.probability:.0%} interval {ref.start.date()}..{(ref.end - timedelta(1)).date()}"
    if ref.confidence * 100 < windows["low_confidence_below_percent"]:
        return f"probability {ref.confidence:.2f}"
    return None


def _no_answer(notes: Sequence[str], cues: Sequence[Cue],
               reason: str = NO_EVIDENCE) -> ReferenceDate:
    evidence = (*notes, *(c.description for c in cues), reason)
    return ReferenceDate("", None, None, evidence, 0.0, ReferenceSource.INFERRED,
                         cues=tuple((c.description, 0.0) for c in cues))


#: Kinds of cue naming a month (and day) but no year ("KYIV, March 14 (Reuters) -").
YEARLESS = frozenset({"dateline_md", "month_day", "month_only"})


def _why_none(cues: Sequence[Cue]) -> str:
    """Why ``cues`` date nothing: none at all, or only dates without a year."""
    yearless = [c.description for c in cues if c.kind in YEARLESS]
    if not yearless:
        return NO_EVIDENCE
    return (f"only dates without a year ({yearless[0]}); give the publication date "
            "(published=..., --published)")


def weigh(cues: Sequence[Cue], notes: Sequence[str] = (), level: float = LEVEL) -> ReferenceDate:
    """The most likely writing day, its ``level`` interval and value, from ``cues``."""
    from timeline.temporal.reference_model import estimate as model_estimate

    est = model_estimate(cues)
    if est is None:
        return _no_answer(notes, cues, _why_none(cues))
    first, last = (date.fromordinal(o) for o in est.interval(level))
    if last == date.max:  # its end (exclusive) would be off the calendar
        return _no_answer(notes, cues, f"no day on the calendar: the {level:.0%} interval "
                          f"{first}..{last} would end after {date.max}")
    most = date.fromordinal(est.most_likely)
    value, p_first, p_last = timex_value(first, last, most)
    if not value:  # the interval crosses a century's end: the most likely day's century
        p_first, p_last, value = _period(most, UNITS[-1])
    confidence = round(est.mass(p_first.toordinal(), p_last.toordinal()), 2)
    weighed = tuple(zip((c.description for c in cues), est.weights()))
    evidence = (*notes, *(f"{d} (weight {w:+.2f})" for d, w in weighed),
                f"most likely {most}; {level:.0%} interval {first}..{last}")
    return ReferenceDate(
        value, _midnight(first), _midnight(_later(last, 1)), evidence, confidence,
        ReferenceSource.INFERRED,
        most_likely=_midnight(most), probability=level, cues=weighed,
    )


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def find_cues(body: str, events: Any = None, candidates: Sequence[Any] | None = None) -> list[Cue]:
    """Every cue in ``body`` (boilerplate already removed); ``candidates`` is
    ``tag(body)`` when the caller has it (the dateline's dates are then skipped)."""
    from timeline.temporal.tag import tag
    from timeline.temporal.tenures import tenure_cues

    config = load_cues()
    limit = config.windows["max_cues_per_kind"]
    datelines, blanked = dateline_cues(body, config)
    if candidates is None:
        candidates = tag(blanked)
    else:  # a date inside the dateline is the dateline's, not another cue
        candidates = [c for c in candidates if not blanked[c.start:c.end].isspace()]
    candidates = list(candidates)
    marks, counted = date_anniversary_cues(blanked, candidates)
    tagged = tagged_cues(blanked, [c for i, c in enumerate(candidates) if i not in counted], limit)
    return [
        *datelines,
        *marks,
        *tagged,
        *this_week_cues(body, tagged, config),
        *deictic_cues(blanked, candidates),
        *event_cues(body, resolve_events(events), config.windows["recurring_after_days"],
                    candidates),
        *tenure_cues(blanked),
    ]


def _body(text: str, split: tuple[str, str] | None = None) -> tuple[str, list[str], str]:
    """The text without boilerplate, a note of what was cut, and what was cut;
    ``split`` is ``split_trailing(text)`` when the caller has it."""
    body, trailing = split or split_trailing(text)
    notes = []
    if trailing:
        count = sum(1 for line in trailing.splitlines() if line.strip())
        notes.append(f"ignored {count} trailing headline lines after the body")
    return body, notes, trailing


def estimate(text: str, *, events: Any = None) -> Any:
    """The day-by-day estimate behind ``infer_reference_date`` (for benchmarks); None
    when the text names no date."""
    from timeline.temporal.reference_model import estimate as model_estimate

    body, _notes, cut = _body(text)
    cues = [*find_cues(body, events), *removed_cues(cut)]
    return model_estimate(cues) if body.strip() else None


def infer_reference_date(text: str, *, events: Any = None,
                         candidates: Sequence[Any] | None = None,
                         trailing: str = "",
                         split: tuple[str, str] | None = None) -> ReferenceDate:
    """When ``text`` was most probably written, with the evidence and its weights.

    ``events``: reference events (see ``timeline.temporal.knowledge.resolve_events``);
    ``candidates``: ``tag()`` of the text's body (``split_trailing(text)[0]``) when the
    caller has it, so the text is tagged once; ``trailing``: boilerplate already cut
    from ``text`` (``Article.trailing``), read for copyright notices only; ``split``:
    ``split_trailing(text)`` when the caller has it, so it is split once. ``value`` is a
    TIMEX3 value at the granularity the 90% interval supports ("2023-01-19",
    "2023-W03", "2023-01", "2023"), or "" when the text holds no dated evidence;
    ``start``/``end`` (end exclusive) bound that interval, ``most_likely`` is the single
    most probable day and ``confidence`` the probability of ``value``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    body, notes, cut = _body(text, split)
    return infer_from_body(body, notes, events=events, candidates=candidates,
                           trailing=cut + "\n" + trailing)


def infer_from_body(body: str, notes: Sequence[str] = (), *, events: Any = None,
                    candidates: Sequence[Any] | None = None,
                    trailing: str = "") -> ReferenceDate:
    """``infer_reference_date`` on a body already cut from its boilerplate (``trailing``);
    ``candidates`` is ``tag(body)`` when the caller has it, so the text is tagged once."""
    if not body.strip():
        return ReferenceDate("", None, None, ("the text is empty",), 0.0, ReferenceSource.INFERRED)
    return weigh([*find_cues(body, events, candidates), *removed_cues(trailing)], notes)


def removed_cues(removed: str) -> list[Cue]:
    """The cues in the boilerplate cut from a text: news photo captions' dates and
    copyright notices' years (nothing else there speaks of the story)."""
    return [*caption_cues(removed), *notice_cues(removed)]


def reference_day(ref: ReferenceDate) -> datetime | None:
    """The day to resolve relative expressions against, from an inferred interval.

    The most likely day when the estimate has one; otherwise (an interval given by
    hand) the last day of the interval, since articles look back more than forward.
    None when nothing was inferred.
    """
    if ref.most_likely is not None:
        return ref.most_likely
    if ref.start is None or ref.end is None:
        return None
    start, end = datetime.combine(ref.start.date(), datetime.min.time()), ref.end
    if end - start <= timedelta(days=1):
        return start
    last = end - timedelta(microseconds=1)
    return datetime.combine(last.date(), datetime.min.time())
