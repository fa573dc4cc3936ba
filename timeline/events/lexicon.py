"""Load and validate the rule files used by entity, place and event extraction.

Each loader reads one ``timeline/resources/*.yaml`` file through
``timeline.resource_files``, which checks every entry has an id, the fields it needs
and at least one example, and returns frozen dataclasses. Loaders are pure and cached;
a malformed file raises ``RuleFileError`` naming the file and the entry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import entries, read_bundled, word_list


@dataclass(frozen=True)
class Title:
    """A title cue: its written forms and the form kept in the title column."""

    id: str
    words: tuple[str, ...]
    title: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class GazetteerEntry:
    """A named entity the ruler tags before the statistical NER runs."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    precision: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryAlias:
    """Names and nationality words for one country, beyond what countryinfo lists."""

    id: str
    country: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Direction:
    """A compass word and how far it moves a point from a country's centre."""

    id: str
    words: tuple[str, ...]
    north: float
    east: float
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventType:
    """One entry of the event taxonomy."""

    id: str
    cameo: str | None
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventLexicon:
    """The whole event taxonomy plus the verb lists that steer typing."""

    types: tuple[EventType, ...]
    light_verbs: frozenset[str]
    non_events: frozenset[str]
    uncertain_markers: frozenset[str]
    phrasal_types: tuple[tuple[str, str], ...] = ()
    time_bounds: frozenset[str] = frozenset()
    subject_types: frozenset[str] = frozenset()
    object_place_types: frozenset[str] = frozenset()
    object_actor_types: frozenset[str] = frozenset()
    hypothetical_nouns: frozenset[str] = frozenset()

    def type_of_verb(self, lemma: str) -> str | None:
        """The event type whose verbs include ``lemma`` (a phrasal verb first), or None."""
        phrasal = dict(self.phrasal_types).get(lemma)
        if phrasal is not None:
            return phrasal
        return next((t.id for t in self.types if lemma in t.verbs), None)

    def type_of_noun(self, lemma: str) -> str | None:
        """The event type whose nouns include ``lemma``, or None."""
        return next((t.id for t in self.types if lemma in t.nouns), None)

    def cameo(self, type_id: str) -> str | None:
        """The CAMEO root code of ``type_id`` (None for other or uncoded types)."""
        return next((t.cameo for t in self.types if t.id == type_id), None)


def _entries(name: str, key: str, required: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The checked entries under ``key`` of the bundled file ``name``."""
    return entries(read_bundled(name), name, key, required)


def _examples(entry: dict[str, Any]) -> tuple[str, ...]:
    """An entry's worked examples (checked to be texts by ``entries``), run by the tests."""
    return tuple(entry["examples"])


@functools.cache
def load_titles() -> tuple[Title, ...]:
    """Title cues from ``titles.yaml``, longest written form first within each entry."""
    return tuple(
        Title(
            id=e["id"],
            words=tuple(sorted(map(str, e["words"]), key=len, reverse=True)),
            title=str(e["title"] or ""), examples=_examples(e),
        )
        for e in _entries("titles.yaml", "titles", ("words", "title"))
    )


@functools.cache
def load_not_names() -> frozenset[str]:
    """Words that end an organisation's name, so a title before them is no cue."""
    return frozenset(word_list(read_bundled("titles.yaml"), "titles.yaml", "not_names"))


@functools.cache
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """People, places and organisations from the ``gazetteer_*.yaml`` files."""
    people = [
        GazetteerEntry(e["id"], e["name"], "PERSON", tuple(e["aliases"]), examples=_examples(e))
        for e in _entries("gazetteer_people.yaml", "people", ("name", "aliases"))
    ]
    places = [
        GazetteerEntry(
            e["id"], e["name"], "GPE", tuple(map(str, e["aliases"])), e["country"],
            float(e["latitude"]), float(e["longitude"]), e["precision"], _examples(e),
        )
        for e in _entries(
            "gazetteer_places.yaml", "places",
            ("name", "aliases", "country", "latitude", "longitude", "precision"),
        )
    ]
    orgs = [
        GazetteerEntry(e["id"], e["name"], e["label"], tuple(map(str, e["aliases"])),
                       examples=_examples(e))
        for e in _entries("gazetteer_orgs.yaml", "organisations", ("name", "aliases", "label"))
    ]
    return tuple(people + places + orgs)


@functools.cache
def load_country_aliases() -> tuple[CountryAlias, ...]:
    """Extra country names and demonyms from ``gazetteer_countries.yaml``."""
    return tuple(
        CountryAlias(e["id"], e["country"], tuple(map(str, e["names"])),
                     tuple(map(str, e["demonyms"])), _examples(e))
        for e in _entries("gazetteer_countries.yaml", "countries",
                          ("country", "names", "demonyms"))
    )


@functools.cache
def load_directions() -> tuple[Direction, ...]:
    """Compass words from ``locations.yaml``."""
    return tuple(
        Direction(e["id"], tuple(e["words"]), float(e["north"]), float(e["east"]), _examples(e))
        for e in _entries("locations.yaml", "directions", ("words", "north", "east"))
    )


@dataclass(frozen=True)
class LocationWords:
    """Prepositions that introduce places, and nouns a nationality word turns into one."""

    static: frozenset[str]
    motion: frozenset[str]
    place_nouns: frozenset[str]
    target: frozenset[str] = frozenset()
    motion_types: frozenset[str] = frozenset()
    target_types: frozenset[str] = frozenset()


@functools.cache
def load_location_words() -> LocationWords:
    """Prepositions and place nouns from ``locations.yaml``."""
    name = "locations.yaml"
    data = read_bundled(name)
    preps = data.get("prepositions")
    if not isinstance(preps, dict) or not {"static", "motion"} <= set(preps):
        raise RuleFileError(name, "'prepositions' needs 'static' and 'motion' lists")
    lists = {key: frozenset(word_list(preps, name, key))
             for key in ("static", "motion", "target", "motion_types", "target_types")}
    return LocationWords(place_nouns=frozenset(word_list(data, name, "place_nouns")), **lists)


@functools.cache
def load_event_lexicon() -> EventLexicon:
    """The event taxonomy from ``event_types.yaml``, checked for ambiguous lemmas."""
    name = "event_types.yaml"
    types = tuple(
        EventType(e["id"], None if e["cameo"] is None else str(e["cameo"]),
                  str(e.get("description", "")), frozenset(e["verbs"]), frozenset(e["nouns"]),
                  _examples(e))
        for e in _entries(name, "types", ("cameo", "verbs", "nouns"))
    )
    _check_unambiguous(name, types)
    data = read_bundled(name)
    phrasal = data.get("phrasal_types") or {}
    known = {t.id for t in types} | {"other"}
    named = [*phrasal.values(), *data.get("subject_types", ()), *data.get("object_place_types", ()),
             *data.get("object_actor_types", ())]
    unknown = sorted(v for v in named if v not in known)
    if unknown:
        raise RuleFileError(name, f"unknown event types named: {unknown}")
    lists = {key: frozenset(word_list(data, name, key)) for key in _WORD_LISTS}
    return EventLexicon(types=types, phrasal_types=tuple(sorted(phrasal.items())), **lists)


_WORD_LISTS = ("light_verbs", "non_events", "uncertain_markers", "time_bounds", "subject_types",
               "object_place_types", "object_actor_types", "hypothetical_nouns")


def _check_unambiguous(name: str, types: tuple[EventType, ...]) -> None:
    """Each verb and each noun lemma may belong to one type only."""
    for kind in ("verbs", "nouns"):
        seen: dict[str, str] = {}
        for event_type in types:
            for lemma in getattr(event_type, kind):
                if lemma in seen:
                    raise RuleFileError(name, f"{kind[:-1]} {lemma!r} is in both "
                                        f"{seen[lemma]!r} and {event_type.id!r}", event_type.id)
                seen[lemma] = event_type.id
