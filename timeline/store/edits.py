"""The analyst's work on a store: corrections, "wrong" flags, notes and tags.

Every change is one row of the ``edits`` table (who, when, the field, the old and the
new value), and the event row itself is updated in the same transaction, so filters,
counts and exports see the corrected value while the history stays complete.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from timeline.errors import StoreError
from timeline.vocab import LIST_SEPARATOR

if TYPE_CHECKING:
    from timeline.store.db import Store

#: Event fields an analyst may change, and how a value is read from text.
EDITABLE: tuple[str, ...] = ("date", "event_type", "actors", "place", "country",
                             "wrong", "note", "tags")
TARGET_KINDS: tuple[str, ...] = ("event", "story")

# A corrected date is a TIMEX3 calendar value: a year, a month, an ISO week or a day.
_DATE_VALUE = re.compile(r"(\d{4})(?:-(?:W(\d{2})|(\d{2})(?:-(\d{2}))?))?")


def record_edit(store: Store, kind: str, target_id: str, field: str, value: Any,
                editor: str) -> None:
    """Change ``field`` of the event (or of every event of the story) ``target_id``."""
    if kind not in TARGET_KINDS:
        raise StoreError(f"cannot edit a {kind!r}: edit an event or a story")
    if field not in EDITABLE:
        raise StoreError(f"{field!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    if not editor.strip():
        raise StoreError("an edit needs the name of who made it")
    updates = field_updates(field, value)
    with store.transaction() as con:
        ids = _event_ids(con, kind, target_id)
        if not ids:
            raise StoreError(f"no {kind} with id {target_id!r} in {store.path}")
        old = _current(con, ids[0], field)
        edit_id = con.execute("SELECT coalesce(max(edit_id), 0) + 1 FROM edits").fetchone()[0]
        con.execute("INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [edit_id, kind, target_id, field, old, _text(field, value), editor,
                     store.clock()])
        assignments = ", ".join(f'"{column}" = ?' for column in updates)
        marks = ", ".join("?" * len(ids))
        con.execute(f'UPDATE events SET {assignments}, corrected = TRUE '
                    f'WHERE event_id IN ({marks})', [*updates.values(), *ids])


def _event_ids(con: Any, kind: str, target_id: str) -> list[str]:
    if kind == "story":
        rows = con.execute("SELECT event_id FROM story_members WHERE story_id = ? "
                           "ORDER BY event_id", [target_id]).fetchall()
    else:
        rows = con.execute("SELECT event_id FROM events WHERE event_id = ?",
                           [target_id]).fetchall()
    return [row[0] for row in rows]


def _current(con: Any, event_id: str, field: str) -> str:
    column = "time_value" if field == "date" else field
    value = con.execute(f'SELECT "{column}" FROM events WHERE event_id = ?',
                        [event_id]).fetchone()[0]
    return _text(field, value)


def _text(field: str, value: Any) -> str:
    """An edit's value as stored in the history: lists as JSON, the rest as text."""
    if field in ("actors", "tags"):
        return json.dumps(list(value or []), ensure_ascii=False)
    return "" if value is None else str(value)


def field_updates(field: str, value: Any) -> dict[str, Any]:
    """Columns of the event row that change when ``field`` is set to ``value``."""
    if field == "date":
        return date_columns(str(value))
    if field in ("actors", "tags"):
        items = value.split(LIST_SEPARATOR.strip()) if isinstance(value, str) else list(value)
        return {field: [str(item).strip() for item in items if str(item).strip()]}
    if field == "wrong":
        return {"wrong": _boolean(value)}
    if field == "place":
        # A place typed by hand has no coordinates we can vouch for.
        return {"place": str(value), "latitude": None, "longitude": None,
                "place_precision": None}
    return {field: str(value)}


def date_columns(value: str) -> dict[str, Any]:
    """``date``/``start``/``end``/``granularity``/``time_value`` of a corrected date.

    ``value`` is a TIMEX3 calendar value: ``2023``, ``2023-01``, ``2023-W03`` or
    ``2023-01-17``; its precision is the granularity of the correction.
    """
    match = _DATE_VALUE.fullmatch(value.strip())
    if match is None:
        raise StoreError(f"{value!r} is not a date: give 2023, 2023-01, 2023-W03 or 2023-01-17")
    year, week, month, day = match.groups()
    try:
        start, end, granularity = _interval(int(year), week, month, day)
    except ValueError as exc:
        raise StoreError(f"{value!r} is not a date: {exc}") from exc
    return {"date": start, "start": start, "end": end, "granularity": granularity,
            "time_value": value.strip()}


def _interval(year: int, week: str | None, month: str | None,
              day: str | None) -> tuple[datetime, datetime, str]:
    from datetime import timedelta

    if week is not None:
        start = datetime.fromisocalendar(year, int(week), 1)
        return start, start + timedelta(days=7), "week"
    if month is None:
        return datetime(year, 1, 1), datetime(year + 1, 1, 1), "year"
    if day is None:
        first = datetime(year, int(month), 1)
        following = datetime(year + int(month) // 12, int(month) % 12 + 1, 1)
        return first, following, "month"
    start = datetime(year, int(month), int(day))
    return start, start + timedelta(days=1), "day"


def _boolean(value: Any) -> bool:
    if isinstance(value, str):
        if value.strip().lower() in ("true", "yes", "1", "wrong"):
            return True
        if value.strip().lower() in ("false", "no", "0", ""):
            return False
        raise StoreError(f"{value!r} is not true or false")
    return bool(value)
