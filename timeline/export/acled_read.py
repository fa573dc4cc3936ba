"""ACLED rows in: each row an event of the timeline schema (see :mod:`timeline.export.acled`).

* ``event_date`` (``YYYY-MM-DD``, ``DD Month YYYY`` or ``DD-MM-YYYY``, as ACLED's
  downloads spell it) with ``time_precision``: 1 is that day, 2 the week around it
  (granularity ``week``, from three days before to three after), 3 its month;
* the actor columns become ``actors`` (actor1, its associates, actor2, its associates);
  ``actor1``, ``actor2`` and ``assoc_actors`` keep ACLED's own split;
* ``location``, ``latitude``, ``longitude``, ``country``, ``admin1``, ``admin2`` and
  ``geo_precision`` (kept as ACLED's code; ``place_precision`` 1 city, 2 region,
  3 country) the place; ``notes`` the sentence;
* ``event_type`` is ours from a ``timeline: <type>`` tag when the file came from us,
  else the type ``event_types.yaml`` codes as ACLED's; ACLED's are kept in
  ``acled_event_type`` and ``acled_sub_event_type``; ``fatalities`` is kept;
* ``confidence`` from a ``confidence: x`` tag, else 1.0: ACLED events are coded by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.export.acled import ACLED_SOURCE, CONFIDENCE_TAG, GEO_WORDS, TYPE_TAG, ours
from timeline.export.cells import split_list
from timeline.vocab import Granularity

if TYPE_CHECKING:
    import pandas as pd

#: ``time_precision`` code -> granularity of the event read in.
PRECISION_GRANULARITY: dict[str, str] = {
    "1": Granularity.DAY, "2": Granularity.WEEK, "3": Granularity.MONTH,
}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%m-%Y", "%d/%m/%Y")


def acled_events(raw: pd.DataFrame) -> pd.DataFrame:
    """ACLED rows (text cells, lower-case or upper-case headers) as event-schema rows."""
    import pandas as pd

    from timeline import schema

    raw = raw.rename(columns=lambda name: str(name).lower())
    rows = [_event(row, number) for number, row in enumerate(raw.to_dict("records"), start=2)]
    frame = pd.DataFrame(rows) if rows else schema.empty_frame()
    if "source" not in frame.columns:
        frame["source"] = pd.Series(dtype="str")
    frame["fatalities"] = pd.to_numeric(frame["fatalities"], errors="coerce")
    return schema.coerce(frame)


def _event(row: dict[str, Any], line: int) -> dict[str, Any]:
    start, end, granularity = _interval(row, line)
    tags = split_list(row.get("tags", ""))
    own = [t.removeprefix(TYPE_TAG) for t in tags if t.startswith(TYPE_TAG)]
    confidence = [t.removeprefix(CONFIDENCE_TAG) for t in tags if t.startswith(CONFIDENCE_TAG)]
    kind, sub_kind = row.get("event_type", ""), row.get("sub_event_type", "")
    code = str(row.get("geo_precision", "")).strip()
    return {
        "event_id": row.get("event_id_cnty", "") or f"acled-{line}",
        "doc_id": row.get("source", ""), "date": start, "start": start, "end": end,
        "granularity": granularity, "time_text": "", "time_value": row.get("event_date", ""),
        "event_type": own[0] if own else ours(kind, sub_kind),
        "actors": _actors(row), "actor1": row.get("actor1", ""), "actor2": row.get("actor2", ""),
        "assoc_actors": [n for n in split_list(row.get("assoc_actor_1", "")) if n], "locations": [row["location"]] if row.get("location") else [],
        "place": row.get("location", ""), "latitude": _number(row.get("latitude")),
        "longitude": _number(row.get("longitude")), "country": row.get("country", ""),
        "geo_precision": int(code) if code.isdigit() else None,
        "place_precision": GEO_WORDS.get(int(code)) if code.isdigit() else None,
        "sentence": row.get("notes", ""),
        "confidence": float(confidence[0]) if confidence else 1.0,
        "tags": [t for t in tags if not t.startswith((TYPE_TAG, CONFIDENCE_TAG))],
        "acled_event_type": kind, "acled_sub_event_type": sub_kind,
        "fatalities": row.get("fatalities", ""), "admin1": row.get("admin1", ""),
        "admin2": row.get("admin2", ""), "source": ACLED_SOURCE,
    }


def _interval(row: dict[str, Any], line: int) -> tuple[Any, Any, str | None]:
    import pandas as pd

    text = str(row.get("event_date", "")).strip()
    if not text:
        return pd.NaT, pd.NaT, Granularity.NONE.value
    day = _parse_day(text, line)
    granularity = PRECISION_GRANULARITY.get(str(row.get("time_precision", "")).strip(),
                                            Granularity.DAY)
    if granularity == Granularity.WEEK:
        return day - pd.Timedelta(days=3), day + pd.Timedelta(days=4), granularity.value
    if granularity == Granularity.MONTH:
        first = day.replace(day=1)
        return first, first + pd.offsets.MonthBegin(1), granularity.value
    return day, day + pd.Timedelta(days=1), granularity.value


def _parse_day(text: str, line: int) -> pd.Timestamp:
    import pandas as pd

    for pattern in _DATE_FORMATS:
        try:
            return pd.to_datetime(text, format=pattern)
        except ValueError:
            continue
    raise ValueError(f"line {line}: event_date {text!r} is not a date")


def _actors(row: dict[str, Any]) -> list[str]:
    names = []
    for column in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        names.extend(name for name in split_list(row.get(column, "")) if name)
    return names


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
