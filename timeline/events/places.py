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

import contextlib
import contextvars
import functools
from collections.abc import Iterable, Iterator, Sequence

from timeline import schema
from timeline.events import gazetteer, namesakes
from timeline.events.countries import (Place, bounding_box, country_of_demonym, country_records,
                                       country_table, normalise)
from timeline.events.known_names import load_directions, load_gazetteer, load_gazetteer_areas

__all__ = ["Place", "bounding_box", "country_of_demonym", "country_table", "geocode",
           "normalise"]

#: Population above which a name the NER missed counts without a country (see
#: ``namesakes``, which holds the rule for choosing between namesakes).
MIN_CONTEXT_POPULATION = namesakes.MIN_CONTEXT_POPULATION
#: Precision of a gazetteer entry by its kind.
KIND_PRECISION = {"admin1": "region", "admin2": "region"}
#: Extra gazetteers in force for the current extraction (see ``extra_gazetteers``).
_EXTRA: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("gazetteers",
                                                                          default=())


@contextlib.contextmanager
def extra_gazetteers(paths: Sequence[str]) -> Iterator[None]:
    """Search the user gazetteers ``paths`` first while the block runs."""
    token = _EXTRA.set(tuple(str(p) for p in paths))
    try:
        yield
    finally:
        _EXTRA.reset(token)


@functools.cache
def _user_index(path: str, loose: bool = False) -> dict[str, tuple[gazetteer.Entry, ...]]:
    """A user gazetteer's places by lookup key (``loose``: by spelling-blind key)."""
    key_of = gazetteer.loose_key if loose else gazetteer.key
    index: dict[str, list[gazetteer.Entry]] = {}
    for spelling, entry in gazetteer.load_user_gazetteer(path):
        index.setdefault(key_of(spelling), []).append(entry)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


#: Shortest spelling-blind key looked up: shorter ones match too much ("Three").
MIN_LOOSE_LETTERS = 5


@functools.cache
def _loose_countries() -> dict[str, Place]:
    """Countries by spelling-blind key ("Ukraine -" is Ukraine, not a village that
    GeoNames also calls so)."""
    return {gazetteer.loose_key(k): p for k, p in country_table().items()}


def _loose_candidates(name: str, hints: tuple[str, ...],
                      context: tuple[str, ...]) -> list[gazetteer.Entry]:
    """Places ``name`` may be another spelling of ("Ceel Buur" for Ceelbuur), kept when
    an admin area written beside the name agrees, else when they lie in a country the
    article names (any country when it names none, or only names the gazetteer places
    in no country; none when the areas written beside the name all disagree)."""
    wanted = gazetteer.loose_key(name)
    if len(wanted) < MIN_LOOSE_LETTERS:
        return []
    found = [e for path in _EXTRA.get() for e in _user_index(path, True).get(wanted, ())
             if gazetteer.key(e.name) != gazetteer.key(name)] or [
        e for e in gazetteer.lookup_loose(name)
        if not e.alternate or e.population >= namesakes.MIN_CONTEXT_POPULATION]
    hinted = [e for e in found if any(namesakes.in_area(e, h) for h in hints)]
    if hinted or hints:
        return hinted
    # Names that lie in no known country ("M23", "Kitshanga") rule no spelling out.
    wanted_countries = context_countries(context) & namesakes.country_set() if context else None
    if not wanted_countries:
        return found
    names = namesakes.country_names()
    return [e for e in found if names.get(e.country_code, e.country_code) in wanted_countries]


def _candidates(name: str, context: tuple[str, ...] = ()) -> list[gazetteer.Entry]:
    """Entries called ``name``: user gazetteers first, then the bundled index (with
    the namesakes in the context's countries however many bigger ones there are)."""
    found = [e for path in _EXTRA.get() for e in _user_index(path).get(gazetteer.key(name), ())]
    if found:
        return found
    codes = {code for code, country in namesakes.country_names().items()
             if country in context_countries(context)} if context else set()
    return gazetteer.lookup(name, codes)


def named_countries(context: tuple[str, ...]) -> frozenset[str]:
    """The countries of ``context_countries`` named by a place, not only by a nationality
    word: "Russian troops shelled ..." says who shelled, not where; nor by a name the
    gazetteer does not know ("the Kuibyshevsky district"), which names no country."""
    found = _context_countries(tuple(n for n in context if country_of_demonym(n) is None),
                               _EXTRA.get())
    return frozenset(c for c in found if _is_country(c))


@functools.lru_cache(maxsize=4096)  # fed every context name: bounded for a long-lived server
def _is_country(name: str) -> bool:
    """True when ``name`` is a country's name as places spell it."""
    place = country_table().get(normalise(name))
    return name in namesakes.country_set() or place is not None and place.name == name


def context_countries(context: tuple[str, ...]) -> frozenset[str]:
    """The countries an article's place names name or lie in: "Lugansk" puts an
    article in Ukraine as surely as "Ukraine" does."""
    return _context_countries(context, _EXTRA.get())


@functools.lru_cache(maxsize=1024)
def _context_countries(context: tuple[str, ...], extra: tuple[str, ...]) -> frozenset[str]:
    """``context_countries``, remembered per set of user gazetteers (``extra``), which
    change the answer."""
    found = set()
    for name in context:
        place = _geocode(name, (), (), extra)
        found.update({name, place.country} if place is not None else
                     {name, country_of_demonym(name) or name})
    return frozenset(found)


def context_name(label: str, text: str, canonical: str) -> str:
    """How a GPE or NORP mention enters an article's context: a nationality word as
    written ("Russian", which ``named_countries`` tells apart), else its canonical name."""
    return text if label == "NORP" and country_of_demonym(text) else canonical or text


@functools.cache
def _gazetteer_places() -> dict[str, Place]:
    table: dict[str, Place] = {}
    for entry in (*load_gazetteer(), *load_gazetteer_areas()):
        if entry.latitude is None or entry.longitude is None:
            continue
        place = Place(entry.name, entry.country, entry.latitude, entry.longitude,
                      entry.precision, entry.admin1)
        for alias in entry.aliases:
            table[normalise(alias)] = place
    return table


def curated(name: str) -> Place | None:
    """The place the curated gazetteer lists under ``name`` ("DPR"), or None."""
    found = _gazetteer_places().get(normalise(name))
    return _with_admin(found) if found is not None else None


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
    # A sea is in no country and is no admin area ("Egypt's Red Sea governorate").
    if curated is not None and (not area or curated.precision == "region" and curated.country):
        return _with_admin(curated)
    found = country_table().get(key)
    if found is not None:
        return found
    # "the separatist east": a lower-case word is no name of a town or region.
    named = name.strip()[:1].isupper()
    exact = _candidates(key, context) if named else []
    if named and not exact and gazetteer.loose_key(name) in _loose_countries():
        return _loose_countries()[gazetteer.loose_key(name)]  # "Ukraine -"
    candidates = _gather(name, key, context, hints, exact) if named else []
    if not candidates:
        return _with_admin(curated) if curated is not None else None
    if area:
        candidates = [e for e in candidates if e.kind != gazetteer.POPULATED] or candidates
    # The name itself is no area named beside it: "Beni" is not in Bolivia's Beni
    # Department because the story names Beni.
    entry = namesakes.choose(candidates, hints, context_countries(context),
                             [c for c in context if c not in namesakes.country_set()
                              and normalise(c) != key],
                             named_countries(context))
    if area and entry.kind == gazetteer.POPULATED:
        entry = _area_named_after(entry) or entry
    names = namesakes.country_names()
    return Place(entry.name, names.get(entry.country_code, entry.country_code),
                 entry.latitude, entry.longitude, KIND_PRECISION.get(entry.kind, "city"),
                 entry.admin1, entry.admin2,
                 "place" if entry.kind == gazetteer.POPULATED else entry.kind, entry.population)


#: Below this population, a place found only by an alternate name outside the story's
#: countries is taken for a coincidence of spelling.
SMALL_ALIAS_POPULATION = 10_000


def _gather(name: str, key: str, context: tuple[str, ...], hints: tuple[str, ...],
            exact: list[gazetteer.Entry]) -> list[gazetteer.Entry]:
    """Gazetteer entries ``name`` may mean: its namesakes (``exact``); with none (or none
    in the article's countries), also those of its other romanisations; with none at all, none
    there or none in an area written beside it, also those it may be another spelling of;
    never a small place found only by an alternate name outside the article's countries."""
    candidates = list(exact)
    wanted = context_countries(context) if context else frozenset()
    if not candidates or context and not namesakes.any_in(candidates, wanted):
        candidates += [e for variant in namesakes.variants(key)
                       for e in _candidates(variant, context)]
    if not candidates or context and not namesakes.any_in(candidates, wanted) or hints and \
            not any(namesakes.in_area(e, h) for e in candidates for h in hints):
        candidates += _loose_candidates(name, hints, context)
    # "Kashmir" in a story set in India is no alias of Cashmere, Washington: a small
    # place found only by another name, outside every country the story's other names
    # set it in (the name itself, looked up alone, would vouch for its own namesake).
    others = context_countries(tuple(c for c in context if normalise(c) != key))
    if others:
        names = namesakes.country_names()
        candidates = [e for e in candidates if not (
            e.alternate and e.population < SMALL_ALIAS_POPULATION
            and names.get(e.country_code, e.country_code) not in others)]
    return candidates


def _area_named_after(town: gazetteer.Entry) -> gazetteer.Entry | None:
    """The admin area named after a town, for "the Dnepropetrovsk region" (Dnipro's
    oblast, Dnipropetrovsk), "the Zaporozhye region", "the Bakhmut district" (its
    raion): the town's admin-1 area, else admin-2, when its name begins like the town's
    or is one spelling away from it; None otherwise."""
    town_stem = namesakes.stem(town.name)
    for kind, name in ((gazetteer.ADMIN1, town.admin1), (gazetteer.ADMIN2, town.admin2)):
        area_stem = namesakes.stem(name)
        if area_stem and (area_stem.startswith(town_stem[:MIN_LOOSE_LETTERS])
                          or namesakes.similar(area_stem, town_stem)):
            found = [e for e in gazetteer.lookup(name) if e.kind == kind
                     and e.country_code == town.country_code]
            if found:
                return found[0]
    return None


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


def geo_precision(place: Place, near: bool = False) -> int:
    """ACLED's geo_precision of a place: 3 a larger area (the country, an admin-1
    area), 2 near a place or in a part of a region, 1 the place itself."""
    if place.precision == "country" or place.level == "admin1":
        return schema.GEO_PRECISION_AREA
    if near or place.precision == "region":
        return schema.GEO_PRECISION_NEAR
    return schema.GEO_PRECISION_PLACE


@functools.cache
def capital_names() -> frozenset[str]:
    """Capitals as geocoded ("Kyiv" for countryinfo's "Kiev"), for metonymy checks."""
    found = set()
    for record in country_records().values():
        capital = record.info().get("capital")
        place = geocode(capital) if isinstance(capital, str) and capital else None
        if place is not None and place.precision == "city":
            found.add(place.name)
    return frozenset(found)


def capital_of(country: str) -> Place | None:
    """The capital city of ``country`` (a country's one name), geocoded ("Serbia":
    Belgrade), or None."""
    record = country_records().get(country)
    capital = record.info().get("capital") if record is not None else None
    place = geocode(capital) if isinstance(capital, str) and capital else None
    return place if place is not None and place.country == country else None
