"""The cues a reader uses to date an article, read from its text.

Each ``Cue`` names a date or part of one and how it relates to the moment of writing:

* ``dateline`` / ``dateline_md``: an agency dateline, a timestamp or "Published ..."
  line at the top (with or without its year);
* ``full`` / ``month`` / ``year``: a date in the body at day, month or year
  granularity, with the tense of its clause;
* ``month_day`` / ``month_only`` / ``weekday``: a date without its year ("Oct. 19",
  "in March", "on Tuesday"), with the tense (or "last"/"next"/"this");
* ``anchored``: an event-anchored phrase that names a date ("a month after the
  floods", "two years after the invasion"): written within that period or just after;
* ``now``: an event-anchored phrase that describes the moment of writing ("day 300 of
  the war", "as the war entered its third year");
* ``mark``: an anniversary or a whole-year count ("the first anniversary of the
  earthquake", "two years since the invasion", "entered its third year"): quite often
  the very day, else as a month named in that tense;
* ``deictic``: "today", "yesterday" or "tomorrow" beside the date it stands for
  ("Yesterday, January 17, 2023," or "today (Wednesday)"): the writing day itself, or
  its weekday;
* ``this_week``: "this week" with a past (future) weekday: written on or after
  (before) that weekday, in the same week;
* ``span``: a known edition of a recurring event ("speaking at Davos");
* ``yearly``: a day kept each year ("a Victory Day parade"): that day or the week
  after it (before it, in the future tense), in some year;
* ``after``: a named past event ("the invasion"): written after it;
* ``caption`` / ``notice``: a news photo caption's date, a copyright notice's year, in
  the boilerplate cut from the text (read by ``timeline.temporal.reference_counts``,
  as are counts of years from a date the text gives).

How much each cue says about the writing day is ``timeline.temporal.reference_model``'s
business; this module only reads the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import calendar_words, entries, read_bundled
from timeline.temporal.event_mentions import find_event_mentions
from timeline.temporal.knowledge import ReferenceEvent
from timeline.vocab import Granularity

RESOURCE = "reference_inference.yaml"
#: What every worked example of a dateline pattern gives (and ``year`` when it has one).
EXAMPLE_KEYS = ("text", "month", "day")


@dataclass(frozen=True)
class Cue:
    """One piece of evidence about the writing day.

    ``year``/``month``/``day``/``weekday`` (ISO, Monday = 1) are the parts of the date
    named; ``spans`` (half-open date ranges) hold the days allowed by a ``now`` or
    ``span`` cue; ``tense`` is past, present, future, none, last, next or this.
    """

    kind: str
    tense: str
    description: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    spans: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True)
class Cues:
    """The contents of ``reference_inference.yaml``, compiled."""

    months: dict[str, int]
    windows: dict[str, int]
    datelines: tuple[tuple[str, str, re.Pattern[str]], ...]
    this_week: re.Pattern[str]
    prospective: re.Pattern[str]
    retrospective: re.Pattern[str]
    eve_of: re.Pattern[str] | None = None
    ahead_of: re.Pattern[str] | None = None


@cache
def load_cues() -> Cues:
    """Read and validate the dateline patterns (cached: the file is bundled)."""
    return compile_cues(read_bundled(RESOURCE), RESOURCE)


def compile_cues(data: dict[str, Any], source: str) -> Cues:
    """The cues of a parsed inference file, checked; month names are the calendar's."""
    months = dict(calendar_words().months)
    month = "|".join(sorted(months, key=len, reverse=True))
    rules = entries(data, source, "datelines", ("kind", "pattern"), EXAMPLE_KEYS)
    try:
        datelines = tuple(
            (str(rule["id"]), str(rule["kind"]),
             re.compile(rule["pattern"].replace("{month}", f"(?i:{month})"), re.MULTILINE))
            for rule in rules
        )
        return Cues(months=months, windows={k: int(v) for k, v in data["windows"].items()},
                    datelines=datelines, this_week=re.compile(data["this_week"], re.IGNORECASE),
                    prospective=re.compile(data["prospective"], re.IGNORECASE),
                    retrospective=re.compile(data["retrospective"], re.IGNORECASE),
                    **{key: re.compile(data[key], re.IGNORECASE) for key in ("eve_of", "ahead_of")
                       if data.get(key)})
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise RuleFileError(source, f"malformed: {exc!r}") from exc


def head_lines(body: str, lines: int) -> str:
    """The first ``lines`` non-empty lines of ``body`` (datelines live there)."""
    kept: list[str] = []
    for line in body.splitlines():
        if line.strip():
            kept.append(line.strip())
            if len(kept) >= lines:
                break
    return "\n".join(kept)


def is_stamp_line(line: str) -> bool:
    """True when ``line`` is a dateline, timestamp or "Published ..." line ("Updated 8:14
    AM EDT, Sat October 7, 2023", "TOKYO | Fri Mar 11, 2011 3:12am EST"): the page's
    date, never its headline."""
    return any(regex.search(line.strip()) for _, _, regex in load_cues().datelines)


def dateline_cues(body: str, cues: Cues) -> tuple[list[Cue], str]:
    """A dateline, timestamp or "Published ..." line at the top of ``body``, and ``body``
    with it blanked out (so its date is not counted again as a date in the text)."""
    head = head_lines(body, cues.windows["head_lines"])
    found: list[Cue] = []
    blanked = body
    for rule_id, kind, regex in cues.datelines:
        match = regex.search(head)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["monthnum"]) if groups.get("monthnum") else cues.months[
            groups["month"].lower().rstrip(".")]
        day, year = int(groups["day"]), groups.get("year")
        what = f"{kind.replace('_', ' ')} {match.group().strip()!r} ({rule_id})"
        at = blanked.find(match.group())
        if at >= 0:
            blanked = blanked[:at] + " " * len(match.group()) + blanked[at + len(match.group()):]
        if not valid_day(int(year) if year else 2000, month, day):
            continue  # "Feb 30": not a date, so not evidence
        if year:
            found.append(Cue("dateline", "none", what, int(year), month, day))
        else:
            found.append(Cue("dateline_md", "none", f"{what}, year not given", None, month, day))
    return (found[:1] if found and found[0].kind == "dateline" else found), blanked


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


#: Where a sentence ends, for the words before a date.
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_WORDS = re.compile(r"[\w'’]+")


def words_before(body: str, start: int, count: int) -> str:
    """The last ``count`` words before ``start``, in its sentence, joined by spaces."""
    left = body[max(0, start - 120):start]
    cut = None
    for cut in _SENTENCE_END.finditer(left):
        pass
    return " ".join(_WORDS.findall(left[cut.end():] if cut else left)[-count:])


def set_tense(body: str, start: int, cues: Cues) -> str | None:
    """"past" after a refusal ("would not comment on Tuesday"), "future" after a word
    that sets a date ahead ("would", "must be", "to be", "deadline"), among the last
    few words before ``start``; else None (the clause's tense decides)."""
    words = words_before(body, start, cues.windows["prospective_words"])
    if cues.retrospective.search(words):
        return "past"
    return "future" if cues.prospective.search(words) else None


def cue_tense(body: str, start: int, end: int, direction: int | None) -> str:
    from timeline.temporal.tense import clause_tense, since_before

    if direction is not None:
        return {-1: "last", 1: "next", 0: "this"}.get(direction, "none")
    if since_before(body, start):
        return SINCE
    return set_tense(body, start, load_cues()) or clause_tense(body, start, end).tense or "none"


def tagged_cues(body: str, candidates: Sequence[Any], limit: int) -> list[Cue]:
    """Dates the tagger found in the body (``candidates``), with their tense; at most
    ``limit`` of each kind. A bare number ("1234") is a year only with something
    around it that makes it a date (``timeline.temporal.bare_years``): in scraped
    debris it is no date."""
    from timeline.temporal.bare_years import dates_the_text
    from timeline.temporal.partial import Partial

    found: list[Cue] = []
    counts: dict[str, int] = {}
    seen: set[tuple[Any, ...]] = set()
    for cand in candidates:
        p = cand.meaning
        if (not isinstance(p, Partial) or p.century is not None or p.decade is not None
                or p.bc or (cand.text.isdigit()
                            and not dates_the_text(body, cand.start, cand.end))):
            continue
        for cue in _partial_cues(p, cand.text, lambda d, c=cand: cue_tense(body, c.start, c.end, d)):
            # the same date named again in the same tense says nothing new
            key = (cue.kind, cue.tense, cue.year, cue.month, cue.day, cue.weekday)
            if counts.get(cue.kind, 0) < limit and key not in seen:
                seen.add(key)
                counts[cue.kind] = counts.get(cue.kind, 0) + 1
                found.append(cue)
    return found


#: The tense of a year after "since" ("the worst fall since 1987", "not in recession
#: since 2001"): a look back, most often by years, with a lag of its own. A month or
#: day after "since" is often recent ("since September 2008" in 2009): simply past.
SINCE = "since"


def _partial_cues(p: Any, text: str, tense_of: Any) -> list[Cue]:
    """The cues one tagged date gives: its date at its granularity, and its weekday."""
    out: list[Cue] = []
    if p.year is not None:
        tense = tense_of(None)
        if p.month is not None and p.day is not None and valid_day(p.year, p.month, p.day):
            out.append(Cue("full", as_past(tense), f"date {text!r}", p.year, p.month, p.day))
        elif p.month is not None and p.day is None:
            out.append(Cue("month", as_past(tense), f"month {text!r}", p.year, p.month))
        elif p.month is None and p.day is None and p.weekday is None and p.week is None:
            out.append(Cue("year", tense, f"year {text!r}", p.year))
        return out
    tense_of = _yearless(tense_of)
    if p.month is not None and p.day is not None and valid_day(2000, p.month, p.day):
        out.append(Cue("month_day", tense_of(p.direction), f"date without year {text!r}",
                       None, p.month, p.day))
    elif p.month is not None and p.day is None and p.weekday is None:
        out.append(Cue("month_only", tense_of(p.direction), f"month without year {text!r}",
                       None, p.month))
    if p.weekday is not None and p.nth is None and p.month is None and p.day is None:
        out.append(Cue("weekday", tense_of(p.direction), f"weekday {text!r}", weekday=p.weekday))
    elif p.weekday is not None and p.month is not None and p.day is not None:
        # "Tuesday, Jan. 17": the weekday of that date, whatever the tense
        out.append(Cue("weekday_of_date", "none", f"weekday of {text!r}", None, p.month, p.day,
                       p.weekday))
    return out


def as_past(tense: str) -> str:
    """``tense``, with "since" as simply past."""
    return "past" if tense == SINCE else tense


def _yearless(tense_of: Any) -> Any:
    """``tense_of`` for a date without a year: "since Monday" is simply past."""
    return lambda direction: as_past(tense_of(direction))


#: What may stand between a deictic and the date beside it ("Yesterday, Tuesday,").
_APPOSITION = re.compile(r"[\s,()\[\]–—-]{1,4}")


def deictic_cues(body: str, candidates: Sequence[Any]) -> list[Cue]:
    """"today", "yesterday", "tomorrow" (or "tonight") right beside a date or weekday:
    the day of writing is that date minus the deictic's offset."""
    from timeline.temporal.partial import Partial, Shift

    found: list[Cue] = []
    for a, b in zip(candidates, candidates[1:]):
        pair = [(a, b), (b, a)]
        for word, named in pair:
            m = word.meaning
            if not (isinstance(m, Shift) and m.unit == "D" and m.base == "reference"
                    and m.amount in (-1, 0, 1)) or not isinstance(named.meaning, Partial):
                continue
            if not _APPOSITION.fullmatch(body[a.end:b.start]):
                continue
            cue = _deictic_cue(word.text, named.text, named.meaning, m.amount)
            found.extend([cue] if cue is not None else [])
    return found


def _deictic_cue(word: str, text: str, p: Any, amount: int) -> Cue | None:
    what = f"{word!r} is {text!r}"
    if p.bc:
        return None
    if p.year is not None and p.month is not None and p.day is not None and valid_day(p.year, p.month, p.day):
        day = date(p.year, p.month, p.day).toordinal() - amount
        if not date.min.toordinal() <= day <= date.max.toordinal():
            return None
        writing = date.fromordinal(day)
        return Cue("deictic", "none", f"{what}: written on {writing}",
                   spans=((writing, writing + timedelta(1) if writing < date.max else writing),))
    if p.weekday is not None and p.month is None and p.day is None:
        weekday = (p.weekday - 1 - amount) % 7 + 1
        return Cue("deictic_weekday", "none", f"{what}: written on a weekday {weekday} (ISO)",
                   weekday=weekday)
    return None


def this_week_cues(body: str, found: Sequence[Cue], cues: Cues) -> list[Cue]:
    """With "this week" in the text, past weekdays lie earlier in the week of writing
    (the writing day is on or after the latest of them), future ones later (on or
    before the earliest): one cue per tense, since the phrase is said once."""
    said = cues.this_week.search(body)
    if said is None:
        return []
    out = []
    for tense, pick, how in (("past", max, "on or after"), ("future", min, "on or before")):
        days = [c for c in found if c.kind == "weekday" and c.tense == tense]
        if days:
            chosen = pick(days, key=lambda c: c.weekday or 0)
            out.append(Cue("this_week", tense, f"{said.group()!r} and {chosen.description}"
                           f" ({tense}): {how} it, in the same week", weekday=chosen.weekday))
    return out


#: The granularities of an anchored phrase's date that make it a cue.
_KIND_OF = (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)


def anchored_cue(what: str, tense: str, first: date, end: date, after_days: int) -> Cue:
    """"A month after the Valencia floods, thousands protested": the story is told from
    within the period the phrase names or just after it (before it, in the future
    tense). Not a named month's lag: "November 2024" is named with its year mostly when
    it is long past, while a phrase counted from an event dates the story's present."""
    reach = timedelta(after_days + 1)
    if tense == "future":
        span = (max(date.min + reach, first) - reach, end)
    else:
        span = (first, min(end, date.max - reach) + reach)
    return Cue("anchored", tense, what, first.year, spans=(span,))


#: How far before an anchored phrase "on the eve of" or "ahead of" is looked for.
BEFORE_MARK_REACH = 32


def _before_mark(body: str, start: int) -> str:
    """"eve" when the phrase at ``start`` follows "on the eve of", "ahead" after "ahead
    of" and the like (``reference_inference.yaml``), else "" (the mark itself)."""
    cues = load_cues()
    lead = body[max(0, start - BEFORE_MARK_REACH):start]
    if cues.eve_of is not None and cues.eve_of.search(lead):
        return "eve"
    if cues.ahead_of is not None and cues.ahead_of.search(lead):
        return "ahead"
    return ""


def event_cues(body: str, events: Sequence[ReferenceEvent], after_days: int,
               tagged: Sequence[Any] = ()) -> list[Cue]:
    """Anchored phrases, named past events and known editions of recurring events;
    ``tagged``, the expressions the tagger found, are already cues of their own (a
    holiday it dates, "Independence Day", is not counted again as a yearly day)."""
    from timeline.temporal.anchored import anchored_at, describes_now
    from timeline.temporal.anniversary import exact_mark, hedged_span

    mentions = find_event_mentions(body, events)
    found: list[Cue] = []
    counted: set[str] = set()  # events already dating the writing through a "now" phrase
    for expr in anchored_at(body, mentions):
        if expr.start is None or expr.end is None:
            continue
        first, end = hedged_span(expr) or (expr.start.date(), expr.end.date())
        if first >= end:  # an empty period allows no day
            continue
        what = f"{expr.text!r} ({expr.rule}): {expr.reason}"
        mark = exact_mark(expr)
        if mark is None and expr.granularity == Granularity.DAY and not describes_now(expr.rule):
            mark = first  # "the first anniversary of the earthquake": that very day
        tense = cue_tense(body, expr.start_char, expr.end_char, None)
        before = _before_mark(body, expr.start_char)
        if mark is not None and before:
            # "on the eve of the first anniversary": the day before; "ahead of" it: that
            # day or the days before it.
            mark -= timedelta(days=1)
            what += f"; the day before it is {mark}"
            tense = "future" if before == "ahead" else tense
        if mark is not None:
            found.append(Cue("mark", tense, f"{what}; the day itself is {mark}", mark.year,
                             mark.month, spans=((mark, mark + timedelta(1)),)))
        if describes_now(expr.rule):
            counted.add(expr.anchor)
            found.append(Cue("now", "none", what, spans=((first, end),)))
        elif mark is None and expr.granularity in _KIND_OF:
            found.append(anchored_cue(what, tense, first, end, after_days))
    seen: set[str] = set()
    for mention in mentions:
        event = mention.event
        if event.id in seen:
            continue
        seen.add(event.id)
        if event.date is not None and event.name not in counted:
            found.append(Cue("after", "none", f"{mention.text!r} names {event.name}"
                             f" ({event.date}): written after it", spans=((event.date, date.max),)))
        elif event.occurrences:
            after = timedelta(after_days + 1)
            spans = tuple((start, min(end + after, date.max)) for start, end in event.occurrences)
            found.append(Cue("span", "none", f"{mention.text!r} names {event.name}: written"
                             f" during or just after an edition", spans=spans))
        elif (event.month is not None and event.day is not None and valid_day(2000, event.month, event.day)
              and not any(t.start < mention.end and mention.start < t.end for t in tagged)):
            # a day kept each year ("a scaled-down Victory Day parade"): written on it or
            # in the days after (before, in the future tense), in some year
            tense = as_past(cue_tense(body, mention.start, mention.end, None))
            found.append(Cue("yearly", tense, f"{mention.text!r} names {event.name}"
                             f" ({event.month:02d}-{event.day:02d}): written on the day or in"
                             f" the week {'before' if tense == 'future' else 'after'}",
                             None, event.month, event.day))
    return found
