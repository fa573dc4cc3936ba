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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, TypeVar

from timeline.events.clauses import clause_tokens, has_subject, shared_conjuncts
from timeline.events.linked_times import linked_time
from timeline.events.report_times import report_owner
from timeline.events.tokens import children_of
from timeline.model import TimeExpression, evolve
from timeline.temporal.build import parse_number
from timeline.vocab import PUBLISHED_ANCHOR, Granularity, TimeSource, granularity_rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from timeline.events.lexicon import EventLexicon

#: An event record (``clause_events.EventRecord``), which this module does not import.
R = TypeVar("R")

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
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True)
class TimeIndex:
    """The usable expressions of one article, with the clause each belongs to.

    ``times`` are sorted by start; ``starts`` and ``reach`` (the furthest end of any
    expression up to each one) let a clause find the expressions near it by binary
    search, and ``breaks`` (the offsets of line breaks) its paragraph, so dating every
    clause costs time linear in the article's length, not quadratic.
    """

    text: str
    sents: tuple[Span, ...]
    times: tuple[TimeExpression, ...]
    owners: tuple[int | None, ...]
    main: tuple[bool, ...]
    starts: tuple[int, ...] = ()
    reach: tuple[int, ...] = ()
    breaks: tuple[int, ...] = ()
    #: Whether each expression was moved from the clause it was parsed in to the
    #: reporting verb before it ("said on Monday it had accepted").
    lent: tuple[bool, ...] = ()
    #: The bounds left out of ``times`` ("since 1992"), in text order.
    bounds: tuple[TimeExpression, ...] = ()

    def overlapping(self, start: int, end: int) -> range:
        """Positions in ``times`` of every expression that may overlap [start, end]."""
        return range(bisect_right(self.reach, start), bisect_right(self.starts, end))

    def within(self, start: int, before: int) -> range:
        """Positions in ``times`` of the expressions starting in [start, before)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, before))

    def paragraph_start(self, offset: int) -> int:
        """Offset of the line ``offset`` is on (after the last line break before it)."""
        count = bisect_left(self.breaks, offset)
        return self.breaks[count - 1] + 1 if count else 0


def index_times(doc: Doc, times: Sequence[TimeExpression], bounds: frozenset[str],
                sents: tuple[Span, ...], text: str | None = None,
                reporting: frozenset[str] = frozenset()) -> TimeIndex:
    """Keep the expressions that can date an event and find the clause of each
    (``text``: the article's text, same offsets as ``doc``'s, when the caller has it;
    ``reporting``: the reporting verbs, whose "said on Monday" is their own)."""
    if text is None:
        text = doc.text  # Doc.text joins every token on each call: read it once
    placed = sorted((t for t in times if t.start is not None and t.value),
                    key=lambda t: t.start_char)
    bound = [_is_bound(text, t, bounds) for t in placed]
    usable = tuple(t for t, b in zip(placed, bound) if not b)
    found = tuple(_owner(doc, t) for t in usable)
    owners = tuple(report_owner(doc, t, o, reporting) for t, o in zip(usable, found))
    main = tuple(o is None or _is_main(doc[o]) for o in owners)
    starts = tuple(t.start_char for t in usable)
    reach = tuple(accumulate((t.end_char for t in usable), max))
    breaks = tuple(match.start() for match in _LINE_BREAK.finditer(text))
    return TimeIndex(text, sents, usable, owners, main, starts, reach, breaks,
                     tuple(o != f for o, f in zip(owners, found)),
                     tuple(t for t, b in zip(placed, bound) if b))


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
                sentence_no: int, linked: frozenset[str] = frozenset(),
                ) -> tuple[TimeExpression | None, TimeSource | None]:
    """(expression, source) for the clause of ``trigger`` (``clause``: its tokens, in
    text order, as ``clauses.clause_tokens`` gives them); (None, None) when none fits.

    Among several expressions in the clause the finest (``Granularity`` order) dates it;
    ``linked``: the marks of an adverbial clause whose time the clause shares when it
    names none ("fled when rebels stormed the town on Monday").
    """
    inside = _inside(index, clause, trigger)
    if inside:
        best = min(inside, key=lambda t: (granularity_rank(t.granularity),
                                          abs(t.start_char - trigger.idx)))
        return best, TimeSource.CLAUSE
    sent = index.sents[sentence_no]
    now = _now(trigger)
    shared = _shared_with_conjunct(index, trigger, sent.end_char) or (
        None if now else linked_time(index, trigger, linked))
    if shared is not None:
        return shared, TimeSource.SENTENCE
    head = None if now else _conjunct_head_time(index, trigger, sent.start_char)
    if head is not None:
        return head, TimeSource.SENTENCE
    # "Development, begun two years ago, has been pushed back": the expression is in
    # another clause of the sentence, so it does not date the main one.
    found = _governing_before(index, trigger, sent.start_char)
    if found is not None:
        return found, TimeSource.SENTENCE
    if now:
        # "The junta has been accused of air strikes, which it denies": the present, not
        # the date the sentence before named.
        return None, None
    earliest = index.sents[max(0, sentence_no - PARAGRAPH_SENTENCES)].start_char
    paragraph = index.paragraph_start(sent.start_char)
    found = _last_between(index, max(paragraph, earliest), sent.start_char,
                          lambda i: index.main[i])
    return (found, TimeSource.PARAGRAPH) if found is not None else (None, None)


def _inside(index: TimeIndex, clause: Sequence[Token], trigger: Token) -> list[TimeExpression]:
    """The expressions that share a character with a token of ``clause`` (in text
    order), less one lent to the reporting verb above it, plus one lent to ``trigger``
    ("said on Monday it had accepted": the saying's). Most clauses have none even near
    them: the tokens' offsets are only listed for those that do."""
    first, last = (clause[0].idx, clause[-1].idx) if clause else (trigger.idx, trigger.idx)
    if index.lent and trigger.right_edge.idx > last:
        last = trigger.right_edge.idx  # a reporting verb's lent expression is after it
    near = index.overlapping(first, last)
    if not near:
        return []
    chars = sorted({t.idx for t in clause})
    lent = index.lent or (False,) * len(index.times)
    return [index.times[i] for i in near
            if (index.owners[i] == trigger.i if lent[i] else
                bisect_right(chars, index.times[i].end_char - 1)
                > bisect_left(chars, index.times[i].start_char))]


def _governing_before(index: TimeIndex, trigger: Token, start: int) -> TimeExpression | None:
    """The last expression of the sentence (from ``start``) before ``trigger`` that is in
    no clause, or in one that governs the trigger's; the trigger's governors are only
    walked when the sentence has an expression before it."""
    if not index.within(start, trigger.idx):
        return None
    above = {t.i for t in trigger.ancestors}
    return _last_between(index, start, trigger.idx,
                         lambda i: index.owners[i] is None or index.owners[i] in above)


def _shared_with_conjunct(index: TimeIndex, trigger: Token, end: int,
                          ) -> TimeExpression | None:
    """The time of a later verb coordinated with ``trigger`` that shares its subject:
    "Taliban fighters beat and detained several women in Kabul on Saturday" puts the
    shared "on Saturday" in the last verb's clause. A conjunct with a subject of its
    own ("... and police fired tear gas on Tuesday") tells its own event, unless it
    shares the trigger's auxiliary ("30 people were killed and 50 injured in Mogadishu
    on Monday": one frame, the casualties of one event)."""
    later = {c.i for c in shared_conjuncts(trigger)} | _gapped_conjuncts(trigger)
    if not later:
        return None
    doc = trigger.doc
    times = index.within(trigger.idx, end)
    if any(index.times[i].start_char < doc[min(later)].idx for i in times):
        return None  # "start delivering in 2011 and end two years later": its own
    for i in times:
        owner = index.owners[i]
        # The expression may sit in a participle below the conjunct ("detained
        # several women protesting in Kabul on Saturday"), not in a clause with a
        # subject of its own ("women who had protested on Saturday").
        while owner is not None and owner not in later and owner > trigger.i:
            verb = doc[owner]  # a verb, or a noun a participle modifies
            owner = None if has_subject(verb) or verb.head is verb else verb.head.i
        if owner in later:
            return index.times[i]
    return None


def _gapped_conjuncts(trigger: Token) -> set[int]:
    """Later past participles coordinated with ``trigger`` that lean on its passive
    auxiliary, having none of their own ("were killed and 50 injured")."""
    if not any(c.dep_ == "auxpass" for c in children_of(trigger)):
        return set()
    return {c.i for c in children_of(trigger) if c.dep_ == "conj" and c.i > trigger.i
            and c.tag_ == "VBN" and not any(a.dep_ in {"aux", "auxpass"} for a in children_of(c))}


def _now(verb: Token) -> bool:
    """True for a verb in the present, present progressive or present perfect ("denies",
    "is probing", "has been accused"), which tells the moment of writing, not a time
    the text named before."""
    aux = [c for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ in {"VBZ", "VBP"} and not aux:
        return True
    if verb.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be" for a in aux):
        return True  # "is probing"
    return any(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "have" for a in aux) and not any(
        a.tag_ == "MD" for a in aux)


def _conjunct_head_time(index: TimeIndex, trigger: Token, start: int) -> TimeExpression | None:
    """A later coordinated verb with no time of its own shares the time that dates the
    verb it is coordinated with, chosen as that verb's clause chooses (the finest): "made
    a visit to Kyiv on Monday, nearly a year after the invasion, and met Zelenskyy" met
    him on Monday. Not when the last expression before it is another clause's."""
    if trigger.dep_ != "conj" or trigger.head.pos_ not in {"VERB", "AUX"}:
        return None
    head = trigger.head
    before = [i for i in index.within(start, trigger.idx) if index.times[i].end_char <= trigger.idx]
    owned = [index.times[i] for i in before if index.owners[i] == head.i]
    if not owned or index.owners[before[-1]] != head.i:
        return None
    # The finest, and of those the nearest: "on Wednesday after the destruction of the
    # dam yesterday sent a torrent" (parsed as one verb's) keeps "yesterday".
    return min(owned, key=lambda t: (granularity_rank(t.granularity), trigger.idx - t.start_char))


def _last_between(index: TimeIndex, start: int, before: int,
                  keep: Callable[[int], bool]) -> TimeExpression | None:
    """The last expression lying in [start, before) whose position ``keep`` accepts."""
    for i in reversed(index.within(start, before)):
        if index.times[i].end_char <= before and keep(i):
            return index.times[i]
    return None


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


#: Largest count of days or weeks read as a measure between two clauses.
MAX_OFFSET = 366


def governor_offset(index: TimeIndex, trigger: Token, sentence_no: int,
                    lexicon: EventLexicon) -> TimeExpression | None:
    """The time of an adverbial clause measured from its governor's day: "The attack
    came a day after Russian forces captured the village" dates the capture the day
    before the attack (``offset_units`` and ``offset_marks`` of ``event_types.yaml``;
    hours stay on the governor's day, unknown how far). None for any other clause, for
    a vague measure ("days after"), or when the governor has no day."""
    if trigger.dep_ != "advcl" or trigger.head is trigger:
        return None
    marks, units = dict(lexicon.offset_marks), dict(lexicon.offset_units)
    mark = next((c for c in children_of(trigger) if c.dep_ == "mark"), None)
    measure = next((c for c in children_of(trigger) if c.dep_ == "npadvmod"), None)
    if mark is None or measure is None or mark.lower_ not in marks:
        return None
    unit = units.get(measure.lemma_.lower())
    count = next((c for c in children_of(measure) if c.dep_ in {"nummod", "det"}), None)
    vague = measure.tag_ != "NN" and count is None or any(
        c.dep_ == "amod" for c in children_of(measure))  # "days after", "several days"
    try:
        number = None if vague else 1 if count is None or count.lower_ in {"a", "an"} \
            else parse_number(count.lower_)
    except ValueError:  # not a number word ("the day after")
        number = None
    if unit is None or number is None or number != int(number) or number > MAX_OFFSET:
        return None
    head = trigger.head
    time, _ = choose_time(index, head, clause_tokens(head), sentence_no)
    if time is None or time.start is None or time.granularity != Granularity.DAY:
        return None
    days = marks[mark.lower_] * unit * int(number)
    start = time.start + timedelta(days=days)
    text = index.text[measure.left_edge.idx:mark.idx + len(mark)]
    return TimeExpression(
        text=text, start_char=measure.left_edge.idx, end_char=mark.idx + len(mark),
        type="DATE", value=start.date().isoformat(), start=start,
        end=start + timedelta(days=1), granularity=Granularity.DAY,
        anchor=f"the governing clause's '{time.text}'", rule="governor-offset",
        confidence=time.confidence,
        reason=f"{abs(days)} day{'' if abs(days) == 1 else 's'} "
               f"{'before' if days < 0 else 'after'} {time.value}, the day of the clause "
               f"it is measured from")

#: Factor for negated, hypothetical or planned clauses ("Zaluznyi would travel").
UNCERTAIN_FACTOR = 0.6
#: Factor for verbs outside the taxonomy (type "other").
OTHER_FACTOR = 0.8


def confidence(source: TimeSource | None, time: TimeExpression | None, modality: str,
               event_type: str) -> float:
    """Combine how the date was found, how sure its resolution was, and factuality."""
    score = TIME_SOURCE_CONFIDENCE.get(source, 0.2)
    if time is not None and source != TimeSource.PUBLISHED:
        score *= max(0.0, min(1.0, time.confidence or 1.0))
    if modality != "asserted":
        score *= UNCERTAIN_FACTOR
    if event_type == "other":
        score *= OTHER_FACTOR
    return round(score, 3)


def timed(record: R, time: TimeExpression | None, source: TimeSource) -> R:
    """``record`` (an ``EventRecord``) dated by ``time``, found as ``source``, with the
    confidence they give."""
    score = confidence(source, time, record.modality, record.event.event_type)  # type: ignore[attr-defined]
    return evolve(record, event=evolve(record.event, time=time, confidence=score),  # type: ignore[attr-defined]
                  time_source=source)
