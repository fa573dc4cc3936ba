"""Countries: names, alternate spellings, nationality words, centroids and outlines,
from ``countryinfo`` plus ``resources/gazetteer_countries.yaml``; and the ``Place`` a
geocode returns."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.events.known_names import canonical_country, load_country_aliases, other_spellings


@dataclass(frozen=True)
class Place:
    """A geocoded place; ``precision`` is city, region or country."""

    name: str
    country: str
    latitude: float
    longitude: float
    precision: str
    admin1: str = ""
    admin2: str = ""
    #: "place", "admin2", "admin1", "region" (part of a country) or "country".
    level: str = ""
    #: People living there, where the gazetteer says (0 when unknown).
    population: int = 0


def normalise(name: str) -> str:
    """Lookup key: trimmed, lower case, without a leading "the" or trailing possessive."""
    key = name.strip().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    key = key.lower()
    return key[4:] if key.startswith("the ") else key


@functools.cache
def country_records() -> dict[str, object]:
    """countryinfo's records by country name, one name per country (its package data,
    read once): where two records spell one country, the one spelt so comes first."""
    import countryinfo

    records: dict[str, object] = {}
    for record in sorted(countryinfo.all_countries(),
                         key=lambda c: canonical_country(c.name()) != c.name()):
        records.setdefault(canonical_country(record.name()), record)
    return records


@functools.cache
def country_table() -> dict[str, Place]:
    """Country centroid by lower-case name, alternate spelling and alias."""
    table: dict[str, Place] = {}
    for name, record in country_records().items():
        info = record.info()
        # Territories without a centroid fall back to their capital's position.
        latlng = next(iter(_coordinates(info.get("latlng") or info.get("capital_latlng"))),
                      None)
        if latlng is None:
            continue
        place = Place(name, name, latlng[0], latlng[1], "country")
        # Two-letter codes ("IT", "IN") collide with words; only longer spellings count.
        spellings = [name, record.name(), info.get("nativeName", ""),
                     *info.get("altSpellings", []), *other_spellings(name)]
        for spelling in spellings:
            if spelling and len(spelling) > 2:
                table.setdefault(normalise(spelling), place)
        table[normalise(name)] = place
    for alias in load_country_aliases():
        place = table.get(normalise(alias.country))
        if place is not None:
            for spelling in alias.names:
                table[normalise(spelling)] = place
    return table


@functools.cache
def demonym_table() -> dict[str, str]:
    """Country name by lower-case nationality word ("ukrainian" -> "Ukraine")."""
    table: dict[str, str] = {}
    people: dict[str, int] = {}
    for name, record in country_records().items():
        info = record.info()
        demonym, population = info.get("demonym"), _population(info)
        # A word several records share ("Indian": India and the British Indian Ocean
        # Territory; "Dominican") names the most populous of them.
        if demonym and population >= people.get(demonym.lower(), -1):
            table[demonym.lower()], people[demonym.lower()] = name, population
    for alias in load_country_aliases():
        for word in alias.demonyms:
            table[word.lower()] = alias.country
    return table


def _population(info: dict) -> int:
    try:
        return int(info.get("population") or 0)
    except (TypeError, ValueError):
        return 0


@functools.lru_cache(maxsize=1 << 14)  # the rules ask it of the same words again and again
def country_of_demonym(word: str) -> str | None:
    """The country a nationality word refers to ("Russian", "Russians"), or None."""
    key = normalise(word)
    table = demonym_table()
    return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)


@functools.cache
def bounding_box(country: str) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of a country's outline from countryinfo, or None."""
    record = country_records().get(country)
    if record is None:
        return None
    raw = record.info().get("geoJSON")
    if not raw:
        return None
    # countryinfo stores the outline as a Python literal, not JSON.
    data = ast.literal_eval(raw) if isinstance(raw, str) else raw
    points = list(_coordinates(data))
    if not points:
        return None
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lats), min(lons), max(lats), max(lons)


def _coordinates(node: object) -> Iterable[tuple[float, float]]:
    """Every (lon, lat) pair in a GeoJSON structure, iteratively (outlines nest deeply)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            if len(item) == 2 and all(isinstance(v, (int, float)) for v in item):
                yield float(item[0]), float(item[1])
            else:
                stack.extend(item)
