"""Offline geocoding: countries, nationality words, cities and directional phrases.

Sources, in the order they are tried for a name:

1. the curated gazetteer (``resources/gazetteer_places.yaml``), which carries its own
   coordinates;
2. countries from ``countryinfo`` (names, alternate spellings, ``latlng`` centroid)
   plus ``resources/gazetteer_countries.yaml``;
3. user gazetteers given to ``extract`` (``--gazetteer``: GeoNames text files or CSV);
4. populated places of 500 people or more and admin-1/admin-2 areas from the bundled
   index (``timeline.events.gazetteer``), chosen between namesakes by
   ``timeline.events.namesakes``: a place in the admin area the text names
   ("Kupiansk, Kharkiv"; "Kandi (Alibori)") first, then one in an admin-1 area or a
   country the article names, then the most populous.

"eastern Ukraine" becomes the country's centre moved towards the named side of its
bounding box (``resources/locations.yaml``), with precision ``region``.
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from timeline.events import gazetteer, namesakes

from timeline.events.lexicon import load_country_aliases, load_directions, load_gazetteer

#: Population above which a name the NER missed counts without a country (see
#: ``namesakes``, which holds the rule for choosing between namesakes).
MIN_CONTEXT_POPULATION = namesakes.MIN_CONTEXT_POPULATION
#: Precision of a gazetteer entry by its kind.
KIND_PRECISION = {"admin1": "region", "admin2": "region"}
#: Extra gazetteers in force for the current extraction (see ``extra_gazetteers``).
_EXTRA: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("gazetteers",
                                                                          default=())


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


@contextlib.contextmanager
def extra_gazetteers(paths: Sequence[str]) -> Iterator[None]:
    """Search the user gazetteers ``paths`` first while the block runs."""
    token = _EXTRA.set(tuple(str(p) for p in paths))
    try:
        yield
    finally:
        _EXTRA.reset(token)


@functools.cache
def _user_index(path: str) -> dict[str, tuple[gazetteer.Entry, ...]]:
    index: dict[str, list[gazetteer.Entry]] = {}
    for spelling, entry in gazetteer.load_user_gazetteer(path):
        index.setdefault(gazetteer.key(spelling), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def _candidates(name: str, context: tuple[str, ...] = ()) -> list[gazetteer.Entry]:
    """Entries called ``name``: user gazetteers first, then the bundled index (with
    the namesakes in the context's countries however many bigger ones there are)."""
    found = [e for path in _EXTRA.get() for e in _user_index(path).get(gazetteer.key(name), ())]
    if found:
        return found
    codes = {code for code, country in namesakes.country_names().items()
             if country in context_countries(context)} if context else set()
    return gazetteer.lookup(name, codes)


@functools.lru_cache(maxsize=1024)
def context_countries(context: tuple[str, ...]) -> frozenset[str]:
    """The countries an article's place names name or lie in: "Lugansk" puts an
    article in Ukraine as surely as "Ukraine" does."""
    found = set()
    for name in context:
        place = _geocode(name, (), (), _EXTRA.get())
        found.update({name, place.country} if place is not None else {name})
    return frozenset(found)


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


def geocode(name: str, context: Iterable[str] = (), hints: Sequence[str] = (),
            area: bool = False) -> Place | None:
    """Geocode a place name; ``hints`` are admin areas the text names beside it
    ("Kharkiv" in "Kupiansk, Kharkiv"), ``context`` countries the article names;
    ``area``: the text calls it an admin area ("the Donetsk region"), so an admin-1
    or admin-2 area of that name wins over a town. None if unknown."""
    return _geocode(name, tuple(context), tuple(hints), _EXTRA.get(), area)


@functools.lru_cache(maxsize=1 << 16)
def _geocode(name: str, context: tuple[str, ...], hints: tuple[str, ...],
             extra: tuple[str, ...], area: bool = False) -> Place | None:
    """``geocode``, remembered: articles name the same places again and again."""
    del extra  # part of the cache key: user gazetteers change the answer
    key = normalise(name)
    if not key:
        return None
    curated = _gazetteer_places().get(key)
    if curated is not None and (not area or curated.precision == "region"):
        return _with_admin(curated)
    found = country_table().get(key)
    if found is not None:
        return found
    # "the separatist east": a lower-case word is no name of a town or region.
    candidates = _candidates(key, context) if name.strip()[:1].isupper() else []
    if candidates and context and not namesakes.any_in(candidates, context_countries(context)):
        candidates += [e for variant in namesakes.variants(key)
                       for e in _candidates(variant, context)]
    if area:
        candidates = [e for e in candidates if e.kind != gazetteer.POPULATED] or candidates
    if not candidates:
        return _with_admin(curated) if curated is not None else None
    entry = namesakes.choose(candidates, hints, context_countries(context),
                             [c for c in context if c not in namesakes.country_set()])
    names = namesakes.country_names()
    return Place(entry.name, names.get(entry.country_code, entry.country_code),
                 entry.latitude, entry.longitude, KIND_PRECISION.get(entry.kind, "city"),
                 entry.admin1, entry.admin2,
                 "place" if entry.kind == gazetteer.POPULATED else entry.kind, entry.population)


#: Largest distance in degrees at which a gazetteer entry is the curated place itself.
SAME_PLACE_DEGREES = 0.3


@functools.cache
def _with_admin(place: Place) -> Place:
    """A curated place with the admin areas of its gazetteer namesake nearby; a
    curated region ("Donetsk region") that is an admin-1 area, as that area."""
    if place.precision == "region":
        return _as_admin1(place)
    if place.precision != "city" or place.admin1:
        return place
    near = [e for e in gazetteer.lookup(place.name)
            if abs(e.latitude - place.latitude) + abs(e.longitude - place.longitude)
            < SAME_PLACE_DEGREES]
    if not near:
        return place
    return Place(place.name, place.country, place.latitude, place.longitude, place.precision,
                 near[0].admin1, near[0].admin2, "place", max(e.population for e in near))


#: Largest distance in degrees between a curated region and its admin-1 area's centre.
SAME_AREA_DEGREES = 1.5


def _as_admin1(place: Place) -> Place:
    """A curated region as the admin-1 area it is, when the index has one of its name
    nearby ("Donetsk region" is the admin-1 area Donetsk); else unchanged."""
    names = namesakes.country_names()
    area = next((e for e in gazetteer.lookup(namesakes.stem(place.name))
                 if e.kind == gazetteer.ADMIN1 and names.get(e.country_code) == place.country
                 and abs(e.latitude - place.latitude) + abs(e.longitude - place.longitude)
                 < SAME_AREA_DEGREES), None)
    if area is None:
        return place
    return Place(place.name, place.country, place.latitude, place.longitude, place.precision,
                 area.name, "", gazetteer.ADMIN1)


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


@functools.cache
def capital_names() -> frozenset[str]:
    """Capitals as geocoded ("Kyiv" for countryinfo's "Kiev"), for metonymy checks."""
    found = set()
    for record in _countryinfo().values():
        capital = record.info().get("capital")
        place = geocode(capital) if isinstance(capital, str) and capital else None
        if place is not None and place.precision == "city":
            found.add(place.name)
    return frozenset(found)
