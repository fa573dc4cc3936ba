"""Steps that read an article's events together, after each clause has been read.

- A reporting verb ("..., the army said") whose reported clause is itself a conflict
  event (one ACLED codes) is no statement event of its own: it names its source, and
  is the event's actor when the clause's subject is the speaker's pronoun ("Police
  said they arrested ..."); "according to X" names its source too.
- Casualties belong to the violent event they follow: "Al Shabaab clashed with
  government forces. Two soldiers were killed." is one clash with 2 fatalities, and
  a sentence's casualties are counted once, on its first violent event.
- A protest next to a crowd-repression event ("police fired tear gas") is a protest
  with intervention; with people killed, excessive force against protesters.
- A purpose infinitive is part of its governor's happening: "Protesters gathered
  outside parliament to denounce the finance bill" is one protest, "Police used tear
  gas to disperse the crowd" one repression event (the more specific type wins).
- More of the same violent act told by a conjoined verb is the same event: "Gunmen
  killed 3 and injured 10".
- One happening is one event: "Milley and Zaluzhnyi decided to meet in Poland", with
  no date of its own, is the meeting the article dates elsewhere ("met ... on
  Tuesday"), not a second one; a headline's event told again in the story is the
  story's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.events import actor_countries
from timeline.events import roles as role_rules
from timeline.events.anchoring import timed
from timeline.events.casualties import Casualties, Count, load_words as casualty_words
from timeline.events.clauses import has_subject
from timeline.events.lexicon import EventLexicon
from timeline.events.modality import UNREALISED
from timeline.events.taxonomy import coding_of, subject_suffers
from timeline.events.tokens import children_of, span_start
from timeline.vocab import TimeSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.clause_events import EventRecord
    from timeline.model import TimeExpression

#: Pronouns by which a reported clause's subject is its speaker ("Police said they ...").
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our"})
#: Dependencies linking a reporting verb and the clause it reports.
REPORT_DEPS = frozenset({"ccomp", "parataxis"})
STATEMENT = "statement"
#: Sentences around a protest in which a repression event counts as its intervention.
INTERVENTION_WINDOW = 1


def finish(records: list[EventRecord], doc: Doc, lexicon: EventLexicon,
           text: str | None = None) -> list[EventRecord]:
    """The article's events after the cross-clause steps, in text order (``text`` is
    ``doc.text``, which spaCy rebuilds on every call, when the caller has it)."""
    text = doc.text if text is None else text
    records = attribute_according(fold_reports(records, doc, lexicon), doc)
    records = fold_purposes(records, doc, lexicon)
    records = fold_casualties(records, lexicon, text, doc)
    records = fold_repeats(fold_headline(records, text, lexicon.violent_types))
    return mark_interventions(records, lexicon)


def fold_headline(records: list[EventRecord], text: str,
                  violent: frozenset[str] = frozenset()) -> list[EventRecord]:
    """Drop a headline's event when the story reports it again: "Russia shells
    Kharkiv" above "Russian forces shelled Kharkiv on Monday" is one happening, and so
    is "Russian strikes kill 7 in Kharkiv" above it (two ``violent`` types: a headline
    words the act more loosely than the story)."""
    first = text.split("\n", 1)[0].rstrip()
    if "\n" not in text.strip() or not first or first[-1] in ".!?\"'”":
        return records
    body = [r for r in records if r.event.start_char > len(first)]

    def same_kind(one: str, other: str) -> bool:
        return one == other or one in violent and other in violent

    def told_again(record: EventRecord) -> bool:
        return record.event.start_char < len(first) and any(
            same_kind(other.event.event_type, record.event.event_type) and (
                set(other.event.locations) & set(record.event.locations)
                or set(other.event.actors) & set(record.event.actors)) for other in body)

    return [r for r in records if not told_again(r)]


#: Time sources of an event dated by its own words, or its paragraph's.
TEXT_DATED = frozenset({TimeSource.CLAUSE, TimeSource.SENTENCE, TimeSource.PARAGRAPH})
#: Time sources of an event dated by its own sentence.
OWN_TIME = frozenset({TimeSource.CLAUSE, TimeSource.SENTENCE})


def fold_repeats(records: list[EventRecord]) -> list[EventRecord]:
    """Drop a planned or hypothetical mention, without a time of its own, of an event
    of the same type the article reports as having happened, dated, with an actor in
    common."""
    done = [r for r in records if r.modality == "asserted" and r.time_source in TEXT_DATED
            and r.event.actors]

    def repeats(record: EventRecord) -> bool:
        names = set(record.event.actors)
        return (record.modality != "asserted" and record.time_source not in OWN_TIME
                and bool(names) and any(
                    other.event.event_type == record.event.event_type
                    and names & set(other.event.actors) for other in done))

    return [r for r in records if not repeats(r)]


#: Dependencies of an infinitive that tells what its governor's act was for.
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
OTHER = "other"


def by_token(records: list[EventRecord], doc: Doc) -> dict[int, EventRecord]:
    """Records by the index of their trigger's first token."""
    starts = ((span_start(doc, r.event.start_char, r.event.end_char), r) for r in records)
    return {start: r for start, r in starts if start is not None}


def fold_purposes(records: list[EventRecord], doc: Doc,
                  lexicon: EventLexicon) -> list[EventRecord]:
    """Fold a purpose infinitive ("gathered ... to denounce", "used tear gas to
    disperse") into its governor's event: one happening. Not the complement of a verb
    of intent ("decided to meet", planned) or of a statement ("threatened to strike")."""
    tokens = by_token(records, doc)
    merged: dict[int, EventRecord] = {}
    for index, record in sorted(tokens.items()):
        verb = doc[index]
        head = merged.get(verb.head.i)
        if head is not None and _intended_by(verb, head, record, lexicon):
            # "decided to meet": the meeting (planned) is the happening, not the decision.
            del merged[verb.head.i]
        if head is None or not (_purpose_of(verb, head, record, lexicon)
                                or _same_act(verb, head, record, lexicon)):
            merged[index] = record
            continue
        merged[verb.head.i] = _joined(head, record)
    return sorted(merged.values(), key=lambda r: r.event.start_char)


def _intended_by(verb: Token, head: EventRecord, record: EventRecord,
                 lexicon: EventLexicon) -> bool:
    """True when ``head`` is an untyped verb of intent whose complement ``verb`` is a
    typed, planned event: "decided to meet", "plans to hold talks"."""
    return (verb.dep_ == "xcomp" and record.modality == "planned"
            and verb.head.lemma_.lower() in lexicon.modality.planned_governors
            and head.event.event_type == OTHER and record.event.event_type != OTHER)


def _purpose_of(verb: Token, head: EventRecord, record: EventRecord,
                lexicon: EventLexicon) -> bool:
    """True when ``verb`` is an infinitive of purpose under ``head``'s trigger, one of
    the two typed, and the governor's subject is the purpose's doer (not "was selected
    to buy")."""
    governor = verb.head
    words = lexicon.modality
    return (verb.dep_ in PURPOSE_DEPS and governor is not verb
            and {head.event.event_type, record.event.event_type} != {OTHER}
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children_of(verb))
            and not has_subject(verb)
            and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in children_of(governor))
            and governor.lemma_.lower() not in words.planned_governors | words.negating_governors
            and head.event.event_type != STATEMENT and record.modality == head.modality)


def _time_rank(record: EventRecord) -> int:
    """How directly the record's time was found: 0 its own clause ... (``TimeSource``'s order)."""
    order = list(TimeSource)
    return order.index(record.time_source) if record.time_source else len(order)


def _same_act(verb: Token, head: EventRecord, record: EventRecord,
              lexicon: EventLexicon) -> bool:
    """True for a conjoined verb without a subject of its own that tells more of the same
    violent act, in the same place: "Gunmen killed 3 and injured 10"."""
    return (verb.dep_ == "conj" and head.event.event_type == record.event.event_type
            and record.event.event_type in lexicon.violent_types
            and not has_subject(verb)
            and record.modality == head.modality and _same_place(head, record))


def _joined(head: EventRecord, purpose: EventRecord) -> EventRecord:
    """One event for a clause and its purpose: the typed one ("used tear gas to
    disperse" is the dispersal; "gathered to denounce" the gathering), with the other's
    time when found closer, and its place, actor1 or target where it has none."""
    kept, other = (purpose, head) if head.event.event_type == OTHER else (head, purpose)
    if _time_rank(other) < _time_rank(kept):
        # "fired tear gas to break up a crowd ... on Monday": the happening's time.
        kept = replace(kept, time_source=other.time_source, event=replace(
            kept.event, time=other.event.time,
            confidence=max(kept.event.confidence, other.event.confidence)))
    if not kept.locations and other.locations:
        kept = replace(kept, locations=other.locations, event=replace(
            kept.event, locations=other.event.locations))
    for role in ("actor1", "actor2"):
        if getattr(kept.roles, role) is None and getattr(other.roles, role) is not None:
            kept = replace(kept, roles=replace(kept.roles, **{role: getattr(other.roles, role)}))
    return kept


def fold_reports(records: list[EventRecord], doc: Doc,
                 lexicon: EventLexicon) -> list[EventRecord]:
    """Drop reporting statements whose reported clause is an event; keep their source."""
    reporting = [r for r in records if r.event.event_type == STATEMENT
                 and r.event.trigger in lexicon.reporting_verbs]
    if not reporting:
        return records
    tokens = by_token(records, doc)
    dropped: set[int] = set()
    sources: dict[int, str] = {}
    dated: dict[int, TimeExpression | None] = {}
    speakers: dict[int, EventRecord] = {}
    for index, record in tokens.items():
        if record.event.event_type != STATEMENT or record.event.trigger not in lexicon.reporting_verbs:
            continue
        verb = doc[index]
        clauses = _reported(verb)
        reported = [tokens.get(t.i) for t in clauses]
        # Only events ACLED codes, and deaths and injuries (which become the casualties
        # of such an event), absorb their report: "he told reporters the talks went
        # well" stays a statement.
        events = [r for r in reported if r is not None and (
            r.coding.acled_event_type or r.event.event_type in lexicon.casualty_types)]
        if events:
            dropped.add(index)
            for event in events:
                sources[event.event.start_char] = _source(verb, record)
                if (record.time_source == TimeSource.CLAUSE and event.time_source in UNDATED
                        and event.modality not in UNREALISED):
                    # "Troops withdrew from two positions, the General Staff said on
                    # Friday": the sentence's time, which the report carries.
                    dated[event.event.start_char] = record.event.time
            speakers.update((t.i, record) for t in clauses if _told_by_speaker(t))
    kept = [_spoken_of(r, speakers[i], _speaker_suffered(doc[i], lexicon)) if i in speakers
            else r for i, r in sorted(tokens.items()) if i not in dropped]
    kept = [timed(r, dated[r.event.start_char], TimeSource.SENTENCE)
            if r.event.start_char in dated else r for r in kept]
    return [replace(r, reported_by=sources[r.event.start_char])
            if r.event.start_char in sources else r for r in kept]


#: Time sources of an event dated by no time of its sentence: a report's own time
#: ("..., the army said on Friday") is a better one.
UNDATED = frozenset({TimeSource.SAME_ACTOR, TimeSource.PUBLISHED, TimeSource.NONE})


def _told_by_speaker(verb: Token) -> bool:
    """True when the reported clause's subject is the speaker's pronoun: "Police said
    they arrested 12 protesters", "The army said its jets struck ..."."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in SPEAKER_PRONOUNS or any(
        g.dep_ == "poss" and g.lower_ in SPEAKER_PRONOUNS for g in children_of(c)))
        for c in children_of(verb))


def _spoken_of(record: EventRecord, report: EventRecord, suffered: bool) -> EventRecord:
    """``record`` whose unnamed actor1 (``suffered``: actor2) is the speaker of its
    report, as the speaker pronoun says; a state force the pronoun owns ("Russia's
    defence ministry said its forces had taken 12 villages") is the speaker's country's."""
    role = "actor2" if suffered else "actor1"
    speaker, actor = report.roles.actor1, getattr(record.roles, role)
    if speaker is None or speaker.kind == "PERSON":
        return record  # "Peskov said they had taken ...": "they" are not Peskov
    if actor is not None:
        country = speaker.country or actor_countries.country_in(speaker.text)
        actor = actor_countries.of_country(actor, country)
        return replace(record, roles=replace(record.roles, **{role: actor}))
    return replace(record, roles=replace(record.roles, **{role: speaker}))


def _speaker_suffered(verb: Token, lexicon: EventLexicon) -> bool:
    """True when the speaker's pronoun undergoes the reported clause: "they were
    attacked", "it shot down 30 of 35 drones" (the attack it fended off)."""
    return any(c.dep_ == "nsubjpass" for c in children_of(verb)) or subject_suffers(
        verb, lexicon)


def attribute_according(records: list[EventRecord], doc: Doc) -> list[EventRecord]:
    """An event "according to" someone is reported by them: "Russian forces shelled
    Kherson on Monday, according to the regional governor"."""
    out = []
    for index, record in sorted(by_token(records, doc).items()):
        source = "" if record.reported_by else next(
            (role_rules.phrase(g) for c in children_of(doc[index])
             if c.dep_ == "prep" and c.lower_ == "according"
             for t in children_of(c) if t.lower_ == "to"
             for g in children_of(t) if g.dep_ == "pobj"), "")
        out.append(replace(record, reported_by=source) if source else record)
    return out


def _reported(verb: Token) -> list[Token]:
    """Clauses ``verb`` reports: its complement, or the clause it is attached to
    ("Israel struck ..., the army said")."""
    found = [c for c in children_of(verb) if c.dep_ in REPORT_DEPS]
    if verb.dep_ in REPORT_DEPS and verb.head is not verb:
        found.append(verb.head)
    return found


def _source(verb: Token, record: EventRecord) -> str:
    """Who reported: the statement's actor as written, else its subject phrase."""
    actor = record.roles.actor1
    if actor is not None:
        return actor.text
    subject = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    return role_rules.phrase(subject) if subject is not None else ""


#: How many arcs up from a casualty word the violent event it reports may be.
TOLL_DEPTH = 6


def fold_casualties(records: list[EventRecord], lexicon: EventLexicon,
                    text: str = "", doc: Doc | None = None) -> list[EventRecord]:
    """Count a sentence's casualties once, on its first violent event; a perpetrator-less
    death next to a violent event (right after it, or before it in the same sentence:
    "Two DPR militiamen killed, another two wounded in attack on Sakhanka") is that
    event's casualty report, its victims the event's target; not across a paragraph
    break or between two events placed in different places."""
    pending = list(records)
    out: list[EventRecord] = []
    counted: set[int] = set()
    owners = _toll_owners(pending, lexicon, text, doc) if doc is not None else {}
    for position, record in enumerate(pending):
        kind = record.event.event_type
        if kind in lexicon.violent_types or kind in lexicon.toll_types:
            owner = owners.get(record.sentence_no)
            if owner != position if owner is not None else record.sentence_no in counted:
                record = replace(record, casualties=Casualties())
            counted.add(record.sentence_no)
        elif kind in lexicon.casualty_types and (record.roles.actor1 is None
                                                 or _same_perpetrator(out, record, lexicon)):
            # The violent event of the death's own sentence first, then the sentence before.
            previous = _violent_before(out, record, lexicon)
            later = _violent_later(pending, position, lexicon)
            if previous is not None and not _one_happening(out[previous], record, text):
                previous = None
            if later is not None and not _one_happening(pending[later], record, text):
                later = None
            if previous is not None and (later is None or
                                         out[previous].sentence_no == record.sentence_no):
                out[previous] = _fold_death(out[previous], record, lexicon)
                continue
            if later is not None:
                pending[later] = _fold_death(pending[later], record, lexicon)
                continue
        if kind in lexicon.casualty_types and kind not in lexicon.violent_types:
            if record.sentence_no in counted:
                if record.roles.actor1 is None:
                    continue  # "Three soldiers killed, five wounded": one toll, told once
                record = replace(record, casualties=Casualties())
            counted.add(record.sentence_no)
        out.append(record)
    return out


def _toll_owners(records: list[EventRecord], lexicon: EventLexicon, text: str,
                 doc: Doc) -> dict[int, int]:
    """For each sentence with several violent events, the position of the one its toll
    belongs to: the event whose clause governs the casualty word ("Protesters set fire
    to a police station after a demonstrator was shot dead by officers": the shooting;
    "police opened fire on protesters who stormed parliament, killing five": the
    firing); none where that cannot be told (the first event then keeps it)."""
    by_sentence: dict[int, list[int]] = {}
    for position, record in enumerate(records):
        if record.event.event_type in lexicon.violent_types | lexicon.toll_types:
            by_sentence.setdefault(record.sentence_no, []).append(position)
    words = casualty_words()
    hurt = words.killed | words.injured
    owners = {}
    for sentence_no, positions in by_sentence.items():
        first = records[positions[0]]
        counts = [c for c in (first.casualties.fatalities, first.casualties.injuries) if c]
        if len(positions) < 2 or not counts:
            continue
        start = text.find(counts[0].text, first.event.sentence_start, first.event.sentence_end)
        span = doc.char_span(start, start + len(counts[0].text), alignment_mode="expand") \
            if start >= 0 else None
        word = next((t for t in span or () if t.lemma_.lower() in hurt), None)
        triggers = {records[p].event.start_char: p for p in positions}
        for _ in range(TOLL_DEPTH):
            if word is None or word.idx in triggers:
                break
            word = None if word.head is word else word.head
        if word is not None and word.idx in triggers:
            owners[sentence_no] = triggers[word.idx]
    return owners


def _same_perpetrator(records: list[EventRecord], death: EventRecord,
                      lexicon: EventLexicon) -> bool:
    """True when the death's actor is the one of the violent event just before it in its
    sentence ("Ukrainian military's shelling kills two militiamen": one shelling)."""
    index = _violent_before(records, death, lexicon)
    if index is None or records[index].sentence_no != death.sentence_no:
        return False
    actor = records[index].roles.actor1
    return actor is not None and death.roles.actor1 is not None and (
        actor.name == death.roles.actor1.name)


def _one_happening(violent: EventRecord, death: EventRecord, text: str) -> bool:
    """True when a death may be ``violent``'s casualty report: told in the same paragraph,
    and not placed somewhere else."""
    first, second = sorted((violent.event.sentence_start, death.event.sentence_start))
    return "\n" not in text[first:second] and _same_place(violent, death)


def _same_place(one: EventRecord, other: EventRecord) -> bool:
    """False when both events are placed and share no place; an event placed only in a
    country shares any place in that country ("... in Djibo. 12 soldiers were killed",
    the soldiers Burkina Faso's)."""
    places = {loc.place.name for loc in one.locations if loc.place is not None}
    theirs = {loc.place.name for loc in other.locations if loc.place is not None}
    if not places or not theirs or places & theirs:
        return True
    countries = [{loc.place.country or loc.place.name for loc in r.locations
                  if loc.place is not None} for r in (one, other)]
    country_only = [all(loc.place.precision == "country" for loc in r.locations
                        if loc.place is not None) for r in (one, other)]
    return any(country_only) and bool(countries[0] & countries[1])


def _violent_before(records: list[EventRecord], record: EventRecord,
                    lexicon: EventLexicon) -> int | None:
    """Index of the last violent event, disaster or accident in this sentence or the
    one before."""
    for index in range(len(records) - 1, -1, -1):
        other = records[index]
        if record.sentence_no - other.sentence_no > 1:
            return None
        if other.event.event_type in lexicon.violent_types | lexicon.toll_types:
            return index
    return None


def _violent_later(records: list[EventRecord], position: int,
                   lexicon: EventLexicon) -> int | None:
    """Index of the next violent event, disaster or accident in the same sentence as
    ``records[position]`` ("30 people were killed when two trains collided")."""
    sentence_no = records[position].sentence_no
    for index in range(position + 1, len(records)):
        if records[index].sentence_no != sentence_no:
            return None
        if records[index].event.event_type in lexicon.violent_types | lexicon.toll_types:
            return index
    return None


def _fold_death(record: EventRecord, death: EventRecord, lexicon: EventLexicon) -> EventRecord:
    """``record`` with ``death``'s casualties, its source and its victims as target, when
    ``record`` has none of its own. A tally of its own sentence ("... lynched a man. 1
    fatality.", as ACLED's notes end) restates the toll: the larger count stands."""
    words = casualty_words()
    tally = (death.sentence_no != record.sentence_no and lexicon.type_of_verb(
        death.event.trigger) is None and death.event.trigger in words.killed | words.injured)
    record = (_restated(record, death.casualties) if tally
              else _add_casualties(record, death.casualties))
    if death.reported_by and not record.reported_by:
        record = replace(record, reported_by=death.reported_by)
    victims = death.roles.actor2
    if record.roles.actor2 is None and victims is not None and (
            record.roles.actor1 is None or record.roles.actor1.name != victims.name):
        record = replace(record, roles=replace(record.roles, actor2=victims))
    return record


def _add_casualties(record: EventRecord, more: Casualties) -> EventRecord:
    own = record.casualties
    return replace(record, casualties=Casualties(_plus(own.fatalities, more.fatalities),
                                                 _plus(own.injuries, more.injuries)))


def _restated(record: EventRecord, tally: Casualties) -> EventRecord:
    """``record`` with the larger of its own counts and a tally's that restates them."""
    own = record.casualties
    return replace(record, casualties=Casualties(_larger(own.fatalities, tally.fatalities),
                                                 _larger(own.injuries, tally.injuries)))


def _larger(a: Count | None, b: Count | None) -> Count | None:
    """The count with the larger value (the first on a tie), or whichever is given."""
    if a is None or b is None:
        return a or b
    return a if a.value >= b.value else b


def _plus(a: Count | None, b: Count | None) -> Count | None:
    if a is None or b is None:
        return a or b
    if a.text == b.text:
        return a
    return Count(a.value + b.value, f"{a.text}; {b.text}")


def mark_interventions(records: list[EventRecord], lexicon: EventLexicon) -> list[EventRecord]:
    """Protests next to crowd repression: with intervention, or with excessive force."""
    repression = [r for r in records if r.coding.acled_event_type == "Protests"
                  and r.event.event_type != "protest"]
    if not repression:
        return records
    out = []
    for record in records:
        entry = lexicon.get(record.event.event_type)
        near = [r for r in repression
                if abs(r.sentence_no - record.sentence_no) <= INTERVENTION_WINDOW]
        if entry is None or not near or entry.with_intervention is None:
            out.append(record)
            continue
        killed = any(r.casualties.fatalities for r in near)
        sub = entry.with_excessive_force if killed else entry.with_intervention
        out.append(replace(record, coding=coding_of(entry, sub.id if sub else "")))
    return out
