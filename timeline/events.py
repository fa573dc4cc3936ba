"""One event per clause that reports something happening: what, who, where, when.

``extract_events`` reads a parsed article (a spaCy Doc), its entity mentions and its
resolved time expressions, and returns ``EventRecord`` values (the shared ``Event``
plus actor and place details). The event's time is, in order of preference:

1. ``governing``: an expression inside the clause ("met ... on Tuesday");
2. ``sentence``: the nearest one before the trigger in the same sentence;
3. ``paragraph``: the nearest one before it in the same paragraph (line), at most
   ``PARAGRAPH_SENTENCES`` sentences back;
4. ``continuity``: the time of a recent event (within ``CONTINUITY_SENTENCES``) that
   shares an actor, as news narrates one actor's day in a row of paragraphs;
5. ``published``: the reference date, with granularity ``published``.

Only expressions placed on the calendar (``start`` set) date events; durations and
unresolved expressions are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from timeline import clauses
from timeline.clauses import Location, MentionIndex
from timeline.lexicon import EventLexicon, load_event_lexicon
from timeline.model import Event, Mention, TimeExpression
from timeline.schema import PUBLISHED_GRANULARITY

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Confidence of the event's date by how it was found.
TIME_SOURCE_CONFIDENCE = {
    "governing": 0.9, "sentence": 0.75, "paragraph": 0.6, "continuity": 0.55,
    "published": 0.35,
}
#: Factor for hypothetical or negated clauses ("Zaluznyi would travel").
UNCERTAIN_FACTOR = 0.6
#: Factor for verbs outside the taxonomy (type "other").
OTHER_FACTOR = 0.8
CONTINUITY_SENTENCES = 3
#: How many sentences back in its paragraph a clause looks for a time expression:
#: a date three sentences up has usually stopped being the topic.
PARAGRAPH_SENTENCES = 2
#: Deepest arc (verb -> prep -> noun -> appositive -> prep) at which a place counts.
LOCATION_DEPTH = 4
VERB_POS = frozenset({"VERB"})
#: Verbs used as adjectives ("the expanded training") are not clauses.
NON_CLAUSE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "aux", "auxpass"})


@dataclass(frozen=True)
class Actor:
    """An actor of an event, canonicalised, with what the article says about them."""

    name: str
    type: str
    title: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventRecord:
    """An ``Event`` with the details the timeline frame reports."""

    event: Event
    actors: tuple[Actor, ...]
    locations: tuple[Location, ...]
    time_source: str
    uncertain: bool = False


def event_type(trigger: Token, lexicon: EventLexicon) -> tuple[str, str] | None:
    """(trigger lemma, event type) for a verb, or None when it reports no event."""
    lemma = trigger.lemma_.lower()
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    phrasal = f"{lemma} {particle}" if particle else lemma
    if phrasal in lexicon.light_verbs or lemma in lexicon.light_verbs:
        deps = ("dobj", "nsubj", "nsubjpass", "attr")
        for dep in deps:
            nouns = [c for c in trigger.children if c.dep_ == dep]
            for noun in nouns:
                found = lexicon.type_of_noun(noun.lemma_.lower())
                if found is not None:
                    return phrasal, found
    if lemma in lexicon.non_events and phrasal not in dict(lexicon.phrasal_types):
        return None
    found = lexicon.type_of_verb(phrasal)
    if found is None and particle and lemma in {"go", "come", "take", "give", "set"}:
        found = "other"  # the particle changes the meaning: do not trust the bare verb
    return phrasal, found or lexicon.type_of_verb(lemma) or "other"


def is_trigger(token: Token) -> bool:
    """True for a verb heading a clause (not an adjectival participle or auxiliary)."""
    if token.pos_ not in VERB_POS or token.dep_ in NON_CLAUSE_DEPS or not token.is_alpha:
        return False
    return not clauses.is_folded(token)


def _uncertain(trigger: Token, lexicon: EventLexicon) -> bool:
    """True when the clause is hypothetical or negated ("would travel", "did not meet")."""
    markers = lexicon.uncertain_markers
    if any(c.lower_ in markers for c in trigger.children if c.dep_ in {"aux", "neg", "mark"}):
        return True
    # A clause that complements a noun such as "hope" or "plan" has not happened yet.
    return trigger.dep_ == "acl" and trigger.head.lemma_.lower() in {"hope", "plan", "fear", "need"}


def _usable(times: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions placed on the calendar, in text order."""
    return sorted((t for t in times if t.start is not None and t.value),
                  key=lambda t: t.start_char)


_GRANULARITY_RANK = {"time": 0, "part_of_day": 1, "day": 2, "weekend": 3, "week": 4,
                     "month": 5, "quarter": 6, "season": 7, "half": 8, "year": 9}


def _is_bound(text: str, time: TimeExpression, bounds: frozenset[str]) -> bool:
    """True for "since 1992" or "until 2020": a bound on the event, not its time."""
    before = text[max(0, time.start_char - 12):time.start_char].split()
    return bool(before) and before[-1].lower() in bounds or time.text.split()[0].lower() in bounds


def _governing(tokens: Sequence[Token], times: Sequence[TimeExpression],
               trigger: Token) -> TimeExpression | None:
    """The most specific expression inside the clause, the nearest one on ties."""
    chars = {t.idx for t in tokens}
    inside = [t for t in times if any(t.start_char <= c < t.end_char for c in chars)]
    if not inside:
        return None
    return min(inside, key=lambda t: (_GRANULARITY_RANK.get(t.granularity, 10),
                                      abs(t.start_char - trigger.idx)))


def _preceding(times: Sequence[TimeExpression], start: int, before: int) -> TimeExpression | None:
    """The last expression lying in [start, before)."""
    found = [t for t in times if t.start_char >= start and t.end_char <= before]
    return found[-1] if found else None


def _paragraph_start(text: str, char: int) -> int:
    """Offset where the line (paragraph) holding ``char`` begins."""
    return text.rfind("\n", 0, char) + 1


def published_time(reference: datetime) -> TimeExpression:
    """A stand-in expression for the publication date, flagged ``published``."""
    day = datetime(reference.year, reference.month, reference.day)
    return TimeExpression(
        text="", start_char=-1, end_char=-1, type="DATE", value=day.strftime("%Y-%m-%d"),
        start=day, end=day + timedelta(days=1), granularity=PUBLISHED_GRANULARITY,
        anchor="published", rule="published-date", confidence=1.0,
        reason="no time expression governs or precedes the clause",
    )


def extract_events(
    doc: Doc,
    doc_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    reference: datetime | None,
    *,
    lexicon: EventLexicon | None = None,
    include_other: bool = True,
) -> list[EventRecord]:
    """Events reported by ``doc``, in text order."""
    lexicon = lexicon or load_event_lexicon()
    usable = [t for t in _usable(times) if not _is_bound(doc.text, t, lexicon.time_bounds)]
    article = _Article(
        doc=doc, doc_id=doc_id, index=MentionIndex(doc, mentions), times=usable,
        owners={(t.start_char, t.end_char): _owner(doc, t) for t in usable},
        context=tuple(dict.fromkeys(m.canonical for m in mentions if m.label in {"GPE", "NORP"})),
        lexicon=lexicon,
    )
    numbered: list[tuple[int, EventRecord]] = []
    for sentence_no, sent in enumerate(doc.sents):
        for token in sent:
            typed = event_type(token, lexicon) if is_trigger(token) else None
            if typed is None or (typed[1] == "other" and not include_other):
                continue
            record = _record(article, token, typed)
            if record is None:
                continue
            if record.time_source == "":
                record = _fallback_time(record, numbered, sentence_no, reference)
            numbered.append((sentence_no, record))
    return [record for _, record in numbered]


@dataclass(frozen=True)
class _Article:
    """What every clause of one article is read against."""

    doc: Doc
    doc_id: str
    index: MentionIndex
    times: Sequence[TimeExpression]
    owners: dict[tuple[int, int], int | None]
    context: tuple[str, ...]
    lexicon: EventLexicon


def _record(article: _Article, trigger: Token, typed: tuple[str, str]) -> EventRecord | None:
    index, context = article.index, article.context
    subjects = clauses.subjects(trigger)
    if not subjects:
        return None  # "the need to provide support": nobody is reported doing anything
    tokens = clauses.clause_tokens(trigger)
    mentions = [m for s in subjects for m in clauses.actors_of(s, index)]
    mentions += clauses.counterparts(trigger, index)
    actors = _actors(mentions)
    # Places deep inside an object ("support for Ukraine, such as training in the
    # United States") describe the object, not where the event happened.
    near = clauses.clause_tokens(trigger, max_depth=LOCATION_DEPTH)
    locations = tuple(clauses.locations_of(near, index, motion=typed[1] == "visit",
                                           context=context))
    sent = trigger.sent
    time, source = _choose_time(article, trigger, tokens)
    uncertain = _uncertain(trigger, article.lexicon)
    event = Event(
        doc_id=article.doc_id, trigger=typed[0], event_type=typed[1],
        start_char=trigger.idx, end_char=trigger.idx + len(trigger),
        sentence_start=sent.start_char, sentence_end=sent.start_char + len(sent.text.rstrip()),
        actors=tuple(a.name for a in actors), locations=tuple(loc.text for loc in locations),
        time=time, confidence=0.0,
    )
    record = EventRecord(event, actors, locations, source, uncertain)
    return _with_confidence(record) if source else record


def _choose_time(article: _Article, trigger: Token,
                 tokens: Sequence[Token]) -> tuple[TimeExpression | None, str]:
    doc, times = article.doc, article.times
    owner = {key: (None if i is None else doc[i]) for key, i in article.owners.items()}
    governing = _governing(tokens, times, trigger)
    if governing is not None:
        return governing, "governing"
    sent = trigger.sent
    # In its own sentence, an expression dates the clause only from a clause that
    # contains it: "development, begun two years ago, has been pushed back" is not
    # two years old. From earlier sentences, only main-clause expressions carry over.
    above = {t.i for t in trigger.ancestors}
    here = [t for t in times if article.owners[(t.start_char, t.end_char)] in above
            or article.owners[(t.start_char, t.end_char)] is None]
    found = _preceding(here, sent.start_char, trigger.idx)
    if found is not None:
        return found, "sentence"
    window = max(_paragraph_start(doc.text, sent.start_char), _sentences_back(sent))
    main = [t for t in times if owner[(t.start_char, t.end_char)] is None
            or _is_main(owner[(t.start_char, t.end_char)])]
    found = _preceding(main, window, sent.start_char)
    if found is not None:
        return found, "paragraph"
    return None, ""


def _owner(doc: Doc, time: TimeExpression) -> int | None:
    """Index of the verb whose clause holds ``time``, or None outside any clause."""
    span = doc.char_span(time.start_char, time.end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for token in span.root.ancestors:
        if token.pos_ in {"VERB", "AUX"}:
            return token.i
    return None


def _is_main(verb: Token) -> bool:
    """True for a sentence's main verb or a verb coordinated with it."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _sentences_back(sent: Span, count: int = PARAGRAPH_SENTENCES) -> int:
    """Offset where the sentence ``count`` sentences before ``sent`` starts."""
    doc = sent.doc
    for _ in range(count):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start_char


def _fallback_time(record: EventRecord, earlier: Sequence[tuple[int, EventRecord]],
                   sentence_no: int, reference: datetime | None) -> EventRecord:
    """Continuity with a recent event sharing an actor, else the publication date."""
    names = set(record.event.actors)
    for previous_no, previous in reversed(earlier):
        if sentence_no - previous_no > CONTINUITY_SENTENCES:
            break
        if names & set(previous.event.actors) and previous.time_source in {
                "governing", "sentence", "paragraph"}:
            event = replace(record.event, time=previous.event.time)
            return _with_confidence(replace(record, event=event, time_source="continuity"))
    if reference is None:
        return replace(record, time_source="none")
    event = replace(record.event, time=published_time(reference))
    return _with_confidence(replace(record, event=event, time_source="published"))


def _with_confidence(record: EventRecord) -> EventRecord:
    """Combine how the date was found, how sure its resolution was, and factuality."""
    time = record.event.time
    score = TIME_SOURCE_CONFIDENCE.get(record.time_source, 0.2)
    if time is not None and record.time_source != "published":
        score *= max(0.0, min(1.0, time.confidence or 1.0))
    if record.uncertain:
        score *= UNCERTAIN_FACTOR
    if record.event.event_type == "other":
        score *= OTHER_FACTOR
    return replace(record, event=replace(record.event, confidence=round(score, 3)))


def _actors(mentions: Sequence[Mention]) -> tuple[Actor, ...]:
    """One Actor per canonical name, in order of first mention."""
    seen: dict[str, Actor] = {}
    for mention in mentions:
        name = mention.canonical or mention.text
        kind = "GPE" if mention.label == "NORP" else mention.label
        if name not in seen:
            seen[name] = Actor(name, kind, mention.title, mention.role, (mention.text,))
    return tuple(seen.values())
