"""Load and validate the rule files used by entity, place and event extraction.

Each loader reads one ``timeline/resources/*.yaml`` file, checks every entry has an
id, the fields it needs and at least one example, and returns frozen dataclasses.
Loaders are pure and cached; a malformed file raises ``ResourceError`` naming the
file and the entry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from timeline.errors import ResourceError


@dataclass(frozen=True)
class Title:
    """A title cue: its written forms and the form kept in the title column."""

    id: str
    words: tuple[str, ...]
    title: str


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


@dataclass(frozen=True)
class CountryAlias:
    """Names and nationality words for one country, beyond what countryinfo lists."""

    id: str
    country: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Direction:
    """A compass word and how far it moves a point from a country's centre."""

    id: str
    words: tuple[str, ...]
    north: float
    east: float


@dataclass(frozen=True)
class EventType:
    """One entry of the event taxonomy."""

    id: str
    cameo: str | None
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]


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


def read_yaml(name: str) -> dict[str, Any]:
    """Parse the bundled resource ``name``; raise ResourceError when it is not a mapping."""
    import yaml

    text = resources.files("timeline.resources").joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ResourceError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ResourceError(f"{name}: expected a mapping at the top level")
    return data


def _entries(name: str, key: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
    entries = read_yaml(name).get(key)
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f"{name}: expected a non-empty list under {key!r}")
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ResourceError(f"{name}: {key}[{index}] is not a mapping")
        missing = [field for field in ("id", "examples", *required) if field not in entry]
        if missing:
            raise ResourceError(f"{name}: entry {entry.get('id', index)!r} lacks {missing}")
        if not entry["examples"]:
            raise ResourceError(f"{name}: entry {entry['id']!r} has no examples")
        if entry["id"] in seen:
            raise ResourceError(f"{name}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
    return entries


@functools.cache
def load_titles() -> tuple[Title, ...]:
    """Title cues from ``titles.yaml``, longest written form first within each entry."""
    return tuple(
        Title(
            id=e["id"],
            words=tuple(sorted(map(str, e["words"]), key=len, reverse=True)),
            title=str(e["title"] or ""),
        )
        for e in _entries("titles.yaml", "titles", ("words", "title"))
    )


@functools.cache
def load_not_names() -> frozenset[str]:
    """Words that end an organisation's name, so a title before them is no cue."""
    words = read_yaml("titles.yaml").get("not_names", [])
    if not all(isinstance(w, str) for w in words):
        raise ResourceError("titles.yaml: 'not_names' must be a list of words")
    return frozenset(words)


@functools.cache
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """People, places and organisations from the ``gazetteer_*.yaml`` files."""
    people = [
        GazetteerEntry(e["id"], e["name"], "PERSON", tuple(e["aliases"]))
        for e in _entries("gazetteer_people.yaml", "people", ("name", "aliases"))
    ]
    places = [
        GazetteerEntry(
            e["id"], e["name"], "GPE", tuple(map(str, e["aliases"])), e["country"],
            float(e["latitude"]), float(e["longitude"]), e["precision"],
        )
        for e in _entries(
            "gazetteer_places.yaml", "places",
            ("name", "aliases", "country", "latitude", "longitude", "precision"),
        )
    ]
    orgs = [
        GazetteerEntry(e["id"], e["name"], e["label"], tuple(map(str, e["aliases"])))
        for e in _entries("gazetteer_orgs.yaml", "organisations", ("name", "aliases", "label"))
    ]
    return tuple(people + places + orgs)


@functools.cache
def load_country_aliases() -> tuple[CountryAlias, ...]:
    """Extra country names and demonyms from ``gazetteer_countries.yaml``."""
    return tuple(
        CountryAlias(e["id"], e["country"], tuple(map(str, e["names"])),
                     tuple(map(str, e["demonyms"])))
        for e in _entries("gazetteer_countries.yaml", "countries",
                          ("country", "names", "demonyms"))
    )


@functools.cache
def load_directions() -> tuple[Direction, ...]:
    """Compass words from ``locations.yaml``."""
    return tuple(
        Direction(e["id"], tuple(e["words"]), float(e["north"]), float(e["east"]))
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
    data = read_yaml("locations.yaml")
    preps = data.get("prepositions")
    if not isinstance(preps, dict) or not {"static", "motion"} <= set(preps):
        raise ResourceError("locations.yaml: 'prepositions' needs 'static' and 'motion' lists")
    return LocationWords(
        static=frozenset(preps["static"]),
        motion=frozenset(preps["motion"]),
        place_nouns=frozenset(data.get("place_nouns", ())),
        target=frozenset(preps.get("target", ())),
        motion_types=frozenset(preps.get("motion_types", ())),
        target_types=frozenset(preps.get("target_types", ())),
    )


@functools.cache
def load_event_lexicon() -> EventLexicon:
    """The event taxonomy from ``event_types.yaml``, checked for ambiguous lemmas."""
    name = "event_types.yaml"
    types = tuple(
        EventType(e["id"], None if e["cameo"] is None else str(e["cameo"]),
                  str(e.get("description", "")), frozenset(e["verbs"]), frozenset(e["nouns"]))
        for e in _entries(name, "types", ("cameo", "verbs", "nouns"))
    )
    _check_unambiguous(name, types)
    data = read_yaml(name)
    phrasal = data.get("phrasal_types") or {}
    known = {t.id for t in types} | {"other"}
    named = [*phrasal.values(), *data.get("subject_types", ()), *data.get("object_place_types", ()),
             *data.get("object_actor_types", ())]
    unknown = sorted(v for v in named if v not in known)
    if unknown:
        raise ResourceError(f"{name}: unknown event types named: {unknown}")
    lists = {key: _words(name, key, data.get(key, ())) for key in _WORD_LISTS}
    return EventLexicon(types=types, phrasal_types=tuple(sorted(phrasal.items())), **lists)


_WORD_LISTS = ("light_verbs", "non_events", "uncertain_markers", "time_bounds", "subject_types",
               "object_place_types", "object_actor_types", "hypothetical_nouns")


def _words(name: str, key: str, words: object) -> frozenset[str]:
    if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
        raise ResourceError(f"{name}: {key} must be a list of words (quote yes/no/on/off)")
    return frozenset(words)


def _check_unambiguous(name: str, types: tuple[EventType, ...]) -> None:
    """Each verb and each noun lemma may belong to one type only."""
    for kind in ("verbs", "nouns"):
        seen: dict[str, str] = {}
        for event_type in types:
            for lemma in getattr(event_type, kind):
                if lemma in seen:
                    raise ResourceError(f"{name}: {kind[:-1]} {lemma!r} is in both "
                                        f"{seen[lemma]!r} and {event_type.id!r}")
                seen[lemma] = event_type.id
