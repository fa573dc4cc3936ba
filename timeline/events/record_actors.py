"""An event's actors once the article's steps are done: named after the place found
late, after the armed forces that reported the event, and as its type names its
participants."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.events import actor_countries, actor_groups, clause_places
from timeline.events.casualties import load_words
from timeline.events.roles import GROUP, STATE_NAME, Actor

_WORD = re.compile(r"[A-Za-z]+")

if TYPE_CHECKING:
    from timeline.events.clause_events import EventRecord
    from timeline.events.lexicon import EventLexicon


def participants(record: EventRecord, lexicon: EventLexicon) -> EventRecord:
    """``record`` whose civilians take the name its type gives its participants."""
    entry = lexicon.get(record.event.event_type)
    if entry is None or not entry.participants:
        return record
    named = actor_groups.as_participants(record.roles, entry.participants)
    return record if named is record.roles else replace(record, roles=named)


def placed_groups(record: EventRecord) -> EventRecord:
    """``record`` whose group actors named without a country take its place's country:
    the place may be found, and the victims folded in, after the roles were assigned."""
    place = clause_places.best_place(record.locations)
    if place is None or not place.country:
        return record
    placed = actor_countries.in_country(record.roles, place.country)
    return record if placed is record.roles else replace(record, roles=placed)


def reported_by_force(record: EventRecord, text: str) -> EventRecord:
    """``record`` whose soldiers named without a country are those of the armed forces
    that reported it ("..., the Israeli military said"), as are the killed and wounded
    "in action" it counts with no one else as target ("One KIA, 8 WIA amid 20 enemy
    attacks - JFO HQ"); ``text``: the article's."""
    if not record.reported_by:
        return record
    sentence = text[record.event.sentence_start:record.event.sentence_end]
    roles = actor_countries.by_reporting_force(record.roles, record.reported_by, sentence)
    counts = [c.text for c in (record.casualties.fatalities, record.casualties.injuries) if c]
    if roles.actor2 is None and counts and not load_words().in_action.isdisjoint(
            w.lower() for c in counts for w in _WORD.findall(c)):
        country = actor_countries.reporting_country(record.reported_by)
        if country:
            own = Actor(STATE_NAME.format(country=country), "; ".join(counts), GROUP, country, True)
            roles = replace(roles, actor2=own)
    return replace(record, roles=roles)
