"""Infer when an article was written from the evidence in its own text.

Each piece of evidence becomes a ``Constraint`` on the writing date, with a weight:

* a dateline ("KYIV, Jan 19 (Reuters) -") or a "Published ..." line;
* full explicit dates in the body (found by ``timeline.temporal.find``), as broad
  windows placed by the tense of their clause (alone they rarely date a text);
* event-anchored phrases that describe the moment of writing ("the war is nearing its
  11th month") and named past events ("the invasion": written after it), resolved
  with the reference-event knowledge base;
* known editions of recurring events ("speaking at the World Economic Forum");
* "this week" together with weekdays: a past-tense "on Tuesday" in a text that says
  "this week" puts the writing on or after that Tuesday, in the same ISO week.

Absolute evidence names the candidate days; every candidate day is scored by the
weight of the constraints it satisfies, and the best-scoring days give the interval.
Trailing boilerplate (such as a list of unrelated headlines) is cut off first. The
clock is never read: with no dated evidence the result has an empty value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.model import ReferenceDate, TimeExpression
from timeline.resource_files import calendar_words, entries, read_bundled
from timeline.temporal.event_mentions import find_event_mentions
from timeline.temporal.knowledge import ReferenceEvent, resolve_events
from timeline.text.boilerplate import split_trailing
from timeline.vocab import ABSOLUTE_ANCHOR, ReferenceSource

RESOURCE = "reference_inference.yaml"
#: What every worked example of a dateline pattern gives (and ``year`` when it has one).
EXAMPLE_KEYS = ("text", "month", "day")
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")


def _plus(day: date, days: int) -> date:
    """``day`` moved by ``days``, held within the calendar.

    Spans end at most on 9999-12-31 (exclusive), so the interval's end stays on the
    calendar: evidence at its edge ("Dec 31 9999") narrows to nothing, never overflows.
    """
    try:
        return min(day + timedelta(days), date.max)
    except OverflowError:
        return date.min if days < 0 else date.max


@dataclass(frozen=True)
class Constraint:
    """Evidence about the writing date: the days it allows, with a weight.

    ``spans`` (half-open date ranges) make it absolute: it then also names candidate
    days. ``test`` restricts days without naming any (a weekday, "after 2022-02-24").
    """

    description: str
    weight: float
    spans: tuple[tuple[date, date], ...] = ()
    test: Callable[[date], bool] | None = None

    def holds(self, day: date) -> bool:
        """True when ``day`` is allowed by this constraint."""
        if self.spans and not any(start <= day < end for start, end in self.spans):
            return False
        return self.test is None or self.test(day)


@dataclass(frozen=True)
class Cues:
    """The contents of ``reference_inference.yaml``, compiled."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weights: dict[str, float]
    windows: dict[str, int]
    datelines: tuple[tuple[str, str, re.Pattern[str]], ...]
    this_week: re.Pattern[str]
    weekday: re.Pattern[str]
    blockers: frozenset[str]


@cache
def load_cues() -> Cues:
    """Read and validate the inference cues (cached: the file is bundled)."""
    return compile_cues(read_bundled(RESOURCE), RESOURCE)


def compile_cues(data: dict[str, Any], source: str) -> Cues:
    """The cues of a parsed inference file, checked; months and weekdays are the calendar's."""
    calendar = calendar_words()
    months = dict(calendar.months)
    weekdays = calendar.weekday_full()
    month = "|".join(sorted(months, key=len, reverse=True))
    rules = entries(data, source, "datelines", ("kind", "pattern"), EXAMPLE_KEYS)
    try:
        datelines = tuple(
            (str(rule["id"]), str(rule["kind"]),
             re.compile(rule["pattern"].replace("{month}", f"(?i:{month})"), re.MULTILINE))
            for rule in rules
        )
        return Cues(
            months=months, weekdays=weekdays,
            weights={k: float(v) for k, v in data["weights"].items()},
            windows={k: int(v) for k, v in data["windows"].items()},
            datelines=datelines,
            this_week=re.compile(data["this_week"], re.IGNORECASE),
            weekday=re.compile(r"(?<!\w)(?:" + "|".join(weekdays) + r")(?!\w)", re.IGNORECASE),
            blockers=frozenset(w.lower() for w in data["weekday_blockers"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise RuleFileError(source, f"malformed: {exc!r}") from exc


# --- evidence -----------------------------------------------------------------------


def _head(body: str, lines: int) -> str:
    """The first ``lines`` non-empty lines of ``body`` (datelines live there)."""
    kept: list[str] = []
    for line in body.splitlines():
        if line.strip():
            kept.append(line.strip())
            if len(kept) >= lines:
                break
    return "\n".join(kept)


def dateline_constraints(body: str, cues: Cues) -> list[Constraint]:
    """Constraints from a dateline or a "Published ..." line at the top of ``body``."""
    head = _head(body, cues.windows["head_lines"])
    found = []
    for rule_id, kind, regex in cues.datelines:
        match = regex.search(head)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["monthnum"]) if groups.get("monthnum") else cues.months[
            groups["month"].lower().rstrip(".")]
        day, year = int(groups["day"]), groups.get("year")
        weight = cues.weights[kind]
        what = f"{kind.replace('_', ' ')} {match.group().strip()!r} ({rule_id})"
        try:
            if year:
                when = date(int(year), month, day)
                found.append(Constraint(f"{what}: {when}", weight, ((when, _plus(when, 1)),)))
            else:
                date(2000, month, day)  # validates the month and day (2000 is a leap year)
                found.append(Constraint(
                    f"{what}: {month:02d}-{day:02d}, year not given", weight,
                    test=lambda d, m=month, dd=day: (d.month, d.day) == (m, dd),
                ))
        except ValueError:
            continue  # "Feb 30": not a date, so not evidence
    return found


def _find_expressions(body: str) -> list[TimeExpression]:
    from timeline.temporal.find import find_expressions  # the tagger imports this module's peers

    return find_expressions(body, None)


def full_date_constraints(body: str, cues: Cues) -> list[Constraint]:
    """Each fully specified date in ``body``: a broad window, placed by the clause's tense."""
    from timeline.temporal.tense import clause_tense

    found_days: dict[date, TimeExpression] = {}
    # A full date always has a year in digits: without one, skip running the tagger.
    expressions = _find_expressions(body) if _YEAR_DIGITS.search(body) else []
    for expr in expressions:
        match = _FULL_DATE.fullmatch(expr.value)
        if match is None or expr.anchor != ABSOLUTE_ANCHOR:
            continue  # relative expressions resolved against another date are not evidence
        try:
            found_days.setdefault(date(*map(int, match.groups())), expr)
        except ValueError:
            continue
    year, before = cues.windows["full_date_year_days"], cues.windows["full_date_before_days"]
    found = []
    for day in sorted(found_days)[-cues.windows["max_full_dates"]:]:
        expr = found_days[day]
        tense = clause_tense(body, expr.start_char, expr.end_char)
        if tense.tense == "past":
            span, how = (day, _plus(day, year)), f"past ({tense.cue!r}): written within a year after it"
        elif tense.tense == "future":
            span, how = (_plus(day, -year), _plus(day, 1)), f"ahead ({tense.cue!r}): written before it"
        else:
            span, how = (_plus(day, -before), _plus(day, year)), "written around or after it"
        found.append(Constraint(f"full date {expr.text!r} = {day}, {how}",
                                cues.weights["full_date"], (span,)))
    return found


def event_constraints(body: str, events: Sequence[ReferenceEvent], cues: Cues) -> list[Constraint]:
    """Anchored phrases about the moment of writing, past events and recurring events."""
    from timeline.temporal.anchored import anchored_at, describes_now

    mentions = find_event_mentions(body, events)
    found = []
    for expr in anchored_at(body, mentions):
        if describes_now(expr.rule) and expr.start is not None and expr.end is not None:
            found.append(Constraint(
                f"{expr.text!r} ({expr.rule}): {expr.reason}",
                cues.weights["anchored_now"], ((expr.start.date(), expr.end.date()),),
            ))
    seen: set[str] = set()
    for mention in mentions:
        event = mention.event
        if event.id in seen:
            continue
        seen.add(event.id)
        if event.date is not None:
            found.append(Constraint(
                f"{mention.text!r} names {event.name} ({event.date}): written after it",
                cues.weights["event_after"], test=lambda d, start=event.date: d >= start,
            ))
        elif event.occurrences:
            after = cues.windows["recurring_after_days"] + 1
            spans = tuple((start, _plus(end, after)) for start, end in event.occurrences)
            found.append(Constraint(
                f"{mention.text!r} names {event.name}: written during or just after an edition"
                f" ({', '.join(str(s) for s, _ in event.occurrences)})",
                cues.weights["recurring_event"], spans,
            ))
    return found


def weekday_constraints(body: str, cues: Cues) -> list[Constraint]:
    """With "this week" in the text, past weekdays lie earlier in the week of writing.

    "on Tuesday" in a past-tense clause puts the writing on or after that Tuesday; a
    future one ("will meet on Friday") on or before that Friday.
    """
    this_week = cues.this_week.search(body)
    if this_week is None:
        return []
    from timeline.temporal.tense import clause_tense

    found = []
    for match in cues.weekday.finditer(body):
        before = body[max(0, match.start() - 20):match.start()].lower().split()
        if before and (before[-1] in cues.blockers or " ".join(before[-2:]) in cues.blockers):
            continue
        tense = clause_tense(body, match.start(), match.end())
        weekday = cues.weekdays[match.group().lower()]
        name = match.group()
        if tense.tense == "past":
            found.append(Constraint(
                f"{this_week.group()!r} and {name!r} in the past ({tense.cue!r}):"
                f" written on or after that {name.capitalize()}, in the same week",
                cues.weights["weekday_this_week"], test=lambda d, w=weekday: d.isoweekday() >= w,
            ))
        elif tense.tense == "future":
            found.append(Constraint(
                f"{this_week.group()!r} and {name!r} ahead ({tense.cue!r}):"
                f" written on or before that {name.capitalize()}, in the same week",
                cues.weights["weekday_this_week"], test=lambda d, w=weekday: d.isoweekday() <= w,
            ))
    return found


# --- combining ----------------------------------------------------------------------


def _candidate_days(constraints: Sequence[Constraint]) -> list[date]:
    days: set[date] = set()
    for constraint in constraints:
        for start, end in constraint.spans:
            days.update(start + timedelta(n) for n in range((end - start).days))  # < end
    return sorted(days)


def timex_value(start: date, last: date) -> tuple[str, float]:
    """The narrowest TIMEX3 value covering ``start..last`` and how exact it is (0..1)."""
    if start == last:
        return start.isoformat(), 1.0
    if start.isocalendar()[:2] == last.isocalendar()[:2]:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}", 0.9
    if (start.year, start.month) == (last.year, last.month):
        return f"{start.year:04d}-{start.month:02d}", 0.8
    middle = start + (last - start) / 2
    if (last - start).days <= 62:
        return f"{middle.year:04d}-{middle.month:02d}", 0.5  # spans two months: the middle one
    if start.year == last.year:
        return f"{start.year:04d}", 0.5
    return "", 0.0


def combine(
    constraints: Sequence[Constraint], notes: Sequence[str] = (), max_days: int = 62
) -> ReferenceDate:
    """The best-supported interval of writing days, with the evidence for and against.

    An interval wider than ``max_days`` is reported in the evidence but not returned:
    resolving "on Tuesday" against a date that vague would only look precise.
    """
    days = _candidate_days(constraints)
    if not days:
        partial = [c for c in constraints if c.test is not None and "year not given" in c.description]
        reason = "no dated evidence (dateline, full date or anchored phrase) in the text"
        # Spans hold no day only past the calendar's last day ("Dec 31 9999").
        edge = (f"no day on the calendar: {c.description}" for c in constraints if c.spans)
        evidence = (*notes, *(c.description for c in partial), *edge, reason)
        return ReferenceDate("", None, None, evidence, 0.0, ReferenceSource.INFERRED)
    scores = [(sum(c.weight for c in constraints if c.holds(day)), day) for day in days]
    best = max(score for score, _ in scores)
    chosen = [day for score, day in scores if score >= best - 1e-9]
    first, last = chosen[0], chosen[-1]
    value, exactness = timex_value(first, last)
    too_wide = (last - first).days + 1 > max_days
    evidence = list(notes)
    for constraint in constraints:
        held = sum(1 for day in chosen if constraint.holds(day))
        if held == len(chosen):
            evidence.append(constraint.description)
        elif held:
            evidence.append(f"partly: {constraint.description}")
        else:
            evidence.append(f"outweighed: {constraint.description}")
    if too_wide:
        evidence.append(f"the evidence only narrows it to {first}..{last}: too wide to use")
        return ReferenceDate("", None, None, tuple(evidence), 0.0, ReferenceSource.INFERRED)
    total = sum(c.weight for c in constraints)
    confidence = round(min(0.95, best / total) * exactness, 2) if total else 0.0
    start = datetime(first.year, first.month, first.day)
    end = datetime(last.year, last.month, last.day) + timedelta(days=1)
    return ReferenceDate(value, start, end, tuple(evidence), confidence, ReferenceSource.INFERRED)


def infer_reference_date(text: str, *, events: Any = None) -> ReferenceDate:
    """When ``text`` was most probably written, with the human-readable evidence.

    ``events``: reference events (see ``timeline.temporal.knowledge.resolve_events``).
    ``value`` is a TIMEX3 value ("2023-01-19", "2023-W03", "2023-01"), or "" when the
    text holds no dated evidence; ``start``/``end`` (end exclusive) bound the interval.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    body, trailing = split_trailing(text)
    notes = []
    if trailing:
        count = sum(1 for line in trailing.splitlines() if line.strip())
        notes.append(f"ignored {count} trailing headline lines after the body")
    if not body.strip():
        return ReferenceDate("", None, None, ("the text is empty",), 0.0, ReferenceSource.INFERRED)
    cues = load_cues()
    known = resolve_events(events)
    constraints = [
        *dateline_constraints(body, cues),
        *full_date_constraints(body, cues),
        *event_constraints(body, known, cues),
        *weekday_constraints(body, cues),
    ]
    return combine(constraints, notes, cues.windows["max_interval_days"])


def reference_day(ref: ReferenceDate) -> datetime | None:
    """The day to resolve relative expressions against, from an inferred interval.

    An inferred value can be a whole week or month; articles look back more than
    forward, so the last day of that interval is used. None when nothing was inferred.
    """
    if ref.start is None or ref.end is None:
        return None
    start, end = datetime.combine(ref.start.date(), datetime.min.time()), ref.end
    if end - start <= timedelta(days=1):
        return start
    last = end - timedelta(microseconds=1)
    return datetime.combine(last.date(), datetime.min.time())
