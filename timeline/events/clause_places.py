"""Where a clause happened: its place phrases, read as ``Location``s and ranked.

"in Ceel Buur town", "the main railway station in Lviv", "near Kidal": the place
phrases within a clause (``locations_of``), a place that is the clause's object for
some types ("shelled Kupiansk": ``object_places``), and the most precise of them
(``best_location``, ``best_place``). Phrase reading itself is ``place_phrases``'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from timeline.events import place_phrases, places
from timeline.events.clauses import PLACE_LABELS, MentionIndex
from timeline.events.event_nouns import names_nationality
from timeline.events.lexicon import load_event_lexicon, load_location_words
from timeline.events.place_phrases import Location
from timeline.events.places import Place
from timeline.events.sentence_places import in_attribution, names_government
from timeline.events.tokens import children_of, conjuncts_of
from timeline.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def locations_of(tokens: Iterable[Token], index: MentionIndex, event_type: str,
                 context: tuple[str, ...] = ()) -> list[Location]:
    """Places the clause's prepositions introduce ("in southwestern Poland", "in Davos").

    Motion prepositions ("to Brussels") count only for travel, so that "military
    support to Kyiv" does not place an event in Kyiv; target prepositions ("strikes
    on Lviv") only for attacks and offensives (``resources/locations.yaml``).
    """
    words = load_location_words()
    allowed = (words.static
               | (words.motion if event_type in words.motion_types else frozenset())
               | (words.target if event_type in words.target_types else frozenset()))
    found: list[Location] = []
    for token in tokens:
        dep = token.dep_
        if dep == "compound" and _is_event_noun(token.head):
            # "the Donetsk shelling": a place naming where the event noun happened
            # ("Kiev forces" name an actor, not a place).
            # "Kiev shelling" names who shelled.
            # "a U.S. drone strike": a country written as its nationality word says whose.
            mention = index.at(token)
            if mention is not None and mention.label in PLACE_LABELS and \
                    not names_nationality(token):
                location = _place_location("", token, mention, context)
                if location.place is None or not names_government(token, location.place):
                    found.append(location)
        if dep not in {"prep", "dative"} or token.lower_ not in allowed:
            continue
        if token.lower_ == "of" and not (token.head.pos_ == "VERB" or _is_event_noun(token.head)):
            continue  # "the shelling of Donetsk", not "the village of Robotyne" again
        for obj in children_of(token):
            if obj.dep_ != "pobj":
                continue
            for part in (obj, *conjuncts_of(obj)):
                if in_attribution(part) or place_phrases.joined_part(part):
                    continue  # "killed in Donbas - Kyiv": who reported it
                location = _location(token, part, index, context)
                if location is not None and not (location.place is not None and
                                                 names_government(part, location.place)):
                    found.append(location)
    return found


def _is_event_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "VERB"} and load_event_lexicon().type_of_noun(
        token.lemma_.lower()) is not None


def object_places(trigger: Token, index: MentionIndex,
                  context: tuple[str, ...] = ()) -> tuple[Location, ...]:
    """Places that are the verb's direct object: "visited Kyiv", "struck southern Turkey"."""
    found = []
    for obj in (c for c in children_of(trigger) if c.dep_ == "dobj"):
        # "took control of Goma": the place is the event noun's "of" phrase.
        owned = [g for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children_of(c) if g.dep_ == "pobj"] if _is_event_noun(obj) else []
        for part in (obj, *conjuncts_of(obj), *owned):
            if in_attribution(part):
                continue
            mention = index.at(part)
            if mention is not None and mention.label in PLACE_LABELS and not _is_facility(part):
                found.append(_place_location("", part, mention, context))
            elif mention is None or mislabelled(mention) or _is_facility(part):
                # "recaptured the village of Robotyne", "fled Avdiivka" (tagged PERSON)
                read = place_phrases.locate("", part, mention and "GPE", context)
                if read is not None:
                    found.append(read)
    return tuple(found)


def _is_facility(token: Token) -> bool:
    """A name ending in a feature word: "Hmeimim Air Base", "Zaporizhzhia Nuclear Power Plant"."""
    return token.lemma_.lower() in load_location_words().feature_words


def mislabelled(mention: Mention) -> bool:
    """A place the NER took for a person or organisation ("shelled Horlivka"):
    untitled, not a known name, in the gazetteer."""
    return (mention.label in {"PERSON", "ORG"} and not mention.title and not mention.role
            and mention.canonical in {"", mention.text}
            and places.geocode(mention.text) is not None)


def _place_location(prep: str, obj: Token, mention: Mention,
                    context: tuple[str, ...]) -> Location:
    """A place mention as a Location, narrowed by a compass word ("eastern Ukraine")."""
    place = places.geocode(mention.canonical or mention.text, context)
    direction = next((c.text for c in children_of(obj)
                      if c.dep_ in {"amod", "compound"} and places.is_direction(c.text)), None)
    if direction is not None and place is not None and place.precision == "country":
        place = places.directional(direction, place)
        return Location(place.name, place)
    read = place_phrases.locate(prep, obj, mention.label, context)
    if read is not None and read.place is not None:
        return read
    return Location(place.name if place else mention.text, place,
                    near=prep in load_location_words().near)


def _location(prep: Token, obj: Token, index: MentionIndex,
              context: tuple[str, ...]) -> Location | None:
    mention = index.at(obj)
    if mention is not None and mention.label in PLACE_LABELS:
        return _place_location(prep.lower_, obj, mention, context)
    named = next((c for c in children_of(obj) if c.dep_ == "appos"
                  and (m := index.at(c)) is not None and m.label in PLACE_LABELS), None)
    if named is not None and obj.lemma_.lower() in load_location_words().place_nouns:
        # "the Serbian capital Belgrade", "the port city Odesa": the name says which.
        return _place_location(prep.lower_, named, index.at(named), context)
    read = place_phrases.locate(prep.lower_, obj, mention.label if mention else None, context)
    if obj.lemma_.lower() in load_location_words().place_nouns and (
            read is None or read.place is None):
        # "near the Ukrainian border"; but "the east Ukrainian city of Donetsk" is Donetsk.
        found = _place_noun(prep, obj, index)
        if found is not None:
            return found
    return read


def _place_noun(prep: Token, obj: Token, index: MentionIndex) -> Location | None:
    """ "near the Ukrainian border": a place noun modified by a country or nationality."""
    # The country may modify a modifier: "Ukraine's separatist east".
    for child in (t for t in obj.subtree if t.i < obj.i):
        mention = index.at(child)
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and mention is not None:
            if mention.label in {"NORP", "GPE"}:
                # "in the Kharkiv region": the admin area, not the city.
                words = load_location_words()
                place = places.geocode(mention.canonical, area=obj.lemma_.lower()
                                       in words.area_features)
                capital = places.capital_of(place.country) if (
                    place is not None and place.precision == "country"
                    and obj.lemma_.lower() in words.capital_nouns) else None
                if capital is not None:  # "in the Serbian capital": Belgrade
                    return Location(capital.name, capital)
                if place is not None and places.is_direction(obj.text):
                    part = places.directional(obj.text, place)
                    return Location(part.name, part)
                return Location(place.name if place else mention.canonical, place,
                                obj.lemma_.lower(), prep.lower_ in load_location_words().near)
    return None


#: A part of a whole country ("eastern Congo"), as opposed to a part of one of its areas.
COUNTRY_PART = "country part"
#: Rank of a place's level, most precise first.
LEVEL_RANK: Mapping[str, int] = {"place": 0, "admin2": 1, "region": 2, "admin1": 3,
                                 COUNTRY_PART: 4, "country": 5}


def best_location(locations: Iterable[Location]) -> Location | None:
    """The most precise geocoded location (a place, then a district, a region, a
    country; at a place before near it), the first one winning ties."""
    placed = [loc for loc in locations if loc.place is not None]
    if len(placed) < 2:  # most events: no place, or one
        return placed[0] if placed else None
    return min(placed, key=lambda loc: (_level(loc.place), loc.near))


def _level(place: Place | None) -> int:
    if place is None:
        return 9
    level = place.level or {"city": "place"}.get(place.precision, place.precision)
    if level == "region" and not place.admin1:
        level = COUNTRY_PART  # "eastern Congo" is larger than its provinces ("Ituri")
    return LEVEL_RANK.get(level, len(LEVEL_RANK))


def best_place(locations: Iterable[Location]) -> Place | None:
    """The place of ``best_location``."""
    found = best_location(locations)
    return found.place if found else None
