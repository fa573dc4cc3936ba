"""One event per clause that reports something happening: what, who, where, when.

``extract_events`` reads a parsed article (a spaCy Doc), its entity mentions and its
resolved time expressions, and returns ``EventRecord`` values: the shared ``Event``
plus actor and place details. A clause is a verb with a subject (its own, or its
governor's for "decided to meet"); its type comes from ``resources/event_types.yaml``;
its time from ``timeline.events.anchoring``, with narrative continuity as the last resort
before the publication date.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.events import (anchoring, article_countries, article_steps, casualties,
                             clause_places, clauses, dateline_places, fallback_times,
                             headlines, noise, places, recent_periods, record_actors,
                             report_times, roles, sentence_places, when_clauses)
from timeline.events.casualties import Casualties
from timeline.events.clauses import MentionIndex
from timeline.events.place_phrases import Location
from timeline.events.entities import Profile
from timeline.events.lexicon import EventLexicon, load_event_lexicon
from timeline.events.modality import UNREALISED, modality
from timeline.events.roles import Roles
from timeline.events.taxonomy import OTHER, Coding, code, coding_of, event_type
from timeline.model import Event, Mention, TimeExpression, evolve
from timeline.vocab import Granularity, TimeSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Deepest arc (verb -> prep -> noun -> appositive -> prep) at which a place counts.
LOCATION_DEPTH = 4
#: Verbs used as adjectives ("the expanded training") or auxiliaries head no clause.
NON_CLAUSE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "aux", "auxpass"})
STATEMENT = "statement"


@dataclass(frozen=True)
class EventRecord:
    """An ``Event`` with the details the timeline frame reports."""

    event: Event
    actors: tuple[Profile, ...]
    locations: tuple[Location, ...]
    time_source: TimeSource | None
    modality: str = "asserted"
    coding: Coding = Coding(OTHER)
    roles: Roles = Roles()
    casualties: Casualties = Casualties()
    #: Who reported it ("the army said"), as written.
    reported_by: str = ""
    sentence_no: int = 0

    @property
    def uncertain(self) -> bool:
        """True for a negated, hypothetical or planned event."""
        return self.modality != "asserted"


@dataclass(frozen=True)
class ArticleContext:
    """What every clause of one article is read against."""

    doc_id: str
    index: MentionIndex
    times: anchoring.TimeIndex
    context: tuple[str, ...]
    lexicon: EventLexicon
    reference: date | None = None
    #: The dateline's city, the place of last resort (``dateline_places``).
    filed_at: Location | None = None
    #: Casualties read per sentence number (several violent clauses share a sentence).
    read: dict[int, Casualties] = field(default_factory=dict)
    #: Report periods found per sentence (start, end), for the same reason.
    periods: dict[tuple[int, int], TimeExpression | None] = field(default_factory=dict)
    #: (trigger offset, country) of each event placed so far, in text order: a place
    #: the recogniser did not tag ("in Djibo" as an organisation) still sets the scene.
    placed: list[tuple[int, str]] = field(default_factory=list)

    @functools.cached_property
    def country(self) -> str:
        """The first country the article names or places a named place in."""
        return article_countries.first_country(self.index.mentions)

    def country_near(self, char: int, sent: Span, placed: bool = False) -> str:
        """The country of the place named nearest before ``char`` in its paragraph, else
        after it in its sentence, else the article's: "Police fired tear gas" after a
        paragraph set in Nairobi are Kenya's, whatever country the article named first.
        ``placed``: the clause names a place of its own that the gazetteer does not
        know, so the article's country is no guess for it."""
        since = self.times.paragraph_start(char)
        # The last event placed before the clause in its paragraph sets the scene when no
        # tagged place is named after it: "JNIM militants attacked a military post in
        # Djibo [tagged as an organisation] ... The army responded with air strikes".
        at, event_country = self._event_before(since, char)
        found = article_countries.place_country(
            self.index, at, char, backwards=True, context=self.context) or event_country or (
            article_countries.place_country(self.index, since, at, backwards=True,
                                            context=self.context) if at > since else "")
        found = found or article_countries.place_country(
            self.index, char, sent.end_char, backwards=False, context=self.context)
        return found or ("" if placed else self.country)

    def _event_before(self, since: int, char: int) -> tuple[int, str]:
        """(offset, country) of the last event placed in [since, char), else (since, "")."""
        for at, country in reversed(self.placed):
            if at < since:
                break  # events are placed in text order
            if at < char:
                return at, country
        return since, ""

    @functools.cached_property
    def any_period(self) -> re.Pattern[str] | None:
        """A pattern for a report's period of either length ("in past 24 hours", "over
        past week"), when the lexicon has both."""
        lexicon = self.lexicon
        if not (lexicon.recent_day_periods and lexicon.recent_week_periods):
            return None
        return recent_periods.recent_period(lexicon.recent_prepositions, lexicon.recent_day_periods
                                       | lexicon.recent_week_periods, 0, 0).pattern

    @functools.cached_property
    def published(self) -> TimeExpression | None:
        """The publication date as the time of an event, built once per article."""
        return None if self.reference is None else anchoring.published_time(self.reference)

    def casualties(self, sent_no: int, sent: Span) -> Casualties:
        if sent_no not in self.read:
            self.read[sent_no] = casualties.read(sent)
        return self.read[sent_no]


def is_trigger(token: Token) -> bool:
    """True for a verb heading a clause (not an adjectival participle or auxiliary)."""
    return token.pos_ == "VERB" and _heads_clause(token)


def _heads_clause(verb: Token) -> bool:
    """``is_trigger`` for a token known to be tagged VERB (``verb_positions``): the tag,
    the costliest of a token's attributes to read, is not read again."""
    if verb.dep_ in NON_CLAUSE_DEPS or not verb.is_alpha:
        return False
    return not clauses.is_folded(verb)


def verb_positions(doc: Doc) -> list[int]:
    """Indices of the tokens tagged VERB, in text order, read in one array: only these
    can head an event, and a Token object costs more to build than a whole array of tags."""
    from spacy.attrs import POS
    from spacy.symbols import VERB

    return [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos == VERB]


def is_uncertain(trigger: Token, lexicon: EventLexicon) -> bool:
    """True when the clause is negated, hypothetical or planned ("would travel")."""
    return modality(trigger, lexicon) != "asserted"


def extract_events(
    doc: Doc,
    doc_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    reference: date | None,
    *,
    lexicon: EventLexicon | None = None,
    include_other: bool = True,
    text: str | None = None,
) -> list[EventRecord]:
    """Events reported by ``doc``, in text order.

    ``text``: the article's own text, when ``doc`` was parsed from it with the opening
    dateline blanked (``timeline.events.noise.blank_dateline``); ``doc.text`` otherwise.
    """
    lexicon = lexicon or load_event_lexicon()
    # A dateline ("GAZIANTEP, Turkey —") says where the story was filed; its place is
    # not an actor or location of the first sentence's event.
    # It may follow a headline and a byline; bylines, captions and link lists report
    # no event of their own.
    text = doc.text if text is None else text
    datelines = noise.dateline_spans(text)
    skipped = sorted(datelines + noise.noise_spans(text))
    mentions = [m for m in mentions if not noise.inside(m.start_char, skipped)]
    # Nor does its date ("MOGADISHU, May 6 (Reuters) -") date the events it reports:
    # the lead sentence's own time does, or the publication date.
    times = [t for t in times if not noise.inside(t.start_char, skipped)]
    # Token.sent walks the document each time it is asked: list sentences once.
    sents = tuple(doc.sents)
    article = ArticleContext(
        doc_id=doc_id, index=MentionIndex(doc, mentions),
        times=anchoring.index_times(doc, times, lexicon.time_bounds, sents, text,
                                    lexicon.reporting_verbs),
        context=tuple(dict.fromkeys([*(places.context_name(m.label, m.text, m.canonical)
                                       for m in mentions if m.label in {"GPE", "NORP"}),
                                     *article_countries.organisation_countries(mentions)])),
        lexicon=lexicon, reference=reference,
        filed_at=dateline_places.filed_at(text, datelines),
    )
    numbered: list[tuple[int, EventRecord]] = []
    verbs = verb_positions(doc)
    for sentence_no, sent in enumerate(sents):
        told = len(numbered)
        within = verbs[bisect.bisect_left(verbs, sent.start):bisect.bisect_left(verbs, sent.end)]
        for token in (doc[i] for i in within):
            if not _heads_clause(token) or noise.inside(token.idx, skipped):
                continue
            # "the need to provide support": nobody is reported doing anything.
            subjects = clauses.subjects(token)
            typed = event_type(token, lexicon) if subjects else None
            if typed is not None:
                _add(numbered, _record(article, token, typed, sentence_no, subjects), article,
                     token, reference)
        nominal = None if len(numbered) > told else headlines.nominal_trigger(sent, lexicon)
        if nominal is not None and not noise.inside(nominal[0].idx, skipped):
            # "Clashes near Sloviansk", "One dead in Ukraine clashes": no verb tells it.
            _add(numbered, _record(article, *nominal, sentence_no), article, nominal[0],
                 reference)
    records = headlines.attribute_sources(
        article_steps.finish([r for _, r in numbered], doc, lexicon, text), doc, lexicon)
    records = [record_actors.reported_by_force(record_actors.placed_groups(r), text)
               for r in records if include_other or r.event.event_type != OTHER]
    return [record_actors.participants(_against_state(r, lexicon), lexicon) for r in records]


def _against_state(record: EventRecord, lexicon: EventLexicon) -> EventRecord:
    """``record`` typed its type's ``state_target`` when its target, known once the
    victims are folded in, is a state's forces."""
    entry = lexicon.get(record.event.event_type)
    target = record.roles.actor2
    moved = lexicon.get(entry.state_target) if entry is not None and entry.state_target else None
    if moved is None or target is None or target.kind != roles.GROUP or not target.state:
        return record
    coding = _by_actor(coding_of(moved, ""), record.roles, lexicon)
    return replace(record, coding=coding, event=evolve(record.event, event_type=moved.id))


def _add(numbered: list[tuple[int, EventRecord]], record: EventRecord | None,
         article: ArticleContext, trigger: Token, reference: date | None) -> None:
    """Date and place ``record`` (when there is one) and append it."""
    if record is None:
        return
    record = fallback_times.dated(record, article, trigger, numbered, reference)
    record = sentence_places.with_sentence_place(
        # Token.sent walks the document each time it is asked: the sentences are listed.
        _same_place(record, numbered, record.sentence_no), article.times.sents[record.sentence_no],
        article.index, article.context)
    record = dateline_places.at_dateline(record, article.filed_at, article.context,
                                         _event_country(record))
    place = clause_places.best_place(record.locations)
    if place is not None and place.country:
        article.placed.append((record.event.start_char, place.country))
    numbered.append((record.sentence_no, _country_only(record)))


def _record(article: ArticleContext, trigger: Token, typed: tuple[str, str], sentence_no: int,
            subjects: list[Token] | None = None) -> EventRecord:
    """The event of the clause of ``trigger`` with its ``subjects`` (None: of a verbless
    headline)."""
    index, lexicon = article.index, article.lexicon
    subjects = subjects or []
    tokens, near = clauses.clause_and_near(trigger, LOCATION_DEPTH)
    coding = code(trigger, typed[1], lexicon, tokens)
    kind = coding.event_type
    # Who was acted upon ("Ukrainian soldiers were killed") did not act.
    headline_passive = kind in lexicon.casualty_types and casualties.is_headline_passive(trigger)
    acting = [] if headline_passive else [
        s for s in subjects if not clauses.undergoes(s, trigger) and not clauses.described_by(s, trigger)]
    mentions = [m for s in acting for m in clauses.actors_of(s, index)]
    actors = _actors(mentions + clauses.counterparts(trigger, index,
                                                     kind in lexicon.object_actor_types))
    locations = _locations(article, trigger, typed, kind, near)
    place = clause_places.best_place(locations)
    country = place.country if place else article.country_near(
        trigger.idx, article.times.sents[sentence_no], bool(locations))
    sent = article.times.sents[sentence_no]
    time, source = anchoring.choose_time(article.times, trigger, tokens, sentence_no,
                                         lexicon.linked_marks)
    if source != TimeSource.CLAUSE:
        # "since 1992, when the party won only 20 seats": in 1992.
        described = when_clauses.when_time(article.times, trigger)
        time, source = (described, TimeSource.SENTENCE) if described else (time, source)
    if source == TimeSource.PARAGRAPH and not fallback_times.carries_to(time, kind):
        time, source = None, None
    if source != TimeSource.CLAUSE:
        # "came a day after Russian forces captured the village": a day before.
        measured = anchoring.governor_offset(article.times, trigger, sentence_no, lexicon)
        time, source = (measured, TimeSource.SENTENCE) if measured else (time, source)
    mode = modality(trigger, lexicon)
    # "Police arrested three men, a spokesman said on Sunday": on or before Sunday.
    time, source = report_times.with_report(article.times, trigger, lexicon.reporting_verbs,
                                            time, source, mode in UNREALISED)
    if time is not None and time.granularity == Granularity.WEEK and mode == "asserted":
        # "over past week": a report's period, not last calendar week ("will resume in
        # one week" is no report).
        recent = fallback_times.recent(article, sent.start_char, sent.end_char, article.reference)
        if recent is not None and recent.start_char < time.end_char and (
                time.start_char < recent.end_char):
            time = recent
    event = Event(
        doc_id=article.doc_id, trigger=typed[0], event_type=kind,
        start_char=trigger.idx, end_char=trigger.idx + len(trigger),
        # Span.text joins the sentence's tokens on every call: slice the text once read.
        sentence_start=sent.start_char, sentence_end=sent.start_char + len(
            article.times.text[sent.start_char:sent.end_char].rstrip()),
        actors=tuple(a.name for a in actors), locations=tuple(loc.text for loc in locations),
        time=time, confidence=anchoring.confidence(source, time, mode, kind) if source else 0.0,
    )
    assigned = roles.without_places(roles.assign(trigger, index, lexicon, kind, country, subjects),
                                    [n for loc in locations if loc.place is not None
                                     and loc.place.precision != "country"
                                     for n in (loc.text, loc.place.name)])
    return EventRecord(event, actors, locations, source, mode,
                       _by_actor(coding, assigned, lexicon), assigned,
                       article.casualties(sent_no=sentence_no, sent=sent)
                       if kind in lexicon.casualty_types or kind in lexicon.toll_types
                       else Casualties(),
                       sentence_no=sentence_no)


def _locations(article: ArticleContext, trigger: Token, typed: tuple[str, str], kind: str,
               near: list[Token]) -> tuple[Location, ...]:
    """Where the clause happened: its place phrases (in ``near``, the clause at most
    ``LOCATION_DEPTH`` arcs down: places deep inside an object, "support for Ukraine,
    such as training in the United States", describe the object), and its object for
    some types."""
    lexicon = article.lexicon
    # A light verb's event noun heads its own phrase: "responded with drone strikes on
    # Hezbollah positions in southern Lebanon" is placed from "strikes".
    if typed[0] in lexicon.light_verbs or trigger.lemma_.lower() in lexicon.light_verbs:
        seen = {t.i for t in near}
        near += [t for noun in roles.light_nouns(trigger)
                 for t in clauses.clause_tokens(noun, max_depth=LOCATION_DEPTH) if t.i not in seen]
    locations = tuple(clause_places.locations_of(near, article.index, kind, article.context))
    if kind in lexicon.object_place_types:
        locations = clause_places.object_places(trigger, article.index, article.context) + locations
    return locations


def _by_actor(coding: Coding, assigned: Roles, lexicon: EventLexicon) -> Coding:
    """ACLED's sub-type where it depends on who acted: a state force taking a place
    regains territory."""
    entry = lexicon.get(coding.event_type)
    if entry is None or not entry.acled_sub_type_state:
        return coding
    if assigned.actor1 is None or not assigned.actor1.state:
        return coding
    return replace(coding, acled_sub_event_type=entry.acled_sub_type_state)


def _same_place(record: EventRecord, earlier: Sequence[tuple[int, EventRecord]],
                sentence_no: int) -> EventRecord:
    """An event without a place takes the place of the sentence's previous event:
    "Protesters gathered outside parliament in Nairobi ...; police fired tear gas".
    Not a statement's: "Speaking in Davos, Duda said Russia was gearing up" does not
    put Russia's preparations in Davos."""
    if record.locations or not earlier or earlier[-1][0] != sentence_no:
        return record
    if earlier[-1][1].event.event_type == STATEMENT:
        return record
    locations = earlier[-1][1].locations
    event = evolve(record.event, locations=tuple(loc.text for loc in locations))
    return evolve(record, event=event, locations=locations)


def _event_country(record: EventRecord) -> str:
    """The country an event is in by its actors: the target's, else that of a non-state
    group acting. A state's forces act abroad ("Russian troops shelled the bridge" is
    no event in Russia); a rebel or armed group in its own country."""
    one, two = record.roles.actor1, record.roles.actor2
    return (two.country if two else "") or (
        one.country if one is not None and one.kind == roles.GROUP and not one.state else "")


def _country_only(record: EventRecord) -> EventRecord:
    """A conflict event the text places nowhere but in a country ("Five Ukrainian
    soldiers were killed") is placed in that country, at country precision: the
    target's country, else that of a non-state group acting in it."""
    if record.locations or not record.coding.acled_event_type:
        return record
    country = _event_country(record)
    place = places.geocode(country) if country else None
    if place is None or place.precision != "country":
        return record
    location = Location(place.name, place)
    event = evolve(record.event, locations=(place.name,))
    return evolve(record, event=event, locations=(location,))


def _actors(mentions: Sequence[Mention]) -> tuple[Profile, ...]:
    """One Profile per canonical name, in order of first mention."""
    seen: dict[str, Profile] = {}
    for mention in mentions:
        name = mention.canonical or mention.text
        kind = "GPE" if mention.label == "NORP" else mention.label
        if name not in seen:
            seen[name] = Profile(name, kind, mention.title, mention.role, (mention.text,))
    return tuple(seen.values())
