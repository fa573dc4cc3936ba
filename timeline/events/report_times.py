"""The time a report gives the clause it reports.

"Police arrested three men, a spokesman said on Sunday", "The ministry said on Monday
that 12 soldiers were killed", "X condemned the attack, his spokesman said on
Saturday": the statement is dated by its own expression; the reported clause, told in
the past with no time of its own, happened on or before that day. Wire copy mostly
means the same day or the day before, so the report's day dates it, with less
confidence than an expression of its own (``REPORTED_FACTOR``) and a reason that says
it is a bound. The attribution may close the sentence or open it: both read the same.
An earlier day the paragraph names that does not fall after the report's ("On
Saturday gunmen attacked a village. Ten people were killed, police said on Sunday")
stays: it is the happening, within the bound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.tokens import children_of
from timeline.model import TimeExpression, evolve
from timeline.vocab import Granularity, TimeSource, granularity_rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.anchoring import TimeIndex

#: Confidence factor for a reported clause dated by its report's day.
REPORTED_FACTOR = 0.8
#: Dependencies linking a reported clause and its reporting verb.
_REPORT_DEPS = frozenset({"ccomp", "parataxis"})
#: Auxiliaries that put a participle in the past or the perfect ("were killed",
#: "have seized", "had signed").
_PARTICIPLE_AUX = frozenset({"was", "were", "had", "has", "have", "'ve", "'d"})


def reporting_verb(trigger: Token, reporting: frozenset[str]) -> Token | None:
    """The reporting verb whose complement holds ``trigger`` (through the verbs it is
    coordinated with): its governor ("The ministry said ... that 12 soldiers were
    killed", and a closing "..., a spokesman said" as spaCy parses it) or a dependent
    after it ("Israel struck ..., the army said")."""
    verb = trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    if verb.dep_ in _REPORT_DEPS and head.i != verb.i and head.lemma_.lower() in reporting:
        return head
    return next((c for c in children_of(verb) if c.dep_ in _REPORT_DEPS and c.i > verb.i
                 and c.lemma_.lower() in reporting), None)


def report_owner(doc: Doc, time: TimeExpression, owner: int | None,
                 reporting: frozenset[str]) -> int | None:
    """The verb a time expression in the clause of ``owner`` belongs to: a reporting
    verb's when it stands between that verb and the subject of the clause it reports
    ("Hamas said on Monday it had accepted ...", which the parser may read as
    "accepted on Monday"), else ``owner``."""
    if owner is None or not reporting:
        return owner
    verb = doc[owner]
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in reporting or not (
            head.idx < time.start_char and time.end_char <= verb.idx):
        return owner
    subjects = [c.idx for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    return head.i if subjects and min(subjects) >= time.end_char else owner


def told_in_past(verb: Token) -> bool:
    """Whether ``verb`` tells a past happening: a past form ("arrested"), a participle
    after a past or perfect auxiliary ("were killed", "have seized"), or a bare one
    ("Four soldiers killed in ambush"); not one after a modal ("would have signed")."""
    aux = [c for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in aux):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and (not aux or any(a.lower_ in _PARTICIPLE_AUX for a in aux))


def _report_day(index: TimeIndex, verb: Token) -> TimeExpression | None:
    """The finest day (or finer time) the reporting ``verb``'s own clause names, or a
    participle on a noun of it ("said in a statement released on Sunday")."""
    last = verb.right_edge
    doc = verb.doc
    days = [index.times[i] for i in index.within(verb.left_edge.idx, last.idx + len(last))
            if index.owners[i] is not None
            and (index.owners[i] == verb.i or _participle_of(doc[index.owners[i]], verb))
            and granularity_rank(index.times[i].granularity) <= Granularity.DAY.rank]
    return min(days, key=lambda t: granularity_rank(t.granularity)) if days else None


def _participle_of(owner: Token, verb: Token) -> bool:
    """Whether ``owner`` is a past participle on a noun of ``verb``'s clause, the next
    verb above it ("said in a statement released on Sunday")."""
    if owner.dep_ != "acl" or owner.tag_ != "VBN":
        return False
    above = next((t for t in owner.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return above is not None and above.i == verb.i


def _bound(time: TimeExpression, verb: Token) -> TimeExpression:
    """The report's ``time`` as a bound on what it reports: less sure, and saying so."""
    said = f"{verb.text} {time.text}" if time.start_char > verb.idx else f"{time.text} ... {verb.text}"
    return evolve(time, confidence=round((time.confidence or 1.0) * REPORTED_FACTOR, 3),
                  reason=f"{time.reason}; a reported happening told in the past: on or "
                         f"before the day of its report ('{said}')")


def _same(one: TimeExpression, other: TimeExpression) -> bool:
    return (one.start_char, one.end_char) == (other.start_char, other.end_char)


def with_report(index: TimeIndex, trigger: Token, reporting: frozenset[str],
                time: TimeExpression | None, source: TimeSource | None, unrealised: bool,
                ) -> tuple[TimeExpression | None, TimeSource | None]:
    """(time, source) of ``trigger``'s clause once the day of its report is known.

    A clause told in the past takes the report's day as a bound, unless it has a time
    of its own, shares a coordinated verb's, or takes a day from the paragraph that
    does not fall after the report's (a coarser period the paragraph named is its own
    sentence's frame, not this happening's). What is still unrealised ("said on
    Monday that troops will withdraw", "Troops will withdraw, the ministry said on
    Monday") is not dated by its report, wherever the attribution stands.
    """
    if source == TimeSource.CLAUSE:
        return time, source
    verb = reporting_verb(trigger, reporting)
    report = None if verb is None else _report_day(index, verb)
    if report is None or verb is None:
        return time, source
    if unrealised or not told_in_past(trigger):
        return (None, None) if unrealised and time is not None and _same(time, report) \
            else (time, source)
    if time is None or _same(time, report) or source == TimeSource.PARAGRAPH and (
            time.start is None or report.start is None or time.start > report.start
            or granularity_rank(time.granularity) > Granularity.DAY.rank):
        return _bound(report, verb), TimeSource.SENTENCE
    return time, source
