"""A knowledge base of reference events that news text counts from or is dated by.

The bundled events live in ``timeline/resources/reference_events.yaml`` (its header
documents the fields). Users add their own with ``load_events(extra)``, where
``extra`` is a YAML or CSV path, or a list of dicts or ``ReferenceEvent``::

    events = load_events("my_events.csv")
    find_times(text, events=events)
    find_times(text, events="my_events.yaml")  # the same: a path is added to the bundled

A CSV file has a header row with the field names; list fields (aliases,
generic_aliases, context, examples) are separated by ``|``, occurrences as
``start/end`` pairs separated by ``|``. An extra event whose id is already known
replaces the bundled one, so a user can correct or narrow it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from timeline.errors import ResourceError
from timeline.resource_files import entries, parse_yaml, read_bundled
from timeline.files import read_regular

BUNDLED = "reference_events.yaml"
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_LIST_FIELDS = ("aliases", "generic_aliases", "context", "examples")
_KNOWN_FIELDS = frozenset(
    {"id", "name", "date", "month", "day", "typical", "occurrences", "description", "source"}
    | set(_LIST_FIELDS)
)


@dataclass(frozen=True)
class ReferenceEvent:
    """A dated event: one-off (``date``) or recurring (``month``, maybe ``day``)."""

    id: str
    name: str
    date: date | None = None
    month: int | None = None
    day: int | None = None
    typical: bool = False
    occurrences: tuple[tuple[date, date], ...] = ()
    aliases: tuple[str, ...] = ()
    generic_aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    examples: tuple[str, ...] = ()

    @property
    def recurring(self) -> bool:
        """True for events that come back every year (summits, holidays)."""
        return self.date is None


# --- loading and validation ---------------------------------------------------------


def load_events(
    extra: str | Path | Iterable[Mapping[str, Any] | ReferenceEvent] | None = None,
) -> tuple[ReferenceEvent, ...]:
    """The bundled reference events, plus (and overridden by) ``extra`` ones."""
    events = list(_bundled_events())
    if extra is None:
        return tuple(events)
    added = _load_extra(extra)
    replaced = {event.id for event in added}
    return tuple([e for e in events if e.id not in replaced] + list(added))


@cache
def _bundled_events() -> tuple[ReferenceEvent, ...]:
    """The bundled events; unlike a user's, each must carry worked examples."""
    data = read_bundled(BUNDLED)
    checked = entries(data, BUNDLED, "events", ("name",))
    return tuple(event_from_mapping(item, BUNDLED, i) for i, item in enumerate(checked))


def _load_extra(
    extra: str | Path | Iterable[Mapping[str, Any] | ReferenceEvent],
) -> tuple[ReferenceEvent, ...]:
    if isinstance(extra, (str, Path)):
        return load_event_file(extra)
    items = list(extra)
    events = [
        item if isinstance(item, ReferenceEvent) else event_from_mapping(item, "events argument", i)
        for i, item in enumerate(items)
    ]
    return _check_unique(events, "events argument")


def load_event_file(path: str | Path) -> tuple[ReferenceEvent, ...]:
    """Read reference events from a ``.yaml``/``.yml`` or ``.csv`` file."""
    path = Path(path)
    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"{path}: reference event file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot read reference events: {exc}") from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _parse_yaml(text, str(path))
    if suffix == ".csv":
        return _parse_csv(text, str(path))
    raise ResourceError(f"{path}: reference events must be a .yaml, .yml or .csv file")


def _parse_yaml(text: str, source: str) -> tuple[ReferenceEvent, ...]:
    data = parse_yaml(text, source)
    if isinstance(data, Mapping):
        data = data.get("events")
    if not isinstance(data, list):
        raise ResourceError(f"{source}: expected a list of events (or a mapping with 'events')")
    events = [event_from_mapping(item, source, i) for i, item in enumerate(data)]
    return _check_unique(events, source)


def _parse_csv(text: str, source: str) -> tuple[ReferenceEvent, ...]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "id" not in reader.fieldnames:
        raise ResourceError(f"{source}: the CSV header must name at least id, name and date or month")
    events = []
    for i, row in enumerate(reader):
        item: dict[str, Any] = {k: v for k, v in row.items() if k and v not in (None, "")}
        for key in _LIST_FIELDS:
            if key in item:
                item[key] = [part.strip() for part in item[key].split("|") if part.strip()]
        if "occurrences" in item:
            item["occurrences"] = [p.split("/") for p in item["occurrences"].split("|") if p.strip()]
        events.append(event_from_mapping(item, f"{source}:{i + 2}", None))
    return _check_unique(events, source)


def _check_unique(events: Sequence[ReferenceEvent], source: str) -> tuple[ReferenceEvent, ...]:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise ResourceError(f"{source}: duplicate reference event id {event.id!r}")
        seen.add(event.id)
    return tuple(events)


def event_from_mapping(item: Any, source: str, index: int | None) -> ReferenceEvent:
    """Validate one event given as a mapping; ``ResourceError`` names source and event."""
    where = source if index is None else f"{source}: event {index + 1}"
    if not isinstance(item, Mapping):
        raise ResourceError(f"{where}: expected a mapping of fields, got {item!r}")
    event_id = str(item.get("id", "")).strip()
    where = f"{where} ({event_id or 'no id'})"
    unknown = set(item) - _KNOWN_FIELDS
    if unknown:
        raise ResourceError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    if not _ID.match(event_id):
        raise ResourceError(f"{where}: id must be lower-case words joined by '-'")
    name = str(item.get("name", "")).strip()
    if not name:
        raise ResourceError(f"{where}: name is missing")
    lists = {key: _str_list(item.get(key), where, key) for key in _LIST_FIELDS}
    if not lists["aliases"] and not lists["generic_aliases"]:
        raise ResourceError(f"{where}: give at least one alias")
    if lists["generic_aliases"] and not lists["context"]:
        raise ResourceError(f"{where}: generic_aliases need context words")
    when = _when(item, where)
    return ReferenceEvent(
        id=event_id, name=name, **when, **lists,
        description=str(item.get("description") or ""), source=str(item.get("source") or ""),
    )


def _when(item: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The date fields: exactly one of ``date`` or ``month`` (with optional ``day``)."""
    has_date, has_month = item.get("date") is not None, item.get("month") is not None
    if has_date == has_month:
        raise ResourceError(f"{where}: give either date (one-off) or month (recurring)")
    if has_date:
        if item.get("day") is not None or item.get("occurrences"):
            raise ResourceError(f"{where}: day and occurrences are for recurring events")
        return {"date": _date(item["date"], where, "date")}
    month = _int(item["month"], where, "month", 1, 12)
    day = _int(item["day"], where, "day", 1, 31) if item.get("day") is not None else None
    if day is not None:
        _date(f"2000-{month:02d}-{day:02d}", where, "month/day")
    occurrences = tuple(_occurrence(pair, where) for pair in item.get("occurrences") or ())
    typical = item.get("typical", False)
    if isinstance(typical, str):
        typical = typical.strip().lower() in ("true", "yes", "1")
    return {"month": month, "day": day, "typical": bool(typical), "occurrences": occurrences}


def _date(value: Any, where: str, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ResourceError(f"{where}: {key} {value!r} is not a YYYY-MM-DD date") from exc


def _int(value: Any, where: str, key: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ResourceError(f"{where}: {key} {value!r} is not a number") from exc
    if not low <= number <= high:
        raise ResourceError(f"{where}: {key} {number} is outside {low}..{high}")
    return number


def _occurrence(pair: Any, where: str) -> tuple[date, date]:
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise ResourceError(f"{where}: each occurrence is a [start, end] pair, got {pair!r}")
    start, end = _date(pair[0], where, "occurrence"), _date(pair[1], where, "occurrence")
    if end < start:
        raise ResourceError(f"{where}: occurrence {start}..{end} ends before it starts")
    return start, end


def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"{where}: {key} must be a list of strings")
    cleaned = tuple(v.strip() for v in value if v.strip())
    return cleaned


def event_fields() -> tuple[str, ...]:
    """The field names of ``ReferenceEvent``, for documentation and CSV headers."""
    return tuple(f.name for f in fields(ReferenceEvent))


def resolve_events(
    events: str | Path | Iterable[Mapping[str, Any] | ReferenceEvent] | None,
) -> tuple[ReferenceEvent, ...]:
    """The event set to use for an ``events`` argument of the public API.

    None gives the bundled events; a path or dicts are added to them (``load_events``);
    a sequence of ``ReferenceEvent`` (such as ``load_events()`` returns) is used as is.
    """
    if events is None:
        return load_events()
    if isinstance(events, (str, Path)):
        return load_events(events)
    items = tuple(events)
    if all(isinstance(item, ReferenceEvent) for item in items):
        return items  # type: ignore[return-value]
    return load_events(items)
