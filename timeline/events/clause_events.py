"""One event per clause that reports something happening: what, who, where, when.

``extract_events`` reads a parsed article (a spaCy Doc), its entity mentions and its
resolved time expressions, and returns ``EventRecord`` values: the shared ``Event``
plus actor and place details. A clause is a verb with a subject (its own, or its
governor's for "decided to meet"); its type comes from ``resources/event_types.yaml``;
its time from ``timeline.events.anchoring``, with narrative continuity as the last resort
before the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.events import anchoring, clauses
from timeline.events.clauses import Location, MentionIndex
from timeline.events.entities import Profile
from timeline.events.lexicon import EventLexicon, load_event_lexicon
from timeline.model import Event, Mention, TimeExpression
from timeline.text.dateline import dateline_end
from timeline.vocab import TimeSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Factor for hypothetical or negated clauses ("Zaluznyi would travel").
UNCERTAIN_FACTOR = 0.6
#: Factor for verbs outside the taxonomy (type "other").
OTHER_FACTOR = 0.8
#: Deepest arc (verb -> prep -> noun -> appositive -> prep) at which a place counts.
LOCATION_DEPTH = 4
#: Verbs used as adjectives ("the expanded training") or auxiliaries head no clause.
NON_CLAUSE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "aux", "auxpass"})
#: Time sources a later clause may continue from.
DATED_SOURCES = frozenset({TimeSource.CLAUSE, TimeSource.SENTENCE, TimeSource.PARAGRAPH})


@dataclass(frozen=True)
class EventRecord:
    """An ``Event`` with the details the timeline frame reports."""

    event: Event
    actors: tuple[Profile, ...]
    locations: tuple[Location, ...]
    time_source: TimeSource | None
    uncertain: bool = False


@dataclass(frozen=True)
class _Article:
    """What every clause of one article is read against."""

    doc_id: str
    index: MentionIndex
    times: anchoring.TimeIndex
    context: tuple[str, ...]
    lexicon: EventLexicon


def event_type(trigger: Token, lexicon: EventLexicon) -> tuple[str, str] | None:
    """(trigger lemma, event type) for a verb, or None when it reports no event.

    A light verb takes its type from its object or subject noun ("held talks",
    "fighting is going on"); a disaster noun as subject decides ("an earthquake
    struck"); stative verbs ("remain", "be") report no event.
    """
    lemma = trigger.lemma_.lower()
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    phrasal = f"{lemma} {particle}" if particle else lemma
    nouns = [c for dep in ("dobj", "nsubj", "nsubjpass", "attr")
             for c in trigger.children if c.dep_ == dep]
    if phrasal in lexicon.light_verbs or lemma in lexicon.light_verbs:
        found = next((t for t in map(lambda n: lexicon.type_of_noun(n.lemma_.lower()), nouns)
                      if t is not None), None)
        if found is not None:
            return phrasal, found
    for noun in (n for n in nouns if n.dep_ in {"nsubj", "nsubjpass"}):
        found = lexicon.type_of_noun(noun.lemma_.lower())
        if found in lexicon.subject_types:
            return phrasal, found
    if lemma in lexicon.non_events and phrasal not in dict(lexicon.phrasal_types):
        return None
    return phrasal, lexicon.type_of_verb(phrasal) or lexicon.type_of_verb(lemma) or "other"


def is_trigger(token: Token) -> bool:
    """True for a verb heading a clause (not an adjectival participle or auxiliary)."""
    if token.pos_ != "VERB" or token.dep_ in NON_CLAUSE_DEPS or not token.is_alpha:
        return False
    return not clauses.is_folded(token)


def is_uncertain(trigger: Token, lexicon: EventLexicon) -> bool:
    """True when the clause is hypothetical or negated ("would travel", "did not meet")."""
    markers = lexicon.uncertain_markers
    if any(c.lower_ in markers for c in trigger.children if c.dep_ in {"aux", "neg", "mark"}):
        return True
    return trigger.dep_ == "acl" and trigger.head.lemma_.lower() in lexicon.hypothetical_nouns


def extract_events(
    doc: Doc,
    doc_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    reference: date | None,
    *,
    lexicon: EventLexicon | None = None,
    include_other: bool = True,
    dateline: int | None = None,
) -> list[EventRecord]:
    """Events reported by ``doc``, in text order.

    ``dateline``: where the opening dateline ends, when ``doc`` was parsed with it
    blanked (``timeline.text.dateline.blank_dateline``); found in ``doc`` otherwise.
    """
    lexicon = lexicon or load_event_lexicon()
    # A dateline ("GAZIANTEP, Turkey —") says where the story was filed; its place is
    # not an actor or location of the first sentence's event, and its date dates the
    # lead only when the lead has no time of its own.
    opening = dateline_end(doc.text) if dateline is None else dateline
    mentions = [m for m in mentions if m.start_char >= opening]
    # Token.sent walks the document each time it is asked: list sentences once.
    sents = tuple(doc.sents)
    article = _Article(
        doc_id=doc_id, index=MentionIndex(doc, mentions),
        times=anchoring.index_times(doc, times, lexicon.time_bounds, sents, dateline=opening),
        context=tuple(dict.fromkeys(m.canonical for m in mentions if m.label in {"GPE", "NORP"})),
        lexicon=lexicon,
    )
    numbered: list[tuple[int, EventRecord]] = []
    for sentence_no, sent in enumerate(sents):
        for token in sent:
            typed = event_type(token, lexicon) if is_trigger(token) else None
            if typed is None or (typed[1] == "other" and not include_other):
                continue
            record = _record(article, token, typed, sentence_no)
            if record is None:
                continue
            if not record.time_source:
                record = _fallback_time(record, numbered, sentence_no, reference)
            numbered.append((sentence_no, record))
    return [record for _, record in numbered]


def _record(article: _Article, trigger: Token, typed: tuple[str, str],
            sentence_no: int) -> EventRecord | None:
    index, context = article.index, article.context
    subjects = clauses.subjects(trigger)
    if not subjects:
        return None  # "the need to provide support": nobody is reported doing anything
    mentions = [m for s in subjects for m in clauses.actors_of(s, index)]
    with_object = typed[1] in article.lexicon.object_actor_types
    actors = _actors(mentions + clauses.counterparts(trigger, index, with_object))
    # Places deep inside an object ("support for Ukraine, such as training in the
    # United States") describe the object, not where the event happened.
    near = clauses.clause_tokens(trigger, max_depth=LOCATION_DEPTH)
    locations = tuple(clauses.locations_of(near, index, typed[1], context))
    if typed[1] in article.lexicon.object_place_types:
        locations = clauses.object_places(trigger, index, context) + locations
    sent = article.times.sents[sentence_no]
    time, source = anchoring.choose_time(article.times, trigger, clauses.clause_tokens(trigger),
                                         sentence_no)
    event = Event(
        doc_id=article.doc_id, trigger=typed[0], event_type=typed[1],
        start_char=trigger.idx, end_char=trigger.idx + len(trigger),
        sentence_start=sent.start_char, sentence_end=sent.start_char + len(sent.text.rstrip()),
        actors=tuple(a.name for a in actors), locations=tuple(loc.text for loc in locations),
        time=time, confidence=0.0,
    )
    record = EventRecord(event, actors, locations, source, is_uncertain(trigger, article.lexicon))
    return _with_confidence(record) if source else record


def _fallback_time(record: EventRecord, earlier: Sequence[tuple[int, EventRecord]],
                   sentence_no: int, reference: date | None) -> EventRecord:
    """Continuity with a recent event sharing an actor, else the publication date."""
    names = set(record.event.actors)
    for previous_no, previous in reversed(earlier):
        if sentence_no - previous_no > anchoring.CONTINUITY_SENTENCES:
            break
        # A hypothetical event ("would travel") does not set the narrative's time.
        if (names & set(previous.event.actors) and not previous.uncertain
                and previous.time_source in DATED_SOURCES):
            event = replace(record.event, time=previous.event.time)
            return _with_confidence(replace(record, event=event, time_source=TimeSource.SAME_ACTOR))
    if reference is None:
        return _with_confidence(replace(record, time_source=TimeSource.NONE))
    event = replace(record.event, time=anchoring.published_time(reference))
    return _with_confidence(replace(record, event=event, time_source=TimeSource.PUBLISHED))


def _with_confidence(record: EventRecord) -> EventRecord:
    """Combine how the date was found, how sure its resolution was, and factuality."""
    time = record.event.time
    score = anchoring.TIME_SOURCE_CONFIDENCE.get(record.time_source, 0.2)
    if time is not None and record.time_source != TimeSource.PUBLISHED:
        score *= max(0.0, min(1.0, time.confidence or 1.0))
    if record.uncertain:
        score *= UNCERTAIN_FACTOR
    if record.event.event_type == "other":
        score *= OTHER_FACTOR
    return replace(record, event=replace(record.event, confidence=round(score, 3)))


def _actors(mentions: Sequence[Mention]) -> tuple[Profile, ...]:
    """One Profile per canonical name, in order of first mention."""
    seen: dict[str, Profile] = {}
    for mention in mentions:
        name = mention.canonical or mention.text
        kind = "GPE" if mention.label == "NORP" else mention.label
        if name not in seen:
            seen[name] = Profile(name, kind, mention.title, mention.role, (mention.text,))
    return tuple(seen.values())
