"""Places an event's sentence names when its own clause names none.

Headlines and short wire sentences often put the place outside the clause of the
event: "Brother of the mayor of Mariupol detained by police", "49 troops killed as
plane downed in Lugansk", "Death toll from Odessa violence rises", "Ukraine forces
suffer casualties in Slaviansk clash", "Dead man found on Kiev's Independence
Square". An event of a type in ``sentence_place_types`` (``resources/locations.yaml``)
with no place of its own takes the most precise place named in its sentence.

A place naming who acted rather than where is not taken as the event's place: a
subject ("Kiev blames Moscow") or a capital modifying its forces ("Kiev forces": the
government). Another place modifying an actor ("Donetsk rebels") places the event
near it (ACLED's precision 2): the group is from there, the event likely nearby.
Only proper nouns are looked up, so the gazetteer is not asked about every word.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from timeline.events import places
from timeline.events.lexicon import load_event_lexicon, load_location_words
from timeline.events.place_phrases import Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.events.clauses import MentionIndex

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels of names that are no place however the gazetteer reads them.
NON_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                              "PERCENT", "QUANTITY"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
R = TypeVar("R")


def sentence_locations(sent: Span, index: MentionIndex,
                       context: tuple[str, ...] = ()) -> tuple[Location, ...]:
    """Every place the sentence names as a proper noun, in text order."""
    found: list[Location] = []
    for token in sent:
        if not _name_head(token) or token.dep_ in SUBJECT_DEPS:
            continue
        mention = index.at(token)
        if mention is not None and not _maybe_place(mention):
            continue
        name = _name(token)
        place = places.geocode(mention.canonical or mention.text
                               if mention is not None and mention.label in PLACE_LABELS
                               else name, context)
        if place is None or _names_government(token, place):
            continue
        found.append(Location(place.name, place, near=_modifies_actor(token)))
    return tuple(found)


def _name_head(token: Token) -> bool:
    """The last word of a proper name ("Independence Square", "Kiev"), tagged as a
    proper noun or, in headlines, as an adjective ("Donetsk/ADJ rebels")."""
    if not token.text[:1].isupper() or not token.is_alpha:
        return False
    if token.pos_ != "PROPN" and not (token.pos_ == "ADJ" and token.dep_ == "compound"):
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return not (following is not None and following.pos_ == "PROPN"
                and token.dep_ == "compound" and token.head.i == following.i)


def _name(token: Token) -> str:
    """The proper name ending at ``token``, with the proper nouns compounded before it."""
    first = token.i
    while first > 0 and token.doc[first - 1].pos_ == "PROPN" and \
            token.doc[first - 1].dep_ == "compound" and token.doc[first - 1].head.i == token.i:
        first -= 1
    return token.doc[first:token.i + 1].text


def _maybe_place(mention: object) -> bool:
    """A place mention, or a name the NER mislabelled as a person or organisation
    without a title or role ("Slaviansk" as a PERSON)."""
    label = getattr(mention, "label", "")
    if label in PLACE_LABELS:
        return True
    if label in NON_PLACE_LABELS:
        return False
    return not getattr(mention, "title", "") and not getattr(mention, "role", "")


def _modifies_actor(token: Token) -> bool:
    """True for a place modifying a noun that names people ("Donetsk rebels")."""
    head = token.head
    return (token.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN"
            and head.lemma_.lower() not in load_location_words().feature_words
            and load_event_lexicon().type_of_noun(head.lemma_.lower()) is None)


def _names_government(token: Token, place: places.Place) -> bool:
    """A capital naming its government: "Kiev forces", "Moscow-backed rebels"."""
    return _modifies_actor(token) and place.name in _capitals()


@functools.cache
def _capitals() -> frozenset[str]:
    return places.capital_names()


def with_sentence_place(record: R, sent: Span, index: MentionIndex,
                        context: tuple[str, ...] = ()) -> R:
    """``record`` (an ``EventRecord``) placed at its sentence's places when it has none
    of its own and its type happens somewhere."""
    event = record.event  # type: ignore[attr-defined]
    if record.locations or event.event_type not in load_location_words().sentence_types:  # type: ignore[attr-defined]
        return record
    found = sentence_locations(sent, index, context)
    if not found:
        return record
    event = replace(event, locations=tuple(loc.text for loc in found))
    return replace(record, event=event, locations=found)  # type: ignore[type-var]
