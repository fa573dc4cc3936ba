"""Tag and resolve every time expression of a text, in text order.

News mode resolves dates without a year and relative expressions ("last week") against
the reference (publication) date, "two days later"-style expressions against the
previous resolved expression and "a year ago" in an earnings report against the quarter
reported. Narrative mode resolves everything relative against the last date mentioned
(falling back on the reference date before the first one).
Event-anchored expressions ("a year after the invasion") come from
``timeline.temporal.anchored`` and win over plain tags they overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from timeline.model import Reference, TimeExpression
from timeline.temporal.chain_steps import after_report, far_chain, forward
from timeline.temporal.excursion import excursion, next_named_years
from timeline.temporal.scheduled import report_gap_words, reporting_past
from timeline.temporal.partial import FuzzyRef, Partial, Shift
from timeline.temporal.resolution import Anchor, Resolution
from timeline.temporal.report_focus import is_focus, months_to_date
from timeline.temporal.resolve import resolve
from timeline.temporal.tag import Candidate, tag
from timeline.temporal.tense import (NARRATIVE, PERFECT, SINCE, UNTIL, Tense, clause_tense, pluperfect,
                                     possessive_tense, present_perfect, since_before)
from timeline.temporal.values import SEASON_MONTHS
from timeline.vocab import MODES, Mode

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: What may stand between a clock time and the day it is on: "10:30 GMT on January 17",
#: "(0735 GMT) Friday", "5:34 AM Baghdad time on March 20".
_TIME_THEN_DAY = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:,[ \t]*)?(?:(?:[A-Z][\w'’-]*[ \t]+){1,2}time,?[ \t]+)?"
                            r"(?:on[ \t]+)?", re.IGNORECASE)
#: A clock time and the same time in another zone in brackets: "10:35 a.m. (0735 GMT)".
_OTHER_ZONE = re.compile(r"[ \t]*\([ \t]*")


def check_mode(mode: str) -> None:
    """Raise ``ValueError`` naming ``mode`` unless it is one of ``MODES``."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: expected one of {', '.join(MODES)}")


def _needs_tense(meaning: object) -> bool:
    """A date missing its year, or midnight alone, whose day the tense picks."""
    if not isinstance(meaning, Partial) or meaning.direction is not None:
        return False
    return meaning.needs_year or (meaning.hour == 24 and meaning.day is None and meaning.weekday is None)


#: Shift units that count days or finer: they chain only from an expression naming a day.
_DAY_UNITS = frozenset({"D", "W", "WE", "H", "MIN"})


def _anchor_for(c: Candidate, story: _Story) -> Anchor | None:
    """Which date a candidate counts from: the reference, or the last date mentioned.

    "Two days earlier" and "the previous Friday" count from the last expression naming
    a day, never from a year or a bound ("since 2014"): in news, from the reference date
    when there is none (but see ``_later_from_nothing``), and from a month named since in
    a sentence of its own ("killed last October. His name was crossed out that same
    day": some day of October). A date rule names its base in its ``set`` (``base:
    previous``).
    """
    mode, reference, last, meaning = story.mode, story.reference, story.last, c.meaning
    base = meaning.base if isinstance(meaning, Shift) else c.rule.params.get("base", "reference")
    if base == "previous" and mode == Mode.NEWS and _counts_days(meaning):
        if isinstance(meaning, Shift) and story.last_month is not None:
            return story.last_month  # "last October ... that same day": some day of it
        return story.last_day or reference
    if base == "focus":
        # "a year earlier" in a story counts from the story's date, as any shift does.
        fallback = (last or reference) if mode == Mode.NARRATIVE else (reference or last)
        return story.focus or fallback
    if base == "previous_day":
        # "for the day", "in the morning" are on the day last named ("on Monday"), even
        # with a year or month named since ("the highest since 1983"), never on a day
        # cut out of them; with no day named, on the reference date.
        if mode == Mode.NARRATIVE:
            return last or reference
        return story.last_day or reference
    if base == "previous" or mode == Mode.NARRATIVE:
        return last or reference
    return reference


def _later_from_nothing(text: str, c: Candidate, story: _Story) -> bool:
    """In news, whether ``c`` steps forward from a date the text has not named ("Two
    years later, we are still standing": later than an event, not two years after the
    report), in a clause not about the future ("Two days later, the leaders will sign")."""
    meaning = c.meaning
    if story.mode != Mode.NEWS or not isinstance(meaning, Shift) or meaning.base != "previous" \
            or not forward(meaning) or story.last_month is not None:
        return False
    if (story.last_day if _counts_days(meaning) else story.last) is not None:
        return False
    return clause_tense(text, c.start, c.end).tense != "future"


def _counts_days(meaning: object) -> bool:
    """A shift in days or finer, or a weekday: it chains only from a day."""
    if isinstance(meaning, Shift):
        return meaning.unit in _DAY_UNITS
    return isinstance(meaning, Partial) and meaning.weekday is not None


def _time_only(meaning: object) -> bool:
    """A clock time or part of day with no date of its own ("at 18:00 UTC")."""
    return (isinstance(meaning, Partial) and meaning.year is None and meaning.month is None
            and meaning.day is None and meaning.weekday is None
            and (meaning.hour is not None or meaning.part_of_day is not None))


def _same_clock(meaning: object, other: object) -> bool:
    """Whether ``other`` gives the same hour and minute as the clock time ``meaning``."""
    return (isinstance(meaning, Partial) and isinstance(other, Partial) and meaning.hour is not None
            and (other.hour, other.minute or 0) == (meaning.hour, meaning.minute or 0))


def _same_sentence_day(text: str, last: Anchor | None, last_end: int, start: int) -> bool:
    """True when ``last`` names a day earlier in the sentence that ends before ``start``."""
    if last is None or last.partial is None or last.partial.day is None:
        return False
    return _SENTENCE_END.search(text, last_end, start) is None


def _expression(c: Candidate, res: Resolution) -> TimeExpression:
    # A date BC is followed on proxy years (``values.BC_BASE``): it has no interval to show.
    start, end = (None, None) if res.value.startswith("BC") else (res.start, res.end)
    return TimeExpression(
        text=c.text, start_char=c.start, end_char=c.end, type=c.rule.type or res.type,
        value=res.value, start=start, end=end, granularity=res.granularity,
        anchor=res.anchor, rule=c.rule.id, confidence=round(c.rule.confidence * res.confidence, 3),
        reason=res.reason,
    )


@dataclass
class _Story:
    """What resolving one text has seen so far: the last date named and the focus."""

    reference: Anchor | None
    mode: str
    last: Anchor | None = None
    last_end: int = 0
    focus: Anchor | None = None
    last_day: Anchor | None = None  # the last expression naming a day
    last_day_end: int = 0
    last_month: Anchor | None = None  # a month named since, with no day ("last October")


def _resolve_one(text: str, c: Candidate, anchor: Anchor | None, story: _Story) -> Resolution:
    """Resolve one candidate against ``anchor``, with the tense its clause gives."""
    if anchor is not None and anchor is story.last and story.mode == Mode.NARRATIVE:
        tense = NARRATIVE
    elif _needs_tense(c.meaning):
        tense = SINCE if since_before(text, c.start) else clause_tense(text, c.start, c.end)
        if c.meaning.weekday is not None:
            tense = possessive_tense(text, c.start, c.end, tense)
    elif isinstance(c.meaning, FuzzyRef) and c.meaning.unit is not None:
        tense = PERFECT if present_perfect(text, c.start, c.end) else Tense(None)
    else:
        tense = Tense(None)
    return resolve(c.meaning, anchor, tense)


def _day_after(text: str, c: Candidate, following: Sequence[Candidate],
               story: _Story) -> Anchor | None:
    """The day named right after a clock time ("10:30 GMT on January 17, 2023"), past
    the same time in another zone ("10:35 a.m. (0735 GMT) Friday"), or the one the
    same clock time restated in brackets gives ("at 4 in the morning (4 a.m. EDT
    Thursday)")."""
    end = c.end
    bracket = bool(following) and _OTHER_ZONE.fullmatch(text, end, following[0].start) is not None
    if len(following) > 1 and bracket and _time_only(following[0].meaning):
        end, following = following[0].end, following[1:]
    elif not (bracket and _same_clock(c.meaning, following[0].meaning)) \
            and (not following or _TIME_THEN_DAY.fullmatch(text, end, following[0].start) is None):
        return None
    day = following[0]
    res = _resolve_one(text, day, _anchor_for(day, story), story)
    if res.partial is None or res.partial.day is None or res.start is None:
        return None
    return Anchor(res.start.date(), f"following expression '{day.text}'", res.partial)


def _anchor_of(text: str, candidates: Sequence[Candidate], i: int, story: _Story) -> Anchor | None:
    """The date candidate ``i`` counts from; a clock time is on the day named beside it."""
    c = candidates[i]
    anchor = _anchor_for(c, story)
    if not _time_only(c.meaning):
        return anchor
    after = _day_after(text, c, candidates[i + 1:i + 3], story)
    if after is not None:
        return after
    if _same_sentence_day(text, story.last, story.last_end, c.start):
        return story.last  # "flew on Tuesday ... at 18:00 UTC": the time is on that Tuesday
    return anchor


#: "until" then an event, then the expression: "until the fall of Budapest in February
#: 1945". "until 1940" itself is not matched: the story gets there.
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+[^,.;:()\s][^,.;:()]*\s(?:in|on|by)\s+$", re.IGNORECASE)


def _holds_story_date(res: Resolution, last: Anchor | None, mode: str) -> bool:
    """In a narrative, whether ``res`` is a coarser period holding the story's date.

    "On December 7 (December 8 in Asian time zones), 1941": the year keeps the story
    on 8 December, not on 1 January 1941.
    """
    if mode != Mode.NARRATIVE or last is None or res.start is None or res.end is None:
        return False
    inside = res.start.date() <= last.day < res.end.date()
    return inside and (res.end - res.start).days > 1


def _aside(text: str, c: Candidate, mode: str) -> bool:
    """In a narrative, whether ``c`` names a time aside from the story's course.

    A plan or expectation ("would be exposed for a planned campaign in 1976") or a
    look back in the past perfect ("forces that had invaded Burma in late 1943").
    "until" is no plan: "retreated to Canton until October 15" tells what happened.
    """
    if mode != Mode.NARRATIVE:
        return False
    if since_before(text, c.start):
        return True  # "the first incursion since 1995": a bound, not where the story is
    tense = clause_tense(text, c.start, c.end)
    if tense.tense == "future" and tense.cue != UNTIL.cue:
        return True
    if isinstance(c.meaning, Partial) and c.meaning.year is not None \
            and _UNTIL_BEFORE.search(text, max(0, c.start - 60), c.start):
        return True  # "a siege that lasted until the fall of Budapest in February 1945"
    return pluperfect(text, c.start, c.end)


def _year_from_inside(text: str, candidates: Sequence[Candidate], i: int) -> Candidate:
    """A season or month without a year takes the year of a date inside it named next
    in the same sentence: "launched their summer offensive in June 1942" is 1942's
    summer whatever year the story or the reference date is in."""
    c = candidates[i]
    p = c.meaning
    if not (isinstance(p, Partial) and p.needs_year and p.direction is None and p.day is None
            and (p.season is not None or p.month is not None)) or i + 1 >= len(candidates):
        return c
    nxt = candidates[i + 1]
    q = nxt.meaning
    if not (isinstance(q, Partial) and q.year is not None and q.month is not None) \
            or _SENTENCE_END.search(text, c.end, nxt.start) is not None:
        return c
    first, count = (SEASON_MONTHS[p.season] if p.season is not None else (p.month, 1))
    if (q.month - first) % 12 >= count:
        return c
    year = q.year - 1 if q.month < first else q.year  # January 1943 is in the winter of 1942
    return replace(c, meaning=replace(p, year=year, bc=q.bc))


def resolve_candidates(text: str, candidates: Sequence[Candidate], reference: Anchor | None,
                       mode: str = Mode.NEWS) -> list[TimeExpression]:
    """Resolve tagged candidates in order, each relative one against its anchor."""
    out: list[TimeExpression] = []
    story = _Story(reference, mode)
    returns = (next_named_years(candidates, lambda c: _aside(text, c, mode))
               if mode == Mode.NARRATIVE else [None] * len(candidates))
    for i in range(len(candidates)):
        c = _year_from_inside(text, candidates, i)
        anchor = _anchor_of(text, candidates, i, story)
        if anchor is reference and _later_from_nothing(text, c, story):
            anchor = None
        res = far_chain(_resolve_one(text, c, anchor, story), anchor, reference)
        if mode == Mode.NEWS and anchor is not reference:
            res = after_report(text, c.start, c.end, c.meaning, res, anchor, reference)
        if c is not candidates[i]:
            res = replace(res, reason=f"the year of '{candidates[i + 1].text}', named inside it next")
        out.append(_expression(c, res))
        last = story.last
        looks_back = (mode == Mode.NARRATIVE and isinstance(c.meaning, Shift) and last is not None
                      and res.start is not None and res.start.date() < last.day)
        if res.partial is not None and res.start is not None and not looks_back \
                and not _aside(text, c, mode) and not _holds_story_date(res, last, mode) \
                and not excursion(candidates, i, last, returns[i]) \
                and not _report_time(text, c, story):
            # A story's current date moves with the dates it names and forward with
            # "two days later", not with a look back ("the previous year"), a plan
            # ("a campaign planned for 1976" told in March 1975), a flashback ("had
            # invaded in late 1943"), a period around it ("1941" after December 8) or
            # a year named in passing before the story names its own again.
            story.last = Anchor(res.start.date(), f"previous expression '{c.text}'", res.partial)
            story.last_end = c.end
            if res.partial.day is not None:
                story.last_day, story.last_day_end = story.last, c.end
            story.last_month = story.last if _names_month(text, c, res, story) else None
            if is_focus(res, reference):
                story.focus = story.last
        elif mode == Mode.NEWS and c.rule.params.get("focus") == "year":
            story.focus = months_to_date(c.text, c.meaning, story.focus or reference) or story.focus
    return out


#: How many words before an expression are read for a reporting verb.
REPORT_WORDS = 5


def _report_time(text: str, c: Candidate, story: _Story) -> bool:
    """In news, whether ``c`` dates only the report of what its sentence told before it
    ("Al Shabaab attacked a base late on Sunday, the army said on Monday. Two days
    earlier, ..." counts from Sunday, the happening, not from the report)."""
    if story.mode != Mode.NEWS or story.last is None or \
            _SENTENCE_END.search(text, story.last_end, c.start) is not None:
        return False
    words = re.findall(r"[a-z]+", text[max(story.last_end, c.start - 60):c.start].lower())
    words = words[-REPORT_WORDS:]
    gap = report_gap_words()
    while words and words[-1] in gap:
        words.pop()
    return bool(words) and reporting_past(words[-1])


def _names_month(text: str, c: Candidate, res: Resolution, story: _Story) -> bool:
    """In news, whether ``c`` names the month a later "that same day" is in: a month
    with no day ("was gunned down last October"), not a bound ("since October"), in a
    sentence naming no day ("On Monday it said October sales fell": the day is Monday's)."""
    p = res.partial
    if p is None or p.month is None or p.day is not None or p.week is not None:
        return False
    if since_before(text, c.start):
        return False
    return story.last_day is None or _SENTENCE_END.search(text, story.last_day_end, c.start) is not None


def _anchored(text: str, events: Any) -> list[TimeExpression]:
    from timeline.temporal.anchored import find_anchored  # imported late: it loads a knowledge base

    return list(find_anchored(text, events))


def merge_anchored(found: list[TimeExpression], anchored: list[TimeExpression]) -> list[TimeExpression]:
    """Add event-anchored expressions, dropping plain ones they overlap when not shorter.

    ``found`` holds non-overlapping spans, so one sweep over both lists sorted by start
    suffices; hostile text with many event phrases must not cost quadratic time.
    """
    plain = sorted(found, key=_span)
    dropped: set[int] = set()
    added: list[TimeExpression] = []
    i = 0
    for a in sorted(anchored, key=_span):
        while i < len(plain) and plain[i].end_char <= a.start_char:
            i += 1
        j = i
        while j < len(plain) and plain[j].start_char < a.end_char:
            j += 1
        clash = range(i, j)
        if any(_length(plain[k]) > _length(a) for k in clash):
            continue
        if added and added[-1].end_char > a.start_char:
            if _length(added[-1]) > _length(a):
                continue
            added.pop()
        dropped.update(clash)
        added.append(a)
    kept = [f for k, f in enumerate(plain) if k not in dropped] + added
    return sorted(kept, key=_span)


def _span(expression: TimeExpression) -> tuple[int, int]:
    return expression.start_char, expression.end_char


def _length(expression: TimeExpression) -> int:
    return expression.end_char - expression.start_char


def find_expressions(text: str, reference: Reference | None = None, *, mode: str = Mode.NEWS,
                     events: Any = None,
                     candidates: Sequence[Candidate] | None = None) -> list[TimeExpression]:
    """Tag and resolve the time expressions of ``text`` against ``reference``.

    Without a reference day in news mode, only values that need no reference date are
    given; the others come back with an empty value and a reason. ``candidates``:
    ``tag(text)`` when the caller has it already.
    """
    from timeline.temporal.anniversary import date_anniversaries
    from timeline.temporal.event_dates import event_named_dates  # loads a knowledge base

    check_mode(mode)
    day = None if reference is None else reference.day
    ref = None if day is None else Anchor(day, reference.label)
    found = event_named_dates(text, resolve_candidates(text, tag(text) if candidates is None else candidates,
                                                       ref, mode), events)
    return merge_anchored(found, _anchored(text, events) + date_anniversaries(text, found))
