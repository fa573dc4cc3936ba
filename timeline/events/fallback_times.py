"""An event's time when its clause names none: a participle's, an earlier event's in
the same sentence, a daily report's period, a recent event of the same actor, else the
publication date (``anchoring`` says which expression dates a clause that names one).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from timeline.events import anchoring, recent_periods
from timeline.events.article_steps import STATEMENT
from timeline.events.modality import UNREALISED
from timeline.events.report_times import reporting_verb
from timeline.events.tokens import children_of
from timeline.model import TimeExpression
from timeline.vocab import Granularity, TimeSource, granularity_rank

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.clause_events import EventRecord
    from timeline.events.clause_events import ArticleContext

#: Time sources a later clause may continue from.
DATED_SOURCES = frozenset({TimeSource.CLAUSE, TimeSource.SENTENCE, TimeSource.PARAGRAPH})


def dated(record: EventRecord, article: ArticleContext, trigger: Token,
           earlier: Sequence[tuple[int, EventRecord]], reference: date | None) -> EventRecord:
    """A record without a time of its own takes a participle's, then the fallbacks'."""
    if record.time_source:
        return record
    modifier = _modifier_time(article.times, trigger)
    if modifier is not None:
        return anchoring.timed(record, modifier, TimeSource.SENTENCE)
    report = reporting_verb(trigger, article.lexicon.reporting_verbs)
    return _fallback_time(record, earlier, record.sentence_no, reference, article,
                          -1 if report is None else report.idx)


def _fallback_time(record: EventRecord, earlier: Sequence[tuple[int, EventRecord]],
                   sentence_no: int, reference: date | None, article: ArticleContext,
                   report: int = -1) -> EventRecord:
    """The time of an earlier event of the same sentence ("Protesters gathered ... on
    Tuesday; police fired tear gas"), not the statement reporting it (at ``report``,
    whose day ``report_times`` weighs), the day before publication for a daily report's
    period ("killed in past 24 hours", "no casualties reported in past 24 hours"; not
    for what will or may happen "in a day"), continuity with a recent event sharing an
    actor, else the publication date."""
    for previous_no, previous in reversed(earlier):
        if previous_no != sentence_no:
            break
        if previous.time_source in DATED_SOURCES and not previous.uncertain \
                and previous.event.start_char != report:
            return anchoring.timed(record, previous.event.time, TimeSource.SENTENCE)
    daily = None if record.modality in UNREALISED else recent(
        article, record.event.sentence_start, record.event.sentence_end, reference)
    if daily is not None:
        return anchoring.timed(record, daily, TimeSource.SENTENCE)
    names = set(record.event.actors)
    for previous_no, previous in reversed(earlier):
        if sentence_no - previous_no > anchoring.CONTINUITY_SENTENCES:
            break
        # A hypothetical event ("would travel") does not set the narrative's time.
        if (names & set(previous.event.actors) and not previous.uncertain
                and previous.time_source in DATED_SOURCES
                and carries_to(previous.event.time, record.event.event_type)):
            return anchoring.timed(record, previous.event.time, TimeSource.SAME_ACTOR)
    if reference is None:
        return anchoring.timed(record, record.event.time, TimeSource.NONE)
    published = article.published if reference == article.reference else None
    return anchoring.timed(record, published or anchoring.published_time(reference), TimeSource.PUBLISHED)


def carries_to(time: TimeExpression | None, event_type: str) -> bool:
    """Whether ``time``, named in an earlier sentence, may date an event of
    ``event_type`` in a later one. A statement is made on a day: a coarser period named
    before ("Sales fell in the first quarter of 2009. The firm said it had lost $5.9
    billion", "an agreement reached in 1991 ... said Jobs") is that sentence's frame,
    not the day of the saying."""
    return event_type != STATEMENT or time is None or (
        granularity_rank(time.granularity) <= Granularity.DAY.rank)


def recent(article: ArticleContext, sentence_start: int, sentence_end: int,
            reference: date | None) -> TimeExpression | None:
    """The report's period a sentence names ("in past 24 hours", "over past week")."""
    if reference is None:
        return None
    if reference == article.reference:
        key = (sentence_start, sentence_end)
        if key not in article.periods:
            article.periods[key] = _recent_period(article, sentence_start, sentence_end,
                                                  reference)
        return article.periods[key]
    return _recent_period(article, sentence_start, sentence_end, reference)


def _recent_period(article: ArticleContext, sentence_start: int, sentence_end: int,
                   reference: date) -> TimeExpression | None:
    lexicon = article.lexicon
    # Most sentences name no period: one search for any of them rules both kinds out.
    either = article.any_period
    if either is not None and either.search(article.times.text, sentence_start,
                                            sentence_end) is None:
        return None
    for periods, first, last in ((lexicon.recent_day_periods, -1, -1),
                                 (lexicon.recent_week_periods, -6, 0)):
        period = recent_periods.recent_period(lexicon.recent_prepositions, periods, first, last)
        found = recent_periods.recent_time(article.times.text, sentence_start, sentence_end,
                                      reference, period)
        if found is not None:
            return found
    return None


def _modifier_time(index: anchoring.TimeIndex, trigger: Token) -> TimeExpression | None:
    """The time of a participle modifying one of the clause's arguments: "A mob lynched
    two men accused of theft in Kisumu on Sunday" happened on Sunday."""
    for argument in (c for c in children_of(trigger) if c.dep_ in {"dobj", "nsubj", "nsubjpass"}):
        for participle in (c for c in children_of(argument) if c.dep_ == "acl"):
            last = participle.right_edge
            start, end = participle.left_edge.idx, last.idx + len(last)
            found = [t for t in index.times if start <= t.start_char and t.end_char <= end]
            if found:
                return found[0]
    return None
