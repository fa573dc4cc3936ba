"""ACLED's column layout: write events as ACLED rows, and read ACLED data in.

Columns are ACLED's, in ACLED's order (the 2023 layout: :data:`ACLED_COLUMNS`); codes
are ACLED's:

* ``event_date`` ``YYYY-MM-DD``; ``time_precision`` 1 (the day is known: hour or day
  granularity), 2 (within a week: week granularity, or only the publication date) or
  3 (only the month or a coarser span is known); for codes 2 and 3 ``event_date`` is the
  middle of the interval, as ACLED codes a week or month it cannot narrow down.
* ``event_type`` / ``sub_event_type`` / ``disorder_type``: the ``acled_event_type`` and
  ``acled_sub_event_type`` columns when they are filled; else the ACLED coding our
  event type has in ``timeline/resources/event_types.yaml``; a type ACLED does not code
  (a statement, a meeting) is Strategic developments/Other. Our own type is kept in
  ``tags`` as ``timeline: <type>``, and the confidence as ``confidence: <0-1>``.
* ``actor1`` / ``actor2`` / ``assoc_actor_1``: the ``actor1``, ``actor2`` and
  ``assoc_actors`` columns when ``actor1`` is filled; else the first and second of
  ``actors``, with any further ones as ``assoc_actor_1``. Several names in one cell are
  joined with ``"; "``, as ACLED does.
* ``geo_precision``: the frame's ACLED code; else from ``place_precision`` (1 a city,
  2 a region, 3 a country).
* ``admin1`` / ``admin2`` / ``fatalities`` from those columns when present, else empty
  (unknown, never 0); ``location`` is ``place``, ``notes`` the sentence, ``source`` the
  article's web site (else its id), ``timestamp`` the publication date in Unix seconds.
  A story (``timeline export --stories``) gives its id, headline, first report and
  that report's date.
* ``inter1`` / ``inter2``: ACLED's actor type code of an actor named as a group
  ("Military Forces of Sudan" 1, "Protesters (Kenya)" 6, "Civilians (Sudan)" 7; the
  codes are ``acled_inter`` in ``resources/actors.yaml``; a state's forces in another
  country are external forces, 8, as ACLED codes Russia's in Ukraine), empty for a named
  organisation or a person, whose type the text does not give; ``interaction`` the two
  codes, lower first (17), or the one code and 0 for a sole actor (60);
  ``civilian_targeting`` is "Civilian targeting" when the target is civilians in
  political violence.
* ``iso``, ``region``, ``admin3`` and ``source_scale`` are left empty: nothing in an
  article's text codes them.

The file is CSV as :mod:`timeline.export.csv` writes it: spreadsheet-safe.

Reading (:func:`from_acled`) turns ACLED rows (ACLED's own downloads or ours) into the
event schema, with ``source`` = ``acled`` so they can sit beside extracted events
(:func:`beside`), and keeps ACLED's types in ``acled_event_type`` and
``acled_sub_event_type``.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from timeline.errors import InputError
from timeline.events.actor_groups import acled_inter
from timeline.export.cells import is_missing, join_list, split_list
from timeline.export.csv import read_csv, write_csv
from timeline.vocab import Granularity, LIST_SEPARATOR

if TYPE_CHECKING:
    import pandas as pd

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
#: Columns every ACLED file has; a CSV with all of them is read as ACLED.
ACLED_MARKERS = ("event_date", "time_precision", "sub_event_type", "actor1", "geo_precision")

#: ACLED's coding of an event ACLED does not code.
OTHER = ("Strategic developments", "Other")
#: ACLED event type -> ACLED disorder type.
DISORDER: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: Granularity -> time_precision code.
TIME_PRECISION: dict[str, int] = {
    Granularity.HOUR: 1, Granularity.DAY: 1, Granularity.WEEK: 2, Granularity.PUBLISHED: 2,
    Granularity.MONTH: 3, Granularity.QUARTER: 3, Granularity.SEASON: 3, Granularity.YEAR: 3,
    Granularity.DECADE: 3,
}
#: geo_precision word -> ACLED code, and back.
GEO_CODES: dict[str, int] = {"city": 1, "region": 2, "country": 3}
GEO_WORDS: dict[int, str] = {code: word for word, code in GEO_CODES.items()}
#: Columns of whole numbers (empty when unknown).
_CODES = ("time_precision", "geo_precision", "fatalities", "timestamp", "inter1", "inter2",
          "interaction")
#: ACLED event types in which a civilian target is "Civilian targeting".
CIVILIAN_TARGETED = frozenset({"Violence against civilians", "Explosions/Remote violence"})
STATE_FORCES, CIVILIANS, EXTERNAL_FORCES = 1, 7, 8
#: Tags that carry our own type and confidence through an ACLED file.
TYPE_TAG = "timeline: "
CONFIDENCE_TAG = "confidence: "
#: ``source`` of events read from ACLED data and of extracted ones.
ACLED_SOURCE = "acled"
EXTRACTED_SOURCE = "extracted"


def write_acled(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write ``df`` as ACLED-layout CSV, spreadsheet-safe."""
    write_csv(to_acled(df), stream)


def to_acled(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as a frame of ACLED's columns (see module docs for each)."""
    import pandas as pd

    rows = [_acled_row(row) for row in df.to_dict("records")]
    out = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    # Whole-number codes stay whole even when some rows have none.
    return out.astype({name: "Int64" for name in _CODES})


def _acled_row(row: dict[str, Any]) -> dict[str, Any]:
    kind, sub = _acled_type(row)
    first, second, more = _acled_actors(row)
    day, precision = _acled_date(row)
    country = _text(row.get("country"))
    inter1, inter2 = _inter(first, country), _inter(second, country)
    return {
        "event_id_cnty": _either(row, "event_id", "story_id"), "event_date": day,
        "year": day[:4], "time_precision": precision,
        "disorder_type": DISORDER.get(kind, ""), "event_type": kind, "sub_event_type": sub,
        "actor1": first, "assoc_actor_1": more[0], "actor2": second, "assoc_actor_2": more[1],
        "inter1": inter1, "inter2": inter2, "interaction": _interaction(inter1, inter2, second),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS
        and kind in CIVILIAN_TARGETED else "",
        "country": _text(row.get("country")), "admin1": _text(row.get("admin1")),
        "admin2": _text(row.get("admin2")), "location": _text(row.get("place")),
        "latitude": row.get("latitude"), "longitude": row.get("longitude"),
        "geo_precision": _geo_code(row.get("geo_precision"), row.get("place_precision")),
        "source": _source(row),
        "notes": _either(row, "sentence", "headline"),
        "fatalities": _count(row.get("fatalities")), "tags": LIST_SEPARATOR.join(_tags(row)),
        "timestamp": _unix(row.get("reference_date", row.get("first_reported"))),
    }


def _either(row: dict[str, Any], event_column: str, story_column: str) -> str:
    """An event's column, or what a story (``timeline export --stories``) has for it."""
    return _text(row.get(event_column)) or _text(row.get(story_column))


def _inter(actor: str, country: str) -> int | None:
    """ACLED's actor type code of ``actor`` in an event in ``country``: a state's forces
    outside their own country are external forces."""
    found = acled_inter(actor)
    if found is None:
        return None
    code, own = found
    return EXTERNAL_FORCES if code == STATE_FORCES and own and country and own != country else code


def _interaction(first: int | None, second: int | None, actor2: str) -> int | None:
    """ACLED's interaction code: both actor types, lower first (17), or a sole actor's
    type and 0 (60); None when an actor's type is unknown."""
    if first is None or (second is None and actor2):
        return None
    if second is None:
        return first * 10
    low, high = sorted((first, second))
    return low * 10 + high


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def _acled_type(row: dict[str, Any]) -> tuple[str, str]:
    given = _text(row.get("acled_event_type"))
    if given:
        return given, _text(row.get("acled_sub_event_type"))
    from timeline.events.lexicon import load_event_lexicon

    entry = load_event_lexicon().get(_text(row.get("event_type")))
    return (entry.acled_type, entry.acled_sub_type) if entry and entry.acled_type else OTHER


def ours(acled_type: str, acled_sub_type: str) -> str:
    """Our event type for an ACLED coding: the first type coded so, else ``other``."""
    from timeline.events.lexicon import load_event_lexicon

    types = load_event_lexicon().types
    for entry in types:
        if (entry.acled_type, entry.acled_sub_type) == (acled_type, acled_sub_type):
            return entry.id
    return next((entry.id for entry in types if entry.acled_type == acled_type), "other")


def _acled_actors(row: dict[str, Any]) -> tuple[str, str, tuple[str, str]]:
    if _text(row.get("actor1")):
        assoc = join_list(row.get("assoc_actors"))
        return _text(row.get("actor1")), _text(row.get("actor2")), (assoc, "")
    actors = split_list(row.get("actors"))
    first = actors[0] if actors else ""
    second = actors[1] if len(actors) > 1 else ""
    return first, second, (LIST_SEPARATOR.join(actors[2:]), "")


def _acled_date(row: dict[str, Any]) -> tuple[str, int | None]:
    start, end = row.get("start"), row.get("end")
    precision = TIME_PRECISION.get(_text(row.get("granularity")))
    if is_missing(start) or precision is None:
        return "", None
    middle = start if precision == 1 or is_missing(end) else start + (end - start) / 2
    return middle.strftime("%Y-%m-%d"), precision


def _geo_code(code: object, word: object) -> int | None:
    text = _text(code)
    if text.isdigit():
        return int(text)
    return GEO_CODES.get(text) or GEO_CODES.get(_text(word))


def _count(value: object) -> int | None:
    return None if is_missing(value) or value == "" else int(float(value))  # type: ignore[arg-type]


def _source(row: dict[str, Any]) -> str:
    host = urlsplit(_text(row.get("url"))).hostname or ""
    return host.removeprefix("www.") or _either(row, "doc_id", "first_report")


def _tags(row: dict[str, Any]) -> list[str]:
    tags = [t for t in split_list(row.get("tags")) if t]
    tags.append(TYPE_TAG + _text(row.get("event_type")))
    if not is_missing(row.get("confidence")):
        tags.append(f"{CONFIDENCE_TAG}{float(row['confidence']):.3g}")
    return tags


def _unix(value: object) -> int | None:
    import pandas as pd

    if is_missing(value):
        return None
    return int(pd.Timestamp(value).timestamp())  # type: ignore[arg-type]


# -- reading ---------------------------------------------------------------------------


def looks_like_acled(columns: Any) -> bool:
    """True when a file's columns are ACLED's (its own downloads or ours)."""
    names = {str(name).lower() for name in columns}
    return all(marker in names for marker in ACLED_MARKERS)


def read_acled(path: Path) -> pd.DataFrame:
    """An ACLED CSV as events of the timeline schema, ``source`` = ``acled``."""
    raw = read_csv(path)
    if not looks_like_acled(raw.columns):
        raise InputError(str(path), "not ACLED data: needs the columns " + ", ".join(ACLED_MARKERS))
    try:
        return from_acled(raw)
    except ValueError as exc:
        raise InputError(str(path), f"cannot read as ACLED: {exc}") from exc


def from_acled(raw: pd.DataFrame) -> pd.DataFrame:
    """ACLED rows (every cell text) as a frame of the event schema."""
    from timeline.export.acled_read import acled_events

    return acled_events(raw)


def beside(extracted: pd.DataFrame, imported: pd.DataFrame) -> pd.DataFrame:
    """Extracted events and imported ones (ACLED) in one frame; ``source`` tells them apart."""
    import pandas as pd

    from timeline import schema

    ours = extracted.assign(source=extracted.get("source", EXTRACTED_SOURCE))
    if "source" in extracted.columns:
        ours["source"] = ours["source"].replace("", EXTRACTED_SOURCE).fillna(EXTRACTED_SOURCE)
    both = pd.concat([schema.coerce(ours), schema.coerce(imported)], ignore_index=True)
    return schema.coerce(both)
