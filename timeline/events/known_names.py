"""What the rule layer knows by name: people, places and organisations the recogniser
mislabels (``gazetteer_*.yaml``, tagged by the entity ruler before the NER), seas and
regions that are no admin area, title cues (``titles.yaml``), country names and
demonyms (``gazetteer_countries.yaml``) and compass directions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from timeline.errors import RuleFileError
from timeline.events.lexicon import rule_entries, examples_of
from timeline.resource_files import read_bundled, word_list


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
    #: The countries an armed group fights in (organisations only).
    countries: tuple[str, ...] = ()
    #: The admin-1 area a region lies in, where the gazetteer has none of its name.
    admin1: str = ""
    #: True for an organisation that is a state's armed forces ("Israel Defense Forces");
    #: other organisations, named like forces or not, are no state's ("Syrian Democratic
    #: Forces").
    state: bool = False


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


@functools.cache
def load_titles() -> tuple[Title, ...]:
    """Title cues from ``titles.yaml``, longest written form first within each entry."""
    return tuple(
        Title(
            id=e["id"],
            words=tuple(sorted(map(str, e["words"]), key=len, reverse=True)),
            title=str(e["title"] or ""), examples=examples_of(e),
        )
        for e in rule_entries("titles.yaml", "titles", ("words", "title"))
    )


def load_not_names() -> frozenset[str]:
    """Words that end an organisation's name, so a title before them is no cue."""
    return _title_words("not_names")


def load_name_particles() -> frozenset[str]:
    """Lower-case particles inside a person's name ("el-Sisi", "bin Salman")."""
    return _title_words("name_particles")


@functools.cache
def _title_words(key: str) -> frozenset[str]:
    """A word list of ``titles.yaml``, read once."""
    return frozenset(word_list(read_bundled("titles.yaml"), "titles.yaml", key))


@functools.cache
def load_gazetteer_areas() -> tuple[GazetteerEntry, ...]:
    """Seas, gulfs and regions that are no admin area (``areas`` in
    ``gazetteer_places.yaml``): geocoded, but not tagged by the ruler, since the NER
    already calls them places and a forced tag would split "Black Sea Fleet"."""
    return tuple(
        GazetteerEntry(e["id"], e["name"], "LOC", tuple(map(str, e["aliases"])),
                       str(e["country"] or ""), float(e["latitude"]), float(e["longitude"]),
                       e["precision"], examples_of(e), admin1=str(e.get("admin1") or ""))
        for e in rule_entries("gazetteer_places.yaml", "areas",
                          ("name", "aliases", "country", "latitude", "longitude", "precision")))


@functools.cache
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """People, places and organisations from the ``gazetteer_*.yaml`` files."""
    people = [
        GazetteerEntry(e["id"], e["name"], "PERSON", tuple(e["aliases"]), examples=examples_of(e))
        for e in rule_entries("gazetteer_people.yaml", "people", ("name", "aliases"))
    ]
    places = [
        GazetteerEntry(
            e["id"], e["name"], "GPE", tuple(map(str, e["aliases"])), e["country"],
            float(e["latitude"]), float(e["longitude"]), e["precision"], examples_of(e),
        )
        for e in rule_entries(
            "gazetteer_places.yaml", "places",
            ("name", "aliases", "country", "latitude", "longitude", "precision"),
        )
    ]
    orgs = [
        GazetteerEntry(e["id"], e["name"], e["label"], tuple(map(str, e["aliases"])),
                       examples=examples_of(e), countries=tuple(map(str, e.get("countries") or ())),
                       state=bool(e.get("state")))
        for e in rule_entries("gazetteer_orgs.yaml", "organisations", ("name", "aliases", "label"))
    ]
    return tuple(people + places + orgs)


@functools.cache
def non_state_organisations() -> frozenset[str]:
    """Names of the organisations of ``gazetteer_orgs.yaml`` that are no state's armed
    forces, whatever their names say ("Syrian Democratic Forces")."""
    return frozenset(e.name for e in load_gazetteer() if e.label == "ORG" and not e.state)


@functools.cache
def organisation_countries() -> dict[str, tuple[str, ...]]:
    """The countries each organisation of ``gazetteer_orgs.yaml`` that has any fights
    in, by its name ("Houthis" -> ("Yemen",))."""
    return {e.name: e.countries for e in load_gazetteer() if e.label == "ORG" and e.countries}


@functools.cache
def load_country_aliases() -> tuple[CountryAlias, ...]:
    """Extra country names and demonyms from ``gazetteer_countries.yaml``."""
    return tuple(
        CountryAlias(e["id"], e["country"], tuple(map(str, e["names"])),
                     tuple(map(str, e["demonyms"])), examples_of(e))
        for e in rule_entries("gazetteer_countries.yaml", "countries",
                          ("country", "names", "demonyms"))
    )


@functools.cache
def canonical_countries() -> dict[str, str]:
    """The one name of each country by the other spellings of it (``canonical`` in
    ``gazetteer_countries.yaml``): "Palestinian Territory" -> "Palestine"."""
    data = read_bundled("gazetteer_countries.yaml").get("canonical") or {}
    try:
        return {str(variant): str(name) for name, variants in data.items() for variant in variants}
    except (AttributeError, TypeError) as error:
        raise RuleFileError("gazetteer_countries.yaml",
                            f"'canonical' must map names to lists of spellings ({error})") from error


def canonical_country(name: str) -> str:
    """``name``, or the one name of the country it spells otherwise."""
    return canonical_countries().get(name, name)


def other_spellings(name: str) -> tuple[str, ...]:
    """The other spellings of the country named ``name`` in ``canonical``."""
    return tuple(v for v, n in canonical_countries().items() if n == name)


@functools.cache
def load_directions() -> tuple[Direction, ...]:
    """Compass words from ``locations.yaml``."""
    return tuple(
        Direction(e["id"], tuple(e["words"]), float(e["north"]), float(e["east"]), examples_of(e))
        for e in rule_entries("locations.yaml", "directions", ("words", "north", "east"))
    )
