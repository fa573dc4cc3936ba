"""Which time expression dates a clause.

In order of preference (``timeline.vocab.TimeSource``):

1. ``clause``: an expression inside the clause ("met ... on Tuesday"), the most
   specific one when there are several;
2. ``sentence``: the nearest one before the trigger in the same sentence, from a
   clause that contains the trigger's ("On Wednesday, Duda expressed fears that Russia
   was preparing ...");
3. ``paragraph``: the nearest main-clause expression in the same paragraph (line), at
   most ``PARAGRAPH_SENTENCES`` sentences back;
4. ``same actor``: the time of a recent, factual event sharing an actor (within
   ``CONTINUITY_SENTENCES``), as news narrates one actor's day over several
   paragraphs (chosen in ``timeline.events.clause_events``);
5. ``published``: the reference date, with granularity ``published``;
6. ``none``: no expression and no reference date.

Only expressions placed on the calendar (``start`` set) date events; durations,
unresolved expressions and bounds ("since 1992", "until 2020") do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from timeline.model import TimeExpression
from timeline.vocab import PUBLISHED_ANCHOR, Granularity, TimeSource, granularity_rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Confidence of an event's date by how it was found.
TIME_SOURCE_CONFIDENCE = {
    TimeSource.CLAUSE: 0.9, TimeSource.SENTENCE: 0.75, TimeSource.PARAGRAPH: 0.6,
    TimeSource.SAME_ACTOR: 0.55, TimeSource.PUBLISHED: 0.35, TimeSource.NONE: 0.2,
}
#: How many sentences back in its paragraph a clause looks for a time expression:
#: a date three sentences up has usually stopped being the topic.
PARAGRAPH_SENTENCES = 2
CONTINUITY_SENTENCES = 3
#: Words that may stand between a bound word and its date ("since the 1997 handover").
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})


@dataclass(frozen=True)
class TimeIndex:
    """The usable expressions of one article, with the clause each belongs to."""

    text: str
    sents: tuple[Span, ...]
    times: tuple[TimeExpression, ...]
    owners: tuple[int | None, ...]
    main: tuple[bool, ...]


def index_times(doc: Doc, times: Sequence[TimeExpression], bounds: frozenset[str],
                sents: tuple[Span, ...]) -> TimeIndex:
    """Keep the expressions that can date an event and find the clause of each."""
    text = doc.text  # Doc.text joins every token on each call: read it once
    usable = tuple(sorted(
        (t for t in times if t.start is not None and t.value and not _is_bound(text, t, bounds)),
        key=lambda t: t.start_char))
    owners = tuple(_owner(doc, t) for t in usable)
    main = tuple(o is None or _is_main(doc[o]) for o in owners)
    return TimeIndex(text, sents, usable, owners, main)


def _is_bound(text: str, time: TimeExpression, bounds: frozenset[str]) -> bool:
    """True for "since 1992", "since the 1997 handover" or "until 2020": a bound on the
    event, not its time."""
    before = [w.lower() for w in text[max(0, time.start_char - 16):time.start_char].split()]
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    first = time.text.split()[:1]
    return bool(before and before[-1] in bounds or first and first[0].lower() in bounds)


def _owner(doc: Doc, time: TimeExpression) -> int | None:
    """Index of the verb whose clause holds ``time``, or None outside any clause."""
    span = doc.char_span(time.start_char, time.end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return next((t.i for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)


def _is_main(verb: Token) -> bool:
    """True for a sentence's main verb or a verb coordinated with it."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def choose_time(index: TimeIndex, trigger: Token, clause: Sequence[Token],
                sentence_no: int) -> tuple[TimeExpression | None, TimeSource | None]:
    """(expression, source) for the clause of ``trigger``; (None, None) when none fits.

    Among several expressions in the clause the finest (``Granularity`` order) dates it.
    """
    chars = {t.idx for t in clause}
    inside = [t for t in index.times if any(t.start_char <= c < t.end_char for c in chars)]
    if inside:
        best = min(inside, key=lambda t: (granularity_rank(t.granularity),
                                          abs(t.start_char - trigger.idx)))
        return best, TimeSource.CLAUSE
    sent = index.sents[sentence_no]
    # "Development, begun two years ago, has been pushed back": the expression is in
    # another clause of the sentence, so it does not date the main one.
    above = {t.i for t in trigger.ancestors}
    here = [t for t, o in zip(index.times, index.owners) if o is None or o in above]
    found = _last_between(here, sent.start_char, trigger.idx)
    if found is not None:
        return found, TimeSource.SENTENCE
    earliest = index.sents[max(0, sentence_no - PARAGRAPH_SENTENCES)].start_char
    paragraph = index.text.rfind("\n", 0, sent.start_char) + 1
    main = [t for t, is_main in zip(index.times, index.main) if is_main]
    found = _last_between(main, max(paragraph, earliest), sent.start_char)
    return (found, TimeSource.PARAGRAPH) if found is not None else (None, None)


def _last_between(times: Sequence[TimeExpression], start: int,
                  before: int) -> TimeExpression | None:
    """The last expression lying in [start, before)."""
    found = [t for t in times if t.start_char >= start and t.end_char <= before]
    return found[-1] if found else None


def published_time(reference: date) -> TimeExpression:
    """A stand-in expression for the publication date, flagged ``published``."""
    day = datetime(reference.year, reference.month, reference.day)
    value, reason = day.date().isoformat(), "no time expression governs or precedes the clause"
    try:
        start, end = day, day + timedelta(days=1)
    except OverflowError:  # 9999-12-31: its exclusive end is off the calendar
        value, start, end = "", None, None
        reason += f"; the publication date {day.date()} is the calendar's last day"
    return TimeExpression(
        text="", start_char=-1, end_char=-1, type="DATE", value=value, start=start, end=end,
        granularity=Granularity.PUBLISHED, anchor=PUBLISHED_ANCHOR, rule="published-date",
        confidence=1.0, reason=reason,
    )
